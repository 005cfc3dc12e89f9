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
 * jsdiff is given only what it has a choice about: the words both texts
 * share at their start and end are kept without it, and so are the words that
 * every minimal diff keeps (found with a bit-parallel longest common
 * subsequence); jsdiff diffs each stretch between two of them on its own, and
 * a stretch with no word in common is struck and inserted whole (see
 * `diffAnchored`). The hunks are those of jsdiff's diff of the whole
 * (`rawHunksUncut`), found several times faster: jsdiff's time grows with the
 * square of the edits it looks for.
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
export const TOKEN = /(?:[\p{L}\p{N}_\u00AD]+|[^\s\p{L}\p{N}_\u00AD])\s*|\s+/gu;

/** The tokens of a text: what `text.match(TOKEN)` gives, as the diff makes them (see `tokenize`). */
export function tokensOf(text: string): string[] {
  const { starts } = tokenize(text, new Interner(false, text.length));
  return Array.from({ length: starts.length - 1 }, (_, k) => text.slice(starts[k]!, starts[k + 1]!));
}

const WORDISH = 1;
const SPACE = 2;
const OTHER = 3;
/** The class of each UTF-16 code unit for TOKEN (0: not yet known), filled as met. */
const UNIT_CLASS = new Uint8Array(0x10000);
const classOf = (ch: string): number => (/[\p{L}\p{N}_\u00AD]/u.test(ch) ? WORDISH : /\s/u.test(ch) ? SPACE : OTHER);

/**
 * The cores of tokens (a token without the white space after it) as ids, the
 * same for both texts of a diff: an open-addressing table keyed by a hash
 * made while scanning, so that a core is cut out of its text only the first
 * time it is met. Without regard to case, cores are lower-cased and kept in a
 * Map instead.
 */
class Interner {
  private readonly cores: string[] = [];
  private readonly hashes: number[] = [];
  private table: Int32Array;
  private readonly lower: Map<string, number> | null;

  /** `length`: of the texts to intern, for the first size of the table (at least twice the cores). */
  constructor(ignoreCase: boolean, length: number) {
    this.lower = ignoreCase ? new Map() : null;
    this.table = new Int32Array(Math.max(64, 1 << Math.ceil(Math.log2(length / 2 + 1))));
  }

  get size(): number {
    return this.lower ? this.lower.size : this.cores.length;
  }

  /** The id of text[start, end), whose hash is h. */
  id(text: string, start: number, end: number, h: number): number {
    if (this.lower) {
      const core = text.slice(start, end).toLowerCase();
      let id = this.lower.get(core);
      if (id === undefined) this.lower.set(core, (id = this.lower.size));
      return id;
    }
    const len = end - start;
    const mask = this.table.length - 1;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const e = this.table[slot]!;
      if (e === 0) break;
      const core = this.cores[e - 1]!;
      if (this.hashes[e - 1] !== h || core.length !== len) continue;
      let k = 0;
      while (k < len && core.charCodeAt(k) === text.charCodeAt(start + k)) k++;
      if (k === len) return e - 1;
    }
    const id = this.cores.length;
    this.cores.push(text.slice(start, end));
    this.hashes.push(h);
    if (2 * this.cores.length > this.table.length) this.rehash();
    else this.place(id);
    return id;
  }

  private place(id: number): void {
    const mask = this.table.length - 1;
    let slot = this.hashes[id]! & mask;
    while (this.table[slot] !== 0) slot = (slot + 1) & mask;
    this.table[slot] = id + 1;
  }

  private rehash(): void {
    this.table = new Int32Array(this.table.length * 4);
    for (let id = 0; id < this.cores.length; id++) this.place(id);
  }
}

/**
 * The tokens of TOKEN (`tokensOf`), in one pass without the regular
 * expression engine: where each starts (and, last, the text's length), and
 * the id of its core.
 */
function tokenize(text: string, interner: Interner): { starts: Int32Array; ids: number[] } {
  const n = text.length;
  const starts: number[] = [];
  const ids: number[] = [];
  let p = 0;
  while (p < n) {
    const start = p;
    let cl = classAt(text, p);
    const k = cl & 3;
    p += cl >>> 2;
    // The core's hash (FNV-1a over its code units), made while scanning it.
    let h = 0x811c9dc5;
    if (k !== SPACE) for (let i = start; i < p; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
    if (k === WORDISH) {
      while (p < n) {
        const c = text.charCodeAt(p);
        // Letters and digits of ASCII, the usual case, without a look at the table.
        if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)) {
          h = Math.imul(h ^ c, 0x01000193);
          p++;
          continue;
        }
        cl = classAt(text, p);
        if ((cl & 3) !== WORDISH) break;
        const e = p + (cl >>> 2);
        for (; p < e; p++) h = Math.imul(h ^ text.charCodeAt(p), 0x01000193);
      }
    }
    const coreEnd = k === SPACE ? start : p;
    while (p < n) {
      const c = text.charCodeAt(p);
      if (c === 32) p++;
      else if (c > 32 && c < 0xa0) break;
      else if (((cl = classAt(text, p)) & 3) === SPACE) p += cl >>> 2;
      else break;
    }
    starts.push(start);
    ids.push(interner.id(text, start, coreEnd, h));
  }
  starts.push(n);
  return { starts: Int32Array.from(starts), ids };
}

/** The class (WORDISH, SPACE, OTHER) of the code point at i, plus 4 × its length in code units. */
function classAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return classOf(text.slice(i, i + 2)) | 8;
  }
  let k = UNIT_CLASS[c]!;
  if (k === 0) UNIT_CLASS[c] = k = classOf(String.fromCharCode(c));
  return k | 4;
}

/** One run of the token diff: kept, added (in b only) or removed (in a only). */
interface Run {
  count: number;
  added: boolean;
  removed: boolean;
}

const popcount = (v: number): number => {
  v -= (v >>> 1) & 0x55555555;
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
};

/** Zeros among the bits below y of the row vector at `o` (bits from the row's length up are all 1). */
function zeros(rows: Uint32Array, o: number, y: number): number {
  let ones = 0;
  const full = y >>> 5;
  for (let w = 0; w < full; w++) ones += popcount(rows[o + w]!);
  if (y & 31) ones += popcount(rows[o + full]! & ((1 << (y & 31)) - 1));
  return y - ones;
}

/** The column of the t-th zero bit (t from 1) of the row vector at `o`; t is at most its zeros. */
function nthZero(rows: Uint32Array, o: number, t: number): number {
  for (let w = 0; ; w++) {
    const v = rows[o + w]!;
    const z = 32 - popcount(v);
    if (t > z) {
      t -= z;
      continue;
    }
    for (let k = 0; ; k++) if (!((v >>> k) & 1) && --t === 0) return w * 32 + k;
  }
}

/**
 * The bit-parallel longest common subsequence (LCS; Allison and Dix, Hyyrö):
 * one pass over a, |b| / 32 words a token. Row i (the W words from i × W)
 * holds, for the first i tokens of a, a bit for each column j of b that is 0
 * where the LCS of a[0, i) with b[0, j + 1) is one more than with b[0, j).
 * With `reverse`, a and b are both read from their end.
 */
function lcsRows(a: readonly number[], b: readonly number[], nIds: number, reverse: boolean): Uint32Array {
  const n = a.length;
  const m = b.length;
  const W = (m + 31) >>> 5;
  // Where each token of b occurs, as a bit mask over b.
  const slot = new Int32Array(nIds).fill(-1);
  let kinds = 0;
  for (const id of b) if (slot[id] === -1) slot[id] = kinds++;
  const masks = new Uint32Array(kinds * W);
  for (let j = 0; j < m; j++) {
    const col = reverse ? m - 1 - j : j;
    masks[slot[b[j]!]! * W + (col >>> 5)]! |= 1 << (col & 31);
  }
  const rows = new Uint32Array((n + 1) * W);
  rows.fill(0xffffffff, 0, W);
  for (let i = 0; i < n; i++) {
    const from = i * W;
    const to = from + W;
    const r = slot[a[reverse ? n - 1 - i : i]!]!;
    if (r === -1) {
      rows.copyWithin(to, from, to);
      continue;
    }
    let carry = 0;
    for (let w = 0, o = r * W; w < W; w++) {
      const vw = rows[from + w]!;
      const u = vw & masks[o + w]!;
      const sum = vw + (u >>> 0) + carry;
      carry = sum > 0xffffffff ? 1 : 0;
      rows[to + w] = (sum >>> 0) | (vw & ~u);
    }
  }
  return rows;
}

/**
 * The matches that every minimal diff of a and b keeps (each pair x, y of
 * `xs`, `ys`: a[x] kept as b[y]), in order, and the length of the longest
 * common subsequence. Every monotone path through the edit graph crosses from
 * row x to row x + 1 once, either keeping a[x] as some b[j] or striking it;
 * a match is kept by every minimal diff when it is the only crossing of its
 * row that a longest common subsequence can take.
 */
function essentialMatches(a: readonly number[], b: readonly number[], nIds: number): { xs: number[]; ys: number[]; lcs: number } {
  const n = a.length;
  const m = b.length;
  const W = (m + 31) >>> 5;
  const fwd = lcsRows(a, b, nIds, false);
  const bwd = lcsRows(a, b, nIds, true);
  const L = zeros(fwd, n * W, m);
  const xs: number[] = [];
  const ys: number[] = [];
  const inB = new Uint8Array(nIds);
  for (const id of b) inB[id] = 1;
  for (let x = 0; x < n; x++) {
    const ax = a[x]!;
    if (!inB[ax]) continue; // a[x] can only be struck
    // f: LCS of a[0, x) and b[0, j); g: of a[x + 1, n) and b[j, m) (the reverse row n - x - 1, its
    // bits below m - j). A crossing at column j is optimal when f + g (striking a[x]) or, where
    // b[j] is a[x], f + 1 + g at j + 1 (keeping it) is the LCS.
    const fo = x * W;
    const bo = (n - x - 1) * W;
    // Only columns where f and g can still add up to the LCS: f at least L - 1 - (g at 0), and g at
    // least L - 1 - (f at m).
    const need = L - 1 - zeros(bwd, bo, m);
    const jlo = need <= 0 ? 0 : nthZero(fwd, fo, need) + 1;
    const needG = L - 1 - zeros(fwd, fo, m);
    const jhi = needG <= 0 ? m : m - 1 - nthZero(bwd, bo, needG);
    let f = Math.max(need, 0);
    let g = zeros(bwd, bo, m - jlo);
    let found = -1;
    let optimal = 0;
    for (let j = jlo; j <= jhi; j++) {
      if (f + g === L) {
        optimal = 2; // a[x] may be struck
        break;
      }
      if (j === m) break;
      const r = m - 1 - j;
      const gNext = g - 1 + ((bwd[bo + (r >>> 5)]! >>> (r & 31)) & 1);
      if (b[j] === ax && f + 1 + gNext === L && ++optimal > 1) break;
      if (optimal === 1 && found === -1) found = j;
      f += 1 - ((fwd[fo + (j >>> 5)]! >>> (j & 31)) & 1);
      g = gNext;
    }
    if (optimal === 1) {
      xs.push(x);
      ys.push(found);
    }
  }
  return { xs, ys, lcs: L };
}

/** Largest product of the two lengths for which `diffAnchored` looks for the matches to cut at. */
const MAX_CUT_WORK = 1 << 20;

/**
 * jsdiff's Myers diff of two token sequences (no common start or end), given
 * only what jsdiff has a choice about. A match that every minimal diff keeps
 * (`essentialMatches`) is kept, and the diff is cut after it; between two
 * such matches, one side empty, or no token in common, there is nothing to
 * choose: struck and inserted. Only the stretches left go to jsdiff. Its time
 * grows with the square of the edits it looks for (its table of paths is
 * indexed by diagonal, negative ones included, which V8 keeps as slow named
 * properties), so a paragraph reworded in several places costs the sum of
 * the squares of the edits of its ambiguous stretches, not the square of
 * their sum: several times less.
 *
 * A minimal diff goes through each match cut at, so the stretches together
 * need as few edits as the whole (checked; else the whole is diffed), and
 * jsdiff, which takes the longest run of equal tokens after each edit, makes
 * the same choices in a stretch as in the whole (the same hunks as jsdiff's
 * diff of the whole on every pair of paragraphs of the corpus tried).
 * Undefined when the diff needs more than `maxEdits` edits.
 */
function diffAnchored(a: number[], b: number[], nIds: number, maxEdits: number): Run[] | undefined {
  if (a.length * b.length > MAX_CUT_WORK) return whole(a, b, maxEdits);
  const { xs, ys, lcs } = essentialMatches(a, b, nIds);
  const least = a.length + b.length - 2 * lcs;
  if (least > maxEdits) return undefined;
  const out: Run[] = [];
  const push = (count: number, added: boolean, removed: boolean) => {
    if (!count) return;
    const last = out[out.length - 1];
    if (last && last.added === added && last.removed === removed) last.count += count;
    else out.push({ count, added, removed });
  };
  const seen = new Int32Array(nIds);
  let edits = 0;
  let x = 0;
  let y = 0;
  for (let k = 0; k <= xs.length; k++) {
    const x1 = k < xs.length ? xs[k]! : a.length;
    const y1 = k < ys.length ? ys[k]! : b.length;
    if (x1 > x && y1 > y) {
      // Any token in common?
      for (let i = x; i < x1; i++) seen[a[i]!] = k + 1;
      let shared = false;
      for (let j = y; j < y1 && !shared; j++) shared = seen[b[j]!] === k + 1;
      if (shared) {
        const part = whole(a.slice(x, x1), b.slice(y, y1), maxEdits - edits);
        if (!part) return whole(a, b, maxEdits);
        for (const c of part) {
          push(c.count, c.added, c.removed);
          if (c.added || c.removed) edits += c.count;
        }
      } else {
        push(x1 - x, false, true);
        push(y1 - y, true, false);
        edits += x1 - x + y1 - y;
      }
    } else {
      push(x1 - x, false, true);
      push(y1 - y, true, false);
      edits += x1 - x + y1 - y;
    }
    if (k < xs.length) push(1, false, false);
    x = x1 + 1;
    y = y1 + 1;
  }
  // A safeguard: the stretches need as few edits as the whole.
  return edits === least ? out : whole(a, b, maxEdits);
}

/** jsdiff's Myers diff of the whole of two token sequences. */
function whole(a: number[], b: number[], maxEdits: number): Run[] | undefined {
  return diffArrays(a, b, { maxEditLength: maxEdits })?.map((c) => ({ count: c.count ?? c.value.length, added: !!c.added, removed: !!c.removed }));
}

/** The hunks of the word diff (jsdiff's Myers diff over word tokens), as found. */
export function rawHunks(a: string, b: string, options: Pick<RedlineOptions, 'ignoreCase'> = {}): Hunk[] {
  return hunksOf(a, b, !!options.ignoreCase, true);
}

/** `rawHunks` with jsdiff given the whole of what lies between the common start and end, uncut: the same hunks, slower (for tests and benchmarks). */
export function rawHunksUncut(a: string, b: string, options: Pick<RedlineOptions, 'ignoreCase'> = {}): Hunk[] {
  return hunksOf(a, b, !!options.ignoreCase, false);
}

function hunksOf(a: string, b: string, ignoreCase: boolean, cut: boolean): Hunk[] {
  if (a === b) return a ? [{ equal: a }] : [];
  const interner = new Interner(ignoreCase, a.length + b.length);
  const { starts: sa, ids: ia } = tokenize(a, interner);
  const { starts: sb, ids: ib } = tokenize(b, interner);
  /** Tokens x to x + n - 1 of a, as text (and of b). */
  const textA = (x: number, n: number) => a.slice(sa[x]!, sa[x + n]!);
  const textB = (y: number, n: number) => b.slice(sb[y]!, sb[y + n]!);
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
  const keep = (text: string) => {
    const last = out[out.length - 1];
    if (last && 'equal' in last) last.equal += text;
    else out.push({ equal: text });
  };
  /** Equal tokens: the same word, perhaps with different spacing after it (kept exactly, as a change of spacing). */
  const equal = (x: number, y: number, n: number) => {
    if (!n) return;
    // The same text on both sides: the same tokens.
    const run = textA(x, n);
    if (run === textB(y, n)) return keep(run);
    for (let k = 0; k < n; k++) {
      const s = textA(x + k, 1);
      const t = textB(y + k, 1);
      if (s === t) {
        keep(s);
        continue;
      }
      const core = s.trimEnd();
      const tcore = t.trimEnd();
      if (core === tcore) keep(core);
      else {
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
  /** At most MAX_DIFF_WORDS words among these tokens (a token holds at most one word). */
  const fewWords = (text: string, starts: Int32Array, from: number, to: number) => {
    if (to - from <= MAX_DIFF_WORDS) return true;
    let n = 0;
    for (let k = from; k < to; k++) if (/[\p{L}\p{N}]/u.test(text.slice(starts[k]!, starts[k + 1]!))) n++;
    return n <= MAX_DIFF_WORDS;
  };
  const middle =
    ma.length && mb.length && ma.length <= 2 * MAX_DIFF_WORDS && mb.length <= 2 * MAX_DIFF_WORDS && fewWords(a, sa, pre, ia.length - suf) && fewWords(b, sb, pre, ib.length - suf)
      ? cut
        ? diffAnchored(ma, mb, interner.size, MAX_DIFF_EDITS)
        : whole(ma, mb, MAX_DIFF_EDITS)
      : undefined;
  let x = pre;
  let y = pre;
  if (middle) {
    for (const c of middle) {
      const n = c.count;
      if (c.added) {
        change().insert += textB(y, n);
        y += n;
      } else if (c.removed) {
        change().delete += textA(x, n);
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
    h.delete += textA(pre, ia.length - suf - pre);
    h.insert += textB(pre, ib.length - suf - pre);
    x = ia.length - suf;
    y = ib.length - suf;
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
    let w = h.delete.length;
    while (w > 0 && /\s/.test(h.delete[w - 1]!)) w--;
    const ws = h.delete.slice(w);
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
    if (!isChange(h) && isChange(prev) && isChange(next) && h.equal.trim().length <= islandLength && wordCount(h.equal) <= islandWords && !/[,;:.]\s/.test(`${h.equal} `)) {
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
