/**
 * Bytes to text. A document must be text: UTF-8 (with or without a byte-order
 * mark) or UTF-16 with a byte-order mark. Anything else is refused with a
 * message that names the file, so the rest of the corpus can still build.
 */
import type { Diagnostic } from '../model.ts';

export class UnreadableDocumentError extends Error {
  readonly file: string;
  readonly line: number | null;
  constructor(file: string, message: string, line: number | null = null) {
    super(`${file}${line === null ? '' : `:${line}`}: ${message}`);
    this.name = 'UnreadableDocumentError';
    this.file = file;
    this.line = line;
  }
}

export interface DecodedText {
  text: string;
  diagnostics: Diagnostic[];
}

/**
 * The largest document read: 16 MiB. The longest real report of a committee is
 * about 1 MB of text; anything far larger is not one document.
 */
export const MAX_DOCUMENT_BYTES = 16 * 1024 * 1024;

/** Share of control characters above which a file is taken to be binary. */
const BINARY_CONTROL_SHARE = 0.01;

function lineOfOffset(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/**
 * Refuses a document over MAX_DOCUMENT_BYTES with a message that names the
 * file and the limit. Called before the file is read (ingest/corpus.ts), so
 * that a huge file is never read into memory, and again on the bytes.
 */
export function checkDocumentSize(size: number, file: string): void {
  if (size <= MAX_DOCUMENT_BYTES) return;
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  throw new UnreadableDocumentError(file, `the file is ${mb(size)}; the limit for one document is ${mb(MAX_DOCUMENT_BYTES)} (split it into its documents)`);
}

/** A zip's local file header: "PK\x03\x04" (a Word document is a zip). */
export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** An OLE compound file: an encrypted Word document, or an old binary .doc. */
export function isOle(bytes: Uint8Array): boolean {
  const sig = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  return bytes.length >= 8 && sig.every((b, i) => bytes[i] === b);
}

/**
 * Decode the bytes of a document into text with "\n" line ends.
 * Throws UnreadableDocumentError for an empty, binary or non-UTF-8 file.
 */
export function decodeDocument(bytes: Uint8Array, file: string): DecodedText {
  const diagnostics: Diagnostic[] = [];
  if (bytes.length === 0) throw new UnreadableDocumentError(file, 'the file is empty');
  checkDocumentSize(bytes.length, file);

  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
    diagnostics.push(note(file, 'utf16', 'the file is UTF-16 (little-endian); read it as such'));
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
    diagnostics.push(note(file, 'utf16', 'the file is UTF-16 (big-endian); read it as such'));
  } else {
    const nul = bytes.indexOf(0);
    if (nul !== -1) {
      throw new UnreadableDocumentError(file, 'this is a binary file, not text (it holds NUL bytes)', lineOfOffset(bytes, nul));
    }
    const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bom ? bytes.subarray(3) : bytes);
    } catch {
      const bad = firstInvalidUtf8(bytes);
      throw new UnreadableDocumentError(
        file,
        'the file is not UTF-8 text (perhaps Latin-1 or Windows-1252); convert it to UTF-8',
        bad === -1 ? null : lineOfOffset(bytes, bad),
      );
    }
  }

  // By code unit: a control character is one, and no half of a surrogate pair is below 0xd800.
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0x7f) controls++;
  }
  if (controls > Math.max(8, text.length * BINARY_CONTROL_SHARE)) {
    throw new UnreadableDocumentError(file, 'this looks like a binary file, not text (it is full of control characters)');
  }

  text = text.replace(/\r\n?/g, '\n').replace(/\f/g, '\n');
  if (text.trim() === '') throw new UnreadableDocumentError(file, 'the file holds no text (only white space)');
  return { text, diagnostics };
}

function note(file: string, code: string, message: string): Diagnostic {
  return { file, line: null, severity: 'info', code, message };
}

/** Offset of the first byte that breaks UTF-8, or -1. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let need = 0;
    if (b < 0x80) need = 0;
    else if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) need = 2;
    else if (b >= 0xf0 && b <= 0xf4) need = 3;
    else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return -1;
}
