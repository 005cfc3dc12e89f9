/** `palimpsest export <file> [--format akn|json] [--out DIR]`, through exportCommand with a captured io. */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exportCommand } from '../../src/cli/export.ts';

const dir = mkdtempSync(join(tmpdir(), 'palimpsest-export-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(...args: string[]) {
  let out = '';
  let err = '';
  const code = await exportCommand(args, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

const RESOLUTION = 'content/ga76-2021-resolution-76-187.txt';
const REPORT = 'content/ga68-2013-third-committee-report.txt';

describe('palimpsest export', () => {
  it('prints the version JSON of a file that holds one text', async () => {
    const { code, out, err } = await run(RESOLUTION);
    expect({ code, err }).toEqual({ code: 0, err: '' });
    const json = JSON.parse(out);
    expect(json.symbol).toBe('A/RES/76/187');
    expect(json.operative).toHaveLength(77);
  });

  it('prints Akoma Ntoso with --format akn (and --format=akn)', async () => {
    const a = await run(RESOLUTION, '--format', 'akn');
    const b = await run('--format=akn', RESOLUTION);
    expect(a.code).toBe(0);
    expect(a.out.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<akomaNtoso')).toBe(true);
    expect(b.out).toBe(a.out);
  });

  it('writes one file per text with --out, named by safe slugs', async () => {
    const out = join(dir, 'ga68');
    const { code, out: printed } = await run(REPORT, '--format', 'akn', '--out', out);
    expect(code).toBe(0);
    const files = readdirSync(out).sort();
    expect(files).toHaveLength(16);
    for (const f of files) expect(f).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*\.akn\.xml$/);
    expect(files).toContain('a-c-3-68-l-17-rev-1.akn.xml');
    expect(files).toContain('ga68-2013-third-committee-report-16.akn.xml');
    expect(printed.trim().split('\n')).toHaveLength(16);
    expect(readFileSync(join(out, 'a-c-3-68-l-2.akn.xml'), 'utf8')).toContain('<docNumber>A/C.3/68/L.2</docNumber>');
  });

  it('writes JSON files by default with --out', async () => {
    const out = join(dir, 'json');
    expect((await run(RESOLUTION, '--out', out)).code).toBe(0);
    expect(readdirSync(out)).toEqual(['a-res-76-187.json']);
  });

  it('asks for --out when the file holds several texts', async () => {
    const { code, out, err } = await run(REPORT);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain(REPORT);
    expect(err).toContain('--out');
  });

  it('exits 1 with a one-line error naming a file it cannot read', async () => {
    const missing = await run('content/no-such-file.txt');
    expect(missing.code).toBe(1);
    expect(missing.err).toBe('content/no-such-file.txt: cannot read the file: no such file\n');
    const folder = await run('content');
    expect(folder.code).toBe(1);
    expect(folder.err.trim().split('\n')).toHaveLength(1);
    expect(folder.err).toContain('content');
  });

  it('refuses bad usage with exit code 2', async () => {
    expect((await run()).code).toBe(2);
    expect((await run(RESOLUTION, '--format', 'pdf')).code).toBe(2);
    expect((await run(RESOLUTION, '--bogus')).code).toBe(2);
    expect((await run(RESOLUTION, '--out')).code).toBe(2);
  });
});
