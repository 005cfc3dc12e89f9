/**
 * Word in and out on the built site, in Chromium:
 *
 * - a precomputed pair's page (A/C.3/75/L.8/Rev.1 → A/RES/76/187) makes its
 *   .docx in the browser, a Word document of tracked changes by Palimpsest
 *   dated 16 December 2021 (the day 76/187 was adopted), the core's;
 * - the page for any other pair (the 2017 draft → A/C.3/75/L.8/Rev.1, which
 *   has no page of its own) makes its .docx in the browser when "Download as
 *   Word" is clicked: the same document.xml as the core makes in Node from
 *   the same two records;
 * - a version page makes its clean .docx in the browser, the core's;
 * - the check page takes a .docx opened as a file: the 2017 draft
 *   (content/ga72-2017-draft-resolution.txt) as our clean .docx is checked
 *   paragraph by paragraph, as many paragraphs as the draft has.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, describe, expect, test } from 'vitest';
import { builtSite, DIST, ROOT } from './helpers.ts';
import { comparisonDocx, versionDocx } from '../../src/lib/export/docx.ts';
import { parseBytes } from '../../src/lib/index.ts';
import { operativeOf, preambleOf } from '../../src/lib/export/parse-json.ts';
import type { ResolutionRecord } from '../../src/lib/model.ts';

const SERIES = 'strengthening-the-united-nations-crime-prevention-and-criminal-justice-programme';
const DRAFT_2017 = 'ga72-2017-draft-resolution-1';
const L8 = 'a-c-3-75-l-8-rev-1';
const RES = 'a-res-76-187';
const site = builtSite();
const tmp = mkdtempSync(join(tmpdir(), 'palimpsest-docx-browser-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const documentXml = (bytes: Uint8Array) => strFromU8(unzipSync(bytes)['word/document.xml']!);
const record = (slug: string) => JSON.parse(readFileSync(join(DIST, 'data', 'records', `${slug}.json`), 'utf8')) as ResolutionRecord;

describe('Word documents on the site', () => {
  test('a precomputed pair makes its .docx of tracked changes in the browser, the same as the core makes it', { timeout: 120_000 }, async () => {
    const p = await site.page();
    await p.goto(`${site.url()}/series/${SERIES}/compare/${L8}..${RES}/`);
    const link = p.getByRole('button', { name: 'Download as Word' });
    await link.waitFor({ state: 'visible', timeout: 30_000 });
    const download = p.waitForEvent('download');
    await link.click();
    const got = await download;
    expect(got.suggestedFilename()).toBe(`${L8}..${RES}.docx`);
    const xml = documentXml(new Uint8Array(readFileSync((await got.path())!)));
    // Dated the day A/RES/76/187 was adopted.
    expect(xml).toMatch(/<w:ins w:id="\d+" w:author="Palimpsest" w:date="2021-12-16T00:00:00Z">/);
    expect(xml).toMatch(/<w:del w:id="\d+" w:author="Palimpsest" w:date="2021-12-16T00:00:00Z">/);
    expect(xml).toBe(documentXml(comparisonDocx(record(L8), record(RES))));
    await p.context().close();
  });

  test('any other pair makes its .docx in the browser, the same as the core makes it', { timeout: 120_000 }, async () => {
    const p = await site.page();
    await p.goto(`${site.url()}/series/${SERIES}/compare/?a=${DRAFT_2017}&b=${L8}`);
    const link = p.getByRole('button', { name: 'Download as Word' });
    await link.waitFor({ state: 'visible', timeout: 30_000 });
    const download = p.waitForEvent('download');
    await link.click();
    const got = await download;
    expect(got.suggestedFilename()).toBe(`${DRAFT_2017}..${L8}.docx`);
    const bytes = new Uint8Array(readFileSync((await got.path())!));
    expect(documentXml(bytes)).toBe(documentXml(comparisonDocx(record(DRAFT_2017), record(L8))));
    await p.context().close();
  });

  test('a version page makes its clean .docx in the browser', { timeout: 120_000 }, async () => {
    const p = await site.page();
    await p.goto(`${site.url()}/versions/${RES}/`);
    const link = p.getByRole('button', { name: 'Word document of A/RES/76/187' });
    await link.waitFor({ state: 'visible', timeout: 30_000 });
    const download = p.waitForEvent('download');
    await link.click();
    const got = await download;
    expect(got.suggestedFilename()).toBe(`${RES}.docx`);
    const bytes = new Uint8Array(readFileSync((await got.path())!));
    expect(documentXml(bytes)).toBe(documentXml(versionDocx(record(RES))));
    const back = parseBytes(bytes, 'a-res-76-187.docx').resolutions[0]!;
    expect([preambleOf(back.tree).length, operativeOf(back.tree).length]).toEqual([74, 77]);
    await p.context().close();
  });

  test('the check page checks a .docx opened as a file', { timeout: 120_000 }, async () => {
    const file = join(ROOT, 'content', 'ga72-2017-draft-resolution.txt');
    const draft = parseBytes(readFileSync(file), file).resolutions[0]!;
    const docx = join(tmp, 'my draft.docx');
    writeFileSync(docx, versionDocx(draft));
    const p = await site.page();
    await p.goto(`${site.url()}/check/`);
    await p.locator('#check-file').setInputFiles(docx);
    const paragraphs = preambleOf(draft.tree).length + operativeOf(draft.tree).length;
    await expect.poll(() => p.locator('#check-paragraphs > li').count(), { timeout: 60_000 }).toBe(paragraphs);
    expect(await p.locator('#check-status').textContent()).toMatch(new RegExp(`^Checked ${paragraphs} paragraphs`));
    // The text box holds the draft's text as read from Word: the first operative paragraph with its number.
    expect(await p.getByLabel('Draft text').inputValue()).toMatch(/\n1\. \S/);
    await p.context().close();
  });
});
