/**
 * `npm run build` as a maintainer meets it: problems printed as file:line:
 * message, a non-zero exit when a document cannot be read (the rest of the
 * corpus still builds), and --strict failing on warnings too.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withBuildLock } from './browser/helpers.ts';

const root = new URL('..', import.meta.url).pathname;

function build(content: string, args: string[] = []) {
  const out = mkdtempSync(join(tmpdir(), 'palimpsest-out-'));
  return withBuildLock(() => {
    const r = spawnSync(process.execPath, ['scripts/build.ts', ...args], {
      cwd: root,
      env: { ...process.env, PALIMPSEST_CONTENT: content, PALIMPSEST_OUT: out, PALIMPSEST_CACHE: 'off', ASTRO_TELEMETRY_DISABLED: '1' },
      encoding: 'utf8',
    });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr, out };
  });
}

describe('npm run build', () => {
  it('builds the readable documents, prints file:line for the unreadable ones and exits 1', { timeout: 600_000 }, async () => {
    const content = mkdtempSync(join(tmpdir(), 'palimpsest-content-'));
    copyFileSync(join(root, 'content/ga76-2021-resolution-76-187.txt'), join(content, 'ga76-2021-resolution-76-187.txt'));
    writeFileSync(join(content, 'empty.txt'), '');
    // "Fédération" in Latin-1 on the third line, as a converter set to Windows-1252 would write it.
    writeFileSync(join(content, 'latin1.txt'), Buffer.from('The General Assembly,\n\nRecalling\nF\xe9d\xe9ration\n', 'latin1'));
    const r = await build(content);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/empty\.txt: error: the file is empty \[unreadable\]/);
    expect(r.stderr).toMatch(/latin1\.txt:4: error: the file is not UTF-8 text/);
    // The rest of the corpus built: 76/187 has its page.
    const versions = readdirSync(join(r.out, 'versions'));
    expect(versions).toHaveLength(1);
    expect(readFileSync(join(r.out, 'versions', versions[0]!, 'index.html'), 'utf8')).toContain('Takes note with appreciation');
  });

  it('passes warnings by default and fails on them with --strict', { timeout: 600_000 }, async () => {
    const content = mkdtempSync(join(tmpdir(), 'palimpsest-content-'));
    // 76/187 with its operative paragraph 5 taken out: a numbering gap (4 → 6), a warning.
    const text = readFileSync(join(root, 'content/ga76-2021-resolution-76-187.txt'), 'utf8');
    const gap = text.replace(/\n5\. \*[^\n]*\n/, '\n');
    expect(gap).not.toBe(text);
    writeFileSync(join(content, 'gap.txt'), gap);
    const normal = await build(content);
    expect(normal.status).toBe(0);
    expect(normal.stderr).toMatch(/gap\.txt:\d+: warning: operative paragraph OP5 is numbered 6; expected 5 \[numbering-gap\]/);
    const strict = await build(content, ['--strict']);
    expect(strict.status).toBe(1);
    expect(existsSync(join(strict.out, 'index.html'))).toBe(true);
  });
});
