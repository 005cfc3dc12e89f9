/**
 * The units the aligner matches: preambular and operative paragraphs, their
 * sub-paragraphs and the footnotes of one resolution text, each with the
 * plain text and the features the aligner compares.
 */
import type { ParagraphContent, ResolutionRecord, SubParagraphNode } from '../model.ts';
import { annexesOf, annexParagraphsOf, footnotesOf, operativeOf, preambleOf } from '../export/parse-json.ts';
import { foldSpace, phrasingToText, stripFootnoteTokens, words } from '../text.ts';

export type Section = 'preamble' | 'operative' | 'annex' | 'subparagraph' | 'footnote';

export interface Unit {
  /** "PP3", "OP5", "OP5(a)", "FN2". */
  id: string;
  section: Section;
  /** 0-based position within its list. */
  index: number;
  /** The paragraph's own text, without its sub-paragraphs. */
  text: string;
  /** Its text with the text of its sub-paragraphs, for comparing. */
  fullText: string;
  /** The lead words of a preambular paragraph or the verb of an operative one. */
  verb: string | null;
  /** Resolutions and documents cited: "70/1", "A/74/125". */
  citations: string[];
  /** Footnote numbers called, in order, including those in sub-paragraphs. */
  footnotes: number[];
  subparagraphs: Unit[];
}

/** Citations in a text: resolution and decision numbers ("70/1", "2019/23") and document symbols ("A/74/125"). */
export function citationsOf(text: string): string[] {
  const found = text.match(/\b(?:[A-Z][A-Za-z0-9.]*\/)+[A-Za-z0-9.]*\d[A-Za-z0-9.]*(?:\/[A-Za-z0-9.]+)*|\b\d{1,4}\/\d{1,4}\b/g) ?? [];
  return [...new Set(found.map((c) => c.replace(/\.$/, '')))].sort();
}

function footnoteCalls(nodes: readonly ParagraphContent[], out: number[] = []): number[] {
  for (const n of nodes) {
    if (n.type === 'footnoteReference') out.push(n.number);
    else if (n.type !== 'text') footnoteCalls(n.children, out);
  }
  return out;
}

function subUnits(nodes: readonly ParagraphContent[]): Unit[] {
  return nodes
    .filter((n): n is SubParagraphNode => n.type === 'subParagraph')
    .map((s, index) => makeUnit(s.id, 'subparagraph', index, s.children, null));
}

/** `foldSpace`, skipping the copy when there is nothing to fold (the usual case: single plain spaces between words). */
function folded(text: string): string {
  return /[^\S ]|  |^ | $/.test(text) ? foldSpace(text) : text;
}

function makeUnit(id: string, section: Section, index: number, children: readonly ParagraphContent[], verb: string | null): Unit {
  const text = folded(stripFootnoteTokens(phrasingToText(children)));
  const subparagraphs = subUnits(children);
  // Without sub-paragraphs, the text is already folded.
  const fullText = subparagraphs.length ? folded([text, ...subparagraphs.map((s) => s.fullText)].join(' ')) : text;
  return { id, section, index, text, fullText, verb, citations: citationsOf(fullText), footnotes: footnoteCalls(children), subparagraphs };
}

export interface VersionUnits {
  preamble: Unit[];
  operative: Unit[];
  /** The paragraphs of the annexes, in order ("ANX1.1", …): a section of their own. */
  annex: Unit[];
  footnotes: Unit[];
}

/**
 * Units of the records used last, most recent last. Bounded, not weak: a
 * build holds every record of the corpus for its whole length, and units
 * kept for all of them would double its memory (about 90 MB per 1,000
 * versions); the work on a series needs its own versions only.
 */
const unitsMemo = new Map<ResolutionRecord, VersionUnits>();
const UNITS_MEMO_LIMIT = 256;

/**
 * The units of one resolution text. Computed once per record while it is in
 * use: a version is aligned with the one before, the one after and the
 * latest, and its lineage. Units are read-only.
 */
export function unitsOf(record: ResolutionRecord): VersionUnits {
  let units = unitsMemo.get(record);
  if (units) unitsMemo.delete(record);
  else units = makeUnits(record);
  unitsMemo.set(record, units);
  if (unitsMemo.size > UNITS_MEMO_LIMIT) unitsMemo.delete(unitsMemo.keys().next().value!);
  return units;
}

function makeUnits(record: ResolutionRecord): VersionUnits {
  return {
    preamble: preambleOf(record.tree).map((p, i) => makeUnit(p.id, 'preamble', i, p.children, p.lead)),
    operative: operativeOf(record.tree).map((p, i) => makeUnit(p.id, 'operative', i, p.children, p.verb)),
    annex: annexesOf(record.tree).flatMap(annexParagraphsOf).map((p, i) => makeUnit(p.id, 'annex', i, p.children, null)),
    footnotes: footnotesOf(record.tree).map((f, i) => makeUnit(`FN${f.number}`, 'footnote', i, f.children, null)),
  };
}

const termsMemo = new Map<string, readonly string[]>();
const TERMS_MEMO_LIMIT = 50_000;

/** Words for comparing: lower case, a plural "s" dropped. The same paragraph text recurs across versions, so results are kept (bounded). */
export function terms(text: string): readonly string[] {
  const hit = termsMemo.get(text);
  if (hit) return hit;
  if (termsMemo.size >= TERMS_MEMO_LIMIT) termsMemo.clear();
  const out = computeTerms(text);
  termsMemo.set(text, out);
  return out;
}

/** Forget the kept terms (for measuring a cold run). */
export function resetTermsMemo(): void {
  termsMemo.clear();
}

function computeTerms(text: string): string[] {
  return words(text).map((w) => {
    const l = w.toLowerCase();
    return l.length > 3 && l.endsWith('s') && !l.endsWith('ss') ? l.slice(0, -1) : l;
  });
}
