/**
 * Weighted word overlap between units of two versions. Each unit becomes a
 * bag of terms weighted by inverse document frequency over the units of both
 * versions, so that "the" and "United Nations" count for little and
 * "trafficking" or "70/1" for much. Scores are computed through an inverted
 * index, so comparing every paragraph of one version with every paragraph of
 * the other costs time in proportion to the terms they share.
 */
import { terms, type Unit } from './units.ts';

export interface TermVector {
  /** term id → weight */
  weights: Map<number, number>;
  /** Sum of the weights. */
  total: number;
}

export class TermSpace {
  private readonly ids = new Map<string, number>();
  private readonly df: number[] = [];
  private docs = 0;
  private readonly cache = new Map<string, readonly number[]>();
  /** Weight of each term id, once the document frequencies are known (NaN: not computed yet). */
  private idf = new Float64Array(0);

  /** Counts the terms of these texts for the document frequencies. Call for every text before `vector`. */
  constructor(texts: readonly string[]) {
    // The last text each term was counted for, so that a term counts once a text.
    const last: number[] = [];
    for (const t of texts) {
      const doc = this.docs++;
      for (const id of this.termIds(t)) {
        if (last[id] === doc) continue;
        last[id] = doc;
        this.df[id] = (this.df[id] ?? 0) + 1;
      }
    }
  }

  private termIds(text: string): readonly number[] {
    const hit = this.cache.get(text);
    if (hit) return hit;
    const out: number[] = [];
    for (const t of terms(text)) {
      let id = this.ids.get(t);
      if (id === undefined) {
        id = this.ids.size;
        this.ids.set(t, id);
      }
      out.push(id);
    }
    this.cache.set(text, out);
    return out;
  }

  private weightOf(id: number): number {
    if (id >= this.idf.length) {
      const grown = new Float64Array(Math.max(this.ids.size, id + 1, 2 * this.idf.length)).fill(NaN);
      grown.set(this.idf);
      this.idf = grown;
    }
    let w = this.idf[id]!;
    if (Number.isNaN(w)) this.idf[id] = w = Math.log(1 + (this.docs + 1) / ((this.df[id] ?? 0) + 1));
    return w;
  }

  /** Scratch for `vector`: the weight so far of each term id, and the call that last set it. */
  private sum = new Float64Array(0);
  private setBy = new Int32Array(0);
  private calls = 0;

  vector(text: string): TermVector {
    const termIds = this.termIds(text);
    if (this.sum.length < this.ids.size) {
      this.sum = new Float64Array(2 * this.ids.size);
      this.setBy = new Int32Array(2 * this.ids.size);
    }
    const call = ++this.calls;
    // Distinct terms in the order first met, each weight summed in the order of the text.
    const order: number[] = [];
    let total = 0;
    for (const id of termIds) {
      const w = this.weightOf(id);
      if (this.setBy[id] !== call) {
        this.setBy[id] = call;
        this.sum[id] = w;
        order.push(id);
      } else this.sum[id]! += w;
      total += w;
    }
    const weights = new Map<number, number>();
    const ids = Int32Array.from(order);
    const ws = new Float64Array(order.length);
    for (let k = 0; k < order.length; k++) {
      ws[k] = this.sum[order[k]!]!;
      weights.set(order[k]!, ws[k]!);
    }
    const v = { weights, total };
    arrays.set(v, { ids, ws });
    return v;
  }
}

/** Sum over shared terms of the smaller weight. */
export function overlap(a: TermVector, b: TermVector): number {
  const [small, large] = a.weights.size <= b.weights.size ? [a, b] : [b, a];
  let s = 0;
  for (const [id, w] of small.weights) {
    const v = large.weights.get(id);
    if (v !== undefined) s += Math.min(w, v);
  }
  return s;
}

/** Weighted Dice coefficient: 1 for the same words, 0 for none shared. */
export function dice(a: TermVector, b: TermVector): number {
  const t = a.total + b.total;
  return t === 0 ? 1 : (2 * overlap(a, b)) / t;
}

/** How much of a is found in b (0..1). */
export function containment(a: TermVector, b: TermVector): number {
  return a.total === 0 ? 0 : overlap(a, b) / a.total;
}

/** The vector of several units' texts together (for a split or a merge). */
export function union(vectors: readonly TermVector[]): TermVector {
  const weights = new Map<number, number>();
  let total = 0;
  for (const v of vectors) {
    for (const [id, w] of v.weights) weights.set(id, (weights.get(id) ?? 0) + w);
    total += v.total;
  }
  return { weights, total };
}

/** A vector's terms and weights as arrays, in the order of its map (kept per vector). */
const arrays = new WeakMap<TermVector, { ids: Int32Array; ws: Float64Array }>();
function arraysOf(v: TermVector): { ids: Int32Array; ws: Float64Array } {
  let hit = arrays.get(v);
  if (!hit) {
    const ids = new Int32Array(v.weights.size);
    const ws = new Float64Array(v.weights.size);
    let k = 0;
    for (const [id, w] of v.weights) {
      ids[k] = id;
      ws[k++] = w;
    }
    arrays.set(v, (hit = { ids, ws }));
  }
  return hit;
}

/**
 * Dice similarity of every unit of `as` with every unit of `bs`, row-major (as.length × bs.length),
 * via an inverted index. Each cell sums its shared terms in the order of the row's vector.
 */
export function diceMatrix(as: readonly TermVector[], bs: readonly TermVector[]): Float64Array {
  const n = bs.length;
  const m = new Float64Array(as.length * n);
  // The inverted index of bs, as flat arrays: the postings of the term at local index t are
  // start[t] .. start[t + 1] - 1 of (post, postWeight), in the order of bs. `slot` maps term ids
  // to local indices + 1 (0: not in bs); it is shared between calls and cleared after each.
  const bArrays = bs.map(arraysOf);
  let postings = 0;
  let top = -1;
  for (const { ids } of bArrays) {
    postings += ids.length;
    for (const id of ids) if (id > top) top = id;
  }
  if (top >= slot.length) slot = new Int32Array(Math.max(top + 1, 2 * slot.length));
  try {
    let terms = 0;
    const count: number[] = [0];
    for (const { ids } of bArrays) {
      for (const id of ids) {
        let t = slot[id]!;
        if (t === 0) {
          slot[id] = t = ++terms;
          count.push(0);
        }
        count[t]!++;
      }
    }
    const start = new Int32Array(terms + 1);
    for (let t = 0; t < terms; t++) start[t + 1] = start[t]! + count[t + 1]!;
    const fill = start.slice(0, terms);
    const post = new Int32Array(postings);
    const postWeight = new Float64Array(postings);
    for (let j = 0; j < n; j++) {
      const { ids, ws } = bArrays[j]!;
      for (let q = 0; q < ids.length; q++) {
        const k = fill[slot[ids[q]!]! - 1]!++;
        post[k] = j;
        postWeight[k] = ws[q]!;
      }
    }
    for (let i = 0; i < as.length; i++) {
      const a = as[i]!;
      const { ids, ws } = arraysOf(a);
      const row = i * n;
      for (let q = 0; q < ids.length; q++) {
        const id = ids[q]!;
        const t = id <= top ? slot[id]! - 1 : -1;
        if (t === -1) continue;
        const w = ws[q]!;
        for (let k = start[t]!, end = start[t + 1]!; k < end; k++) {
          const v = postWeight[k]!;
          m[row + post[k]!]! += w < v ? w : v;
        }
      }
      for (let j = 0; j < n; j++) {
        const t = a.total + bs[j]!.total;
        m[row + j] = t === 0 ? 1 : (2 * m[row + j]!) / t;
      }
    }
  } finally {
    for (const { ids } of bArrays) for (const id of ids) slot[id] = 0;
  }
  return m;
}

/** Term id → local index + 1 in `diceMatrix` (all 0 between calls). */
let slot = new Int32Array(1024);

export type { Unit };
