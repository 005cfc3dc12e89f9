/**
 * Performance at scale (issue 6): corpora of 100, 1,000 and 10,000 versions
 * made by scripts/gen-corpus.ts, every stage of the build timed in a child
 * process of its own with its peak memory, and the baselines measured in the
 * same run.
 *
 *   node scripts/bench.ts [--sizes 100,1000,10000] [--stages parse,series,align,redline,jsdiff,git,build,trivial (default; also render,search)]
 *                         [--seed 1] [--date YYYY-MM-DD] [--timeout SECONDS] [--profile STAGE[,STAGE]] [--project 10000] [--no-write]
 *   node scripts/bench.ts --analyse FILE.cpuprofile      (self and inclusive time by function)
 *   node scripts/bench.ts --from a.json,b.json --date D  (merge runs into one report, e.g. a 10,000 run made apart)
 *
 * Stages (see scripts/bench-stage.ts for the first six):
 *   parse    ingest and parse every file (no cache: a cold build)
 *   series   group the versions into series
 *   align    the lineage of every series: alignment of successive versions and blame
 *   redline  alignment with redlines of every pair of successive versions
 *   jsdiff   baseline: jsdiff diffWords over the whole texts of the same pairs
 *   git      baseline: git diff --no-index --word-diff over the same pairs
 *   render   astro build of the site over the corpus (PALIMPSEST_CONTENT, PALIMPSEST_CACHE=off),
 *            into bench/tmp (the repository's dist/ and caches are not touched)
 *   trivial  baseline: a throwaway Astro project in bench/tmp building as many trivial pages
 *   search   pagefind over the site that render built
 *   build    the whole product build from scratch, as a user runs it: `npm run build`
 *            (scripts/build.ts: the parallel prepare step into a cold cache, astro build,
 *            pagefind) into bench/tmp/build-N; its phases are reported apart, and its
 *            peak memory is the largest sum of the RSS of all its processes at once
 *
 * Each stage runs under /usr/bin/time -v: wall time and peak RSS of the stage's
 * whole process tree. "work" is the time of the work itself as the stage
 * measured it (without starting Node or reading what the stage before handed
 * over); growth exponents are log(t2/t1)/log(n2/n1) of work between sizes.
 * A stage that runs past --timeout (default 1800 s) is stopped and reported
 * as such; the sizes above it are then extrapolated by the report, not here.
 *
 * Writes bench/results-<date>-<sizes>.md and .json, or bench/<--name>.md and
 * .json (the machine: cores, Node, load average before and after) and prints
 * the table; a run never overwrites the files of a run of other sizes. Scratch files go to
 * bench/tmp/ (ignored by git).
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, relative } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const TMP = join(ROOT, 'bench', 'tmp');
const args = process.argv.slice(2);
const value = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const SIZES = (value('--sizes') ?? '100,1000,10000').split(',').map(Number).filter((n) => n > 0);
const ALL_STAGES = ['parse', 'series', 'align', 'redline', 'jsdiff', 'git', 'render', 'search', 'build', 'trivial'] as const;
type StageName = (typeof ALL_STAGES)[number];
/** By default the whole build stands for render and search (it runs both, with the core's work done in parallel first). */
const DEFAULT_STAGES: StageName[] = ['parse', 'series', 'align', 'redline', 'jsdiff', 'git', 'build', 'trivial'];
const STAGES = (value('--stages')?.split(',') ?? DEFAULT_STAGES).filter((s): s is StageName => (ALL_STAGES as readonly string[]).includes(s));
const SEED = Number(value('--seed') ?? 1);
const DATE = value('--date') ?? new Date().toISOString().slice(0, 10);
const TIMEOUT = Number(value('--timeout') ?? 1800) * 1000;
const PROFILE = new Set(value('--profile')?.split(',') ?? []);
const NODE = process.execPath;

interface Run {
  stage: StageName;
  size: number;
  ok: boolean;
  /** Wall time of the stage's process, ms. */
  wallMs: number;
  /** Time of the work itself, ms (the stage's own measure; the wall time for render, trivial and search). */
  workMs: number;
  /** Peak RSS of the stage's process tree, MB. */
  rssMb: number;
  facts: Record<string, unknown>;
  note?: string;
}

interface Result {
  /** The command line(s) that measured these results. */
  command: string;
  sizes: number[];
  seed: number;
  date: string;
  machine: { cores: number; cpu: string; memoryGb: number; node: string; loadBefore: number[]; loadAfter?: number[] };
  runs: Run[];
  corpora: Record<number, { files: number; series: number; bytes: number; genMs: number }>;
  site: Record<number, SiteFacts>;
  profiles: Record<string, { file: string; top: { fn: string; where: string; selfMs: number; share: number }[]; inclusive: { fn: string; where: string; totalMs: number; share: number }[] }>;
}

interface SiteFacts {
  pages: number;
  byKind: Record<string, number>;
  homeKb: number;
  seriesPageKb: { median: number; max: number };
  historyPageKb: { median: number; max: number };
  comparePageKb: { median: number; max: number };
  versionPageKb: { median: number; max: number };
  siteMb: number;
  /** Data files (src/pages/data: JSON and the like). */
  data: { files: number; mb: number };
  pagefind?: { files: number; mb: number; indexedPages?: number; fragmentFiles?: number };
  /** Every file of the output, Pagefind included: what GitHub Pages hosts. */
  totalMb?: number;
  /** Files and bytes by kind of file (fileKind). */
  bytesByKind?: Record<string, { files: number; mb: number }>;
}

/** The kind of a file of the built site, by its path under the output folder: the rows of "where the bytes go". */
function fileKind(r: string): string {
  if (r.startsWith('pagefind/')) return 'search index (Pagefind)';
  if (r.startsWith('_astro/')) return 'scripts and styles (_astro)';
  if (r.startsWith('data/check/')) return 'check-a-draft index (data/check)';
  if (r.startsWith('data/records/')) return 'records for the browser (data/records)';
  if (/^data\/versions\/[^/]+\.akn\.xml$/.test(r)) return 'version Akoma Ntoso (data/versions/*.akn.xml)';
  if (/^data\/versions\/[^/]+\.docx$/.test(r)) return 'version Word (data/versions/*.docx)';
  if (/^data\/versions\/[^/]+\.json$/.test(r)) return 'version JSON (data/versions/*.json)';
  if (/^data\/series\/[^/]+\.json$/.test(r)) return 'series JSON (data/series/*.json)';
  if (/^data\/series\/[^/]+\.csv$/.test(r)) return 'series CSV (data/series/*.csv)';
  if (/^series\/[^/]+\/compare\/[^/]+\.docx$/.test(r)) return 'compare Word (series/*/compare/*.docx)';
  if (/^series\/[^/]+\/compare\/[^/]+\/index\.html$/.test(r)) return 'compare pages of precomputed pairs';
  if (/^series\/[^/]+\/compare\/index\.html$/.test(r)) return 'compare page for any pair (one per series)';
  if (/^series\/[^/]+\/history\//.test(r)) return 'paragraph history pages';
  if (/^series\/[^/]+\/lineages\//.test(r)) return 'lineage chart pages';
  if (/^series\/[^/]+\/index\.html$/.test(r)) return 'series pages';
  if (r.startsWith('versions/')) return 'version pages';
  return 'other (home, lists, search, check, data pages, schemas, index.json)';
}

const result: Result = {
  command: `node scripts/bench.ts ${args.join(' ')}`.trim(),
  sizes: SIZES,
  seed: SEED,
  date: DATE,
  machine: { cores: cpus().length, cpu: cpus()[0]?.model ?? '?', memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version, loadBefore: loadavg().map((x) => Math.round(x * 100) / 100) },
  runs: [],
  corpora: {},
  site: {},
  profiles: {},
};

// ---------------------------------------------------------------------------
// Running a stage

/** Runs a command under /usr/bin/time -v; resolves with wall ms, peak RSS and stdout. */
function timed(cmd: string[], options: { env?: NodeJS.ProcessEnv; cwd?: string; log?: string }): Promise<{ ok: boolean; wallMs: number; rssMb: number; treeRssMb: number; stdout: string; note?: string }> {
  return new Promise((done) => {
    const t = performance.now();
    const child = spawn('/usr/bin/time', ['-v', ...cmd], { cwd: options.cwd ?? ROOT, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    // /usr/bin/time reports the largest single process; workers running side by side add up, so the
    // process group's total RSS is sampled as well.
    let treeRss = 0;
    const sampler = setInterval(() => {
      treeRss = Math.max(treeRss, groupRss(child.pid!));
    }, 250);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        /* gone */
      }
    }, TIMEOUT);
    child.on('close', (code) => {
      clearTimeout(timer);
      clearInterval(sampler);
      const wallMs = performance.now() - t;
      if (options.log) writeFileSync(options.log, `${stdout}\n--- stderr ---\n${stderr}`);
      const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
      const ok = code === 0 && !timedOut;
      done({
        ok,
        wallMs,
        rssMb: rss ? Number(rss[1]) / 1024 : NaN,
        treeRssMb: treeRss / 1048576,
        stdout,
        note: timedOut ? `stopped after ${TIMEOUT / 1000} s` : ok ? undefined : `exit ${code}: ${stderr.split('\n').filter((l) => /error/i.test(l)).slice(0, 3).join(' | ').slice(0, 300)}`,
      });
    });
  });
}

const PAGE = 4096;

/** The summed RSS in bytes of every process in a process group (Linux /proc). */
function groupRss(pgid: number): number {
  let sum = 0;
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // Fields after the command name (which may hold spaces): state ppid pgrp ...
      const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(rest[2]) !== pgid) continue;
      sum += Number(readFileSync(`/proc/${name}/statm`, 'utf8').split(' ')[1]) * PAGE;
    } catch {
      /* the process ended meanwhile */
    }
  }
  return sum;
}

const nodeArgs = (stage: string, size: number) => (PROFILE.has(stage) ? ['--cpu-prof', `--cpu-prof-dir=${join(TMP, 'prof')}`, `--cpu-prof-name=${stage}-${size}.cpuprofile`] : []);

async function coreStage(stage: StageName, size: number, corpus: string, work: string): Promise<Run> {
  const r = await timed([NODE, ...nodeArgs(stage, size), join(ROOT, 'scripts', 'bench-stage.ts'), stage, corpus, work], { log: join(work, `${stage}.log`) });
  let facts: Record<string, unknown> = {};
  try {
    facts = JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}') as Record<string, unknown>;
  } catch {
    /* failed */
  }
  const workMs = typeof facts.ms === 'number' ? facts.ms : r.wallMs;
  return { stage, size, ok: r.ok, wallMs: r.wallMs, workMs, rssMb: r.rssMb, facts, note: r.note };
}

// ---------------------------------------------------------------------------
// Astro: the site over the corpus, and the trivial-page floor

function astroBin(): string {
  return join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs');
}

async function renderStage(size: number, corpus: string): Promise<Run> {
  const dir = join(TMP, 'astro');
  mkdirSync(dir, { recursive: true });
  const outDir = join(TMP, `site-${size}`);
  rmSync(outDir, { recursive: true, force: true });
  const cacheDir = join(dir, `cache-${size}`);
  rmSync(cacheDir, { recursive: true, force: true });
  const config = join(dir, `site-${size}.mjs`);
  writeFileSync(config, `import base from ${JSON.stringify(join(ROOT, 'astro.config.mjs'))};\nexport default { ...base, root: ${JSON.stringify(ROOT)}, outDir: ${JSON.stringify(outDir)}, cacheDir: ${JSON.stringify(cacheDir)} };\n`);
  const env = { ...process.env, PALIMPSEST_CONTENT: corpus, PALIMPSEST_CACHE: 'off', ASTRO_TELEMETRY_DISABLED: '1' };
  const r = await timed([NODE, ...nodeArgs('render', size), astroBin(), 'build', '--config', relative(ROOT, config)], { env, log: join(dir, `render-${size}.log`) });
  const pages = r.ok ? countPages(outDir) : 0;
  return { stage: 'render', size, ok: r.ok, wallMs: r.wallMs, workMs: r.wallMs, rssMb: r.rssMb, facts: { pages }, note: r.note };
}

async function trivialStage(size: number, pages: number): Promise<Run> {
  const proj = join(TMP, `trivial-${size}`);
  rmSync(proj, { recursive: true, force: true });
  mkdirSync(join(proj, 'src', 'pages', 'p'), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(proj, 'node_modules'));
  writeFileSync(join(proj, 'package.json'), '{ "name": "trivial", "private": true, "type": "module" }\n');
  writeFileSync(join(proj, 'astro.config.mjs'), `export default { output: 'static', cacheDir: ${JSON.stringify(join(proj, '.cache'))}, outDir: ${JSON.stringify(join(proj, 'dist'))} };\n`);
  writeFileSync(
    join(proj, 'src', 'pages', 'p', '[n].astro'),
    `---\nexport function getStaticPaths() {\n  return Array.from({ length: ${pages} }, (_, n) => ({ params: { n: String(n) } }));\n}\nconst { n } = Astro.params;\n---\n<html lang="en"><head><meta charset="utf-8" /><title>Page {n}</title></head><body><h1>Page {n}</h1><p>A trivial page.</p></body></html>\n`,
  );
  const r = await timed([NODE, astroBin(), 'build'], { cwd: proj, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' }, log: join(TMP, 'astro', `trivial-${size}.log`) });
  return { stage: 'trivial', size, ok: r.ok, wallMs: r.wallMs, workMs: r.wallMs, rssMb: r.rssMb, facts: { pages: r.ok ? countPages(join(proj, 'dist')) : 0 }, note: r.note };
}

/**
 * The whole build as a user runs it (`npm run build`), from scratch: a cold
 * cache and a fresh output folder. scripts/build.ts prints a line
 * `build: phases {...}` with the time of each phase in ms.
 */
async function buildStage(size: number, corpus: string): Promise<Run> {
  const outDir = join(TMP, `build-${size}`);
  const cacheDir = join(TMP, `build-cache-${size}`);
  rmSync(outDir, { recursive: true, force: true });
  rmSync(cacheDir, { recursive: true, force: true });
  mkdirSync(join(TMP, 'astro'), { recursive: true });
  const env = { ...process.env, PALIMPSEST_CONTENT: corpus, PALIMPSEST_CACHE: cacheDir, PALIMPSEST_OUT: outDir, ASTRO_TELEMETRY_DISABLED: '1' };
  const r = await timed([NODE, join(ROOT, 'scripts', 'build.ts')], { env, log: join(TMP, 'astro', `build-${size}.log`) });
  // Exit 1 with diagnostics is still a built site; only a missing site is a failure.
  const built = existsSync(join(outDir, 'index.html'));
  const phases = /build: phases (\{.*\})/.exec(r.stdout);
  const facts: Record<string, unknown> = { pages: built ? countPages(outDir) : 0, largestProcessMb: Math.round(r.rssMb), ...(phases ? (JSON.parse(phases[1]!) as Record<string, number>) : {}) };
  return { stage: 'build', size, ok: built && !r.note?.startsWith('stopped'), wallMs: r.wallMs, workMs: r.wallMs, rssMb: r.treeRssMb, facts, note: built ? undefined : r.note };
}

async function searchStage(size: number): Promise<Run> {
  const outDir = join(TMP, `site-${size}`);
  if (!existsSync(join(outDir, 'index.html'))) return { stage: 'search', size, ok: false, wallMs: NaN, workMs: NaN, rssMb: NaN, facts: {}, note: 'no site (render did not run)' };
  rmSync(join(outDir, 'pagefind'), { recursive: true, force: true });
  const r = await timed([join(ROOT, 'node_modules', '.bin', 'pagefind'), '--site', outDir], { log: join(TMP, 'astro', `search-${size}.log`) });
  const indexed = /Indexed (\d+) pages?/.exec(r.stdout);
  return { stage: 'search', size, ok: r.ok, wallMs: r.wallMs, workMs: r.wallMs, rssMb: r.rssMb, facts: { indexedPages: indexed ? Number(indexed[1]) : null }, note: r.note };
}

// ---------------------------------------------------------------------------
// The site's shape

function walk(dir: string, out: { path: string; size: number }[] = []): { path: string; size: number }[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else out.push({ path: p, size: statSync(p).size });
  }
  return out;
}

function countPages(dir: string): number {
  return existsSync(dir) ? walk(dir).filter((f) => f.path.endsWith('.html')).length : 0;
}

const kb = (n: number) => Math.round(n / 102.4) / 10;
function stats(sizes: number[]): { median: number; max: number } {
  if (!sizes.length) return { median: 0, max: 0 };
  const s = [...sizes].sort((a, b) => a - b);
  return { median: kb(s[Math.floor(s.length / 2)]!), max: kb(s[s.length - 1]!) };
}

function siteFacts(size: number): SiteFacts | null {
  // The site the whole build made, or else the one render made.
  const dir = [join(TMP, `build-${size}`), join(TMP, `site-${size}`)].find((d) => existsSync(join(d, 'index.html'))) ?? join(TMP, `site-${size}`);
  if (!existsSync(join(dir, 'index.html'))) return null;
  const files = walk(dir);
  const html = files.filter((f) => f.path.endsWith('.html') && !f.path.includes('/pagefind/'));
  const kind = (p: string) => {
    const r = relative(dir, p);
    if (r === 'index.html') return 'home';
    if (/^series\/[^/]+\/compare\//.test(r)) return 'compare';
    if (/^series\/[^/]+\/history\//.test(r)) return 'history';
    if (/^series\/[^/]+\/index\.html$/.test(r)) return 'series';
    if (/^versions\//.test(r)) return 'version';
    return r.split('/')[0]!.replace(/\.html$/, '');
  };
  const byKind: Record<string, number> = {};
  const sizesOf: Record<string, number[]> = {};
  for (const f of html) {
    const k = kind(f.path);
    byKind[k] = (byKind[k] ?? 0) + 1;
    (sizesOf[k] ??= []).push(f.size);
  }
  const pf = files.filter((f) => f.path.includes('/pagefind/'));
  return {
    pages: html.length,
    byKind,
    homeKb: kb(statSync(join(dir, 'index.html')).size),
    seriesPageKb: stats(sizesOf.series ?? []),
    historyPageKb: stats(sizesOf.history ?? []),
    comparePageKb: stats(sizesOf.compare ?? []),
    versionPageKb: stats(sizesOf.version ?? []),
    siteMb: Math.round(files.filter((f) => !f.path.includes('/pagefind/')).reduce((s, f) => s + f.size, 0) / 1048576),
    data: (() => {
      const d = files.filter((f) => relative(dir, f.path).startsWith('data/') && !f.path.endsWith('.html'));
      return { files: d.length, mb: Math.round((d.reduce((s, f) => s + f.size, 0) / 1048576) * 10) / 10 };
    })(),
    totalMb: Math.round((files.reduce((s, f) => s + f.size, 0) / 1048576) * 10) / 10,
    bytesByKind: (() => {
      const out: Record<string, { files: number; mb: number }> = {};
      for (const f of files) {
        const k = fileKind(relative(dir, f.path));
        const o = (out[k] ??= { files: 0, mb: 0 });
        o.files++;
        o.mb += f.size / 1048576;
      }
      for (const o of Object.values(out)) o.mb = Math.round(o.mb * 10) / 10;
      return Object.fromEntries(Object.entries(out).sort((a, b) => b[1].mb - a[1].mb));
    })(),
    pagefind: pf.length ? { files: pf.length, mb: Math.round((pf.reduce((s, f) => s + f.size, 0) / 1048576) * 10) / 10, fragmentFiles: pf.filter((f) => f.path.includes('/fragment/')).length } : undefined,
  };
}

// ---------------------------------------------------------------------------
// Profiles: self time by function from a .cpuprofile

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

function topFunctions(file: string, n = 15): { fn: string; where: string; selfMs: number; share: number }[] {
  const prof = JSON.parse(readFileSync(file, 'utf8')) as { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
  const self = new Map<number, number>();
  prof.samples.forEach((id, k) => self.set(id, (self.get(id) ?? 0) + (prof.timeDeltas[k] ?? 0)));
  const byFn = new Map<string, { fn: string; where: string; us: number }>();
  let total = 0;
  for (const node of prof.nodes) {
    const us = self.get(node.id) ?? 0;
    total += us;
    const where = `${node.callFrame.url.replace(/^file:\/\//, '').replace(ROOT + '/', '')}:${node.callFrame.lineNumber + 1}`;
    const fn = node.callFrame.functionName || '(anonymous)';
    const key = `${fn}@${where}`;
    const e = byFn.get(key) ?? byFn.set(key, { fn, where, us: 0 }).get(key)!;
    e.us += us;
  }
  return [...byFn.values()]
    .sort((a, b) => b.us - a.us)
    .slice(0, n)
    .map((e) => ({ fn: e.fn, where: e.where, selfMs: Math.round(e.us / 1000), share: Math.round((e.us / total) * 1000) / 10 }));
}

/** Total (inclusive) time by function of the project and its libraries: where the time of a stage goes. */
function topInclusive(file: string, n = 15): { fn: string; where: string; totalMs: number; share: number }[] {
  const prof = JSON.parse(readFileSync(file, 'utf8')) as { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
  const byId = new Map(prof.nodes.map((x) => [x.id, x]));
  const parent = new Map<number, number>();
  for (const x of prof.nodes) for (const c of x.children ?? []) parent.set(c, x.id);
  const self = new Map<number, number>();
  prof.samples.forEach((id, k) => self.set(id, (self.get(id) ?? 0) + (prof.timeDeltas[k] ?? 0)));
  let total = 0;
  const incl = new Map<string, { fn: string; where: string; us: number }>();
  for (const [id, us] of self) {
    total += us;
    const seen = new Set<string>();
    for (let x: number | undefined = id; x !== undefined; x = parent.get(x)) {
      const f = byId.get(x)!.callFrame;
      const url = f.url.replace(/^file:\/\//, '');
      // Only our code and its libraries; not Node's internals nor the benchmark's own harness.
      if (!url || url.startsWith('node:') || /scripts\/bench/.test(url) || !f.functionName) continue;
      const where = url.replace(/^.*\/(src|node_modules|chunks)\//, '$1/');
      const key = `${f.functionName}@${where}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const e = incl.get(key) ?? incl.set(key, { fn: f.functionName, where, us: 0 }).get(key)!;
      e.us += us;
    }
  }
  return [...incl.values()]
    .sort((a, b) => b.us - a.us)
    .slice(0, n)
    .map((e) => ({ fn: e.fn, where: e.where, totalMs: Math.round(e.us / 1000), share: Math.round((e.us / total) * 1000) / 10 }));
}

// ---------------------------------------------------------------------------

const fmtMs = (ms: number) => (!Number.isFinite(ms) ? '—' : ms >= 10000 ? `${(ms / 1000).toFixed(0)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(0)} ms`);
const fmtPer = (ms: number) => (!Number.isFinite(ms) ? '—' : ms >= 100 ? `${ms.toFixed(0)} ms` : ms >= 1 ? `${ms.toFixed(1)} ms` : `${(ms * 1000).toFixed(0)} µs`);

function exponent(stage: StageName, size: number): string {
  const k = result.sizes.indexOf(size);
  if (k <= 0) return '';
  const a = result.runs.find((r) => r.stage === stage && r.size === result.sizes[k - 1] && r.ok);
  const b = result.runs.find((r) => r.stage === stage && r.size === size && r.ok);
  if (!a || !b) return '';
  return (Math.log(b.workMs / a.workMs) / Math.log(size / result.sizes[k - 1]!)).toFixed(2);
}

function table(): string {
  const lines = [
    '| size | stage | wall | work | per version | per pair | peak RSS | growth exponent | facts |',
    '| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
  ];
  for (const size of result.sizes)
    for (const r of result.runs.filter((x) => x.size === size)) {
      const pairs = typeof r.facts.pairs === 'number' ? r.facts.pairs : null;
      const facts = Object.entries(r.facts)
        .filter(([k]) => !['ms', 'perPairMs', 'batchPerPairMs'].includes(k))
        .map(([k, v]) => `${k} ${typeof v === 'number' && !Number.isInteger(v) ? v.toFixed(0) : v}`)
        .join(', ');
      lines.push(
        `| ${size} | ${r.stage}${r.ok ? '' : ' (failed)'} | ${fmtMs(r.wallMs)} | ${fmtMs(r.workMs)} | ${fmtPer(r.workMs / size)} | ${pairs ? fmtPer(r.workMs / pairs) : ''} | ${Number.isFinite(r.rssMb) ? `${Math.round(r.rssMb)} MB` : '—'} | ${exponent(r.stage, size)} | ${facts}${r.note ? ` — ${r.note}` : ''} |`,
      );
    }
  return lines.join('\n');
}

function ratios(): string {
  const lines = ['| size | ratio | value |', '| ---: | --- | ---: |'];
  for (const size of result.sizes) {
    const get = (s: StageName) => result.runs.find((r) => r.stage === s && r.size === size && r.ok);
    const red = get('redline');
    const js = get('jsdiff');
    const git = get('git');
    const render = get('render');
    const trivial = get('trivial');
    if (red && js) lines.push(`| ${size} | align+redline / jsdiff diffWords whole texts (per pair) | ${(red.workMs / js.workMs).toFixed(3)} |`);
    if (red && git) lines.push(`| ${size} | align+redline / git diff --word-diff, one process per pair | ${(red.workMs / git.workMs).toFixed(2)} |`);
    if (red && git && typeof git.facts.batchMs === 'number') lines.push(`| ${size} | align+redline / git diff --word-diff, all pairs in one process | ${(red.workMs / git.facts.batchMs).toFixed(2)} |`);
    const al = get('align');
    if (al && git && typeof git.facts.batchMs === 'number') lines.push(`| ${size} | lineage (align+blame) / git diff --word-diff, one process | ${(al.workMs / git.facts.batchMs).toFixed(2)} |`);
    if (render && trivial) lines.push(`| ${size} | astro build of the site / astro build of as many trivial pages | ${(render.wallMs / trivial.wallMs).toFixed(2)} |`);
    const build = get('build');
    if (build) {
      lines.push(`| ${size} | whole build from scratch (npm run build: prepare, astro build, pagefind), minutes | ${(build.wallMs / 60000).toFixed(1)} |`);
      const astro = build.facts.astroMs;
      if (typeof astro === 'number' && trivial) lines.push(`| ${size} | astro build phase of the whole build (core work already in the cache) / astro build of as many trivial pages | ${(astro / trivial.wallMs).toFixed(2)} |`);
    }
    const whole = (['parse', 'series', 'render', 'search'] as StageName[]).map(get);
    if (whole.every(Boolean)) lines.push(`| ${size} | whole build (astro build + pagefind), minutes | ${((render!.wallMs + get('search')!.wallMs) / 60000).toFixed(1)} |`);
  }
  return lines.join('\n');
}

const PROJECT = Number(value('--project') ?? 10000);

/**
 * Stages not measured at PROJECT versions (or stopped), projected from the two
 * largest sizes measured below it: t(N) = t(n2) * (N / n2) ^ e, e the growth
 * exponent between n1 and n2. Clearly an extrapolation, not a measurement.
 */
function projections(): string {
  const lines = ['| stage | from sizes | exponent | projected work at ' + PROJECT + ' | projected peak RSS (same exponent on RSS growth) |', '| --- | --- | ---: | ---: | ---: |'];
  for (const stage of ALL_STAGES) {
    const done = result.runs.find((r) => r.stage === stage && r.size === PROJECT && r.ok);
    if (done) continue;
    const ok = result.runs.filter((r) => r.stage === stage && r.ok && r.size < PROJECT).sort((a, b) => a.size - b.size);
    if (ok.length < 2) continue;
    const [a, b] = ok.slice(-2) as [Run, Run];
    const e = Math.log(b.workMs / a.workMs) / Math.log(b.size / a.size);
    const er = Math.log(b.rssMb / a.rssMb) / Math.log(b.size / a.size);
    lines.push(`| ${stage} | ${a.size} → ${b.size} | ${e.toFixed(2)} | ${fmtMs(b.workMs * (PROJECT / b.size) ** e)} | ${Math.round(b.rssMb * (PROJECT / b.size) ** er)} MB |`);
  }
  return lines.length > 2 ? lines.join('\n') : '';
}

function markdown(): string {
  const m = result.machine;
  const out = [
    `# Benchmark ${result.date}`,
    '',
    `Command: ${result.command.split(' ; ').map((c) => `\`${c}\``).join(', then ')}`,
    '',
    `Machine: ${m.cores} cores (${m.cpu}), ${m.memoryGb} GB, Node ${m.node}; load average before ${m.loadBefore.join(' / ')}${m.loadAfter ? `, after ${m.loadAfter.join(' / ')}` : ''} (other processes ran: compare ratios, not absolute times). Corpora: scripts/gen-corpus.ts, seed ${result.seed}.`,
    '',
    '| size | files | series | text MB | generated in |',
    '| ---: | ---: | ---: | ---: | ---: |',
    ...Object.entries(result.corpora).map(([n, c]) => `| ${n} | ${c.files} | ${c.series} | ${(c.bytes / 1048576).toFixed(1)} | ${fmtMs(c.genMs)} |`),
    '',
    '## Stages',
    '',
    'wall: the stage\'s process; work: the work itself as the stage timed it (render, trivial, search: wall); per version: work / versions; per pair: work / pairs of successive versions; peak RSS of the process tree (/usr/bin/time -v); growth exponent: log(t2/t1)/log(n2/n1) of work against the size before.',
    '',
    table(),
    '',
    '## Ratios (same run)',
    '',
    ratios(),
    '',
    ...(projections() ? [`## Projections to ${PROJECT} versions (extrapolated, not measured)`, '', projections(), ''] : []),
    '## The site',
    '',
    '| size | pages | by kind | home | series page (median / max) | history page (median / max) | compare page (median / max) | site | data files | Pagefind |',
    '| ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...Object.entries(result.site).map(
      ([n, s]) =>
        `| ${n} | ${s.pages} | ${Object.entries(s.byKind).map(([k, v]) => `${k} ${v}`).join(', ')} | ${s.homeKb} kB | ${s.seriesPageKb.median} / ${s.seriesPageKb.max} kB | ${s.historyPageKb.median} / ${s.historyPageKb.max} kB | ${s.comparePageKb.median} / ${s.comparePageKb.max} kB | ${s.siteMb} MB | ${s.data ? `${s.data.files} (${s.data.mb} MB)` : '—'} | ${s.pagefind ? `${s.pagefind.mb} MB in ${s.pagefind.files} files` : '—'} |`,
    ),
  ];
  for (const [n, s] of Object.entries(result.site)) {
    if (!s.bytesByKind) continue;
    out.push('', `## Where the bytes go, ${n} versions (${s.totalMb} MB in all, Pagefind included)`, '', '| kind of file | files | MB | share |', '| --- | ---: | ---: | ---: |');
    for (const [k, v] of Object.entries(s.bytesByKind)) out.push(`| ${k} | ${v.files} | ${v.mb} | ${Math.round((v.mb / (s.totalMb || 1)) * 1000) / 10}% |`);
  }
  for (const [name, p] of Object.entries(result.profiles)) {
    out.push('', `## Profile: ${name} (self time, ${p.file})`, '', '| function | where | self | share |', '| --- | --- | ---: | ---: |');
    for (const f of p.top) out.push(`| ${f.fn} | ${f.where} | ${f.selfMs} ms | ${f.share}% |`);
    out.push('', `Total (inclusive) time, ${name}:`, '', '| function | where | total | share |', '| --- | --- | ---: | ---: |');
    for (const f of p.inclusive ?? []) out.push(`| ${f.fn} | ${f.where} | ${f.totalMs} ms | ${f.share}% |`);
  }
  return out.join('\n') + '\n';
}

function save(): void {
  if (args.includes('--no-write')) return;
  const base = join(ROOT, 'bench', value('--name') ?? `results-${DATE}-${SIZES.join('-')}`);
  writeFileSync(`${base}.json`, `${JSON.stringify(result, null, 1)}\n`);
  writeFileSync(`${base}.md`, markdown());
}

// ---------------------------------------------------------------------------

if (value('--analyse')) {
  // Print where the time of a recorded profile went, and stop.
  const file = value('--analyse')!;
  console.log(JSON.stringify({ self: topFunctions(file), inclusive: topInclusive(file, 25) }, null, 1));
  process.exit(0);
}

if (value('--from')) {
  // Only the report: merge earlier results (JSON files, comma-separated) and write them as one, under --date.
  const parts = value('--from')!.split(',').map((f) => JSON.parse(readFileSync(f, 'utf8')) as Result);
  const first = parts[0]!;
  Object.assign(result, { command: parts.map((r) => r.command).join(' ; '), seed: first.seed, machine: first.machine, runs: [], corpora: {}, site: {}, profiles: {} });
  for (const r of parts) {
    result.runs.push(...r.runs);
    Object.assign(result.corpora, r.corpora);
    Object.assign(result.site, r.site);
    Object.assign(result.profiles, r.profiles);
  }
  result.sizes = [...new Set(parts.flatMap((r) => r.sizes))].sort((a, b) => a - b);
  result.machine.loadAfter = parts[parts.length - 1]!.machine.loadAfter ?? parts[parts.length - 1]!.machine.loadBefore;
  (result as Result & { mergedFrom?: unknown }).mergedFrom = parts.map((r) => ({ date: r.date, sizes: r.sizes, loadBefore: r.machine.loadBefore, loadAfter: r.machine.loadAfter }));
  save();
  console.log(markdown());
  process.exit(0);
}

mkdirSync(TMP, { recursive: true });
console.log(`Benchmark: sizes ${SIZES.join(', ')}; stages ${STAGES.join(', ')}; ${result.machine.cores} cores, Node ${result.machine.node}, load ${result.machine.loadBefore.join(' ')}`);
for (const size of SIZES) {
  const corpus = join(TMP, `corpus-${size}`);
  const work = join(TMP, `work-${size}`);
  // A stage must never read what an earlier run left.
  rmSync(work, { recursive: true, force: true });
  const t = performance.now();
  const out = execFileSync(NODE, [join(ROOT, 'scripts', 'gen-corpus.ts'), '--versions', String(size), '--seed', String(SEED), '--out', corpus], { encoding: 'utf8', maxBuffer: 1 << 24 });
  const genMs = performance.now() - t;
  const files = readdirSync(corpus).filter((f) => /\.(txt|md)$/.test(f));
  const truth = JSON.parse(readFileSync(join(corpus, '.palimpsest-gen.json'), 'utf8')) as { series: unknown[] };
  result.corpora[size] = { files: files.length, series: truth.series.length, bytes: files.reduce((s, f) => s + statSync(join(corpus, f)).size, 0), genMs };
  console.log(`\n${out.trim()}`);
  for (const stage of STAGES) {
    let run: Run;
    if (stage === 'render') run = await renderStage(size, corpus);
    else if (stage === 'trivial') {
      const render = result.runs.find((r) => (r.stage === 'render' || r.stage === 'build') && r.size === size && r.ok);
      // As many pages as the site built; without a finished render there is nothing to match.
      const pages = render?.facts.pages as number | undefined;
      if (!pages) continue;
      run = await trivialStage(size, pages);
    } else if (stage === 'search') run = await searchStage(size);
    else if (stage === 'build') run = await buildStage(size, corpus);
    else run = await coreStage(stage, size, corpus, work);
    result.runs.push(run);
    console.log(`  ${stage.padEnd(8)} ${run.ok ? '' : 'FAILED '}wall ${fmtMs(run.wallMs)}, work ${fmtMs(run.workMs)} (${fmtPer(run.workMs / size)} a version), peak RSS ${Math.round(run.rssMb)} MB ${JSON.stringify(run.facts)}${run.note ? ` ${run.note}` : ''}  load ${loadavg()[0]!.toFixed(2)}`);
    if (PROFILE.has(stage)) {
      const file = join(TMP, 'prof', `${stage}-${size}.cpuprofile`);
      if (existsSync(file)) result.profiles[`${stage} ${size}`] = { file: relative(ROOT, file), top: topFunctions(file), inclusive: topInclusive(file) };
    }
    save();
  }
  const facts = siteFacts(size);
  if (facts) result.site[size] = facts;
  save();
}
result.machine.loadAfter = loadavg().map((x) => Math.round(x * 100) / 100);
save();
console.log(`\n${markdown()}`);
