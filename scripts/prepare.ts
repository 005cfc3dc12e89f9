/**
 * The build's prepare step (src/lib/prepare.ts), on its own:
 *
 *   node scripts/prepare.ts [--workers N]
 *
 * Parses the content folder (PALIMPSEST_CONTENT, default content/) and aligns
 * its series into the build's cache (PALIMPSEST_CACHE, default
 * .palimpsest-cache; "off": nothing to do), in N worker processes (default:
 * os.availableParallelism()). `npm run build` runs it before the site build.
 *
 * Exit status 0 when everything was prepared, 1 when a worker failed (what it
 * left out is computed by the site build), 2 on a usage error.
 */
import { availableParallelism } from 'node:os';
import { statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { documentFiles } from '../src/lib/ingest/corpus.ts';
import { prepareCache, type PrepareSummary } from '../src/lib/prepare.ts';
import { contentDir, corpusDiagnostics, forgetSiteCorpus, siteCorpus } from '../src/site/corpus.ts';
import type { ResolutionRecord } from '../src/lib/model.ts';

export const WORKER_SCRIPT = fileURLToPath(new URL('./prepare-worker.ts', import.meta.url));

/** The cache folder of the site build (as siteCache() in src/site/corpus.ts), or null when off. */
export function siteCacheDir(): string | null {
  const dir = process.env.PALIMPSEST_CACHE || '.palimpsest-cache';
  return dir === 'off' ? null : resolve(dir);
}

/** The series of several versions as the site groups them, each its records in the series' order. */
export function siteSeries(): ResolutionRecord[][] {
  const site = siteCorpus();
  const byId = new Map(site.records.map((r) => [r.id, r]));
  return site.grouping.series.filter((s) => s.versions.length > 1).map((s) => s.versions.map((v) => byId.get(v.id)!));
}

/**
 * The series for the workers, once the corpus report of `npm run build` is made
 * from the corpus just read (corpusDiagnostics, through the cache); then the
 * corpus is let go of, so that only the records handed to the workers remain.
 */
function seriesForWorkers(): ResolutionRecord[][] {
  const series = siteSeries();
  corpusDiagnostics();
  forgetSiteCorpus();
  return series;
}

export async function prepare(workers = availableParallelism(), log: (line: string) => void = () => {}): Promise<PrepareSummary | null> {
  const cacheDir = siteCacheDir();
  if (cacheDir === null) return null;
  // The same names as siteCorpus gives loadCorpus (relative to the working folder): the name is part of the parse key.
  const dir = relative(process.cwd(), contentDir()) || '.';
  let files: { file: string; bytes: number }[];
  try {
    files = documentFiles(dir).map((file) => ({ file, bytes: statSync(file).size }));
  } catch {
    files = []; // no content folder: the site build reports it
  }
  return prepareCache({ files, cacheDir, workers, workerScript: WORKER_SCRIPT, series: seriesForWorkers, log });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const w = args[0] === '--workers' ? Number(args[1]) : availableParallelism();
  if ((args.length && (args.length !== 2 || args[0] !== '--workers')) || !Number.isInteger(w) || w < 1) {
    process.stderr.write('usage: node scripts/prepare.ts [--workers N]\n');
    process.exit(2);
  }
  const start = performance.now();
  const summary = await prepare(w, (line) => process.stdout.write(`${line}\n`));
  if (!summary) {
    process.stdout.write('prepare: the cache is off (PALIMPSEST_CACHE=off): nothing to do\n');
  } else {
    for (const e of summary.errors) process.stderr.write(`prepare: error: ${e}\n`);
    process.stdout.write(`prepare: done in ${Math.round(performance.now() - start)} ms with ${w} worker(s)${summary.errors.length ? `, ${summary.errors.length} error(s): the site build computes what is missing` : ''}\n`);
    if (summary.errors.length) process.exitCode = 1;
  }
}
