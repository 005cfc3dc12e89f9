/**
 * Search over an index built in shards (scripts/search-index.ts), in Chromium:
 * the seed corpus (30 versions) is built once, under the base path /palimpsest
 * (PALIMPSEST_BASE), with PALIMPSEST_SEARCH_PAGES_PER_INDEX=8, so that the
 * sorted version pages make 4 indexes: pagefind/ (the first 8) and
 * pagefind/shard-2/ to shard-4/, listed in pagefind/shards.json.
 *
 * Words that occur in one version each (read in content/), in versions whose
 * pages land in different indexes:
 * - "proclamation": A/C.3/68/L.17/Rev.1, "...61/185 of 20 December 2006 on the
 *   proclamation of international years..." (ga68-2013-third-committee-report.txt);
 * - "femicide": A/C.3/68/L.8, "...the concept of femicide or feminicide..." (same report);
 * - "Olympic": A/C.3/74/L.2, "...through sport and the Olympic ideal..."
 *   (ga74-2019-third-committee-report.txt);
 * - "Istanbul": A/C.3/75/L.5, "...the 2018 edition of the Declaration of Istanbul
 *   on Organ Trafficking and Transplant Tourism" (ga75-2020-third-committee-report.md).
 * Each is searched on the search page: its one result must come from the index
 * that holds it, carry the base path and open the version at the paragraph
 * that holds the word. One result only: an index without the word must not
 * answer with its prefix matches ("Istanbul" → every page with "is"), which the
 * vocabulary record of each index prevents (scripts/search-index.ts). A word in
 * many versions ("trafficking") must list hits from several indexes, each
 * version once.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { VOCABULARY_URL } from '../../scripts/search-index.ts';
import { launch, ROOT, serve, withBuildLock, type Served } from './helpers.ts';

const BASE = '/palimpsest';
const PER_INDEX = 8;
const WORDS: { word: string; slug: string; symbol: string }[] = [
  { word: 'proclamation', slug: 'a-c-3-68-l-17-rev-1', symbol: 'A/C.3/68/L.17/Rev.1' },
  { word: 'femicide', slug: 'a-c-3-68-l-8', symbol: 'A/C.3/68/L.8' },
  { word: 'Olympic', slug: 'a-c-3-74-l-2', symbol: 'A/C.3/74/L.2' },
  { word: 'Istanbul', slug: 'a-c-3-75-l-5', symbol: 'A/C.3/75/L.5' },
];

let work: string;
let out: string;
let server: Served;
let browser: Browser;
/** The bundles ("pagefind/", then those of the manifest) and, for each, the URLs of the pages it holds. */
let bundles: { path: string; urls: string[] }[];
let buildMs = 0;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'palimpsest-shards-'));
  // Served from `work`, so that the site lives under /palimpsest/ as it would on GitHub Pages.
  out = join(work, BASE.slice(1));
  const started = Date.now();
  // Vitest puts Vite's BASE_URL (and MODE, DEV, PROD, SSR) in process.env; inherited, BASE_URL=/ would
  // override the base in the site's links (import.meta.env.BASE_URL), so the build gets an env without them.
  const env: NodeJS.ProcessEnv = { ...process.env, PALIMPSEST_OUT: out, PALIMPSEST_BASE: BASE, PALIMPSEST_SITE: '', PALIMPSEST_SEARCH_PAGES_PER_INDEX: String(PER_INDEX), ASTRO_TELEMETRY_DISABLED: '1' };
  for (const name of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR']) delete env[name];
  const r = await withBuildLock(() => spawnSync(process.execPath, ['scripts/build.ts'], { cwd: ROOT, encoding: 'utf8', env }));
  buildMs = Date.now() - started;
  if (r.status !== 0) throw new Error(`build failed:\n${r.stdout}\n${r.stderr}`);
  const manifest = JSON.parse(readFileSync(join(out, 'pagefind', 'shards.json'), 'utf8')) as string[];
  bundles = ['pagefind/', ...manifest].map((path) => ({
    path,
    urls: readdirSync(join(out, path, 'fragment'))
      .map((name) => {
        const text = gunzipSync(readFileSync(join(out, path, 'fragment', name))).toString('utf8');
        return (JSON.parse(text.slice('pagefind_dcd'.length)) as { url: string }).url;
      })
      .filter((url) => url !== VOCABULARY_URL),
  }));
  server = await serve(work);
  browser = await launch();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (work) rmSync(work, { recursive: true, force: true });
  if (buildMs) console.log(`search shards: site built in ${buildMs} ms`);
});

/** The search page for `query`, with every request recorded (nothing may leave the local server). */
async function search(query: string): Promise<{ p: Page; requests: { url: string; status: number }[] }> {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const p = await ctx.newPage();
  await p.route('**/*', (route) => (route.request().url().startsWith(server.url) ? route.continue() : route.abort()));
  const requests: { url: string; status: number }[] = [];
  p.on('response', (res) => requests.push({ url: res.url().slice(server.url.length), status: res.status() }));
  await p.goto(`${server.url}${BASE}/search/?q=${encodeURIComponent(query)}`);
  await p.locator('#search-status').filter({ hasText: /found/ }).waitFor({ timeout: 20_000 });
  return { p, requests };
}

function bundleOf(slug: string): string {
  const url = `/versions/${slug}/`;
  const holders = bundles.filter((b) => b.urls.includes(url)).map((b) => b.path);
  expect(holders, `${url} in exactly one index`).toHaveLength(1);
  return holders[0]!;
}

describe('search over an index in shards, under a base path', () => {
  test('the build made 4 indexes of at most 8 pages, every version in one of them', () => {
    expect(bundles.map((b) => b.path)).toEqual(['pagefind/', 'pagefind/shard-2/', 'pagefind/shard-3/', 'pagefind/shard-4/']);
    expect(bundles.every((b) => b.urls.length <= PER_INDEX)).toBe(true);
    const all = bundles.flatMap((b) => b.urls).sort();
    expect(new Set(all).size).toBe(all.length);
    expect(all).toEqual(readdirSync(join(out, 'versions')).map((slug) => `/versions/${slug}/`).sort());
    // The words chosen are in versions of four different indexes: one from each.
    expect(WORDS.map((w) => bundleOf(w.slug)).sort()).toEqual(bundles.map((b) => b.path).sort());
  });

  for (const { word, slug, symbol } of WORDS) {
    test(`"${word}" finds ${symbol} (in its shard) and opens the paragraph`, { timeout: 60_000 }, async () => {
      const { p, requests } = await search(word);
      expect(await p.locator('#search-status').textContent()).toBe('1 version found.');
      const hit = p.locator('#search-results a.hit');
      expect(await hit.count()).toBe(1);
      expect(await hit.textContent()).toMatch(new RegExp(`^${symbol.replace(/[./]/g, '\\$&')}, (PP|OP)\\d+`));
      const href = (await hit.getAttribute('href'))!;
      expect(href).toMatch(new RegExp(`^${BASE}/versions/${slug}/#(PP|OP)\\d+`));
      // The search page read the manifest and every shard, and nothing it asked for was missing.
      expect(requests.filter((r) => r.status >= 400)).toEqual([]);
      expect(requests.map((r) => r.url)).toContain(`${BASE}/pagefind/shards.json`);
      for (const b of bundles) expect(requests.some((r) => r.url.startsWith(`${BASE}/${b.path}pagefind-entry.json`)), b.path).toBe(true);

      await hit.click();
      await p.waitForURL(`${server.url}${href}`);
      expect(await p.locator('h1 .symbol').textContent()).toBe(symbol);
      const para = p.locator(`#${href.split('#')[1]}`);
      expect((await para.textContent())!.toLowerCase()).toContain(word.toLowerCase());
      expect(await para.isVisible()).toBe(true);
      await p.context().close();
    });
  }

  test('a word in many versions lists hits from several shards, each version once', { timeout: 60_000 }, async () => {
    const { p } = await search('trafficking');
    const hrefs = await p.locator('#search-results a.hit').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    const slugs = hrefs.map((h) => new RegExp(`^${BASE}/versions/([^/]+)/`).exec(h)?.[1] ?? h);
    expect(slugs.length).toBeGreaterThan(PER_INDEX);
    expect(new Set(slugs).size).toBe(slugs.length);
    expect(new Set(slugs.map(bundleOf)).size).toBeGreaterThanOrEqual(3);
    await p.context().close();
  });
});
