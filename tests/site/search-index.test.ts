/**
 * The search index in shards (scripts/search-index.ts), over a small fixture
 * site of version pages written here (no astro build): how the pages are cut
 * into indexes, the manifest, every page indexed once with the URL the CLI
 * gave it, the vocabulary record of each index, byte-identical indexes from
 * two runs, and errors naming the chunk.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSearchIndex, pageWords, shardPath, versionPages, VOCABULARY_FILTER, VOCABULARY_URL } from '../../scripts/search-index.ts';

/** One word that only page i holds, so that each page can be found in exactly one fragment. */
const WORDS = ['aardvark', 'bittern', 'caracal', 'dugong', 'echidna', 'fossa', 'gharial'];
const SLUGS = ['a-res-70-1', 'a-res-70-10', 'a-res-70-2', 'a-c-3-71-l-5', 'a-c-3-71-l-5-rev-1', 'a-res-71-3', 'a-res-72-9'];
/** The slugs in the order of their pages' paths ("a-c-3-71-l-5-rev-1/" sorts before "a-c-3-71-l-5/"). */
const SORTED = SLUGS.map((s) => `versions/${s}/index.html`).sort().map((p) => p.split('/')[1]!);

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function page(symbol: string, word: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${symbol}</title></head><body>
<header><nav><a href="/">Palimpsest</a> <a href="/search/">Search</a></nav></header>
<main><article data-pagefind-body>
<h1><span class="symbol" data-pagefind-meta="symbol">${symbol}</span><br><span data-pagefind-meta="title">Strengthening the programme</span></h1>
<dl class="meta" data-pagefind-ignore><dt>Date</dt><dd>2019</dd></dl>
<p id="PP1">The General Assembly, recalling its resolutions on the subject,</p>
<p id="OP1">Decides to consider the question of the ${word} at its next session.</p>
</article></main></body></html>`;
}

/** A built site in miniature: the version pages, and pages that must not be indexed. */
function fixtureSite(): string {
  const dir = mkdtempSync(join(tmpdir(), 'palimpsest-search-'));
  dirs.push(dir);
  SLUGS.forEach((slug, i) => {
    mkdirSync(join(dir, 'versions', slug), { recursive: true });
    writeFileSync(join(dir, 'versions', slug, 'index.html'), page(slug.toUpperCase(), WORDS[i]!));
  });
  mkdirSync(join(dir, 'series', 'strengthening'), { recursive: true });
  writeFileSync(join(dir, 'series', 'strengthening', 'index.html'), page('SERIES', 'okapi'));
  writeFileSync(join(dir, 'index.html'), page('HOME', 'okapi'));
  return dir;
}

interface Fragment {
  url: string;
  content: string;
  filters: Record<string, string[]>;
}

/** The fragments (one per page or record) of the bundle in `bundle`: the URL and text of each. */
function allFragments(bundle: string): Fragment[] {
  const dir = join(bundle, 'fragment');
  return readdirSync(dir).map((name) => {
    const text = gunzipSync(readFileSync(join(dir, name))).toString('utf8');
    expect(text.startsWith('pagefind_dcd')).toBe(true);
    return JSON.parse(text.slice('pagefind_dcd'.length)) as Fragment;
  });
}

/** The fragments of the pages of a bundle, without its vocabulary record. */
function fragments(bundle: string): Fragment[] {
  return allFragments(bundle).filter((f) => f.url !== VOCABULARY_URL);
}

function pageCount(bundle: string): number {
  const entry = JSON.parse(readFileSync(join(bundle, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
  return Object.values(entry.languages).reduce((sum, l) => sum + l.page_count, 0);
}

function digestTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else out[relative(dir, path)] = createHash('sha256').update(readFileSync(path)).digest('hex');
    }
  };
  walk(dir);
  return out;
}

describe('the search index in shards', () => {
  it('lists the version pages, sorted', async () => {
    const site = fixtureSite();
    expect(SORTED.slice(0, 2)).toEqual(['a-c-3-71-l-5-rev-1', 'a-c-3-71-l-5']);
    expect(await versionPages(site)).toEqual(SORTED.map((s) => `versions/${s}/index.html`));
    expect(await versionPages(join(site, 'nowhere'))).toEqual([]);
  });

  it('cuts 7 pages into indexes of at most 3, lists the others in the manifest, and indexes every page once', { timeout: 60_000 }, async () => {
    const site = fixtureSite();
    const lines: string[] = [];
    expect(await buildSearchIndex(site, { pagesPerIndex: 3, log: (l) => lines.push(l) })).toEqual({ pages: 7, indexes: 3 });
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^search: vocabulary: \d+ words of 7 pages/);
    expect(lines[3]).toContain('index 3/3: 1 pages');

    const manifest = JSON.parse(readFileSync(join(site, 'pagefind', 'shards.json'), 'utf8')) as string[];
    expect(manifest).toEqual(['pagefind/shard-2/', 'pagefind/shard-3/']);
    expect([1, 2, 3].map(shardPath)).toEqual(['pagefind/', ...manifest]);
    const bundles = ['pagefind/', ...manifest].map((p) => join(site, p));
    // The first bundle is complete (the search page loads its pagefind.js); the others hold their data only.
    expect(existsSync(join(bundles[0]!, 'pagefind.js'))).toBe(true);
    expect(existsSync(join(bundles[0]!, 'wasm.en.pagefind'))).toBe(true);
    for (const b of bundles.slice(1)) {
      expect(readdirSync(b).sort()).toEqual(expect.arrayContaining(['fragment', 'index', 'pagefind-entry.json']));
      expect(readdirSync(b).filter((n) => n.endsWith('.js') || n.endsWith('.css') || n.startsWith('wasm.'))).toEqual([]);
      expect(readdirSync(b).filter((n) => n.endsWith('.pf_meta'))).toHaveLength(1);
    }

    // Consecutive chunks of the sorted pages: 3, 3, 1, each with its vocabulary record.
    expect(bundles.map(pageCount)).toEqual([4, 4, 2]);
    const sorted = SORTED;
    const urls = bundles.map((b) => fragments(b).map((f) => f.url).sort());
    expect(urls).toEqual([sorted.slice(0, 3), sorted.slice(3, 6), sorted.slice(6)].map((c) => c.map((s) => `/versions/${s}/`)));
    // Every page once, and only version pages, with the URL the CLI gave it; the staging folder is gone.
    expect(existsSync(join(site, '.pagefind-staging'))).toBe(false);
    const all = bundles.flatMap(fragments);
    expect(all.map((f) => f.url).sort()).toEqual(sorted.map((s) => `/versions/${s}/`));
    SLUGS.forEach((slug, i) => {
      const holders = all.filter((f) => f.content.includes(WORDS[i]!));
      expect(holders.map((f) => f.url)).toEqual([`/versions/${slug}/`]);
    });
    expect(all.some((f) => f.content.includes('okapi'))).toBe(false);

    // Each index holds the words of every version page, in a record that the search page filters out.
    for (const b of bundles) {
      const records = allFragments(b).filter((f) => f.url === VOCABULARY_URL);
      expect(records).toHaveLength(1);
      expect(records[0]!.filters).toEqual({ [VOCABULARY_FILTER]: ['yes'] });
      for (const w of WORDS) expect(records[0]!.content.split(' ')).toContain(w);
      expect(records[0]!.content.split(' ')).not.toContain('okapi');
    }
  });

  it('takes the vocabulary from the searchable part of a page, split at every tag and at none', () => {
    const html = `<html lang="en"><body><nav>Palimpsest Home</nav><article data-pagefind-body><h1>A/RES/76/187</h1>
<p id="PP1">women and girls<sup>1</sup> &amp; Côte d&#39;Ivoire&nbsp;today</p><script>var hidden = 1;</script><!-- note --></article></body></html>`;
    const words = [...pageWords(html)].sort();
    expect(words).toEqual(expect.arrayContaining(['a/res/76/187', 'women', 'girls', '1', 'girls1', '&', "d'ivoire", 'côte', 'today']));
    expect(words).not.toContain('palimpsest');
    expect(words).not.toContain('hidden');
    expect(words).not.toContain('note');
    expect(words.some((w) => w.includes('&amp;') || w.includes('&#39;') || w.includes('<'))).toBe(false);
  });

  it('gives byte-identical indexes when run twice, and replaces the shards of an earlier run', { timeout: 60_000 }, async () => {
    const [a, b] = [fixtureSite(), fixtureSite()];
    await buildSearchIndex(a, { pagesPerIndex: 2 });
    await buildSearchIndex(b, { pagesPerIndex: 2 });
    expect(digestTree(join(a, 'pagefind'))).toEqual(digestTree(join(b, 'pagefind')));
    expect(existsSync(join(a, 'pagefind', 'shard-4'))).toBe(true);

    // Fewer shards this time (PALIMPSEST_SEARCH_PAGES_PER_INDEX sets the size): none of the earlier run is left.
    const before = process.env.PALIMPSEST_SEARCH_PAGES_PER_INDEX;
    process.env.PALIMPSEST_SEARCH_PAGES_PER_INDEX = '5';
    try {
      expect(await buildSearchIndex(a)).toEqual({ pages: 7, indexes: 2 });
    } finally {
      if (before === undefined) delete process.env.PALIMPSEST_SEARCH_PAGES_PER_INDEX;
      else process.env.PALIMPSEST_SEARCH_PAGES_PER_INDEX = before;
    }
    expect(readdirSync(join(a, 'pagefind')).filter((n) => n.startsWith('shard-'))).toEqual(['shard-2']);
    expect(JSON.parse(readFileSync(join(a, 'pagefind', 'shards.json'), 'utf8'))).toEqual(['pagefind/shard-2/']);
    // One index: the same as the whole site in one go, with an empty manifest and no vocabulary record.
    expect(await buildSearchIndex(a, { pagesPerIndex: 2000 })).toEqual({ pages: 7, indexes: 1 });
    expect(JSON.parse(readFileSync(join(a, 'pagefind', 'shards.json'), 'utf8'))).toEqual([]);
    expect(pageCount(join(a, 'pagefind'))).toBe(7);
    expect(allFragments(join(a, 'pagefind')).map((f) => f.url).sort()).toEqual(SORTED.map((s) => `/versions/${s}/`));
  });

  it('writes an empty index for a site without versions', { timeout: 60_000 }, async () => {
    const site = mkdtempSync(join(tmpdir(), 'palimpsest-search-empty-'));
    dirs.push(site);
    writeFileSync(join(site, 'index.html'), page('HOME', 'okapi'));
    expect(await buildSearchIndex(site, { pagesPerIndex: 3 })).toEqual({ pages: 0, indexes: 1 });
    expect(existsSync(join(site, 'pagefind', 'pagefind.js'))).toBe(true);
    expect(JSON.parse(readFileSync(join(site, 'pagefind', 'shards.json'), 'utf8'))).toEqual([]);
  });

  it('rejects, naming the chunk or the page, when a page cannot be indexed; and rejects a bad chunk size', { timeout: 60_000 }, async () => {
    const site = fixtureSite();
    // A folder where a page should be: reading it fails.
    mkdirSync(join(site, 'versions', 'zz-broken', 'index.html'), { recursive: true });
    await expect(buildSearchIndex(site, { pagesPerIndex: 2000 })).rejects.toThrow(/chunk 1\/1 \(versions\/a-c-3-71-l-5-rev-1\/index\.html … versions\/zz-broken\/index\.html\) failed: .*EISDIR/);
    // With several indexes, the vocabulary reads every page first.
    await expect(buildSearchIndex(site, { pagesPerIndex: 3 })).rejects.toThrow(/vocabulary could not read versions\/zz-broken\/index\.html: .*EISDIR/);
    await expect(buildSearchIndex(site, { pagesPerIndex: 0 })).rejects.toThrow(/pages per index/);
  });
});
