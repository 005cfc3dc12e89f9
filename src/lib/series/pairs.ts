/**
 * Which pairs of versions of a series are worth computing ahead of time:
 * each version against the next (the steps of the series) and each version
 * against the latest (what became of it). That is at most 2(k − 2) + 1 pairs
 * for k versions, so the work grows with the versions, not with their square.
 * Any other pair is computed on demand (the CLI, or the core in the browser).
 *
 * Pairs are 0-based indices into the series, older first, in a fixed order:
 * successive pairs by position, then the pairs against the latest.
 */
export interface VersionPair {
  a: number;
  b: number;
  /** b = a + 1. */
  successive: boolean;
}

export function precomputedPairs(count: number): VersionPair[] {
  const out: VersionPair[] = [];
  for (let a = 0; a + 1 < count; a++) out.push({ a, b: a + 1, successive: true });
  for (let a = 0; a + 2 < count; a++) out.push({ a, b: count - 1, successive: false });
  return out;
}

/** True when the pair (older index a, newer index b) of a series of `count` versions is precomputed. */
export function isPrecomputedPair(a: number, b: number, count: number): boolean {
  return a >= 0 && a < b && b < count && (b === a + 1 || b === count - 1);
}
