// A vitest setup file for Stryker runs only (see stryker.vitest.config.mts); `pnpm test` never uses it.
//
// 1. Stryker keeps its state in `globalThis.__stryker__` and changes it during every test (current
//    test, coverage, hit counts). The @fast-check/poisoning checks of the suites under mutation see
//    any change below globalThis and would fail every run. Turning Stryker's fields into accessors
//    keeps their property descriptors fixed while their values change, so the checks still watch
//    every real global and prototype.
// 2. The property suites run 10 000 times each in the test command. Under mutation every property
//    stops after STRYKER_FC_RUNS runs (default 500) through a fast-check global plugin, so that an
//    hour-long run does not become a day-long one. Mutation scores are thus a lower bound of what the
//    full suites detect.
import fc from 'fast-check';

const namespace = globalThis.__stryker__ ?? (globalThis.__stryker__ = {});
for (const key of ['activeMutant', 'currentTestId', 'mutantCoverage', 'hitCount', 'hitLimit']) {
  let value = namespace[key];
  Object.defineProperty(namespace, key, {
    get: () => value,
    set: (next) => {
      value = next;
    },
    enumerable: true,
    configurable: true,
  });
}

const RUN_CAP = Number(process.env.STRYKER_FC_RUNS ?? 500);
const INSTALLED = Symbol.for('defender-errors.stryker-run-cap');
if (!fc.installGlobalPlugin[INSTALLED]) {
  fc.installGlobalPlugin(() => ({
    decorateRun: (run) => {
      let runs = 0;
      // An interrupting precondition failure ends the run as a pass; a failure found before the cap still fails.
      return (value) => (runs++ >= RUN_CAP ? new fc.PreconditionFailure(true) : run(value));
    },
  }));
  fc.installGlobalPlugin[INSTALLED] = true;
}
