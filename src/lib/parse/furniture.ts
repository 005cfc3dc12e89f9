/**
 * Page furniture: what a printed page carries besides the text. Running
 * headers and footers ("A/RES/80/10 International Day of ...", the title
 * again, "25-16520 (E)", "2/3"), and the rule a converter leaves where the
 * page's text ends and its footnotes begin ("... of the ---").
 *
 * A block is furniture on evidence from the document itself:
 * - `page-marks`: it is made only of symbols, job numbers, page numbers and bar codes;
 * - `running-title`: less such marks, it is the document's title (the printed
 *   one or the catalogue's), or a cut of it, or the title is a cut of it;
 * - `repeated-line`: the same short unpunctuated line stands three or more
 *   times in the document, and never as the title of a text.
 */
import type { Block } from '../ingest/blocks.ts';
import { foldSpace, stripFootnoteTokens } from '../text.ts';

/**
 * Page marks that PDF converters leave in the text: the document symbol, job
 * numbers ("19-20456 (E)"), page numbers ("3/34"), bar-code lines
 * ("*1920456*"), "Please recycle".
 */
export const PAGE_MARK = /(?:A\/(?:C\.\d\/)?(?:RES\/)?\d{1,3}\/[\w./-]+|\d{2}-\d{5}(?:\s*\([A-Z]\))?|\b\d{1,3}\/\d{1,3}\b|\*\d{7,}\*|Please recycle|GE\.\d{2}-\d{5})/g;
export const PAGE_FURNITURE = new RegExp(`^\\s*(?:${PAGE_MARK.source}\\s*)+$`);

export interface FurnitureContext {
  /** Titles the document gives itself: the printed title, the catalogue title of its front matter. */
  titles: readonly string[];
}

export type FurnitureRule = 'page-marks' | 'running-title' | 'repeated-line';

/** Lower case, quotes and dashes of one kind, footnote calls and emphasis marks out, spaces folded. */
export function comparable(text: string): string {
  return foldSpace(stripFootnoteTokens(text).replace(/[*_#]/g, ' '))
    .toLowerCase()
    .replace(/[‘’`]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[–—]/g, '-');
}

const OPENING = /^[\s“"‘*_]*The General Assembly\b/;
const ANNEX_HEADING = /^[\s*_#]*Annex(?:es)?\b(?:\s+[IVXLC]+)?[\s*_]*$/i;

function withoutMarks(text: string): string {
  return comparable(text.replace(PAGE_MARK, ' '));
}

/** Is `a` the first words of `b`, with at least `min` words? */
function isCutOf(a: string, b: string, min: number): boolean {
  return a.length < b.length && b.startsWith(a) && b[a.length] === ' ' && a.split(' ').length >= min;
}

/** The furniture among blocks, by index, with the rule that found each. */
export function findFurniture(blocks: readonly Block[], ctx: FurnitureContext): Map<number, FurnitureRule> {
  const out = new Map<number, FurnitureRule>();
  const titles = ctx.titles.map(comparable).filter((t) => t.split(' ').length >= 2);
  const counts = new Map<string, number>();
  const keys = blocks.map((b) => (b.marker === null && (b.kind === 'paragraph' || b.kind === 'heading') ? comparable(b.text) : ''));
  for (const k of keys) if (k) counts.set(k, (counts.get(k) ?? 0) + 1);
  const firstOpening = blocks.findIndex((b) => OPENING.test(b.text));
  blocks.forEach((b, i) => {
    if (b.marker !== null || (b.kind !== 'paragraph' && b.kind !== 'heading')) return;
    // A footnote's text, however short ("40 A/76/122."), is never furniture.
    if (/\uE000\d+\uE001/.test(b.text)) return;
    if (PAGE_FURNITURE.test(foldSpace(b.text))) { out.set(i, 'page-marks'); return; }
    // The title of the document, of an annex or of a text stands before its opening or under its heading.
    if (firstOpening === -1 || i <= firstOpening) return;
    if (ANNEX_HEADING.test(blocks[i - 1]?.text ?? '') || OPENING.test(blocks[i + 1]?.text ?? '')) return;
    const rest = withoutMarks(b.text);
    if (!rest || /[,;:.]$/.test(rest)) return;
    if (titles.some((t) => rest === t || isCutOf(rest, t, 4) || (isCutOf(t, rest, 4) && rest.length < 400))) {
      out.set(i, 'running-title');
      return;
    }
    if ((counts.get(keys[i]!) ?? 0) >= 3 && rest.length < 200) out.set(i, 'repeated-line');
  });
  return out;
}

/** A rule that ends a page's text, glued to the end of its last line: "… general debate of the ---". */
const TRAILING_RULE = /(\S)[ \t]+(?:-{3,}|_{3,})[ \t]*$/;

/** The text without rules glued to line ends (same number of lines), and how many there were. */
export function dropPageRules(text: string): { text: string; count: number } {
  let count = 0;
  const out = text
    .split('\n')
    .map((line) => line.replace(TRAILING_RULE, (_, c: string) => { count++; return c; }))
    .join('\n');
  return { text: out, count };
}
