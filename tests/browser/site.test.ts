/**
 * The built site in Debian's Chromium: home → series → compare, the redline
 * of a pair read by hand, the view toggle and filters, search opening its
 * paragraph, axe-core on each kind of page, and a screenshot of each kind
 * (test-results/screenshots/).
 *
 * The pair: "Strengthening the United Nations crime prevention and criminal
 * justice programme", A/C.3/74/L.18/Rev.1 (2019, content/ga74-2019-third-
 * committee-report.txt) and A/C.3/75/L.8/Rev.1 (2020, content/ga75-2020-third-
 * committee-report.md). Read side by side:
 * - OP6: 2019 says "...Organized Crime, the twentieth anniversary of which
 *   will be celebrated in 2020, and the Protocols thereto..."; 2020 drops
 *   that clause and adds at the end "and welcomes the twentieth anniversary
 *   of the adoption of the Convention by its resolution 55/25 of 15 November
 *   2000 ... in Palermo, Italy, from 12 to 15 December 2000".
 * - OP9: "at its eighth session, held in Vienna from 17 to 21 October 2016"
 *   became "at its eighth and ninth sessions, held in Vienna from 17 to 21
 *   October 2016 and from 15 to 19 October 2018, respectively".
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { ensureBuilt, launch, screenshotPath, serve, type Served } from './helpers.ts';

const SERIES_TITLE = 'Strengthening the United Nations crime prevention and criminal justice programme';
const A = 'a-c-3-74-l-18-rev-1';
const B = 'a-c-3-75-l-8-rev-1';
const SMALL = 'improving-the-coordination-of-efforts-against-trafficking-in-persons';

let server: Served;
let browser: Browser;

beforeAll(async () => {
  await ensureBuilt();
  server = await serve();
  browser = await launch();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function page(width = 1280, height = 900): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width, height } });
  const p = await ctx.newPage();
  // Nothing may leave the local server.
  await p.route('**/*', (route) => (route.request().url().startsWith(server.url) ? route.continue() : route.abort()));
  return p;
}

/** Text of the marks in a row's inline view. */
async function marks(p: Page, row: string, tag: 'ins' | 'del'): Promise<string> {
  return p.locator(`#${row} .inline ${tag}`).evaluateAll((els) =>
    els
      .map((e) => {
        const c = e.cloneNode(true) as HTMLElement;
        return c.textContent ?? '';
      })
      .join(' | '),
  );
}

/** axe-core's WCAG 2.1 A/AA rules and best practices; in dark mode only contrast changes, so only contrast is checked there. */
async function axe(p: Page, onlyContrast = false): Promise<string[]> {
  const builder = new AxeBuilder({ page: p });
  const result = await (onlyContrast ? builder.withRules(['color-contrast']) : builder.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])).analyze();
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')})`);
}

describe('the built site', () => {
  test('home → series → compare, with the redline read by hand', { timeout: 60_000 }, async () => {
    const p = await page();
    await p.goto(`${server.url}/`);
    expect(await p.locator('h1').textContent()).toBe('Palimpsest');
    await p.screenshot({ path: screenshotPath('home'), fullPage: true });
    await p.getByRole('link', { name: new RegExp(`^${SERIES_TITLE}`) }).click();
    await p.waitForURL(/\/series\/[^/]+\/$/);
    expect(await p.locator('h1').textContent()).toContain(SERIES_TITLE);
    // The timeline holds every version, the lineage chart a column for each.
    expect(await p.locator('.timeline a.symbol').allTextContents()).toEqual(expect.arrayContaining(['A/C.3/74/L.18/Rev.1', 'A/C.3/75/L.8/Rev.1', 'A/RES/76/187']));
    await p.screenshot({ path: screenshotPath('series'), fullPage: false });
    await p.getByRole('link', { name: 'Compare A/C.3/74/L.18/Rev.1 with A/C.3/75/L.8/Rev.1' }).click();
    await p.waitForURL(new RegExp(`/compare/${A}\\.\\.${B}/$`));
    // The rows are drawn by the browser from the two records.
    await p.locator('#c-OP6').waitFor({ timeout: 20_000 });

    const del6 = await marks(p, 'c-OP6', 'del');
    const ins6 = await marks(p, 'c-OP6', 'ins');
    expect(del6).toContain('the twentieth anniversary of which will be celebrated in 2020');
    expect(ins6).toContain('welcomes the twentieth anniversary of the adoption of the Convention');
    expect(ins6).toContain('Palermo, Italy');
    expect(del6).not.toContain('Palermo');
    const ins9 = await marks(p, 'c-OP9', 'ins');
    const del9 = await marks(p, 'c-OP9', 'del');
    expect(ins9).toContain('ninth');
    expect(ins9).toContain('15 to 19 October 2018');
    expect(del9).toContain('session');
    expect(del9).not.toContain('October 2016');
    // Screen readers hear what each mark is.
    const before = (sel: string) => p.locator(sel).first().evaluate((e) => getComputedStyle(e, '::before').content);
    expect(await before('#c-OP6 .inline del')).toContain('deleted');
    expect(await before('#c-OP6 .inline ins')).toContain('inserted');
    await p.screenshot({ path: screenshotPath('compare-inline'), fullPage: false });
    await p.close();
  });

  test('the compare view toggle and filters', { timeout: 60_000 }, async () => {
    const p = await page();
    await p.goto(`${server.url}/series/${await seriesSlug(p)}/compare/${A}..${B}/`);
    await p.locator('#c-OP6').waitFor({ timeout: 20_000 });
    const side = p.locator('#c-OP6 .side');
    const inline = p.locator('#c-OP6 .inline');
    expect(await inline.isVisible()).toBe(true);
    expect(await side.isVisible()).toBe(false);
    await p.getByRole('button', { name: 'Side by side' }).click();
    expect(await side.isVisible()).toBe(true);
    expect(await inline.isVisible()).toBe(false);
    expect(await p.getByRole('button', { name: 'Side by side' }).getAttribute('aria-pressed')).toBe('true');
    expect(p.url()).toContain('view=side');
    // Left: the 2019 text with its deletion; right: the 2020 text with its insertion.
    expect(await side.locator('> div').nth(0).locator('del').count()).toBeGreaterThan(0);
    expect(await side.locator('> div').nth(0).locator('ins').count()).toBe(0);
    expect(await side.locator('> div').nth(1).textContent()).toContain('Palermo, Italy');
    await p.locator('#c-OP9').scrollIntoViewIfNeeded();
    await p.screenshot({ path: screenshotPath('compare-side') });
    // A reload keeps the view (permalink).
    await p.reload();
    // Drawn again by the browser, in the view of the URL.
    await side.waitFor({ state: 'visible', timeout: 20_000 });
    expect(await side.isVisible()).toBe(true);
    await p.getByRole('button', { name: 'Inline redline' }).click();
    expect(await inline.isVisible()).toBe(true);
    // Filters.
    const unchanged = p.locator('.row[data-change="unchanged"]').first();
    const preamble = p.locator('.row[data-section="preamble"]').first();
    expect(await unchanged.isVisible()).toBe(true);
    await p.getByLabel('Changed paragraphs only').check();
    expect(await unchanged.isVisible()).toBe(false);
    expect(await p.locator('#c-OP6').isVisible()).toBe(true);
    await p.getByLabel('Operative paragraphs only').check();
    expect(await preamble.isVisible()).toBe(false);
    await p.close();
  });

  test('search finds a phrase and opens its paragraph', { timeout: 60_000 }, async () => {
    const p = await page();
    await p.goto(`${server.url}/`);
    await p.getByLabel('Search every version').fill('will be celebrated in 2020');
    await p.getByRole('button', { name: 'Search' }).click();
    await p.waitForURL(/\/search\/\?q=/);
    const hit = p.locator('#search-results a.hit', { hasText: 'A/C.3/74/L.18/Rev.1' }).first();
    await hit.waitFor({ timeout: 15_000 });
    expect(await hit.getAttribute('href')).toBe(`/versions/${A}/#OP6`);
    await p.screenshot({ path: screenshotPath('search') });
    await hit.click();
    await p.waitForURL(new RegExp(`/versions/${A}/#OP6$`));
    const para = p.locator('#OP6');
    expect(await para.textContent()).toContain('the twentieth anniversary of which will be celebrated in 2020');
    expect(await para.isVisible()).toBe(true);
    const box = await para.boundingBox();
    expect(box && box.y >= 0 && box.y < 900).toBe(true);
    await p.screenshot({ path: screenshotPath('version') });
    await p.close();
  });

  test('version pages link neighbours and paragraph histories', { timeout: 60_000 }, async () => {
    const p = await page();
    await p.goto(`${server.url}/versions/${B}/`);
    expect(await p.getByRole('link', { name: /Previous: A\/C\.3\/74\/L\.18\/Rev\.1/ }).getAttribute('href')).toBe(`/versions/${A}/`);
    expect(await p.getByRole('link', { name: /Next: A\/RES\/76\/187/ }).count()).toBe(1);
    await p.getByRole('link', { name: 'History of OP6', exact: true }).click();
    // Long histories are split into parts: history/ is part 1, history/2/… the others (src/site/paging.ts).
    await p.waitForURL(/\/series\/[^/]+\/history\/(?:\d+\/)?#h-/);
    const id = new URL(p.url()).hash.slice(1);
    const history = p.locator(`[id="${id}"]`);
    expect(await history.textContent()).toContain('OP6 in A/C.3/75/L.8/Rev.1');
    expect(await history.locator('ins').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('Palermo')]));
    // The anchor of a lineage still works on history/ itself (the URL before the split): its entry there leads on to its part.
    const part = new URL(p.url()).pathname;
    await p.goto(`${server.url}/series/${await seriesSlug(p)}/history/#${id}`);
    await p.waitForURL((u) => u.pathname === part && u.hash === `#${id}`);
    expect(await p.locator(`[id="${id}"]`).textContent()).toContain('OP6 in A/C.3/75/L.8/Rev.1');
    // No link anywhere on these pages goes nowhere.
    for (const url of [`/`, `/versions/${B}/`, `/series/${await seriesSlug(p)}/`, `/series/${await seriesSlug(p)}/history/`, `/series/${await seriesSlug(p)}/compare/${A}..${B}/`]) {
      await p.goto(`${server.url}${url}`);
      expect(await p.locator('a[href="#"], a[href=""]').count()).toBe(0);
      const bad = await p.locator('a[href^="#"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!.slice(1)).filter((id) => id && !document.getElementById(decodeURIComponent(id))));
      expect(bad).toEqual([]);
    }
    await p.close();
  });

  test('long lists are split over pages, each linked to the next', { timeout: 60_000 }, async () => {
    const p = await page();
    // The embedded corpus fits on one home page: no list of pages, and no page 2.
    await p.goto(`${server.url}/`);
    expect(await p.getByRole('navigation', { name: 'Pages of the list of series and texts' }).count()).toBe(0);
    expect(await p.locator('link[rel="next"]').count()).toBe(0);
    expect((await p.goto(`${server.url}/page/2/`))?.status()).toBe(404);
    // The paragraph histories of the largest series take several parts: history/, history/2/, …
    const slug = await seriesSlug(p);
    await p.goto(`${server.url}/series/${slug}/history/`);
    const parts = p.getByRole('navigation', { name: 'Parts of the paragraph histories' });
    expect(await parts.getByRole('link').count()).toBeGreaterThan(1);
    expect(await p.locator('link[rel="next"]').getAttribute('href')).toBe(`/series/${slug}/history/2/`);
    // Every lineage is listed on part 1, with a link to its part.
    const entries = await p.locator('.history-contents a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    const sections = await p.locator('section.history').count();
    expect(entries.length).toBeGreaterThan(sections);
    await parts.getByRole('link', { name: 'Part 2', exact: true }).click();
    await p.waitForURL(new RegExp(`/series/${slug}/history/2/$`));
    expect(await p.locator('h1').textContent()).toContain('part 2 of');
    expect(await p.locator('link[rel="prev"]').getAttribute('href')).toBe(`/series/${slug}/history/`);
    const here = await p.locator('section.history').evaluateAll((els) => els.map((e) => e.id));
    expect(here.length).toBeGreaterThan(0);
    for (const id of here) expect(entries).toContain(`/series/${slug}/history/2/#${id}`);
    await p.close();
  });

  test('a phone-sized screen shows the compare page without sideways scrolling', { timeout: 60_000 }, async () => {
    const p = await page(390, 844);
    await p.goto(`${server.url}/series/${await seriesSlug(p)}/compare/${A}..${B}/#c-OP6`);
    await p.locator('#c-OP6').waitFor({ timeout: 20_000 });
    const overflow = await p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await p.screenshot({ path: screenshotPath('compare-phone') });
    await p.goto(`${server.url}/versions/${A}/`);
    await p.screenshot({ path: screenshotPath('version-phone') });
    await p.close();
  });

  test('axe-core finds no violations on each kind of page, light and dark', { timeout: 240_000 }, async () => {
    const slug = await seriesSlug(await page());
    const pages = {
      home: '/',
      // Series and history pages of a smaller series (three versions): the same templates, a third of the time.
      series: `/series/${SMALL}/`,
      history: `/series/${SMALL}/history/`,
      compare: `/series/${slug}/compare/${A}..${B}/`,
      version: `/versions/${A}/`,
      search: '/search/?q=trafficking',
    };
    // Each page in its own context, all at once: axe runs inside each page's renderer.
    const runs = (['light', 'dark'] as const).flatMap((scheme) => Object.entries(pages).map(([kind, url]) => ({ scheme, kind, url })));
    const problems = (
      await Promise.all(
        runs.map(async ({ scheme, kind, url }) => {
          const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: scheme });
          const p = await ctx.newPage();
          await p.goto(`${server.url}${url}`);
          if (kind === 'search') await p.locator('#search-results li').first().waitFor({ timeout: 15_000 });
          if (kind === 'compare') await p.getByRole('button', { name: 'Side by side' }).click();
          const found = (await axe(p, scheme === 'dark')).map((v) => `${scheme} ${kind}: ${v}`);
          if (scheme === 'dark') await p.screenshot({ path: screenshotPath(`${kind}-dark`) });
          await ctx.close();
          return found;
        }),
      )
    ).flat();
    expect(problems).toEqual([]);
  });
});

let slugCache: string | null = null;
async function seriesSlug(p: Page): Promise<string> {
  if (slugCache) return slugCache;
  await p.goto(`${server.url}/`);
  const href = await p.getByRole('link', { name: new RegExp(`^${SERIES_TITLE}`) }).getAttribute('href');
  slugCache = href!.replace(/^\/series\/|\/$/g, '');
  return slugCache as string;
}
