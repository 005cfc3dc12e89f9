/**
 * The check-a-draft page in Chromium: the text of resolution 76/187 (2021)
 * pasted in, checked against the seed corpus, which holds 76/187 itself
 * (left out as identical) and its 2020 draft A/C.3/75/L.8/Rev.1.
 *
 * Read side by side: PP2 "Reaffirming also its resolutions relating to the
 * urgent need to strengthen international cooperation …" is word for word
 * PP2 of L.8/Rev.1 (content/ga75-2020-third-committee-report.md, line 563),
 * a draft the Third Committee recommended: agreed language. OP70 "Notes the
 * results of the eighth meeting of the Working Group on Firearms" (76/187,
 * line 434) was OP59 "Welcomes the results of the seventh meeting …" in 2020
 * (report, line 953): modified, and a weaker verb.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { builtSite, ROOT } from './helpers.ts';

const TEXT = readFileSync(join(ROOT, 'content', 'ga76-2021-resolution-76-187.txt'), 'utf8');
const site = builtSite();

/** A page whose every request is recorded; the test server is the only host it may reach. */
async function watched(): Promise<{ p: Page; requests: { url: string; body: string | null }[] }> {
  const p = await site.page();
  const requests: { url: string; body: string | null }[] = [];
  p.on('request', (r) => requests.push({ url: r.url(), body: r.postData() }));
  return { p, requests };
}

async function check(p: Page, text: string): Promise<void> {
  await p.goto(`${site.url()}/check/`);
  await p.getByLabel('Draft text').fill(text);
  await p.getByRole('button', { name: 'Check', exact: true }).click();
}

describe('check a draft', () => {
  test('76/187 pasted: agreed and modified paragraphs with their sources, the weaker verb, nothing sent, no axe violations', { timeout: 120_000 }, async () => {
    const { p, requests } = await watched();
    await check(p, TEXT);
    await expect.poll(() => p.locator('#check-paragraphs > li').count(), { timeout: 30_000 }).toBeGreaterThan(100);
    const pp2 = p.locator('#check-PP2');
    expect(await pp2.getAttribute('data-status')).toBe('agreed');
    expect(await pp2.textContent()).toContain('A/C.3/75/L.8/Rev.1 (2020), PP2');
    const op70 = p.locator('#check-OP70');
    expect(await op70.getAttribute('data-status')).toBe('modified');
    expect(await op70.locator('p').first().textContent()).toContain('A/C.3/75/L.8/Rev.1 (2020), OP59');
    expect(await op70.locator('.redline del').allTextContents()).toEqual(expect.arrayContaining([expect.stringMatching(/Welcomes/)]));
    expect(await op70.locator('.redline ins').allTextContents()).toEqual(expect.arrayContaining([expect.stringMatching(/Notes/)]));
    expect(await op70.locator('.verb-weaker').textContent()).toContain('“Welcomes” in the source, “Notes” here');
    // The link goes to the paragraph of the source version.
    expect(await op70.locator('a').first().getAttribute('href')).toMatch(/\/versions\/a-c-3-75-l-8-rev-1\/#OP59$/);
    // 76/187 itself is in the corpus, and is not its own source.
    expect(await p.locator('#check-paragraphs a[href*="/versions/a-res-76-187/"]').count()).toBe(0);
    const summary = await p.locator('#check-summary').textContent();
    expect(summary).toMatch(/^151 paragraphs: \d+ agreed, \d+ modified, \d+ new\. Operative verbs: \d+ stronger and [1-9]\d* weaker/);
    // Only the site was asked, only for the index, and no request carried the text.
    expect(requests.filter((r) => !r.url.startsWith(`${site.url()}/`))).toEqual([]);
    expect(requests.every((r) => r.body === null)).toBe(true);
    expect(requests.some((r) => r.url.includes('Reaffirming') || r.url.includes('Firearms'))).toBe(false);
    expect(requests.filter((r) => r.url.includes('/data/check/')).length).toBeGreaterThan(1);
    const violations = (await new AxeBuilder({ page: p }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze()).violations;
    expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)).toEqual([]);
    await p.context().close();
  });

  test('the permalink carries the draft after the "#" and gives the same result; the JSON download is the CLI\'s form', { timeout: 120_000 }, async () => {
    const { p } = await watched();
    await check(p, TEXT);
    await expect.poll(() => p.locator('#check-summary').textContent(), { timeout: 30_000 }).toMatch(/^151 paragraphs/);
    const summary = await p.locator('#check-summary').textContent();
    const download = p.waitForEvent('download');
    await p.getByRole('button', { name: 'Download JSON' }).click();
    const file = await (await download).path();
    const json = JSON.parse(readFileSync(file, 'utf8')) as { paragraphs: { id: string; status: string; sources: { symbol: string; paragraph: string; similarity: number }[] }[] };
    const pp2 = json.paragraphs.find((x) => x.id === 'PP2')!;
    expect(pp2.status).toBe('agreed');
    expect(pp2.sources[0]).toMatchObject({ symbol: 'A/C.3/75/L.8/Rev.1', paragraph: 'PP2', similarity: 1 });
    await p.getByRole('button', { name: 'Copy permalink' }).click();
    await expect.poll(() => p.url()).toMatch(/#text=[A-Za-z0-9_-]+$/);
    const link = p.url();
    expect(link).not.toContain('Reaffirming');
    const q = await site.page();
    await q.goto(link);
    await expect.poll(() => q.locator('#check-summary').textContent(), { timeout: 30_000 }).toBe(summary);
    expect(await q.getByLabel('Draft text').inputValue()).toBe(TEXT);
    await p.context().close();
    await q.context().close();
  });

  test('markup in the pasted text is shown as text, never run', { timeout: 60_000 }, async () => {
    const { p } = await watched();
    const hostile = [
      'The General Assembly,',
      '',
      'Recalling its resolution 74/177 <img src=x onerror="window.__pwned=1"> of 18 December 2019,',
      '',
      '1. Urges Member States <script>window.__pwned=2</script> to act;',
    ].join('\n');
    await check(p, hostile);
    await expect.poll(() => p.locator('#check-paragraphs > li').count(), { timeout: 30_000 }).toBe(2);
    expect(await p.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await p.locator('#check-paragraphs img, #check-paragraphs script').count()).toBe(0);
    expect(await p.locator('#check-PP1').textContent()).toContain('<img src=x');
    await p.context().close();
  });

  test('a text without a resolution gets a message, not a blank page', { timeout: 60_000 }, async () => {
    const { p } = await watched();
    await check(p, 'Dear colleagues, please find the draft attached.');
    await expect.poll(() => p.locator('#check-status').textContent()).toMatch(/No resolution text found/);
    expect(await p.locator('#check-result').isHidden()).toBe(true);
    await p.context().close();
  });
});
