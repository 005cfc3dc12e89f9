/**
 * Who and how, in Chromium: the filters of operative paragraphs by addressee
 * and kind on a compare page and on the paragraph histories, and the
 * sponsors who joined or left on the series timeline.
 *
 * The pair: A/C.3/74/L.18/Rev.1 (2019) → A/C.3/75/L.8/Rev.1 (2020) of
 * "Strengthening the United Nations crime prevention and criminal justice
 * programme". Read in the 2020 report (content/ga75-2020-third-committee-
 * report.md): OP14 (line 841) "Requests the United Nations Office on Drugs
 * and Crime to continue to provide technical assistance"; OP6 (line 818)
 * "Reaffirms …" asks nobody. The sponsors: Brazil and Palau joined in 2020;
 * Malaysia and the United Kingdom are no longer listed (2019 report para. 26,
 * 2020 report, the paragraph on L.8/Rev.1).
 */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { builtSite } from './helpers.ts';

const SERIES = 'strengthening-the-united-nations-crime-prevention-and-criminal-justice-programme';
const A = 'a-c-3-74-l-18-rev-1';
const B = 'a-c-3-75-l-8-rev-1';

const site = builtSite();
const page = () => site.page();

const visible = (p: Page, selector: string) => p.locator(selector).evaluateAll((els) => els.filter((e) => (e as HTMLElement).offsetParent !== null).map((e) => e.id));

describe('who and how', () => {
  test('the compare page keeps only what is asked of a UN entity, says how many, and keeps the choice in the URL', async () => {
    const p = await page();
    await p.goto(`${site.url()}/series/${SERIES}/compare/${A}..${B}/`);
    await p.getByLabel('Asking').selectOption({ label: 'UN entity' });
    const shown = await visible(p, '#rows > section.row');
    expect(shown).toContain('c-OP14');
    expect(shown).not.toContain('c-OP6');
    expect(shown.every((id) => !id.startsWith('c-PP'))).toBe(true);
    await expect.poll(() => p.locator('#filter-count').textContent()).toMatch(/^\d+ of \d+ operative paragraphs$/);
    expect(new URL(p.url()).searchParams.get('asks')).toBe('un-entity');
    // The same view from its link; then every row again.
    await p.goto(`${site.url()}/series/${SERIES}/compare/${A}..${B}/?asks=un-entity&kind=request`);
    // The rows and their filters come when the browser has drawn them.
    await p.locator('#c-OP14').waitFor({ state: 'attached', timeout: 20_000 });
    expect(await p.getByLabel('Asking').inputValue()).toBe('un-entity');
    expect(await visible(p, '#rows > section.row')).toContain('c-OP14');
    await p.getByLabel('Asking').selectOption('');
    await p.getByLabel('Kind').selectOption('');
    expect((await visible(p, '#rows > section.row')).length).toBe(await p.locator('#rows > section.row').count());
    await p.context().close();
  });

  test('the paragraph histories filter the same way, part by part', async () => {
    // Part 6 holds the last operative paragraphs; OP45 of A/C.3/68/L.18 "Requests the Secretary-General to
    // submit a report to the General Assembly at its sixty-ninth session" (2013 report, line 370).
    const p = await page();
    await p.goto(`${site.url()}/series/${SERIES}/history/6/`);
    const all = await p.locator('section.history').count();
    await p.getByLabel('Asking').selectOption({ label: 'Secretary-General' });
    const shown = await visible(p, 'section.history');
    expect(shown).toContain('h-a-c-3-68-l-18-OP45');
    expect(shown.length).toBeLessThan(all);
    expect(shown.every((id) => /-OP\d+$/.test(id))).toBe(true);
    await expect.poll(() => p.locator('#filter-count').textContent()).toMatch(/^\d+ of \d+ operative paragraphs in this part$/);
    await p.context().close();
  });

  test('the series timeline says who joined and who left at the step from 2019 to 2020', async () => {
    const p = await page();
    await p.goto(`${site.url()}/series/${SERIES}/`);
    const row = p.locator('.steps-table tbody tr').filter({ hasText: 'A/C.3/75/L.8/Rev.1' }).first();
    const cell = row.locator('td.sponsors');
    await cell.locator('summary').click();
    const text = (await cell.textContent()) ?? '';
    expect(text).toMatch(/Joined:.*Brazil/);
    expect(text).toMatch(/Joined:.*Palau/);
    expect(text).toMatch(/Left:.*Malaysia/);
    expect(text).toMatch(/Left:.*United Kingdom of Great Britain and Northern Ireland/);
    await p.context().close();
  });
});
