/**
 * The open data in Debian's Chromium: the /data/ page (reached from the
 * footer) passes axe-core and shows real excerpts, and the download links of
 * a version page and a series page have names that say what they download
 * and fetch files of the right type from the built site.
 */
import { describe, expect, test } from 'vitest';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { builtSite, screenshotPath } from './helpers.ts';

const VERSION = 'a-res-76-187';
const SERIES = 'strengthening-the-united-nations-crime-prevention-and-criminal-justice-programme';

const site = builtSite();
const page = () => site.page();

/** axe-core's WCAG 2.1 A/AA rules and best practices, on the whole page or on one part of it. */
async function axe(p: Page, include?: string): Promise<string[]> {
  const builder = new AxeBuilder({ page: p });
  if (include) builder.include(include);
  const result = await builder.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')})`);
}

describe('open data', () => {
  test('the /data/ page: from the footer, real excerpts, no axe violations', { timeout: 60_000 }, async () => {
    const p = await page();
    await p.goto(`${site.url()}/`);
    await p.locator('footer').getByRole('link', { name: 'open data' }).click();
    await p.waitForURL(/\/data\/$/);
    expect(await p.locator('h1').textContent()).toBe('Open data');
    const code = await p.locator('pre code').allTextContents();
    // The excerpts come from the built files of A/RES/76/187 and of a series CSV.
    expect(code.some((c) => c.includes('"symbol": "A/RES/76/187"') && c.includes('"verb": "Takes note with appreciation"'))).toBe(true);
    expect(code.some((c) => c.includes('<FRBRuri value="/akn/un/statement/deliberation/unga/2021-12-16/76-187"/>'))).toBe(true);
    expect(code.some((c) => c.startsWith('series,version,stage,date,lineage,paragraph'))).toBe(true);
    for (const name of ['version.schema.json', 'series.schema.json', 'data/index.json']) {
      const res = await p.request.get(new URL((await p.getByRole('link', { name, exact: true }).first().getAttribute('href'))!, p.url()).href);
      expect(res.status(), name).toBe(200);
      expect(await res.json()).toBeTruthy();
    }
    await p.screenshot({ path: screenshotPath('data'), fullPage: true });
    expect(await axe(p)).toEqual([]);
  });

  test('a version page and a series page link their files, with names that say what they are', { timeout: 120_000 }, async () => {
    const p = await page();
    await p.goto(`${site.url()}/versions/${VERSION}/`);
    const json = p.getByRole('link', { name: 'JSON of A/RES/76/187' });
    const akn = p.getByRole('link', { name: 'Akoma Ntoso XML of A/RES/76/187' });
    const jsonRes = await p.request.get(new URL((await json.getAttribute('href'))!, p.url()).href);
    expect((await jsonRes.json()).symbol).toBe('A/RES/76/187');
    const aknRes = await p.request.get(new URL((await akn.getAttribute('href'))!, p.url()).href);
    expect(await aknRes.text()).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<akomaNtoso xmlns="http:\/\/docs.oasis-open.org\/legaldocml\/ns\/akn\/3.0">/);
    // The whole page is checked by site.test.ts; here the links only (A/RES/76/187 is a long page).
    expect(await axe(p, '.downloads')).toEqual([]);

    await p.goto(`${site.url()}/series/${SERIES}/`);
    const csv = p.getByRole('link', { name: /^CSV of this series/ });
    const csvRes = await p.request.get(new URL((await csv.getAttribute('href'))!, p.url()).href);
    expect((await csvRes.text()).split('\r\n')[0]).toBe('series,version,stage,date,lineage,paragraph,ancestor,change,similarity,class,verb,verbChange,addressees,kinds,firstAppeared,lastChanged');
    const sjson = p.getByRole('link', { name: /^JSON of this series/ });
    const sRes = await p.request.get(new URL((await sjson.getAttribute('href'))!, p.url()).href);
    expect((await sRes.json()).slug).toBe(SERIES);
    expect(await axe(p, '.downloads')).toEqual([]);
  });
});
