/**
 * Plain text and words of trees. One definition of "a word" serves the
 * coverage check, the aligner and the diff, so they never disagree.
 */
import type { ParagraphContent, Phrasing } from './model.ts';
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

/** Characters that are not part of a word at its edges. */
const EDGE = /^[\s"'“”‘’«»()[\]{}<>*_#|,;:.!?…–—-]+|[\s"'“”‘’«»()[\]{}<>*_#|,;:.!?…–—-]+$/gu;

/**
 * The words of a text, for counting what was kept. Footnote tokens count as a
 * word of their own ("^12"), so a lost footnote call is a lost word.
 */
export function words(text: string): string[] {
  const out: string[] = [];
  const spaced = text.replace(/\uE000(\d+)\uE001/g, ' ^$1 ');
  for (const raw of spaced.split(/\s+/)) {
    const w = raw.replace(EDGE, '');
    if (w) out.push(w);
  }
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
  return words(text).flatMap((w) => w.split(/[-‐‑]+/)).filter(Boolean);
}
