/**
 * decodeDocument: bytes to text. The text used here is cut from the real documents:
 *  - OP_LINES: content/ga74-2019-third-committee-report.txt lines 189–190 and 192–193
 *    (DR I OP1 and OP3; OP3 holds the only accented letter, "Fédération").
 *  - FOOTNOTE_LINES: content/ga68-2013-third-committee-report.txt lines 1746–1753
 *    (DR XI OP1–OP6 and footnote ³).
 */
import { describe, it, expect } from 'vitest';
import { decodeDocument, UnreadableDocumentError } from '../../src/lib/ingest/decode.ts';

const OP_LINES = [
  '1. *Reaffirms* that sport is an important enabler of sustainable development, and recognizes the growing contribution of sport to the realization of development, justice and peace through its promotion of tolerance and respect and the contributions it makes to the empowerment of women and of young people, individuals and communities, as well as to health, education and social inclusion objectives;',
  '',
  '3. *Invites* the United Nations Office on Drugs and Crime to launch a global awareness-raising and fundraising campaign during the 2020 Olympic and Paralympic Summer Games and the 2022 World Cup competition to promote sport and sports-based learning as part of strategies aimed at addressing the risk factors of youth crime and drug abuse and to provide assistance to requesting Member States in this area, and invites the national organizing committees, the International Olympic Committee and the Fédération Internationale de Football Association to work in close cooperation with the Office in this regard;',
].join('\n');

const FOOTNOTE_LINES = [
  '1. *Takes note* of the report of the Secretary-General;³',
  '2. *Condemns* corruption at all levels and in all its forms, including bribery, as well as the laundering of proceeds of corruption and other forms of economic crime;',
  '',
  '³ A/68/127.',
].join('\n');

const utf8 = (s: string) => new TextEncoder().encode(s);

function utf16le(s: string, bom = true): Uint8Array {
  const body = Buffer.from(s, 'utf16le');
  return new Uint8Array(bom ? Buffer.concat([Buffer.from([0xff, 0xfe]), body]) : body);
}

function utf16be(s: string): Uint8Array {
  const le = Buffer.from(s, 'utf16le');
  const be = Buffer.alloc(le.length);
  for (let i = 0; i < le.length; i += 2) {
    be[i] = le[i + 1]!;
    be[i + 1] = le[i]!;
  }
  return new Uint8Array(Buffer.concat([Buffer.from([0xfe, 0xff]), be]));
}

function thrown(fn: () => unknown): UnreadableDocumentError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(UnreadableDocumentError);
    return error as UnreadableDocumentError;
  }
  throw new Error('expected decodeDocument to throw');
}

describe('decodeDocument: text that is read', () => {
  it('reads plain UTF-8 unchanged and reports nothing', () => {
    const { text, diagnostics } = decodeDocument(utf8(OP_LINES), 'ga74.txt');
    expect(text).toBe(OP_LINES);
    expect(text).toContain('Fédération Internationale de Football Association');
    expect(diagnostics).toEqual([]);
  });

  it('keeps the Unicode superscript footnote marks', () => {
    const { text } = decodeDocument(utf8(FOOTNOTE_LINES), 'ga68.txt');
    expect(text.split('\n')[0]).toBe('1. *Takes note* of the report of the Secretary-General;³');
    expect(text.split('\n')[3]).toBe('³ A/68/127.');
  });

  it('strips a UTF-8 byte-order mark', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(FOOTNOTE_LINES)]);
    const { text } = decodeDocument(bytes, 'bom.txt');
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
    expect(text).toBe(FOOTNOTE_LINES);
  });

  it('turns CRLF line ends into LF, keeping the number of lines', () => {
    const crlf = FOOTNOTE_LINES.replace(/\n/g, '\r\n');
    const { text } = decodeDocument(utf8(crlf), 'crlf.txt');
    expect(text).not.toContain('\r');
    expect(text).toBe(FOOTNOTE_LINES);
    expect(text.split('\n')).toHaveLength(4);
  });

  it('reads UTF-16 little-endian with a byte-order mark, and says so in an info diagnostic', () => {
    const { text, diagnostics } = decodeDocument(utf16le(OP_LINES), 'utf16.txt');
    expect(text).toBe(OP_LINES);
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ file: 'utf16.txt', severity: 'info' });
  });

  it('reads UTF-16 LE with CRLF line ends (as Windows tools write it) into LF text', () => {
    const { text } = decodeDocument(utf16le(FOOTNOTE_LINES.replace(/\n/g, '\r\n')), 'utf16-crlf.txt');
    expect(text).toBe(FOOTNOTE_LINES);
  });

  it('reads UTF-16 big-endian with a byte-order mark', () => {
    const { text } = decodeDocument(utf16be(FOOTNOTE_LINES), 'utf16be.txt');
    expect(text).toBe(FOOTNOTE_LINES);
  });
});

describe('decodeDocument: files that are refused', () => {
  it('refuses an empty file, naming the file', () => {
    const error = thrown(() => decodeDocument(new Uint8Array(0), 'content/empty.txt'));
    expect(error.file).toBe('content/empty.txt');
    expect(error.message).toContain('content/empty.txt');
    expect(error.message).toMatch(/empty/);
    expect(error.message).not.toContain('\n');
  });

  it('refuses a file of white space only', () => {
    const error = thrown(() => decodeDocument(utf8('\n\n   \n\t\n'), 'blank.txt'));
    expect(error.message).toContain('blank.txt');
  });

  it('refuses a file with NUL bytes as binary, naming the file and the line of the first NUL', () => {
    const bytes = new Uint8Array([...utf8(FOOTNOTE_LINES + '\n'), 0x00, 0x01, 0x02, 0x00]);
    const error = thrown(() => decodeDocument(bytes, 'data.bin'));
    expect(error.message).toContain('data.bin');
    expect(error.message).toMatch(/binary/);
    expect(error.line).toBe(5);
  });

  it('refuses Latin-1 text, naming the file and the line of the first byte that is not UTF-8', () => {
    // The é of "Fédération" is byte 0xE9 in Latin-1, on line 3.
    const bytes = new Uint8Array(Buffer.from(OP_LINES, 'latin1'));
    expect(bytes.includes(0xe9)).toBe(true);
    const error = thrown(() => decodeDocument(bytes, 'latin1.txt'));
    expect(error.file).toBe('latin1.txt');
    expect(error.line).toBe(3);
    expect(error.message).toContain('latin1.txt:3');
    expect(error.message).toMatch(/UTF-8/);
  });

  it('refuses a UTF-8 sequence cut short at the end of the file', () => {
    const bytes = new Uint8Array([...utf8(FOOTNOTE_LINES), 0xe2, 0x80]);
    const error = thrown(() => decodeDocument(bytes, 'cut.txt'));
    expect(error.line).toBe(4);
  });

  it('refuses text full of control characters as binary', () => {
    const noise = Array.from({ length: 40 }, (_, i) => String.fromCharCode(1 + (i % 7))).join('');
    const error = thrown(() => decodeDocument(utf8(`${FOOTNOTE_LINES}\n${noise}\n`), 'controls.txt'));
    expect(error.message).toContain('controls.txt');
    expect(error.message).toMatch(/binary|control/);
  });

  it('accepts a form feed (a page break in converted PDFs) as a line break, not as binary', () => {
    const { text } = decodeDocument(utf8(FOOTNOTE_LINES.replace('\n\n', '\n\f')), 'ff.txt');
    expect(text).not.toContain('\f');
    expect(text).toContain('³ A/68/127.');
  });
});
