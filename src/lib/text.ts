/**
 * Plain text and words of trees. One definition of "a word" serves the
 * coverage check, the aligner and the diff, so they never disagree.
 */
import type { ParagraphContent } from './model.ts';
import { footnoteToken } from './ingest/normalize.ts';

/** Plain text of phrasing content; footnote calls become tokens (see normalize.ts). */
export function phrasingToText(nodes: readonly ParagraphContent[]): string {
  let out = '';
  for (const n of nodes) {
    if (n.type === 'text') out += n.value;
    else if (n.type === 'footnoteReference') out += footnoteToken(n.number);
    else if (n.type === 'subParagraph') continue;
    else out += phrasingToText(n.children);
  }
  return out;
}

/** Plain text for people: footnote calls dropped, white space folded. */
export function readableText(nodes: readonly ParagraphContent[]): string {
  return foldSpace(stripFootnoteTokens(phrasingToText(nodes)));
}

export function stripFootnoteTokens(text: string): string {
  return text.replace(/\uE000\d+\uE001/g, '');
}

export function foldSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Characters that are not part of a word at its edges (besides white space). */
export const EDGE_CHARACTERS = `"'“”‘’«»()[]{}<>*_#|,;:.!?…–—-`;
/** The characters a hyphenated word is cut at, for the coverage check. */
export const HYPHEN_CHARACTERS = '-\u2010\u2011';
/** JavaScript's white space (what /\s/ matches). */
export const SPACE_CHARACTERS = '\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff';

const SPACE = 1;
const EDGE = 2;
const HYPHEN = 4;
/** The class of each UTF-16 code unit: none of the three sets holds a surrogate, so code units will do. */
const CLASS = new Uint8Array(0x10000);
for (const [chars, bit] of [[SPACE_CHARACTERS, SPACE], [EDGE_CHARACTERS, EDGE], [HYPHEN_CHARACTERS, HYPHEN]] as const) {
  for (let k = 0; k < chars.length; k++) CLASS[chars.charCodeAt(k)]! |= bit;
}

/** The index after a footnote token (\uE000 digits \uE001) that starts at i, or -1. */
function footnoteEnd(text: string, i: number): number {
  let j = i + 1;
  while (j < text.length && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
  return j > i + 1 && text.charCodeAt(j) === 0xe001 ? j + 1 : -1;
}

type Visit = ((word: string) => void) | null;

/** The word in text[s, e) once its edges are stripped: visited (cut at hyphens when `cut`), and counted. */
function emit(text: string, s: number, e: number, cut: boolean, visit: Visit): number {
  while (s < e && CLASS[text.charCodeAt(s)]! & EDGE) s++;
  while (e > s && CLASS[text.charCodeAt(e - 1)]! & EDGE) e--;
  if (s === e) return 0;
  if (!cut) {
    if (visit) visit(text.slice(s, e));
    return 1;
  }
  let n = 0;
  let p = s;
  for (let k = s; k < e; k++) {
    if (!(CLASS[text.charCodeAt(k)]! & HYPHEN)) continue;
    if (k > p) {
      if (visit) visit(text.slice(p, k));
      n++;
    }
    p = k + 1;
  }
  if (e > p) {
    if (visit) visit(text.slice(p, e));
    n++;
  }
  return n;
}

/**
 * The one pass over a text that finds its words (see `words`): runs of
 * characters between white space, footnote tokens as words of their own,
 * edges stripped; with `cut`, hyphenated words cut at the hyphen. Each word
 * is handed to `visit` (none: only counted); returns the number of words.
 */
function scanWords(text: string, cut: boolean, visit: Visit): number {
  const n = text.length;
  let count = 0;
  let i = 0;
  while (i < n) {
    if (CLASS[text.charCodeAt(i)]! & SPACE) {
      i++;
      continue;
    }
    let e = i;
    let foot = -1;
    for (; e < n; e++) {
      const c = text.charCodeAt(e);
      if (CLASS[c]! & SPACE) break;
      if (c === 0xe000 && (foot = footnoteEnd(text, e)) !== -1) break;
    }
    count += emit(text, i, e, cut, visit);
    if (foot !== -1) {
      if (visit) visit(`^${text.slice(e + 1, foot - 1)}`);
      count++;
      i = foot;
      foot = -1;
    } else {
      i = e;
    }
  }
  return count;
}

/**
 * The words of a text, for counting what was kept. Footnote tokens count as a
 * word of their own ("^12"), so a lost footnote call is a lost word.
 */
export function words(text: string): string[] {
  const out: string[] = [];
  scanWords(text, false, (w) => out.push(w));
  return out;
}

/** Multiset difference a − b of two word lists. */
export function missingWords(a: readonly string[], b: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const w of b) counts.set(w, (counts.get(w) ?? 0) + 1);
  const missing: string[] = [];
  for (const w of a) {
    const c = counts.get(w) ?? 0;
    if (c > 0) counts.set(w, c - 1);
    else missing.push(w);
  }
  return missing;
}

/**
 * Words for the coverage check: as `words`, with hyphenated words cut at the
 * hyphen, so that mending "gender-" + "related" across a page break counts
 * the same words before and after.
 */
export function coverageWords(text: string): string[] {
  const out: string[] = [];
  scanWords(text, true, (w) => out.push(w));
  return out;
}

/** How many coverage words a text holds (`coverageWords(text).length`, without making them). */
export function countCoverageWords(text: string): number {
  return scanWords(text, true, null);
}

/**
 * A balance of coverage words: the words a text must hold counted up, the
 * words found counted down, in one map. What is left above zero is lost:
 * `lost()` is the length of `missingWords(up, down)`, without either list.
 */
export class WordBalance {
  private readonly counts = new Map<string, number>();

  /** Count the coverage words of a text `by` times (negative: found); returns how many words it holds. */
  addText(text: string, by: number): number {
    const counts = this.counts;
    return scanWords(text, true, (w) => counts.set(w, (counts.get(w) ?? 0) + by));
  }

  /** Count one word as it is (not cut at hyphens). */
  addWord(word: string, by: number): void {
    this.counts.set(word, (this.counts.get(word) ?? 0) + by);
  }

  /** How many of the words counted up were not matched by words counted down. */
  lost(): number {
    let n = 0;
    for (const c of this.counts.values()) if (c > 0) n += c;
    return n;
  }
}
