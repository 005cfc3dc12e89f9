/** Shared by the broken-file tests: a temporary content folder, loaded as the build loads it. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCorpus, type Corpus } from '../../src/lib/ingest/corpus.ts';

export const ROOT = join(import.meta.dirname, '..', '..');

/** A real resolution, cut short (tests/fixtures/ga76-closing.txt: A/RES/76/187, PP1 and OP74–77). */
export const SAMPLE = readFileSync(join(ROOT, 'tests', 'fixtures', 'ga76-closing.txt'), 'utf8');
/** A whole real document, always put next to the broken ones: it must still load. */
export const SEED = 'ga72-2017-draft-resolution.txt';

export interface Folder {
  dir: string;
  path: (name: string) => string;
  write: (name: string, bytes: Uint8Array | string) => void;
  load: () => Corpus;
  remove: () => void;
}

export function tempFolder(withSeed = true): Folder {
  const dir = mkdtempSync(join(tmpdir(), 'palimpsest-broken-'));
  const path = (name: string) => join(dir, name);
  const write = (name: string, bytes: Uint8Array | string) => writeFileSync(path(name), bytes);
  if (withSeed) write(SEED, readFileSync(join(ROOT, 'content', SEED)));
  return { dir, path, write, load: () => loadCorpus(dir), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The diagnostics of one file. */
export function diagnosticsOf(corpus: Corpus, file: string) {
  return corpus.diagnostics.filter((d) => d.file === file);
}

/** The seed document was read and parsed whole (one resolution text, every word kept). */
export function seedLoaded(corpus: Corpus, folder: Folder): boolean {
  const doc = corpus.documents.find((d) => d.source === folder.path(SEED));
  return !!doc && doc.resolutions.length >= 1 && doc.coverage.covered === doc.coverage.words;
}
