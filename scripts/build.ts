/**
 * `npm run build [-- --strict] [-- --full]`: build the static site over content/ and its
 * search index, then report every problem of the corpus as `file:line: message`
 * (the form editors and CI annotations read).
 *
 * Incremental: with a cache, a build over the output of the build before (same
 * code, same output folder) renders again only the pages whose inputs changed
 * (a series whose versions changed, with its versions' pages and files; a single
 * version) and the global pages, and deletes what those pages no longer have:
 * the output is that of a build from scratch (scripts/site-state.ts,
 * src/site/incremental.ts). --full builds from scratch anyway.
 *
 * Exit status: 1 when a document could not be read or parsed (errors); with
 * --strict, also on warnings such as a numbering gap or lost words. The site is
 * built either way, from every document that could be read.
 *
 * Before the site build, the prepare step (scripts/prepare.ts) parses the
 * documents and aligns the series into the cache, in one process per core;
 * the site build then reads them from the cache. With PALIMPSEST_CACHE=off
 * there is no cache to fill, and the site build does all the work.
 *
 * Environment: PALIMPSEST_CONTENT (the content folder), PALIMPSEST_CACHE (the
 * cache folder, default .palimpsest-cache; "off" for none), PALIMPSEST_SITE and
 * PALIMPSEST_BASE (see astro.config.mjs), PALIMPSEST_OUT (the output folder, default dist).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatDiagnostic, corpusDiagnostics } from '../src/site/corpus.ts';
import { typeStrippingFlags } from '../src/lib/prepare.ts';
import { siteCacheDir } from './prepare.ts';
import { codeHash, forgetSiteState, prepareSiteState, recordSiteState, removeStaleFiles } from './site-state.ts';

const args = new Set(process.argv.slice(2));
const unknown = [...args].filter((a) => a !== '--strict' && a !== '--full');
if (unknown.length) {
  process.stderr.write(`build: unknown option ${unknown.join(' ')}\nUsage: npm run build [-- --strict] [-- --full]\n`);
  process.exit(2);
}
const strict = args.has('--strict');

// The prepare step (scripts/prepare.ts): parse and align into the cache in one process per core, so that the
// site build finds the expensive stages done. In a process of its own, so that its memory is freed before the
// site build starts; when it fails, the site build computes what it left out.
/** Time of each phase, ms: printed as `build: phases {...}` (scripts/bench.ts reads it). */
const phases: Record<string, number> = {};
let clock = performance.now();
const lap = (name: string) => {
  const now = performance.now();
  phases[`${name}Ms`] = Math.round(now - clock);
  clock = now;
};

if (siteCacheDir() !== null) {
  const prepare = spawnSync(process.execPath, [...typeStrippingFlags(), fileURLToPath(new URL('./prepare.ts', import.meta.url))], { stdio: 'inherit' });
  if (prepare.status !== 0) {
    const why = prepare.error ? `could not start (${prepare.error.message})` : prepare.signal ? `was killed (${prepare.signal})` : `failed (exit status ${prepare.status})`;
    process.stderr.write(`build: error: the prepare step ${why}; the site build computes what it left out\n`);
  }
}

lap('prepare');
const outDir = process.env.PALIMPSEST_OUT || 'dist';
// What the build before left (scripts/site-state.ts): render only what changed, when it may.
const cacheDir = siteCacheDir();
const stateDir = cacheDir === null ? null : join(cacheDir, 'site');
const code = stateDir === null ? '' : codeHash();
const mode = stateDir === null ? { incremental: false, reason: 'no cache (PALIMPSEST_CACHE=off)' } : prepareSiteState(stateDir, outDir, code, args.has('--full'));
process.stdout.write(`build: ${mode.incremental ? 'incremental, over the output of the build before' : `from scratch (${mode.reason})`}\n`);
const started = Date.now();
// In a process of its own: its memory is freed before the search index is built (scripts/astro-build.ts).
const astro = spawnSync(process.execPath, [...typeStrippingFlags(), fileURLToPath(new URL('./astro-build.ts', import.meta.url))], {
  stdio: 'inherit',
  env: { ...process.env, ...(stateDir === null ? {} : { PALIMPSEST_SITE_STATE: stateDir }), PALIMPSEST_KEEP_OUT: mode.incremental ? '1' : '' },
});
if (astro.status !== 0) {
  const why = astro.error ? `could not start (${astro.error.message})` : astro.signal ? `was killed (${astro.signal})` : `failed (exit status ${astro.status})`;
  process.stderr.write(`build: error: astro build ${why}\n`);
  // The output is now neither build: the next one starts from scratch.
  if (stateDir !== null) forgetSiteState(stateDir);
  process.exit(1);
}
lap('astro');
if (stateDir !== null) {
  const done = removeStaleFiles(stateDir, outDir, started, mode.incremental);
  process.stdout.write(`build: ${done.rendered} of ${done.groups} groups of pages rendered${mode.incremental ? `, ${done.removed} files of the build before removed` : ''}\n`);
}

// Only version pages carry the text to search; reading the rest (compare and history pages) only costs time and memory.
// In shards of bounded size, one after the other, so that the peak memory does not grow with the corpus (scripts/search-index.ts).
try {
  const { buildSearchIndex } = await import('./search-index.ts');
  await buildSearchIndex(outDir);
} catch (e) {
  process.stderr.write(`build: the search index (pagefind) failed: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
}

lap('search');
if (stateDir !== null) recordSiteState(stateDir, outDir, code);
const { summary, diagnostics } = corpusDiagnostics();
lap('report');
process.stdout.write(`build: phases ${JSON.stringify(phases)}\n`);
for (const line of summary) process.stdout.write(`${line}\n`);
const annotate = process.env.GITHUB_ACTIONS === 'true';
for (const d of diagnostics) {
  if (d.severity === 'info') continue;
  process.stderr.write(`${formatDiagnostic(d)}\n`);
  if (annotate) {
    const kind = d.severity === 'error' ? 'error' : 'warning';
    process.stdout.write(`::${kind} file=${d.file}${d.line ? `,line=${d.line}` : ''}::${d.message.replace(/[\r\n]+/g, ' ')}\n`);
  }
}
const errors = diagnostics.filter((d) => d.severity === 'error').length;
const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
if (errors || (strict && warnings)) {
  process.stderr.write(`build: the site was built, but ${errors} error(s)${strict ? ` and ${warnings} warning(s) (--strict)` : ''} need attention\n`);
  process.exit(1);
}
process.stdout.write(`build: done (${errors} errors, ${warnings} warnings)\n`);
