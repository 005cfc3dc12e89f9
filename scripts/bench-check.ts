/**
 * Benchmark of `palimpsest check` (src/lib/check/agreed.ts): one draft of
 * about 150 paragraphs (A/RES/76/187, 74 preambular and 77 operative) checked
 * against a generated corpus (scripts/gen-corpus.ts), by the shingle index
 * and, as the baseline in the same run, by a brute-force scan that scores
 * every paragraph of the corpus with the same similarity.
 *
 *   node scripts/bench-check.ts [--versions N] [--seed S] [--sample K] [--rounds R]
 *
 * The brute-force scan of a whole draft against a large corpus takes hours,
 * so it runs on K paragraphs of the draft (default 8, spread over it) and the
 * per-paragraph times are compared. Printed: the corpus, the index (paragraphs,
 * shingles, its size as compact JSON), the time of a whole check (median of R
 * rounds), and the ratio index / brute force per paragraph, with whether both
 * found the same best source.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parseBytes } from '../src/lib/index.ts';
import { addToCheckIndex, buildCheckIndex, checkRecord, sourcesOf, wordSimilarity, wordsOf, SOURCE_FROM } from '../src/lib/check/agreed.ts';
import { unitsOf } from '../src/lib/align/units.ts';
import { generate } from './gen-corpus.ts';

const { values } = parseArgs({
  options: {
    versions: { type: 'string', default: '1000' },
    seed: { type: 'string', default: '7' },
    sample: { type: 'string', default: '8' },
    rounds: { type: 'string', default: '5' },
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
const index = buildCheckIndex([]);
let texts = 0;
let indexTime = 0;
for (const [name, text] of generated.files) {
  for (const r of parseBytes(new TextEncoder().encode(text), name).resolutions) {
    const t = performance.now();
    addToCheckIndex(index, r);
    indexTime += performance.now() - t;
    texts++;
  }
}
generated.files.clear();
const parseTime = performance.now() - t0 - indexTime;
const indexBytes = JSON.stringify({ p: index.paragraphs.map((p) => [p.version, p.paragraph]), s: [...index.postings] }).length;

const draft = parseBytes(readFileSync(join(import.meta.dirname, '..', 'content', 'ga76-2021-resolution-76-187.txt')), 'draft').resolutions[0]!;
const units = unitsOf(draft);
const paragraphs = [...units.preamble, ...units.operative];

const whole: number[] = [];
let result = checkRecord(draft, index);
for (let r = 0; r < rounds; r++) {
  const t = performance.now();
  result = checkRecord(draft, index);
  whole.push(performance.now() - t);
}

// Per paragraph: the index against a scan of every paragraph of the corpus, on a sample spread over the draft.
const picks = Array.from({ length: Math.min(sample, paragraphs.length) }, (_, k) => paragraphs[Math.floor((k * paragraphs.length) / Math.min(sample, paragraphs.length))]!);
let indexed = 0;
let brute = 0;
let agree = 0;
for (const u of picks) {
  const words = wordsOf(u.fullText);
  let t = performance.now();
  const viaIndex = sourcesOf(words, index, () => true);
  indexed += performance.now() - t;
  t = performance.now();
  let best = { similarity: -1, at: -1 };
  index.paragraphs.forEach((p, k) => {
    const s = wordSimilarity(words, p.words, SOURCE_FROM);
    if (s > best.similarity) best = { similarity: s, at: k };
  });
  brute += performance.now() - t;
  const top = viaIndex[0]?.similarity ?? 0;
  if (Math.abs(top - Math.round(Math.max(0, best.similarity) * 1000) / 1000) < 1e-9 || (top === 0 && best.similarity < SOURCE_FROM)) agree++;
}

console.log(`corpus: ${versions} generated versions, ${texts} texts parsed in ${ms(parseTime)}; ${index.paragraphs.length} paragraphs`);
console.log(`index: ${index.postings.size} shingles, built in ${ms(indexTime)}, heap ${(process.memoryUsage().heapUsed / 1e9).toFixed(2)} GB, ${(indexBytes / 1e6).toFixed(1)} MB as compact JSON`);
console.log(`draft: A/RES/76/187, ${paragraphs.length} paragraphs; ${result.summary.agreed} agreed, ${result.summary.modified} modified, ${result.summary.new} new`);
console.log(`whole check by the index: median ${ms(median(whole))} of ${rounds} rounds`);
console.log(`per paragraph, ${picks.length} sampled: index ${ms(indexed / picks.length)}, brute-force scan ${ms(brute / picks.length)}; ratio index / brute force ${(indexed / brute).toExponential(1)}x; the same best similarity for ${agree} of ${picks.length}`);
