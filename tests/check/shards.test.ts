/**
 * The sharded check index (src/lib/check/shards.ts): what the check page and
 * `palimpsest check --index` read. On the seeds every text shard fits the
 * budget, so the part a draft reads must give the very result of the whole
 * index; with a budget of one shard, only that shard is read.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { loadCorpus } from '../../src/lib/ingest/corpus.ts';
import { checkRecord, emptyCheckIndex } from '../../src/lib/check/agreed.ts';
import { uniqueSlugs } from '../../src/lib/export/version-json.ts';
import { addRecord, buildCheckIndex } from '../../src/lib/check/corpus.ts';
import { FILTERS, loadCheckIndex, MANIFEST, shardCheckIndex, type ShardLoader } from '../../src/lib/check/shards.ts';

const records = loadCorpus(new URL('../../content', import.meta.url).pathname).documents.flatMap((d) => d.resolutions);
const whole = buildCheckIndex(records);
const files = shardCheckIndex(whole);
const draft = records.find((r) => r.symbol === 'A/RES/76/187')!;
const loader = (f: Map<string, string | Uint8Array>): ShardLoader => ({
  json: async (path) => {
    const v = f.get(path);
    if (typeof v !== 'string') throw new Error(`${path}: no such file`);
    return JSON.parse(v);
  },
  bytes: async (path) => {
    const v = f.get(path);
    if (!(v instanceof Uint8Array)) throw new Error(`${path}: no such file`);
    return v;
  },
});

describe('the sharded check index', () => {
  it('is the same bytes from the same corpus', () => {
    const again = shardCheckIndex(buildCheckIndex(records));
    expect([...again.keys()]).toEqual([...files.keys()]);
    for (const [k, v] of files) expect(again.get(k), k).toEqual(v);
  });

  it('is the same bytes from the lean index the site build makes (no postings, no words kept)', () => {
    const lean = emptyCheckIndex(false);
    const slugs = uniqueSlugs(records);
    records.forEach((r, i) => addRecord(lean, r, slugs[i]));
    expect(lean.postings.size).toBe(0);
    const out = shardCheckIndex(lean);
    expect([...out.keys()]).toEqual([...files.keys()]);
    for (const [k, v] of files) expect(out.get(k), k).toEqual(v);
  });

  it('holds every distinct text of the corpus once, in its text shards', () => {
    const texts = [...files].filter(([k]) => k.startsWith('t/')).flatMap(([, v]) => JSON.parse(v as string) as unknown[]);
    expect(texts.length).toBe(whole.texts.length);
    const manifest = JSON.parse(files.get(MANIFEST) as string) as { versions: unknown[]; texts: number };
    expect(manifest.texts).toBe(whole.texts.length);
    expect(manifest.versions.length).toBe(records.length);
  });

  it('gives 76/187 the result of the whole index', async () => {
    const { index, files: read } = await loadCheckIndex(draft, loader(files));
    expect(read.slice(0, 2)).toEqual([MANIFEST, FILTERS]);
    expect(checkRecord(draft, index)).toEqual(checkRecord(draft, whole));
  });

  it('leaves 76/187 out of its own sources when it reads only part of the index', async () => {
    const { index } = await loadCheckIndex(draft, loader(files), 8);
    const sources = checkRecord(draft, index).paragraphs.flatMap((p) => p.sources);
    expect(sources.length).toBeGreaterThan(0);
    expect(sources.some((s) => s.version === 'a-res-76-187')).toBe(false);
  });

  it('reads, for every paragraph of every version, the shard that holds it word for word, before any other', async () => {
    // With a budget of about the shards that hold a version's paragraphs, each paragraph's keys must be found in the
    // filter of its own shard (a Bloom filter has no false negatives), and those shards must be chosen first.
    const { paragraphsOf } = await import('../../src/lib/check/agreed.ts');
    const { wordsOf } = await import('../../src/lib/check/words.ts');
    const shardOf = new Map<string, string>();
    for (const [path, body] of files) {
      if (!path.startsWith('t/')) continue;
      for (const [text] of JSON.parse(body as string) as [string][]) shardOf.set(wordsOf(text).join(' '), path);
    }
    let checked = 0;
    for (const r of records) {
      const keys = paragraphsOf(r).map((u) => wordsOf(u.fullText).join(' ')).filter(Boolean);
      const holding = new Set(keys.map((k) => shardOf.get(k)!));
      if (!keys.length) continue;
      // Two shards to spare, for a shard whose filter holds all of a paragraph's keys by chance (rare, by design).
      const { index, files: read } = await loadCheckIndex(r, loader(files), holding.size + 2);
      for (const path of holding) expect(read, `${r.symbol ?? r.title}: ${path}`).toContain(path);
      for (const k of keys) expect(index.byWords.has(k)).toBe(true);
      checked += keys.length;
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it('reads no more text shards than its budget', async () => {
    const { files: read } = await loadCheckIndex(draft, loader(files), 1);
    expect(read.filter((f) => f.startsWith('t/'))).toHaveLength(1);
  });

  it('names the file when the index is not one it can read', async () => {
    const old = new Map(files).set(MANIFEST, JSON.stringify({ format: 1 }));
    await expect(loadCheckIndex(draft, loader(old))).rejects.toThrow(/index\.json: not a check index/);
    const cut = new Map(files).set(FILTERS, (files.get(FILTERS) as Uint8Array).subarray(1));
    await expect(loadCheckIndex(draft, loader(cut))).rejects.toThrow(/filters\.bin: \d+ bytes where the manifest gives/);
  });
});

describe('palimpsest check --index', () => {
  it('reads the index from a folder and prints what --content prints', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'check-index-'));
    for (const [path, body] of files) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), body);
    }
    const run = async (...argv: string[]) => {
      let out = '';
      let err = '';
      const code = await main(argv, { out: (t) => { out += t; }, err: (t) => { err += t; } });
      return { code, out, err };
    };
    const viaIndex = await run('check', 'content/ga76-2021-resolution-76-187.txt', '--index', dir, '--json');
    const viaContent = await run('check', 'content/ga76-2021-resolution-76-187.txt', '--json');
    expect(viaIndex.code).toBe(0);
    expect(viaIndex.out).toBe(viaContent.out);
    const missing = await run('check', 'content/ga76-2021-resolution-76-187.txt', '--index', join(dir, 'nothing'));
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/cannot read the check index/);
    expect((await run('check', 'content/ga76-2021-resolution-76-187.txt', '--index')).code).toBe(2);
    rmSync(dir, { recursive: true, force: true });
  });
});
