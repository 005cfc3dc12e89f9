/**
 * The saving of incremental rebuilds (issue 5): the pipeline's core stages
 * (ingest and parse, series grouping, alignment with redlines of successive
 * versions, lineages) over a generated corpus, three times in one run:
 *
 *   cold  — an empty cache folder;
 *   warm  — the same corpus again, every result from the cache;
 *   edit  — one document changed: it is parsed again, and only the pairs and
 *           lineage of its series are aligned again.
 *
 *   node scripts/bench-incremental.ts [--versions 500] [--seed 1]
 *
 * Each run is a child process of its own (fresh memory, no memo), timed by
 * the wall clock; the cache hits and misses of each run are printed with it.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { cpus, loadavg } from 'node:os';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(name);
  return i === -1 ? fallback : process.argv[i + 1]!;
};

if (process.argv[2] === '--run') {
  // The child: the core stages over a folder, through the cache.
  const { loadCorpus } = await import('../src/lib/ingest/corpus.ts');
  const { folderCache } = await import('../src/lib/cache.ts');
  const { groupSeries } = await import('../src/lib/series/group.ts');
  const { alignCached, lineageCached } = await import('../src/lib/stages.ts');
  const [dir, cacheDir] = [process.argv[3]!, process.argv[4]!];
  const t0 = performance.now();
  const cache = folderCache(cacheDir);
  const records = loadCorpus(dir, { cache }).documents.flatMap((d) => d.resolutions);
  const byId = new Map(records.map((r) => [r.id, r]));
  const series = groupSeries(records).series;
  for (const s of series) {
    const versions = s.versions.map((v) => byId.get(v.id)!);
    for (let i = 1; i < versions.length; i++) alignCached(versions[i - 1]!, versions[i]!, { redline: true }, cache);
    if (versions.length > 1) lineageCached(versions, {}, cache);
  }
  process.stdout.write(JSON.stringify({ ms: performance.now() - t0, versions: records.length, series: series.length, stats: cache.stats }));
  process.exit(0);
}

const versions = Number(arg('--versions', '500'));
const seed = arg('--seed', '1');
const root = new URL('..', import.meta.url).pathname;
const tmp = join(root, 'bench', 'tmp', `incremental-${versions}`);
rmSync(tmp, { recursive: true, force: true });
mkdirSync(tmp, { recursive: true });
const corpus = join(tmp, 'corpus');
const cacheDir = join(tmp, 'cache');
const gen = spawnSync(process.execPath, [join(root, 'scripts/gen-corpus.ts'), '--versions', String(versions), '--seed', seed, '--out', corpus], { encoding: 'utf8' });
if (gen.status !== 0) throw new Error(gen.stderr);

const run = (label: string) => {
  const r = spawnSync(process.execPath, [new URL(import.meta.url).pathname, '--run', corpus, cacheDir], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(r.stderr);
  const out = JSON.parse(r.stdout) as { ms: number; versions: number; series: number; stats: Record<string, { hits: number; misses: number }> };
  const stats = Object.entries(out.stats).map(([stage, s]) => `${stage} ${s.hits} hit / ${s.misses} miss`).join(', ');
  return { label, ...out, line: `${label.padEnd(5)} ${(out.ms / 1000).toFixed(1).padStart(7)} s   ${stats}` };
};

console.log(`Incremental rebuild, ${versions} versions (seed ${seed}); ${cpus().length} cores, Node ${process.version}, load ${loadavg().map((x) => x.toFixed(2)).join(' / ')}`);
const cold = run('cold');
console.log(`${cold.versions} versions in ${cold.series} series`);
console.log(cold.line);
const warm = run('warm');
console.log(warm.line);
const file = readdirSync(corpus).filter((f) => /\.(txt|md)$/.test(f)).sort()[0]!;
appendFileSync(join(corpus, file), '\n1234th plenary meeting\n');
const edit = run('edit');
console.log(edit.line);
console.log(`(edited ${file})`);
console.log(`warm / cold: ${(warm.ms / cold.ms).toFixed(3)}; one edit / cold: ${(edit.ms / cold.ms).toFixed(3)}`);
