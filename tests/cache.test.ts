/** The parse cache: keyed by content, so an edit re-parses only the edited document. */
import { copyFileSync, mkdtempSync, readdirSync, appendFileSync, writeFileSync, readdirSync as ls } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentKey, folderCache } from '../src/lib/cache.ts';
import { loadCorpus } from '../src/lib/ingest/corpus.ts';

function corpusCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'palimpsest-corpus-'));
  const content = new URL('../content/', import.meta.url).pathname;
  for (const f of readdirSync(content)) if (/\.(txt|md)$/.test(f)) copyFileSync(join(content, f), join(dir, f));
  return dir;
}

describe('parse cache', () => {
  it('gives the same documents from the cache as from the parser', () => {
    const dir = corpusCopy();
    const cacheDir = mkdtempSync(join(tmpdir(), 'palimpsest-cache-'));
    const fresh = loadCorpus(dir);
    const first = loadCorpus(dir, { cache: folderCache(cacheDir) });
    const cache = folderCache(cacheDir);
    const second = loadCorpus(dir, { cache });
    expect(cache.stats.parse).toEqual({ hits: 5, misses: 0 });
    expect(JSON.stringify(second)).toBe(JSON.stringify(fresh));
    expect(JSON.stringify(first)).toBe(JSON.stringify(fresh));
  });

  it('re-parses only the document that changed', () => {
    const dir = corpusCopy();
    const cacheDir = mkdtempSync(join(tmpdir(), 'palimpsest-cache-'));
    loadCorpus(dir, { cache: folderCache(cacheDir) });
    appendFileSync(join(dir, 'ga76-2021-resolution-76-187.txt'), '\n');
    const cache = folderCache(cacheDir);
    loadCorpus(dir, { cache });
    expect(cache.stats.parse).toEqual({ hits: 4, misses: 1 });
  });

  it('treats a damaged cache entry as a miss', () => {
    const dir = corpusCopy();
    const cacheDir = mkdtempSync(join(tmpdir(), 'palimpsest-cache-'));
    loadCorpus(dir, { cache: folderCache(cacheDir) });
    for (const f of ls(join(cacheDir, 'parse'))) writeFileSync(join(cacheDir, 'parse', f), '{"trunc');
    const cache = folderCache(cacheDir);
    const again = loadCorpus(dir, { cache });
    expect(cache.stats.parse).toEqual({ hits: 0, misses: 5 });
    expect(again.documents).toHaveLength(5);
  });

  it('keys by every part, with lengths, so parts cannot run into each other', () => {
    expect(contentKey('ab', 'c')).not.toBe(contentKey('a', 'bc'));
    expect(contentKey('a', 'b')).toBe(contentKey('a', 'b'));
  });
});

describe('alignment cache', () => {
  it('re-aligns only the series of the document that changed', async () => {
    const { groupSeries } = await import('../src/lib/series/group.ts');
    const { alignCached } = await import('../src/lib/stages.ts');
    const dir = corpusCopy();
    const cacheDir = mkdtempSync(join(tmpdir(), 'palimpsest-cache-'));
    const alignAll = () => {
      const cache = folderCache(cacheDir);
      const records = loadCorpus(dir, { cache }).documents.flatMap((d) => d.resolutions);
      const series = groupSeries(records).series;
      const byId = new Map(records.map((r) => [r.id, r]));
      let pairs = 0;
      for (const s of series) {
        for (let i = 1; i < s.versions.length; i++) {
          alignCached(byId.get(s.versions[i - 1]!.id)!, byId.get(s.versions[i]!.id)!, {}, cache);
          pairs++;
        }
      }
      return { stats: cache.stats, pairs };
    };
    const first = alignAll();
    expect(first.stats.align).toEqual({ hits: 0, misses: first.pairs });
    // 76/187 is the last of the six versions of the crime programme resolution: one pair touches it.
    appendFileSync(join(dir, 'ga76-2021-resolution-76-187.txt'), '\nAnother closing line\n');
    const second = alignAll();
    expect(second.stats.parse).toEqual({ hits: 4, misses: 1 });
    expect(second.stats.align).toEqual({ hits: first.pairs - 1, misses: 1 });
  });
});

describe('code fingerprint', () => {
  it('is the same when the cache module runs from a bundle far from the sources (as in the Astro build)', async () => {
    const { codeFingerprint } = await import('../src/lib/cache.ts');
    const { spawnSync } = await import('node:child_process');
    const { copyFileSync: copy } = await import('node:fs');
    // A copy of cache.ts in a folder with no sources beside it, run from the project folder, must find
    // src/lib and give the same fingerprint; before, it hashed the (empty) folder it ran from, so every
    // build of any code version shared one key and served stale results.
    const bundle = mkdtempSync(join(tmpdir(), 'palimpsest-bundle-'));
    copy(new URL('../src/lib/cache.ts', import.meta.url).pathname, join(bundle, 'chunk.ts'));
    writeFileSync(join(bundle, 'run.ts'), "import { codeFingerprint } from './chunk.ts';\nprocess.stdout.write(codeFingerprint());\n");
    const root = new URL('..', import.meta.url).pathname;
    const run = spawnSync(process.execPath, [join(bundle, 'run.ts')], { cwd: root, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(codeFingerprint());
  });
});

describe('series grouping through the cache', () => {
  it('reads the grouping back as it was computed, and computes it again when a record or an override changes', async () => {
    const { groupCached } = await import('../src/lib/stages.ts');
    const { groupSeries } = await import('../src/lib/series/group.ts');
    const dir = corpusCopy();
    const cacheDir = mkdtempSync(join(tmpdir(), 'palimpsest-cache-'));
    const records = loadCorpus(dir).documents.flatMap((d) => d.resolutions);
    const overrides = { overrides: [] };
    const fresh = groupSeries(records, overrides);
    expect(JSON.stringify(groupCached(records, overrides, folderCache(cacheDir)))).toBe(JSON.stringify(fresh));
    const cache = folderCache(cacheDir);
    const again = groupCached(records, overrides, cache);
    expect(cache.stats.group).toEqual({ hits: 1, misses: 0 });
    expect(JSON.stringify(again)).toBe(JSON.stringify(fresh));
    // An editor's rename is a new key: the cached grouping without it is not used.
    // A rename names its series by any of its versions (a symbol or a record id).
    const version = fresh.series.find((s) => s.versions.length > 1)!.versions[0]!.id;
    const renamed = { overrides: [{ action: 'rename' as const, series: version, title: 'Renamed by the editor', reason: 'test' }] };
    const withRename = groupCached(records, renamed, cache);
    expect(cache.stats.group).toEqual({ hits: 1, misses: 1 });
    expect(withRename.series.find((s) => s.title === 'Renamed by the editor')).toBeDefined();
    // So is a record that changed.
    const changed = records.map((r, i) => (i === 0 ? { ...r, title: `${r.title} (amended)` } : r));
    groupCached(changed, overrides, cache);
    expect(cache.stats.group).toEqual({ hits: 1, misses: 2 });
  });
});

describe('the corpus report of npm run build', () => {
  it('is read from the cache for the same files, and made again when a file of the folder changes', async () => {
    const dir = corpusCopy();
    process.env.PALIMPSEST_CACHE = mkdtempSync(join(tmpdir(), 'palimpsest-cache-'));
    const { corpusDiagnostics } = await import('../src/site/corpus.ts');
    const first = corpusDiagnostics(dir);
    expect(first.summary[0]).toMatch(/^corpus: 5 documents/);
    expect(ls(join(process.env.PALIMPSEST_CACHE, 'report'))).toHaveLength(1);
    expect(corpusDiagnostics(dir)).toEqual(first);
    // An empty document is an error the report must name, not a report from before it.
    writeFileSync(join(dir, 'empty.txt'), '');
    const after = corpusDiagnostics(dir);
    // An empty file is no document (src/lib/ingest/decode.ts): still 5, and an error that names it.
    expect(after.summary[0]).toMatch(/^corpus: 5 documents/);
    expect(after.summary[2]).toMatch(/^diagnostics: [1-9]\d* errors/);
    expect(after.diagnostics.some((d) => d.file.endsWith('empty.txt') && d.severity === 'error' && /empty/.test(d.message))).toBe(true);
    expect(first.diagnostics.some((d) => d.file.endsWith('empty.txt'))).toBe(false);
    expect(ls(join(process.env.PALIMPSEST_CACHE, 'report'))).toHaveLength(2);
    delete process.env.PALIMPSEST_CACHE;
  });
});
