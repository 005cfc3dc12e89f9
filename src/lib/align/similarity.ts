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
  /** Number of the constructor's texts each term id is found in. */
  private readonly df: Int32Array;
  private docs = 0;
  private readonly cache = new Map<string, readonly number[]>();
  /** Weight of each term id, once the document frequencies are known (NaN: not computed yet). */
  private idf = new Float64Array(0);

  /** Counts the terms of these texts for the document frequencies. Call for every text before `vector`. */
  constructor(texts: readonly string[]) {
    const lists = texts.map((t) => this.termIds(t));
    this.df = new Int32Array(this.ids.size);
    // The last text each term was counted for, so that a term counts once a text.
    const last = new Int32Array(this.ids.size).fill(-1);
    for (const list of lists) {
      const doc = this.docs++;
      for (const id of list) {
        if (last[id] === doc) continue;
        last[id] = doc;
        this.df[id]!++;
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
    if (Number.isNaN(w)) this.idf[id] = w = Math.log(1 + (this.docs + 1) / ((id < this.df.length ? this.df[id]! : 0) + 1));
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
    const ids = new Int32Array(order.length);
    const ws = new Float64Array(order.length);
    for (let k = 0; k < order.length; k++) {
      ids[k] = order[k]!;
      ws[k] = this.sum[order[k]!]!;
    }
    return new ArrayVector(ids, ws, total);
  }
}

/** Scratch by term id for `overlap` and `union`: a weight, and the call that set it (no other is current). */
let scratchWeight = new Float64Array(1024);
let scratchSetBy = new Int32Array(1024);
let scratchCall = 0;

function nextCall(): number {
  if (scratchCall > 1 << 30) {
    scratchSetBy.fill(0);
    scratchCall = 0;
  }
  return ++scratchCall;
}

function roomFor(id: number): void {
  if (id < scratchWeight.length) return;
  const size = Math.max(id + 1, 2 * scratchWeight.length);
  const w = new Float64Array(size);
  w.set(scratchWeight);
  const by = new Int32Array(size);
  by.set(scratchSetBy);
  scratchWeight = w;
  scratchSetBy = by;
}

/** Sum over shared terms of the smaller weight (in the order of the vector with fewer terms). */
export function overlap(a: TermVector, b: TermVector): number {
  const x = arraysOf(a);
  const y = arraysOf(b);
  const [small, large] = x.ids.length <= y.ids.length ? [x, y] : [y, x];
  const call = nextCall();
  for (let k = 0; k < large.ids.length; k++) {
    const id = large.ids[k]!;
    roomFor(id);
    scratchSetBy[id] = call;
    scratchWeight[id] = large.ws[k]!;
  }
  let s = 0;
  for (let k = 0; k < small.ids.length; k++) {
    const id = small.ids[k]!;
    if (id < scratchSetBy.length && scratchSetBy[id] === call) s += Math.min(small.ws[k]!, scratchWeight[id]!);
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

/** The vector of several units' texts together (for a split or a merge): weights summed in the order of the vectors. */
export function union(vectors: readonly TermVector[]): TermVector {
  const call = nextCall();
  const order: number[] = [];
  let total = 0;
  for (const v of vectors) {
    const { ids, ws } = arraysOf(v);
    for (let k = 0; k < ids.length; k++) {
      const id = ids[k]!;
      roomFor(id);
      if (scratchSetBy[id] !== call) {
        scratchSetBy[id] = call;
        scratchWeight[id] = ws[k]!;
        order.push(id);
      } else scratchWeight[id]! += ws[k]!;
    }
    total += v.total;
  }
  const ids = Int32Array.from(order);
  const ws = new Float64Array(order.length);
  for (let k = 0; k < order.length; k++) ws[k] = scratchWeight[order[k]!]!;
  return new ArrayVector(ids, ws, total);
}

/**
 * A vector made by `TermSpace`: its terms and weights as arrays, in the order first met; the map
 * is made only when asked for (the similarity matrix reads the arrays).
 */
class ArrayVector implements TermVector {
  readonly ids: Int32Array;
  readonly ws: Float64Array;
  readonly total: number;
  private map: Map<number, number> | null = null;

  constructor(ids: Int32Array, ws: Float64Array, total: number) {
    this.ids = ids;
    this.ws = ws;
    this.total = total;
  }

  get weights(): Map<number, number> {
    if (!this.map) {
      this.map = new Map();
      for (let k = 0; k < this.ids.length; k++) this.map.set(this.ids[k]!, this.ws[k]!);
    }
    return this.map;
  }
}

/** A vector's terms and weights as arrays, in the order of its map (kept per vector). */
const arrays = new WeakMap<TermVector, { ids: Int32Array; ws: Float64Array }>();
function arraysOf(v: TermVector): { ids: Int32Array; ws: Float64Array } {
  if (v instanceof ArrayVector) return v;
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
