/**
 * Reading a folder of documents: every .txt and .md file, in name order, each
 * parsed on its own so that one unreadable file never stops the rest.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic, ParsedDocument } from '../model.ts';
import { parseBytes } from '../index.ts';
import { UnreadableDocumentError } from './decode.ts';
import { cached, codeFingerprint, contentKey, noCache, type Cache } from '../cache.ts';

export interface Corpus {
  documents: ParsedDocument[];
  /** Files that could not be read, and every diagnostic of the documents. */
  diagnostics: Diagnostic[];
}

export const DOCUMENT_EXTENSIONS = /\.(?:txt|md|markdown)$/i;

export interface LoadOptions {
  /** Where parse results are kept by content hash (see cache.ts); none by default. */
  cache?: Cache;
}

/** Parse one file's bytes, through the cache: the key is the core's code, the file's name and its bytes. */
export function parseCached(bytes: Uint8Array, file: string, cache: Cache = noCache()): ParsedDocument {
  return cached(cache, 'parse', contentKey(codeFingerprint(), file, bytes), () => parseBytes(bytes, file));
}

export function loadCorpus(dir: string, options: LoadOptions = {}): Corpus {
  const files = readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && DOCUMENT_EXTENSIONS.test(e.name))
    .map((e) => e.name)
    .sort();
  const documents: ParsedDocument[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const name of files) {
    const file = join(dir, name);
    try {
      const doc = parseCached(readFileSync(file), file, options.cache);
      documents.push(doc);
      diagnostics.push(...doc.diagnostics);
    } catch (error) {
      if (!(error instanceof UnreadableDocumentError)) throw error;
      diagnostics.push({ file, line: error.line, severity: 'error', code: 'unreadable', message: error.message.replace(/^[^:]+(?::\d+)?: /, '') });
    }
  }
  return { documents, diagnostics };
}
