/**
 * Incremental builds (issue 14; scripts/site-state.ts, src/site/incremental.ts):
 * with the cache and the output of the build before kept, adding a version to
 * a series renders again only that series' group of pages (and the global
 * pages), and the output is byte for byte that of a build from scratch of the
 * same content. Then a version is removed, with the same result.
 *
 * The seeds: A/RES/76/187 (content/ga76-2021-resolution-76-187.txt) is the
 * latest version of "Strengthening the United Nations crime prevention and
 * criminal justice programme"; without it, A/C.3/75/L.8/Rev.1 is. The 2013
 * report carries other series (trafficking in persons, corruption, …) that
 * none of these steps touches.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { withBuildLock } from './browser/helpers.ts';
import { prepareSiteState } from '../scripts/site-state.ts';

const root = new URL('..', import.meta.url).pathname;
const tmp = mkdtempSync(join(tmpdir(), 'palimpsest-incremental-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const SERIES = 'strengthening-the-united-nations-crime-prevention-and-criminal-justice-programme';
const RES = 'ga76-2021-resolution-76-187.txt';

function build(content: string, out: string, cache: string) {
  return withBuildLock(() => {
    const r = spawnSync(process.execPath, ['scripts/build.ts'], {
      cwd: root,
      env: { ...process.env, PALIMPSEST_CONTENT: content, PALIMPSEST_OUT: out, PALIMPSEST_CACHE: cache, PALIMPSEST_SITE: '', PALIMPSEST_BASE: '', ASTRO_TELEMETRY_DISABLED: '1' },
      encoding: 'utf8',
    });
    if (r.status !== 0) throw new Error(`build failed:\n${r.stdout}\n${r.stderr}`);
    return r.stdout;
  });
}

function files(dir: string, base = dir, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) files(p, base, out);
    else out.push(relative(base, p));
  }
  return out.sort();
}

/** The files of two output folders that differ in name or bytes. */
function differences(a: string, b: string): string[] {
  const [fa, fb] = [files(a), files(b)];
  const names = new Set([...fa, ...fb]);
  return [...names].filter((f) => !fa.includes(f) || !fb.includes(f) || !readFileSync(join(a, f)).equals(readFileSync(join(b, f))));
}

describe('an incremental build', () => {
  const content = join(tmp, 'content');
  const out = join(tmp, 'out');
  const cache = join(tmp, 'cache');

  it('adds a version to a series: that series is rendered again, the rest kept, and the output is a build from scratch', { timeout: 600_000 }, async () => {
    mkdirSync(content);
    for (const f of readdirSync(join(root, 'content'))) if (f !== RES) copyFileSync(join(root, 'content', f), join(content, f));
    const first = await build(content, out, cache);
    expect(first).toMatch(/build: from scratch \(no earlier build is recorded\)/);
    expect(readdirSync(join(out, 'versions'))).not.toContain('a-res-76-187');
    // A page of another series, and when it was written.
    const other = join(out, 'versions', 'a-c-3-68-l-20', 'index.html');
    const otherWritten = statSync(other).mtimeMs;
    const lastPair = join(out, 'series', SERIES, 'compare', 'a-c-3-68-l-18..a-c-3-75-l-8-rev-1', 'index.html');
    expect(statSync(lastPair).isFile()).toBe(true);

    copyFileSync(join(root, 'content', RES), join(content, RES));
    const second = await build(content, out, cache);
    expect(second).toMatch(/build: incremental, over the output of the build before/);
    // One group of pages: the series that gained a version.
    expect(second).toMatch(/build: 1 of \d+ groups of pages rendered, \d+ files of the build before removed/);
    expect(statSync(other).mtimeMs).toBe(otherWritten);
    expect(readdirSync(join(out, 'versions'))).toContain('a-res-76-187');

    // A pair against the latest of before is no longer a pair with a page of its own.
    const scratch = join(tmp, 'scratch');
    await build(content, scratch, join(tmp, 'cache-scratch'));
    expect(() => statSync(lastPair)).toThrow();
    expect(differences(out, scratch)).toEqual([]);
  });

  it('removes a version: its pages and files go, and the output is again a build from scratch', { timeout: 600_000 }, async () => {
    rmSync(join(content, 'ga72-2017-draft-resolution.txt'));
    const third = await build(content, out, cache);
    expect(third).toMatch(/build: incremental/);
    expect(readdirSync(join(out, 'versions'))).not.toContain('ga72-2017-draft-resolution-1');
    const scratch = join(tmp, 'scratch-2');
    await build(content, scratch, join(tmp, 'cache-scratch-2'));
    expect(differences(out, scratch)).toEqual([]);
  });

  it('starts from scratch when the code changed, when asked, or when the output is not the earlier build', () => {
    const state = join(tmp, 'state');
    mkdirSync(state);
    const output = join(tmp, 'state-out');
    mkdirSync(output);
    writeFileSync(join(output, 'index.html'), '');
    writeFileSync(join(state, 'build.json'), JSON.stringify({ code: 'c1', out: output, groups: { 'series:x': { hash: 'h', versions: ['v'] } }, files: {} }));
    expect(prepareSiteState(state, output, 'c1', false)).toEqual({ incremental: true, reason: '' });
    expect(JSON.parse(readFileSync(join(state, 'groups.json'), 'utf8'))).toEqual({ 'series:x': { hash: 'h', versions: ['v'] } });
    expect(prepareSiteState(state, output, 'c2', false).reason).toBe('the code, the dependencies or the site address changed');
    // Not incremental: the site build gets no hashes, so it renders every page.
    expect(() => statSync(join(state, 'groups.json'))).toThrow();
    expect(prepareSiteState(state, output, 'c1', true).reason).toBe('asked for a build from scratch (--full)');
    expect(prepareSiteState(state, join(tmp, 'elsewhere'), 'c1', false).reason).toMatch(/^the earlier build was into /);
    rmSync(join(output, 'index.html'));
    expect(prepareSiteState(state, output, 'c1', false).reason).toMatch(/does not hold the earlier build$/);
  });
});
