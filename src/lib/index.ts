/** The core of Palimpsest: framework-free stages from bytes to trees. */
export * from './model.ts';
export { decodeDocument, UnreadableDocumentError } from './ingest/decode.ts';
export { normalizeText } from './ingest/normalize.ts';
export { textToBlocks } from './ingest/blocks.ts';
export { parseDocument } from './parse/document.ts';
export { documentToJson, resolutionToJson, preambleOf, operativeOf, footnotesOf } from './export/parse-json.ts';
export { readableText, words } from './text.ts';
export { loadCorpus } from './ingest/corpus.ts';
export { alignVersions } from './align/align.ts';
export { redline } from './diff/redline.ts';
export { groupSeries, parseOverrides } from './series/group.ts';
export { seriesLineage } from './series/lineage.ts';

import { documentText } from './ingest/docx.ts';
import { parseDocument } from './parse/document.ts';
import type { ParsedDocument } from './model.ts';

/** Bytes of a file (text, or a Word document) to its parsed document. Throws UnreadableDocumentError when the file is neither. */
export function parseBytes(bytes: Uint8Array, file: string): ParsedDocument {
  const { text, diagnostics } = documentText(bytes, file);
  const doc = parseDocument(text, file);
  return diagnostics.length ? { ...doc, diagnostics: [...diagnostics, ...doc.diagnostics] } : doc;
}
