/**
 * The prepare step: the expensive stages of the core run ahead of the site
 * build, in parallel processes, into the content-hash cache (cache.ts) that
 * the build then reads. Nothing here decides what a page shows: each worker
 * calls the same cached stages with the same inputs as the pages do
 * (parseCached with loadCorpus's file names, lineageCached and alignCached
 * with SITE_ALIGN_OPTIONS), so that every entry it writes is one the build
 * looks up. Whatever a worker leaves out (it died, or was never started),
 * the build computes itself: the prepare step can only save time.
 *
 * Two phases, each split across workers by size:
 *
 * 1. parse: the content folder's files, balanced by bytes;
 * 2. series: for each series of several versions (grouped once, by the
 *    caller, as the site groups them), its lineage and the alignments of the
 *    precomputed pairs (series/pairs.ts) that the site does not take from
 *    the lineage, balanced by the paragraphs the alignments compare.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serialize, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { ResolutionRecord } from './model.ts';
import type { ListAlignment } from './align/align.ts';
import type { Lineage } from './series/lineage.ts';
import { codeFingerprint, folderCache, type Cache } from './cache.ts';
import { readDocument } from './ingest/corpus.ts';
import { alignCached, lineageCached, SITE_ALIGN_OPTIONS } from './stages.ts';
import { precomputedPairs } from './series/pairs.ts';

// ---------------------------------------------------------------------------
// The work of one worker

/** Parse files into the cache (a file that cannot be read is left for the build to report). */
export function prepareDocuments(files: readonly string[], cache: Cache): ItemFailure[] {
  const failed: ItemFailure[] = [];
  for (const file of files) {
    try {
      readDocument(file, cache);
    } catch (error) {
      failed.push({ item: file, message: errorMessage(error) });
    }
  }
  return failed;
}

/** True when every pair, split and merge of an alignment (sub-paragraphs too) carries its redline. */
export function carriesRedlines(list: ListAlignment): boolean {
  return list.pairs.every((p) => p.redline !== undefined && (!p.subparagraphs || carriesRedlines(p.subparagraphs)))
    && list.splits.every((x) => x.redline !== undefined)
    && list.merges.every((x) => x.redline !== undefined);
}

/**
 * True when the lineage's alignments of successive versions can serve the
 * compare pages as they are (they carry redlines): the site then takes them
 * from the lineage rather than aligning the pair again (src/site/data.ts,
 * alignmentOf, decides the same way).
 */
export function lineageServesSteps(lineage: Lineage, versions: number): boolean {
  return lineage.alignments.length === versions - 1 && lineage.alignments.every(carriesRedlines);
}

/**
 * Fill the cache with what the site needs of one series (its versions in the
 * series' order): the lineage, and the alignments of the precomputed pairs
 * (series/pairs.ts) the lineage does not hold: each version against the
 * latest, and the successive pairs too when the lineage's alignments carry
 * no redlines.
 */
export function prepareSeries(records: readonly ResolutionRecord[], cache: Cache): void {
  const lineage = lineageCached(records, SITE_ALIGN_OPTIONS, cache);
  const steps = lineageServesSteps(lineage, records.length);
  for (const pair of precomputedPairs(records.length)) {
    if (!pair.successive || !steps) alignCached(records[pair.a]!, records[pair.b]!, SITE_ALIGN_OPTIONS, cache);
  }
}

/** Paragraphs of a version (preamble and operative part), at least 1. */
export function paragraphCount(record: ResolutionRecord): number {
  let n = 0;
  for (const c of record.tree.children) if (c.type === 'preamble' || c.type === 'operativePart') n += c.children.length;
  return Math.max(1, n);
}

/** The relative cost of preparing a series: paragraphs × paragraphs over the pairs it aligns. */
export function seriesCost(records: readonly ResolutionRecord[]): number {
  const sizes = records.map(paragraphCount);
  return precomputedPairs(records.length).reduce((sum, p) => sum + sizes[p.a]! * sizes[p.b]!, 0);
}

/**
 * Split items into at most `count` shards of about equal total size: largest
 * first, each to the lightest shard so far (ties to the first). Deterministic;
 * each shard keeps the items' order; no shard is empty.
 */
export function shardBySize<T>(items: readonly T[], size: (item: T) => number, count: number): T[][] {
  const n = Math.max(1, Math.min(Math.floor(count), items.length));
  const sizes = items.map(size);
  const order = items.map((_, i) => i).sort((a, b) => sizes[b]! - sizes[a]! || a - b);
  const loads = new Array<number>(n).fill(0);
  const members: number[][] = Array.from({ length: n }, () => []);
  for (const i of order) {
    let k = 0;
    for (let j = 1; j < n; j++) if (loads[j]! < loads[k]!) k = j;
    loads[k]! += sizes[i]!;
    members[k]!.push(i);
  }
  return members.filter((m) => m.length).map((m) => m.sort((a, b) => a - b).map((i) => items[i]!));
}

export type PrepareJob = {
  cacheDir: string;
  /** The core's code fingerprint as the step's caller sees it (cache.ts): a worker that sees other code refuses the job. */
  fingerprint: string;
} & ({ stage: 'parse'; files: string[] } | { stage: 'series'; series: ResolutionRecord[][] });

export interface ItemFailure {
  /** The file, or the series (its first version's id). */
  item: string;
  message: string;
}

export interface JobResult {
  stage: PrepareJob['stage'];
  items: number;
  failed: ItemFailure[];
  stats: Cache['stats'];
  /** Time of the job, and processor time of the whole worker (its start included). */
  ms: number;
  cpuMs: number;
}

/** Stands for an entry that is in the cache and was not read. */
const PRESENT: unknown = Object.freeze({ present: true });

/**
 * The cache folder as the prepare step uses it: an entry that is there
 * already is a hit without being read (a warm cache then costs a look at
 * each file, not the parsing of every entry), except in the stages named in
 * `read`, whose entries the step needs; new entries are written as
 * folderCache writes them (<dir>/<stage>/<key>.json), for folderCache to read.
 * A hit of any other stage returns a stand-in, not the result: only for filling.
 */
export function fillingCache(dir: string, read: readonly string[] = []): Cache {
  const folder = folderCache(dir);
  const stats: Cache['stats'] = {};
  const counter = (stage: string) => (stats[stage] ??= { hits: 0, misses: 0 });
  return {
    stats,
    get<T>(stage: string, key: string): T | undefined {
      const value = read.includes(stage) ? folder.get<T>(stage, key) : existsSync(join(dir, stage, `${key}.json`)) ? (PRESENT as T) : undefined;
      counter(stage)[value === undefined ? 'misses' : 'hits']++;
      return value;
    },
    set: (stage, key, value) => folder.set(stage, key, value),
  };
}

/** What a worker does with its job. */
export function runPrepareJob(job: PrepareJob): JobResult {
  const start = performance.now();
  if (codeFingerprint() !== job.fingerprint) {
    throw new Error('the core (src/lib) changed while the prepare step ran: what this worker computed would be keyed for other code');
  }
  // The lineage is read when it is there: whether its alignments carry redlines decides which pairs to align.
  const cache = fillingCache(job.cacheDir, ['lineage']);
  let failed: ItemFailure[] = [];
  if (job.stage === 'parse') failed = prepareDocuments(job.files, cache);
  else {
    job.series.forEach((records, k) => {
      try {
        prepareSeries(records, cache);
      } catch (error) {
        failed.push({ item: records[0]?.id ?? '(empty series)', message: errorMessage(error) });
      }
      // Done with: its records (and what the core keeps of them) can go.
      job.series[k] = [];
    });
  }
  const items = job.stage === 'parse' ? job.files.length : job.series.length;
  const cpu = process.cpuUsage();
  return { stage: job.stage, items, failed, stats: cache.stats, ms: Math.round(performance.now() - start), cpuMs: Math.round((cpu.user + cpu.system) / 1000) };
}

/** An error's message and the top of its stack. */
function errorMessage(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message).split('\n').slice(0, 6).join('\n') : String(error);
}

// ---------------------------------------------------------------------------
// Running workers

/**
 * The flags a child node process needs to run TypeScript: none from Node 22.18
 * (and 23.6) on, where type stripping is on by default and on in this process;
 * before, the flag that turns it on (as bin/palimpsest.js re-executes itself).
 * This process may have been started with the flag, so its own
 * process.features.typescript does not tell what a child gets by default.
 */
export function typeStrippingFlags(): string[] {
  const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
  const byDefault = major > 23 || (major === 23 && minor >= 6) || (major === 22 && minor >= 18);
  return byDefault && process.features.typescript ? [] : ['--experimental-strip-types', '--no-warnings=ExperimentalWarning'];
}

export interface WorkerOutcome {
  /** 0-based index of the job. */
  index: number;
  /** The worker's result; null when it failed (see `error`). */
  result: JobResult | null;
  /** Why the worker failed: its exit status and the end of what it wrote to stderr. */
  error: string | null;
}

/**
 * Run each job in a child process of its own (`node <workerScript> <job file>`),
 * all at once, and wait for every one. Never rejects: a worker that cannot
 * start, exits with an error, is killed or answers nonsense is an outcome
 * with an `error`.
 */
export async function runWorkers(workerScript: string, jobs: readonly PrepareJob[] | (() => readonly PrepareJob[])): Promise<WorkerOutcome[]> {
  const dir = mkdtempSync(join(tmpdir(), 'palimpsest-prepare-'));
  try {
    // The jobs are written, then let go of (when given as a function): while the workers run, this
    // process holds none of the records it handed over.
    const files = writeJobFiles(dir, typeof jobs === 'function' ? jobs() : jobs);
    if (typeof jobs === 'function') releaseMemory();
    return await Promise.all(files.map((jobFile, index) => runWorker(workerScript, jobFile, index)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function writeJobFiles(dir: string, jobs: readonly PrepareJob[]): string[] {
  return jobs.map((job, index) => {
    const jobFile = join(dir, `job-${index}.bin`);
    writeFileSync(jobFile, serialize(job));
    return jobFile;
  });
}

/**
 * A full garbage collection now, so that the memory of what this process has
 * let go of is returned before it waits on its workers (an idle process is
 * otherwise not collected, and at 10,000 versions it held 2 GB of records and
 * grouping beside them). `gc` is exposed for this call only.
 */
function releaseMemory(): void {
  try {
    setFlagsFromString('--expose-gc');
    (runInNewContext('gc') as () => void)();
  } catch {
    // Not essential: without it, the memory is returned when the process ends.
  }
}

function runWorker(workerScript: string, jobFile: string, index: number): Promise<WorkerOutcome> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...typeStrippingFlags(), workerScript, jobFile], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr = (stderr + s).slice(-20_000)));
    let spawnError: Error | null = null;
    child.on('error', (error) => (spawnError = error));
    child.on('close', (code, signal) => {
      // The end of stderr, without stack frames, so that an uncaught error's message is in it.
      const tail = stderr.trim().split('\n').filter((l) => !/^\s+at /.test(l)).slice(-12).join('\n');
      const fail = (why: string) => resolve({ index, result: null, error: `${why}${tail ? `:\n${tail}` : ''}` });
      if (spawnError) return fail(`could not start (${spawnError.message})`);
      if (signal) return fail(`was killed (${signal})`);
      if (code !== 0) return fail(`exited with status ${code}`);
      const last = stdout.trim().split('\n').pop() ?? '';
      try {
        const result = JSON.parse(last) as JobResult;
        if (typeof result?.items !== 'number') throw new Error('no result');
        resolve({ index, result, error: null });
      } catch {
        fail('ended without a result');
      }
    });
  });
}

// ---------------------------------------------------------------------------
// The whole step

export interface PrepareOptions {
  /** The documents, as the build's loadCorpus names them (see documentFiles in ingest/corpus.ts). */
  files: readonly { file: string; bytes: number }[];
  /** The cache folder the build reads. */
  cacheDir: string;
  /** How many worker processes (os.availableParallelism() for the build). */
  workers: number;
  /** The worker script: reads the job file named by its argument, runs runPrepareJob, prints the result as JSON. */
  workerScript: string;
  /**
   * The series of several versions, each its records in the series' order, as
   * the build groups them; called after the parse phase (the records then come
   * from the cache). Throwing skips the series phase.
   */
  series: () => ResolutionRecord[][];
  /** Progress lines. */
  log?: (line: string) => void;
}

export interface PhaseSummary {
  items: number;
  workers: number;
  /** Time of the phase, and processor time of its workers (per worker, in job order; 0 for a failed one). */
  ms: number;
  cpuMs: number[];
  /** Cache lookups of the workers, by stage: hits were done before, misses done now. */
  stats: Cache['stats'];
  /** Workers that failed, and items a worker could not do. */
  errors: string[];
}

export interface PrepareSummary {
  parse: PhaseSummary;
  /** Null when the series could not be grouped. */
  series: PhaseSummary | null;
  /** Time to group the series (reading the parsed documents back from the cache). */
  groupMs: number;
  /** Every error, one message each; empty when everything was prepared. */
  errors: string[];
}

/** Run one phase; `makeJobs` is called once, and its jobs are not kept once written (see runWorkers). */
async function phase(name: string, workerScript: string, makeJobs: () => PrepareJob[], items: number, describe: (job: PrepareJob) => string): Promise<PhaseSummary> {
  const start = performance.now();
  let names: string[] = [];
  const outcomes = await runWorkers(workerScript, () => {
    const jobs = makeJobs();
    names = jobs.map(describe);
    return jobs;
  });
  const errors: string[] = [];
  for (const o of outcomes) {
    const who = `${name} worker ${o.index + 1} of ${names.length} (${names[o.index]})`;
    if (o.error !== null) errors.push(`${who} ${o.error}`);
    for (const f of o.result?.failed ?? []) errors.push(`${who} failed on ${f.item}: ${f.message}`);
  }
  const stats: Cache['stats'] = {};
  for (const o of outcomes) {
    for (const [stage, c] of Object.entries(o.result?.stats ?? {})) {
      const sum = (stats[stage] ??= { hits: 0, misses: 0 });
      sum.hits += c.hits;
      sum.misses += c.misses;
    }
  }
  return { items, workers: names.length, ms: Math.round(performance.now() - start), cpuMs: outcomes.map((o) => o.result?.cpuMs ?? 0), stats, errors };
}

/** "parse 3 new, 727 cached; lineage 59 new, 0 cached". */
function done(stats: Cache['stats']): string {
  return Object.entries(stats).map(([stage, c]) => `${stage} ${c.misses} new, ${c.hits} cached`).join('; ') || 'nothing to do';
}

/** Parse every file, then prepare every series, each phase split across `workers` processes. */
export async function prepareCache(options: PrepareOptions): Promise<PrepareSummary> {
  const { cacheDir, workerScript, log = () => {} } = options;
  // Fixed now, for the workers and for the grouping in this process (codeFingerprint keeps the first it computes).
  const fingerprint = codeFingerprint();
  const fileShards = shardBySize(options.files, (f) => f.bytes, options.workers);
  const parse = await phase(
    'parse',
    workerScript,
    () => fileShards.map((shard) => ({ stage: 'parse', cacheDir, fingerprint, files: shard.map((f) => f.file) })),
    options.files.length,
    (job) => `${job.stage === 'parse' ? job.files.length : 0} files`,
  );
  log(`prepare: parsed ${options.files.length} files in ${parse.ms} ms (${parse.workers} worker(s), processor ${parse.cpuMs.join(' + ')} ms; ${done(parse.stats)})`);

  const groupStart = performance.now();
  let series: ResolutionRecord[][] | null = null;
  const errors = [...parse.errors];
  try {
    series = options.series().filter((s) => s.length > 1);
  } catch (error) {
    errors.push(`cannot group the series: ${errorMessage(error)}`);
  }
  const groupMs = Math.round(performance.now() - groupStart);
  let seriesSummary: PhaseSummary | null = null;
  if (series) {
    const count = series.length;
    log(`prepare: grouped ${count} series of several versions in ${groupMs} ms`);
    // Handed to the workers and then let go of: this process keeps no record while they run.
    let shards: ResolutionRecord[][][] | null = shardBySize(series, seriesCost, options.workers);
    series = null;
    seriesSummary = await phase(
      'series',
      workerScript,
      () => {
        const jobs = shards!.map((shard): PrepareJob => ({ stage: 'series', cacheDir, fingerprint, series: shard }));
        shards = null;
        return jobs;
      },
      count,
      (job) => `${job.stage === 'series' ? job.series.length : 0} series`,
    );
    errors.push(...seriesSummary.errors);
    log(`prepare: aligned ${count} series in ${seriesSummary.ms} ms (${seriesSummary.workers} worker(s), processor ${seriesSummary.cpuMs.join(' + ')} ms; ${done(seriesSummary.stats)})`);
  }
  return { parse, series: seriesSummary, groupMs, errors };
}
