/**
 * Word documents (.docx) to the text the parser reads: each paragraph of the
 * body on a line of its own (a blank line between), its automatic number or
 * label written out as Word shows it ("1.", "(a)"), italics as *…* and bold
 * as **…**, footnote calls as [^n] and the footnotes' texts at the end as
 * "[^n]: …" (ingest/normalize.ts reads both), so a .docx gets the same tree,
 * coverage and diagnostics as a text file.
 *
 * A .docx is a zip of XML parts (Office Open XML): fflate's unzipSync reads
 * word/document.xml, word/numbering.xml, word/styles.xml and
 * word/footnotes.xml, and xast-util-from-xml parses them; both are
 * synchronous and run in the browser too. Tracked changes are read as if
 * accepted (inserted text kept, deleted text left out), and a note says so.
 * Headers, footers, comments and text boxes are left out.
 *
 * Refused with an UnreadableDocumentError naming the file: a zip that is not
 * a Word document, a damaged zip, an encrypted document (an OLE file, as are
 * old .doc files), and a package that would unpack to more than
 * MAX_DOCX_UNPACKED bytes (a zip bomb).
 */
import { unzipSync } from 'fflate';
import { fromXml } from 'xast-util-from-xml';
import type { Element, ElementContent, Root } from 'xast';
import type { Diagnostic } from '../model.ts';
import { decodeDocument, isOle, isZip, MAX_DOCUMENT_BYTES, UnreadableDocumentError, type DecodedText } from './decode.ts';

/** The most the parts read may unpack to: four times the largest text document (XML is verbose). */
export const MAX_DOCX_UNPACKED = 4 * MAX_DOCUMENT_BYTES;

const PARTS = ['[Content_Types].xml', 'word/document.xml', 'word/numbering.xml', 'word/styles.xml', 'word/footnotes.xml', 'word/settings.xml'];

/**
 * The text of a document file, whatever its form: a Word document
 * (recognised by its bytes, not its name) through docxToText, anything else
 * through decodeDocument.
 */
export function documentText(bytes: Uint8Array, file: string): DecodedText {
  if (isZip(bytes)) return docxToText(bytes, file);
  if (isOle(bytes)) {
    throw new UnreadableDocumentError(file, 'this is an encrypted (password-protected) Word document or an old binary .doc file; save it from Word as a .docx without a password');
  }
  return decodeDocument(bytes, file);
}

function unpack(bytes: Uint8Array, file: string): Map<string, string> {
  let total = 0;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (f) => {
        if (!PARTS.includes(f.name)) return false;
        total += f.originalSize;
        if (total > MAX_DOCX_UNPACKED) throw new UnreadableDocumentError(file, `the Word document would unpack to more than ${MAX_DOCX_UNPACKED / 1024 / 1024} MB; it is not one document (or the zip is a zip bomb)`);
        return true;
      },
    });
  } catch (error) {
    if (error instanceof UnreadableDocumentError) throw error;
    throw new UnreadableDocumentError(file, `this zip file cannot be read as a Word document (${error instanceof Error ? error.message : String(error)}): it is damaged or encrypted`);
  }
  const out = new Map<string, string>();
  for (const [name, data] of Object.entries(files)) {
    try {
      out.set(name, new TextDecoder('utf-8', { fatal: true }).decode(data));
    } catch {
      throw new UnreadableDocumentError(file, `the part ${name} of the Word document is not UTF-8 XML`);
    }
  }
  if (!out.has('[Content_Types].xml')) throw new UnreadableDocumentError(file, 'this zip file is not a Word document (it has no [Content_Types].xml)');
  if (!out.has('word/document.xml')) throw new UnreadableDocumentError(file, 'this zip file is not a Word document (it has no word/document.xml; a spreadsheet or a presentation?)');
  return out;
}

function parse(text: string | undefined, name: string, file: string): Root | null {
  if (text === undefined) return null;
  try {
    return fromXml(text);
  } catch (error) {
    throw new UnreadableDocumentError(file, `the part ${name} of the Word document is not well-formed XML (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`);
  }
}

const isEl = (n: ElementContent | Root['children'][number], name?: string): n is Element => n.type === 'element' && (name === undefined || n.name === name);
const kids = (e: Element | Root, name?: string): Element[] => (e.children as ElementContent[]).filter((c): c is Element => isEl(c, name));
const kid = (e: Element | undefined, name: string): Element | undefined => (e ? kids(e, name)[0] : undefined);
const val = (e: Element | undefined, attr = 'w:val'): string | undefined => (e?.attributes[attr] ?? undefined) as string | undefined;
/** An on/off property (w:i, w:b): on unless its value says off. */
const on = (e: Element | undefined): boolean => e !== undefined && !['0', 'false', 'off'].includes(val(e) ?? 'true');

function find(e: Element | Root, name: string, out: Element[] = []): Element[] {
  for (const c of e.children as ElementContent[]) {
    if (!isEl(c)) continue;
    if (c.name === name) out.push(c);
    else find(c, name, out);
  }
  return out;
}

// ---------------------------------------------------------------------------
// Styles and numbering

interface Styles {
  /** Paragraph styles' numbering: style id → numId, ilvl. */
  numbering: Map<string, { numId: string; ilvl: number }>;
  /** Character or paragraph styles that are italic, bold. */
  italic: Set<string>;
  bold: Set<string>;
}

function readStyles(root: Root | null): Styles {
  const styles: Styles = { numbering: new Map(), italic: new Set(), bold: new Set() };
  if (!root) return styles;
  for (const s of find(root, 'w:style')) {
    const id = val(s, 'w:styleId');
    if (!id) continue;
    const numPr = kid(kid(s, 'w:pPr'), 'w:numPr');
    const numId = val(kid(numPr, 'w:numId'));
    if (numId) styles.numbering.set(id, { numId, ilvl: Number(val(kid(numPr, 'w:ilvl')) ?? 0) });
    const rPr = kid(s, 'w:rPr');
    if (on(kid(rPr, 'w:i'))) styles.italic.add(id);
    if (on(kid(rPr, 'w:b'))) styles.bold.add(id);
  }
  return styles;
}

interface Level {
  start: number;
  format: string;
  text: string;
}

/** Automatic numbers as Word writes them: counters per list, a level's counter restarting under a new number of the level above. */
class Numbering {
  private readonly levels = new Map<string, Map<number, Level>>();
  private readonly counters = new Map<string, number[]>();

  constructor(root: Root | null) {
    if (!root) return;
    const abstract = new Map<string, Map<number, Level>>();
    for (const a of find(root, 'w:abstractNum')) {
      const lv = new Map<number, Level>();
      for (const l of kids(a, 'w:lvl')) lv.set(Number(val(l, 'w:ilvl') ?? 0), { start: Number(val(kid(l, 'w:start')) ?? 1), format: val(kid(l, 'w:numFmt')) ?? 'decimal', text: val(kid(l, 'w:lvlText')) ?? '' });
      abstract.set(val(a, 'w:abstractNumId') ?? '', lv);
    }
    for (const n of find(root, 'w:num')) {
      const lv = new Map(abstract.get(val(kid(n, 'w:abstractNumId')) ?? '') ?? []);
      for (const o of kids(n, 'w:lvlOverride')) {
        const i = Number(val(o, 'w:ilvl') ?? 0);
        const start = val(kid(o, 'w:startOverride'));
        const base = lv.get(i);
        if (base && start !== undefined) lv.set(i, { ...base, start: Number(start) });
      }
      this.levels.set(val(n, 'w:numId') ?? '', lv);
    }
  }

  /** The number of the next paragraph of list numId at level ilvl, as Word shows it ("3.", "(b)"); '' for none or a bullet. */
  next(numId: string, ilvl: number): string {
    const lv = this.levels.get(numId);
    const level = lv?.get(ilvl);
    if (!lv || !level || numId === '0') return '';
    const counts = this.counters.get(numId) ?? [];
    counts[ilvl] = counts[ilvl] === undefined ? level.start : counts[ilvl]! + 1;
    counts.length = ilvl + 1;
    this.counters.set(numId, counts);
    if (level.format === 'bullet' || level.format === 'none') return '';
    return level.text.replace(/%(\d)/g, (_, k: string) => {
      const i = Number(k) - 1;
      const l = lv.get(i);
      return formatNumber(counts[i] ?? l?.start ?? 1, l?.format ?? 'decimal');
    });
  }
}

function roman(n: number): string {
  const table: [number, string][] = [[1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];
  let out = '';
  for (const [v, s] of table) while (n >= v) {
    out += s;
    n -= v;
  }
  return out;
}

function letters(n: number): string {
  // Word repeats the letter past z: aa, bb, …
  const ch = String.fromCharCode(97 + ((n - 1) % 26));
  return ch.repeat(Math.floor((n - 1) / 26) + 1);
}

function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'lowerLetter': return letters(n);
    case 'upperLetter': return letters(n).toUpperCase();
    case 'lowerRoman': return roman(n);
    case 'upperRoman': return roman(n).toUpperCase();
    default: return String(n);
  }
}

// ---------------------------------------------------------------------------
// Paragraphs to text

interface Ctx {
  styles: Styles;
  numbering: Numbering;
  /** Footnote ids in the order of their first call, and their numbers. */
  notes: Map<string, number>;
  /** Tracked deletions met (read as accepted). */
  deletions: number;
}

/** A "*" of the document is a star, not emphasis. */
const escape = (t: string) => t.replace(/\*/g, '\\*');

interface Piece {
  text: string;
  italic: boolean;
  bold: boolean;
}

function runPieces(r: Element, ctx: Ctx, out: (Piece | string)[]): void {
  const rPr = kid(r, 'w:rPr');
  const style = val(kid(rPr, 'w:rStyle'));
  const italic = on(kid(rPr, 'w:i')) || (style !== undefined && ctx.styles.italic.has(style));
  const bold = on(kid(rPr, 'w:b')) || (style !== undefined && ctx.styles.bold.has(style));
  const superscript = val(kid(rPr, 'w:vertAlign')) === 'superscript';
  for (const c of kids(r)) {
    if (c.name === 'w:t') {
      const text = c.children.map((t) => (t.type === 'text' ? t.value : '')).join('');
      // A number set in superscript by hand is a footnote call, as in a text file's <sup>.
      if (superscript && /^\s*\d{1,3}\s*$/.test(text)) out.push(`<sup>${text.trim()}</sup>`);
      else out.push({ text, italic, bold });
    } else if (c.name === 'w:tab' || c.name === 'w:br' || c.name === 'w:cr') out.push({ text: ' ', italic: false, bold: false });
    else if (c.name === 'w:noBreakHyphen') out.push({ text: '\u2011', italic, bold });
    else if (c.name === 'w:footnoteReference') {
      const id = val(c, 'w:id') ?? '';
      if (!ctx.notes.has(id)) ctx.notes.set(id, ctx.notes.size + 1);
      out.push(`[^${ctx.notes.get(id)}]`);
    }
  }
}

/** The runs of a paragraph (in links, fields, content controls and insertions too), as pieces. */
function inlinePieces(e: Element, ctx: Ctx, out: (Piece | string)[] = []): (Piece | string)[] {
  for (const c of kids(e)) {
    if (c.name === 'w:r') runPieces(c, ctx, out);
    else if (c.name === 'w:del' || c.name === 'w:moveFrom') ctx.deletions++;
    else if (c.name === 'w:pPr' || c.name === 'w:rPr') continue;
    else inlinePieces(c, ctx, out);
  }
  return out;
}

/** Pieces as markdown: neighbours of one style joined, emphasis marks around the words (spaces outside). */
function piecesToText(pieces: readonly (Piece | string)[]): string {
  const merged: (Piece | string)[] = [];
  for (const p of pieces) {
    const last = merged[merged.length - 1];
    if (typeof p !== 'string' && last && typeof last !== 'string' && last.italic === p.italic && last.bold === p.bold) last.text += p.text;
    else merged.push(typeof p === 'string' ? p : { ...p });
  }
  return merged
    .map((p) => {
      if (typeof p === 'string') return p;
      const text = p.text.replace(/\s+/g, ' ');
      const m = /^(\s*)(.*?)(\s*)$/s.exec(text)!;
      if (!m[2] || (!p.italic && !p.bold)) return escape(text);
      const mark = p.bold && p.italic ? '***' : p.bold ? '**' : '*';
      return `${m[1]}${mark}${escape(m[2])}${mark}${m[3]}`;
    })
    .join('')
    .trim();
}

/** One paragraph as a line: its automatic number, then its text; null when it holds no text. */
function paragraphLine(p: Element, ctx: Ctx): string | null {
  const pPr = kid(p, 'w:pPr');
  // (A paragraph whose mark alone was deleted joins the next one in Word's accepted view; here it stays a paragraph of its own.)
  const numPr = kid(pPr, 'w:numPr');
  const style = val(kid(pPr, 'w:pStyle'));
  const fromStyle = style !== undefined ? ctx.styles.numbering.get(style) : undefined;
  const numId = val(kid(numPr, 'w:numId')) ?? fromStyle?.numId;
  const ilvl = Number(val(kid(numPr, 'w:ilvl')) ?? fromStyle?.ilvl ?? 0);
  const text = piecesToText(inlinePieces(p, ctx));
  if (!text) return null;
  const number = numId !== undefined ? ctx.numbering.next(numId, ilvl) : '';
  return number ? `${escape(number)} ${text}` : text;
}

/** The paragraphs of the body in order, tables' cells included; text boxes and deleted paragraphs left out. */
function bodyParagraphs(e: Element, out: Element[] = []): Element[] {
  for (const c of kids(e)) {
    if (c.name === 'w:p') out.push(c);
    else if (c.name === 'w:del' || c.name === 'w:moveFrom' || c.name === 'w:txbxContent') continue;
    else bodyParagraphs(c, out);
  }
  return out;
}

/** A Word document as the parser's text (see the top of this module). */
export function docxToText(bytes: Uint8Array, file: string): DecodedText {
  const parts = unpack(bytes, file);
  const document = parse(parts.get('word/document.xml'), 'word/document.xml', file)!;
  const body = find(document, 'w:body')[0];
  if (!body) throw new UnreadableDocumentError(file, 'the Word document has no body (word/document.xml holds no w:body)');
  const ctx: Ctx = {
    styles: readStyles(parse(parts.get('word/styles.xml'), 'word/styles.xml', file)),
    numbering: new Numbering(parse(parts.get('word/numbering.xml'), 'word/numbering.xml', file)),
    notes: new Map(),
    deletions: 0,
  };
  const lines = bodyParagraphs(body).map((p) => paragraphLine(p, ctx)).filter((l): l is string => l !== null);
  const footnotes = parse(parts.get('word/footnotes.xml'), 'word/footnotes.xml', file);
  const texts = new Map<string, string>();
  for (const f of footnotes ? find(footnotes, 'w:footnote') : []) {
    const type = val(f, 'w:type');
    if (type && type !== 'normal') continue;
    texts.set(val(f, 'w:id') ?? '', bodyParagraphs(f).map((p) => piecesToText(inlinePieces(p, ctx))).filter(Boolean).join(' '));
  }
  // Footnotes called from a footnote are not in the numbering: read only those the body calls, in the order of their calls.
  const notes = [...ctx.notes].map(([id, n]) => `[^${n}]: ${texts.get(id) ?? ''}`);
  const diagnostics: Diagnostic[] = [];
  if (ctx.deletions) {
    diagnostics.push({ file, line: null, severity: 'info', code: 'tracked-changes', message: `the Word document holds tracked changes (${ctx.deletions} deletion${ctx.deletions === 1 ? '' : 's'} or moves): it was read as if every change were accepted` });
  }
  const text = `${[...lines, ...notes].join('\n\n')}\n`;
  if (!lines.length) throw new UnreadableDocumentError(file, 'the Word document holds no text');
  return { text, diagnostics };
}
