/**
 * Benchmark of the aligner: quality on version pairs with known answers, and
 * speed against jsdiff.
 *
 *   node scripts/bench-align.ts [--trials N]
 *
 * Quality: from real paragraphs of the corpus (content/), make a version A of
 * 150 paragraphs (60 preambular, 90 operative) and a version B with known
 * changes: paragraphs moved, split, merged, inserted, deleted, and the words
 * of every paragraph reworded at a given level (0 to 60% of the words
 * replaced by words drawn from the corpus). Score the pairs the aligner finds
 * (1:1 pairs, and each part of a split or merge as a pair) against the known
 * ones: precision, recall, F1 per level.
 *
 * Speed: align and diff (redline of every pair) two 150-paragraph versions,
 * next to jsdiff's diffWords over the two whole texts measured in the same
 * run; also the real 2020 → 2021 versions of the crime programme resolution.
 * Deterministic: a seeded PRNG, corpus files in name order.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { diffWords } from 'diff';
import { parseBytes } from '../src/lib/index.ts';
import { alignUnits, alignVersions } from '../src/lib/align/align.ts';
import { citationsOf, unitsOf, type Unit, type VersionUnits } from '../src/lib/align/units.ts';
import { detectOperativeVerb, detectPreambularLead } from '../src/lib/lexicon.ts';

const args = process.argv.slice(2);
const TRIALS = Number(args[args.indexOf('--trials') + 1] ?? 0) || 8;

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ---------------------------------------------------------------------------
// The corpus: unique paragraphs of every text.

const dir = join(import.meta.dirname, '..', 'content');
const records = readdirSync(dir)
  .filter((f) => /\.(txt|md)$/.test(f))
  .sort()
  .flatMap((f) => parseBytes(readFileSync(join(dir, f)), `content/${f}`).resolutions);
const seen = new Set<string>();
const pool: { section: 'preamble' | 'operative'; text: string }[] = [];
for (const r of records) {
  const u = unitsOf(r);
  for (const p of [...u.preamble, ...u.operative]) {
    if (seen.has(p.text) || p.text.split(' ').length < 15 || p.subparagraphs.length) continue;
    seen.add(p.text);
    pool.push({ section: p.section as 'preamble' | 'operative', text: p.text });
  }
}
const vocabulary = [...new Set(pool.flatMap((p) => p.text.split(' ')).filter((w) => /^[a-z]{3,}$/.test(w)))].sort();

function unit(id: string, section: 'preamble' | 'operative', index: number, text: string): Unit {
  return {
    id,
    section,
    index,
    text,
    fullText: text,
    verb: section === 'operative' ? detectOperativeVerb(text) : detectPreambularLead(text),
    citations: citationsOf(text),
    footnotes: [],
    subparagraphs: [],
  };
}

function reword(text: string, level: number, rnd: () => number): string {
  const words = text.split(' ');
  const n = Math.round(words.length * level);
  const positions = words.map((_, k) => k);
  for (let k = positions.length - 1; k > 0; k--) {
    const j = Math.floor(rnd() * (k + 1));
    [positions[k], positions[j]] = [positions[j]!, positions[k]!];
  }
  for (const k of positions.slice(0, n)) {
    const tail = /[,;:.]$/.exec(words[k]!)?.[0] ?? '';
    words[k] = vocabulary[Math.floor(rnd() * vocabulary.length)]! + tail;
  }
  return words.join(' ');
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
const upperFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Splits a text at the comma nearest its middle, or null. */
function splitText(text: string): [string, string] | null {
  const mid = text.length / 2;
  let best = -1;
  for (let k = text.indexOf(', '); k !== -1; k = text.indexOf(', ', k + 1)) if (best === -1 || Math.abs(k - mid) < Math.abs(best - mid)) best = k;
  if (best < text.length * 0.25 || best > text.length * 0.75) return null;
  return [`${text.slice(0, best)};`, upperFirst(text.slice(best + 2))];
}

interface Case {
  a: VersionUnits;
  b: VersionUnits;
  truth: Set<string>;
}

type Item = { section: 'preamble' | 'operative'; text: string; from: string[] };

function makeCase(seed: number, level: number): Case {
  const rnd = mulberry32(seed);
  const pick = <T>(xs: T[]) => xs.splice(Math.floor(rnd() * xs.length), 1)[0]!;
  const pp = pool.filter((p) => p.section === 'preamble');
  const op = pool.filter((p) => p.section === 'operative');
  const aPP = Array.from({ length: 60 }, () => pick(pp).text);
  const aOP = Array.from({ length: 90 }, () => pick(op).text);
  const a: VersionUnits = {
    preamble: aPP.map((t, i) => unit(`PP${i + 1}`, 'preamble', i, t)),
    operative: aOP.map((t, i) => unit(`OP${i + 1}`, 'operative', i, t)),
    footnotes: [],
  };
  const build = (section: 'preamble' | 'operative', units: Unit[], spare: { text: string }[]): Item[] => {
    let items: Item[] = units.map((u) => ({ section, text: u.text, from: [u.id] }));
    const n = section === 'preamble' ? 2 : 3;
    // Deletions.
    for (let k = 0; k < n * 2; k++) items.splice(Math.floor(rnd() * items.length), 1);
    // Merges of neighbours.
    for (let k = 0; k < n; k++) {
      const at = Math.floor(rnd() * (items.length - 1));
      const [x, y] = [items[at]!, items[at + 1]!];
      if (x.from.length !== 1 || y.from.length !== 1) continue;
      items.splice(at, 2, { section, text: `${x.text.replace(/[,;.]\s*$/, '')}, and ${lowerFirst(y.text)}`, from: [...x.from, ...y.from] });
    }
    // Splits.
    const out: Item[] = [];
    let splits = 0;
    for (const it of items) {
      const parts = splits < n && it.from.length === 1 && rnd() < 0.1 ? splitText(it.text) : null;
      if (parts) {
        splits++;
        out.push({ section, text: parts[0], from: it.from }, { section, text: parts[1], from: it.from });
      } else out.push(it);
    }
    items = out;
    // Moves.
    for (let k = 0; k < n + 1; k++) {
      const [it] = items.splice(Math.floor(rnd() * items.length), 1);
      items.splice(Math.floor(rnd() * items.length), 0, it!);
    }
    // Insertions from elsewhere in the corpus.
    for (let k = 0; k < n * 2; k++) items.splice(Math.floor(rnd() * items.length), 0, { section, text: pick(spare).text, from: [] });
    return items.map((it) => ({ ...it, text: reword(it.text, level, rnd) }));
  };
  const bPP = build('preamble', a.preamble, pp);
  const bOP = build('operative', a.operative, op);
  const truth = new Set<string>();
  const b: VersionUnits = {
    preamble: bPP.map((it, j) => unit(`PP${j + 1}`, 'preamble', j, it.text)),
    operative: bOP.map((it, j) => unit(`OP${j + 1}`, 'operative', j, it.text)),
    footnotes: [],
  };
  bPP.forEach((it, j) => it.from.forEach((f) => truth.add(`${f}>PP${j + 1}`)));
  bOP.forEach((it, j) => it.from.forEach((f) => truth.add(`${f}>OP${j + 1}`)));
  return { a, b, truth };
}

function found(c: Case): Set<string> {
  const al = alignUnits(c.a, c.b);
  const out = new Set<string>();
  for (const p of al.pairs) out.add(`${p.a}>${p.b}`);
  for (const s of al.splits) for (const b of s.b) out.add(`${s.a}>${b}`);
  for (const m of al.merges) for (const a of m.a) out.add(`${a}>${m.b}`);
  return out;
}

// ---------------------------------------------------------------------------

console.log(`Corpus: ${records.length} texts, ${pool.length} distinct paragraphs of 15+ words; ${TRIALS} trials per level, 150 paragraphs a version.`);
console.log('');
console.log('rewording  precision  recall  F1      pairs (true)');
for (const level of [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6]) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (let t = 0; t < TRIALS; t++) {
    const c = makeCase(1000 * t + 17, level);
    const f = found(c);
    for (const x of f) if (c.truth.has(x)) tp++;
    else fp++;
    for (const x of c.truth) if (!f.has(x)) fn++;
  }
  const p = tp / (tp + fp || 1);
  const r = tp / (tp + fn || 1);
  const f1 = (2 * p * r) / (p + r || 1);
  console.log(`${`${Math.round(level * 100)}%`.padEnd(9)}  ${p.toFixed(3).padEnd(9)}  ${r.toFixed(3).padEnd(6)}  ${f1.toFixed(3).padEnd(6)}  ${tp + fn}${f1 < 0.98 ? '   (below 0.98)' : ''}`);
}

// ---------------------------------------------------------------------------
// Speed.

function median(xs: number[]): number {
  const s = [...xs].sort((x, y) => x - y);
  return s[Math.floor(s.length / 2)]!;
}

function time(fn: () => unknown, reps: number, warmups = 3): number {
  for (let k = 0; k < warmups; k++) fn();
  const ms: number[] = [];
  for (let k = 0; k < reps; k++) {
    const t = performance.now();
    fn();
    ms.push(performance.now() - t);
  }
  return median(ms);
}

const wholeText = (v: VersionUnits) => [...v.preamble, ...v.operative].map((u) => u.text).join('\n');
const speedCase = makeCase(4242, 0.3);
const alignMs = time(() => alignUnits(speedCase.a, speedCase.b, { redline: true }), 15);
const ta = wholeText(speedCase.a);
const tb = wholeText(speedCase.b);
// jsdiff over two whole texts 30% reworded takes seconds a run: 3 runs after 1 warm-up.
const jsdiffMs = time(() => diffWords(ta, tb), 3, 1);
console.log('');
console.log('Speed (median of 15 runs after 3 warm-up runs; jsdiff on the synthetic texts 3 runs after 1):');
console.log(`  synthetic, ${speedCase.a.preamble.length + speedCase.a.operative.length} → ${speedCase.b.preamble.length + speedCase.b.operative.length} paragraphs, 30% reworded:`);
console.log(`    align + redline every pair   ${alignMs.toFixed(1)} ms`);
console.log(`    jsdiff diffWords whole texts ${jsdiffMs.toFixed(1)} ms`);
console.log(`    ratio                        ${(alignMs / jsdiffMs).toFixed(2)}× jsdiff`);

const real = records.filter((r) => r.symbol === 'A/C.3/75/L.8/Rev.1' || r.symbol === 'A/RES/76/187');
if (real.length === 2) {
  const [x, y] = real as [(typeof real)[0], (typeof real)[0]];
  const ux = unitsOf(x);
  const uy = unitsOf(y);
  const realMs = time(() => alignVersions(x, y, { redline: true }), 15);
  const rx = wholeText(ux);
  const ry = wholeText(uy);
  const realJs = time(() => diffWords(rx, ry), 5, 1);
  console.log(`  real, A/C.3/75/L.8/Rev.1 (${ux.preamble.length + ux.operative.length}) → A/RES/76/187 (${uy.preamble.length + uy.operative.length}) paragraphs, with footnotes:`);
  console.log(`    align + redline every pair   ${realMs.toFixed(1)} ms`);
  console.log(`    jsdiff diffWords whole texts ${realJs.toFixed(1)} ms`);
  console.log(`    ratio                        ${(realMs / realJs).toFixed(2)}× jsdiff`);
}
