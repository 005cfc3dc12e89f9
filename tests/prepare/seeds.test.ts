/**
 * The prepare step over the real seeds (content/), with two workers: every
 * entry it writes is one the site build then finds. The site's path is
 * followed as it is: siteCorpus (loadCorpus with the folder relative to the
 * working folder, through siteCache()) and, for each series of several
 * versions, lineageCached and alignCached on JSON copies of the records, as
 * the content layer hands them to the pages.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ResolutionRecord } from '../../src/lib/model.ts';

// Before the site modules read them: siteCache() keeps the folder it first sees.
const cacheDir = mkdtempSync(join(tmpdir(), 'palimpsest-prepare-seeds-'));
process.env.PALIMPSEST_CACHE = cacheDir;
delete process.env.PALIMPSEST_CONTENT;
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

const { prepare, siteSeries } = await import('../../scripts/prepare.ts');
const { siteCache, siteCorpus } = await import('../../src/site/corpus.ts');
const { folderCache } = await import('../../src/lib/cache.ts');
const { alignCached, lineageCached, SITE_ALIGN_OPTIONS } = await import('../../src/lib/stages.ts');
const { seriesLineage } = await import('../../src/lib/series/lineage.ts');
const { precomputedPairs } = await import('../../src/lib/series/pairs.ts');
const { lineageServesSteps } = await import('../../src/lib/prepare.ts');

const count = (stage: string) => {
  try {
    return readdirSync(join(cacheDir, stage)).filter((f) => f.endsWith('.json')).length;
  } catch {
    return 0;
  }
};

describe('the prepare step on the seeds', () => {
  it('fills the cache with what the site then looks up, from two workers', { timeout: 600_000 }, async () => {
    const summary = await prepare(2);
    expect(summary?.errors).toEqual([]);
    expect(summary?.parse.workers).toBe(2);

    const files = readdirSync('content').filter((f) => /\.(txt|md)$/.test(f));
    expect(count('parse')).toBe(files.length);

    // The site's corpus: every document from the cache (the prepare step read it once through the
    // same cache to group the series, then let it go; the site reads it again, all hits).
    const before = { ...siteCache().stats.parse! };
    const site = siteCorpus();
    expect(before).toEqual({ hits: files.length, misses: 0 });
    expect(siteCache().stats.parse).toEqual({ hits: 2 * files.length, misses: 0 });

    // Each series of several versions, its records as the pages get them (JSON copies).
    const series = siteSeries().map((records) => JSON.parse(JSON.stringify(records)) as ResolutionRecord[]);
    expect(series.length).toBe(site.grouping.series.filter((s) => s.versions.length > 1).length);
    expect(series.length).toBeGreaterThan(1);
    const lookups = folderCache(cacheDir);
    let pairs = 0;
    for (const records of series) {
      const lineage = lineageCached(records, SITE_ALIGN_OPTIONS, lookups);
      // Successive pairs come from the lineage when its alignments carry redlines (as in src/site/data.ts).
      const steps = lineageServesSteps(lineage, records.length);
      for (const p of precomputedPairs(records.length)) {
        if (p.successive && steps) continue;
        alignCached(records[p.a]!, records[p.b]!, SITE_ALIGN_OPTIONS, lookups);
        pairs++;
      }
    }
    expect(pairs).toBeGreaterThan(0);
    expect(lookups.stats.lineage).toEqual({ hits: series.length, misses: 0 });
    expect(lookups.stats.align ?? { hits: 0, misses: 0 }).toEqual({ hits: pairs, misses: 0 });
    expect(count('lineage')).toBe(series.length);
    expect(count('align')).toBe(pairs);

    // What the workers stored is what the core computes.
    const smallest = [...series].sort((a, b) => a.length - b.length)[0]!;
    expect(lineageCached(smallest, SITE_ALIGN_OPTIONS, folderCache(cacheDir))).toEqual(JSON.parse(JSON.stringify(seriesLineage(smallest, SITE_ALIGN_OPTIONS))));
  });
});
