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

/** Groups the resolution texts of a corpus into series. */
export function groupSeries(records: readonly ResolutionRecord[], overrides: OverrideFile = { overrides: [] }, options: SeriesOptions = {}): SeriesResult {
  const titleThreshold = options.titleThreshold ?? 0.85;
  const titleFloor = options.titleFloor ?? 0.3;
  const contentThreshold = options.contentThreshold ?? 0.2;
  const recs = [...records].sort(compareVersions);
  const n = recs.length;
  const parent = recs.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const members = (root: number) => recs.map((_, i) => i).filter((i) => find(i) === root);
  const evidence = new Map<number, Set<string>>();
  const compatible = (x: number, y: number) => {
    for (const i of members(find(x)))
      for (const j of members(find(y))) {
        const a = recs[i]!;
        const b = recs[j]!;
        if (a.session !== null && a.session === b.session && a.symbol && b.symbol && baseSymbol(a.symbol) !== baseSymbol(b.symbol)) return false;
      }
    return true;
  };
  const join = (x: number, y: number, why: string) => {
    const rx = find(x);
    const ry = find(y);
    if (rx === ry) return;
    const ev = new Set([...(evidence.get(rx) ?? []), ...(evidence.get(ry) ?? []), why]);
    parent[ry] = rx;
    evidence.set(rx, ev);
  };

  // Content: the share of paragraphs that have a close counterpart in the other text
  // (weighted word similarity >= 0.6). Whole-text similarity does not separate series:
  // every crime resolution shares the same vocabulary; whole paragraphs are shared
  // only by versions of one resolution.
  let space: TermSpace | null = null;
  const paras = new Map<number, TermVector[]>();
  const paragraphTexts = (i: number) => {
    const u = unitsOf(recs[i]!);
    return [...u.preamble, ...u.operative].map((p) => p.fullText);
  };
  const vectors = (i: number) => {
    space ??= new TermSpace(recs.flatMap((_, k) => paragraphTexts(k)));
    if (!paras.has(i)) paras.set(i, paragraphTexts(i).map((t) => space!.vector(t)));
    return paras.get(i)!;
  };
  const content = (i: number, j: number) => contentShare(vectors(i), vectors(j));

  const cands: { i: number; j: number; t: number }[] = [];
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      if (recs[i]!.stage === 'decision' || recs[j]!.stage === 'decision') continue;
      const t = titleSimilarity(recs[i]!.title, recs[j]!.title);
      if (t >= titleFloor) cands.push({ i, j, t });
    }
  cands.sort((x, y) => y.t - x.t || x.i - y.i || x.j - y.j);
  for (const c of cands) {
    if (find(c.i) === find(c.j) || !compatible(c.i, c.j)) continue;
    if (c.t >= titleThreshold) join(c.i, c.j, 'title');
    else if (content(c.i, c.j) >= contentThreshold) join(c.i, c.j, 'title+content');
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
