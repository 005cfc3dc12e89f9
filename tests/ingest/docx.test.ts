/**
 * Reading Word documents (src/lib/ingest/docx.ts): a draft as a delegate
 * writes it in Word (automatic numbering, italic verbs, Word footnotes,
 * tracked changes) parses to the tree its text file would; our own clean
 * .docx of every seed version reads back to the same tree; a file that is
 * not a readable Word document is refused with a message naming it.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseBytes, UnreadableDocumentError } from '../../src/lib/index.ts';
import { docxToText, documentText, MAX_DOCX_UNPACKED } from '../../src/lib/ingest/docx.ts';
import { versionDocx } from '../../src/lib/export/docx.ts';
import { documentFiles, loadCorpus } from '../../src/lib/ingest/corpus.ts';
import { footnotesOf, operativeOf, preambleOf } from '../../src/lib/export/parse-json.ts';
import { readableText } from '../../src/lib/text.ts';
import type { ResolutionRecord } from '../../src/lib/model.ts';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const CONTENT_TYPES = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>';

/** A .docx of the given parts, as Word would zip them. */
function docx(parts: Record<string, string>): Uint8Array {
  return zipSync(Object.fromEntries(Object.entries({ '[Content_Types].xml': CONTENT_TYPES, ...parts }).map(([k, v]) => [k, strToU8(v)])));
}

const p = (inner: string, pPr = '') => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${inner}</w:p>`;
const r = (text: string, rPr = '') => `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ''}<w:t xml:space="preserve">${text}</w:t></w:r>`;
const num = (ilvl: number) => `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="1"/></w:numPr>`;
const note = (id: number) => `<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="${id}"/></w:r>`;

/** A short draft as typed in Word: operative paragraphs and sub-paragraphs numbered by Word itself, verbs in italics, two footnotes, one tracked change. */
const DRAFT = docx({
  'word/document.xml': `<w:document ${W}><w:body>
    ${p(r('Strengthening the United Nations crime prevention and criminal justice programme'))}
    ${p(r('The General Assembly,'))}
    ${p(r('Reaffirming', '<w:i/>') + r(' its resolution 75/196 of 16 December 2020,') + note(2))}
    ${p(r('Recalling', '<w:i/>') + r(' the United Nations Convention against Corruption,') + note(3))}
    ${p(r('Urges', '<w:i/>') + r(' Member States to'), `<w:pStyle w:val="Op"/>`)}
    ${p(r('strengthen cooperation;'), num(1))}
    ${p(r('share information;'), num(1))}
    ${p(r('Requests', '<w:i/>') + r(' the Secretary-General to report') + '<w:del w:id="9" w:author="X"><w:r><w:delText> soon</w:delText></w:r></w:del>' + '<w:ins w:id="10" w:author="X">' + r(' at its seventy-seventh session') + '</w:ins>' + r('.'), `<w:pStyle w:val="Op"/>`)}
  <w:sectPr/></w:body></w:document>`,
  'word/styles.xml': `<w:styles ${W}><w:style w:type="paragraph" w:styleId="Op"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style></w:styles>`,
  'word/numbering.xml': `<w:numbering ${W}>
    <w:abstractNum w:abstractNumId="0">
      <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
      <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%2)"/></w:lvl>
    </w:abstractNum>
    <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
  </w:numbering>`,
  'word/footnotes.xml': `<w:footnotes ${W}>
    <w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
    <w:footnote w:id="2"><w:p><w:r><w:footnoteRef/></w:r>${r(' See A/76/463.')}</w:p></w:footnote>
    <w:footnote w:id="3"><w:p><w:r><w:footnoteRef/></w:r>${r(' United Nations, ')}${r('Treaty Series', '<w:i/>')}${r(', vol. 2349, No. 42146.')}</w:p></w:footnote>
  </w:footnotes>`,
});

describe('a Word draft', () => {
  const doc = parseBytes(DRAFT, 'draft.docx');
  const record = doc.resolutions[0]!;

  it('is one resolution text with every word in its tree', () => {
    expect(doc.resolutions).toHaveLength(1);
    expect(record.title).toBe('Strengthening the United Nations crime prevention and criminal justice programme');
    expect(record.coverage.covered).toBe(record.coverage.words);
  });

  it('has its preambular paragraphs, with their lead words in italics', () => {
    expect(preambleOf(record.tree).map((x) => x.lead)).toEqual(['Reaffirming', 'Recalling']);
    expect(preambleOf(record.tree)[0]!.children[0]).toMatchObject({ type: 'emphasis' });
  });

  it("has Word's automatic numbers as the operative numbers and sub-paragraph labels", () => {
    const ops = operativeOf(record.tree);
    expect(ops.map((x) => [x.number, x.verb])).toEqual([[1, 'Urges'], [2, 'Requests']]);
    expect(ops[0]!.children.filter((c) => c.type === 'subParagraph').map((c) => (c as { label: string }).label)).toEqual(['a', 'b']);
  });

  it("has Word's footnotes, numbered in the order they are called, with their texts", () => {
    const notes = footnotesOf(record.tree);
    expect(notes.map((f) => [f.number, readableText(f.children)])).toEqual([[1, 'See A/76/463.'], [2, 'United Nations, Treaty Series, vol. 2349, No. 42146.']]);
  });

  it('is read with its tracked changes accepted, and says so', () => {
    expect(readableText(operativeOf(record.tree)[1]!.children)).toBe('Requests the Secretary-General to report at its seventy-seventh session.');
    expect(doc.diagnostics.some((d) => d.code === 'tracked-changes' && d.severity === 'info')).toBe(true);
  });

  it('is a .docx of the corpus, recognised by its bytes whatever its name', () => {
    const dir = mkdtempSync(join(tmpdir(), 'palimpsest-docx-'));
    try {
      writeFileSync(join(dir, 'draft.docx'), DRAFT);
      writeFileSync(join(dir, 'misnamed.txt'), DRAFT);
      expect(documentFiles(dir).map((f) => f.slice(dir.length + 1))).toEqual(['draft.docx', 'misnamed.txt']);
      const corpus = loadCorpus(dir);
      expect(corpus.documents.map((d) => d.resolutions.length)).toEqual([1, 1]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** A tree without source positions, links as their text, white space folded: what a Word document can carry. */
function comparable(r: ResolutionRecord): unknown {
  const flat = (n: unknown): unknown => {
    if (Array.isArray(n)) {
      const out: Record<string, unknown>[] = [];
      for (const c of n.flatMap((c) => (c && c.type === 'link' ? c.children : [c])).map(flat) as Record<string, unknown>[]) {
        const last = out[out.length - 1];
        if (last?.type === 'text' && c.type === 'text') last.value = `${last.value}${c.value}`;
        else out.push({ ...c });
      }
      for (const o of out) if (o.type === 'text') o.value = String(o.value).replace(/\s+/g, ' ');
      return out;
    }
    if (!n || typeof n !== 'object') return n;
    return Object.fromEntries(Object.entries(n).filter(([k]) => k !== 'position').map(([k, v]) => [k, flat(v)]));
  };
  return flat(r.tree);
}

describe('our clean .docx read back by our reader', () => {
  const files = readdirSync('content').filter((f) => /\.(txt|md)$/.test(f)).sort();
  const records = files.flatMap((f) => parseBytes(readFileSync(join('content', f)), join('content', f)).resolutions);

  it('gives every seed version its own tree and date again (links are written as their text)', () => {
    expect(records.length).toBeGreaterThan(25);
    for (const r of records) {
      const back = parseBytes(versionDocx(r), `${r.id}.docx`);
      expect(back.resolutions, r.id).toHaveLength(1);
      expect(comparable(back.resolutions[0]!), r.id).toEqual(comparable(r));
      // The date is printed under the symbol, and read back.
      expect(back.resolutions[0]!.date, r.id).toBe(r.date);
    }
  });

  it('is the same bytes for the same version', () => {
    const r = records.find((x) => x.symbol === 'A/RES/76/187')!;
    expect(Buffer.from(versionDocx(r)).equals(Buffer.from(versionDocx(r)))).toBe(true);
  });
});

describe('a file that is not a readable Word document', () => {
  const refused = (bytes: Uint8Array, file = 'bad.docx') => {
    try {
      documentText(bytes, file);
    } catch (error) {
      expect(error).toBeInstanceOf(UnreadableDocumentError);
      expect((error as Error).message.startsWith(`${file}: `)).toBe(true);
      return (error as Error).message;
    }
    throw new Error('not refused');
  };

  it('a damaged zip', () => {
    const good = DRAFT.slice();
    expect(refused(good.slice(0, 200))).toMatch(/cannot be read as a Word document/);
  });

  it('a zip without word/document.xml (a spreadsheet, say)', () => {
    expect(refused(docx({ 'xl/workbook.xml': '<workbook/>' }))).toMatch(/no word\/document\.xml/);
  });

  it('a zip that is not an Office file at all', () => {
    expect(refused(zipSync({ 'notes.txt': strToU8('hello') }))).toMatch(/no \[Content_Types\]\.xml/);
  });

  it('a zip bomb: a document.xml that would unpack to more than the limit', () => {
    // 80 MB of spaces deflate to about 80 kB.
    const huge = new Uint8Array(MAX_DOCX_UNPACKED + 1024).fill(0x20);
    const bomb = zipSync({ '[Content_Types].xml': strToU8(CONTENT_TYPES), 'word/document.xml': huge }, { level: 9 });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(refused(bomb)).toMatch(/unpack to more than 64 MB/);
  });

  it('an encrypted document (an OLE file, as is an old .doc)', () => {
    const ole = new Uint8Array(512);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(refused(ole, 'secret.docx')).toMatch(/encrypted/);
  });

  it('a document.xml that is not XML', () => {
    expect(refused(docx({ 'word/document.xml': '<w:document><w:body>' }))).toMatch(/not well-formed XML/);
  });

  it('a Word document with no text', () => {
    expect(refused(docx({ 'word/document.xml': `<w:document ${W}><w:body><w:p/></w:body></w:document>` }))).toMatch(/holds no text/);
  });

  it('is reported by the corpus as a diagnostic naming the file, and the rest still builds', () => {
    const dir = mkdtempSync(join(tmpdir(), 'palimpsest-docx-'));
    try {
      writeFileSync(join(dir, 'bad.docx'), DRAFT.slice(0, 300));
      writeFileSync(join(dir, 'good.docx'), DRAFT);
      const corpus = loadCorpus(dir);
      expect(corpus.documents).toHaveLength(1);
      expect(corpus.diagnostics.filter((d) => d.code === 'unreadable').map((d) => d.file)).toEqual([join(dir, 'bad.docx')]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('text is still read as text', () => {
    expect(docxToText).toBeTypeOf('function');
    expect(documentText(strToU8('The General Assembly,\n'), 'x.txt').text).toBe('The General Assembly,\n');
  });
});
