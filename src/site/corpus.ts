/**
 * The corpus as the site sees it: the core's loadCorpus and groupSeries over
 * the content folder, read once per change of the folder (the three content
 * collections share one parse), with the slugs of versions and series.
 */
import { readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { documentFiles, loadCorpus, DOCUMENT_EXTENSIONS, type Corpus } from '../lib/ingest/corpus.ts';
import { parseOverrides, type OverrideFile, type SeriesResult } from '../lib/series/group.ts';
import type { Diagnostic, ResolutionRecord } from '../lib/model.ts';
import { seriesSlugs, versionSlugs } from '../lib/slug.ts';
import { corpusSummary } from './summary.ts';
import { cached as cachedStage, codeFingerprint, contentKey, folderCache, noCache, type Cache } from '../lib/cache.ts';
import { groupCached } from '../lib/stages.ts';

let cacheInstance: Cache | null = null;

/**
 * The build's cache of stage results by content hash: .palimpsest-cache/, or
 * PALIMPSEST_CACHE (a folder CI keeps between runs); PALIMPSEST_CACHE=off turns it off.
 */
export function siteCache(): Cache {
  const dir = process.env.PALIMPSEST_CACHE || '.palimpsest-cache';
  return (cacheInstance ??= dir === 'off' ? noCache() : folderCache(resolve(dir)));
}

/** True when the build has no cache (PALIMPSEST_CACHE=off): a result dropped from memory must then be computed again. */
export function siteCacheIsOff(): boolean {
  return process.env.PALIMPSEST_CACHE === 'off';
}

/** The folder the site is built from: content/, or PALIMPSEST_CONTENT. */
export function contentDir(): string {
  return resolve(process.env.PALIMPSEST_CONTENT || 'content');
}

export const OVERRIDES_FILE = 'series.json';

export interface SiteCorpus {
  dir: string;
  corpus: Corpus;
  records: ResolutionRecord[];
  /** Record id → version slug. */
  slugs: Map<string, string>;
  grouping: SeriesResult;
  /** Series slug for each series of `grouping.series`, same order. */
  seriesSlugs: string[];
  /** Problems with content/series.json. */
  overrideDiagnostics: Diagnostic[];
}

let cached: { key: string; value: SiteCorpus } | null = null;

/** A key that changes whenever a file of the folder changes. */
function folderKey(dir: string): string {
  try {
    return [...documentFiles(dir), join(dir, OVERRIDES_FILE)]
      .map((file) => {
        try {
          const s = statSync(file);
          return `${file}:${s.size}:${s.mtimeMs}`;
        } catch {
          return `${file}:none`;
        }
      })
      .join('|');
  } catch {
    return 'missing';
  }
}

function readOverrides(dir: string): { overrides: OverrideFile; diagnostics: Diagnostic[] } {
  const file = join(dir, OVERRIDES_FILE);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return { overrides: { overrides: [] }, diagnostics: [] };
  }
  try {
    return { overrides: parseOverrides(text), diagnostics: [] };
  } catch (error) {
    return { overrides: { overrides: [] }, diagnostics: [{ file, line: null, severity: 'error', code: 'series-overrides', message: (error as Error).message }] };
  }
}

export function siteCorpus(dir = contentDir()): SiteCorpus {
  const key = `${dir}#${folderKey(dir)}`;
  if (cached?.key === key) return cached.value;
  let corpus: Corpus;
  try {
    // Relative to the working folder, so that no machine's absolute path reaches a page.
    corpus = loadCorpus(relative(process.cwd(), dir) || '.', { cache: siteCache() });
  } catch (error) {
    corpus = { documents: [], diagnostics: [{ file: dir, line: null, severity: 'error', code: 'no-content', message: `cannot read the content folder: ${(error as Error).message}` }] };
  }
  const records = corpus.documents.flatMap((d) => d.resolutions);
  const { overrides, diagnostics } = readOverrides(dir);
  const grouping = groupCached(records, overrides, siteCache());
  for (const u of grouping.unmatched) diagnostics.push({ file: join(dir, OVERRIDES_FILE), line: null, severity: 'warning', code: 'series-override-unmatched', message: `${u.entry.action}: ${u.problem}` });
  const value: SiteCorpus = {
    dir,
    corpus,
    records,
    slugs: versionSlugs(records),
    grouping,
    seriesSlugs: seriesSlugs(grouping.series.map((s) => s.id)),
    overrideDiagnostics: diagnostics,
  };
  cached = { key, value };
  return value;
}

/** Let go of the corpus read last (the prepare step, before it waits on its workers). */
export function forgetSiteCorpus(): void {
  cached = null;
}

/** True when a path is a document or the overrides file of the content folder. */
export function isContentFile(path: string, dir = contentDir()): boolean {
  const p = resolve(path);
  return p.startsWith(dir + '/') && (DOCUMENT_EXTENSIONS.test(p) || p.endsWith(`/${OVERRIDES_FILE}`));
}

/** `file:line: severity: message [code]`, the form editors and CI annotations read. */
export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}${d.line ? `:${d.line}` : ''}: ${d.severity}: ${d.message} [${d.code}]`;
}

export interface CorpusReport {
  summary: string[];
  diagnostics: Diagnostic[];
}

/** Changes whenever what corpusDiagnostics reports of the same corpus would (src/site/summary.ts). */
const REPORT_FORMAT = '1';

/**
 * The summary and every diagnostic of the corpus the site is built from,
 * through the build's cache under a key made of the content folder's files
 * (names, sizes, times of change) and the core's code: the prepare step
 * reports the corpus it has just read, and `npm run build` prints that report
 * without reading the corpus again (at 10,000 versions, half a minute).
 */
export function corpusDiagnostics(dir = contentDir()): CorpusReport {
  const key = contentKey(REPORT_FORMAT, codeFingerprint(), dir, folderKey(dir));
  return cachedStage(siteCache(), 'report', key, () => {
    const site = siteCorpus(dir);
    const diagnostics = [...site.corpus.diagnostics, ...site.overrideDiagnostics];
    return { summary: corpusSummary(site).slice(0, 3), diagnostics };
  });
}
