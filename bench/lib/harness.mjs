// Side-by-side throughput measurement on top of tinybench, made for operations of a few nanoseconds
// on a shared, noisy machine:
// - every sample runs a batch of calls, so the timer's resolution and overhead do not dominate;
// - every task gets its own compiled loop (no shared megamorphic call site that would slow the
//   fastest contender down and flatter the others);
// - results are kept in a ring buffer, so the optimizer cannot drop the work;
// - all tasks run in several interleaved rounds (order alternating) and each task reports its best
//   round (the median sample of its fastest round): on a shared machine other processes only ever
//   add time, so the best round is the most reproducible estimate, for every contender alike.
import { Bench } from 'tinybench';
import { cpus } from 'node:os';

const RING_SIZE = 64;
let loopSerial = 0;

/**
 * Builds a loop that calls `fn(inputs[i % inputs.length])` `batch` times. The source text differs
 * per call, so V8 gives every task its own code and type feedback.
 */
function compileLoop(fn, inputs, batch) {
  loopSerial += 1;
  const ring = new Array(RING_SIZE).fill('');
  const factory = new Function(
    'fn',
    'inputs',
    'ring',
    `return function benchLoop${loopSerial}() {
      const count = inputs.length;
      for (let index = 0; index < ${batch}; index += 1) ring[index & ${RING_SIZE - 1}] = fn(inputs[index % count]);
    };`,
  );
  return { run: factory(fn, inputs, ring), ring };
}

/**
 * Measures every task side by side and returns `{ name, nsPerOp, opsPerSecond, spread, rounds }` per
 * task: `nsPerOp` from its best round, `spread` how much slower its median round was (in %). A task
 * is `{ name, fn, inputs }`; `fn` gets one input per call.
 */
export async function measureThroughput(tasks, { rounds = 9, time = 200, warmupTime = 100, batch = 256 } = {}) {
  const loops = tasks.map((task) => ({ ...task, loop: compileLoop(task.fn, task.inputs, batch) }));
  for (const task of loops) {
    const sample = task.fn(task.inputs[0]);
    if (typeof sample !== 'string' && typeof sample !== 'object') throw new Error(`${task.name}: returned ${typeof sample}`);
  }
  const perRound = new Map(loops.map((task) => [task.name, []]));
  for (let round = 0; round < rounds; round += 1) {
    const bench = new Bench({ time, warmupTime, warmup: true, iterations: 16, throws: true });
    // Alternate the order between rounds so that no task always runs first or last.
    const ordered = round % 2 === 0 ? loops : [...loops].reverse();
    for (const task of ordered) bench.add(task.name, task.loop.run);
    await bench.run();
    for (const benchTask of bench.tasks) {
      const { result } = benchTask;
      if (result.state !== 'completed') throw new Error(`${benchTask.name}: ${result.state} ${result.error ?? ''}`);
      perRound.get(benchTask.name).push({ nsPerOp: (result.latency.p50 * 1e6) / batch });
    }
  }
  return loops.map((task) => {
    const times = perRound.get(task.name).map((sample) => sample.nsPerOp);
    const nsPerOp = Math.min(...times);
    return {
      name: task.name,
      nsPerOp,
      opsPerSecond: 1e9 / nsPerOp,
      spread: ((median(times) - nsPerOp) / nsPerOp) * 100,
      rounds: times.length,
      lastOutput: describeOutput(task.loop.ring[0]),
    };
  });
}

function describeOutput(value) {
  return typeof value === 'string' ? value : JSON.stringify(value)?.slice(0, 120);
}

/** The median of a list of numbers. */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** A one-line description of the machine, for the report. */
export function machine() {
  const list = cpus();
  return `${list[0]?.model ?? 'unknown CPU'} × ${list.length}, Node ${process.version}, ${process.platform}-${process.arch}`;
}
