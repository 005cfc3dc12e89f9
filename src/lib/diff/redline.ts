/**
 * A word-level redline of two paragraph texts, cleaned to read like a legal
 * blackline.
 *
 * The diff itself is jsdiff's `diffWords`, not `diffWordsWithSpace`: our texts
 * are already folded to single spaces (see text.ts), and giving each space a
 * token of its own lets the common " " between two rewritten words split one
 * replacement into a shredded run of one-word changes (jsdiff issue #160).
 * `diffWords` keeps the spaces on the words and ignores them when comparing.
 *
 * jsdiff counts each punctuation mark as a token, so it cuts inside the words a
 * lawyer reads as one: "seventy-fourth" to "seventy-fifth" comes out as
 * "seventy-" kept and "fourth" replaced, "74/177" to "75/195" as "74", "/",
 * "177". Two cleaning steps follow, both options in the style of jsdiff's:
 *
 * - `wholeWords` (default true): a change that starts or ends inside a word
 *   (letters, digits and the joiners - / . ' between them) is widened to the
 *   whole word on both sides, so no change ever shows part of a word.
 * - `islandWords` / `islandLength` (defaults 2 and 8): an unchanged run of at
 *   most that many words and characters that sits between two changes is
 *   absorbed into one replacement, so "74/177 of 18 December 2019" to
 *   "75/195 of 16 December 2020" reads as one change rather than four
 *   alternating strikes. An island holding clause punctuation (, ; : .) is
 *   a phrase boundary and is kept. Set `islandWords` to -1 to keep every
 *   island.
 *
 * Each hunk keeps the two texts exactly: the old text is the concatenation of
 * the `equal` and `delete` segments, the new text that of `equal` and `insert`.
 */
import { diffWords } from 'diff';

export type SegmentKind = 'equal' | 'delete' | 'insert';

export interface Segment {
  kind: SegmentKind;
  text: string;
}

export interface RedlineOptions {
  /** Widen changes to whole words (no part of a word is ever struck). Default true. */
  wholeWords?: boolean;
  /** Absorb unchanged islands of at most this many words between two changes. Default 2; -1 keeps all islands. */
  islandWords?: number;
  /** ... and at most this many characters (spaces at the edges not counted). Default 8. */
  islandLength?: number;
  /** Compare words without regard to case (jsdiff's `ignoreCase`). Default false. */
  ignoreCase?: boolean;
}

/** One stretch of the diff: text kept, or a change (what was struck, what was inserted). */
export type Hunk = { equal: string } | { delete: string; insert: string };

const WORD = /[\p{L}\p{N}]/u;
const JOINER = /[-‐‑/.'’]/u;
const isWordish = (c: string | undefined): boolean => c !== undefined && (WORD.test(c) || JOINER.test(c));

/** True when the boundary between characters l and r falls inside a word. */
function insideWord(l: string | undefined, r: string | undefined): boolean {
  return isWordish(l) && isWordish(r) && (WORD.test(l!) || WORD.test(r!));
}

/** The hunks of jsdiff's word diff, as it found them. */
export function rawHunks(a: string, b: string, options: Pick<RedlineOptions, 'ignoreCase'> = {}): Hunk[] {
  const out: Hunk[] = [];
  for (const c of diffWords(a, b, { ignoreCase: options.ignoreCase ?? false })) {
    const last = out[out.length - 1];
    if (!c.added && !c.removed) {
      out.push({ equal: c.value });
      continue;
    }
    const change = last && 'delete' in last ? last : { delete: '', insert: '' };
    if (change !== last) out.push(change);
    if (c.added) change.insert += c.value;
    else change.delete += c.value;
  }
  return out;
}

function isChange(h: Hunk | undefined): h is { delete: string; insert: string } {
  return h !== undefined && 'delete' in h;
}

/** Joins neighbouring changes and drops empty equal hunks. */
function compact(hunks: Hunk[]): Hunk[] {
  const out: Hunk[] = [];
  for (const h of hunks) {
    if (!isChange(h) && h.equal === '') continue;
    const last = out[out.length - 1];
    if (isChange(h) && isChange(last)) {
      last.delete += h.delete;
      last.insert += h.insert;
    } else if (!isChange(h) && last && !isChange(last)) {
      out[out.length - 1] = { equal: last.equal + h.equal };
    } else out.push(isChange(h) ? { ...h } : h);
  }
  return out;
}

/** Widens every change to whole words: the part of a word kept next to a change joins it. */
export function snapToWords(input: readonly Hunk[]): Hunk[] {
  let hunks = compact([...input]);
  for (let changed = true; changed; ) {
    changed = false;
    for (let i = 0; i < hunks.length; i++) {
      const h = hunks[i]!;
      if (!isChange(h)) continue;
      const prev = hunks[i - 1];
      if (prev && !isChange(prev) && prev.equal) {
        const first = [h.delete[0], h.insert[0]];
        const l = prev.equal[prev.equal.length - 1];
        if (first.some((r) => insideWord(l, r))) {
          let k = prev.equal.length;
          while (k > 0 && isWordish(prev.equal[k - 1])) k--;
          const part = prev.equal.slice(k);
          hunks[i - 1] = { equal: prev.equal.slice(0, k) };
          h.delete = part + h.delete;
          h.insert = part + h.insert;
          changed = true;
        }
      }
      const next = hunks[i + 1];
      if (next && !isChange(next) && next.equal) {
        const last = [h.delete[h.delete.length - 1], h.insert[h.insert.length - 1]];
        const r = next.equal[0];
        if (last.some((l) => insideWord(l, r))) {
          let k = 0;
          while (k < next.equal.length && isWordish(next.equal[k])) k++;
          const part = next.equal.slice(0, k);
          hunks[i + 1] = { equal: next.equal.slice(k) };
          h.delete += part;
          h.insert += part;
          changed = true;
        }
      }
    }
    hunks = compact(hunks);
  }
  return hunks;
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter((w) => WORD.test(w)).length;
}

/** Absorbs small unchanged islands between two changes into one replacement. */
export function absorbIslands(input: readonly Hunk[], islandWords = 2, islandLength = 8): Hunk[] {
  if (islandWords < 0) return compact([...input]);
  const hunks = compact([...input]);
  const out: Hunk[] = [];
  for (let i = 0; i < hunks.length; i++) {
    const h = hunks[i]!;
    const prev = out[out.length - 1];
    const next = hunks[i + 1];
    if (!isChange(h) && isChange(prev) && isChange(next) && wordCount(h.equal) <= islandWords && h.equal.trim().length <= islandLength && !/[,;:.]\s/.test(`${h.equal} `)) {
      prev.delete += h.equal + next.delete;
      prev.insert += h.equal + next.insert;
      i++;
      continue;
    }
    out.push(isChange(h) ? { ...h } : h);
  }
  return compact(out);
}

/** The hunks of a cleaned redline (see the options above). */
export function redlineHunks(a: string, b: string, options: RedlineOptions = {}): Hunk[] {
  let hunks = rawHunks(a, b, options);
  if (options.wholeWords ?? true) hunks = snapToWords(hunks);
  return absorbIslands(hunks, options.islandWords ?? 2, options.islandLength ?? 8);
}

/** Hunks as a flat list of segments: each change as its deletion, then its insertion. */
export function hunksToSegments(hunks: readonly Hunk[]): Segment[] {
  const out: Segment[] = [];
  for (const h of hunks) {
    if (!isChange(h)) out.push({ kind: 'equal', text: h.equal });
    else {
      if (h.delete) out.push({ kind: 'delete', text: h.delete });
      if (h.insert) out.push({ kind: 'insert', text: h.insert });
    }
  }
  return out;
}

/**
 * The redline of two paragraph texts: segments to print in order, struck
 * (`delete`), underlined (`insert`) or plain (`equal`).
 */
export function redline(a: string, b: string, options: RedlineOptions = {}): Segment[] {
  return hunksToSegments(redlineHunks(a, b, options));
}

/** The redline as plain text with [-struck-] and {+inserted+} marks, for the command line and tests. */
export function redlineToText(segments: readonly Segment[]): string {
  return segments.map((s) => (s.kind === 'equal' ? s.text : s.kind === 'delete' ? `[-${s.text}-]` : `{+${s.text}+}`)).join('');
}
