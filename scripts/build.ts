/**
 * `npm run build [-- --strict]`: build the static site over content/ and its
 * search index, then report every problem of the corpus as `file:line: message`
 * (the form editors and CI annotations read).
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
import { fileURLToPath } from 'node:url';
import { formatDiagnostic, corpusDiagnostics } from '../src/site/corpus.ts';
import { typeStrippingFlags } from '../src/lib/prepare.ts';
import { siteCacheDir } from './prepare.ts';

const args = new Set(process.argv.slice(2));
const unknown = [...args].filter((a) => a !== '--strict');
if (unknown.length) {
  process.stderr.write(`build: unknown option ${unknown.join(' ')}\nUsage: npm run build [-- --strict]\n`);
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
// In a process of its own: its memory is freed before the search index is built (scripts/astro-build.ts).
const astro = spawnSync(process.execPath, [...typeStrippingFlags(), fileURLToPath(new URL('./astro-build.ts', import.meta.url))], { stdio: 'inherit' });
if (astro.status !== 0) {
  const why = astro.error ? `could not start (${astro.error.message})` : astro.signal ? `was killed (${astro.signal})` : `failed (exit status ${astro.status})`;
  process.stderr.write(`build: error: astro build ${why}\n`);
  process.exit(1);
}
lap('astro');

const outDir = process.env.PALIMPSEST_OUT || 'dist';
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
