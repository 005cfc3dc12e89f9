/**
 * One stage of the benchmark, run by scripts/bench.ts in a child process of
 * its own so that its peak memory (RSS) is its own.
 *
 *   node scripts/bench-stage.ts STAGE CORPUS_DIR WORK_DIR
 *
 * Stages and what they hand to the next (in WORK_DIR):
 *   parse    loadCorpus over CORPUS_DIR, no cache          → records.bin
 *   series   groupSeries over the records                  → series.json
 *   align    seriesLineage of every series (the alignment of successive versions and the blame)
 *   redline  alignVersions with redlines for every pair of successive versions
 *            (what a compare page needs)                   → pairs/a/K.txt, pairs/b/K.txt
 *   jsdiff   baseline: jsdiff diffWords over the whole texts of the same pairs
 *   git      baseline: git diff --no-index --word-diff over the same pairs,
 *            one process per pair, and all pairs in one process (two folders)
 *
 * Prints one line of JSON: { ms, ...facts }, where ms is the time of the work
 * itself (reading the handed-over files excluded).
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { deserialize, serialize } from 'node:v8';
import { diffWords } from 'diff';
import { loadCorpus } from '../src/lib/ingest/corpus.ts';
import { groupSeries } from '../src/lib/series/group.ts';
import { seriesLineage } from '../src/lib/series/lineage.ts';
import { alignVersions } from '../src/lib/align/align.ts';
import { unitsOf } from '../src/lib/align/units.ts';
import type { ResolutionRecord } from '../src/lib/model.ts';

const [stage, corpusDir, work] = process.argv.slice(2) as [string, string, string];
if (!stage || !corpusDir || !work) {
  console.error('usage: node scripts/bench-stage.ts STAGE CORPUS_DIR WORK_DIR');
  process.exit(2);
}
mkdirSync(work, { recursive: true });

const records = (): ResolutionRecord[] => deserialize(readFileSync(join(work, 'records.bin'))) as ResolutionRecord[];
/** Series of several versions, as record ids in the core's order. */
const seriesIds = (): string[][] => JSON.parse(readFileSync(join(work, 'series.json'), 'utf8')) as string[][];
const pairCount = (): number => Number(readFileSync(join(work, 'pairs', 'count'), 'utf8'));
const time = (fn: () => void) => {
  const t = performance.now();
  fn();
  return performance.now() - t;
};

/** The whole text of a version, as a naive tool sees it: title and paragraphs, one a line. */
function wholeText(r: ResolutionRecord): string {
  const u = unitsOf(r);
  return [r.title, ...u.preamble.map((p) => p.fullText), ...u.operative.map((p) => p.fullText)].join('\n') + '\n';
}

let out: Record<string, unknown>;
switch (stage) {
  case 'parse': {
    let corpus!: ReturnType<typeof loadCorpus>;
    const ms = time(() => (corpus = loadCorpus(corpusDir)));
    const recs = corpus.documents.flatMap((d) => d.resolutions);
    let paragraphs = 0;
    for (const r of recs) for (const c of r.tree.children) if (c.type === 'preamble' || c.type === 'operativePart') paragraphs += c.children.length;
    writeFileSync(join(work, 'records.bin'), serialize(recs));
    out = { ms, files: corpus.documents.length, versions: recs.length, paragraphs, problems: corpus.diagnostics.filter((d) => d.severity !== 'info').length };
    break;
  }
  case 'series': {
    const recs = records();
    let grouping!: ReturnType<typeof groupSeries>;
    const ms = time(() => (grouping = groupSeries(recs)));
    const multi = grouping.series.filter((s) => s.versions.length > 1);
    writeFileSync(join(work, 'series.json'), JSON.stringify(multi.map((s) => s.versions.map((v) => v.id))));
    // Against the generator's truth: series recovered exactly.
    let exact = 0;
    let truthSeries = 0;
    try {
      const truth = JSON.parse(readFileSync(join(corpusDir, '.palimpsest-gen.json'), 'utf8')) as { series: { versions: { file: string; position: number }[] }[] };
      const groupOf = new Map<string, number>();
      grouping.series.forEach((s, k) => s.versions.forEach((v) => groupOf.set(v.id, k)));
      truthSeries = truth.series.length;
      for (const s of truth.series) {
        const ids = s.versions.map((v) => `${v.file.replace(/\.[^.]+$/, '')}/${v.position}`);
        const groups = new Set(ids.map((id) => groupOf.get(id)));
        if (groups.size === 1 && grouping.series[[...groups][0]!]?.versions.length === ids.length) exact++;
      }
    } catch {
      /* not a generated corpus */
    }
    const pairs = multi.reduce((n, s) => n + s.versions.length - 1, 0);
    const allPairs = multi.reduce((n, s) => n + (s.versions.length * (s.versions.length - 1)) / 2, 0);
    out = { ms, series: grouping.series.length, multi: multi.length, pairs, allPairs, recovered: exact, truthSeries };
    break;
  }
  case 'align': {
    const recs = records();
    const byId = new Map(recs.map((r) => [r.id, r]));
    const series = seriesIds();
    let pairs = 0;
    const ms = time(() => {
      for (const ids of series) {
        const l = seriesLineage(ids.map((id) => byId.get(id)!));
        pairs += l.alignments.length;
      }
    });
    out = { ms, pairs, perPairMs: ms / (pairs || 1) };
    break;
  }
  case 'redline': {
    const recs = records();
    const byId = new Map(recs.map((r) => [r.id, r]));
    const pairs: [ResolutionRecord, ResolutionRecord][] = [];
    for (const ids of seriesIds()) for (let k = 1; k < ids.length; k++) pairs.push([byId.get(ids[k - 1]!)!, byId.get(ids[k]!)!]);
    let segments = 0;
    const ms = time(() => {
      for (const [a, b] of pairs) {
        const al = alignVersions(a, b, { redline: true });
        for (const p of al.pairs) segments += p.redline?.length ?? 0;
      }
    });
    // The same pairs as whole texts, for the baselines.
    rmSync(join(work, 'pairs'), { recursive: true, force: true });
    mkdirSync(join(work, 'pairs', 'a'), { recursive: true });
    mkdirSync(join(work, 'pairs', 'b'), { recursive: true });
    pairs.forEach(([a, b], k) => {
      writeFileSync(join(work, 'pairs', 'a', `${k}.txt`), wholeText(a));
      writeFileSync(join(work, 'pairs', 'b', `${k}.txt`), wholeText(b));
    });
    writeFileSync(join(work, 'pairs', 'count'), String(pairs.length));
    out = { ms, pairs: pairs.length, perPairMs: ms / (pairs.length || 1), segments };
    break;
  }
  case 'jsdiff': {
    const n = pairCount();
    const texts = Array.from({ length: n }, (_, k) => [readFileSync(join(work, 'pairs', 'a', `${k}.txt`), 'utf8'), readFileSync(join(work, 'pairs', 'b', `${k}.txt`), 'utf8')] as const);
    let parts = 0;
    const ms = time(() => {
      for (const [a, b] of texts) parts += diffWords(a, b).length;
    });
    out = { ms, pairs: n, perPairMs: ms / (n || 1), parts };
    break;
  }
  case 'git': {
    const n = pairCount();
    const dir = join(work, 'pairs');
    const env = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', HOME: dir };
    const git = (args: string[]) => {
      const r = spawnSync('git', ['diff', '--no-index', '--no-color', '--word-diff', ...args], { cwd: dir, env, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 26 });
      // Exit 1 means "differences found".
      if (r.status !== 0 && r.status !== 1) throw new Error(`git diff failed: ${r.stderr}`);
    };
    const each = time(() => {
      for (let k = 0; k < n; k++) git([`a/${k}.txt`, `b/${k}.txt`]);
    });
    const batch = time(() => git(['a', 'b']));
    out = { ms: each, pairs: n, perPairMs: each / (n || 1), batchMs: batch, batchPerPairMs: batch / (n || 1) };
    break;
  }
  default:
    console.error(`unknown stage ${stage}`);
    process.exit(2);
}
console.log(JSON.stringify(out));
