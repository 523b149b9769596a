// Stands in for @defender-errors/browser/jsx in test/jsx-types.test.ts: no typings.
export {};
