/**
 * The model of Palimpsest: the paragraph tree of one resolution text (a unist
 * tree with our own node types), the record that carries its metadata, and the
 * diagnostics every stage reports.
 *
 * Names follow the UN's own words: a resolution has a title, preambular
 * paragraphs and numbered operative paragraphs; either may have sub-paragraphs
 * (a), (b) and, under those, (i), (ii). Footnotes are numbered per resolution.
 */
import type { Data, Node, Parent, Position } from 'unist';

/** Where a version stands in the life of a resolution. */
export type Stage = 'draft' | 'revised-draft' | 'recommended' | 'adopted' | 'decision';

/** The order of stages within one session, earliest first. */
export const STAGE_ORDER: readonly Stage[] = ['draft', 'revised-draft', 'recommended', 'adopted', 'decision'];

// ---------------------------------------------------------------------------
// Phrasing (inline) content

export interface TextNode extends Node {
  type: 'text';
  value: string;
}

export interface EmphasisNode extends Parent {
  type: 'emphasis';
  children: Phrasing[];
}

export interface StrongNode extends Parent {
  type: 'strong';
  children: Phrasing[];
}

/**
 * A link as printed in the source. `url` is null when the source link goes
 * nowhere (such as `[A/74/125](#)`), so that no page ever renders a dead `#`.
 */
export interface LinkNode extends Parent {
  type: 'link';
  url: string | null;
  children: Phrasing[];
}

/** A footnote call at its position in the text: the number as printed. */
export interface FootnoteReferenceNode extends Node {
  type: 'footnoteReference';
  number: number;
}

export type Phrasing = TextNode | EmphasisNode | StrongNode | LinkNode | FootnoteReferenceNode;

// ---------------------------------------------------------------------------
// Block content of a resolution

/** A sub-paragraph such as (a) or, nested under it, (ii). */
export interface SubParagraphNode extends Parent {
  type: 'subParagraph';
  /** The label without brackets: "a", "ii". */
  label: string;
  /** Path-like id: "OP3(a)", "OP3(a)(ii)". */
  id: string;
  children: ParagraphContent[];
}

export type ParagraphContent = Phrasing | SubParagraphNode;

export interface PreambularParagraphNode extends Parent {
  type: 'preambularParagraph';
  /** "PP1".."PPn" in document order. */
  id: string;
  /** The lead words, such as "Recalling also" or "Deeply concerned". */
  lead: string | null;
  children: ParagraphContent[];
}

export interface OperativeParagraphNode extends Parent {
  type: 'operativeParagraph';
  /** "OP1".."OPn" in document order. */
  id: string;
  /** The number as printed, or null for an unnumbered operative text (a decision). */
  number: number | null;
  /** The operative verb as printed, such as "Urges" or "Reiterates its request". */
  verb: string | null;
  children: ParagraphContent[];
}

export interface TitleNode extends Parent {
  type: 'title';
  children: Phrasing[];
}

/** The words that open the text: "The General Assembly,". */
export interface OpeningNode extends Parent {
  type: 'opening';
  children: Phrasing[];
}

export interface PreambleNode extends Parent {
  type: 'preamble';
  children: PreambularParagraphNode[];
}

export interface OperativePartNode extends Parent {
  type: 'operativePart';
  children: OperativeParagraphNode[];
}

export interface FootnoteDefinitionNode extends Parent {
  type: 'footnoteDefinition';
  number: number;
  children: Phrasing[];
}

export interface FootnotesNode extends Parent {
  type: 'footnotes';
  children: FootnoteDefinitionNode[];
}

/** Lines after the last paragraph, such as "53rd plenary meeting / 16 December 2021". */
export interface ClosingNode extends Parent {
  type: 'closing';
  children: Phrasing[];
}

/** A heading inside an annex, such as "A call to action". */
export interface AnnexHeadingNode extends Parent {
  type: 'annexHeading';
  children: Phrasing[];
}

/** A paragraph of an annex: numbered as printed, or an unnumbered text. */
export interface AnnexParagraphNode extends Parent {
  type: 'annexParagraph';
  /** "ANX1.18" for paragraph 18 of the first annex; "ANX1.U2" for its second unnumbered paragraph. */
  id: string;
  number: number | null;
  children: ParagraphContent[];
}

export type AnnexContent = TitleNode | AnnexHeadingNode | AnnexParagraphNode;

/**
 * An annex printed after the resolution, such as the political declaration
 * the resolution adopts: its own part of the document, with its own title and
 * numbered paragraphs, never operative paragraphs of the resolution.
 */
export interface AnnexNode extends Parent {
  type: 'annex';
  /** "ANX1".."ANXn" in document order. */
  id: string;
  /** The heading as printed: "Annex", "Annex II". */
  heading: string;
  children: AnnexContent[];
}

export type ResolutionChild =
  | TitleNode
  | OpeningNode
  | PreambleNode
  | OperativePartNode
  | FootnotesNode
  | ClosingNode
  | AnnexNode;

export interface ResolutionNode extends Parent {
  type: 'resolution';
  children: ResolutionChild[];
}

export type AnyNode =
  | ResolutionNode
  | ResolutionChild
  | PreambularParagraphNode
  | OperativeParagraphNode
  | SubParagraphNode
  | FootnoteDefinitionNode
  | AnnexContent
  | Phrasing;

// ---------------------------------------------------------------------------
// Diagnostics

export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  file: string;
  /** 1-based line in the source file, or null when the problem is the whole file. */
  line: number | null;
  severity: Severity;
  /** A stable machine-readable code, such as "numbering-gap". */
  code: string;
  /** A plain sentence for a person. */
  message: string;
  /** Words of the input that were set aside rather than put in a tree. */
  text?: string;
}

// ---------------------------------------------------------------------------
// Records

/** How a text was adopted, as the document states it. */
export interface Vote {
  /** "without-vote" (by consensus), "recorded" (a recorded vote) or "vote" (a vote that was not recorded). */
  method: 'without-vote' | 'recorded' | 'vote';
  /** The counts, where the text gives them: "by a recorded vote of 121 to 35, with 28 abstentions". */
  inFavour: number | null;
  against: number | null;
  abstaining: number | null;
  /** The states named under "In favour:", "Against:" and "Abstaining:", where the text lists them. */
  lists: { inFavour: string[]; against: string[]; abstaining: string[] } | null;
}

/** A revision or correction read out before adoption: "the representative of Colombia orally revised the draft resolution". */
export interface OralRevision {
  kind: 'revised' | 'corrected';
  /** Who read it out, as printed: "the representative of Colombia". */
  by: string | null;
  /** The sentence of the document that says so. */
  statement: string;
}

export interface Adoption {
  /** ISO date (yyyy-mm-dd) of adoption, where stated. */
  date: string | null;
  /** The meeting as printed, such as "53rd plenary meeting" or "52nd meeting". */
  meeting: string | null;
  /** How it was adopted; null when the document does not say. */
  vote: Vote | null;
  /** Oral revisions and corrections before adoption, in the order stated. */
  oralRevisions: OralRevision[];
}

// ---------------------------------------------------------------------------
// What an operative paragraph asks, and of whom

/** Who a clause asks to act, in the UN's own categories. */
export type AddresseeCategory = 'Member States' | 'Secretary-General' | 'UN entity' | 'civil society' | 'other';

export interface Addressee {
  category: AddresseeCategory;
  /** The words as printed: "the United Nations Office on Drugs and Crime". */
  name: string;
}

/**
 * The kind of a clause, by its verb: a request for a report, another request,
 * a decision, a call (urges, calls upon, invites, encourages, recommends), a
 * recognition (notes, welcomes, reaffirms, emphasizes) or a concern
 * (expresses concern, condemns, deplores).
 */
export type ClauseKind = 'report-request' | 'request' | 'decision' | 'call' | 'recognition' | 'concern';

/** What an operative paragraph asks and of whom: the addressees of all its clauses, and their kinds in order (the first is the paragraph's own). */
export interface ClauseFacts {
  addressees: Addressee[];
  kinds: ClauseKind[];
}

export interface Coverage {
  /** Words of the input that belong to this text. */
  words: number;
  /** Of those, how many ended up in the tree or in a diagnostic. */
  covered: number;
}

/** One resolution text found in a file, with what the text says about it. */
export interface ResolutionRecord {
  /** Stable id: "<file stem>/<position>". */
  id: string;
  /** The file it came from, as given to the parser. */
  source: string;
  /** 1-based position of this text in the file. */
  position: number;
  symbol: string | null;
  title: string;
  session: number | null;
  year: number | null;
  /** ISO date of the document or of the action it records. */
  date: string | null;
  stage: Stage;
  committee: string | null;
  agendaItem: number | null;
  /** The states that submitted the text, as named. */
  sponsors: string[];
  /** States that joined in sponsoring it later ("Subsequently, ... joined in sponsoring"). */
  joinedSponsors: string[];
  /** Who submitted it when no state did, as printed: "the Chair", "the Chair on the recommendation of the Council"; else null. */
  submittedBy: string | null;
  adoption: Adoption | null;
  /** Where the text says how it came about, such as "section II quoted original" or "draft resolution VIII". */
  origin: string;
  /** Notes from the report's history of the draft, such as an oral revision. */
  notes: string[];
  /** First and last source lines of the text. */
  lines: { start: number; end: number };
  tree: ResolutionNode;
  diagnostics: Diagnostic[];
  coverage: Coverage;
}

export type DocumentKind = 'report' | 'resolution' | 'draft' | 'unknown';

/** A stretch of the file that is not part of any resolution text (report narration, headers). */
export interface Passage {
  line: number;
  role: 'front-matter' | 'narration' | 'heading' | 'footnote' | 'annex' | 'page-furniture';
  text: string;
}

/** What the parser recognised of a file's form (for `palimpsest parse --summary`). */
export interface DocumentForm {
  /** YAML front matter was read (its fields, as written). */
  frontMatter: Record<string, string> | null;
  /** How footnote calls were printed: none, marked (superscripts, HTML, LaTeX, [^n]) or bare digits. */
  footnotes: 'none' | 'marked' | 'bare-digits';
  /** Footnote texts found as bare "N text" lines, and calls found as bare digits. */
  bareFootnoteTexts: number;
  bareFootnoteCalls: number;
  /** Running headers, footers and page marks left out of the text. */
  furniture: number;
  /** Line breaks inside a paragraph joined, paragraphs cut at a line, paragraphs found glued onto the one before. */
  joinedLines: number;
  splitLines: number;
  gluedParagraphs: number;
  /** Paragraphs mended across a page break or footnote block. */
  mended: number;
  /** Boundaries decided on weak evidence: spaced footnote calls, inferred sub-paragraph labels and paragraph numbers, completed titles. */
  guessed: number;
}

/** Everything the parser found in one file. */
export interface ParsedDocument {
  source: string;
  kind: DocumentKind;
  /** The document's own symbol where stated (such as A/RES/76/187 or A/68/456). */
  symbol: string | null;
  session: number | null;
  date: string | null;
  agendaItem: number | null;
  resolutions: ResolutionRecord[];
  /** The rest of the file, kept so that nothing is lost. */
  passages: Passage[];
  /** What the parser recognised of the file's form, and how many boundaries it had to guess. */
  form: DocumentForm;
  diagnostics: Diagnostic[];
  coverage: Coverage;
}

export type { Data, Position };
