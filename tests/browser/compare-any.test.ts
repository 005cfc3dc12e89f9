/**
 * Compare any two versions of a series (issue: compare with a permalink).
 * Only the precomputed pairs (src/lib/series/pairs.ts) have pages of their
 * own; any other pair is compared in the browser on /series/<slug>/compare/
 * ?a=<older>&b=<newer>, by the same core (src/lib/compare/view.ts) over the
 * records of data/records/. On the built site, in Debian's Chromium:
 *
 * - the build holds exactly the precomputed pairs' pages;
 * - a pair with no page of its own, opened by its permalink: the 2017 draft
 *   (Hungary and Italy, content/ga72-2017-draft-resolution.txt) → A/C.3/75/
 *   L.8/Rev.1 (2020, content/ga75-2020-third-committee-report.md), third and
 *   fifth of six. Read side by side: PP1's list of resolutions, which ends at
 *   "71/209 of 19 December 2016," in 2017, gains "72/196 of 19 December 2017,
 *   73/186 of 17 December 2018 and 74/177 of 18 December 2019"; "trafficking
 *   in precious metals and stones" became "precious metals, stones and other
 *   minerals" (PP9); "a zerotolerance approach" became "a zero-tolerance
 *   approach" (PP20); the Chief Executives Board's "Akoma Ntoso documentation
 *   standard" became "the efforts made by some Member States to establish a
 *   common documentation standard" (PP19);
 * - its view toggle, filters and permalink;
 * - for precomputed pairs, the browser's HTML equals the prerendered page's;
 * - the side-by-side text the pages leave out (src/lib/compare/view.ts) and
 *   the browser derives from the inline redline (src/scripts/compare-
 *   controls.ts) is the core's, node for node, on every precomputed pair's
 *   page opened with ?view=side; a row that keeps its own (a sub-paragraph
 *   list relabelled, in records served edited) keeps it;
 * - the pair picker: a precomputed pair opens its page, any other the permalink;
 * - hostile text in a record stays text; the scripts import no Node module;
 * - axe-core on the page, before and after a comparison.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { DIST, ensureBuilt, launch, screenshotPath, serve, type Served } from './helpers.ts';
import { precomputedPairs } from '../../src/lib/series/pairs.ts';
import { compareRecords, type CompareSide } from '../../src/lib/compare/view.ts';
import { operativeOf } from '../../src/lib/export/parse-json.ts';
import type { ResolutionRecord, SubParagraphNode } from '../../src/lib/model.ts';

const SERIES = 'strengthening-the-united-nations-crime-prevention-and-criminal-justice-programme';
const VERSIONS = ['a-c-3-68-l-18', 'a-c-3-68-l-18-rev-1', 'ga72-2017-draft-resolution-1', 'a-c-3-74-l-18-rev-1', 'a-c-3-75-l-8-rev-1', 'a-res-76-187'];
const DRAFT_2017 = 'ga72-2017-draft-resolution-1';
const L8 = 'a-c-3-75-l-8-rev-1';
const L18 = 'a-c-3-74-l-18-rev-1';
const ANY = `/series/${SERIES}/compare/`;

let server: Served;
let browser: Browser;

beforeAll(async () => {
  await ensureBuilt();
  server = await serve();
  browser = await launch();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface Watched {
  page: Page;
  requests: string[];
  errors: string[];
}

async function open(path: string, colorScheme: 'light' | 'dark' = 'light'): Promise<Watched> {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme });
  const page = await ctx.newPage();
  const w: Watched = { page, requests: [], errors: [] };
  await page.route('**/*', (route) => {
    w.requests.push(route.request().url());
    return route.request().url().startsWith(server.url) ? route.continue() : route.abort();
  });
  page.on('pageerror', (e) => w.errors.push(e.message));
  if (path) await page.goto(`${server.url}${path}`);
  return w;
}

/** Waits for the browser's comparison to be shown. */
async function compared(p: Page): Promise<void> {
  await p.locator('#compare-result').waitFor({ state: 'visible', timeout: 20_000 });
  await drawn(p);
}

/** Waits for the rows the browser draws (a precomputed pair's own page shows its summary before). */
async function drawn(p: Page): Promise<void> {
  await p.locator('#rows > section.row').first().waitFor({ state: 'attached', timeout: 20_000 });
}

/** Text of the marks in a row's inline view. */
async function marks(p: Page, row: string, tag: 'ins' | 'del'): Promise<string> {
  return (await p.locator(`#${row} .inline ${tag}`).allTextContents()).join(' | ');
}

async function axe(p: Page, onlyContrast = false): Promise<string[]> {
  const builder = new AxeBuilder({ page: p });
  const result = await (onlyContrast ? builder.withRules(['color-contrast']) : builder.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])).analyze();
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')})`);
}

/** The parts of a compare page the core renders. */
async function rendered(p: Page): Promise<{ heading: string; summary: string; rows: string }> {
  return p.evaluate(() => ({
    heading: document.getElementById('compare-heading')!.innerHTML,
    summary: document.getElementById('compare-summary')!.innerHTML,
    rows: document.getElementById('rows')!.innerHTML,
  }));
}

const readRecord = (slug: string) => JSON.parse(readFileSync(join(DIST, 'data', 'records', `${slug}.json`), 'utf8')) as ResolutionRecord;

/**
 * Rows of the page whose side-by-side text (after "Side by side", derived or
 * written) is not the core's with every side written (compareRecords,
 * allSides) for the same records and names: compared as DOM nodes, labels
 * and dashes included. [] when all are the same.
 */
async function sidesNotAsCore(p: Page, ra: ResolutionRecord, rb: ResolutionRecord): Promise<string[]> {
  const [a, b] = await p.locator('#compare-heading h1 .symbol').allTextContents();
  const named = (name: string | undefined, index: number): CompareSide => ({ name: name ?? '', detail: '', href: '/', index });
  const all = compareRecords(ra, rb, { series: '', a: named(a, 0), b: named(b, 1) }, { allSides: true });
  const expected = Object.fromEntries([...all.rows.matchAll(/<section class="row" id="([^"]+)".*?(<div class="text side">.*?)<\/section>/gs)].map((m) => [m[1]!, m[2]!]));
  expect(Object.keys(expected).length).toBe(all.rowCount);
  return p.evaluate((expected) => {
    const bad: string[] = [];
    const t = document.createElement('template');
    const rows = [...document.querySelectorAll('#rows > section.row')];
    if (rows.length !== Object.keys(expected).length) bad.push(`${rows.length} rows`);
    for (const row of rows) {
      const sides = row.querySelectorAll(':scope > .text.side');
      t.innerHTML = expected[row.id] ?? '';
      if (sides.length !== 1 || !sides[0]!.isEqualNode(t.content.firstChild)) bad.push(row.id);
    }
    return bad;
  }, expected);
}

describe('compare any two versions', () => {
  test('the build has a page for each precomputed pair only, one compare page per series, and a record file per version', () => {
    const dir = join(DIST, 'series', SERIES, 'compare');
    const expected = precomputedPairs(VERSIONS.length).map((x) => `${VERSIONS[x.a]}..${VERSIONS[x.b]}`);
    expect(readdirSync(dir).filter((f) => f !== 'index.html').sort()).toEqual([...expected].sort());
    // A pair's page carries its heading and summary, not its rows: the browser draws them from the records.
    for (const pair of expected) {
      const html = readFileSync(join(dir, pair, 'index.html'), 'utf8');
      expect(html, pair).toContain('id="compare-summary"');
      expect(html, pair).not.toContain('<section class="row"');
    }
    expect(existsSync(join(dir, 'index.html'))).toBe(true);
    expect(existsSync(join(dir, `${DRAFT_2017}..${L8}`))).toBe(false);
    for (const v of VERSIONS) {
      const text = readFileSync(join(DIST, 'data', 'records', `${v}.json`), 'utf8');
      const record = JSON.parse(text) as { tree?: { type: string }; id?: string };
      expect(record.tree?.type, v).toBe('resolution');
    }
  });

  test('a pair with no page of its own, by its permalink: the redline read by hand', { timeout: 60_000 }, async () => {
    const w = await open(`${ANY}?a=${DRAFT_2017}&b=${L8}`);
    const p = w.page;
    await compared(p);
    expect(await p.locator('h1').textContent()).toBe('Changes from Draft of 13 October 2017 (Hungary and Italy) to A/C.3/75/L.8/Rev.1');
    expect(await p.title()).toBe('Compare Draft of 13 October 2017 (Hungary and Italy) → A/C.3/75/L.8/Rev.1 · Palimpsest');
    expect(await p.locator('.lede').textContent()).toContain('1 version in between.');
    // The two records were fetched from the build's data/records/.
    expect(w.requests).toEqual(expect.arrayContaining([`${server.url}/data/records/${DRAFT_2017}.json`, `${server.url}/data/records/${L8}.json`]));
    expect(await marks(p, 'c-PP1', 'ins')).toContain('72/196 of 19 December 2017, 73/186 of 17 December 2018 and 74/177 of 18 December 2019');
    expect(await marks(p, 'c-PP1', 'del')).toBe('');
    expect(await marks(p, 'c-PP9', 'del')).toContain('and stones');
    expect(await marks(p, 'c-PP9', 'ins')).toContain(', stones and other minerals');
    expect(await marks(p, 'c-PP20', 'del')).toBe('zerotolerance');
    expect(await marks(p, 'c-PP20', 'ins')).toBe('zero-tolerance');
    expect(await marks(p, 'c-PP19', 'del')).toContain('Akoma Ntoso');
    expect(await marks(p, 'c-PP19', 'ins')).toContain('the efforts made by some Member States to establish a common');
    // Rows link to the paragraphs of each version; the summary's links lead to rows of the page.
    expect(await p.locator('#c-PP20 .row-head a').last().getAttribute('href')).toBe(`/versions/${L8}/#PP20`);
    const bad = await p.locator('a[href^="#"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!.slice(1)).filter((id) => id && !document.getElementById(decodeURIComponent(id))));
    expect(bad).toEqual([]);
    // Screen readers hear what each mark is.
    expect(await p.locator('#c-PP20 .inline del').evaluate((e) => getComputedStyle(e, '::before').content)).toContain('deleted');
    expect(await p.locator('#compare-status').textContent()).toMatch(/^Compared in your browser: \d+ of \d+ paragraphs changed\.$/);
    expect(await p.locator('#pick-a').inputValue()).toBe(DRAFT_2017);
    expect(await p.locator('#pick-b').inputValue()).toBe(L8);
    await p.screenshot({ path: screenshotPath('compare-any') });
    await p.getByText('Compare other versions of this series').click();
    await p.screenshot({ path: screenshotPath('compare-any-picker') });
    expect(w.errors).toEqual([]);
    await p.context().close();
  });

  test('the view toggle, the filters and the permalink', { timeout: 60_000 }, async () => {
    const w = await open(`${ANY}?a=${DRAFT_2017}&b=${L8}#c-PP20`);
    const p = w.page;
    await compared(p);
    // The anchor names a row the script made: it is scrolled to.
    const box = await p.locator('#c-PP20').boundingBox();
    expect(box && box.y >= 0 && box.y < 900).toBe(true);
    const side = p.locator('#c-PP20 .side');
    const inline = p.locator('#c-PP20 .inline');
    expect(await inline.isVisible()).toBe(true);
    expect(await side.isVisible()).toBe(false);
    await p.getByRole('button', { name: 'Side by side' }).click();
    expect(await side.isVisible()).toBe(true);
    expect(await inline.isVisible()).toBe(false);
    expect(await p.getByRole('button', { name: 'Side by side' }).getAttribute('aria-pressed')).toBe('true');
    const url = new URL(p.url());
    expect([url.searchParams.get('a'), url.searchParams.get('b'), url.searchParams.get('view')]).toEqual([DRAFT_2017, L8, 'side']);
    expect(await side.locator('> div').nth(0).locator('del').allTextContents()).toEqual(['zerotolerance']);
    expect(await side.locator('> div').nth(0).locator('ins').count()).toBe(0);
    expect(await side.locator('> div').nth(1).locator('ins').allTextContents()).toEqual(['zero-tolerance']);
    expect(await side.locator('> div').nth(1).locator('.side-label').textContent()).toBe('A/C.3/75/L.8/Rev.1');
    await p.screenshot({ path: screenshotPath('compare-any-side') });
    // A reload keeps the pair and the view.
    await p.reload();
    await compared(p);
    expect(await side.isVisible()).toBe(true);
    await p.getByRole('button', { name: 'Inline redline' }).click();
    expect(await inline.isVisible()).toBe(true);
    expect(new URL(p.url()).searchParams.get('view')).toBeNull();
    const unchanged = p.locator('.row[data-change="unchanged"]').first();
    const preamble = p.locator('.row[data-section="preamble"]').first();
    expect(await unchanged.isVisible()).toBe(true);
    await p.getByLabel('Changed paragraphs only').check();
    expect(await unchanged.isVisible()).toBe(false);
    expect(await p.locator('#c-PP20').isVisible()).toBe(true);
    expect(await preamble.isVisible()).toBe(true);
    await p.getByLabel('Operative paragraphs only').check();
    expect(await preamble.isVisible()).toBe(false);
    expect(await p.locator('.row[data-section="operative"][data-change="edited"]').first().isVisible()).toBe(true);
    // Newer version first: the permalink is put in order.
    await p.goto(`${server.url}${ANY}?a=${L8}&b=${DRAFT_2017}`);
    await compared(p);
    const ordered = new URL(p.url());
    expect([ordered.searchParams.get('a'), ordered.searchParams.get('b')]).toEqual([DRAFT_2017, L8]);
    expect(await p.locator('h1').textContent()).toBe('Changes from Draft of 13 October 2017 (Hungary and Italy) to A/C.3/75/L.8/Rev.1');
    // A slug the series does not have, or the same version twice: a message, no comparison.
    await p.goto(`${server.url}${ANY}?a=${DRAFT_2017}&b=nothing-of-the-kind`);
    expect(await p.locator('#compare-status').textContent()).toContain('This series has no version “nothing-of-the-kind”');
    expect(await p.locator('#compare-result').isVisible()).toBe(false);
    await p.goto(`${server.url}${ANY}?a=${L8}&b=${L8}`);
    expect(await p.locator('#compare-status').textContent()).toBe('Choose two different versions.');
    expect(w.errors).toEqual([]);
    await p.context().close();
  });

  test('for a precomputed pair, its own page and the page for any pair show the same HTML; the build wrote the same heading and summary', { timeout: 90_000 }, async () => {
    // Successive (2019 → 2020, the pair of site.test.ts) and against the latest (2013 → A/RES/76/187).
    for (const [a, b] of [[L18, L8], ['a-c-3-68-l-18', 'a-res-76-187']] as const) {
      const built = await open('');
      await built.page.route(/\.js$/, (route) => route.abort());
      await built.page.goto(`${server.url}/series/${SERIES}/compare/${a}..${b}/`);
      const asBuilt = await rendered(built.page);
      await built.page.context().close();
      const pre = await open(`/series/${SERIES}/compare/${a}..${b}/`);
      await drawn(pre.page);
      const expected = await rendered(pre.page);
      expect(expected.rows.length).toBeGreaterThan(1000);
      expect(expected.heading).toBe(asBuilt.heading);
      expect(expected.summary).toBe(asBuilt.summary);
      expect(pre.errors).toEqual([]);
      await pre.page.context().close();
      const w = await open(`${ANY}?a=${a}&b=${b}`);
      await compared(w.page);
      const got = await rendered(w.page);
      expect(got.heading).toBe(expected.heading);
      expect(got.summary).toBe(expected.summary);
      expect(got.rows).toBe(expected.rows);
      // Its own page is offered.
      expect(await w.page.locator('#compare-status a').getAttribute('href')).toBe(`/series/${SERIES}/compare/${a}..${b}/`);
      expect(w.errors).toEqual([]);
      await w.page.context().close();
    }
  });

  test('?view=side on the page of a precomputed pair: the sides the page leaves out are derived as the core writes them', { timeout: 120_000 }, async () => {
    const w = await open('');
    const p = w.page;
    for (const pair of precomputedPairs(VERSIONS.length)) {
      const [a, b] = [VERSIONS[pair.a]!, VERSIONS[pair.b]!];
      const path = `/series/${SERIES}/compare/${a}..${b}/`;
      // No row of these pairs writes its side-by-side text: every one derives it.
      const core = compareRecords(readRecord(a), readRecord(b), { series: '', a: { name: a, detail: '', href: '/', index: 0 }, b: { name: b, detail: '', href: '/', index: 1 } });
      expect(core.rows, path).not.toContain('<div class="text side">');
      expect(core.rows, path).toContain('<div class="text inline">');
      await p.goto(`${server.url}${path}?view=side`);
      await drawn(p);
      expect(await p.locator('#rows').getAttribute('class')).toContain('view-side');
      expect(await sidesNotAsCore(p, readRecord(a), readRecord(b)), path).toEqual([]);
      expect(await p.locator('#rows > section.row').first().locator('.side').isVisible()).toBe(true);
    }
    // Back and forth: the sides are made once.
    await p.getByRole('button', { name: 'Inline redline' }).click();
    await p.getByRole('button', { name: 'Side by side' }).click();
    expect(await p.locator('#rows > section.row').count()).toBe(await p.locator('#rows > section.row > .text.side').count());
    expect(w.errors).toEqual([]);
    await p.context().close();
  });

  test('a row whose sides cannot be derived keeps its own; the others are derived next to it', { timeout: 60_000 }, async () => {
    // The 2017 draft and A/C.3/75/L.8/Rev.1, served with a sub-paragraph list added to a paragraph they share:
    // (a), (b), (c) in 2017, (b) deleted in 2020 so that (c) became (b). Inline shows the new labels, side A
    // the old ones, which no removal of marks gives: the core writes that row's side-by-side text.
    const [ra, rb] = [readRecord(DRAFT_2017), readRecord(L8)];
    const items = ['Medical and health services for prisoners, including the role of medical staff;', 'Disciplinary action and punishment, including solitary confinement;', 'Investigation of all deaths in custody and of any signs of torture;'];
    const op1 = (r: ResolutionRecord) => operativeOf(r.tree).find((o) => o.id === 'OP1')!;
    const sub = (label: string, text: string): SubParagraphNode => ({ type: 'subParagraph', label, id: `OP1(${label})`, children: [{ type: 'text', value: text }] });
    op1(ra).children.push(sub('a', items[0]!), sub('b', items[1]!), sub('c', items[2]!));
    op1(rb).children.push(sub('a', items[0]!), sub('b', items[2]!));
    const w = await open('');
    const p = w.page;
    for (const [slug, r] of [[DRAFT_2017, ra], [L8, rb]] as const) await p.route(`${server.url}/data/records/${slug}.json`, (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(r) }));
    await p.goto(`${server.url}${ANY}?a=${DRAFT_2017}&b=${L8}`);
    await compared(p);
    const written = await p.locator('#rows > section.row:has(> .text.side)').evaluateAll((rows) => rows.map((r) => r.id));
    expect(written).toEqual(['c-OP1']);
    expect(await p.locator('#c-OP1 .side > div').nth(0).locator('.label').allTextContents()).toEqual(['(a)', '(b)', '(c)']);
    expect(await p.locator('#c-OP1 .inline .label').allTextContents()).toEqual(['(a)', '(b)', '(b)']);
    await p.getByRole('button', { name: 'Side by side' }).click();
    expect(await sidesNotAsCore(p, ra, rb)).toEqual([]);
    expect(await p.locator('#c-OP1 .text.side').count()).toBe(1);
    expect(w.errors).toEqual([]);
    await p.context().close();
  });

  test('the pair picker: links to the precomputed pairs, menus for any pair', { timeout: 60_000 }, async () => {
    const w = await open(`/series/${SERIES}/compare/${L18}..${L8}/`);
    const p = w.page;
    // A pair's page links the series' compare page, where the picker is open.
    await p.getByRole('link', { name: 'Compare other versions of this series' }).click();
    await p.waitForURL(`${server.url}${ANY}`);
    const picker = p.locator('.pair-picker');
    // A link per precomputed pair (2k − 3 for k versions).
    expect(await picker.locator('li a').count()).toBe(precomputedPairs(VERSIONS.length).length);
    expect(await p.locator('#pick-a option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))).toEqual(VERSIONS);
    expect(await p.locator('#pick-a').inputValue()).toBe(VERSIONS[0]);
    expect(await p.locator('#pick-b').inputValue()).toBe(VERSIONS.at(-1));
    // The same version twice.
    await p.getByLabel('From').selectOption(L8);
    await p.getByLabel('to', { exact: true }).selectOption(L8);
    await p.getByRole('button', { name: 'Compare', exact: true }).click();
    expect(await p.locator('#pick-note').textContent()).toBe('Choose two different versions.');
    // A precomputed pair, newer first: its own page.
    await p.getByLabel('From').selectOption('a-res-76-187');
    await p.getByLabel('to', { exact: true }).selectOption(DRAFT_2017);
    await p.getByRole('button', { name: 'Compare', exact: true }).click();
    await p.waitForURL(`${server.url}/series/${SERIES}/compare/${DRAFT_2017}..a-res-76-187/`);
    expect(await p.locator('h1').textContent()).toContain('A/RES/76/187');
    // Any other pair: the permalink, compared in the browser.
    await p.getByRole('link', { name: 'Compare other versions of this series' }).click();
    await p.waitForURL(`${server.url}${ANY}`);
    await p.getByLabel('From').selectOption('a-c-3-68-l-18-rev-1');
    await p.getByLabel('to', { exact: true }).selectOption(L18);
    await p.getByRole('button', { name: 'Compare', exact: true }).click();
    await p.waitForURL(`${server.url}${ANY}?a=a-c-3-68-l-18-rev-1&b=${L18}`);
    await compared(p);
    expect(await p.locator('h1').textContent()).toBe('Changes from A/C.3/68/L.18/Rev.1 to A/C.3/74/L.18/Rev.1');
    expect(await p.locator('.lede').textContent()).toContain('1 version in between.');
    // On the compare page, the same menus lead on (folded once a comparison is shown).
    expect(await p.locator('#pick-a').isVisible()).toBe(false);
    await p.getByText('Compare other versions of this series').click();
    await p.getByLabel('From').selectOption('a-c-3-68-l-18');
    await p.getByLabel('to', { exact: true }).selectOption(L8);
    await p.getByRole('button', { name: 'Compare', exact: true }).click();
    await p.waitForURL(`${server.url}${ANY}?a=a-c-3-68-l-18&b=${L8}`);
    await compared(p);
    expect(await p.locator('.lede').textContent()).toContain('3 versions in between.');
    expect(w.errors).toEqual([]);
    await p.context().close();
  });

  test('hostile text in a record is shown as text; the scripts import no Node module', { timeout: 60_000 }, async () => {
    const HOSTILE = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script><a href="javascript:window.__pwned=3">x</a>';
    const w = await open('');
    const p = w.page;
    let dialogs = 0;
    p.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    // The older record's PP1 and title carry hostile markup (as a document could).
    await p.route(`${server.url}/data/records/${DRAFT_2017}.json`, async (route) => {
      const record = JSON.parse(readFileSync(join(DIST, 'data', 'records', `${DRAFT_2017}.json`), 'utf8')) as { title: string; tree: { children: { type: string; children: { type: string; children: { type: string; value?: string }[] }[] }[] } };
      const pp1 = record.tree.children.find((c) => c.type === 'preamble')!.children[0]!;
      const t = pp1.children.find((c) => c.type === 'text')!;
      t.value = `${t.value} ${HOSTILE}`;
      record.title = `${record.title} ${HOSTILE}`;
      await route.fulfill({ contentType: 'application/json', body: JSON.stringify(record) });
    });
    await p.goto(`${server.url}${ANY}?a=${DRAFT_2017}&b=${L8}`);
    await compared(p);
    await p.waitForTimeout(300);
    expect(await p.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(dialogs).toBe(0);
    expect(await p.locator('main img, main script, #rows iframe, #rows a[href^="javascript:"]').count()).toBe(0);
    expect(await marks(p, 'c-PP1', 'del')).toContain(HOSTILE);
    expect(w.requests.filter((u) => !u.startsWith(`${server.url}/`))).toEqual([]);
    // The scripts of the page: none imports a Node module (the core runs in the browser as it is).
    const scripts = [...new Set(w.requests.filter((u) => u.endsWith('.js')))];
    expect(scripts.length).toBeGreaterThan(0);
    for (const u of scripts) {
      const text = readFileSync(join(DIST, decodeURIComponent(new URL(u).pathname)), 'utf8');
      expect(text, u).not.toMatch(/["'`]node:[a-z]/);
    }
    expect(w.errors).toEqual([]);
    await p.context().close();
  });

  test('axe-core finds no violations on the compare page, empty and with a comparison, light and dark', { timeout: 240_000 }, async () => {
    // In dark mode only contrast changes, so only contrast is checked there (as site.test.ts does).
    const runs = (['light', 'dark'] as const).flatMap((scheme) => (['empty', 'inline', 'side'] as const).map((kind) => ({ scheme, kind })));
    const problems = (
      await Promise.all(
        runs.map(async ({ scheme, kind }) => {
          const w = await open(kind === 'empty' ? ANY : `${ANY}?a=${DRAFT_2017}&b=${L8}`, scheme);
          if (kind === 'empty') {
            expect(await w.page.locator('#compare-result').isVisible()).toBe(false);
            expect(await w.page.locator('#pick-a').isVisible()).toBe(true);
          } else await compared(w.page);
          if (kind === 'side') await w.page.getByRole('button', { name: 'Side by side' }).click();
          const found = (await axe(w.page, scheme === 'dark')).map((v) => `${scheme} ${kind}: ${v}`);
          if (scheme === 'dark' && kind === 'side') await w.page.screenshot({ path: screenshotPath('compare-any-dark') });
          await w.page.context().close();
          return found;
        }),
      )
    ).flat();
    expect(problems).toEqual([]);
  });
});
