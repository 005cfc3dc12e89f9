/**
 * The command line and Word documents: `palimpsest compare A B --format docx
 * --out FILE` writes the comparison as tracked changes, `palimpsest export
 * --format docx --out DIR` the clean text, and `palimpsest parse` reads a
 * .docx as it reads a text file.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';

const dir = mkdtempSync(join(tmpdir(), 'palimpsest-docx-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(...args: string[]) {
  let out = '';
  let err = '';
  const code = await main(args, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

const L8 = 'content/ga75-2020-third-committee-report.md#A/C.3/75/L.8/Rev.1';
const RES = 'content/ga76-2021-resolution-76-187.txt';

describe('palimpsest and Word documents', () => {
  it('compare --format docx writes the comparison with tracked changes by Palimpsest on the newer date', async () => {
    const file = join(dir, 'changes.docx');
    const { code, out, err } = await run('compare', L8, RES, '--format', 'docx', '--out', file);
    expect({ code, err, out }).toEqual({ code: 0, err: '', out: `${file}\n` });
    const xml = strFromU8(unzipSync(readFileSync(file))['word/document.xml']!);
    // A/RES/76/187 was adopted on 16 December 2021 (content/ga76-2021-resolution-76-187.txt, line 16).
    expect(xml).toMatch(/<w:ins w:id="\d+" w:author="Palimpsest" w:date="2021-12-16T00:00:00Z">/);
    expect(xml).toMatch(/<w:del w:id="\d+" w:author="Palimpsest" w:date="2021-12-16T00:00:00Z">/);
    // The symbol changed: the draft's struck, the resolution's inserted.
    expect(xml).toContain('<w:delText xml:space="preserve">A/C.3/75/L.8/Rev.1</w:delText>');
    expect(xml).toContain('<w:t xml:space="preserve">A/RES/76/187</w:t>');
    // Twice the same command, the same bytes.
    const again = join(dir, 'again.docx');
    await run('compare', L8, RES, '--format=docx', `--out=${again}`);
    expect(readFileSync(again).equals(readFileSync(file))).toBe(true);
  });

  it('marks moved paragraphs as moves', async () => {
    const file = join(dir, 'moves.docx');
    const { code } = await run('compare', 'content/ga68-2013-third-committee-report.txt#A/C.3/68/L.18/Rev.1', 'content/ga74-2019-third-committee-report.txt#A/C.3/74/L.18/Rev.1', '--format', 'docx', '--out', file);
    expect(code).toBe(0);
    const xml = strFromU8(unzipSync(readFileSync(file))['word/document.xml']!);
    const from = xml.match(/<w:moveFromRangeStart [^>]*w:name="(move\d+)"/g) ?? [];
    const to = xml.match(/<w:moveToRangeStart [^>]*w:name="(move\d+)"/g) ?? [];
    expect(from.length).toBeGreaterThan(10);
    expect(to.length).toBe(from.length);
  });

  it('compare --format docx needs --out, and knows its formats', async () => {
    expect((await run('compare', L8, RES, '--format', 'docx')).code).toBe(2);
    expect((await run('compare', L8, RES, '--format', 'pdf', '--out', 'x')).err).toMatch(/unknown format "pdf"/);
    expect((await run('compare', L8, RES, '--out', 'x.docx')).err).toMatch(/--out is for --format docx/);
  });

  it('export --format docx writes the clean text, which parse reads back', async () => {
    const { code, out } = await run('export', RES, '--format', 'docx', '--out', dir);
    expect(code).toBe(0);
    const file = out.trim();
    expect(file).toBe(join(dir, 'a-res-76-187.docx'));
    const parsed = await run('parse', file, '--summary');
    expect(parsed.code).toBe(0);
    // 74 preambular and 77 operative paragraphs, 46 footnotes, as in the text file.
    expect(parsed.out).toMatch(/ 74 +77 +0 +46 +— +100\.0%/);
    expect((await run('export', RES, '--format', 'docx')).err).toMatch(/give --out DIR/);
  });

  it('parse names a damaged .docx in a one-line error', async () => {
    const bad = join(dir, 'bad.docx');
    const bytes = readFileSync(join(dir, 'changes.docx')).subarray(0, 400);
    (await import('node:fs')).writeFileSync(bad, bytes);
    const { code, err } = await run('parse', bad);
    expect(code).toBe(1);
    expect(err).toMatch(new RegExp(`^${bad.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: this zip file cannot be read as a Word document`));
  });
});
