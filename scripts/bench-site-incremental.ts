/**
 * The incremental site build at scale (issue 14): over the output and cache
 * that `node scripts/bench.ts --sizes N --stages build` left in bench/tmp/
 * (a build from scratch of the generated corpus of N versions, the baseline),
 * one new version is added to an existing series, and `npm run build` runs
 * again: its wall time and peak memory (the process tree, /usr/bin/time -v),
 * the groups of pages it rendered, and the files it removed. Then the
 * version is taken out again, and the build runs once more.
 *
 *   node scripts/bench-site-incremental.ts [--size 10000] [--name results-…]
 *
 * The new version is next year's text of the latest version of a series,
 * an adopted resolution: its symbol, session (number and ordinal) and dates a year on, one
 * preambular paragraph reworded, so that the series grouping puts it in that
 * series (the build says how many groups of pages it rendered: one).
 * That the output equals a build from scratch is proved at a small size by
 * tests/incremental-build.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { ordinalWord } from './gen-corpus.ts';

const upper = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);

const ROOT = join(import.meta.dirname, '..');
const TMP = join(ROOT, 'bench', 'tmp');
const arg = (name: string, fallback: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1]! : fallback);
const SIZE = Number(arg('--size', '10000'));
const NAME = arg('--name', `results-${new Date().toISOString().slice(0, 10)}-site-incremental-${SIZE}`);
const corpus = join(TMP, `corpus-${SIZE}`);
const out = join(TMP, `build-${SIZE}`);
const cache = join(TMP, `build-cache-${SIZE}`);
if (!existsSync(join(out, 'index.html')) || !existsSync(join(cache, 'site', 'build.json'))) {
  process.stderr.write(`bench-site-incremental: no build of ${SIZE} versions to start from; run node scripts/bench.ts --sizes ${SIZE} --stages build first\n`);
  process.exit(2);
}

// A series whose latest version is an adopted resolution of a file of its own (the data index of the build
// says which), and next year's text of it.
const index = JSON.parse(readFileSync(join(out, 'data', 'index.json'), 'utf8')) as { series: { slug: string; versions: string[] }[] };
const files = new Set(readdirSync(corpus));
const last = index.series
  .map((x) => /^a-res-(\d+)-(\d+)$/.exec(x.versions.at(-1)!))
  .flatMap((m) => (m ? readdirSync(corpus).filter((f) => new RegExp(`^ga${m[1]}-\\d+-resolution-${m[1]}-${m[2]}\\.txt$`).test(f)) : []))
  .filter((f) => files.has(f))
  .sort()
  .at(-1);
if (!last) {
  process.stderr.write('bench-site-incremental: no series of the corpus ends with a resolution of a file of its own\n');
  process.exit(2);
}
const [, session, year, number] = /^ga(\d+)-(\d+)-resolution-\d+-(\d+)\.txt$/.exec(last)!;
const [s, y] = [Number(session), Number(year)];
const next = readFileSync(join(corpus, last), 'utf8')
  .replaceAll(`A/RES/${s}/${number}`, `A/RES/${s + 1}/${number}`)
  .replaceAll(`${s}/${number}. `, `${s + 1}/${number}. `)
  .replaceAll(String(y + 1), String(y + 2))
  .replaceAll(String(y), String(y + 1))
  .replace(new RegExp(`^${upper(ordinalWord(s))} session$`, 'm'), `${upper(ordinalWord(s + 1))} session`)
  .replace(/^Expressing its grave concern/m, 'Expressing its deep concern');
const added = `ga${s + 1}-${y + 1}-resolution-${s + 1}-${number}.txt`;

function build(label: string) {
  const env = { ...process.env, PALIMPSEST_CONTENT: corpus, PALIMPSEST_CACHE: cache, PALIMPSEST_OUT: out, ASTRO_TELEMETRY_DISABLED: '1' };
  const t0 = performance.now();
  const r = spawnSync('/usr/bin/time', ['-v', process.execPath, join(ROOT, 'scripts', 'build.ts')], { cwd: ROOT, env, encoding: 'utf8', maxBuffer: 1 << 28 });
  const wall = (performance.now() - t0) / 1000;
  const rss = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)?.[1] ?? 0) / 1024;
  const lines = r.stdout.split('\n').filter((l) => l.startsWith('build: '));
  if (r.status !== 0) throw new Error(`${label}: the build failed\n${r.stdout.slice(-4000)}\n${r.stderr.slice(-4000)}`);
  return { label, wall, rss, lines };
}

const before = loadavg();
writeFileSync(join(corpus, added), next);
let runs;
try {
  runs = [build(`add ${added}`)];
} finally {
  rmSync(join(corpus, added), { force: true });
}
runs.push(build(`take ${added} out again`));

const report = [
  `# Incremental site build, ${SIZE} versions`,
  '',
  `Command: \`node scripts/bench-site-incremental.ts --size ${SIZE}\`, over the build from scratch that \`node scripts/bench.ts --sizes ${SIZE} --stages build\` made just before (its figures are the baseline).`,
  '',
  `Machine: ${cpus().length} cores, Node ${process.version}; load average before ${before.map((x) => x.toFixed(2)).join(' / ')}, after ${loadavg().map((x) => x.toFixed(2)).join(' / ')}. Peak RSS is /usr/bin/time's for the process tree's largest process.`,
  '',
  '| step | wall | peak RSS | what the build said |',
  '| --- | ---: | ---: | --- |',
  ...runs.map((r) => `| ${r.label} | ${r.wall.toFixed(1)} s | ${Math.round(r.rss)} MB | ${r.lines.filter((l) => !l.startsWith('build: done')).join('; ').replaceAll('|', '\\|')} |`),
  '',
];
writeFileSync(join(ROOT, 'bench', `${NAME}.md`), report.join('\n'));
process.stdout.write(report.join('\n'));
