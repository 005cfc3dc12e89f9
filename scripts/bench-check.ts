/**
 * Benchmark of `palimpsest check` (src/lib/check/agreed.ts): one draft of
 * about 150 paragraphs (A/RES/76/187, 74 preambular and 77 operative) checked
 * against a generated corpus (scripts/gen-corpus.ts), by the shingle index
 * and, as the baseline in the same run, by a brute-force scan that scores
 * every paragraph of the corpus with the same similarity.
 *
 *   node scripts/bench-check.ts [--versions N] [--seed S] [--sample K] [--rounds R] [--browser] [--keep DIR]
 *
 * The brute-force scan of a whole draft against a large corpus takes hours,
 * so it runs on K paragraphs of the draft (default 8, spread over it) and the
 * per-paragraph times are compared. Printed: the corpus, the index (paragraphs,
 * shingles, its size as compact JSON), the time of a whole check (median of R
 * rounds), and the ratio index / brute force per paragraph, with whether both
 * found the same best source.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname } from 'node:path';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parseBytes } from '../src/lib/index.ts';
import { checkRecord, emptyCheckIndex, sourcesOf, SOURCE_FROM } from '../src/lib/check/agreed.ts';
import { wordsOf } from '../src/lib/check/words.ts';
import { wordSimilarity } from '../src/lib/check/similarity.ts';
import { addRecord } from '../src/lib/check/corpus.ts';
import { loadCheckIndex, shardCheckIndex } from '../src/lib/check/shards.ts';
import { unitsOf } from '../src/lib/align/units.ts';
import { generate } from './gen-corpus.ts';

const { values } = parseArgs({
  options: {
    versions: { type: 'string', default: '1000' },
    seed: { type: 'string', default: '7' },
    sample: { type: 'string', default: '8' },
    rounds: { type: 'string', default: '5' },
    browser: { type: 'boolean', default: false },
    keep: { type: 'string' },
    draft: { type: 'string', default: 'series' },
  },
});
const versions = Number(values.versions);
const sample = Number(values.sample);
const rounds = Number(values.rounds);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (t: number) => `${t.toFixed(1)} ms`;

// Parsed and indexed a file at a time, so that the trees of 10,000 versions are not all held at once.
const t0 = performance.now();
const generated = generate({ versions, seed: Number(values.seed) });
const index = emptyCheckIndex();
let texts = 0;
let indexTime = 0;
for (const [name, text] of generated.files) {
  for (const r of parseBytes(new TextEncoder().encode(text), name).resolutions) {
    const t = performance.now();
    addRecord(index, r);
    indexTime += performance.now() - t;
    texts++;
  }
}
// The draft: by default next year's text of a recurring resolution, i.e. the latest adopted version of the generated
// series with the most paragraphs (it is in the corpus, so left out as identical: its sources are the series' earlier
// versions and whatever else carries its paragraphs). --draft 76-187: A/RES/76/187 of the seeds, whose paragraphs the
// generator scatters at random over all its series (each first version draws from the seeds' paragraphs): the case
// where a draft's sources lie all over the corpus.
const REAL = join(import.meta.dirname, '..', 'content', 'ga76-2021-resolution-76-187.txt');
let draftName = 'A/RES/76/187 (seeds)';
let draftText = readFileSync(REAL, 'utf8');
if (values.draft === 'series') {
  const last = generated.series
    .map((s) => s.versions[s.versions.length - 1]!)
    .filter((v) => v.stage === 'adopted')
    .sort((a, b) => b.preamble + b.operative - (a.preamble + a.operative) || a.file.localeCompare(b.file))[0]!;
  draftName = `${last.symbol} (generated, the latest of its series, ${last.preamble + last.operative} paragraphs)`;
  draftText = generated.files.get(last.file)!;
} else if (values.draft !== '76-187') throw new Error('--draft: series or 76-187');
generated.files.clear();
const parseTime = performance.now() - t0 - indexTime;
const t1 = performance.now();
const files = shardCheckIndex(index);
const shardTime = performance.now() - t1;
let indexBytes = 0;
for (const v of files.values()) indexBytes += typeof v === 'string' ? Buffer.byteLength(v) : v.length;
const paragraphCount = index.versions.reduce((n, v) => n + v.paragraphs, 0);

const draft = parseBytes(new TextEncoder().encode(draftText), 'draft').resolutions[0]!;
const units = unitsOf(draft);
const paragraphs = [...units.preamble, ...units.operative];

const whole: number[] = [];
let result = checkRecord(draft, index);
for (let r = 0; r < rounds; r++) {
  const t = performance.now();
  result = checkRecord(draft, index);
  whole.push(performance.now() - t);
}

// The way the check page and `palimpsest check --index` go: only the shards the draft needs, read and parsed
// (here from memory; the CLI reads the same files from disk), then the same check on the texts they hold.
const sharded: number[] = [];
let fetched = { files: 0, bytes: 0 };
let shardedResult = result;
for (let r = 0; r < rounds; r++) {
  const t = performance.now();
  const loaded = await loadCheckIndex(draft, { json: async (path) => JSON.parse(files.get(path) as string), bytes: async (path) => files.get(path) as Uint8Array });
  shardedResult = checkRecord(draft, loaded.index);
  sharded.push(performance.now() - t);
  fetched = { files: loaded.files.length, bytes: loaded.files.reduce((n, f) => { const v = files.get(f)!; return n + (typeof v === 'string' ? Buffer.byteLength(v) : v.length); }, 0) };
}
const sameStatus = result.paragraphs.filter((p, i) => p.status === shardedResult.paragraphs[i]!.status).length;
const sameBest = result.paragraphs.filter((p, i) => (p.sources[0]?.similarity ?? 0) === (shardedResult.paragraphs[i]!.sources[0]?.similarity ?? 0)).length;

// Per paragraph: the index against a scan of every paragraph of the corpus, on a sample spread over the draft.
const picks = Array.from({ length: Math.min(sample, paragraphs.length) }, (_, k) => paragraphs[Math.floor((k * paragraphs.length) / Math.min(sample, paragraphs.length))]!);
// The brute force compares words made beforehand, as an index of the whole corpus would hold them.
const corpusWords = index.texts.map((p) => p.words ?? wordsOf(p.text));
let indexed = 0;
let brute = 0;
let agree = 0;
for (const u of picks) {
  const words = wordsOf(u.fullText);
  let t = performance.now();
  const viaIndex = sourcesOf(words, index, () => true).sources;
  indexed += performance.now() - t;
  t = performance.now();
  let best = { similarity: -1, at: -1 };
  index.texts.forEach((p, k) => {
    for (let n = 0; n < p.occurrences.length; n++) {
      const s = wordSimilarity(words, corpusWords[k]!, SOURCE_FROM);
      if (s > best.similarity) best = { similarity: s, at: k };
    }
  });
  brute += performance.now() - t;
  const top = viaIndex[0]?.similarity ?? 0;
  if (Math.abs(top - Math.round(Math.max(0, best.similarity) * 1000) / 1000) < 1e-9 || (top === 0 && best.similarity < SOURCE_FROM)) agree++;
}

console.log(`corpus: ${versions} generated versions, ${texts} texts parsed in ${ms(parseTime)}; ${paragraphCount} paragraphs, ${index.texts.length} distinct texts`);
console.log(`index: ${index.postings.size} shingles, built in ${ms(indexTime)}, heap ${(process.memoryUsage().heapUsed / 1e9).toFixed(2)} GB; sharded in ${ms(shardTime)}: ${files.size} files, ${(indexBytes / 1e6).toFixed(1)} MB`);
console.log(`draft: ${draftName}, ${paragraphs.length} paragraphs; ${result.summary.agreed} agreed, ${result.summary.modified} modified, ${result.summary.new} new`);
console.log(`whole check by the index: median ${ms(median(whole))} of ${rounds} rounds`);
console.log(`whole check by the shards it needs: median ${ms(median(sharded))} of ${rounds} rounds, ${fetched.files} files, ${(fetched.bytes / 1e6).toFixed(2)} MB read; ${shardedResult.summary.agreed} agreed, ${shardedResult.summary.modified} modified, ${shardedResult.summary.new} new; the same status as the whole index for ${sameStatus} of ${result.paragraphs.length} paragraphs, the same best similarity for ${sameBest}`);
if (picks.length) console.log(`per paragraph, ${picks.length} sampled: index ${ms(indexed / picks.length)}, brute-force scan ${ms(brute / picks.length)}; ratio index / brute force ${(indexed / brute).toExponential(1)}x; the same best similarity for ${agree} of ${picks.length}`);

// --keep <dir>: the shards and the whole index's result, to look at afterwards.
if (values.keep) {
  for (const [path, body] of files) {
    mkdirSync(dirname(join(values.keep, path)), { recursive: true });
    writeFileSync(join(values.keep, path), body);
  }
  writeFileSync(join(values.keep, 'whole-result.json'), JSON.stringify(result));
}

// The CLI, a process of its own as a user runs it: `palimpsest check <draft> --index <dir>`, the shards on disk.
{
  const { spawnSync } = await import('node:child_process');
  const dir = mkdtempSync(join(tmpdir(), 'palimpsest-check-index-'));
  for (const [path, body] of files) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), body);
  }
  const bin = join(import.meta.dirname, '..', 'bin', 'palimpsest.js');
  const draftFile = join(dir, 'draft.txt');
  writeFileSync(draftFile, draftText);
  const times: number[] = [];
  const startup: number[] = [];
  // The bin itself, as `npx palimpsest` runs it (with the Node flags of its first line), by this Node.
  const env = { ...process.env, PATH: `${dirname(process.execPath)}${delimiter}${process.env.PATH ?? ''}` };
  for (let r = 0; r < rounds + 1; r++) {
    let t = performance.now();
    const run = spawnSync(bin, ['check', draftFile, '--index', dir, '--json'], { encoding: 'utf8', maxBuffer: 1 << 28, env });
    if (run.status !== 0) throw new Error(`palimpsest check --index failed: ${run.stderr}`);
    if (r > 0) times.push(performance.now() - t);
    t = performance.now();
    spawnSync(bin, ['check'], { encoding: 'utf8', env }); // the check command's modules, then its usage
    if (r > 0) startup.push(performance.now() - t);
  }
  rmSync(dir, { recursive: true, force: true });
  console.log(`the CLI (palimpsest check --index, a process each round): median ${ms(median(times))} of ${rounds} rounds, of which starting the CLI (palimpsest check with no file: its modules loaded, its usage printed) ${ms(median(startup))}`);
}

// In Chromium: the check page of the built site (dist/, `npm run build` first), its index replaced by that of the
// generated corpus, served over HTTP on this machine; from the click on "Check" to the rendered result.
if (values.browser) {
  const dist = join(import.meta.dirname, '..', 'dist');
  if (!existsSync(join(dist, 'check', 'index.html'))) throw new Error('bench-check --browser: build the site first (npm run build)');
  const { launch } = await import('../tests/browser/helpers.ts');
  const site = mkdtempSync(join(tmpdir(), 'palimpsest-check-'));
  cpSync(dist, site, { recursive: true });
  rmSync(join(site, 'data', 'check'), { recursive: true, force: true });
  for (const [path, body] of files) {
    const file = join(site, 'data', 'check', path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, body);
  }
  // The site is served by a process of its own: this one holds the whole index (gigabytes at 10,000 versions), and its
  // collections of garbage would stall the responses.
  const server = await serveApart(site);
  const browser = await launch();
  const text = draftText;
  const times: number[] = [];
  let bytes = 0;
  let requests = 0;
  for (let r = 0; r < rounds + 1; r++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.addInitScript(() => performance.setResourceTimingBufferSize(10_000));
    await page.goto(`${server.url}/check/`);
    await page.fill('#check-text', text);
    const t = performance.now();
    await page.click('#check-run');
    await page.waitForFunction(() => document.body.dataset.checked !== undefined, undefined, { timeout: 60_000 });
    const elapsed = performance.now() - t;
    const phases = await page.evaluate(() => performance.getEntriesByType('measure').filter((m) => m.name.startsWith('check:')).map((m) => `${m.name.slice(6)} ${Math.round(m.duration)} ms`));
    console.log(`  in the page: ${phases.join(', ')}`);
    if (r > 0) times.push(elapsed); // the first round warms the server's file cache
    // What the page fetched of the index, from its Resource Timing entries (no compression here: the bodies' sizes)
    // after the timed run. Asking the browser for each body while it ran (Playwright's response.body(), a round trip
    // to the browser per file) slowed the page itself by about 0.6 s in 130 files.
    const fetched = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .filter((e) => e.name.includes('/data/check/'))
        .map((e) => (e as PerformanceResourceTiming).decodedBodySize),
    );
    bytes = fetched.reduce((a, b) => a + b, 0);
    requests = fetched.length;
    await context.close();
  }
  await browser.close();
  await server.close();
  rmSync(site, { recursive: true, force: true });
  console.log(`in Chromium (the check page, a new browser context each round): median ${ms(median(times))} of ${rounds} rounds, ${requests} requests, ${(bytes / 1e6).toFixed(2)} MB of index downloaded`);
}

/** tests/browser/helpers.ts's static server, in a child process; its address, and how to stop it. */
async function serveApart(dir: string): Promise<{ url: string; close: () => Promise<void> }> {
  const { spawn } = await import('node:child_process');
  const helpers = new URL('../tests/browser/helpers.ts', import.meta.url).href;
  const child = spawn(process.execPath, ['--input-type=module', '-e', `const { serve } = await import(${JSON.stringify(helpers)}); const s = await serve(${JSON.stringify(dir)}); console.log(s.url);`], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.once('data', (d: Buffer) => resolve(d.toString().trim()));
    child.once('exit', (code) => reject(new Error(`the site's server stopped (${code})`)));
  });
  return { url, close: async () => void child.kill() };
}
