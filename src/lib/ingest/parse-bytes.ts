/** Bytes of a file to its parsed document: the decode stage (text, or a Word document), then the parse. */
import { documentText } from './docx.ts';
import { parseDecoded } from '../parse/document.ts';
import type { ParsedDocument } from '../model.ts';

/** Bytes of a file (text, or a Word document) to its parsed document. Throws UnreadableDocumentError when the file is neither. */
export function parseBytes(bytes: Uint8Array, file: string): ParsedDocument {
  return parseDecoded(documentText(bytes, file), file);
}
