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
  private readonly cache = new Map<string, number[]>();

  /** Counts the terms of these texts for the document frequencies. Call for every text before `vector`. */
  constructor(texts: readonly string[]) {
    for (const t of texts) {
      const seen = new Set<number>();
      for (const id of this.termIds(t)) seen.add(id);
      for (const id of seen) this.df[id] = (this.df[id] ?? 0) + 1;
      this.docs++;
    }
  }

  private termIds(text: string): number[] {
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

  vector(text: string): TermVector {
    const weights = new Map<number, number>();
    let total = 0;
    for (const id of this.termIds(text)) {
      const w = Math.log(1 + (this.docs + 1) / ((this.df[id] ?? 0) + 1));
      weights.set(id, (weights.get(id) ?? 0) + w);
      total += w;
    }
    return { weights, total };
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

/** Dice similarity of every unit of `as` with every unit of `bs`, row-major (as.length × bs.length), via an inverted index. */
export function diceMatrix(as: readonly TermVector[], bs: readonly TermVector[]): Float64Array {
  const m = new Float64Array(as.length * bs.length);
  const index = new Map<number, { j: number; w: number }[]>();
  bs.forEach((b, j) => {
    for (const [id, w] of b.weights) {
      let list = index.get(id);
      if (!list) index.set(id, (list = []));
      list.push({ j, w });
    }
  });
  const n = bs.length;
  as.forEach((a, i) => {
    const row = i * n;
    for (const [id, w] of a.weights) {
      const list = index.get(id);
      if (!list) continue;
      for (const p of list) m[row + p.j]! += Math.min(w, p.w);
    }
    for (let j = 0; j < n; j++) {
      const t = a.total + bs[j]!.total;
      m[row + j] = t === 0 ? 1 : (2 * m[row + j]!) / t;
    }
  });
  return m;
}

export type { Unit };
