/** The longest input compared in full; longer input is cut (a code is at most ~25 characters). */
const MAX_COMPARED_LENGTH = 64;

/** Levenshtein distance (insertions, deletions, substitutions), in O(a·b) time and O(b) memory. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/**
 * The candidate closest to `input`, ignoring case: the shortest candidate that starts with it
 * (3 characters or more: `invalidhash` -> `InvalidHashValue`), else the one at the smallest edit
 * distance (`InvalidHashVaule` -> `InvalidHashValue`); the first one listed wins a tie.
 * `undefined` only when there are no candidates.
 */
export function closestMatch(input: string, candidates: readonly string[]): string | undefined {
  const needle = input.slice(0, MAX_COMPARED_LENGTH).toLowerCase();
  if (needle.length >= 3) {
    const completions = candidates.filter((candidate) => candidate.toLowerCase().startsWith(needle));
    const shortest = completions.reduce<string | undefined>((best, candidate) => (best === undefined || candidate.length < best.length ? candidate : best), undefined);
    if (shortest !== undefined) return shortest;
  }
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const distance = editDistance(needle, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
