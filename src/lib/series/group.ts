/**
 * Series: the versions of one recurring resolution, found across the corpus.
 *
 * Two texts belong to one series when their titles are alike once ordinals
 * are set aside ("Follow-up to the Twelfth ... Thirteenth Congress" and
 * "... Thirteenth ... Fourteenth ..." are the same title), or when their
 * titles share some words and their contents confirm it (the counter-terrorism
 * title changed in 2019 but its paragraphs did not). Two texts of the same
 * session are never put together unless they are the same draft (L.18 and
 * L.18/Rev.1): a committee does not take up one resolution under two
 * symbols.
 *
 * An editor can override the grouping with a file (content/series.json):
 *
 * ```json
 * { "overrides": [
 *   { "action": "merge", "versions": ["A/C.3/68/L.4", "A/C.3/74/L.7"], "reason": "..." },
 *   { "action": "split", "versions": ["A/C.3/68/L.5"], "reason": "..." },
 *   { "action": "rename", "series": "A/C.3/74/L.7", "title": "...", "reason": "..." }
 * ] }
 * ```
 *
 * A version is named by its symbol or its record id ("ga72-2017-draft-resolution/1");
 * a series by any of its versions. Entries that name nothing in the corpus
 * are reported, never silently dropped.
 */
import { STAGE_ORDER, type ResolutionRecord } from '../model.ts';
import { ordinalValue } from '../diff/classify.ts';
import { unitsOf } from '../align/units.ts';
import { diceMatrix, TermSpace, type TermVector } from '../align/similarity.ts';

export interface SeriesOptions {
  /** Title similarity at which two texts are one series without looking further. Default 0.85. */
  titleThreshold?: number;
  /** Least title similarity for texts whose contents are then compared. Default 0.3. */
  titleFloor?: number;
  /** Share of paragraphs with a close counterpart that confirms a weaker title match. Default 0.2. */
  contentThreshold?: number;
}

export type Override =
  | { action: 'merge'; versions: string[]; reason: string }
  | { action: 'split'; versions: string[]; reason: string }
  | { action: 'rename'; series: string; title: string; reason: string };

export interface OverrideFile {
  overrides: Override[];
}

export interface SeriesVersion {
  /** Record id: "<file stem>/<position>". */
  id: string;
  symbol: string | null;
  date: string | null;
  stage: ResolutionRecord['stage'];
  title: string;
  source: string;
}

export interface Series {
  /** A stable slug of the series title. */
  id: string;
  /** The title of the latest version, or the editor's title. */
  title: string;
  /** Why the series is grouped as it is: "title", "title+content", or an editor's reason. */
  evidence: string[];
  versions: SeriesVersion[];
}

export interface SeriesResult {
  series: Series[];
  /** Override entries that matched nothing, with why. */
  unmatched: { entry: Override; problem: string }[];
}

const STOP = new Set(['the', 'of', 'and', 'in', 'to', 'for', 'on', 'by', 'its', 'with', 'a', 'an', 'at', 'as', 'such']);

/** Title words for comparing: lower case, ordinals and numbers as placeholders, small words dropped. */
export function titleWords(title: string): string[] {
  return title
    .toLowerCase()
    .split(/[^\p{L}\p{N}-]+/u)
    .filter(Boolean)
    .map((w) => (ordinalValue(w) !== null ? '#ordinal' : /^\d+$/.test(w) ? '#number' : w))
    .filter((w) => !STOP.has(w));
}

/** Dice coefficient of two titles' word sets (ordinals normalised). */
export function titleSimilarity(a: string, b: string): number {
  const x = new Set(titleWords(a));
  const y = new Set(titleWords(b));
  if (!x.size && !y.size) return 1;
  let shared = 0;
  for (const w of x) if (y.has(w)) shared++;
  return (2 * shared) / (x.size + y.size);
}

/** "A/C.3/68/L.18/Rev.1" → "A/C.3/68/L.18". */
function baseSymbol(symbol: string | null): string | null {
  return symbol ? symbol.replace(/\/Rev\.\d+$/i, '').replace(/\/Corr\.\d+$/i, '') : null;
}

function slug(title: string): string {
  return title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .split('-')
    .filter(Boolean)
    .slice(0, 10)
    .join('-');
}

/** Share of the paragraphs of two texts (both counted) whose best counterpart in the other has similarity >= 0.6. */
export function contentShare(a: readonly TermVector[], b: readonly TermVector[]): number {
  const m = diceMatrix(a, b);
  const na = a.length;
  const nb = b.length;
  if (!na || !nb) return 0;
  const bestA = new Float64Array(na);
  const bestB = new Float64Array(nb);
  for (let i = 0; i < na; i++)
    for (let j = 0; j < nb; j++) {
      const s = m[i * nb + j]!;
      if (s > bestA[i]!) bestA[i] = s;
      if (s > bestB[j]!) bestB[j] = s;
    }
  let close = 0;
  for (const s of bestA) if (s >= 0.6) close++;
  for (const s of bestB) if (s >= 0.6) close++;
  return close / (na + nb);
}

/**
 * A distinct paragraph text, as the vector TermSpace makes of it (its term ids and
 * weights in that vector's order, so that similarities sum in the same order) and, once
 * asked for, its rarest terms (see `Paragraphs.rarest`).
 */
interface Paragraph {
  ids: Int32Array;
  weights: Float64Array;
  total: number;
  rare?: Rarest;
}

/**
 * A paragraph's terms from the rarest in the corpus: as many as it takes that the others
 * weigh less than LONG of its weight (`ids`, with their weights and the weight of the
 * paragraph's terms after each), of which the first `short` leave less than SHORT.
 */
interface Rarest {
  ids: Int32Array;
  weights: Float64Array;
  after: Float64Array;
  short: number;
  /** The weight after the first `short` terms, and after all of `ids`. */
  restShort: number;
  restLong: number;
}

/**
 * Two paragraphs are close at a similarity (weighted Dice) of 0.6 or more: they share at
 * least 0.3 of their two weights together, so 3/7 of the weight of each (the smaller
 * weighs at least 3/7 of the larger), and 0.6 of the lighter one's. The rarest term two
 * close paragraphs share is then among the rarest terms of each that leave less than 3/7
 * of its weight (LONG), and, for the lighter, among those that leave less than 0.6
 * (SHORT): the prefix filter of similarity joins. (Both a little lower, for rounding.)
 */
const LONG = 0.42;
const SHORT = 0.58;
const CLOSE = 0.6;

/** The paragraph texts of a corpus (term weights count all its paragraphs), each made once. */
class Paragraphs {
  private readonly byText = new Map<string, Paragraph>();
  /** Per term id: its place in the order of rarity (in how many distinct texts it occurs, then id). */
  private readonly rank: Int32Array;
  /** Per place in that order: the term id. */
  private readonly byRank: Int32Array;
  /** Scratch, per term id: a paragraph's weight (0: not in it). */
  private readonly slot: Float64Array;

  constructor(texts: readonly string[]) {
    const space = new TermSpace(texts);
    const frequency: number[] = [];
    for (const t of texts) {
      if (this.byText.has(t)) continue;
      const v = space.vector(t);
      const ids = new Int32Array(v.weights.size);
      const weights = new Float64Array(v.weights.size);
      let k = 0;
      for (const [id, w] of v.weights) {
        ids[k] = id;
        weights[k++] = w;
        frequency[id] = (frequency[id] ?? 0) + 1;
      }
      this.byText.set(t, { ids, weights, total: v.total });
    }
    this.byRank = Int32Array.from(frequency.keys()).sort((x, y) => (frequency[x] ?? 0) - (frequency[y] ?? 0) || x - y);
    this.rank = new Int32Array(this.byRank.length);
    this.byRank.forEach((id, k) => (this.rank[id] = k));
    this.slot = new Float64Array(this.byRank.length);
  }

  get(text: string): Paragraph {
    return this.byText.get(text)!;
  }

  rarest(p: Paragraph): Rarest {
    if (p.rare) return p.rare;
    const n = p.ids.length;
    const ranks = new Int32Array(n);
    const slot = this.slot;
    let rest = 0;
    for (let k = 0; k < n; k++) {
      ranks[k] = this.rank[p.ids[k]!]!;
      slot[p.ids[k]!] = p.weights[k]!;
      rest += p.weights[k]!;
    }
    ranks.sort();
    const long = LONG * rest;
    const shortLeast = SHORT * rest;
    const ids = new Int32Array(n);
    const weights = new Float64Array(n);
    const after = new Float64Array(n);
    let m = 0;
    let short = 0;
    let restShort = rest;
    for (let k = 0; k < n && rest >= long; k++) {
      const id = this.byRank[ranks[k]!]!;
      const w = slot[id]!;
      if (rest >= shortLeast) short++;
      rest -= w;
      ids[m] = id;
      weights[m] = w;
      after[m++] = rest;
      if (m === short) restShort = rest;
    }
    for (let k = 0; k < n; k++) slot[p.ids[k]!] = 0;
    return (p.rare = { ids: ids.slice(0, m), weights: weights.slice(0, m), after: after.slice(0, m), short, restShort, restLong: rest });
  }

  /** Weighted Dice similarity of two paragraphs, summed as `diceMatrix` sums it with `a` as the row (so to the same last bit). */
  dice(a: Paragraph, b: Paragraph): number {
    const slot = this.slot;
    for (let k = 0; k < b.ids.length; k++) slot[b.ids[k]!] = b.weights[k]!;
    let s = 0;
    for (let k = 0; k < a.ids.length; k++) {
      // Weights are positive: 0 is a term b does not have.
      const v = slot[a.ids[k]!]!;
      if (v > 0) s += Math.min(a.weights[k]!, v);
    }
    for (let k = 0; k < b.ids.length; k++) slot[b.ids[k]!] = 0;
    const t = a.total + b.total;
    return t === 0 ? 1 : (2 * s) / t;
  }
}

/** The distinct paragraph texts of the versions of a series, indexed by their rarest terms for finding close paragraphs. */
class SeriesTexts {
  readonly texts: Paragraph[] = [];
  /** Per version (record index): the text number of each of its paragraphs. */
  readonly versions = new Map<number, Int32Array>();
  /**
   * Per term (by its run number): the texts that have it among their LONG rarest terms,
   * lightest first, as a run of the postings below (`from` up to `to`), and those that have
   * it among their SHORT rarest, likewise (`fromShort` up to `toShort`).
   */
  private readonly runs = new Map<number, number>();
  private readonly from: Int32Array;
  private readonly to: Int32Array;
  private readonly fromShort: Int32Array;
  private readonly toShort: Int32Array;
  /** Postings: the text, its total weight, the term's weight in it, its weight after the term. */
  private readonly q: Int32Array;
  private readonly total: Float64Array;
  private readonly w: Float64Array;
  private readonly after: Float64Array;
  private readonly rare: Rarest[];
  /** Texts without a term. */
  private readonly empty: number[] = [];
  /** The close texts found for a paragraph. */
  private readonly found = new Map<Paragraph, number[]>();
  /** Scratch, per text: the paragraph last compared with it, the weight they share, the weights after the last term shared, which way. */
  private readonly seen: Int32Array;
  private readonly shared: Float64Array;
  private readonly afterP: Float64Array;
  private readonly afterQ: Float64Array;
  private readonly lighter: Uint8Array;
  private readonly touched: Int32Array;
  private stamp = 0;
  /** Scratch, per text: the version last marked in it (see `share`). */
  private readonly inVersion: Int32Array;
  private versionMarks = 0;
  private readonly paragraphs: Paragraphs;

  constructor(paragraphs: Paragraphs, versions: readonly { j: number; paragraphs: readonly Paragraph[] }[]) {
    this.paragraphs = paragraphs;
    const number = new Map<Paragraph, number>();
    for (const { j, paragraphs: ps } of versions) {
      const ids = new Int32Array(ps.length);
      ps.forEach((p, k) => {
        let q = number.get(p);
        if (q === undefined) {
          number.set(p, (q = this.texts.length));
          this.texts.push(p);
        }
        ids[k] = q;
      });
      this.versions.set(j, ids);
    }
    const m = this.texts.length;
    this.rare = this.texts.map((p, q) => {
      if (!p.ids.length) this.empty.push(q);
      return paragraphs.rarest(p);
    });
    // Count the postings of each term, lay the runs out one after the other, then fill them
    // with the texts in order of weight, so that each run is in that order.
    const count: number[] = [];
    const countShort: number[] = [];
    for (const r of this.rare)
      r.ids.forEach((id, k) => {
        let run = this.runs.get(id);
        if (run === undefined) {
          this.runs.set(id, (run = count.length));
          count.push(0);
          countShort.push(0);
        }
        count[run]!++;
        if (k < r.short) countShort[run]!++;
      });
    const runs = count.length;
    this.from = new Int32Array(runs);
    this.to = new Int32Array(runs);
    this.fromShort = new Int32Array(runs);
    this.toShort = new Int32Array(runs);
    let size = 0;
    for (let run = 0; run < runs; run++) {
      this.from[run] = this.to[run] = size;
      size += count[run]!;
      this.fromShort[run] = this.toShort[run] = size;
      size += countShort[run]!;
    }
    this.q = new Int32Array(size);
    this.total = new Float64Array(size);
    this.w = new Float64Array(size);
    this.after = new Float64Array(size);
    const post = (h: number, q: number, r: Rarest, k: number) => {
      this.q[h] = q;
      this.total[h] = this.texts[q]!.total;
      this.w[h] = r.weights[k]!;
      this.after[h] = r.after[k]!;
    };
    const byWeight = [...this.texts.keys()].sort((x, y) => this.texts[x]!.total - this.texts[y]!.total || x - y);
    for (const q of byWeight) {
      const r = this.rare[q]!;
      for (let k = 0; k < r.ids.length; k++) {
        const run = this.runs.get(r.ids[k]!)!;
        post(this.to[run]!++, q, r, k);
        if (k < r.short) post(this.toShort[run]!++, q, r, k);
      }
    }
    this.seen = new Int32Array(m);
    this.shared = new Float64Array(m);
    this.afterP = new Float64Array(m);
    this.afterQ = new Float64Array(m);
    this.lighter = new Uint8Array(m);
    this.touched = new Int32Array(m);
    this.inVersion = new Int32Array(m);
  }

  /**
   * The texts with a similarity of at least 0.6 to paragraph `p` (p as the row). A text
   * at least as heavy as p is a candidate when one of p's SHORT rarest terms is among its
   * LONG rarest, a lighter text when one of p's LONG rarest is among its SHORT rarest.
   * Going through those terms in order of rarity, the weight shared so far and the weight
   * left after the last one shared bound their overlap; only a candidate that might reach
   * 0.6 is compared in full (a positional filter, as in PPJoin).
   */
  close(p: Paragraph): number[] {
    let out = this.found.get(p);
    if (out) return out;
    // No terms: alike only to a text without terms (similarity 1), 0 with any other.
    if (!p.ids.length) out = this.empty;
    else {
      out = [];
      const stamp = ++this.stamp;
      const { seen, shared, afterP, afterQ, lighter, touched, q: qs, total, w: ws, after: afters } = this;
      const r = this.paragraphs.rarest(p);
      const tp = p.total;
      // Heavier texts weigh up to 1/LONG times p, lighter ones down to LONG times.
      const heaviest = tp / LONG;
      const lightest = tp * LONG;
      // Dice >= 0.6 needs an overlap of 0.3 of both totals (0.291 below, for rounding).
      const need = (CLOSE / 2) * 0.97;
      let n = 0;
      let w = 0;
      let after = 0;
      /** Counts what p shares with the text of posting h through the current term. */
      const count = (h: number, side: number) => {
        const q = qs[h]!;
        const s = Math.min(w, ws[h]!);
        if (seen[q] !== stamp) {
          seen[q] = stamp;
          // The first term they share: they share no more than this and the weight after it.
          if (s + Math.min(after, afters[h]!) < need * (tp + total[h]!)) {
            shared[q] = -1;
            return;
          }
          shared[q] = 0;
          lighter[q] = side;
          touched[n++] = q;
        } else if (shared[q]! < 0) return;
        shared[q]! += s;
        afterP[q] = after;
        afterQ[q] = afters[h]!;
      };
      /** The first posting from `start` (up to `end`) of a text at least `weight` heavy. */
      const first = (start: number, end: number, weight: number) => {
        while (start < end) {
          const mid = (start + end) >> 1;
          if (total[mid]! < weight) start = mid + 1;
          else end = mid;
        }
        return start;
      };
      for (let k = 0; k < r.ids.length; k++) {
        const run = this.runs.get(r.ids[k]!);
        if (run === undefined) continue;
        w = r.weights[k]!;
        after = r.after[k]!;
        // Heavier texts while the term is among p's SHORT rarest; lighter ones that have it among theirs.
        if (k < r.short) for (let h = first(this.from[run]!, this.to[run]!, tp), end = this.to[run]!; h < end && total[h]! < heaviest; h++) count(h, 0);
        for (let h = first(this.fromShort[run]!, this.toShort[run]!, lightest), end = this.toShort[run]!; h < end && total[h]! < tp; h++) count(h, 1);
      }
      for (let k = 0; k < n; k++) {
        const q = touched[k]!;
        const t = this.texts[q]!;
        // The terms shared and not yet counted come after the last one counted in both, and
        // after the prefix of one of the two.
        const rest = lighter[q] ? Math.max(r.restLong, this.rare[q]!.restShort) : Math.max(r.restShort, this.rare[q]!.restLong);
        const bound = shared[q]! + Math.min(afterP[q]!, afterQ[q]!, rest);
        if (bound >= need * (tp + t.total) && this.paragraphs.dice(p, t) >= CLOSE) out.push(q);
      }
    }
    this.found.set(p, out);
    return out;
  }

  /**
   * `contentShare` of a text and version j of the series, from the texts of the series close
   * to each paragraph of the text (and their union, marked): the paragraphs of the text with
   * a close paragraph in j, and those of j with a close paragraph in the text, over all
   * paragraphs of both.
   */
  share(close: readonly (readonly number[])[], marked: Uint8Array, j: number): number {
    const texts = this.versions.get(j)!;
    const na = close.length;
    const nb = texts.length;
    if (!na || !nb) return 0;
    const mark = ++this.versionMarks;
    const inJ = this.inVersion;
    for (const q of texts) inJ[q] = mark;
    let n = 0;
    for (const list of close) if (list.some((q) => inJ[q] === mark)) n++;
    for (const q of texts) if (marked[q]) n++;
    return n / (na + nb);
  }
}

/** Orders versions by date, then by stage (draft, revised draft, recommended, adopted), then symbol. */
export function compareVersions(a: Pick<ResolutionRecord, 'date' | 'stage' | 'symbol' | 'id'>, b: Pick<ResolutionRecord, 'date' | 'stage' | 'symbol' | 'id'>): number {
  const da = a.date ?? '';
  const db = b.date ?? '';
  if (da !== db) return da < db ? -1 : 1;
  const sa = STAGE_ORDER.indexOf(a.stage);
  const sb = STAGE_ORDER.indexOf(b.stage);
  if (sa !== sb) return sa - sb;
  const ya = a.symbol ?? a.id;
  const yb = b.symbol ?? b.id;
  return ya < yb ? -1 : ya > yb ? 1 : 0;
}

/** Reads and checks an override file's JSON; throws with a plain message when it is malformed. */
export function parseOverrides(json: string): OverrideFile {
  const data = JSON.parse(json) as { overrides?: unknown };
  if (!data || !Array.isArray(data.overrides)) throw new Error('series overrides: expected { "overrides": [ ... ] }');
  for (const [k, e] of data.overrides.entries()) {
    const o = e as Record<string, unknown>;
    const ok =
      typeof o.reason === 'string' &&
      o.reason.trim() !== '' &&
      (((o.action === 'merge' || o.action === 'split') && Array.isArray(o.versions) && o.versions.every((v) => typeof v === 'string')) ||
        (o.action === 'rename' && typeof o.series === 'string' && typeof o.title === 'string'));
    if (!ok) throw new Error(`series overrides: entry ${k + 1} needs an action (merge, split, rename), what it applies to and a reason`);
  }
  return data as OverrideFile;
}

/**
 * The pairs of title word sets (each a set of words, as `titleWords` gives them,
 * no two alike) whose title similarity is at least `floor`, with that
 * similarity; `a` < `b`. `scored` counts the pairs whose similarity was
 * computed.
 *
 * Only pairs that can reach the floor are scored, found the way record
 * linkage blocks, with a prefix filter: words are ranked from rare to common
 * across the sets, and the sets are taken from the smallest up. A set is
 * looked up by its rarest words, as many as it takes that a set sharing none
 * of them shares too few words to reach the floor with it, among the sets
 * taken before it, which are indexed under their rarest words in the same
 * way (fewer, as they are not larger). Two similar sets share a word in both
 * (the rarest word they share), so no pair is missed, while a word common to
 * most titles ("crime", "#ordinal") is left out of the index.
 */
export function similarTitleSets(sets: readonly (readonly string[])[], floor: number): { pairs: { a: number; b: number; t: number }[]; scored: number } {
  const pairs: { a: number; b: number; t: number }[] = [];
  let scored = 0;
  const distinct = sets.map((s) => new Set(s));
  const score = (a: number, b: number) => {
    scored++;
    const x = distinct[a]!;
    const y = distinct[b]!;
    if (!x.size && !y.size) return 1;
    let shared = 0;
    for (const w of x) if (y.has(w)) shared++;
    return (2 * shared) / (x.size + y.size);
  };
  const add = (a: number, b: number, t: number) => pairs.push(a < b ? { a, b, t } : { a: b, b: a, t });
  const m = sets.length;
  if (!(floor > 0)) {
    // Every pair reaches a floor of 0, even two titles without a word in common.
    for (let b = 1; b < m; b++)
      for (let a = 0; a < b; a++) {
        const t = score(a, b);
        if (t >= floor) add(a, b, t);
      }
    return { pairs, scored };
  }
  if (floor > 1) return { pairs, scored };
  const freq = new Map<string, number>();
  for (const set of distinct) for (const w of set) freq.set(w, (freq.get(w) ?? 0) + 1);
  const rare = (x: string, y: string) => freq.get(x)! - freq.get(y)! || (x < y ? -1 : x > y ? 1 : 0);
  // At least so many words shared (the margin keeps 0.3 * 10 from rounding up to 4).
  const atLeast = (x: number) => Math.max(1, Math.ceil(x - 1e-9));
  const index = new Map<string, number[]>();
  const seen = new Int32Array(m).fill(-1);
  const empty: number[] = [];
  const bySize = [...distinct.keys()].sort((a, b) => distinct[a]!.size - distinct[b]!.size || a - b);
  for (const b of bySize) {
    const words = [...distinct[b]!].sort(rare);
    const size = words.length;
    if (!size) {
      empty.push(b);
      continue;
    }
    // With a set y taken before (|y| <= |x|): Dice >= floor needs shared >= floor (|x| + |y|) / 2,
    // and shared <= |y|, so shared >= floor |x| / (2 - floor) (x looked up by its rarest
    // words but so many, less one) and shared >= floor |y| (y indexed by its rarest but so many).
    const probe = size - atLeast((floor * size) / (2 - floor)) + 1;
    for (let k = 0; k < probe; k++)
      for (const a of index.get(words[k]!) ?? []) {
        if (seen[a] === b) continue;
        seen[a] = b;
        const t = score(a, b);
        if (t >= floor) add(a, b, t);
      }
    const indexed = size - atLeast(floor * size) + 1;
    for (let k = 0; k < indexed; k++) {
      const w = words[k]!;
      let list = index.get(w);
      if (!list) index.set(w, (list = []));
      list.push(b);
    }
  }
  // Two empty sets are alike (similarity 1); an empty set and another share nothing (0).
  for (let k = 1; k < empty.length; k++) for (let h = 0; h < k; h++) add(empty[h]!, empty[k]!, score(empty[h]!, empty[k]!));
  return { pairs, scored };
}

/** First position in a sorted list holding a value greater than x. */
function after(list: readonly number[], x: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Groups the resolution texts of a corpus into series.
 *
 * The rule: every pair of texts (other than decisions) whose titles have a
 * similarity of at least `titleFloor` is a candidate; candidates are taken
 * from the most similar titles down (then in version order), and each joins
 * the series of its two texts when they may be joined (no two symbols of one
 * session) and the titles are alike enough (`titleThreshold`) or the contents
 * confirm it (`contentThreshold`).
 *
 * The work follows that rule without going through every pair: texts with
 * the same title words form a title class, whose words are computed once;
 * only classes whose titles can reach the floor are compared (see
 * `similarTitleSets`); and a series is kept with the sessions it holds, so
 * that whether two may be joined is one look-up per session, and a pair whose
 * series may not be joined is set aside with all the other pairs of those two
 * series at once.
 */
export function groupSeries(records: readonly ResolutionRecord[], overrides: OverrideFile = { overrides: [] }, options: SeriesOptions = {}): SeriesResult {
  const titleThreshold = options.titleThreshold ?? 0.85;
  const titleFloor = options.titleFloor ?? 0.3;
  const contentThreshold = options.contentThreshold ?? 0.2;
  const recs = [...records].sort(compareVersions);
  const n = recs.length;

  // Union-find, the larger series absorbing the smaller. Each series (by its root) keeps
  // its evidence and, per session, the base symbol of its texts of that session: two texts
  // of one session and two base symbols are never joined, so there is one base per session.
  const parent = new Int32Array(n);
  const size = new Int32Array(n).fill(1);
  for (let i = 0; i < n; i++) parent[i] = i;
  const find = (i: number): number => {
    let r = i;
    while (parent[r] !== r) r = parent[r]!;
    while (parent[i] !== r) {
      const up = parent[i]!;
      parent[i] = r;
      i = up;
    }
    return r;
  };
  const evidence = new Map<number, Set<string>>();
  const sessions: (Map<number | null, string> | undefined)[] = recs.map((r) =>
    // `session === session` leaves out NaN, which is never equal to itself in the rule.
    r.session !== null && r.session === r.session && r.symbol ? new Map([[r.session, baseSymbol(r.symbol)!]]) : undefined,
  );
  const compatible = (rx: number, ry: number) => {
    let x = sessions[rx];
    let y = sessions[ry];
    if (!x || !y) return true;
    if (x.size > y.size) [x, y] = [y, x];
    for (const [s, base] of x) {
      const other = y.get(s);
      if (other !== undefined && other !== base) return false;
    }
    return true;
  };
  const inSeries: (number[] | undefined)[] = recs.map((_, i) => [i]);
  let joins = 0;
  const join = (rx: number, ry: number, why: string) => {
    if (size[rx]! < size[ry]!) [rx, ry] = [ry, rx];
    parent[ry] = rx;
    size[rx]! += size[ry]!;
    const ev = evidence.get(rx) ?? new Set<string>();
    for (const w of evidence.get(ry) ?? []) ev.add(w);
    ev.add(why);
    evidence.set(rx, ev);
    evidence.delete(ry);
    const sx = sessions[rx];
    const sy = sessions[ry];
    if (sy) {
      if (!sx) sessions[rx] = sy;
      else if (sx.size >= sy.size) for (const [s, b] of sy) sx.set(s, b);
      else {
        for (const [s, b] of sx) sy.set(s, b);
        sessions[rx] = sy;
      }
    }
    sessions[ry] = undefined;
    const mx = inSeries[rx]!;
    for (const k of inSeries[ry]!) mx.push(k);
    inSeries[ry] = undefined;
    joins++;
    return rx;
  };

  // Content: the share of paragraphs that have a close counterpart in the other text
  // (weighted word similarity >= 0.6). Whole-text similarity does not separate series:
  // every crime resolution shares the same vocabulary; whole paragraphs are shared
  // only by versions of one resolution. Term weights count the paragraphs of the whole
  // corpus; a paragraph text's vector is made once.
  // Made once per text and kept only while grouping (unitsOf keeps the units of a few records only).
  const texts: (string[] | undefined)[] = new Array(n);
  const paragraphTexts = (i: number) => {
    let t = texts[i];
    if (!t) {
      const u = unitsOf(recs[i]!);
      t = texts[i] = [...u.preamble, ...u.operative].map((p) => p.fullText);
    }
    return t;
  };
  let paragraphs: Paragraphs | null = null;
  const paragraphsOf: (Paragraph[] | undefined)[] = new Array(n);
  const paragraphsOfText = (i: number) => (paragraphsOf[i] ??= paragraphTexts(i).map((t) => paragraphs!.get(t)));

  // A text is compared with all the versions of a series at once, through an index of the
  // distinct paragraph texts of the series (kept while the series does not grow).
  const indexes = new Map<number, { size: number; idx: SeriesTexts }>();
  const seriesTexts = (root: number): SeriesTexts => {
    const hit = indexes.get(root);
    if (hit && hit.size === size[root]) return hit.idx;
    paragraphs ??= new Paragraphs(recs.flatMap((_, i) => paragraphTexts(i)));
    const idx = new SeriesTexts(
      paragraphs,
      inSeries[root]!.map((j) => ({ j, paragraphs: paragraphsOfText(j) })),
    );
    indexes.set(root, { size: size[root]!, idx });
    return idx;
  };
  /** Whether the contents of texts i and j (j in the series `root`, i < j) confirm a title match. */
  const compared = new Map<number, { idx: SeriesTexts; close: number[][]; marked: Uint8Array }>();
  const confirms = (i: number, root: number, j: number) => {
    let c = compared.get(root);
    if (!c) {
      const idx = seriesTexts(root);
      const close = paragraphsOfText(i).map((p) => idx.close(p));
      const marked = new Uint8Array(idx.texts.length);
      for (const list of close) for (const q of list) marked[q] = 1;
      compared.set(root, (c = { idx, close, marked }));
    }
    return c.idx.share(c.close, c.marked, j) >= contentThreshold;
  };

  // Title classes: the texts (other than decisions) with the same set of title words.
  const classOfTitle = new Map<string, number>();
  const classOfKey = new Map<string, number>();
  const classWords: string[][] = [];
  const classMembers: number[][] = [];
  const cls = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    const r = recs[i]!;
    if (r.stage === 'decision') continue;
    let c = classOfTitle.get(r.title);
    if (c === undefined) {
      const words = [...new Set(titleWords(r.title))].sort();
      const key = words.join(' ');
      c = classOfKey.get(key);
      if (c === undefined) {
        classOfKey.set(key, (c = classWords.length));
        classWords.push(words);
        classMembers.push([]);
      }
      classOfTitle.set(r.title, c);
    }
    cls[i] = c;
    classMembers[c]!.push(i);
  }

  // Candidate class pairs by title similarity, level by level (most similar first);
  // texts of one class have the same words, a similarity of 1.
  const levels = new Map<number, Map<number, number[]>>();
  const link = (t: number, a: number, b: number) => {
    let adj = levels.get(t);
    if (!adj) levels.set(t, (adj = new Map()));
    let list = adj.get(a);
    if (!list) adj.set(a, (list = []));
    list.push(b);
  };
  if (1 >= titleFloor) for (let c = 0; c < classMembers.length; c++) if (classMembers[c]!.length > 1) link(1, c, c);
  for (const { a, b, t } of similarTitleSets(classWords, titleFloor).pairs) {
    link(t, a, b);
    link(t, b, a);
  }

  // The members of a class by series: cached until the next join; once a class is in one
  // series it stays so.
  const groupsCache: ({ joins: number; groups: { root: number; members: number[] }[] } | undefined)[] = [];
  const unified = new Uint8Array(classMembers.length);
  const classGroups = (c: number) => {
    const members = classMembers[c]!;
    if (unified[c]) return [{ root: find(members[0]!), members }];
    const hit = groupsCache[c];
    if (hit && hit.joins === joins) return hit.groups;
    const byRoot = new Map<number, number[]>();
    for (const i of members) {
      const r = find(i);
      let list = byRoot.get(r);
      if (!list) byRoot.set(r, (list = []));
      list.push(i);
    }
    const groups = [...byRoot].map(([root, list]) => ({ root, members: list }));
    if (groups.length === 1) unified[c] = 1;
    groupsCache[c] = { joins, groups };
    return groups;
  };

  interface Partner {
    root: number;
    first: number;
    lists: { members: number[]; from: number }[];
    done: boolean;
  }
  for (const t of [...levels.keys()].sort((x, y) => y - x)) {
    const adj = levels.get(t)!;
    const byTitle = t >= titleThreshold;
    const texts = [...adj.keys()].flatMap((c) => classMembers[c]!).sort((x, y) => x - y);
    for (const i of texts) {
      // The pairs (i, j), j > i, of this level, by the series of j (which do not change
      // while i's pairs are taken, other than joining i's series).
      const partners = new Map<number, Partner>();
      for (const c of adj.get(cls[i]!)!)
        for (const g of classGroups(c)) {
          const from = after(g.members, i);
          if (from === g.members.length) continue;
          let p = partners.get(g.root);
          if (!p) partners.set(g.root, (p = { root: g.root, first: g.members[from]!, lists: [], done: false }));
          else p.first = Math.min(p.first, g.members[from]!);
          p.lists.push({ members: g.members, from });
        }
      if (!partners.size) continue;
      let ri = find(i);
      if (byTitle) {
        // The first pair with a series joins it, unless the two may not be joined; the
        // later pairs with that series find it joined, or still not to be joined (a series
        // that may not be joined to i's never may, as i's only grows).
        for (const p of [...partners.values()].sort((x, y) => x.first - y.first)) {
          // (A series joined before in this loop is i's own by now: find, not p.root.)
          if (find(p.root) === ri || !compatible(ri, p.root)) continue;
          ri = join(ri, p.root, 'title');
        }
        continue;
      }
      // Each pair with a series that may be joined is compared by content, in order,
      // until one confirms it.
      const live = [...partners.values()].filter((p) => p.root !== ri && compatible(ri, p.root));
      if (!live.length) continue;
      const pairs: { j: number; p: Partner }[] = [];
      for (const p of live) for (const { members, from } of p.lists) for (let k = from; k < members.length; k++) pairs.push({ j: members[k]!, p });
      pairs.sort((x, y) => x.j - y.j);
      compared.clear();
      for (const { j, p } of pairs) {
        if (p.done || !confirms(i, p.root, j)) continue;
        ri = join(ri, p.root, 'title+content');
        p.done = true;
        for (const q of live) if (!q.done && !compatible(ri, q.root)) q.done = true;
      }
    }
  }

  // Overrides: merges and splits in the order written, then renames.
  const label = recs.map((_, i) => find(i));
  const why = new Map<number, Set<string>>();
  for (let i = 0; i < n; i++) if (evidence.has(i)) why.set(i, new Set(evidence.get(i)));
  const addWhy = (l: number, w: string) => (why.get(l) ?? why.set(l, new Set()).get(l)!).add(w);
  let fresh = n;
  const unmatched: SeriesResult['unmatched'] = [];
  const lookup = (ref: string) => recs.findIndex((r) => r.symbol === ref || r.id === ref);
  for (const entry of overrides.overrides) {
    if (entry.action === 'rename') continue;
    const found = entry.versions.map(lookup);
    const missing = entry.versions.filter((_, k) => found[k] === -1);
    if (missing.length) {
      unmatched.push({ entry, problem: `no version ${missing.map((m) => `"${m}"`).join(', ')} in the corpus` });
      continue;
    }
    if (entry.action === 'merge') {
      const target = label[found[0]!]!;
      const from = new Set(found.map((i) => label[i]!));
      for (let i = 0; i < n; i++) if (from.has(label[i]!)) label[i] = target;
      for (const l of from) if (l !== target) for (const w of why.get(l) ?? []) addWhy(target, w);
      addWhy(target, `editor: ${entry.reason}`);
    } else {
      const l = fresh++;
      for (const i of found) label[i] = l;
      addWhy(l, `editor: ${entry.reason}`);
    }
  }
  const titles = new Map<number, { title: string; reason: string }>();
  for (const entry of overrides.overrides) {
    if (entry.action !== 'rename') continue;
    const i = lookup(entry.series);
    if (i === -1) unmatched.push({ entry, problem: `no version "${entry.series}" in the corpus` });
    else titles.set(label[i]!, { title: entry.title, reason: entry.reason });
  }

  const groups = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const l = label[i]!;
    if (!groups.has(l)) groups.set(l, []);
    groups.get(l)!.push(i);
  }
  const series: Series[] = [...groups.entries()].map(([l, idx]) => {
    const versions = idx.map((i) => recs[i]!).sort(compareVersions);
    const latest = versions[versions.length - 1]!;
    const named = titles.get(l);
    const ev = [...(why.get(l) ?? [])];
    if (named) ev.push(`renamed by editor: ${named.reason}`);
    return {
      id: slug(named?.title ?? latest.title),
      title: named?.title ?? latest.title,
      evidence: ev.sort(),
      versions: versions.map((r) => ({ id: r.id, symbol: r.symbol, date: r.date, stage: r.stage, title: r.title, source: r.source })),
    };
  });
  // Unique ids, deterministic order: by first version.
  series.sort((a, b) => compareVersions(toKey(a.versions[0]!), toKey(b.versions[0]!)));
  const seen = new Map<string, number>();
  for (const s of series) {
    const k = seen.get(s.id) ?? 0;
    seen.set(s.id, k + 1);
    if (k) s.id = `${s.id}-${k + 1}`;
  }
  return { series, unmatched };
}

function toKey(v: SeriesVersion): Pick<ResolutionRecord, 'date' | 'stage' | 'symbol' | 'id'> {
  return { date: v.date, stage: v.stage, symbol: v.symbol, id: v.id };
}
