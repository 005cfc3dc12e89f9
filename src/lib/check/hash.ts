/** The hash of a run of words, shared by the shingles of the check (agreed.ts) and its phrase windows (phrases.ts). */

/** hashWords over one word. */
export function hashWord(w: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < w.length; i++) h = Math.imul(h ^ w.charCodeAt(i), 0x01000193);
  return Math.imul(h ^ 32, 0x01000193) >>> 0;
}

/** FNV-1a over `length` words from `start`: a 32-bit key. */
export function hashWords(words: readonly string[], start: number, length: number): number {
  let h = 0x811c9dc5;
  for (let k = start; k < start + length; k++) {
    const w = words[k]!;
    for (let i = 0; i < w.length; i++) h = Math.imul(h ^ w.charCodeAt(i), 0x01000193);
    h = Math.imul(h ^ 32, 0x01000193);
  }
  return h >>> 0;
}
