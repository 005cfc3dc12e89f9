/**
 * The prepare step over a small generated corpus (scripts/gen-corpus.ts):
 * the site then finds every entry in the cache; and when a worker dies, the
 * step says so plainly, and what it left out is computed by whoever looks it
 * up next, with the same results as without a cache.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { writeCorpus } from '../../scripts/gen-corpus.ts';
import type { ResolutionRecord } from '../../src/lib/model.ts';

const content = mkdtempSync(join(tmpdir(), 'palimpsest-prepare-corpus-'));
writeCorpus(content, { versions: 24, seed: 5 });
const cacheDir = mkdtempSync(join(tmpdir(), 'palimpsest-prepare-cache-'));
process.env.PALIMPSEST_CONTENT = content;
process.env.PALIMPSEST_CACHE = cacheDir;

const { prepare, siteSeries, siteCacheDir, WORKER_SCRIPT } = await import('../../scripts/prepare.ts');
const { siteCache } = await import('../../src/site/corpus.ts');
const { codeFingerprint, folderCache, noCache } = await import('../../src/lib/cache.ts');
const { documentFiles, loadCorpus } = await import('../../src/lib/ingest/corpus.ts');
const { lineageServesSteps, prepareCache, runWorkers } = await import('../../src/lib/prepare.ts');
const { alignCached, lineageCached, SITE_ALIGN_OPTIONS } = await import('../../src/lib/stages.ts');
const { precomputedPairs } = await import('../../src/lib/series/pairs.ts');

const dyingWorker = fileURLToPath(new URL('./fixtures/dying-worker.ts', import.meta.url));
const scratch: string[] = [content, cacheDir];
afterAll(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

describe('the prepare step on a generated corpus', () => {
  it('fills the cache the site reads: parse, lineage and alignments are all hits afterwards', { timeout: 600_000 }, async () => {
    expect(siteCacheDir()).toBe(cacheDir);
    const summary = await prepare(2);
    expect(summary?.errors).toEqual([]);
    const series = siteSeries();
    const files = readdirSync(content).filter((f) => /\.(txt|md)$/.test(f));
    // Read twice through the site's cache, all hits: by the prepare step (to group the series, then
    // let go of) and by siteSeries here.
    expect(siteCache().stats.parse).toEqual({ hits: 2 * files.length, misses: 0 });
    expect(series.length).toBeGreaterThan(0);
    const lookups = folderCache(cacheDir);
    let pairs = 0;
    for (const s of series) {
      const records = JSON.parse(JSON.stringify(s)) as ResolutionRecord[];
      const steps = lineageServesSteps(lineageCached(records, SITE_ALIGN_OPTIONS, lookups), records.length);
      for (const p of precomputedPairs(records.length)) {
        if (!p.successive || !steps) {
          alignCached(records[p.a]!, records[p.b]!, SITE_ALIGN_OPTIONS, lookups);
          pairs++;
        }
      }
    }
    expect(lookups.stats.lineage).toEqual({ hits: series.length, misses: 0 });
    expect(lookups.stats.align).toEqual({ hits: pairs, misses: 0 });
  });

  it('reports a worker that dies, and the files it left out are parsed by the next reader', { timeout: 600_000 }, async () => {
    const cache = mkdtempSync(join(tmpdir(), 'palimpsest-prepare-dying-'));
    scratch.push(cache);
    const dir = relative(process.cwd(), content);
    const names = documentFiles(dir);
    const files = names.map((file) => ({ file, bytes: 1 }));
    process.env.PALIMPSEST_TEST_DIE_ON = names[0]!;
    try {
      const summary = await prepareCache({ files, cacheDir: cache, workers: 2, workerScript: dyingWorker, series: () => [] });
      expect(summary.errors).toHaveLength(1);
      expect(summary.errors[0]).toMatch(/^parse worker \d of 2 \(\d+ files\) was killed \(SIGKILL\):\ndying-worker: going down$/);
      const written = readdirSync(join(cache, 'parse')).filter((f) => f.endsWith('.json')).length;
      expect(written).toBeGreaterThan(0);
      expect(written).toBeLessThan(names.length);
      // The next reader (the site build) parses what is missing, with the same result as without a cache.
      const lookups = folderCache(cache);
      const corpus = loadCorpus(dir, { cache: lookups });
      expect(lookups.stats.parse).toEqual({ hits: written, misses: names.length - written });
      expect(JSON.stringify(corpus)).toBe(JSON.stringify(loadCorpus(dir, { cache: noCache() })));
    } finally {
      delete process.env.PALIMPSEST_TEST_DIE_ON;
    }
  });

  it('says why a worker failed: could not start, exit status, no result', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'palimpsest-prepare-fail-'));
    scratch.push(cache);
    const [missing] = await runWorkers(join(cache, 'no-such-worker.ts'), [{ stage: 'parse', cacheDir: cache, fingerprint: codeFingerprint(), files: [] }]);
    expect(missing!.result).toBeNull();
    expect(missing!.error).toMatch(/^exited with status 1:\n[\s\S]*Cannot find module '[^']*no-such-worker\.ts'/);
    // A worker that sees other code than its caller (the core was edited meanwhile) refuses the job.
    const [stale] = await runWorkers(WORKER_SCRIPT, [{ stage: 'parse', cacheDir: cache, fingerprint: 'other code', files: [] }]);
    expect(stale!.error).toMatch(/^exited with status 1:\n[\s\S]*the core \(src\/lib\) changed while the prepare step ran/);
    const summary = await prepareCache({ files: [], cacheDir: cache, workers: 2, workerScript: dyingWorker, series: () => { throw new Error('no grouping'); } });
    expect(summary.series).toBeNull();
    expect(summary.errors).toEqual([expect.stringMatching(/^cannot group the series: Error: no grouping/)]);
  });
});
