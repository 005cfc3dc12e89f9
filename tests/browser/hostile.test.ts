/**
 * Hostile content end to end (issue 7): a second site is built from a
 * temporary content folder (PALIMPSEST_CONTENT) holding the two hostile
 * fixtures of tests/fixtures/hostile/ (a draft and the adopted text of one
 * made-up resolution, full of <script>, event handlers, javascript: and data:
 * links, <iframe>, SVG with script, entities) and one real seed, into its own
 * outDir and cacheDir, then indexed by Pagefind. Each kind of page that shows
 * the hostile text is loaded in Chromium, and:
 *
 * - no script of the document runs: every payload sets window.__pwned (or
 *   parent.__pwned) or opens a dialog, and neither ever happens;
 * - no request leaves 127.0.0.1: every request is routed and recorded;
 * - the page holds no element or attribute the payloads would need (no
 *   script but the site's own, no on* attribute, no iframe/object/embed/svg,
 *   no javascript: or data: link);
 * - the hostile strings are there as visible text;
 * - the data files (dist/data) and the Pagefind index hold them only as inert
 *   text: JSON strings, XML text with no element outside Akoma Ntoso's, CSV
 *   fields.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { fromXml } from 'xast-util-from-xml';
import type { Element as XastElement, Nodes as XastNodes } from 'xast';
import { launch, ROOT, serve, type Served } from './helpers.ts';

const FIXTURES = join(ROOT, 'tests', 'fixtures', 'hostile');
const HOSTILE_FILES = ['ga79-2024-hostile-draft.md', 'ga80-2025-hostile-resolution.txt'];
const SEED = 'ga76-2021-resolution-76-187.txt';
const MARKER = 'xyzzyhostile';

/** Strings of the fixtures that must reach the reader as text, exactly. */
const TITLE_TEXT = 'Protecting the xyzzyhostile <script>window.__pwned=1;alert(1)</script> archive <script>alert(2)</script> of <img src=x onerror="window.__pwned=2"> records';
const VISIBLE = [
  '<script>window.__pwned=3</script>',
  '<a href="javascript:window.__pwned=6" onclick="window.__pwned=7">an HTML link</a>',
  '<a href="data:text/html,<script>window.__pwned=8</script>">a data anchor</a>',
  '<iframe src="https://evil.example/frame" onload="window.__pwned=9"></iframe>',
  '<svg onload="window.__pwned=10"><script>window.__pwned=11</script></svg>',
  '<svg><a xlink:href="javascript:window.__pwned=12"><text>svg link</text></a></svg>',
  // Entities are text for the parser (markdown semantics): &lt;script&gt; and &#x3C;script&#x3E; read "<script>", &amp;lt; reads "&lt;".
  'entities such as <script> and <script> and &lt; stay text',
  '<object data="https://evil.example/obj"></object><embed src="https://evil.example/embed">',
  '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
];
/** Only in the adopted text. */
const VISIBLE_ADOPTED = ['<iframe srcdoc="<script>parent.__pwned=18</script>"></iframe>', '<details open ontoggle="window.__pwned=19">toggles</details>'];
const FOOTNOTE = '<script>window.__pwned=15</script> the footnote with a javascript link and <img src="https://evil.example/fn.png" onerror="window.__pwned=17"> an image.';

let work: string;
let out: string;
let server: Served;
let browser: Browser;
const buildLog: string[] = [];

function run(cmd: string, args: string[], env: Record<string, string>): void {
  const started = Date.now();
  const r = spawnSync(join(ROOT, 'node_modules', '.bin', cmd), args, { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env } });
  buildLog.push(`${cmd} ${args.join(' ')}: ${r.status} in ${Date.now() - started} ms`);
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed:\n${r.stdout}\n${r.stderr}`);
}

/** Every file under a folder, as paths relative to it. */
function walk(dir: string, prefix = ''): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p, `${prefix}${name}/`) : [`${prefix}${name}`];
  });
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'palimpsest-hostile-'));
  const content = join(work, 'content');
  out = join(work, 'dist');
  mkdirSync(content);
  for (const f of HOSTILE_FILES) copyFileSync(join(FIXTURES, f), join(content, f));
  copyFileSync(join(ROOT, 'content', SEED), join(content, SEED));
  // The project's config with our own outDir and cacheDir (the content layer's data store lives
  // in cacheDir: a separate one keeps this build from touching the main build's). Astro resolves
  // --config against the project root, hence the relative path.
  const config = join(work, 'astro.config.mjs');
  writeFileSync(config, `import config from ${JSON.stringify(join(ROOT, 'astro.config.mjs'))};\nexport default { ...config, outDir: ${JSON.stringify(out)}, cacheDir: ${JSON.stringify(join(work, 'astro-cache'))} };\n`);
  const env = { PALIMPSEST_CONTENT: content, PALIMPSEST_CACHE: join(work, 'parse-cache'), PALIMPSEST_BASE: '', PALIMPSEST_SITE: '' };
  run('astro', ['build', '--config', relative(ROOT, config)], env);
  run('pagefind', ['--site', out], env);
  server = await serve(out);
  browser = await launch();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (work) rmSync(work, { recursive: true, force: true });
  if (buildLog.length) console.log(`hostile site: ${buildLog.join('; ')}`);
});

interface Watched {
  page: Page;
  /** Every request the page made, local or not. */
  requests: string[];
  dialogs: string[];
  errors: string[];
}

async function open(path: string): Promise<Watched> {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await ctx.newPage();
  const w: Watched = { page, requests: [], dialogs: [], errors: [] };
  await page.route('**/*', async (route) => {
    const url = route.request().url();
    w.requests.push(url);
    if (!url.startsWith(`${server.url}/`)) return route.abort();
    // The helper's server sends .xml as octet-stream; a real host sends application/xml, where a
    // script element in the XHTML namespace would run: serve it as such.
    if (new URL(url).pathname.endsWith('.xml')) {
      return route.fulfill({ path: join(out, decodeURIComponent(new URL(url).pathname)), contentType: 'application/xml' });
    }
    return route.continue();
  });
  page.on('dialog', (d) => {
    w.dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  page.on('pageerror', (e) => w.errors.push(e.message));
  await page.goto(`${server.url}${path}`, { waitUntil: 'load' });
  // Give handlers (onload, onerror, ontoggle, meta refresh) time to fire.
  await page.waitForTimeout(300);
  return w;
}

/** The page ran none of the document's code, made no request away from the server, and holds nothing active from it. */
async function expectInert(w: Watched): Promise<void> {
  const { page } = w;
  const pwned = await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned);
  expect(pwned, 'window.__pwned').toBeUndefined();
  expect(w.dialogs, 'dialogs').toEqual([]);
  expect(w.requests.filter((u) => !u.startsWith(`${server.url}/`)), 'requests away from 127.0.0.1').toEqual([]);
  expect(page.url().startsWith(server.url), 'no redirect away').toBe(true);
  expect(page.frames(), 'no frame').toHaveLength(1);
  const active = await page.evaluate(() => {
    const found: string[] = [];
    for (const el of document.querySelectorAll('*')) {
      const tag = el.tagName.toLowerCase();
      if (['iframe', 'frame', 'object', 'embed', 'img', 'base', 'form'].includes(tag) && !el.closest('header, footer, form.search-form')) found.push(`<${tag}>`);
      if (tag === 'svg' && !el.closest('header, footer, .chart, figure, nav') && el.querySelector('script, a, foreignObject')) found.push('<svg> with script or link');
      if (tag === 'script' && ((el.textContent ?? '').includes('__pwned') || ((el as HTMLScriptElement).src && !(el as HTMLScriptElement).src.startsWith(location.origin)))) found.push(`<script>${el.textContent}`);
      if (tag === 'meta' && el.getAttribute('http-equiv')) found.push(`<meta http-equiv=${el.getAttribute('http-equiv')}>`);
      for (const a of el.attributes) {
        if (a.name.startsWith('on')) found.push(`${tag}[${a.name}]`);
        if (/^\s*(?:javascript|data|vbscript):/i.test(a.value) && ['href', 'src', 'action', 'xlink:href', 'formaction', 'srcdoc'].includes(a.name)) found.push(`${tag}[${a.name}=${a.value}]`);
        if (a.name === 'style' && /url\(/i.test(a.value)) found.push(`${tag}[style=${a.value}]`);
        if (a.name === 'srcdoc') found.push(`${tag}[srcdoc]`);
      }
    }
    return found;
  });
  expect(active, 'active content in the page').toEqual([]);
}

async function visibleText(page: Page): Promise<string> {
  return (await page.locator('body').innerText()).replace(/\s+/g, ' ');
}

const norm = (s: string) => s.replace(/\s+/g, ' ');

/** The cells of a CSV file (RFC 4180 quoting). */
function csvCells(text: string): string[] {
  const cells: string[] = [];
  const re = /("(?:[^"]|"")*"|[^,\n]*)(,|\n|$)/g;
  for (let m = re.exec(text); m && m[0] !== ''; m = re.exec(text)) {
    const v = m[1]!;
    cells.push(v.startsWith('"') ? v.slice(1, -1).replace(/""/g, '"') : v);
  }
  return cells;
}

function hostileSlugs(): { draft: string; adopted: string; series: string; compare: string } {
  const versions = readdirSync(join(out, 'versions'));
  const draft = versions.find((v) => v.startsWith('ga79-2024-hostile-draft'))!;
  const adopted = versions.find((v) => v === 'a-res-80-999')!;
  const series = readdirSync(join(out, 'series')).find((s) => s.includes(MARKER))!;
  const compare = readdirSync(join(out, 'series', series, 'compare')).find((name) => name.includes('..'))!;
  return { draft, adopted, series, compare };
}

describe('a site built from hostile documents', () => {
  test('has a page for each hostile version, their series, its history and their comparison', () => {
    const s = hostileSlugs();
    expect(s.draft).toBeTruthy();
    expect(s.adopted).toBeTruthy();
    expect(s.series).toBeTruthy();
    expect(s.compare).toBe(`${s.draft}..${s.adopted}`);
    // Slugs are safe names whatever the title holds.
    for (const name of [s.draft, s.adopted, s.series]) expect(name).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });

  test('the version pages: nothing runs, nothing is fetched, every hostile string is shown as text', { timeout: 60_000 }, async () => {
    const s = hostileSlugs();
    for (const [slug, extra] of [[s.draft, []], [s.adopted, VISIBLE_ADOPTED]] as const) {
      const w = await open(`/versions/${slug}/`);
      await expectInert(w);
      expect(norm(await w.page.locator('h1').innerText())).toContain(TITLE_TEXT);
      expect(await w.page.title()).toContain('xyzzyhostile <script>');
      const text = await visibleText(w.page);
      for (const v of [...VISIBLE, ...extra]) expect(text, slug).toContain(v);
      expect(text).toContain(FOOTNOTE);
      await w.page.context().close();
    }
  });

  test('the home page, the series page, its history and the comparison: nothing runs, nothing is fetched', { timeout: 90_000 }, async () => {
    const s = hostileSlugs();
    for (const path of ['/', `/series/${s.series}/`, `/series/${s.series}/history/`, `/series/${s.series}/compare/${s.compare}/`]) {
      const w = await open(path);
      await expectInert(w);
      const text = await visibleText(w.page);
      expect(text, path).toContain(TITLE_TEXT);
      if (path.includes('/compare/') || path.endsWith('/history/')) {
        // What changed between the versions is shown as text in the redline.
        for (const v of VISIBLE_ADOPTED) expect(text, path).toContain(v);
        expect(text, path).toContain('<svg onload="window.__pwned=10"><script>window.__pwned=11</script></svg>');
      }
      await w.page.context().close();
    }
  });

  test('search for a word of the hostile document: results show its text, nothing runs', { timeout: 60_000 }, async () => {
    const w = await open(`/search/?q=${MARKER}`);
    await w.page.waitForFunction(() => /found/.test(document.getElementById('search-status')?.textContent ?? ''), null, { timeout: 20_000 });
    await w.page.waitForTimeout(300);
    await expectInert(w);
    const results = norm(await w.page.locator('#search-results').innerText());
    expect(results).toContain('A/RES/80/999');
    expect(results).toContain(TITLE_TEXT);
    // The excerpt around the marker: the hostile markup next to it is shown as text, not dropped.
    expect(results).toMatch(/xyzzyhostile <script>window\.__pwned=1;alert\(1\)<\/script> archive/);
    await w.page.context().close();
  });

  test('the Pagefind index holds the hostile strings as text in its JSON fragments', () => {
    const dir = join(out, 'pagefind', 'fragment');
    const fragments = readdirSync(dir).map((f) => {
      const raw = gunzipSync(readFileSync(join(dir, f))).toString('utf8');
      expect(raw.startsWith('pagefind_dcd')).toBe(true);
      return JSON.parse(raw.slice('pagefind_dcd'.length)) as { url: string; content: string; meta: Record<string, string> };
    });
    const hostile = fragments.filter((f) => f.content.includes(MARKER));
    expect(hostile.map((f) => f.url).sort()).toEqual(expect.arrayContaining([expect.stringContaining('/versions/a-res-80-999/'), expect.stringContaining('/versions/ga79-2024-hostile-draft')]));
    for (const f of hostile) {
      expect(f.meta.title).toBe(TITLE_TEXT);
      expect(norm(f.content)).toContain('<svg onload="window.__pwned=10"><script>window.__pwned=11</script></svg>');
    }
  });

  test('the data files hold the hostile strings only as inert text', { timeout: 60_000 }, async () => {
    const dataDir = join(out, 'data');
    if (!existsSync(dataDir)) return; // the data files are not built (yet): nothing to check
    const files = walk(dataDir);
    const withMarker = files.filter((f) => readFileSync(join(dataDir, f), 'utf8').includes(MARKER));
    expect(withMarker.length).toBeGreaterThan(0);
    for (const f of withMarker) {
      const text = readFileSync(join(dataDir, f), 'utf8');
      if (f.endsWith('.json')) {
        // JSON: the strings are string values, found again exactly once parsed.
        const strings: string[] = [];
        const visit = (v: unknown): void => {
          if (typeof v === 'string') strings.push(v);
          else if (Array.isArray(v)) v.forEach(visit);
          else if (v && typeof v === 'object') Object.values(v).forEach(visit);
        };
        visit(JSON.parse(text));
        const all = norm(strings.join('\n'));
        // The check index (data/check/) holds paragraph texts only; the other files hold whole records, title included.
        if (f.startsWith('check/')) expect(all, f).toContain(MARKER);
        else expect(all, f).toContain('<script>window.__pwned=1;alert(1)</script>');
        // Every JSON file is written with "<" as \u003c: "</script" never appears raw, so the file is safe even if
        // a page ever inlines it in a <script>.
        expect(text, f).not.toContain('<');
      } else if (f.endsWith('.xml')) {
        // Akoma Ntoso: every element is in the AKN namespace; the hostile markup is text.
        const tree = fromXml(text);
        const bad: string[] = [];
        const texts: string[] = [];
        const visit = (n: XastNodes): void => {
          if (n.type === 'element') {
            const el = n as XastElement;
            if (['script', 'iframe', 'svg', 'img', 'object', 'embed', 'a', 'html', 'body'].includes(el.name.replace(/^.*:/, ''))) bad.push(`<${el.name}>`);
            for (const [k, v] of Object.entries(el.attributes)) {
              if (/^on/i.test(k) || (k.startsWith('xmlns') && !/^http:\/\/docs\.oasis-open\.org\/legaldocml\/ns\/akn\/3\.0$|^http:\/\/www\.w3\.org\/2001\/XMLSchema-instance$/.test(String(v)))) bad.push(`${el.name}[${k}=${v}]`);
              if (/^\s*(?:javascript|data):/i.test(String(v))) bad.push(`${el.name}[${k}=${v}]`);
            }
          }
          if (n.type === 'text') texts.push(n.value);
          if ('children' in n) for (const c of n.children) visit(c as XastNodes);
        };
        visit(tree);
        expect(bad, f).toEqual([]);
        expect(norm(texts.join('')), f).toContain('<script>window.__pwned=1;alert(1)</script>');
      } else if (f.endsWith('.csv')) {
        // CSV: no cell a spreadsheet would take for a formula (=, +, -, @ before anything but a number).
        const cells = csvCells(text);
        expect(cells.some((c) => c.includes(MARKER)), f).toBe(true);
        expect(cells.filter((c) => /^[=+\-@\t\r]/.test(c) && !/^[-+]?\d/.test(c)), f).toEqual([]);
      }
    }
    // Served as a real host would serve them, no data file runs anything either.
    for (const f of withMarker.filter((x) => /\.(json|xml)$/.test(x))) {
      const w = await open(`/data/${f}`);
      await expectInert(w);
      await w.page.context().close();
    }
  });
});
