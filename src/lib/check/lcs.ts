/**
 * The length of the longest common subsequence of two word lists, by the
 * bit-parallel algorithm of Allison and Dix (1986) in the form of Hyyrö
 * (2004): one bit per word of the shorter list, one pass over the longer, so
 * a pair of 100-word paragraphs costs a few hundred word operations and no
 * allocation but two small arrays.
 *
 * The check scores hundreds of candidate paragraphs per draft, and only the
 * score is needed there, not the edits: jsdiff's Myers diff (which the
 * redlines use) finds the same common words (a shortest edit script keeps a
 * longest common subsequence; tests/check/lcs.test.ts compares both) but
 * costs time in the square of the edits, most for the unrelated pairs the
 * check mostly rejects.
 */

/** The number of words of `a` and `b` that a longest common subsequence keeps. */
export function lcsLength(a: readonly string[], b: readonly string[]): number {
  const [p, t] = a.length <= b.length ? [a, b] : [b, a];
  const m = p.length;
  if (!m) return 0;
  const blocks = (m + 31) >>> 5;
  // For each word of the shorter list, the bits of the places it holds there.
  const places = new Map<string, Uint32Array>();
  for (let i = 0; i < m; i++) {
    let bits = places.get(p[i]!);
    if (!bits) places.set(p[i]!, (bits = new Uint32Array(blocks)));
    bits[i >>> 5]! |= 1 << (i & 31);
  }
  // V: a 0 bit for each place of the shorter list matched so far (along the best alignment to each prefix).
  const v = new Uint32Array(blocks).fill(0xffffffff);
  for (const word of t) {
    const match = places.get(word);
    if (!match) continue;
    // V' = (V + (V & M)) | (V & ~M), the addition carried across the blocks.
    let carry = 0;
    for (let k = 0; k < blocks; k++) {
      const vk = v[k]!;
      const mk = match[k]!;
      const sum = vk + ((vk & mk) >>> 0) + carry;
      carry = sum > 0xffffffff ? 1 : 0;
      v[k] = (sum >>> 0) | (vk & ~mk);
    }
  }
  let zeros = 0;
  for (let i = 0; i < m; i++) if (!(v[i >>> 5]! & (1 << (i & 31)))) zeros++;
  return zeros;
}
