// Output of a benchmark suite: readable tables on stdout, and (when run by bench/run.mjs) a JSON
// record of the rows and goal checks in the file named by BENCH_RESULT_FILE.
import { writeFileSync } from 'node:fs';

/** Collects what one suite measured and which goals it met. */
export class SuiteReport {
  constructor(suite) {
    this.suite = suite;
    this.tables = [];
    this.goals = [];
    this.notes = [];
  }

  /** Prints a table now and keeps it for the JSON record. `columns`: [{ key, label, format? }]. */
  table(title, columns, rows) {
    const cells = rows.map((row) => columns.map((column) => (column.format ? column.format(row[column.key], row) : String(row[column.key] ?? ''))));
    this.tables.push({ title, header: columns.map((column) => column.label), cells, rows });
    const widths = columns.map((column, index) => Math.max(column.label.length, ...cells.map((line) => line[index].length)));
    const line = (values) => values.map((value, index) => (index === 0 ? value.padEnd(widths[index]) : value.padStart(widths[index]))).join('  ');
    console.log(`\n${title}`);
    console.log(line(columns.map((column) => column.label)));
    console.log(widths.map((width) => '-'.repeat(width)).join('  '));
    for (const values of cells) console.log(line(values));
  }

  /** Records a goal check: `measured` against `limit`, where `better` says which side passes. */
  goal(id, description, measured, limit, { better = 'lower', unit = '' } = {}) {
    const ok = better === 'lower' ? measured <= limit : measured >= limit;
    this.goals.push({ id, description, measured, limit, better, unit, ok });
    const sign = better === 'lower' ? '≤' : '≥';
    console.log(`${ok ? 'PASS' : 'MISS'}  ${description}: ${round(measured)}${unit} (goal ${sign} ${round(limit)}${unit})`);
  }

  /** A line of context printed now and kept in the record. */
  note(text) {
    this.notes.push(text);
    console.log(text);
  }

  /** Writes the JSON record for bench/run.mjs, when it asked for one. */
  finish() {
    const file = process.env.BENCH_RESULT_FILE;
    if (file) writeFileSync(file, JSON.stringify({ suite: this.suite, tables: this.tables, goals: this.goals, notes: this.notes }, null, 2));
  }
}

/** A number with about three significant digits. */
export function round(value) {
  if (typeof value !== 'number' || !Number.isFinite(value)) return String(value);
  const magnitude = Math.abs(value);
  if (magnitude >= 100) return value.toFixed(0);
  if (magnitude >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

/** Nanoseconds, readable. */
export function formatNs(ns) {
  if (ns >= 1e6) return `${round(ns / 1e6)} ms`;
  if (ns >= 1e3) return `${round(ns / 1e3)} µs`;
  return `${round(ns)} ns`;
}

/** Operations per second, readable. */
export function formatOps(ops) {
  if (ops >= 1e6) return `${round(ops / 1e6)} M/s`;
  if (ops >= 1e3) return `${round(ops / 1e3)} k/s`;
  return `${round(ops)} /s`;
}

/** Bytes, exact (budgets are in bytes; 1 kB = 1000 B). */
export function formatBytes(bytes) {
  return `${bytes} B`;
}
