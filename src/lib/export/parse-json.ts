/**
 * The reading view of a parsed document that `palimpsest parse` prints: each
 * resolution with its paragraphs as plain text, sub-paragraphs and footnote
 * numbers. The unist tree stays available for rendering.
 */
import type {
  AnnexNode,
  AnnexParagraphNode,
  Diagnostic,
  FootnoteDefinitionNode,
  OperativeParagraphNode,
  ParagraphContent,
  ParsedDocument,
  PreambularParagraphNode,
  ResolutionNode,
  ResolutionRecord,
  SubParagraphNode,
} from '../model.ts';
import { readableText } from '../text.ts';

export interface SubParagraphJson {
  id: string;
  label: string;
  text: string;
  footnotes: number[];
  subparagraphs: SubParagraphJson[];
}

export interface PreambularJson {
  id: string;
  lead: string | null;
  text: string;
  footnotes: number[];
  subparagraphs: SubParagraphJson[];
  line: number | null;
}

export interface OperativeJson {
  id: string;
  number: number | null;
  verb: string | null;
  text: string;
  footnotes: number[];
  subparagraphs: SubParagraphJson[];
  line: number | null;
}

export interface AnnexJson {
  id: string;
  heading: string;
  title: string | null;
  parts: (
    | { type: 'heading'; text: string; line: number | null }
    | { type: 'paragraph'; id: string; number: number | null; text: string; footnotes: number[]; subparagraphs: SubParagraphJson[]; line: number | null }
  )[];
}

export interface ResolutionJson {
  id: string;
  position: number;
  symbol: string | null;
  title: string;
  session: number | null;
  year: number | null;
  date: string | null;
  stage: ResolutionRecord['stage'];
  committee: string | null;
  agendaItem: number | null;
  sponsors: string[];
  joinedSponsors: string[];
  submittedBy: string | null;
  adoption: ResolutionRecord['adoption'];
  origin: string;
  notes: string[];
  lines: ResolutionRecord['lines'];
  preamble: PreambularJson[];
  operative: OperativeJson[];
  footnotes: { number: number; text: string }[];
  closing: string | null;
  /** Annexes of the text (a declaration it adopts), each its own part. */
  annexes: AnnexJson[];
  coverage: ResolutionRecord['coverage'];
  diagnostics: Diagnostic[];
  tree?: ResolutionNode;
}

export interface ParseJson {
  source: string;
  kind: ParsedDocument['kind'];
  symbol: string | null;
  session: number | null;
  date: string | null;
  agendaItem: number | null;
  coverage: ParsedDocument['coverage'];
  form: ParsedDocument['form'];
  resolutions: ResolutionJson[];
  /** The rest of the file (front matter, report narration, headings), kept so that nothing is lost. */
  passages: ParsedDocument['passages'];
  diagnostics: Diagnostic[];
}

/** Footnote numbers cited directly in this content (not in its sub-paragraphs). */
function footnoteCalls(nodes: readonly ParagraphContent[]): number[] {
  const out: number[] = [];
  const visit = (list: readonly ParagraphContent[]) => {
    for (const n of list) {
      if (n.type === 'footnoteReference') out.push(n.number);
      else if (n.type === 'emphasis' || n.type === 'strong' || n.type === 'link') visit(n.children);
    }
  };
  visit(nodes);
  return out;
}

function subparagraphs(nodes: readonly ParagraphContent[]): SubParagraphJson[] {
  return nodes
    .filter((n): n is SubParagraphNode => n.type === 'subParagraph')
    .map((s) => ({ id: s.id, label: s.label, text: readableText(s.children), footnotes: footnoteCalls(s.children), subparagraphs: subparagraphs(s.children) }));
}

export function preambleOf(tree: ResolutionNode): PreambularParagraphNode[] {
  const part = tree.children.find((c) => c.type === 'preamble');
  return part?.type === 'preamble' ? part.children : [];
}

export function operativeOf(tree: ResolutionNode): OperativeParagraphNode[] {
  const part = tree.children.find((c) => c.type === 'operativePart');
  return part?.type === 'operativePart' ? part.children : [];
}

export function footnotesOf(tree: ResolutionNode): FootnoteDefinitionNode[] {
  const part = tree.children.find((c) => c.type === 'footnotes');
  return part?.type === 'footnotes' ? part.children : [];
}

export function annexesOf(tree: ResolutionNode): AnnexNode[] {
  return tree.children.filter((c): c is AnnexNode => c.type === 'annex');
}

/** The paragraphs of an annex, numbered and unnumbered, in order. */
export function annexParagraphsOf(annex: AnnexNode): AnnexParagraphNode[] {
  return annex.children.filter((c): c is AnnexParagraphNode => c.type === 'annexParagraph');
}

function annexToJson(a: AnnexNode): AnnexJson {
  const title = a.children.find((c) => c.type === 'title');
  return {
    id: a.id,
    heading: a.heading,
    title: title ? readableText(title.children) : null,
    parts: a.children.flatMap((c): AnnexJson['parts'] => {
      if (c.type === 'annexHeading') return [{ type: 'heading', text: readableText(c.children), line: c.position?.start.line ?? null }];
      if (c.type === 'annexParagraph') {
        return [{ type: 'paragraph', id: c.id, number: c.number, text: readableText(c.children), footnotes: footnoteCalls(c.children), subparagraphs: subparagraphs(c.children), line: c.position?.start.line ?? null }];
      }
      return [];
    }),
  };
}

export function resolutionToJson(r: ResolutionRecord, withTree = false): ResolutionJson {
  const closing = r.tree.children.find((c) => c.type === 'closing');
  return {
    id: r.id,
    position: r.position,
    symbol: r.symbol,
    title: r.title,
    session: r.session,
    year: r.year,
    date: r.date,
    stage: r.stage,
    committee: r.committee,
    agendaItem: r.agendaItem,
    sponsors: r.sponsors,
    joinedSponsors: r.joinedSponsors,
    submittedBy: r.submittedBy,
    adoption: r.adoption,
    origin: r.origin,
    notes: r.notes,
    lines: r.lines,
    preamble: preambleOf(r.tree).map((p) => ({
      id: p.id,
      lead: p.lead,
      text: readableText(p.children),
      footnotes: footnoteCalls(p.children),
      subparagraphs: subparagraphs(p.children),
      line: p.position?.start.line ?? null,
    })),
    operative: operativeOf(r.tree).map((p) => ({
      id: p.id,
      number: p.number,
      verb: p.verb,
      text: readableText(p.children),
      footnotes: footnoteCalls(p.children),
      subparagraphs: subparagraphs(p.children),
      line: p.position?.start.line ?? null,
    })),
    footnotes: footnotesOf(r.tree).map((f) => ({ number: f.number, text: readableText(f.children) })),
    closing: closing?.type === 'closing' ? readableText(closing.children) : null,
    annexes: annexesOf(r.tree).map(annexToJson),
    coverage: r.coverage,
    diagnostics: r.diagnostics,
    ...(withTree ? { tree: r.tree } : {}),
  };
}

export function documentToJson(doc: ParsedDocument, withTree = false): ParseJson {
  return {
    source: doc.source,
    kind: doc.kind,
    symbol: doc.symbol,
    session: doc.session,
    date: doc.date,
    agendaItem: doc.agendaItem,
    coverage: doc.coverage,
    form: doc.form,
    resolutions: doc.resolutions.map((r) => resolutionToJson(r, withTree)),
    passages: doc.passages,
    diagnostics: doc.diagnostics.filter((d) => !doc.resolutions.some((r) => r.diagnostics.includes(d))),
  };
}
