/**
 * Parse speed: parseBytes over every document of a folder, in ms per version.
 *
 *   node scripts/bench-parse.ts --dir DIR [--rounds N] [--compare OTHER_LIB_INDEX]
 *
 * With --compare, a second copy of the core (another checkout's
 * src/lib/index.ts, e.g. a snapshot of an older version) is timed in the same
 * run, rounds interleaved so that both see the same machine load, and the
 * results of the two are checked to be identical.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseBytes } from '../src/lib/index.ts';
import { DOCUMENT_EXTENSIONS } from '../src/lib/ingest/corpus.ts';

type Parse = typeof parseBytes;

const argv = process.argv.slice(2);
const opt = (name: string): string | undefined => {
  const i = argv.indexOf(`--${name}`);
  return i === -1 ? undefined : argv[i + 1];
};
const dir = opt('dir');
if (!dir) {
  console.error('usage: node scripts/bench-parse.ts --dir DIR [--rounds N] [--compare OTHER_LIB_INDEX]');
  process.exit(2);
}
const rounds = Number(opt('rounds') ?? 3);
const compare = opt('compare');

const files = readdirSync(dir)
  .filter((n) => DOCUMENT_EXTENSIONS.test(n))
  .sort()
  .map((n) => ({ name: join(dir, n), bytes: readFileSync(join(dir, n)) }));

const candidates: { label: string; parse: Parse }[] = [{ label: 'current', parse: parseBytes }];
if (compare) {
  const other = (await import(pathToFileURL(resolve(compare)).href)) as { parseBytes: Parse };
  candidates.unshift({ label: compare, parse: other.parseBytes });
}

let versions = 0;
for (const f of files) versions += parseBytes(f.bytes, f.name).resolutions.length;

if (compare) {
  let differ = 0;
  for (const f of files) if (!isDeepStrictEqual(candidates[0]!.parse(f.bytes, f.name), candidates[1]!.parse(f.bytes, f.name))) differ++;
  console.log(differ ? `results DIFFER for ${differ} file(s)` : `results identical for all ${files.length} files`);
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
