/** Bytes of a file to its parsed document: the decode stage, then the parse. */
import { decodeDocument } from './decode.ts';
import { parseDocument } from '../parse/document.ts';
import type { ParsedDocument } from '../model.ts';

/** Bytes of a file to its parsed document. Throws UnreadableDocumentError when the file is not text. */
export function parseBytes(bytes: Uint8Array, file: string): ParsedDocument {
  const { text, diagnostics } = decodeDocument(bytes, file);
  const doc = parseDocument(text, file);
  return diagnostics.length ? { ...doc, diagnostics: [...diagnostics, ...doc.diagnostics] } : doc;
}
