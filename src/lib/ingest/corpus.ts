/**
 * Reading a folder of documents: every .txt, .md and .docx file, in name order, each
 * parsed on its own so that one unreadable file never stops the rest.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic, ParsedDocument, ResolutionRecord } from '../model.ts';
import { parseBytes } from './parse-bytes.ts';
import { checkDocumentSize, UnreadableDocumentError } from './decode.ts';
import { cached, codeFingerprint, contentKey, noCache, type Cache } from '../cache.ts';

export interface Corpus {
  documents: ParsedDocument[];
  /** Files that could not be read, and every diagnostic of the documents. */
  diagnostics: Diagnostic[];
}

export const DOCUMENT_EXTENSIONS = /\.(?:txt|md|markdown|docx)$/i;

export interface LoadOptions {
  /** Where parse results are kept by content hash (see cache.ts); none by default. */
  cache?: Cache;
}

/** Parse one file's bytes, through the cache: the key is the core's code, the file's name and its bytes. */
export function parseCached(bytes: Uint8Array, file: string, cache: Cache = noCache()): ParsedDocument {
  return cached(cache, 'parse', contentKey(codeFingerprint(), file, bytes), () => parseBytes(bytes, file));
}

/**
 * The documents of a folder and its sub-folders (a user files them by session
 * or committee), as the paths loadCorpus reads them by: `dir` joined with
 * each relative path, in the order of those paths (the same on every
 * machine). Hidden folders and node_modules are left out. The path is part of
 * the parse cache's key, so whatever fills the cache ahead of loadCorpus must
 * use these strings.
 */
export function documentFiles(dir: string): string[] {
  const found: string[] = [];
  const walk = (rel: string) => {
    const entries = readdirSync(rel ? join(dir, rel) : dir, { withFileTypes: true });
    for (const e of entries) {
      if (e.name.startsWith('.') || e.name === 'node_modules') continue;
      const path = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(path);
      else if (e.isFile() && DOCUMENT_EXTENSIONS.test(e.name)) found.push(path);
    }
  };
  walk('');
  return found.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).map((path) => join(dir, path));
}

/**
 * Read and parse one file through the cache: its document, or a diagnostic
 * when it cannot be read or decoded. Any other error (a bug) is thrown.
 */
export function readDocument(file: string, cache?: Cache): { document: ParsedDocument } | { diagnostic: Diagnostic } {
  let bytes: Uint8Array;
  try {
    // The size first: a file over the limit is refused without being read (one of several GB
    // could not even be read into memory).
    checkDocumentSize(statSync(file).size, file);
    bytes = readFileSync(file);
  } catch (error) {
    return { diagnostic: unreadable(file, error) };
  }
  try {
    return { document: parseCached(bytes, file, cache) };
  } catch (error) {
    if (!(error instanceof UnreadableDocumentError)) throw error;
    return { diagnostic: unreadable(file, error) };
  }
}

export function loadCorpus(dir: string, options: LoadOptions = {}): Corpus {
  const documents: ParsedDocument[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const file of documentFiles(dir)) {
    const read = readDocument(file, options.cache);
    if ('diagnostic' in read) {
      diagnostics.push(read.diagnostic);
      continue;
    }
    documents.push(read.document);
    diagnostics.push(...read.document.diagnostics);
  }
  const unique = distinctRecordIds(documents);
  diagnostics.push(...duplicateVersions(unique.flatMap((d) => d.resolutions)));
  return { documents: unique, diagnostics };
}

/**
 * Record ids are "<file stem>/<position>"; two files of one stem in different
 * folders (ga80/resolutions.md, ga81/resolutions.md) would share them. The
 * later file's records are named by its whole path instead.
 */
function distinctRecordIds(documents: readonly ParsedDocument[]): ParsedDocument[] {
  const seen = new Set<string>();
  return documents.map((doc) => {
    const clash = doc.resolutions.some((r) => seen.has(r.id));
    const out = clash
      ? { ...doc, resolutions: doc.resolutions.map((r) => ({ ...r, id: `${doc.source.replace(/\.[^./]+$/, '')}/${r.position}` })) }
      : doc;
    for (const r of out.resolutions) seen.add(r.id);
    return out;
  });
}

/** A file that could not be read or decoded, as a diagnostic naming it (and the line, where there is one). */
function unreadable(file: string, error: unknown): Diagnostic {
  if (error instanceof UnreadableDocumentError) {
    return { file, line: error.line, severity: 'error', code: 'unreadable', message: error.message.slice(error.message.indexOf(': ', file.length) + 2) };
  }
  const code = (error as NodeJS.ErrnoException)?.code;
  if (!code) throw error;
  return { file, line: null, severity: 'error', code: 'unreadable', message: `the file cannot be read (${code}: ${(error as Error).message})` };
}

/** The words of a text, without the source positions that differ between two files. */
function textKey(r: ResolutionRecord): string {
  return JSON.stringify([r.title, r.tree], (k, v: unknown) => (k === 'position' ? undefined : v));
}

/**
 * The same version held twice: two texts with the same words and the same
 * symbol, or the same words and no symbol at all ("duplicate-version"); and
 * two different texts under one symbol ("symbol-conflict"). Each is reported
 * on the later text, naming both files and lines; both stay in the corpus
 * (their pages get distinct slugs).
 */
export function duplicateVersions(records: readonly ResolutionRecord[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const byText = new Map<string, ResolutionRecord[]>();
  const bySymbol = new Map<string, ResolutionRecord[]>();
  const where = (x: ResolutionRecord) => `${x.source}:${x.lines.start}`;
  for (const r of records) {
    const key = textKey(r);
    const same = (byText.get(key) ?? []).find((x) => x.symbol === r.symbol);
    const other = r.symbol ? (bySymbol.get(r.symbol) ?? []).filter((x) => textKey(x) !== key) : [];
    const name = r.symbol ?? `"${r.title.slice(0, 80)}"`;
    if (same) {
      out.push({ file: r.source, line: r.lines.start, severity: 'warning', code: 'duplicate-version', message: `${name} at ${where(r)} is the same text as at ${where(same)}: the version is held twice` });
    } else if (other.length) {
      out.push({ file: r.source, line: r.lines.start, severity: 'warning', code: 'symbol-conflict', message: `${name} at ${where(r)} differs from the text with the same symbol at ${other.map(where).join(', ')}: two different texts under one symbol` });
    }
    byText.set(key, [...(byText.get(key) ?? []), r]);
    if (r.symbol) bySymbol.set(r.symbol, [...(bySymbol.get(r.symbol) ?? []), r]);
  }
  return out;
}
