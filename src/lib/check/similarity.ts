/**
 * How alike two paragraphs' words are, for the check (agreed.ts): in
 * sequence (the share of common words a longest common subsequence keeps),
 * and in any order (a bound on the first that costs one pass).
 */
import { lcsLength } from './lcs.ts';

/**
 * 2 × common words / words of both, over the word sequences (1: the same
 * words): the common words are a longest common subsequence (lcs.ts), those
 * a word diff keeps. Below `from` the answer is 0, as in the check the exact
 * figure of a paragraph that is not a source does not matter.
 */
export function wordSimilarity(a: readonly string[], b: readonly string[], from = 0): number {
  if (!a.length && !b.length) return 1;
  // The common words cannot outnumber the shorter list: no need to count them when even that falls short.
  if ((2 * Math.min(a.length, b.length)) / (a.length + b.length) < from) return 0;
  const similarity = (2 * lcsLength(a, b)) / (a.length + b.length);
  return similarity < from ? 0 : similarity;
}

/** 2 × the words two texts share in any order / words of both: never below their similarity in sequence. */
export function bagSimilarity(counts: ReadonlyMap<string, number>, length: number, other: readonly string[]): number {
  // Each word of `other` is common while the paragraph has one of it left: counted down in `used`, a count per word.
  const used = new Map<string, number>();
  let common = 0;
  for (const w of other) {
    const n = counts.get(w);
    if (n === undefined) continue;
    const u = used.get(w) ?? 0;
    if (u < n) {
      common++;
      used.set(w, u + 1);
    }
  }
  return (2 * common) / (length + other.length);
}
