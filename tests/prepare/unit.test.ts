/**
 * The pieces of the prepare step (src/lib/prepare.ts) that decide who does
 * what: shards balanced by size, the cost of a series, and the record digests
 * the cache keys are made of, which must survive the JSON copy the site's
 * content layer makes of every record.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadCorpus } from '../../src/lib/ingest/corpus.ts';
import { fillingCache, paragraphCount, seriesCost, shardBySize } from '../../src/lib/prepare.ts';
import { folderCache } from '../../src/lib/cache.ts';
import { recordDigest } from '../../src/lib/stages.ts';
import { precomputedPairs } from '../../src/lib/series/pairs.ts';

fc.configureGlobal({ seed: Number(process.env.PROPERTY_SEED ?? 20261126) });

describe('shardBySize', () => {
  it('puts every item in exactly one shard, keeps their order, and leaves no shard empty', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(1000), { maxLength: 60 }), fc.integer({ min: 1, max: 8 }), (sizes, n) => {
        const items = sizes.map((size, id) => ({ id, size }));
        const shards = shardBySize(items, (x) => x.size, n);
        expect(shards.length).toBe(Math.min(n, items.length) || (items.length ? 1 : 0));
        for (const s of shards) {
          expect(s.length).toBeGreaterThan(0);
          expect(s.map((x) => x.id)).toEqual([...s.map((x) => x.id)].sort((a, b) => a - b));
        }
        expect(shards.flat().map((x) => x.id).sort((a, b) => a - b)).toEqual(items.map((x) => x.id));
        // Greedy balance: no shard exceeds the ideal share by more than the largest item.
        const total = sizes.reduce((a, b) => a + b, 0);
        const largest = Math.max(0, ...sizes);
        for (const s of shards) expect(s.reduce((a, x) => a + x.size, 0)).toBeLessThanOrEqual(total / shards.length + largest);
        expect(shardBySize(items, (x) => x.size, n)).toEqual(shards);
      }),
      { numRuns: 500 },
    );
  });

  it('balances a few large items against many small ones', () => {
    const shards = shardBySize([100, 1, 1, 1, 50, 50, 1, 1], (x) => x, 2);
    expect(shards.map((s) => s.reduce((a, b) => a + b, 0))).toEqual([103, 102]);
  });
});

describe('records and their digests', () => {
  const records = loadCorpus('content').documents.flatMap((d) => d.resolutions);

  it('gives every seed record the same digest after a JSON round trip (the content layer) and a v8 copy (the job files)', () => {
    expect(records.length).toBeGreaterThan(10);
    for (const r of records) {
      const json = JSON.parse(JSON.stringify(r)) as typeof r;
      // What the content layer stores: a JSON copy of the record, inside the version entry, copied again.
      const entry = JSON.parse(JSON.stringify({ slug: 'x', series: null, record: json })) as { record: typeof r };
      expect(recordDigest(json)).toBe(recordDigest(r));
      expect(recordDigest(entry.record)).toBe(recordDigest(r));
      expect(recordDigest(deserialize(serialize(r)) as typeof r)).toBe(recordDigest(r));
    }
  });

  it('costs a series by the paragraphs its precomputed pairs compare', () => {
    const some = records.slice(0, 4);
    const sizes = some.map(paragraphCount);
    expect(sizes.every((n) => n >= 1)).toBe(true);
    expect(seriesCost(some)).toBe(precomputedPairs(4).reduce((s, p) => s + sizes[p.a]! * sizes[p.b]!, 0));
    expect(seriesCost(some.slice(0, 1))).toBe(0);
  });
});

describe('the cache as the prepare step fills it', () => {
  it('writes entries folderCache reads, and finds an entry there without reading it, except in the stages it reads', () => {
    const dir = mkdtempSync(join(tmpdir(), 'palimpsest-filling-'));
    try {
      const filling = fillingCache(dir, ['lineage']);
      expect(filling.get('parse', 'k')).toBeUndefined();
      filling.set('parse', 'k', { big: [1, 2, 3] });
      filling.set('lineage', 'k', { versions: [] });
      expect(folderCache(dir).get('parse', 'k')).toEqual({ big: [1, 2, 3] });
      const again = fillingCache(dir, ['lineage']);
      expect(again.get('parse', 'k')).toEqual({ present: true });
      expect(again.get('lineage', 'k')).toEqual({ versions: [] });
      expect(again.get('lineage', 'other')).toBeUndefined();
      expect(again.stats).toEqual({ parse: { hits: 1, misses: 0 }, lineage: { hits: 1, misses: 1 } });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
