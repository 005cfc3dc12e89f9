/**
 * Parse speed: parseBytes over every document of a folder, in ms per version.
 *
 *   node scripts/bench-parse.ts --dir DIR [--dir DIR2 …] [--rounds N] [--compare OTHER_LIB_INDEX | --baseline COMMIT]
 *
 * With --baseline, the core of that commit (its src/lib, taken out with
 * `git archive` into bench/tmp/) is the copy compared against, and the ratio
 * of the two medians is printed: the figure the parse work is held to.
 *
 * With --compare, a second copy of the core (another checkout's
 * src/lib/index.ts, e.g. a snapshot of an older version) is timed in the same
 * run, rounds interleaved so that both see the same machine load, and the
 * results of the two are checked to be identical.
 */
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { isDeepStrictEqual } from 'node:util';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseBytes } from '../src/lib/index.ts';
import { documentFiles } from '../src/lib/ingest/corpus.ts';

type Parse = typeof parseBytes;

const argv = process.argv.slice(2);
const opt = (name: string): string | undefined => {
  const i = argv.indexOf(`--${name}`);
  return i === -1 ? undefined : argv[i + 1];
};
const dirs = argv.flatMap((a, i) => (argv[i - 1] === '--dir' ? [a] : []));
if (!dirs.length) {
  console.error('usage: node scripts/bench-parse.ts --dir DIR [--dir DIR2 …] [--rounds N] [--compare OTHER_LIB_INDEX | --baseline COMMIT]');
  process.exit(2);
}
const rounds = Number(opt('rounds') ?? 3);
const baseline = opt('baseline');
let compare = opt('compare');
if (baseline) {
  // The baseline's core, as it was at that commit; inside the repository so that it finds node_modules.
  const out = resolve('bench/tmp', `baseline-${baseline}`);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  execFileSync('sh', ['-c', `git archive ${baseline} src/lib | tar -x -C ${JSON.stringify(out)}`]);
  compare = join(out, 'src/lib/index.ts');
}

const files = dirs.flatMap((dir) =>
  documentFiles(dir).map((name) => ({ name, bytes: readFileSync(name) })),
);

const candidates: { label: string; parse: Parse }[] = [{ label: 'current', parse: parseBytes }];
if (compare) {
  const other = (await import(pathToFileURL(resolve(compare)).href)) as { parseBytes: Parse };
  candidates.unshift({ label: baseline ? `baseline ${baseline}` : compare, parse: other.parseBytes });
}

let versions = 0;
for (const f of files) versions += parseBytes(f.bytes, f.name).resolutions.length;

if (compare) {
  let differ = 0;
  for (const f of files) if (!isDeepStrictEqual(candidates[0]!.parse(f.bytes, f.name), candidates[1]!.parse(f.bytes, f.name))) differ++;
  console.log(differ ? `results differ for ${differ} of ${files.length} file(s)` : `results identical for all ${files.length} files`);
}

const times = new Map<string, number[]>(candidates.map((c) => [c.label, []]));
for (let r = 0; r < rounds; r++) {
  for (const c of r % 2 ? [...candidates].reverse() : candidates) {
    const t = performance.now();
    for (const f of files) c.parse(f.bytes, f.name);
    times.get(c.label)!.push(performance.now() - t);
  }
}

const bytes = files.reduce((s, f) => s + f.bytes.length, 0);
console.log(`${files.length} files, ${versions} versions, ${(bytes / 1e6).toFixed(1)} MB, ${rounds} round(s)`);
for (const [label, ts] of times) {
  const best = Math.min(...ts);
  const median = [...ts].sort((a, b) => a - b)[Math.floor(ts.length / 2)]!;
  console.log(`${label}: best ${(best / versions).toFixed(2)} ms/version, median ${(median / versions).toFixed(2)} ms/version (${ts.map((t) => Math.round(t)).join(', ')} ms)`);
}

if (candidates.length === 2) {
  const median = (ts: number[]) => [...ts].sort((a, b) => a - b)[Math.floor(ts.length / 2)]!;
  const [base, current] = candidates.map((c) => median(times.get(c.label)!));
  console.log(`ratio current / ${candidates[0]!.label}: ${(current! / base!).toFixed(2)}x (medians of ${rounds} interleaved rounds)`);
}
