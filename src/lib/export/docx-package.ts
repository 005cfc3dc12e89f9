/**
 * A WordprocessingML package (.docx) from paragraphs of runs: the parts Word
 * needs (content types, relationships, document, styles, settings,
 * footnotes, core and app properties), written with xastscript and
 * xast-util-to-xml and zipped with fflate.
 *
 * Tracked changes are Word's own: a span of runs is inserted (w:ins),
 * deleted (w:del), moved from (w:moveFrom) or moved to (w:moveTo), each with
 * the revision's author and date; a paragraph's mark carries the same
 * revision, so that accepting a deleted paragraph leaves no empty paragraph
 * behind. A moved span sits inside a named move range
 * (w:moveFromRangeStart … w:moveFromRangeEnd, and the same name for its
 * w:moveTo), which is how Word pairs the two.
 *
 * The output depends on the input only: revision ids are counted in order,
 * every zip entry has the same fixed time and the core properties carry the
 * date given (none when there is none), so the same input gives the same
 * bytes. Synchronous and free of Node modules: the browser runs it too.
 */
import { x } from 'xastscript';
import { toXml } from 'xast-util-to-xml';
import { strToU8, zipSync } from 'fflate';
import type { Element, ElementContent, Root } from 'xast';

export type Mark = 'ins' | 'del' | 'moveFrom' | 'moveTo';

export interface DocxRun {
  text: string;
  italic?: boolean;
  bold?: boolean;
  /** A superscript number (a second call of a footnote already called). */
  superscript?: boolean;
}

/** A call of a footnote of the package (its id in `footnotes`). */
export interface DocxNoteCall {
  footnote: number;
}

export interface DocxSpan {
  /** How the span is tracked; none for text as it stands. */
  mark: Mark | null;
  runs: (DocxRun | DocxNoteCall)[];
}

export type ParagraphStyle = 'Normal' | 'Title' | 'Symbol' | 'Heading' | 'Operative' | 'Preambular' | 'Sub1' | 'Sub2' | 'FootnoteText';

export interface DocxParagraph {
  style: ParagraphStyle;
  spans: DocxSpan[];
  /** The revision of the paragraph's mark: the paragraph itself was inserted, deleted or moved. */
  mark?: Mark | null;
}

export interface DocxFootnote {
  id: number;
  paragraphs: DocxParagraph[];
}

export interface DocxInput {
  paragraphs: DocxParagraph[];
  footnotes: DocxFootnote[];
  /** Who and when every tracked change is: the author, and an ISO date (yyyy-mm-dd) or null. */
  revision: { author: string; date: string | null };
  /** The core properties: title, subject, and the date the document is of (yyyy-mm-dd) or null. */
  title: string;
  subject: string;
  date: string | null;
  /** Turn on Track Changes in the document's settings (for a comparison, so that further edits are tracked too). */
  trackRevisions: boolean;
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CT = 'http://schemas.openxmlformats.org/package/2006/content-types';
const OFFICE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const R = OFFICE;

/**
 * Every zip entry's time: 1 January 1980 at midnight, local time as fflate
 * writes it (a date-time without an offset is local), so the same bytes on
 * every machine whatever its time zone.
 */
const ZIP_TIME = '1980-01-01T00:00:00';

const xml = (root: Element): Uint8Array => strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${toXml({ type: 'root', children: [root] } as Root)}`);

/** The ids of tracked changes and move ranges: one counter per package. */
class Revisions {
  private next = 1;
  private moves = 0;
  private readonly revision: DocxInput['revision'];
  constructor(revision: DocxInput['revision']) {
    this.revision = revision;
  }
  attrs(): Record<string, string> {
    return { 'w:id': String(this.next++), 'w:author': this.revision.author, ...(this.revision.date ? { 'w:date': `${this.revision.date}T00:00:00Z` } : {}) };
  }
  moveName(): string {
    return `move${++this.moves}`;
  }
}

function runXml(run: DocxRun | DocxNoteCall, deleted: boolean): Element {
  if ('footnote' in run) return x('w:r', [x('w:rPr', [x('w:rStyle', { 'w:val': 'FootnoteReference' })]), x('w:footnoteReference', { 'w:id': String(run.footnote) })]);
  const props: Element[] = [];
  if (run.bold) props.push(x('w:b'));
  if (run.italic) props.push(x('w:i'));
  if (run.superscript) props.push(x('w:vertAlign', { 'w:val': 'superscript' }));
  // A tab (after a number or label) is Word's w:tab, not a character of the text.
  const content = run.text.split('\t').flatMap((t, k) => [...(k ? [x('w:tab')] : []), ...(t ? [x(deleted ? 'w:delText' : 'w:t', { 'xml:space': 'preserve' }, t)] : [])]);
  return x('w:r', [...(props.length ? [x('w:rPr', props)] : []), ...content]);
}

function paragraphXml(p: DocxParagraph, revisions: Revisions, inFootnote: boolean): Element {
  const pPr: Element[] = [x('w:pStyle', { 'w:val': p.style })];
  if (p.mark) pPr.push(x('w:rPr', [x(`w:${p.mark}`, revisions.attrs())]));
  const children: ElementContent[] = [x('w:pPr', pPr)];
  if (inFootnote) children.push(x('w:r', [x('w:rPr', [x('w:rStyle', { 'w:val': 'FootnoteReference' })]), x('w:footnoteRef')]), x('w:r', [x('w:t', { 'xml:space': 'preserve' }, ' ')]));
  for (const span of p.spans) {
    if (!span.runs.length) continue;
    const deleted = span.mark === 'del';
    // A tracked footnote call that ends a paragraph is followed by a zero-width space: LibreOffice
    // (7.4) leaves such a call, and its footnote, behind when it rejects the insertion.
    const ends = span === p.spans[p.spans.length - 1] && 'footnote' in span.runs[span.runs.length - 1]!;
    const runs = [...span.runs, ...(span.mark && ends ? [{ text: '\u200b' }] : [])].map((r) => runXml(r, deleted));
    if (!span.mark) children.push(...runs);
    else if (span.mark === 'ins' || span.mark === 'del') children.push(x(`w:${span.mark}`, revisions.attrs(), runs));
    else {
      const range = revisions.attrs();
      const name = revisions.moveName();
      children.push(
        x(`w:${span.mark}RangeStart`, { ...range, 'w:name': name }),
        x(`w:${span.mark}`, revisions.attrs(), runs),
        x(`w:${span.mark}RangeEnd`, { 'w:id': range['w:id']! }),
      );
    }
  }
  return x('w:p', children);
}

function sectionXml(): Element {
  // A4, margins of 2.5 cm (the UN's paper and a common Word setting).
  return x('w:sectPr', [
    x('w:pgSz', { 'w:w': '11906', 'w:h': '16838' }),
    x('w:pgMar', { 'w:top': '1418', 'w:right': '1418', 'w:bottom': '1418', 'w:left': '1418', 'w:header': '709', 'w:footer': '709', 'w:gutter': '0' }),
  ]);
}

function documentXml(input: DocxInput, revisions: Revisions): Element {
  return x('w:document', { 'xmlns:w': W, 'xmlns:r': R }, [x('w:body', [...input.paragraphs.map((p) => paragraphXml(p, revisions, false)), sectionXml()])]);
}

function footnotesXml(input: DocxInput, revisions: Revisions): Element {
  const separator = (id: string, type: string, mark: string) =>
    x('w:footnote', { 'w:type': type, 'w:id': id }, [x('w:p', [x('w:pPr', [x('w:spacing', { 'w:after': '0', 'w:line': '240', 'w:lineRule': 'auto' })]), x('w:r', [x(mark)])])]);
  return x('w:footnotes', { 'xmlns:w': W, 'xmlns:r': R }, [
    separator('-1', 'separator', 'w:separator'),
    separator('0', 'continuationSeparator', 'w:continuationSeparator'),
    ...input.footnotes.map((f) => x('w:footnote', { 'w:id': String(f.id) }, f.paragraphs.map((p, k) => paragraphXml(p, revisions, k === 0)))),
  ]);
}

/** Paragraph styles: Times New Roman 10 pt as in UN documents; numbers and labels are literal text followed by a tab. */
function stylesXml(): Element {
  const para = (id: string, name: string, pPr: Element[], rPr: Element[] = []) =>
    x('w:style', { 'w:type': 'paragraph', 'w:styleId': id }, [x('w:name', { 'w:val': name }), x('w:basedOn', { 'w:val': 'Normal' }), x('w:qFormat'), x('w:pPr', pPr), ...(rPr.length ? [x('w:rPr', rPr)] : [])]);
  const ind = (attrs: Record<string, string>) => x('w:ind', attrs);
  return x('w:styles', { 'xmlns:w': W }, [
    x('w:docDefaults', [
      x('w:rPrDefault', [x('w:rPr', [x('w:rFonts', { 'w:ascii': 'Times New Roman', 'w:hAnsi': 'Times New Roman', 'w:cs': 'Times New Roman', 'w:eastAsia': 'Times New Roman' }), x('w:sz', { 'w:val': '20' }), x('w:szCs', { 'w:val': '20' }), x('w:lang', { 'w:val': 'en-GB' })])]),
      x('w:pPrDefault', [x('w:pPr', [x('w:spacing', { 'w:after': '120', 'w:line': '240', 'w:lineRule': 'auto' })])]),
    ]),
    x('w:style', { 'w:type': 'paragraph', 'w:default': '1', 'w:styleId': 'Normal' }, [x('w:name', { 'w:val': 'Normal' }), x('w:qFormat'), x('w:pPr', [x('w:jc', { 'w:val': 'both' })])]),
    para('Symbol', 'UN Symbol', [x('w:jc', { 'w:val': 'right' })], [x('w:b')]),
    para('Title', 'Title', [x('w:keepNext'), x('w:spacing', { 'w:before': '240', 'w:after': '240' }), x('w:jc', { 'w:val': 'left' })], [x('w:b'), x('w:sz', { 'w:val': '26' }), x('w:szCs', { 'w:val': '26' })]),
    para('Heading', 'UN Heading', [x('w:keepNext'), x('w:spacing', { 'w:before': '240' }), x('w:jc', { 'w:val': 'center' })], [x('w:b')]),
    para('Preambular', 'Preambular paragraph', [ind({ 'w:left': '1267', 'w:firstLine': '567' })]),
    para('Operative', 'Operative paragraph', [ind({ 'w:left': '1267', 'w:firstLine': '567' })]),
    para('Sub1', 'Sub-paragraph', [x('w:tabs', [x('w:tab', { 'w:val': 'left', 'w:pos': '2268' })]), ind({ 'w:left': '2268', 'w:hanging': '567' })]),
    para('Sub2', 'Sub-sub-paragraph', [x('w:tabs', [x('w:tab', { 'w:val': 'left', 'w:pos': '2835' })]), ind({ 'w:left': '2835', 'w:hanging': '567' })]),
    para('FootnoteText', 'footnote text', [x('w:spacing', { 'w:after': '0' }), ind({ 'w:left': '1267' })], [x('w:sz', { 'w:val': '17' }), x('w:szCs', { 'w:val': '17' })]),
    x('w:style', { 'w:type': 'character', 'w:styleId': 'FootnoteReference' }, [x('w:name', { 'w:val': 'footnote reference' }), x('w:rPr', [x('w:vertAlign', { 'w:val': 'superscript' })])]),
  ]);
}

function settingsXml(input: DocxInput): Element {
  return x('w:settings', { 'xmlns:w': W }, [
    ...(input.trackRevisions ? [x('w:trackRevisions')] : []),
    x('w:defaultTabStop', { 'w:val': '567' }),
    x('w:footnotePr', [x('w:footnote', { 'w:id': '-1' }), x('w:footnote', { 'w:id': '0' })]),
    x('w:compat', [x('w:compatSetting', { 'w:name': 'compatibilityMode', 'w:uri': 'http://schemas.microsoft.com/office/word', 'w:val': '15' })]),
  ]);
}

function coreXml(input: DocxInput): Element {
  const when = input.date ? [x('dcterms:created', { 'xsi:type': 'dcterms:W3CDTF' }, `${input.date}T00:00:00Z`), x('dcterms:modified', { 'xsi:type': 'dcterms:W3CDTF' }, `${input.date}T00:00:00Z`)] : [];
  return x(
    'cp:coreProperties',
    {
      'xmlns:cp': 'http://schemas.openxmlformats.org/package/2006/metadata/core-properties',
      'xmlns:dc': 'http://purl.org/dc/elements/1.1/',
      'xmlns:dcterms': 'http://purl.org/dc/terms/',
      'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
    },
    [x('dc:title', input.title), x('dc:subject', input.subject), x('dc:creator', input.revision.author), x('cp:lastModifiedBy', input.revision.author), ...when],
  );
}

const rels = (items: [string, string, string][]) => x('Relationships', { xmlns: REL }, items.map(([id, type, target]) => x('Relationship', { Id: id, Type: type, Target: target })));

/** The .docx bytes of the paragraphs and footnotes. */
export function packDocx(input: DocxInput): Uint8Array {
  const revisions = new Revisions(input.revision);
  const main = 'application/vnd.openxmlformats-officedocument.wordprocessingml';
  const parts: Record<string, Uint8Array> = {
    '[Content_Types].xml': xml(
      x('Types', { xmlns: CT }, [
        x('Default', { Extension: 'rels', ContentType: 'application/vnd.openxmlformats-package.relationships+xml' }),
        x('Default', { Extension: 'xml', ContentType: 'application/xml' }),
        x('Override', { PartName: '/word/document.xml', ContentType: `${main}.document.main+xml` }),
        x('Override', { PartName: '/word/styles.xml', ContentType: `${main}.styles+xml` }),
        x('Override', { PartName: '/word/settings.xml', ContentType: `${main}.settings+xml` }),
        x('Override', { PartName: '/word/footnotes.xml', ContentType: `${main}.footnotes+xml` }),
        x('Override', { PartName: '/docProps/core.xml', ContentType: 'application/vnd.openxmlformats-package.core-properties+xml' }),
        x('Override', { PartName: '/docProps/app.xml', ContentType: 'application/vnd.openxmlformats-officedocument.extended-properties+xml' }),
      ]),
    ),
    '_rels/.rels': xml(
      rels([
        ['rId1', `${OFFICE}/officeDocument`, 'word/document.xml'],
        ['rId2', 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties', 'docProps/core.xml'],
        ['rId3', `${OFFICE}/extended-properties`, 'docProps/app.xml'],
      ]),
    ),
    'word/document.xml': xml(documentXml(input, revisions)),
    'word/footnotes.xml': xml(footnotesXml(input, revisions)),
    'word/_rels/document.xml.rels': xml(
      rels([
        ['rId1', `${OFFICE}/styles`, 'styles.xml'],
        ['rId2', `${OFFICE}/settings`, 'settings.xml'],
        ['rId3', `${OFFICE}/footnotes`, 'footnotes.xml'],
      ]),
    ),
    'word/styles.xml': xml(stylesXml()),
    'word/settings.xml': xml(settingsXml(input)),
    'docProps/core.xml': xml(coreXml(input)),
    'docProps/app.xml': xml(x('Properties', { xmlns: 'http://schemas.openxmlformats.org/officeDocument/2006/extended-properties' }, [x('Application', 'Palimpsest')])),
  };
  return zipSync(Object.fromEntries(Object.entries(parts).map(([name, data]) => [name, [data, { mtime: ZIP_TIME }]])), { level: 9 });
}

/** The media type of a .docx. */
export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
