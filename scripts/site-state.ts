/**
 * What an incremental site build keeps between runs (issue 14), in
 * <cache>/site/ beside the core's cache:
 *
 *   build.json    the build that made the output folder: the hash of the code
 *                 (codeHash), the output folder, the hash of each group of
 *                 pages (src/site/incremental.ts) and the files of each group
 *   groups.json   handed to the site build: the hashes of build.json, when
 *                 the output folder is still that build's and the code is the
 *                 same; absent, every page is rendered
 *   groups.next.json  written by the site build: this build's hashes
 *
 * The site build renders the global pages and the groups whose hash changed
 * over the kept output (Astro's emptyOutDir off); `removeStaleFiles` then
 * deletes what those groups had and this build did not write again (a compare
 * page of a pair that is no longer "against the latest", a removed version),
 * before the search index reads the pages; `recordSiteState` records the new
 * build. The result is the output of a build from scratch.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { seriesKey, versionKey, type GroupHashes } from '../src/site/group-keys.ts';

const ROOT = resolve(import.meta.dirname, '..');

interface BuildState {
  code: string;
  out: string;
  groups: GroupHashes;
  /** Output files (relative, with "/") of each group; "" is the global files. */
  files: Record<string, string[]>;
}

function walk(dir: string, base = dir, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p, base, out);
    else out.push(relative(base, p).split(sep).join('/'));
  }
  return out;
}

/**
 * The hash of everything but the content that the output depends on: the site's
 * sources, the build scripts, the locked dependencies, Node's version and the
 * address the site is built for. When it changes, the next build starts from scratch.
 */
export function codeHash(): string {
  const h = createHash('sha256');
  const files = [
    ...walk(join(ROOT, 'src')).map((f) => `src/${f}`),
    'astro.config.mjs',
    'package-lock.json',
    'scripts/build.ts',
    'scripts/astro-build.ts',
    'scripts/prepare.ts',
    'scripts/search-index.ts',
    'scripts/site-state.ts',
  ].sort();
  for (const f of files) {
    const p = join(ROOT, f);
    if (!existsSync(p)) continue;
    h.update(`${f}\0`).update(readFileSync(p)).update('\0');
  }
  h.update(`${process.version}\0${process.env.PALIMPSEST_SITE ?? ''}\0${process.env.PALIMPSEST_BASE ?? ''}\0${process.env.PALIMPSEST_CONTENT ?? ''}`);
  return h.digest('hex');
}

const readState = (dir: string): BuildState | null => {
  try {
    return JSON.parse(readFileSync(join(dir, 'build.json'), 'utf8')) as BuildState;
  } catch {
    return null;
  }
};

/**
 * Before the site build: whether it may render only what changed, and why not.
 * Leaves groups.json for the site build when it may, and removes it when not.
 */
export function prepareSiteState(stateDir: string, outDir: string, code: string, full: boolean): { incremental: boolean; reason: string } {
  mkdirSync(stateDir, { recursive: true });
  rmSync(join(stateDir, 'groups.json'), { force: true });
  rmSync(join(stateDir, 'groups.next.json'), { force: true });
  const state = readState(stateDir);
  const out = resolve(outDir);
  const reason = full
    ? 'asked for a build from scratch (--full)'
    : !state
      ? 'no earlier build is recorded'
      : state.out !== out
        ? `the earlier build was into ${state.out}`
        : state.code !== code
          ? 'the code, the dependencies or the site address changed'
          : !existsSync(join(out, 'index.html'))
            ? `${outDir} does not hold the earlier build`
            : '';
  if (reason) return { incremental: false, reason };
  writeFileSync(join(stateDir, 'groups.json'), `${JSON.stringify(state!.groups)}\n`);
  return { incremental: true, reason: '' };
}

/** The group of an output file, from its path: "" for the global files. */
function groupOfFile(path: string, groupOfVersion: Map<string, string>): string {
  const series = /^series\/([^/]+)\//.exec(path) ?? /^data\/series\/([^/]+)\.(?:json|csv)$/.exec(path);
  if (series && path !== 'data/series/series.schema.json') return seriesKey(series[1]!);
  const version = /^versions\/([^/]+)\//.exec(path) ?? /^data\/(?:versions|records)\/([^/]+?)\.(?:json|akn\.xml)$/.exec(path);
  return (version && groupOfVersion.get(version[1]!)) || '';
}

const readNext = (stateDir: string) => JSON.parse(readFileSync(join(stateDir, 'groups.next.json'), 'utf8')) as GroupHashes;

/**
 * After the site build, before its search index: deletes what the groups that
 * changed (and the global pages) had in the build before and this build did
 * not write again. Returns how many groups there are, how many were rendered
 * and how many files were removed.
 */
export function removeStaleFiles(stateDir: string, outDir: string, startedMs: number, incremental: boolean): { groups: number; rendered: number; removed: number } {
  const out = resolve(outDir);
  const next = readNext(stateDir);
  const before = incremental ? readState(stateDir) : null;
  let removed = 0;
  const changed = new Set(Object.keys(next).filter((k) => before?.groups[k]?.hash !== next[k]!.hash));
  if (before) {
    const stale = ['', ...Object.keys(before.groups).filter((k) => changed.has(k) || !(k in next))];
    for (const key of stale) {
      for (const f of before.files[key] ?? []) {
        const p = join(out, f);
        if (existsSync(p) && statSync(p).mtimeMs < startedMs) {
          rmSync(p);
          removed++;
        }
      }
    }
    removeEmptyDirs(out);
  }
  return { groups: Object.keys(next).length, rendered: changed.size, removed };
}

/** After the whole build: records it (its code, output, group hashes and files) for the next. */
export function recordSiteState(stateDir: string, outDir: string, code: string): void {
  const out = resolve(outDir);
  const next = readNext(stateDir);
  const groupOfVersion = new Map(Object.entries(next).flatMap(([key, g]) => g.versions.map((v) => [v, key] as const)));
  const files: Record<string, string[]> = {};
  for (const f of walk(out).sort()) (files[groupOfFile(f, groupOfVersion)] ??= []).push(f);
  const state: BuildState = { code, out, groups: next, files };
  writeFileSync(join(stateDir, 'build.json'), `${JSON.stringify(state)}\n`);
  rmSync(join(stateDir, 'groups.next.json'), { force: true });
  rmSync(join(stateDir, 'groups.json'), { force: true });
}

/** After a failed build: no earlier build is recorded, so the next one starts from scratch. */
export function forgetSiteState(stateDir: string): void {
  rmSync(join(stateDir, 'build.json'), { force: true });
}

function removeEmptyDirs(dir: string): boolean {
  let empty = true;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory() && removeEmptyDirs(join(dir, e.name))) rmSync(join(dir, e.name), { recursive: true });
    else empty = false;
  }
  return empty;
}
