/**
 * The paragraphs of one version as Word paragraphs (docx-package.ts): its
 * text with its italics, bold and footnote calls, folded as the aligner folds
 * it (src/lib/align/units.ts) so that a redline's offsets fall on it; each
 * paragraph's number or label as literal text and a tab; the footnotes made
 * as they are called. Shared by the clean text and the comparison (docx.ts).
 */
import type { AnnexNode, AnnexParagraphNode, OperativeParagraphNode, ParagraphContent, Phrasing, PreambularParagraphNode, ResolutionRecord, SubParagraphNode } from '../model.ts';
import { annexesOf, annexParagraphsOf, operativeOf, preambleOf } from './parse-json.ts';
import type { DocxFootnote, DocxNoteCall, DocxParagraph, DocxRun, Mark, ParagraphStyle } from './docx-package.ts';

const ITALIC = 1;
const BOLD = 2;

/** A paragraph's own text (white space folded, no sub-paragraphs), the style of each code unit, and where footnotes are called. */
export interface Rich {
  text: string;
  style: number[];
  notes: { at: number; number: number }[];
}

export function richOf(nodes: readonly ParagraphContent[]): Rich {
  const rich: Rich = { text: '', style: [], notes: [] };
  // A run of white space folds to one space, of the style it was printed in (at its start).
  let space: number | null = null;
  const walk = (ns: readonly ParagraphContent[], st: number) => {
    for (const n of ns) {
      if (n.type === 'text') {
        for (const ch of n.value) {
          if (/\s/.test(ch)) {
            if (rich.text.length > 0 && space === null) space = st;
            continue;
          }
          if (space !== null) {
            rich.text += ' ';
            rich.style.push(space);
            space = null;
          }
          rich.text += ch;
          for (let k = 0; k < ch.length; k++) rich.style.push(st);
        }
      } else if (n.type === 'footnoteReference') rich.notes.push({ at: rich.text.length, number: n.number });
      else if (n.type === 'emphasis') walk(n.children, st | ITALIC);
      else if (n.type === 'strong') walk(n.children, st | BOLD);
      else if (n.type === 'link') walk(n.children, st);
    }
  };
  walk(nodes, 0);
  return rich;
}

export const plainRich = (text: string): Rich => ({ text, style: Array.from({ length: text.length }, () => 0), notes: [] });

/** A footnote call of a number, in a span of this mark: the call to write. */
export type Call = (n: number, mark: Mark | null) => DocxRun | DocxNoteCall;

/** The runs of rich[from, to): split where the style changes, with the footnotes called after each character (and at 0 when from is 0). */
export function runsOf(rich: Rich, from: number, to: number, call: Call, mark: Mark | null = null): (DocxRun | DocxNoteCall)[] {
  const at = new Map<number, number[]>();
  for (const n of rich.notes) at.set(n.at, [...(at.get(n.at) ?? []), n.number]);
  const out: (DocxRun | DocxNoteCall)[] = [];
  if (from === 0) for (const n of at.get(0) ?? []) out.push(call(n, mark));
  for (let p = from; p < to; ) {
    let q = p + 1;
    while (q < to && rich.style[q] === rich.style[p] && !at.has(q)) q++;
    const st = rich.style[p]!;
    out.push({ text: rich.text.slice(p, q), ...(st & ITALIC ? { italic: true } : {}), ...(st & BOLD ? { bold: true } : {}) });
    for (const n of at.get(q) ?? []) out.push(call(n, mark));
    p = q;
  }
  return out;
}

export const textRuns = (text: string): DocxRun[] => (text ? [{ text }] : []);

// ---------------------------------------------------------------------------
// Paragraphs of one version

export type Block = PreambularParagraphNode | OperativeParagraphNode | AnnexParagraphNode | SubParagraphNode;

export function prefixOf(node: Block): string {
  if (node.type === 'subParagraph') return `(${node.label})\t`;
  if (node.type === 'preambularParagraph' || node.number === null) return '';
  return `${node.number}.\t`;
}

export function styleOf(node: Block, depth: number): ParagraphStyle {
  if (node.type === 'subParagraph') return depth > 1 ? 'Sub2' : 'Sub1';
  return node.type === 'preambularParagraph' ? 'Preambular' : 'Operative';
}

/** Every paragraph and sub-paragraph of a version by id, with its depth (0 for a paragraph). */
export function blocksOf(record: ResolutionRecord): Map<string, { node: Block; depth: number }> {
  const out = new Map<string, { node: Block; depth: number }>();
  const add = (node: Block, depth: number) => {
    out.set(node.id, { node, depth });
    for (const c of node.children) if (c.type === 'subParagraph') add(c, depth + 1);
  };
  for (const p of [...preambleOf(record.tree), ...operativeOf(record.tree), ...annexesOf(record.tree).flatMap(annexParagraphsOf)]) add(p, 0);
  return out;
}

const subsOf = (node: Block): SubParagraphNode[] => node.children.filter((c): c is SubParagraphNode => c.type === 'subParagraph');

/** A block and its sub-paragraphs, whole, as one mark (none for the clean text). */
export function wholeBlock(node: Block, depth: number, mark: Mark | null, call: Call): DocxParagraph[] {
  const rich = richOf(node.children);
  const own: DocxParagraph = { style: styleOf(node, depth), mark, spans: [{ mark, runs: [...textRuns(prefixOf(node)), ...runsOf(rich, 0, rich.text.length, call, mark)] }] };
  return [own, ...subsOf(node).flatMap((s) => wholeBlock(s, depth + 1, mark, call))];
}

export function phrasingParagraph(style: ParagraphStyle, nodes: readonly Phrasing[], call: Call, mark: Mark | null = null): DocxParagraph {
  const rich = richOf(nodes);
  return { style, mark, spans: [{ mark, runs: runsOf(rich, 0, rich.text.length, call, mark) }] };
}

/** The heading lines of an annex: "Annex", its title. */
export function annexHead(annex: AnnexNode, call: Call): DocxParagraph[] {
  const title = annex.children.find((c) => c.type === 'title');
  return [{ style: 'Heading', spans: [{ mark: null, runs: textRuns(annex.heading) }] }, ...(title ? [phrasingParagraph('Heading', title.children, call)] : [])];
}

/**
 * Footnotes of one document, made as they are called: the first call of a
 * footnote is a Word footnote, a later call of it a superscript number; in a
 * comparison, "later" in each text that keeps the call (the older text keeps
 * what is kept or struck, the newer what is kept or inserted).
 */
export class Notes {
  readonly list: DocxFootnote[] = [];
  private readonly inOlder = new Set<string>();
  private readonly inNewer = new Set<string>();
  call(key: string, number: number, keptIn: { older: boolean; newer: boolean }, content: () => DocxParagraph[]): DocxRun | DocxNoteCall {
    if ((!keptIn.older || this.inOlder.has(key)) && (!keptIn.newer || this.inNewer.has(key))) return { text: String(number), superscript: true };
    const id = this.list.length + 1;
    if (keptIn.older) this.inOlder.add(key);
    if (keptIn.newer) this.inNewer.add(key);
    this.list.push({ id, paragraphs: content() });
    return { footnote: id };
  }
}
