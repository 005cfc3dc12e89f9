/**
 * Bytes and time of the compare view (src/lib/compare/view.ts's compareView),
 * as the compare pages render it: each row with its inline redline, and the
 * side-by-side text only where the browser cannot derive it from the redline
 * (src/lib/compare/rows.ts, sideOfInline). Next to it, the same view with
 * every row's side-by-side text written out (`allSides`, what every row
 * carried before), interleaved in the same run.
 *
 *   node scripts/bench-compare.ts [--reps N]
 *
 * Two pairs: the real A/C.3/75/L.8/Rev.1 → A/RES/76/187 (content/), and a
 * synthetic pair of 150 paragraphs (60 preambular, 90 operative) made from
 * distinct real paragraphs of content/ (with their sub-paragraphs): a third
 * of them reworded by phrase edits, 5 deleted, 5 inserted, 3 moved.
 * The alignment is computed once per pair; only compareView is timed.
 * Deterministic: a seeded PRNG, corpus files in name order.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseBytes } from '../src/lib/index.ts';
import { alignUnits, alignVersions } from '../src/lib/align/align.ts';
import { unitsOf, type Unit, type VersionUnits } from '../src/lib/align/units.ts';
import { compareView, COMPARE_ALIGN_OPTIONS, type CompareInput, type CompareSide } from '../src/lib/compare/view.ts';
import { applyPhraseEdits } from './lib/edits.ts';
import { mulberry32 } from './lib/random.ts';

const args = process.argv.slice(2);
const REPS = Number(args.includes('--reps') ? args[args.indexOf('--reps') + 1] : 15) || 15;

const dir = join(import.meta.dirname, '..', 'content');
const records = readdirSync(dir)
  .filter((f) => /\.(txt|md)$/.test(f))
  .sort()
  .flatMap((f) => parseBytes(readFileSync(join(dir, f)), `content/${f}`).resolutions);

const side = (name: string, index: number): CompareSide => ({ name, detail: 'a version', href: `/versions/${index}/`, index });

// ---------------------------------------------------------------------------
// The real pair.

const bySymbol = (s: string) => records.find((r) => r.symbol === s)!;
const L8 = bySymbol('A/C.3/75/L.8/Rev.1');
const RES = bySymbol('A/RES/76/187');
const real: CompareInput = {
  series: 'Strengthening the United Nations crime prevention and criminal justice programme',
  a: side('A/C.3/75/L.8/Rev.1', 4),
  b: side('A/RES/76/187', 5),
  unitsA: unitsOf(L8),
  unitsB: unitsOf(RES),
  alignment: alignVersions(L8, RES, COMPARE_ALIGN_OPTIONS),
};

// ---------------------------------------------------------------------------
// The synthetic pair.

const rnd = mulberry32(1);
const seen = new Set<string>();
const pool: Record<'preamble' | 'operative', Unit[]> = { preamble: [], operative: [] };
for (const r of records) {
  const u = unitsOf(r);
  for (const p of [...u.preamble, ...u.operative]) {
    if (seen.has(p.fullText) || p.text.split(' ').length < 8) continue;
    seen.add(p.fullText);
    pool[p.section as 'preamble' | 'operative'].push(p);
  }
}
const poolWords = [...pool.preamble, ...pool.operative].map((p) => p.text.split(' '));

function shuffled<T>(xs: readonly T[]): T[] {
  const out = [...xs];
  for (let k = out.length - 1; k > 0; k--) {
    const j = Math.floor(rnd() * (k + 1));
    [out[k], out[j]] = [out[j]!, out[k]!];
  }
  return out;
}

/** A unit renamed: "PP3", its sub-paragraphs "OP5(a)". */
function renamed(u: Unit, id: string, index: number): Unit {
  return { ...u, id, index, subparagraphs: u.subparagraphs.map((s, k) => ({ ...s, id: `${id}(${String.fromCharCode(97 + k)})`, index: k, subparagraphs: [] })) };
}

function phrase(k: number): string[] {
  const src = poolWords[Math.floor(rnd() * poolWords.length)]!;
  const at = Math.floor(rnd() * Math.max(1, src.length - k));
  return src.slice(at, at + k).map((w) => w.replace(/[,;:.]+$/, ''));
}

/** A few runs of words replaced, struck or inserted: about a fifth of the words. */
function reword(text: string): string {
  const words = text.split(' ');
  const before = new Map<number, string[]>();
  const replaced = new Map<number, { len: number; by: string[] }>();
  let budget = Math.max(1, Math.round(words.length * 0.2));
  for (let guard = 0; budget > 0 && guard < 200; guard++) {
    const k = Math.min(budget, 1 + Math.floor(rnd() * 4));
    const at = Math.floor(rnd() * words.length);
    if (at + k > words.length || [...replaced.keys(), ...before.keys()].some((x) => Math.abs(x - at) < 6)) continue;
    const r = rnd();
    if (r < 0.2) before.set(at, phrase(k));
    else replaced.set(at, { len: k, by: r < 0.8 ? phrase(k) : [] });
    budget -= k;
  }
  return applyPhraseEdits(words, { before, replaced }).join(' ');
}

function version(pp: Unit[], op: Unit[]): VersionUnits {
  return { preamble: pp.map((u, i) => renamed(u, `PP${i + 1}`, i)), operative: op.map((u, i) => renamed(u, `OP${i + 1}`, i)), annex: [], footnotes: [] };
}

const pp = shuffled(pool.preamble).slice(0, 65);
const op = shuffled(pool.operative).slice(0, 95);
const ppA = pp.slice(0, 60);
const opA = op.slice(0, 90);
const edit = (u: Unit): Unit => (rnd() < 1 / 3 ? { ...u, text: reword(u.text), fullText: reword(u.fullText) } : u);
const ppB = ppA.map(edit);
const opB = opA.map(edit);
for (let k = 0; k < 2; k++) ppB.splice(Math.floor(rnd() * ppB.length), 1);
for (let k = 0; k < 3; k++) opB.splice(Math.floor(rnd() * opB.length), 1);
for (const u of pp.slice(60, 62)) ppB.splice(Math.floor(rnd() * ppB.length), 0, u);
for (const u of op.slice(90, 93)) opB.splice(Math.floor(rnd() * opB.length), 0, u);
for (let k = 0; k < 3; k++) {
  const [u] = opB.splice(Math.floor(rnd() * opB.length), 1);
  opB.splice(Math.floor(rnd() * opB.length), 0, u!);
}
const ua = version(ppA, opA);
const ub = version(ppB, opB);
const synthetic: CompareInput = { series: 'Synthetic', a: side('Version A', 0), b: side('Version B', 1), unitsA: ua, unitsB: ub, alignment: alignUnits(ua, ub, COMPARE_ALIGN_OPTIONS) };

// ---------------------------------------------------------------------------

type View = ReturnType<typeof compareView>;
// `allSides`: every row's side-by-side text written out. A core without the option ignores it.
const render = (input: CompareInput, all: boolean): View => (compareView as (i: CompareInput, o?: { allSides?: boolean }) => View)(input, { allSides: all });
const bytes = (v: View) => Buffer.byteLength(v.heading + v.summary + v.rows);
const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
const sides = (v: View) => (v.rows.match(/<div class="text side">/g) ?? []).length;

for (const [name, input] of [['A/C.3/75/L.8/Rev.1 → A/RES/76/187', real], ['synthetic 150 paragraphs', synthetic]] as const) {
  const times = { derived: [] as number[], all: [] as number[] };
  for (let k = 0; k < 3; k++) (render(input, false), render(input, true));
  for (let k = 0; k < REPS; k++) {
    for (const mode of k % 2 ? (['all', 'derived'] as const) : (['derived', 'all'] as const)) {
      const t = performance.now();
      render(input, mode === 'all');
      times[mode].push(performance.now() - t);
    }
  }
  const d = render(input, false);
  const a = render(input, true);
  const c = d.counts;
  console.log(`${name}: ${d.rowCount} rows (${c.edited} edited, ${c.moved} moved, ${c.inserted} inserted, ${c.deleted} deleted, ${c.splits} split, ${c.merges} merged), ${sides(d)} with an explicit side (of ${sides(a)} with every side)`);
  console.log(`  bytes (heading + summary + rows): ${bytes(d)} derived, ${bytes(a)} with every side (${((100 * bytes(d)) / bytes(a)).toFixed(1)}%)`);
  console.log(`  compareView median of ${REPS}: ${median(times.derived).toFixed(2)} ms derived, ${median(times.all).toFixed(2)} ms with every side`);
}
