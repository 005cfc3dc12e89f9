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
export { parseBytes } from './ingest/parse-bytes.ts';
