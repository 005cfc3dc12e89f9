/**
 * Benchmark of the aligner: quality on version pairs with known answers, and
 * speed against jsdiff.
 *
 *   node scripts/bench-align.ts [--trials N] [--legacy] [--no-speed | --speed-only] [--reps N] [--baseline DIR] [--errors LEVEL]
 *
 * Quality: from real paragraphs of the corpus (content/), make a version A of
 * 150 paragraphs (60 preambular, 90 operative) and a version B with known
 * changes: paragraphs deleted, merged, split, moved and inserted, and every
 * paragraph of B reworded at a given level. Score the pairs the aligner finds
 * (1:1 pairs, and each part of a split or merge as a pair) against the known
 * ones: precision, recall, F1 per level; and the "moved" label of the true
 * pairs it found against the moves the generator made.
 *
 * How the known answers are kept honest:
 *
 * - The pool holds one paragraph of each family of near-duplicates. The seed
 *   corpus holds several versions of the same resolutions, so without this a
 *   synthetic version would hold two copies of "the same" paragraph, or insert
 *   as "new" a paragraph that is a copy of one it deleted; no reader could
 *   tell those apart, and the known answer would be arbitrary.
 * - Rewording edits phrases, as drafters do: a run of 1 to 5 words replaced by
 *   a phrase of similar length cut from another paragraph of the corpus, a run
 *   deleted, or a phrase inserted, until the runs struck make up the given share of the
 *   words struck (insertions come on top). The old generator
 *   (`--legacy`) replaced single words at random positions by random corpus
 *   words, which no drafter does: it leaves no phrase intact, and it makes
 *   jsdiff's whole-text diff, the speed yardstick, pathologically slow.
 *   The table prints the mean share of a source paragraph's words that its
 *   reworded form keeps, so "60%" can be judged: at 60%, about 40% of the
 *   words survive, in runs; a reader still recognises the paragraph when it
 *   stays in place, and the benchmark still counts it as the same paragraph
 *   when it moved, which is harsh (see the report).
 * - "Moved" is judged on the true pairs: a pair is truly moved when it lies on
 *   no longest in-order chain of the true 1:1 pairs, truly in place when it
 *   lies on all of them; pairs on some but not all (two paragraphs swapped:
 *   which one moved?) are not scored. A paragraph whose neighbours moved away
 *   is thus not counted as moved.
 * - Nothing in the generator looks at the aligner's code or thresholds; the
 *   merge joins with ", and" and the split cuts at a comma, as in the seeds
 *   (A/C.3/68/L.17 OP16 + OP17 → Rev.1 OP14).
 *
 * Speed: align and diff (redline of every pair) two 150-paragraph versions,
 * next to jsdiff's diffWords over the two whole texts measured in the same
 * run, interleaved with it (the ratio is of the two medians); also the real
 * 2020 → 2021 versions of the crime programme resolution, and the worst case
 * of one very long paragraph rewritten (the limit in diff/redline.ts keeps it
 * bounded). The issue's goal is the synthetic pair under 50 ms; `--reps N`
 * times each case N times (default 21) for steadier medians on a busy machine.
 * `--baseline DIR` times another copy of the aligner too, interleaved with this
 * one, for a before/after in one run: DIR/src a source tree (say, the last
 * commit's: `git archive HEAD src | tar -x -C DIR`) and DIR/node_modules a
 * link to the packages.
 * Deterministic: a seeded PRNG, corpus files in name order.
 */
import { applyPhraseEdits } from './lib/edits.ts';
import { mulberry32 } from './lib/random.ts';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { diffWords } from 'diff';
import { parseBytes } from '../src/lib/index.ts';
import { alignUnits, alignVersions } from '../src/lib/align/align.ts';
import { citationsOf, resetTermsMemo, terms, unitsOf, type Unit, type VersionUnits } from '../src/lib/align/units.ts';
import { MAX_DIFF_WORDS, rawHunks, rawHunksUncut } from '../src/lib/diff/redline.ts';
import { detectOperativeVerb, detectPreambularLead } from '../src/lib/lexicon.ts';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const value = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const TRIALS = Number(value('--trials')) || 8;
const LEGACY = flag('--legacy');
const ERRORS = value('--errors');


// ---------------------------------------------------------------------------
// The corpus: distinct paragraphs of every text.

const dir = join(import.meta.dirname, '..', 'content');
const records = readdirSync(dir)
  .filter((f) => /\.(txt|md)$/.test(f))
  .sort()
  .flatMap((f) => parseBytes(readFileSync(join(dir, f)), `content/${f}`).resolutions);
const seen = new Set<string>();
let pool: { section: 'preamble' | 'operative'; text: string }[] = [];
for (const r of records) {
  const u = unitsOf(r);
  for (const p of [...u.preamble, ...u.operative]) {
    if (seen.has(p.text) || p.text.split(' ').length < 15 || p.subparagraphs.length) continue;
    seen.add(p.text);
    pool.push({ section: p.section as 'preamble' | 'operative', text: p.text });
  }
}
const allDistinct = pool.length;

/** Dice coefficient of the distinct terms of two texts. */
function setDice(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  return a.size + b.size === 0 ? 1 : (2 * shared) / (a.size + b.size);
}

/** One paragraph of each family of near-duplicates (distinct terms' Dice ≥ 0.5 with one already kept). */
function nearDistinct(items: typeof pool): typeof pool {
  const kept: { item: (typeof pool)[0]; set: Set<string> }[] = [];
  const index = new Map<string, number[]>();
  for (const item of items) {
    const set = new Set(terms(item.text));
    const shared = new Map<number, number>();
    for (const t of set) for (const k of index.get(t) ?? []) shared.set(k, (shared.get(k) ?? 0) + 1);
    let dup = false;
    for (const [k, s] of shared) if ((2 * s) / (set.size + kept[k]!.set.size) >= 0.5) dup = true;
    if (dup) continue;
    for (const t of set) {
      let l = index.get(t);
      if (!l) index.set(t, (l = []));
      l.push(kept.length);
    }
    kept.push({ item, set });
  }
  return kept.map((k) => k.item);
}
if (!LEGACY) pool = nearDistinct(pool);
const vocabulary = [...new Set(pool.flatMap((p) => p.text.split(' ')).filter((w) => /^[a-z]{3,}$/.test(w)))].sort();
const poolWords = pool.map((p) => p.text.split(' '));

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

/** The old rewording: single words at random positions replaced by random corpus words. */
function rewordScatter(text: string, level: number, rnd: () => number): string {
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

/** A phrase of k words cut from a random paragraph of the corpus, without clause punctuation. */
function phrase(k: number, rnd: () => number): string[] {
  const src = poolWords[Math.floor(rnd() * poolWords.length)]!;
  const at = Math.floor(rnd() * Math.max(1, src.length - k));
  return src.slice(at, at + k).map((w) => w.replace(/[,;:.]+$/, ''));
}

/**
 * Phrase rewording: runs of 1–5 words replaced (60% of edits) by a corpus
 * phrase of 1 word fewer to 2 more, deleted (20%), or a corpus phrase of 1–5
 * words inserted (20%), at random places that no earlier edit touched, until
 * the runs struck make up `level` of the paragraph's words (insertions come
 * on top: about a quarter as many words again).
 */
function rewordPhrases(text: string, level: number, rnd: () => number): string {
  const words = text.split(' ');
  const n = words.length;
  let budget = Math.round(n * level);
  const touched = new Uint8Array(n + 1);
  const before = new Map<number, string[]>(); // inserted before position k
  const replaced = new Map<number, { len: number; by: string[] }>();
  for (let guard = 0; budget > 0 && guard < 2000; guard++) {
    const k = Math.min(budget, 1 + Math.floor(rnd() * 5));
    const at = Math.floor(rnd() * n);
    const r = rnd();
    if (r < 0.2) {
      // An insertion strikes nothing, so it does not count against the budget.
      if (touched[at] || (at > 0 && touched[at - 1]) || before.has(at)) continue;
      before.set(at, phrase(k, rnd));
      continue;
    }
    if (at + k > n) continue;
    let free = true;
    for (let x = at; x < at + k; x++) if (touched[x] || before.has(x)) free = false;
    if (!free) continue;
    for (let x = at; x < at + k; x++) touched[x] = 1;
    const by = r < 0.8 ? phrase(Math.max(1, k - 1 + Math.floor(rnd() * 4)), rnd) : [];
    replaced.set(at, { len: k, by });
    budget -= k;
  }
  const out = applyPhraseEdits(words, { before, replaced });
  if (!out.length) return text;
  out[0] = upperFirst(out[0]!);
  return out.join(' ');
}

const reword = LEGACY ? rewordScatter : rewordPhrases;

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
  /** True 1:1 pairs that truly moved / truly stayed in order ("PP3>PP5"). */
  moved: Set<string>;
  inPlace: Set<string>;
  /** Mean share of a source paragraph's words kept, in order, by its reworded form (1:1 pairs). */
  kept: number;
}

type Item = { section: 'preamble' | 'operative'; text: string; from: string[]; source: string };

/** Length of the longest common subsequence of two word lists. */
function lcs(a: readonly string[], b: readonly string[]): number {
  let prev = new Int32Array(b.length + 1);
  for (const x of a) {
    const row = new Int32Array(b.length + 1);
    for (let j = 0; j < b.length; j++) row[j + 1] = x === b[j] ? prev[j]! + 1 : Math.max(prev[j + 1]!, row[j]!);
    prev = row;
  }
  return prev[b.length]!;
}

/** Of pairs (i, j): those on every longest chain increasing in both, and those on none. */
function chainMembership(pairs: readonly { i: number; j: number }[]): { all: boolean[]; none: boolean[] } {
  const ps = [...pairs].map((p, k) => ({ ...p, k })).sort((x, y) => x.i - y.i);
  const n = ps.length;
  const f = new Array<number>(n).fill(1);
  const g = new Array<number>(n).fill(1);
  for (let x = 0; x < n; x++) for (let y = 0; y < x; y++) if (ps[y]!.i < ps[x]!.i && ps[y]!.j < ps[x]!.j) f[x] = Math.max(f[x]!, f[y]! + 1);
  for (let x = n - 1; x >= 0; x--) for (let y = x + 1; y < n; y++) if (ps[y]!.i > ps[x]!.i && ps[y]!.j > ps[x]!.j) g[x] = Math.max(g[x]!, g[y]! + 1);
  const L = Math.max(0, ...f);
  const onSome = ps.map((_, x) => f[x]! + g[x]! - 1 === L);
  const count = new Map<number, number>();
  ps.forEach((_, x) => onSome[x] && count.set(f[x]!, (count.get(f[x]!) ?? 0) + 1));
  const all = new Array<boolean>(n);
  const none = new Array<boolean>(n);
  ps.forEach((p, x) => {
    all[p.k] = onSome[x]! && count.get(f[x]!) === 1;
    none[p.k] = !onSome[x];
  });
  return { all, none };
}

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
    annex: [], footnotes: [],
  };
  const build = (section: 'preamble' | 'operative', units: Unit[], spare: { text: string }[]): Item[] => {
    let items: Item[] = units.map((u) => ({ section, text: u.text, from: [u.id], source: u.text }));
    const n = section === 'preamble' ? 2 : 3;
    // Deletions.
    for (let k = 0; k < n * 2; k++) items.splice(Math.floor(rnd() * items.length), 1);
    // Merges of neighbours.
    for (let k = 0; k < n; k++) {
      const at = Math.floor(rnd() * (items.length - 1));
      const [x, y] = [items[at]!, items[at + 1]!];
      if (x.from.length !== 1 || y.from.length !== 1) continue;
      items.splice(at, 2, { section, text: `${x.text.replace(/[,;.]\s*$/, '')}, and ${lowerFirst(y.text)}`, from: [...x.from, ...y.from], source: '' });
    }
    // Splits.
    const out: Item[] = [];
    let splits = 0;
    for (const it of items) {
      const parts = splits < n && it.from.length === 1 && rnd() < 0.1 ? splitText(it.text) : null;
      if (parts) {
        splits++;
        out.push({ section, text: parts[0], from: it.from, source: '' }, { section, text: parts[1], from: it.from, source: '' });
      } else out.push(it);
    }
    items = out;
    // Moves.
    for (let k = 0; k < n + 1; k++) {
      const [it] = items.splice(Math.floor(rnd() * items.length), 1);
      items.splice(Math.floor(rnd() * items.length), 0, it!);
    }
    // Insertions from elsewhere in the corpus.
    for (let k = 0; k < n * 2; k++) items.splice(Math.floor(rnd() * items.length), 0, { section, text: pick(spare).text, from: [], source: '' });
    return items.map((it) => ({ ...it, text: reword(it.text, level, rnd) }));
  };
  const bPP = build('preamble', a.preamble, pp);
  const bOP = build('operative', a.operative, op);
  const truth = new Set<string>();
  const b: VersionUnits = {
    preamble: bPP.map((it, j) => unit(`PP${j + 1}`, 'preamble', j, it.text)),
    operative: bOP.map((it, j) => unit(`OP${j + 1}`, 'operative', j, it.text)),
    annex: [], footnotes: [],
  };
  const moved = new Set<string>();
  const inPlace = new Set<string>();
  let keptSum = 0;
  let keptN = 0;
  for (const [items, prefix] of [[bPP, 'PP'], [bOP, 'OP']] as const) {
    items.forEach((it, j) => it.from.forEach((f) => truth.add(`${f}>${prefix}${j + 1}`)));
    const ones = items.map((it, j) => ({ it, j })).filter(({ it }) => it.source);
    const chain = chainMembership(ones.map(({ it, j }) => ({ i: Number(it.from[0]!.slice(2)), j })));
    ones.forEach(({ it, j }, k) => {
      const key = `${it.from[0]}>${prefix}${j + 1}`;
      if (chain.none[k]) moved.add(key);
      else if (chain.all[k]) inPlace.add(key);
      keptSum += lcs(terms(it.source), terms(it.text)) / (terms(it.source).length || 1);
      keptN++;
    });
  }
  return { a, b, truth, moved, inPlace, kept: keptSum / (keptN || 1) };
}

// ---------------------------------------------------------------------------

console.log(
  `Corpus: ${records.length} texts, ${allDistinct} distinct paragraphs of 15+ words${LEGACY ? '' : `, ${pool.length} after dropping near-duplicates`}; ` +
    `${TRIALS} trials per level, 150 paragraphs a version; rewording: ${LEGACY ? 'legacy (scattered single words)' : 'phrases'}.`,
);
console.log('');
console.log('rewording  words kept  precision  recall  F1      pairs (true)  moved P / R');
for (const level of flag('--speed-only') ? [] : [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6]) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let kept = 0;
  let mtp = 0;
  let mfp = 0;
  let mfn = 0;
  for (let t = 0; t < TRIALS; t++) {
    const c = makeCase(1000 * t + 17, level);
    kept += c.kept / TRIALS;
    const al = alignUnits(c.a, c.b);
    const f = new Set<string>();
    for (const p of al.pairs) {
      const key = `${p.a}>${p.b}`;
      f.add(key);
      const said = p.change === 'moved';
      if (c.moved.has(key)) said ? mtp++ : mfn++;
      else if (c.inPlace.has(key) && said) mfp++;
    }
    for (const s of al.splits) for (const b of s.b) f.add(`${s.a}>${b}`);
    for (const m of al.merges) for (const a of m.a) f.add(`${a}>${m.b}`);
    for (const x of f) if (c.truth.has(x)) tp++;
    else fp++;
    for (const x of c.truth) if (!f.has(x)) fn++;
    if (ERRORS !== undefined && Number(ERRORS) === level * 100) {
      const text = (id: string, v: VersionUnits) => [...v.preamble, ...v.operative].find((u) => u.id === id)?.text;
      for (const x of c.truth) if (!f.has(x)) {
        const [ia, ib] = x.split('>') as [string, string];
        const got = [...f].filter((y) => y.startsWith(`${ia}>`) || y.endsWith(`>${ib}`));
        console.log(`MISS t${t} ${x}  found: ${got.join(' ')}\n  A: ${text(ia, c.a)}\n  B: ${text(ib, c.b)}`);
      }
      for (const x of f) if (!c.truth.has(x)) console.log(`FALSE t${t} ${x}`);
    }
  }
  const p = tp / (tp + fp || 1);
  const r = tp / (tp + fn || 1);
  const f1 = (2 * p * r) / (p + r || 1);
  const mp = mtp / (mtp + mfp || 1);
  const mr = mtp / (mtp + mfn || 1);
  console.log(
    `${`${Math.round(level * 100)}%`.padEnd(9)}  ${kept.toFixed(2).padEnd(10)}  ${p.toFixed(3).padEnd(9)}  ${r.toFixed(3).padEnd(6)}  ${f1.toFixed(3).padEnd(6)}  ` +
      `${String(tp + fn).padEnd(12)}  ${mp.toFixed(2)} / ${mr.toFixed(2)} of ${mtp + mfn}${f1 < 0.98 ? '   (F1 below 0.98)' : ''}`,
  );
}

// ---------------------------------------------------------------------------
// Speed.

if (!flag('--no-speed')) {
  const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
  // Another copy of the aligner to time against this one in the same run (`--baseline DIR`: DIR/src
  // holds the other source tree, e.g. the last commit's, and DIR/node_modules the packages).
  const BASELINE = value('--baseline');
  type Aligner = { alignUnits: typeof alignUnits; alignVersions: typeof alignVersions; resetTermsMemo: typeof resetTermsMemo };
  const ours: Aligner = { alignUnits, alignVersions, resetTermsMemo };
  const base: Aligner | null = BASELINE
    ? {
        ...((await import(pathToFileURL(resolve(BASELINE, 'src/lib/align/align.ts')).href)) as Pick<Aligner, 'alignUnits' | 'alignVersions'>),
        resetTermsMemo: ((await import(pathToFileURL(resolve(BASELINE, 'src/lib/align/units.ts')).href)) as Pick<Aligner, 'resetTermsMemo'>).resetTermsMemo,
      }
    : null;
  // Every timed run is cold: the aligner keeps the terms of texts it has seen (a build meets the same
  // paragraph in many versions), so the memo is emptied before each run, and records are fresh copies.
  const runs = (fn: () => unknown, reps: number, warmups = 3, reset: () => void = resetTermsMemo): number[] => {
    for (let k = 0; k < warmups; k++) fn();
    const ms: number[] = [];
    for (let k = 0; k < reps; k++) {
      reset();
      const t = performance.now();
      fn();
      ms.push(performance.now() - t);
    }
    return ms;
  };
  const show = (ms: number[]) => `${median(ms).toFixed(1)} ms (min ${Math.min(...ms).toFixed(1)}, max ${Math.max(...ms).toFixed(1)})`;
  const showBase = (ms: number[], than: number[]) => `${show(ms)}: ${(median(ms) / median(than)).toFixed(2)}× as long`;
  const REPS = Number(value('--reps')) || 21;
  const GOAL_MS = 50;
  const WARMUP = 15;
  const aligners = base ? [ours, base] : [ours];

  const wholeText = (v: VersionUnits) => [...v.preamble, ...v.operative].map((u) => u.text).join('\n');
  const speedCase = makeCase(4242, 0.3);
  const ta = wholeText(speedCase.a);
  const tb = wholeText(speedCase.b);
  // Interleave so that all feel the same load on the machine.
  const alignMs: number[][] = aligners.map(() => []);
  const jsMs: number[] = [];
  // Warm-up: V8 keeps optimizing the aligner over its first dozen runs; a build aligns many pairs in one process.
  for (const al of aligners) for (let k = 0; k < WARMUP; k++) al.alignUnits(speedCase.a, speedCase.b, { redline: true });
  diffWords(ta, tb);
  for (let k = 0; k < 3; k++) {
    for (let r = 0; r < Math.ceil(REPS / 3); r++) {
      aligners.forEach((al, i) => alignMs[i]!.push(...runs(() => al.alignUnits(speedCase.a, speedCase.b, { redline: true }), 1, 0, al.resetTermsMemo)));
    }
    jsMs.push(...runs(() => diffWords(ta, tb), 1, 0));
  }
  const [synth, synthBase] = alignMs as [number[], number[] | undefined];
  console.log('');
  console.log(`Speed (medians; align ${synth.length} runs, jsdiff ${jsMs.length} runs, interleaved, after ${WARMUP} warm-up runs):`);
  console.log(`  synthetic, ${speedCase.a.preamble.length + speedCase.a.operative.length} → ${speedCase.b.preamble.length + speedCase.b.operative.length} paragraphs, 30% reworded${LEGACY ? ' (legacy)' : ''}:`);
  console.log(`    align + redline every pair   ${show(synth)}`);
  if (synthBase) console.log(`    the same, --baseline         ${showBase(synthBase, synth)}`);
  console.log(`    jsdiff diffWords whole texts ${show(jsMs)}`);
  console.log(`    ratio                        ${(median(synth) / median(jsMs)).toFixed(3)}× jsdiff (jsdiff ${Math.round(median(jsMs) / median(synth))}× slower)`);
  console.log(`    goal: under ${GOAL_MS} ms           ${median(synth) < GOAL_MS ? 'met' : 'NOT met'} (median ${median(synth).toFixed(1)} ms)`);
  // The word diff is given to jsdiff in stretches (diff/redline.ts): its hunks against jsdiff's on each whole paragraph.
  {
    const textOf = (v: VersionUnits) => new Map([...v.preamble, ...v.operative].map((u) => [u.id, u.text]));
    const [ta2, tb2] = [textOf(speedCase.a), textOf(speedCase.b)];
    const paired = alignUnits(speedCase.a, speedCase.b).pairs.map((p) => [ta2.get(p.a)!, tb2.get(p.b)!] as const);
    const same = paired.filter(([x, y]) => JSON.stringify(rawHunks(x, y)) === JSON.stringify(rawHunksUncut(x, y))).length;
    console.log(`    word diff as jsdiff's of each whole paragraph: ${same} of ${paired.length} pairs`);
  }

  const real = records.filter((r) => r.symbol === 'A/C.3/75/L.8/Rev.1' || r.symbol === 'A/RES/76/187');
  if (real.length === 2) {
    const [x, y] = real as [(typeof real)[0], (typeof real)[0]];
    const ux = unitsOf(x);
    const uy = unitsOf(y);
    const rx = wholeText(ux);
    const ry = wholeText(uy);
    const realMs: number[][] = aligners.map(() => []);
    const realJs: number[] = [];
    for (const al of aligners) runs(() => al.alignVersions(structuredClone(x), structuredClone(y), { redline: true }), 1, WARMUP, al.resetTermsMemo);
    for (let k = 0; k < 7; k++) {
      for (let r = 0; r < Math.ceil(REPS / 7); r++) {
        aligners.forEach((al, i) => {
          const [cx, cy] = [structuredClone(x), structuredClone(y)];
          realMs[i]!.push(...runs(() => al.alignVersions(cx, cy, { redline: true }), 1, 0, al.resetTermsMemo));
        });
      }
      realJs.push(...runs(() => diffWords(rx, ry), 1, 0));
    }
    const [realOurs, realBase] = realMs as [number[], number[] | undefined];
    console.log(`  real, A/C.3/75/L.8/Rev.1 (${ux.preamble.length + ux.operative.length}) → A/RES/76/187 (${uy.preamble.length + uy.operative.length}) paragraphs, with footnotes:`);
    console.log(`    align + redline every pair   ${show(realOurs)}`);
    if (realBase) console.log(`    the same, --baseline         ${showBase(realBase, realOurs)}`);
    console.log(`    jsdiff diffWords whole texts ${show(realJs)}`);
    console.log(`    ratio                        ${(median(realOurs) / median(realJs)).toFixed(3)}× jsdiff (jsdiff ${Math.round(median(realJs) / median(realOurs))}× slower)`);
  }

  // Worst case: one paragraph of 20,000 words rewritten throughout (a broken converter's output).
  const rnd = mulberry32(99);
  const long = (n: number) => Array.from({ length: n }, () => vocabulary[Math.floor(rnd() * vocabulary.length)]!).join(' ');
  const la = long(20000);
  const lb = rewordPhrases(la, 0.5, rnd);
  const big = (t: string): VersionUnits => ({ preamble: [], operative: [unit('OP1', 'operative', 0, t)], annex: [], footnotes: [] });
  const bigMs = runs(() => alignUnits(big(la), big(lb), { redline: true }), 3, 1);
  console.log(`  worst case, one 20,000-word paragraph 50% reworded (word diff limited to ${MAX_DIFF_WORDS} words a side, beyond: shown as replaced):`);
  console.log(`    align + redline              ${show(bigMs)}`);
}
