/**
 * Broken corpora through loadCorpus: a report whose section III is missing,
 * and two files that hold the same version (or two different texts under one
 * symbol). Each problem is a diagnostic naming the file(s) and line(s); every
 * document still loads.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { diagnosticsOf, ROOT, SEED, seedLoaded, tempFolder, type Folder } from './helpers.ts';

const folders: Folder[] = [];
const folder = () => {
  const f = tempFolder();
  folders.push(f);
  return f;
};
afterAll(() => folders.forEach((f) => f.remove()));

const REPORT = 'ga74-2019-third-committee-report.txt';
const report = readFileSync(join(ROOT, 'content', REPORT), 'utf8');

describe('a report whose section III is missing', () => {
  // Edit: content/ga74-2019-third-committee-report.txt without its heading "III. Recommendations of the Third Committee" (line 115).
  const f = folder();
  const heading = 'III. Recommendations of the Third Committee';
  expect(report.split('\n')[114]).toBe(heading);
  f.write('report.txt', report.replace(`${heading}\n`, '\n'));
  f.write('whole.txt', report);
  const c = f.load();

  it('is reported as report-section-missing, naming the file', () => {
    expect(diagnosticsOf(c, f.path('report.txt')).filter((d) => d.code === 'report-section-missing')).toEqual([
      expect.objectContaining({ severity: 'warning', message: expect.stringMatching(/section III/) }),
    ]);
    expect(diagnosticsOf(c, f.path('whole.txt')).filter((d) => d.code === 'report-section-missing')).toEqual([]);
  });

  it('still yields every draft resolution of the report, and the rest of the corpus', () => {
    const found = (name: string) => c.documents.find((d) => d.source === f.path(name))!.resolutions.map((r) => r.symbol);
    expect(found('report.txt')).toEqual(found('whole.txt'));
    expect(found('report.txt').length).toBeGreaterThan(3);
    expect(seedLoaded(c, f)).toBe(true);
  });
});

describe('two files that hold the same version', () => {
  // The seed draft (content/ga72-2017-draft-resolution.txt) has no symbol: the same words make the same version.
  const f = folder();
  const seed = readFileSync(f.path(SEED), 'utf8');
  f.write('copy-of-draft.txt', seed);
  // content/ga76-2021-resolution-76-187.txt (A/RES/76/187) twice, and once with words changed in OP1: not the same version.
  const RES = readFileSync(join(ROOT, 'content', 'ga76-2021-resolution-76-187.txt'), 'utf8');
  const changed = RES.replace('1. *Takes note with appreciation* of the report', '1. *Takes note* of the report');
  expect(changed).not.toBe(RES);
  f.write('res-a.txt', RES);
  f.write('res-b.txt', RES);
  f.write('zz-res-changed.txt', changed);
  const c = f.load();
  const recordOf = (name: string) => c.documents.find((d) => d.source === f.path(name))!.resolutions[0]!;

  it('reports the second copy of a text without a symbol as duplicate-version, naming both files and lines', () => {
    // Files are read in name order: copy-of-draft.txt comes first, so the seed is the copy.
    const start = recordOf(SEED).lines.start;
    const ds = c.diagnostics.filter((d) => d.code === 'duplicate-version' && d.file === f.path(SEED));
    expect(ds).toEqual([expect.objectContaining({ line: start, severity: 'warning' })]);
    expect(ds[0]!.message).toContain(`${f.path('copy-of-draft.txt')}:${start}`);
    expect(ds[0]!.message).toContain(`${f.path(SEED)}:${start}`);
  });

  it('reports the second copy of a text with a symbol as duplicate-version, naming the symbol, both files and lines', () => {
    const start = recordOf('res-a.txt').lines.start;
    expect(recordOf('res-a.txt').symbol).toBe('A/RES/76/187');
    const ds = c.diagnostics.filter((d) => d.code === 'duplicate-version' && d.file !== f.path(SEED));
    expect(ds).toEqual([expect.objectContaining({ file: f.path('res-b.txt'), line: start, severity: 'warning' })]);
    expect(ds[0]!.message).toContain('A/RES/76/187');
    expect(ds[0]!.message).toContain(`${f.path('res-a.txt')}:${start}`);
  });

  it('reports a different text under the same symbol as symbol-conflict, naming the other files', () => {
    const ds = diagnosticsOf(c, f.path('zz-res-changed.txt')).filter((d) => d.code === 'symbol-conflict');
    expect(ds).toHaveLength(1);
    expect(ds[0]!.message).toContain('A/RES/76/187');
    expect(ds[0]!.message).toContain(f.path('res-a.txt'));
    expect(ds[0]!.message).toContain(f.path('res-b.txt'));
  });

  it('still loads every file', () => {
    expect(c.documents.map((d) => d.resolutions.length)).toEqual([1, 1, 1, 1, 1]);
  });

  it('reports nothing of the kind on the real corpus', async () => {
    const { loadCorpus } = await import('../../src/lib/ingest/corpus.ts');
    const real = loadCorpus(join(ROOT, 'content'));
    expect(real.diagnostics.filter((d) => d.code === 'duplicate-version' || d.code === 'symbol-conflict' || d.code === 'unreadable')).toEqual([]);
  });
});
