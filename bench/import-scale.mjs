// Import scale: `importLearnPage` (what `defender-errors locales import` runs) over generated Learn
// pages of 64 KiB to 2 MiB, the page-size cap. Each page has the seed's front matter and a wide
// error-code table (12 columns, then 3 columns and four times the rows; every cell in bilingual span markup, placeholders and notes in the
// message cells) of as many rows as the size takes. Prints the time per KiB at each size; linear
// work keeps it flat. Goal: time(2 MiB) / time(256 KiB) under 12 for 8 times the size.
//
// Times are the fastest of several runs (noise from other processes only adds time).
//
//   node bench/import-scale.mjs [--quick]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadSource } from '../security/lib/redos-targets.mjs';
import { ROOT } from './lib/paths.mjs';
import { machine } from './lib/harness.mjs';
import { SuiteReport, round } from './lib/report.mjs';

const KIB = 1024;
const SIZES = [64, 128, 256, 512, 1024, 2048].map((kib) => kib * KIB);
const SHAPES = [12, 3];
const quick = process.argv.includes('--quick');
const report = new SuiteReport('import-scale');
report.note(`import-scale: ${machine()}`);

const { importLearnPage, resources } = await loadSource();
const source = { ...resources['en-US'].errors };
const seed = readFileSync(join(ROOT, 'packages', 'cli', 'src', 'locales', 'fixtures', 'seed-da-DK.md'), 'utf8');
const frontMatter = seed.slice(0, seed.indexOf('\n---', 3) + 5);

const span = (id, translated, english) =>
  `<span data-ttu-id="b971d-${id}">${translated}</span><span class="sxs-lookup"><span data-stu-id="b971d-${id}">${english}</span></span>`;

/** One table row: a translated code, its status, a message with a placeholder and a note, then filler columns. */
function row(index, columns) {
  const cells = [
    span(`${index}a`, `Código${index}`, `Code${index}`),
    span(`${index}b`, 'Solicitud incorrecta (400)', 'BadRequest (400)'),
    `${span(`${index}c`, `El valor \\<the invalid hash\\> ${index} no es válido.`, `Hash value \\<the invalid hash\\> ${index} is invalid.`)} <br /><br />${span(`${index}d`, '*Nota: Compruebe la entrada.*', '*Note: Check the input.*')}`,
  ];
  for (let column = cells.length; column < columns; column += 1) cells.push(span(`${index}-${column}`, `Columna ${column} &amp; [enlace](x.md)`, `Column ${column}`));
  return cells.join(' | ');
}

/** A page of about `size` characters. */
function page(size, columns) {
  const header = Array.from({ length: columns }, (_, column) => span(`h${column}`, `Columna ${column}`, `Column ${column}`)).join(' | ');
  const lines = [frontMatter, '', header, Array.from({ length: columns }, () => '-').join('|')];
  let length = lines.join('\n').length;
  for (let index = 0; length < size; index += 1) {
    const line = row(index, columns);
    lines.push(line);
    length += line.length + 1;
  }
  return lines.join('\n').slice(0, size);
}

/** The fastest of `repeats` runs after a warm-up, and the result of the last one. */
function fastest(run, repeats) {
  let best = Infinity;
  let result;
  for (let index = 0; index <= repeats; index += 1) {
    const start = performance.now();
    result = run();
    const ms = performance.now() - start;
    if (result.rows.length === 0) throw new Error('the generated page has no error-code table');
    if (index > 0) best = Math.min(best, ms);
  }
  return { ms: best, result };
}

for (const columns of SHAPES) {
  const rows = [];
  for (const size of SIZES) {
    const markdown = page(size, columns);
    const { ms, result } = fastest(() => importLearnPage(markdown, { lng: 'es-ES', source }), quick ? 1 : size > 512 * KIB ? 3 : 5);
    const tableRows = result.rows.length;
    rows.push({ size: `${size / KIB} KiB`, rows: tableRows, ms: round(ms), perKib: `${round((ms * 1000) / (size / KIB))} µs`, kib: size / KIB, raw: ms });
  }
  for (const entry of rows) entry.growth = `x${round(entry.raw / rows[0].raw / (entry.kib / rows[0].kib))}`;
  report.table(
    `importLearnPage on generated pages (${columns} columns, bilingual span markup)`,
    [
      { key: 'size', label: 'page' },
      { key: 'rows', label: 'table rows' },
      { key: 'ms', label: 'ms' },
      { key: 'perKib', label: 'per KiB' },
      { key: 'growth', label: 'per-KiB time vs 64 KiB' },
    ],
    rows,
  );
  const at = (kib) => rows.find((entry) => entry.kib === kib).raw;
  report.goal(`import-linear-${columns}`, `importLearnPage, ${columns} columns: time(2 MiB) / time(256 KiB), 8 times the size`, at(2048) / at(256), 12, { unit: 'x' });
}
report.finish();
