/**
 * Paragraph alignment between two versions of a resolution: for every
 * paragraph, what became of it.
 *
 * Steps, each on the preamble and on the operative part separately, then
 * across them:
 *
 * 1. Score every pair of paragraphs: weighted word overlap (similarity.ts),
 *    plus small bonuses for the same operative verb or lead words, shared
 *    citations ("resolution 70/1") and a similar relative position.
 * 2. Take pairs greedily, best first, above `threshold`.
 * 3. Between the pairs that keep their order (the anchors), pair what is left
 *    in each gap with the lower `gapThreshold`: a paragraph rewritten in place
 *    keeps its neighbours even when it keeps few of its words.
 * 4. What is still unpaired may be part of a split (a paragraph of the new
 *    version found inside an old paragraph whose other part it sits next to)
 *    or of a merge (the reverse). A part much reworded is still taken when it
 *    sits right beside the other part, that part leaves much of the whole
 *    unexplained, and it explains a good share of the rest.
 * 5. Paragraphs still unpaired in one section are compared with those of the
 *    other section (a preambular paragraph that became operative).
 * 6. A pair is "moved" when its order changed relative to its neighbours
 *    (it is not on the longest run of pairs in order) or it changed section;
 *    "edited" when its words changed; else "unchanged".
 *
 * Sub-paragraphs are aligned the same way inside each aligned pair, and
 * footnotes as units of their own, helped by the paragraphs that call them.
 * The result depends only on the two records (a pure function).
 */
import type { ResolutionRecord } from '../model.ts';
import { changeClassOf, classifyChange, type ChangeClass } from '../diff/classify.ts';
import { compareVerbs, type VerbChange } from '../diff/verb-scale.ts';
import { absorbIslands, hunksToSegments, rawHunks, redline, snapToWords, type RedlineOptions, type Segment } from '../diff/redline.ts';
import { containment, dice, diceMatrix, TermSpace, union, type TermVector } from './similarity.ts';
import { unitsOf, type Unit, type VersionUnits } from './units.ts';

export interface AlignOptions {
  /** Least score for a pair found anywhere in its section. Default 0.5. */
  threshold?: number;
  /** Least score for a pair found in a gap between pairs in order. Default 0.2. */
  gapThreshold?: number;
  /** Least similarity for a paragraph that moved between preamble and operative part. Default 0.55. */
  crossThreshold?: number;
  /** Least share of a part found in the whole for a split or merge. Default 0.8. */
  partThreshold?: number;
  /** ... when the part's verb or lead words are found inside the whole ("..., and encourages Member States"). Default 0.4. */
  partWithVerbThreshold?: number;
  /** ... when it sits next to another part of the same whole. Default 0.5. */
  partNearThreshold?: number;
  /**
   * ... when it sits right beside another part of the same whole that leaves much of the whole
   * unexplained, and it explains a good share of the rest (a much reworded second half). Default 0.35.
   */
  partBesideThreshold?: number;
  /** Least similarity for a pair found anywhere among the paragraphs left unpaired, each the other's best match by a factor of two. Default 0.3. */
  mutualThreshold?: number;
  /** Add the word diff of each pair (see diff/redline.ts for its options). */
  redline?: boolean | RedlineOptions;
}

export type PairChange = 'unchanged' | 'edited' | 'moved';

export interface Pair {
  a: string;
  b: string;
  /** Weighted word similarity, 0..1, three decimals. */
  similarity: number;
  change: PairChange;
  /** True when the words changed (also for a moved pair). */
  edited: boolean;
  /** Technical update or substantive change (see diff/classify.ts). */
  class: ChangeClass;
  /** The operative verb changed, with its direction on the strength scale. */
  verb?: VerbChange;
  /** Sub-paragraphs aligned inside this pair, when either has some. */
  subparagraphs?: ListAlignment;
  redline?: Segment[];
}

export interface Split {
  a: string;
  b: string[];
  similarity: number;
  redline?: Segment[];
}

export interface Merge {
  a: string[];
  b: string;
  similarity: number;
  redline?: Segment[];
}

export interface ListAlignment {
  pairs: Pair[];
  inserted: string[];
  deleted: string[];
  splits: Split[];
  merges: Merge[];
}

export interface VersionAlignment extends ListAlignment {
  /** The two versions: symbol, or record id when there is none. */
  a: string;
  b: string;
  footnotes: ListAlignment;
}

// ---------------------------------------------------------------------------

interface Ctx {
  space: TermSpace;
  vec: Map<Unit, TermVector>;
  opts: Required<Omit<AlignOptions, 'redline'>> & { redline: RedlineOptions | null };
}

interface RawPair {
  i: number;
  j: number;
  sim: number;
}

interface RawResult {
  pairs: RawPair[];
  splits: { i: number; js: number[] }[];
  merges: { is: number[]; j: number }[];
}

const DEFAULTS = { threshold: 0.5, gapThreshold: 0.2, crossThreshold: 0.55, partThreshold: 0.8, partWithVerbThreshold: 0.4, partNearThreshold: 0.5, partBesideThreshold: 0.35, mutualThreshold: 0.3 };

/** For `partBesideThreshold`: at most this share of the whole found in the parts beside ... */
const BESIDE_COVERED = 0.7;
/** ... and at least this much more of it found once the new part is added. */
const BESIDE_GAIN = 0.2;

function vectorOf(ctx: Ctx, u: Unit): TermVector {
  let v = ctx.vec.get(u);
  if (!v) ctx.vec.set(u, (v = ctx.space.vector(u.fullText)));
  return v;
}

const verbKeys = new Map<string, string>();

function verbKey(verb: string | null): string | null {
  if (!verb) return null;
  const hit = verbKeys.get(verb);
  if (hit !== undefined) return hit;
  const key = verb.toLowerCase().replace(/\b(also|further|again|once|moreover|furthermore|in addition)\b/g, '').replace(/\s+/g, ' ').trim();
  verbKeys.set(verb, key);
  return key;
}

/** Bonus for what the two units share besides their words. */
function bonus(a: Unit, b: Unit, ia: number, na: number, ib: number, nb: number): number {
  let s = 0;
  const va = verbKey(a.verb);
  if (va && va === verbKey(b.verb)) s += 0.05;
  if (a.citations.length && b.citations.length) {
    const shared = a.citations.filter((c) => b.citations.includes(c)).length;
    s += (0.1 * shared) / (a.citations.length + b.citations.length - shared);
  }
  const ra = na > 1 ? ia / (na - 1) : 0.5;
  const rb = nb > 1 ? ib / (nb - 1) : 0.5;
  s += 0.05 * (1 - Math.abs(ra - rb));
  return s;
}

/** True when the verb or lead words of `part` appear inside `whole` after its start: "..., and encourages Member States". */
function verbInside(part: Unit, whole: Unit): boolean {
  const v = verbKey(part.verb);
  if (!v) return false;
  const at = whole.fullText.toLowerCase().indexOf(` ${v}`, 1);
  return at > 0;
}

/** Indices (into `pairs`) of a longest run of pairs increasing in both i and j. */
function longestInOrder(pairs: readonly RawPair[]): Set<number> {
  const order = pairs.map((_, k) => k).sort((x, y) => pairs[x]!.i - pairs[y]!.i);
  const tails: number[] = [];
  const prev = new Array<number>(pairs.length).fill(-1);
  for (const k of order) {
    const j = pairs[k]!.j;
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pairs[tails[mid]!]!.j < j) lo = mid + 1;
      else hi = mid;
    }
    prev[k] = lo > 0 ? tails[lo - 1]! : -1;
    tails[lo] = k;
  }
  const out = new Set<number>();
  for (let k = tails.length ? tails[tails.length - 1]! : -1; k !== -1; k = prev[k]!) out.add(k);
  return out;
}

/** Aligns two lists of units of the same kind (one section, or the sub-paragraphs of a pair). */
function alignList(A: readonly Unit[], B: readonly Unit[], ctx: Ctx, seed: RawPair[] = [], extra?: (i: number, j: number) => number): RawResult {
  const na = A.length;
  const nb = B.length;
  const va = A.map((u) => vectorOf(ctx, u));
  const vb = B.map((u) => vectorOf(ctx, u));
  const sim = diceMatrix(va, vb);
  const score = (i: number, j: number) => sim[i * nb + j]! + bonus(A[i]!, B[j]!, i, na, j, nb) + (extra ? extra(i, j) : 0);
  const aOf = new Int32Array(na).fill(-1);
  const bOf = new Int32Array(nb).fill(-1);
  const pairs: RawPair[] = [];
  const take = (i: number, j: number) => {
    aOf[i] = j;
    bOf[j] = i;
    pairs.push({ i, j, sim: sim[i * nb + j]! });
  };
  for (const p of seed) if (aOf[p.i] === -1 && bOf[p.j] === -1) take(p.i, p.j);

  const greedy = (cands: { i: number; j: number; s: number }[]) => {
    cands.sort((x, y) => y.s - x.s || x.i - y.i || x.j - y.j);
    for (const c of cands) if (aOf[c.i] === -1 && bOf[c.j] === -1) take(c.i, c.j);
  };

  // 2. Best pairs first.
  const cands: { i: number; j: number; s: number }[] = [];
  for (let i = 0; i < na; i++) {
    if (aOf[i] !== -1) continue;
    for (let j = 0; j < nb; j++) {
      if (bOf[j] !== -1 || sim[i * nb + j]! < ctx.opts.gapThreshold) continue;
      const s = score(i, j);
      if (s >= ctx.opts.threshold) cands.push({ i, j, s });
    }
  }
  greedy(cands);

  // 4a. Splits and merges whose part is found almost whole in a paragraph: before the gaps, so that
  // the part is not taken for a rewrite in place of a paragraph that merely sits next to it.
  const splits = new Map<number, number[]>();
  const merges = new Map<number, number[]>();
  // Containment of one paragraph in another from the similarity matrix: the overlap is dice × (sum of both totals) / 2.
  const ov = (i: number, j: number) => (sim[i * nb + j]! * (va[i]!.total + vb[j]!.total)) / 2;
  const partIn = (side: 'a' | 'b', p: number, w: number) => {
    const t = side === 'b' ? vb[p]!.total : va[p]!.total;
    return t === 0 ? 0 : (side === 'b' ? ov(w, p) : ov(p, w)) / t;
  };
  const cont = (x: TermVector, y: TermVector) => containment(x, y);
  /** True when k and j are neighbours, or only unpaired paragraphs of that side lie between them. */
  const near = (k: number, j: number, of: Int32Array) => {
    if (Math.abs(k - j) === 1) return true;
    if (Math.abs(k - j) > 3) return false;
    for (let x = Math.min(k, j) + 1; x < Math.max(k, j); x++) if (of[x] !== -1) return false;
    return true;
  };
  /**
   * Parts of splits (side "b": unpaired paragraphs of B found in a paragraph of A) and of merges
   * (side "a", the reverse). Strong: most of the part (partThreshold) is found in the whole. Weak:
   * as much of it as partNearThreshold, next to another part of the same whole; or
   * partWithVerbThreshold when its verb or lead words are found inside the whole; or
   * partBesideThreshold right beside another part that leaves much of the whole unexplained,
   * when it explains a good share of the rest (`fillsWhole`).
   */
  const partsPass = (strong: boolean, side: 'a' | 'b') => {
    const [P, W, vp, vw, pOf, wOf, np, nw, wholes, others] =
      side === 'b' ? [B, A, vb, va, bOf, aOf, nb, na, splits, merges] : [A, B, va, vb, aOf, bOf, na, nb, merges, splits];
    /**
     * True when the parts found so far leave much of the whole unexplained (at most BESIDE_COVERED
     * of its weight found in them) and part j, beside one of them, explains a good share of the
     * rest (BESIDE_GAIN more of the whole found): the much reworded other half of a split.
     */
    const fillsWhole = (whole: TermVector, parts: readonly number[], j: number) => {
      const before = cont(whole, union(parts.map((k) => vp[k]!)));
      return before <= BESIDE_COVERED && cont(whole, union([...parts, j].map((k) => vp[k]!))) - before >= BESIDE_GAIN;
    };
    for (let j = 0; j < np; j++) {
      if (pOf[j] !== -1) continue;
      let best = -1;
      let bestC = 0;
      let bestParts: number[] = [];
      for (let i = 0; i < nw; i++) {
        if (others.has(wOf[i] ?? -1)) continue;
        const c = partIn(side, j, i);
        if (c <= bestC || c < Math.min(ctx.opts.partNearThreshold, ctx.opts.partWithVerbThreshold, strong ? 1 : ctx.opts.partBesideThreshold)) continue;
        const parts: number[] = wholes.get(i) ?? (wOf[i] !== -1 ? [wOf[i]!] : []);
        if (!parts.length) continue;
        const isNear = parts.some((k) => near(k, j, pOf));
        // A part found almost whole (and not a few words) may have moved away from its sibling.
        const far = c >= 0.9 && vp[j]!.weights.size >= 6;
        const ok = strong
          ? c >= ctx.opts.partThreshold && (isNear || far)
          : (isNear && (c >= ctx.opts.partNearThreshold || (c >= ctx.opts.partWithVerbThreshold && verbInside(P[j]!, W[i]!)))) ||
            (far && c >= ctx.opts.partThreshold) ||
            (c >= ctx.opts.partBesideThreshold && parts.some((k) => Math.abs(k - j) === 1) && fillsWhole(vw[i]!, parts, j));
        if (ok) [best, bestC, bestParts] = [i, c, parts];
      }
      if (best === -1) continue;
      const before = cont(vw[best]!, union(bestParts.map((k) => vp[k]!)));
      const after = cont(vw[best]!, union([...bestParts, j].map((k) => vp[k]!)));
      if (after - before < 0.1) continue;
      wholes.set(best, [...bestParts, j].sort((x, y) => x - y));
      pOf[j] = best;
    }
    if (strong) return;
    // Two neighbours, both unpaired, each found in the same unpaired paragraph of the other side.
    for (let j = 0; j + 1 < np; j++) {
      if (pOf[j] !== -1 || pOf[j + 1] !== -1) continue;
      let best = -1;
      let bestS = 0;
      for (let i = 0; i < nw; i++) {
        if (wOf[i] !== -1) continue;
        const c1 = partIn(side, j, i);
        const c2 = partIn(side, j + 1, i);
        if (c1 < ctx.opts.partNearThreshold || c2 < ctx.opts.partNearThreshold) continue;
        const both = dice(vw[i]!, union([vp[j]!, vp[j + 1]!]));
        if (both < ctx.opts.mutualThreshold || both < dice(vw[i]!, vp[j]!) || both < dice(vw[i]!, vp[j + 1]!) || both <= bestS) continue;
        [best, bestS] = [i, both];
      }
      if (best === -1) continue;
      wholes.set(best, [j, j + 1]);
      pOf[j] = best;
      pOf[j + 1] = best;
      wOf[best] = j;
    }
  };
  partsPass(true, 'b');
  partsPass(true, 'a');

  // 3. Gaps between pairs in order.
  for (let round = 0; round < 3; round++) {
    const before = pairs.length;
    const anchors = [...longestInOrder(pairs)].map((k) => pairs[k]!).sort((x, y) => x.i - y.i);
    const bounds = [{ i: -1, j: -1 }, ...anchors, { i: na, j: nb }];
    for (let g = 0; g + 1 < bounds.length; g++) {
      const lo = bounds[g]!;
      const hi = bounds[g + 1]!;
      const gap: { i: number; j: number; s: number }[] = [];
      for (let i = lo.i + 1; i < hi.i; i++) {
        if (aOf[i] !== -1) continue;
        for (let j = lo.j + 1; j < hi.j; j++) {
          if (bOf[j] !== -1) continue;
          const s = score(i, j);
          // A lone paragraph on each side of a gap, between pairs in order: a rewrite in place.
          const alone = hi.i - lo.i === 2 && hi.j - lo.j === 2;
          if (s >= ctx.opts.gapThreshold || (alone && s >= ctx.opts.gapThreshold * 0.75)) gap.push({ i, j, s });
        }
      }
      greedy(gap);
    }
    if (pairs.length === before) break;
  }

  // 3b. Anywhere: a paragraph and its best match on the other side, each the other's best by a clear
  // margin, among what is still unpaired (a heavily reworded paragraph that also moved).
  {
    const freeA = [...Array(na).keys()].filter((i) => aOf[i] === -1);
    const freeB = [...Array(nb).keys()].filter((j) => bOf[j] === -1);
    const bestOf = (xs: number[], s: (x: number) => number) => {
      let best = -1;
      let bs = -1;
      let second = 0;
      for (const x of xs) {
        const v = s(x);
        if (v > bs) [best, second, bs] = [x, Math.max(second, bs), v];
        else if (v > second) second = v;
      }
      return { best, s: bs, second };
    };
    const found: { i: number; j: number; s: number }[] = [];
    for (const i of freeA) {
      const r = bestOf(freeB, (j) => sim[i * nb + j]!);
      if (r.best === -1 || r.s < ctx.opts.mutualThreshold || r.s < 2 * r.second) continue;
      const c = bestOf(freeA, (x) => sim[x * nb + r.best]!);
      if (c.best !== i || c.s < 2 * c.second) continue;
      found.push({ i, j: r.best, s: r.s });
    }
    greedy(found);
  }

  // 4b. Splits and merges found with the weaker evidence, among what is still unpaired.
  partsPass(false, 'b');
  partsPass(false, 'a');
  const inSplitOrMerge = (p: RawPair) => splits.has(p.i) || merges.has(p.j);
  return {
    pairs: pairs.filter((p) => !inSplitOrMerge(p)),
    splits: [...splits].map(([i, js]) => ({ i, js })).sort((x, y) => x.i - y.i),
    merges: [...merges].map(([j, is]) => ({ is, j })).sort((x, y) => x.j - y.j),
  };
}

function round3(x: number): number {
  return Math.round(Math.min(1, x) * 1000) / 1000;
}

function makePair(a: Unit, b: Unit, sim: number, moved: boolean, ctx: Ctx): Pair {
  const edited = a.fullText !== b.fullText;
  // One word diff serves both the class and the redline when the paragraphs have no sub-paragraphs.
  const ro = ctx.opts.redline;
  const simple = !a.subparagraphs.length && !b.subparagraphs.length;
  const snapped = edited && simple && (ro === null || (ro.wholeWords ?? true) && !ro.ignoreCase) ? snapToWords(rawHunks(a.text, b.text)) : null;
  const cls = !edited ? 'unchanged' : snapped ? changeClassOf(snapped) : classifyChange(a.fullText, b.fullText).change;
  const pair: Pair = {
    a: a.id,
    b: b.id,
    similarity: edited ? round3(sim) : 1,
    change: moved ? 'moved' : cls === 'unchanged' ? 'unchanged' : 'edited',
    edited: cls !== 'unchanged',
    class: cls,
  };
  if (a.section === 'operative' && b.section === 'operative') {
    const verb = compareVerbs(a.verb, b.verb);
    if (verb) pair.verb = verb;
  }
  if (a.subparagraphs.length || b.subparagraphs.length) {
    pair.subparagraphs = toList(a.subparagraphs, b.subparagraphs, alignList(a.subparagraphs, b.subparagraphs, ctx), ctx);
  }
  if (ro) {
    pair.redline = !edited || a.text === b.text
      ? [{ kind: 'equal', text: b.text }]
      : snapped
        ? hunksToSegments(absorbIslands(snapped, ro.islandWords ?? 2, ro.islandLength ?? 8))
        : redline(a.text, b.text, ro);
  }
  return pair;
}

function toList(A: readonly Unit[], B: readonly Unit[], raw: RawResult, ctx: Ctx, movedOverride?: (p: RawPair) => boolean): ListAlignment {
  const inOrder = longestInOrder(raw.pairs);
  const pairs = raw.pairs
    .map((p, k) => ({ p, moved: movedOverride ? movedOverride(p) : !inOrder.has(k) }))
    .sort((x, y) => x.p.j - y.p.j)
    .map(({ p, moved }) => makePair(A[p.i]!, B[p.j]!, p.sim, moved, ctx));
  const usedA = new Set<number>([...raw.pairs.map((p) => p.i), ...raw.splits.map((s) => s.i), ...raw.merges.flatMap((m) => m.is)]);
  const usedB = new Set<number>([...raw.pairs.map((p) => p.j), ...raw.splits.flatMap((s) => s.js), ...raw.merges.map((m) => m.j)]);
  const text = (us: readonly Unit[]) => us.map((u) => u.text).join(' ');
  return {
    pairs,
    inserted: B.filter((_, j) => !usedB.has(j)).map((u) => u.id),
    deleted: A.filter((_, i) => !usedA.has(i)).map((u) => u.id),
    splits: raw.splits.map((s) => {
      const parts = s.js.map((j) => B[j]!);
      const out: Split = { a: A[s.i]!.id, b: parts.map((u) => u.id), similarity: round3(dice(vectorOf(ctx, A[s.i]!), union(parts.map((u) => vectorOf(ctx, u))))) };
      if (ctx.opts.redline) out.redline = redline(A[s.i]!.text, text(parts), ctx.opts.redline);
      return out;
    }),
    merges: raw.merges.map((m) => {
      const parts = m.is.map((i) => A[i]!);
      const out: Merge = { a: parts.map((u) => u.id), b: B[m.j]!.id, similarity: round3(dice(union(parts.map((u) => vectorOf(ctx, u))), vectorOf(ctx, B[m.j]!))) };
      if (ctx.opts.redline) out.redline = redline(text(parts), B[m.j]!.text, ctx.opts.redline);
      return out;
    }),
  };
}

function allTexts(v: VersionUnits): string[] {
  const out: string[] = [];
  const visit = (u: Unit) => {
    out.push(u.fullText);
    u.subparagraphs.forEach(visit);
  };
  [...v.preamble, ...v.operative, ...v.annex, ...v.footnotes].forEach(visit);
  return out;
}

/** A record's label in an alignment: its symbol, or its id when it has none. */
export function versionLabel(r: ResolutionRecord): string {
  return r.symbol ?? r.id;
}

/**
 * The place of a paragraph id in a text: preambular paragraphs, then
 * operative paragraphs, then each annex's paragraphs ("ANX1.18", "ANX1.U2"
 * after the numbered ones before it), by number.
 */
export function unitOrder(id: string): number {
  const annex = /^ANX(\d+)\.(U?)(\d+)/.exec(id);
  if (annex) return 2_000_000 + Number(annex[1]) * 100_000 + Number(annex[3]) * 2 + (annex[2] ? 1 : 0);
  return (id.startsWith('PP') ? 0 : 1_000_000) + Number(/\d+/.exec(id)?.[0] ?? 0);
}

/** Aligns the units of two versions (see the steps above). */
export function alignUnits(ua: VersionUnits, ub: VersionUnits, options: AlignOptions = {}, labels: { a: string; b: string } = { a: 'a', b: 'b' }): VersionAlignment {
  const ctx: Ctx = {
    space: new TermSpace([...allTexts(ua), ...allTexts(ub)]),
    vec: new Map(),
    opts: {
      threshold: options.threshold ?? DEFAULTS.threshold,
      gapThreshold: options.gapThreshold ?? DEFAULTS.gapThreshold,
      crossThreshold: options.crossThreshold ?? DEFAULTS.crossThreshold,
      partThreshold: options.partThreshold ?? DEFAULTS.partThreshold,
      partWithVerbThreshold: options.partWithVerbThreshold ?? DEFAULTS.partWithVerbThreshold,
      mutualThreshold: options.mutualThreshold ?? DEFAULTS.mutualThreshold,
      partNearThreshold: options.partNearThreshold ?? DEFAULTS.partNearThreshold,
      partBesideThreshold: options.partBesideThreshold ?? DEFAULTS.partBesideThreshold,
      redline: options.redline === true ? {} : options.redline || null,
    },
  };
  const pp = alignList(ua.preamble, ub.preamble, ctx);
  const op = alignList(ua.operative, ub.operative, ctx);
  // Annexes: a section of their own, never matched across to the resolution's paragraphs.
  const ax = alignList(ua.annex, ub.annex, ctx);

  // 5. Across sections: preambular paragraphs that became operative, and back.
  const used = (raw: RawResult, side: 'a' | 'b') =>
    new Set(side === 'a' ? [...raw.pairs.map((p) => p.i), ...raw.splits.map((s) => s.i), ...raw.merges.flatMap((m) => m.is)] : [...raw.pairs.map((p) => p.j), ...raw.splits.flatMap((s) => s.js), ...raw.merges.map((m) => m.j)]);
  const cross: { a: Unit; b: Unit; sim: number }[] = [];
  const crossPairs = (A: readonly Unit[], usedA: Set<number>, B: readonly Unit[], usedB: Set<number>) => {
    const cands: { i: number; j: number; s: number }[] = [];
    for (let i = 0; i < A.length; i++) {
      if (usedA.has(i)) continue;
      for (let j = 0; j < B.length; j++) {
        if (usedB.has(j)) continue;
        const s = dice(vectorOf(ctx, A[i]!), vectorOf(ctx, B[j]!));
        if (s >= ctx.opts.crossThreshold) cands.push({ i, j, s });
      }
    }
    cands.sort((x, y) => y.s - x.s || x.i - y.i || x.j - y.j);
    for (const c of cands) {
      if (usedA.has(c.i) || usedB.has(c.j)) continue;
      usedA.add(c.i);
      usedB.add(c.j);
      cross.push({ a: A[c.i]!, b: B[c.j]!, sim: c.s });
    }
  };
  const ppA = used(pp, 'a');
  const ppB = used(pp, 'b');
  const opA = used(op, 'a');
  const opB = used(op, 'b');
  crossPairs(ua.preamble, ppA, ub.operative, opB);
  crossPairs(ua.operative, opA, ub.preamble, ppB);

  const lp = toList(ua.preamble, ub.preamble, pp, ctx);
  const lo = toList(ua.operative, ub.operative, op, ctx);
  const la = toList(ua.annex, ub.annex, ax, ctx);
  const crossed = cross.map((c) => makePair(c.a, c.b, c.sim, true, ctx));
  const crossedA = new Set(cross.map((c) => c.a.id));
  const crossedB = new Set(cross.map((c) => c.b.id));

  // Footnotes: text, helped by calls from aligned paragraphs at the same place.
  const unitById = new Map<string, Unit>();
  for (const u of [...ua.preamble, ...ua.operative, ...ua.annex]) unitById.set(`a:${u.id}`, u);
  for (const u of [...ub.preamble, ...ub.operative, ...ub.annex]) unitById.set(`b:${u.id}`, u);
  const anchored = new Set<string>();
  const anchor = (ids: { a: string[]; b: string[] }) => {
    const fa = ids.a.flatMap((id) => unitById.get(`a:${id}`)?.footnotes ?? []);
    const fb = ids.b.flatMap((id) => unitById.get(`b:${id}`)?.footnotes ?? []);
    for (let k = 0; k < Math.min(fa.length, fb.length); k++) anchored.add(`${fa[k]}>${fb[k]}`);
  };
  for (const p of [...lp.pairs, ...lo.pairs, ...la.pairs, ...crossed]) anchor({ a: [p.a], b: [p.b] });
  for (const s of [...lp.splits, ...lo.splits, ...la.splits]) anchor({ a: [s.a], b: s.b });
  for (const m of [...lp.merges, ...lo.merges, ...la.merges]) anchor({ a: m.a, b: [m.b] });
  const fnA = ua.footnotes;
  const fnB = ub.footnotes;
  const fnNum = (u: Unit) => Number(u.id.slice(2));
  const fn = alignList(fnA, fnB, ctx, [], (i, j) => (anchored.has(`${fnNum(fnA[i]!)}>${fnNum(fnB[j]!)}`) ? 0.3 : 0));

  const idNum = unitOrder;
  const byB = (x: { b: string }, y: { b: string }) => idNum(x.b) - idNum(y.b);
  return {
    a: labels.a,
    b: labels.b,
    pairs: [...lp.pairs, ...lo.pairs, ...la.pairs, ...crossed].sort(byB),
    inserted: [...lp.inserted, ...lo.inserted, ...la.inserted].filter((id) => !crossedB.has(id)).sort((x, y) => idNum(x) - idNum(y)),
    deleted: [...lp.deleted, ...lo.deleted, ...la.deleted].filter((id) => !crossedA.has(id)).sort((x, y) => idNum(x) - idNum(y)),
    splits: [...lp.splits, ...lo.splits, ...la.splits],
    merges: [...lp.merges, ...lo.merges, ...la.merges],
    footnotes: toList(fnA, fnB, fn, ctx),
  };
}

/** Aligns two versions of a resolution. */
export function alignVersions(a: ResolutionRecord, b: ResolutionRecord, options: AlignOptions = {}): VersionAlignment {
  return alignUnits(unitsOf(a), unitsOf(b), options, { a: versionLabel(a), b: versionLabel(b) });
}
