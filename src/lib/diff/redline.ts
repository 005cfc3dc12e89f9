/**
 * A word-level redline of two paragraph texts, cleaned to read like a legal
 * blackline.
 *
 * The diff itself is jsdiff's Myers diff (`diffArrays`) over the tokens that
 * `diffWords` would make (a run of word characters, or one other character),
 * each token carrying the spaces after it and compared without them: giving
 * each space a token of its own lets the common " " between two rewritten
 * words split one replacement into a shredded run of one-word changes (jsdiff
 * issue #160). Tokenizing once ourselves is several times faster than
 * `diffWords`, and keeps both texts exactly (diffWords' white-space clean-up
 * could drop a space: "removalof organs"). Beyond MAX_DIFF_WORDS /
 * MAX_DIFF_EDITS the middle of a paragraph is shown as one replacement.
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
import { diffArrays } from 'diff';

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

/**
 * The limits of the word diff (issue 7: a stated limit, a graceful fallback
 * rather than a stall). The words the two texts share at their start and end
 * are always kept; when what lies between has more than MAX_DIFF_WORDS words
 * on either side, or needs more than MAX_DIFF_EDITS token edits, it is shown
 * as one replacement (struck whole, inserted whole) instead of word by word.
 * A paragraph of the corpus has a few hundred words at most, so the limits
 * touch only broken or hostile input.
 */
export const MAX_DIFF_WORDS = 3000;
export const MAX_DIFF_EDITS = 1500;

/**
 * Tokens as jsdiff's diffWords makes them (a run of word characters, or one
 * other character), each carrying the white space that follows it: compared
 * without it, so that spacing never splits a change (jsdiff issue #160).
 */
const TOKEN = /(?:[\p{L}\p{N}_\u00AD]+|[^\s\p{L}\p{N}_\u00AD])\s*|\s+/gu;

function tokensOf(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/** The hunks of the word diff (jsdiff's Myers diff over word tokens), as found. */
export function rawHunks(a: string, b: string, options: Pick<RedlineOptions, 'ignoreCase'> = {}): Hunk[] {
  if (a === b) return a ? [{ equal: a }] : [];
  const ta = tokensOf(a);
  const tb = tokensOf(b);
  const ids = new Map<string, number>();
  const idOf = (t: string) => {
    const core = options.ignoreCase ? t.trimEnd().toLowerCase() : t.trimEnd();
    let id = ids.get(core);
    if (id === undefined) ids.set(core, (id = ids.size));
    return id;
  };
  const ia = ta.map(idOf);
  const ib = tb.map(idOf);
  // Common start and end: kept whatever the limits.
  let pre = 0;
  while (pre < ia.length && pre < ib.length && ia[pre] === ib[pre]) pre++;
  let suf = 0;
  while (suf < ia.length - pre && suf < ib.length - pre && ia[ia.length - 1 - suf] === ib[ib.length - 1 - suf]) suf++;

  const out: Hunk[] = [];
  const change = () => {
    const last = out[out.length - 1];
    if (last && 'delete' in last) return last;
    const h = { delete: '', insert: '' };
    out.push(h);
    return h;
  };
  /** Equal tokens: the same word, perhaps with different spacing after it (kept exactly, as a change of spacing). */
  const equal = (x: number, y: number, n: number) => {
    for (let k = 0; k < n; k++) {
      const s = ta[x + k]!;
      const t = tb[y + k]!;
      if (s === t) {
        const last = out[out.length - 1];
        if (last && 'equal' in last) last.equal += s;
        else out.push({ equal: s });
        continue;
      }
      const core = s.trimEnd();
      const tcore = t.trimEnd();
      if (core === tcore) {
        const last = out[out.length - 1];
        if (last && 'equal' in last) last.equal += core;
        else out.push({ equal: core });
      } else {
        // Equal without regard to case: show the change of case.
        const h = change();
        h.delete += core;
        h.insert += tcore;
      }
      const h = change();
      h.delete += s.slice(core.length);
      h.insert += t.slice(tcore.length);
      if (!h.delete && !h.insert) out.pop();
    }
  };
  equal(0, 0, pre);
  const ma = ia.slice(pre, ia.length - suf);
  const mb = ib.slice(pre, ib.length - suf);
  const words = (xs: readonly string[]) => xs.reduce((n, t) => n + (/[\p{L}\p{N}]/u.test(t) ? 1 : 0), 0);
  const middle =
    ma.length && mb.length && ma.length <= 2 * MAX_DIFF_WORDS && mb.length <= 2 * MAX_DIFF_WORDS && words(ta.slice(pre, ta.length - suf)) <= MAX_DIFF_WORDS && words(tb.slice(pre, tb.length - suf)) <= MAX_DIFF_WORDS
      ? diffArrays(ma, mb, { maxEditLength: MAX_DIFF_EDITS })
      : undefined;
  let x = pre;
  let y = pre;
  if (middle) {
    for (const c of middle) {
      const n = c.count ?? c.value.length;
      if (c.added) {
        change().insert += tb.slice(y, y + n).join('');
        y += n;
      } else if (c.removed) {
        change().delete += ta.slice(x, x + n).join('');
        x += n;
      } else {
        equal(x, y, n);
        x += n;
        y += n;
      }
    }
  } else {
    // Nothing to compare on one side, or beyond the limits: one replacement.
    const h = change();
    h.delete += ta.slice(pre, ta.length - suf).join('');
    h.insert += tb.slice(pre, tb.length - suf).join('');
    x = ta.length - suf;
    y = tb.length - suf;
  }
  equal(x, y, suf);
  // As jsdiff does: the spacing that both sides of a change end with is kept, not struck.
  const final: Hunk[] = [];
  for (const h of out) {
    const last = final[final.length - 1];
    if ('equal' in h) {
      if (last && 'equal' in last) last.equal += h.equal;
      else final.push({ ...h });
      continue;
    }
    const ws = /\s*$/.exec(h.delete)![0];
    const common = ws && h.insert.endsWith(ws) ? ws : '';
    const del = h.delete.slice(0, h.delete.length - common.length);
    const ins = h.insert.slice(0, h.insert.length - common.length);
    if (del || ins) final.push({ delete: del, insert: ins });
    if (common) final.push({ equal: common });
  }
  return final;
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
