/**
 * From the blocks of one resolution text to its paragraph tree.
 *
 * The blocks come in page order, so the builder first takes the footnote texts
 * out of the stream, then mends paragraphs that a page break cut in two, then
 * reads each paragraph: a preambular paragraph, an operative paragraph
 * ("12. *Urges* ..."), a sub-paragraph ("(a)", "(ii)") or a closing line
 * ("53rd plenary meeting").
 */
import type {
  AnnexContent,
  AnnexNode,
  ClosingNode,
  Diagnostic,
  FootnoteDefinitionNode,
  OperativeParagraphNode,
  AnnexParagraphNode,
  ParagraphContent,
  Phrasing,
  PreambularParagraphNode,
  ResolutionNode,
  SubParagraphNode,
} from '../model.ts';
import type { Block } from '../ingest/blocks.ts';
import { detectOperativeVerb, detectPreambularLead } from '../lexicon.ts';
import { foldSpace, phrasingToText, stripFootnoteTokens } from '../text.ts';
import { joinInline, leadingEmphasis, sliceInline, trimInline } from './inline.ts';
import { romanToNumber } from './meta.ts';
import { PAGE_FURNITURE } from './furniture.ts';

export interface ResolutionInput {
  file: string;
  title: Phrasing[];
  titleLine: number;
  /** The block that holds "The General Assembly," (and, for a decision, its text). */
  opening: Block;
  /** The blocks after the opening, in source order. */
  body: readonly Block[];
  /** The text is quoted inside a report's narration (each paragraph opens with “). */
  quoted: boolean;
  /** Whether "Annex" headings after the text start annexes of it (not in a report, whose annexes are its own). */
  annexes?: boolean;
}

export interface BuiltResolution {
  tree: ResolutionNode;
  diagnostics: Diagnostic[];
  /** Last source line that belongs to the text. */
  endLine: number;
  /** Paragraphs mended across a page break, and boundaries decided on weak evidence. */
  mended: number;
  guessed: number;
}

/** A paragraph-like unit of text with its source lines. */
interface Unit {
  inline: Phrasing[];
  line: number;
  endLine: number;
  marker: string | null;
  /** Raw HTML from the source: a block of its own, never half of a mended paragraph. */
  raw: boolean;
}

const OPEN_QUOTES = /^[\s]*[“"‘]/;
const CLOSE_QUOTES = /[”"’][\s]*$/;

export const OPERATIVE_NUMBER = /^\s*(\d{1,4})[.)]\s*/;
export const SUBPARAGRAPH_LABEL = /^\s*\(([a-z]{1,2}|[ivxl]{1,6})\)\s*/;
const CLOSING_LINE = /^\s*(?:\d+(?:st|nd|rd|th)\s+plenary\s+meeting\b|\d{1,2}\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{4}\s*$)/;
const TERMINAL = /[,;:.!?]$/;

function position(line: number, endLine = line) {
  return { start: { line, column: 1 }, end: { line: endLine, column: 1 } };
}

/** Text for tests of form: footnote calls, quotes and emphasis marks left out. */
function plain(inline: readonly Phrasing[]): string {
  return foldSpace(stripFootnoteTokens(phrasingToText(inline)));
}

export function buildResolution(input: ResolutionInput): BuiltResolution {
  const { file } = input;
  const diagnostics: Diagnostic[] = [];
  const diag = (line: number | null, severity: Diagnostic['severity'], code: string, message: string, text?: string) =>
    diagnostics.push({ file, line, severity, code, message, ...(text === undefined ? {} : { text }) });

  // 1. The opening words, and whatever shares their block.
  const openingText = phrasingToText(input.opening.inline);
  const openMatch = /^[\s“"‘*_]*The General Assembly\s*,?/.exec(openingText);
  const openingEnd = openMatch ? openMatch[0].length : 0;
  const openingInline = trimInline(stripQuotes(sliceInline(input.opening.inline, 0, openingEnd)));
  const afterOpening = trimInline(sliceInline(input.opening.inline, openingEnd));

  // 2. Footnote texts out of the stream, quote marks off, the rest as units.
  const footnotes: FootnoteDefinitionNode[] = [];
  const units: Unit[] = [];
  let quoteOpen = input.quoted;
  let endLine = input.opening.endLine;
  const takeUnit = (inline: Phrasing[], block: Block) => {
    let content = inline;
    if (input.quoted) {
      const t = phrasingToText(content);
      if (OPEN_QUOTES.test(t)) {
        if (quoteOpen && units.length > 0 && !isContinuation(units[units.length - 1]!, t.replace(OPEN_QUOTES, ''))) {
          // A new quoted paragraph while the last one is still open is the normal case in a UN quotation.
        }
        content = sliceInline(content, t.length - t.replace(OPEN_QUOTES, '').length);
        quoteOpen = true;
      }
      const t2 = phrasingToText(content);
      if (CLOSE_QUOTES.test(t2)) {
        content = sliceInline(content, 0, t2.replace(CLOSE_QUOTES, '').length);
        quoteOpen = false;
      }
    }
    content = trimInline(content);
    if (content.length) units.push({ inline: content, line: block.line, endLine: block.endLine, marker: block.marker, raw: block.kind === 'html' });
  };

  // A decision is one sentence: "The General Assembly decides to take note of ...".
  const bareOpening = openMatch !== null && !openMatch[0].trimEnd().endsWith(',') && afterOpening.length === 0;
  const decisionText = openMatch !== null && !openMatch[0].trimEnd().endsWith(',') && /^[a-z]/.test(phrasingToText(afterOpening));
  const operative: OperativeParagraphNode[] = [];
  if (decisionText) {
    const text = plain(afterOpening);
    const verb = detectOperativeVerb(text.charAt(0).toUpperCase() + text.slice(1));
    operative.push({
      type: 'operativeParagraph',
      id: 'OP1',
      number: null,
      verb: verb ? verb.charAt(0).toLowerCase() + verb.slice(1) : null,
      children: afterOpening,
      position: position(input.opening.line, input.opening.endLine),
    });
  } else if (afterOpening.length) takeUnit(afterOpening, input.opening);
  // Annexes after the text: each heading opens one, and its blocks are read apart.
  const annexBlocks: { heading: Block; units: Unit[] }[] = [];
  for (const block of input.body) {
    endLine = Math.max(endLine, block.endLine);
    if (block.kind === 'rule') continue;
    if (input.annexes && block.marker === null && (units.length || operative.length) && ANNEX_HEADING.test(plain(block.inline))) {
      annexBlocks.push({ heading: block, units: [] });
      continue;
    }
    if (PAGE_FURNITURE.test(foldSpace(block.text))) {
      diag(block.line, 'info', 'page-furniture', 'a page header or footer is left out of the text', block.text);
      continue;
    }
    const inline = trimInline(block.inline);
    const footnote = readFootnote(inline);
    if (footnote) {
      footnotes.push({ type: 'footnoteDefinition', number: footnote.number, children: footnote.children, position: position(block.line, block.endLine) });
      continue;
    }
    if (block.kind === 'html') diag(block.line, 'warning', 'raw-html', 'raw HTML in the text is kept as plain text', block.text);
    const annex = annexBlocks[annexBlocks.length - 1];
    if (annex) annex.units.push({ inline, line: block.line, endLine: block.endLine, marker: block.marker, raw: block.kind === 'html' });
    else takeUnit(inline, block);
  }
  if (input.quoted && quoteOpen) {
    diag(endLine, 'warning', 'unmatched-quote', 'the quoted text has no closing quotation mark');
  }

  // 3. Mend paragraphs cut by page breaks and footnote blocks.
  const counts = { mended: 0, guessed: 0 };
  const merged = mend(units, false, counts);

  // 4. Read each paragraph.
  const preamble: PreambularParagraphNode[] = [];
  const closing: Phrasing[] = [];
  let closingLine = 0;
  let current: PreambularParagraphNode | OperativeParagraphNode | null = operative[0] ?? null;
  // Open sub-paragraph lists: [lettered, roman] under the current paragraph.
  let letter: SubParagraphNode | null = null;
  let roman: SubParagraphNode | null = null;

  for (const unit of merged) {
    const text = unit.marker ? `${unit.marker} ${phrasingToText(unit.inline)}` : phrasingToText(unit.inline);
    const inline = unit.marker ? [{ type: 'text', value: `${unit.marker} ` } as Phrasing, ...unit.inline] : unit.inline;

    if (closing.length || (CLOSING_LINE.test(text) && operative.length > 0)) {
      if (!closing.length) closingLine = unit.line;
      else closing.push({ type: 'text', value: '\n' });
      closing.push(...inline);
      continue;
    }

    const num = OPERATIVE_NUMBER.exec(text);
    const bareVerb = bareOpening && !num && operative.length === 0 ? detectOperativeVerb(plain(inline)) : null;
    if (bareVerb) {
      // "The General Assembly / Adopts the … Declaration": no comma, no preamble, one unnumbered operative paragraph.
      const emphasis = leadingEmphasis(inline);
      current = { type: 'operativeParagraph', id: `OP${operative.length + 1}`, number: null, verb: emphasis ? cleanVerb(emphasis) : bareVerb, children: inline, position: position(unit.line, unit.endLine) };
      operative.push(current);
      letter = roman = null;
      continue;
    }
    if (num && unit.marker !== '-' && unit.marker !== '*') {
      const content = trimInline(sliceInline(inline, num[0].length));
      const emphasis = leadingEmphasis(content);
      const verb = emphasis ? cleanVerb(emphasis) : detectOperativeVerb(plain(content));
      current = {
        type: 'operativeParagraph',
        id: `OP${operative.length + 1}`,
        number: Number(num[1]),
        verb,
        children: content,
        position: position(unit.line, unit.endLine),
      };
      operative.push(current);
      letter = roman = null;
      continue;
    }

    const label = SUBPARAGRAPH_LABEL.exec(text.replace(/^\s*[-*]\s+/, ''));
    if (label && current) {
      const skip = text.length - text.replace(/^\s*[-*]\s+/, '').length + label[0].length;
      const content = trimInline(sliceInline(inline, skip));
      const name = label[1]!;
      const isRoman = chooseRoman(name, letter, roman);
      if (isRoman && letter) {
        const expected: string = roman ? nextRoman(roman.label) : 'i';
        if (name !== expected) diag(unit.line, 'warning', 'numbering-gap', `sub-paragraph (${name}) follows ${roman ? `(${roman.label})` : `(${letter.label})`}; expected (${expected})`);
        roman = { type: 'subParagraph', label: name, id: `${letter.id}(${name})`, children: content, position: position(unit.line, unit.endLine) };
        letter.children.push(roman);
      } else {
        const expected: string = letter ? nextLetter(letter.label) : 'a';
        if (name !== expected && !(isRoman && !letter)) {
          diag(unit.line, 'warning', 'numbering-gap', `sub-paragraph (${name}) in ${current.id}; expected (${expected})`);
        }
        letter = { type: 'subParagraph', label: name, id: `${current.id}(${name})`, children: content, position: position(unit.line, unit.endLine) };
        roman = null;
        current.children.push(letter);
      }
      continue;
    }

    if (operative.length > 0 && current && !decisionText) {
      const open: { children: ParagraphContent[] } = roman ?? letter ?? current;
      const openText = plain(open.children.filter((c): c is Phrasing => c.type !== 'subParagraph'));
      const subText = letter ? plain(letter.children.filter((c): c is Phrasing => c.type !== 'subParagraph')) : '';
      if (/:$/.test(plain(current.children.filter((c): c is Phrasing => c.type !== 'subParagraph'))) && !letter || (letter && /(?:;|;\s*(?:and|or)|:)$/.test(subText) && !roman)) {
        // A list after "…, that:" whose labels the converter lost: the next letter, guessed.
        const name: string = letter ? nextLetter(letter.label) : 'a';
        letter = { type: 'subParagraph', label: name, id: `${current.id}(${name})`, children: trimInline(inline), position: position(unit.line, unit.endLine) };
        current.children.push(letter);
        counts.guessed++;
        diag(unit.line, 'info', 'label-inferred', `an unlabelled paragraph after "${openText.slice(-30)}" is read as sub-paragraph (${name}) of ${current.id}`);
        continue;
      }
      const verb = detectOperativeVerb(plain(inline));
      const previous = operative[operative.length - 1]!;
      if (verb && /[;.]$/.test(openText) && previous.number !== null && current === previous) {
        // A numbered paragraph whose number the converter lost: it opens with an operative verb after one that closed.
        current = { type: 'operativeParagraph', id: `OP${operative.length + 1}`, number: previous.number + 1, verb, children: inline, position: position(unit.line, unit.endLine) };
        operative.push(current);
        letter = roman = null;
        counts.guessed++;
        diag(unit.line, 'info', 'number-inferred', `an unnumbered paragraph opening with "${verb}" after ${previous.id} is read as operative paragraph ${previous.number + 1}`);
        continue;
      }
    }
    if (operative.length > 0) {
      // Unnumbered text after the operative paragraphs began: keep it with the last one.
      diag(unit.line, 'warning', 'unnumbered-paragraph', `an unnumbered paragraph among the operative paragraphs is kept with ${current!.id}`, plain(unit.inline));
      const target: { children: ParagraphContent[] } = roman ?? letter ?? current!;
      target.children.push({ type: 'text', value: ' ' }, ...inline);
      continue;
    }

    const emphasis = leadingEmphasis(inline);
    current = {
      type: 'preambularParagraph',
      id: `PP${preamble.length + 1}`,
      lead: emphasis ? cleanVerb(emphasis) : detectPreambularLead(plain(inline)),
      children: inline,
      position: position(unit.line, unit.endLine),
    };
    preamble.push(current);
    letter = roman = null;
  }

  // 5. Checks: numbering of operative paragraphs, footnote calls against footnote texts.
  operative.forEach((op, i) => {
    const prev = operative[i - 1];
    const expected = prev?.number != null ? prev.number + 1 : 1;
    if (op.number !== null && op.number !== expected) {
      const what = prev && op.number === prev.number ? `repeats the number ${op.number}` : `is numbered ${op.number}; expected ${expected}`;
      diag(op.position?.start.line ?? null, 'warning', 'numbering-gap', `operative paragraph ${op.id} ${what}`);
    }
  });
  const annexParagraphs = () => tree.children.flatMap((c) => (c.type === 'annex' ? c.children.filter((x) => x.type === 'annexParagraph') : []));
  void annexParagraphs;

  const tree: ResolutionNode = { type: 'resolution', children: [] };
  if (input.title.length) tree.children.push({ type: 'title', children: input.title, position: position(input.titleLine) });
  tree.children.push({ type: 'opening', children: openingInline, position: position(input.opening.line) });
  tree.children.push({ type: 'preamble', children: preamble });
  tree.children.push({ type: 'operativePart', children: operative });
  if (footnotes.length) tree.children.push({ type: 'footnotes', children: footnotes.sort((a, b) => a.number - b.number) });
  if (closing.length) tree.children.push({ type: 'closing', children: closing, position: position(closingLine) });
  annexBlocks.forEach((a, i) => tree.children.push(buildAnnex(a.heading, mend(a.units, true, counts), `ANX${i + 1}`, counts, diag)));
  checkFootnotes(file, [...preamble, ...operative, ...annexParagraphs()], footnotes, diag);
  return { tree, diagnostics, endLine, mended: counts.mended, guessed: counts.guessed };
}

/** "Annex", "Annex II", "Annex 2025 Political Declaration …" (a heading and the annex's title on one line). */
const ANNEX_HEADING = /^[\s*_#]*Annex(?:\s+[IVXLC]+)?(?:\s+[“"‘]?[\p{Lu}\d][^;]*[^,;:.])?[\s*_]*$/u;
const ANNEX_WORD = /^[\s*_#]*Annex(?:\s+[IVXLC]+\b)?/;

/** Paragraphs cut by page breaks and footnote blocks, mended; in an annex, a short heading is never the start of a cut paragraph. */
function mend(units: readonly Unit[], annex: boolean, counts: { mended: number }): Unit[] {
  const merged: Unit[] = [];
  for (const unit of units) {
    const prev = merged[merged.length - 1];
    const text = phrasingToText(unit.inline);
    if (prev && unit.marker === null && !prev.raw && !unit.raw && isContinuation(prev, text) && !(annex && isHeading(prev) && /^[\s“"‘*_]*\p{Lu}/u.test(text))) {
      const prevText = plain(prev.inline);
      const hyphenated = /[A-Za-z]-$/.test(prevText) && /^[a-z]/.test(text.trimStart());
      prev.inline = joinInline(prev.inline, unit.inline, hyphenated ? '' : ' ');
      prev.endLine = unit.endLine;
      counts.mended++;
    } else {
      merged.push({ ...unit });
    }
  }
  return merged;
}

/** A heading inside an annex: short, unnumbered, capitalised, no closing punctuation. */
function isHeading(unit: Unit): boolean {
  const t = plain(unit.inline);
  return unit.marker === null && t.length > 0 && t.length < 160 && !TERMINAL.test(t) && /^[“"‘]?[\p{Lu}\dIVX]/u.test(t) && !OPERATIVE_NUMBER.test(t) && !SUBPARAGRAPH_LABEL.test(t) && t.split(' ').length <= 16;
}

/**
 * An annex: its title (on the heading's line or the first line under it),
 * section headings, numbered paragraphs with their sub-paragraphs, and
 * unnumbered text. A list after a paragraph that ends with a colon whose
 * labels the converter lost is read as sub-paragraphs (a), (b), … (guessed).
 */
function buildAnnex(headingBlock: Block, units: readonly Unit[], id: string, counts: { guessed: number }, diag: Diag): AnnexNode {
  const headingText = plain(headingBlock.inline);
  const word = ANNEX_WORD.exec(headingText)![0].replace(/[\s*_#]/g, ' ').trim().replace(/\s+/g, ' ');
  const children: AnnexContent[] = [];
  const rest = trimInline(sliceInline(headingBlock.inline, phrasingToText(headingBlock.inline).indexOf(word.split(' ').pop()!) + word.split(' ').pop()!.length));
  let titled = false;
  if (rest.length && plain(rest)) {
    children.push({ type: 'title', children: rest, position: position(headingBlock.line) });
    titled = true;
  }
  let current: AnnexParagraphNode | null = null;
  let letter: SubParagraphNode | null = null;
  let roman: SubParagraphNode | null = null;
  let unnumbered = 0;
  let numbered = 0;
  for (const unit of units) {
    const text = unit.marker ? `${unit.marker} ${phrasingToText(unit.inline)}` : phrasingToText(unit.inline);
    const inline = unit.marker ? [{ type: 'text', value: `${unit.marker} ` } as Phrasing, ...unit.inline] : unit.inline;
    const num = OPERATIVE_NUMBER.exec(text);
    if (num && unit.marker !== '-' && unit.marker !== '*') {
      const n = Number(num[1]);
      current = { type: 'annexParagraph', id: `${id}.${n}`, number: n, children: trimInline(sliceInline(inline, num[0].length)), position: position(unit.line, unit.endLine) };
      if (numbered && children.some((c) => c.type === 'annexParagraph' && c.id === current!.id)) current.id = `${id}.${n}.${unit.line}`;
      children.push(current);
      numbered++;
      letter = roman = null;
      continue;
    }
    const label = SUBPARAGRAPH_LABEL.exec(text.replace(/^\s*[-*]\s+/, ''));
    if (label && current) {
      const skip = text.length - text.replace(/^\s*[-*]\s+/, '').length + label[0].length;
      const name = label[1]!;
      const content = trimInline(sliceInline(inline, skip));
      if (chooseRoman(name, letter, roman) && letter) {
        roman = { type: 'subParagraph', label: name, id: `${letter.id}(${name})`, children: content, position: position(unit.line, unit.endLine) };
        letter.children.push(roman);
      } else {
        if (letter && name !== nextLetter(letter.label)) diag(unit.line, 'warning', 'numbering-gap', `sub-paragraph (${name}) in ${current.id}; expected (${nextLetter(letter.label)})`);
        letter = { type: 'subParagraph', label: name, id: `${current.id}(${name})`, children: content, position: position(unit.line, unit.endLine) };
        roman = null;
        current.children.push(letter);
      }
      continue;
    }
    if (!titled && !current && !unnumbered && (isHeading(unit) || (unit.marker === null && !TERMINAL.test(plain(unit.inline)) && plain(unit.inline).length < 400))) {
      children.push({ type: 'title', children: trimInline(inline), position: position(unit.line, unit.endLine) });
      titled = true;
      continue;
    }
    if (isHeading(unit) && !(current && !letter && /:$/.test(plain(current.children.filter((c): c is Phrasing => c.type !== 'subParagraph'))))) {
      children.push({ type: 'annexHeading', children: trimInline(inline), position: position(unit.line, unit.endLine) });
      current = null;
      letter = roman = null;
      continue;
    }
    const own = current ? plain(current.children.filter((c): c is Phrasing => c.type !== 'subParagraph')) : '';
    const subText = letter ? plain(letter.children.filter((c): c is Phrasing => c.type !== 'subParagraph')) : '';
    // A list whose labels the converter lost: after a paragraph that ends with a colon, while the list's items
    // end with a semicolon, or an item that itself ends like one (the colon lost with the words before it).
    const item = /(?:;|;\s*(?:and|or))$/.test(plain(unit.inline));
    if (current && ((!letter && (/:$/.test(own) || item)) || (letter && (!/\.$/.test(subText) || item)))) {
      const name: string = letter ? nextLetter(letter.label) : 'a';
      letter = { type: 'subParagraph', label: name, id: `${current.id}(${name})`, children: trimInline(inline), position: position(unit.line, unit.endLine) };
      roman = null;
      current.children.push(letter);
      counts.guessed++;
      diag(unit.line, 'info', 'label-inferred', `an unlabelled paragraph in ${current.id} is read as sub-paragraph (${name})`);
      continue;
    }
    unnumbered++;
    current = null;
    letter = roman = null;
    children.push({ type: 'annexParagraph', id: `${id}.U${unnumbered}`, number: null, children: trimInline(inline), position: position(unit.line, unit.endLine) });
  }
  return { type: 'annex', id, heading: word, children, position: position(headingBlock.line, units[units.length - 1]?.endLine ?? headingBlock.line) };
}

function stripQuotes(inline: Phrasing[]): Phrasing[] {
  const t = phrasingToText(inline);
  const start = t.length - t.replace(OPEN_QUOTES, '').length;
  return sliceInline(inline, start);
}

/** Is `text` the rest of the paragraph `prev`, cut by a page break? */
function isContinuation(prev: Unit, text: string): boolean {
  const t = text.trimStart();
  if (OPERATIVE_NUMBER.test(t) || SUBPARAGRAPH_LABEL.test(t) || CLOSING_LINE.test(t)) return false;
  if (/^[a-z]/.test(t)) return true;
  const prevText = plain(prev.inline).replace(/[”’"]+$/, '');
  return !TERMINAL.test(prevText);
}

/** "Also decides," → "Also decides". */
function cleanVerb(text: string): string {
  return foldSpace(stripFootnoteTokens(text)).replace(/[\s,;:.]+$/, '');
}

function readFootnote(inline: Phrasing[]): { number: number; children: Phrasing[] } | null {
  const text = phrasingToText(inline);
  const m = /^[\s“"]*\uE000(\d+)\uE001\s*/.exec(text);
  if (!m) return null;
  const rest = trimInline(sliceInline(inline, m[0].length));
  if (!rest.length) return null;
  return { number: Number(m[1]), children: rest };
}

function nextLetter(label: string): string {
  if (label.length === 2) return String.fromCharCode(label.charCodeAt(0) + 1).repeat(2);
  return label === 'z' ? 'aa' : String.fromCharCode(label.charCodeAt(0) + 1);
}

function nextRoman(label: string): string {
  const n = romanToNumber(label);
  if (n === null) return 'i';
  const table: [number, string][] = [[10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];
  let v = n + 1;
  let out = '';
  for (const [k, s] of table) while (v >= k) { out += s; v -= k; }
  return out;
}

/**
 * Is "(i)" the ninth letter or the first roman numeral? A label is roman when
 * it continues an open roman list, or when it is roman-shaped and does not
 * continue the lettered list.
 */
function chooseRoman(label: string, letter: SubParagraphNode | null, roman: SubParagraphNode | null): boolean {
  if (romanToNumber(label) === null) return false;
  if (roman && label === nextRoman(roman.label)) return true;
  if (letter && label === nextLetter(letter.label)) return false;
  if (!letter) return label !== 'a' && label === 'i' ? true : romanToNumber(label) !== null && label.length > 1;
  return true;
}

type Diag = (line: number | null, severity: Diagnostic['severity'], code: string, message: string, text?: string) => void;

function checkFootnotes(
  file: string,
  paragraphs: readonly { children: ParagraphContent[]; position?: ResolutionNode['position'] }[],
  footnotes: readonly FootnoteDefinitionNode[],
  diag: Diag,
): void {
  void file;
  const cited = new Map<number, number>();
  const visit = (nodes: readonly ParagraphContent[], line: number) => {
    for (const n of nodes) {
      if (n.type === 'footnoteReference') { if (!cited.has(n.number)) cited.set(n.number, line); }
      else if (n.type === 'subParagraph') visit(n.children, n.position?.start.line ?? line);
      else if (n.type !== 'text') visit(n.children, line);
    }
  };
  for (const p of paragraphs) visit(p.children, p.position?.start.line ?? 0);
  const defined = new Map<number, number>();
  for (const f of footnotes) {
    const line = f.position?.start.line ?? null;
    if (defined.has(f.number)) diag(line, 'warning', 'footnote-duplicate', `footnote ${f.number} has two texts`);
    defined.set(f.number, line ?? 0);
    if (!cited.has(f.number)) diag(line, 'warning', 'footnote-uncited', `footnote ${f.number} has a text but is not cited in the resolution`);
  }
  for (const [n, line] of cited) {
    if (!defined.has(n)) diag(line, 'warning', 'footnote-missing-text', `footnote ${n} is cited but has no text`);
  }
}

export type { ClosingNode };
