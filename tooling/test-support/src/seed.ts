/**
 * The seed of a property suite: `FC_SEED` when it is set (so that a failure printed by fast-check
 * can be replayed), else the suite's own fixed `fallback`. Throws when `FC_SEED` is not an integer.
 *
 * @example
 * fc.assert(property, { seed: propertySeed(20_261_128), numRuns: 10_000 });
 */
export function propertySeed(fallback: number, text: string | undefined = process.env['FC_SEED']): number {
  if (text === undefined || text.trim() === '') return fallback;
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new Error(`FC_SEED must be an integer, not ${JSON.stringify(text)}.`);
  return value;
}
