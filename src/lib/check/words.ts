/**
 * The words of a text as the check compares them (agreed.ts): lower case,
 * letters and digits only; their key (the words joined by single spaces), by
 * which an index knows a text it holds; and their shingles, the hashed runs
 * of SHINGLE_WORDS words by which it finds candidates.
 *
 * A text read from the index's shards is scanned once (`wordSpans`): where
 * each word starts and ends in its lower-cased form, so that its shingles are
 * hashed over its characters, with no string made for each word (a check
 * reads thousands of texts, of which it compares few word for word).
 */
import { hashWords } from './hash.ts';

/** Words per shingle: long enough to be rare, short enough to survive an edit nearby. */
export const SHINGLE_WORDS = 5;

const WORD = /[\p{L}\p{N}]+/gu;
const WORD_CHAR = /^[\p{L}\p{N}]$/u;

/** The words of a text as compared: lower case, letters and digits only. */
export function wordsOf(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}

/** The distinct shingles of a word list; a paragraph shorter than a shingle is one shingle of all its words. */
export function shingles(words: readonly string[]): number[] {
  if (!words.length) return [];
  const n = Math.min(SHINGLE_WORDS, words.length);
  const out = new Set<number>();
  for (let i = 0; i + n <= words.length; i++) out.add(hashWords(words, i, n));
  return [...out];
}

/** The words of a text as offsets into its lower-cased form: word i is `lower.slice(starts[i], ends[i])`. */
export interface WordSpans {
  lower: string;
  starts: Int32Array;
  ends: Int32Array;
  length: number;
}

/** Whether each code point past ASCII is a letter or a digit, as met. */
const wordCodePoints = new Map<number, boolean>();

function isWordCodePoint(cp: number): boolean {
  let known = wordCodePoints.get(cp);
  if (known === undefined) wordCodePoints.set(cp, (known = WORD_CHAR.test(String.fromCodePoint(cp))));
  return known;
}

/** Where the words of `wordsOf(text)` are, found in one pass over its characters. */
export function wordSpans(text: string): WordSpans {
  const lower = text.toLowerCase();
  let starts: Int32Array<ArrayBuffer> = new Int32Array(Math.max(8, lower.length >>> 2));
  let ends: Int32Array<ArrayBuffer> = new Int32Array(starts.length);
  let length = 0;
  let start = -1;
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    let word: boolean;
    let width = 1;
    if (c < 0x80) word = (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39);
    else {
      let cp = c;
      if (c >= 0xd800 && c < 0xdc00 && i + 1 < lower.length) {
        const d = lower.charCodeAt(i + 1);
        if (d >= 0xdc00 && d < 0xe000) {
          cp = (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000;
          width = 2;
        }
      }
      word = isWordCodePoint(cp);
    }
    if (word) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      if (length === starts.length) [starts, ends] = [grow(starts), grow(ends)];
      starts[length] = start;
      ends[length++] = i;
      start = -1;
    }
    i += width - 1;
  }
  if (start >= 0) {
    if (length === starts.length) [starts, ends] = [grow(starts), grow(ends)];
    starts[length] = start;
    ends[length++] = lower.length;
  }
  return { lower, starts, ends, length };
}

function grow(a: Int32Array): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

/** hashWords over `length` of the spans' words from `from`: the same hash as over the words themselves. */
export function spanHash(spans: WordSpans, from: number, length: number): number {
  const { lower, starts, ends } = spans;
  let h = 0x811c9dc5;
  for (let k = from; k < from + length; k++) {
    for (let c = starts[k]!; c < ends[k]!; c++) h = Math.imul(h ^ lower.charCodeAt(c), 0x01000193);
    h = Math.imul(h ^ 32, 0x01000193);
  }
  return h >>> 0;
}

/** The shingles of the spans' words that are in `lookups`, window by window (a shingle repeated in the text comes as often). */
export function spanShingles(spans: WordSpans, lookups: ReadonlySet<number>): number[] {
  const out: number[] = [];
  if (!spans.length) return out;
  const n = Math.min(SHINGLE_WORDS, spans.length);
  for (let i = 0; i + n <= spans.length; i++) {
    const s = spanHash(spans, i, n);
    if (lookups.has(s)) out.push(s);
  }
  return out;
}
