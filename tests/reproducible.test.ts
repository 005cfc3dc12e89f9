/**
 * Reproducible output: builds of the embedded corpus into folders of their
 * own give byte-identical sites (pages, data files, search index), whether
 * every stage ran from scratch or came from the content-hash cache.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withBuildLock } from './browser/helpers.ts';

const root = new URL('..', import.meta.url).pathname;

async function buildInto(out: string, cache = 'off'): Promise<void> {
  const result = await withBuildLock(() => spawnSync(process.execPath, ['scripts/build.ts'], {
    cwd: root,
    env: { ...process.env, PALIMPSEST_OUT: out, PALIMPSEST_CACHE: cache, ASTRO_TELEMETRY_DISABLED: '1' },
    encoding: 'utf8',
  }));
  expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);
}

function digestTree(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.set(relative(dir, path), createHash('sha256').update(readFileSync(path)).digest('hex'));
    }
  };
  walk(dir);
  return out;
}

describe('reproducible builds', () => {
  it('builds from scratch, with a cold cache and with a warm cache give byte-identical sites', { timeout: 900_000 }, async () => {
    const cache = mkdtempSync(join(tmpdir(), 'palimpsest-cache-'));
    const builds = ['scratch', 'cold', 'warm'].map((name) => mkdtempSync(join(tmpdir(), `palimpsest-build-${name}-`)));
    await buildInto(builds[0]!);
    await buildInto(builds[1]!, cache);
    await buildInto(builds[2]!, cache);
    const [scratch, ...others] = builds.map(digestTree);
    expect(scratch!.size).toBeGreaterThan(30);
    for (const other of others) {
      expect([...other.keys()]).toEqual([...scratch!.keys()]);
      const differing = [...scratch!].filter(([path, hash]) => other.get(path) !== hash).map(([path]) => path);
      expect(differing).toEqual([]);
    }
  });
});
