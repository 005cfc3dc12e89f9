/**
 * What the pages read: the content collections (lean entries: names, slugs,
 * ids and digests), with the records themselves from the site corpus
 * (src/site/corpus.ts), where they are held once; and the core's alignments
 * and lineages, shared by the pages that need them.
 *
 * Memory stays bounded as the corpus grows: what every page of a kind needs
 * about a series (its step summaries, its lineage chart without texts, how
 * its histories are split) is kept for the build, and is small; the big
 * results (lineages with their blame, alignments with their redlines, the
 * units of versions) are kept in small LRUs, and a lineage that falls out is
 * read again from the build's cache (src/site/corpus.ts: siteCache). Astro
 * renders the pages of one route in order, series after series, so each of
 * these is computed or read a few times per build, not once per page.
 */
import { getCollection } from 'astro:content';
import type { Diagnostic, ResolutionRecord, Stage } from '../lib/model.ts';
import type { ListAlignment, VersionAlignment } from '../lib/align/align.ts';
import type { Lineage } from '../lib/series/lineage.ts';
import { alignCached, lineageCached, SITE_ALIGN_OPTIONS } from '../lib/stages.ts';
import { siteCache, siteCacheIsOff, siteCorpus } from './corpus.ts';
import { lineageRows, type Cell, type CellState, type Row } from '../lib/series/rows.ts';
import { unitsOf, type Unit, type VersionUnits } from '../lib/align/units.ts';
import { summarize, type StepSummary } from '../lib/compare/rows.ts';
import { packParts } from './paging.ts';

export interface Version {
  slug: string;
  /** Series slug, when the version belongs to a series of several versions. */
  series: string | null;
  record: ResolutionRecord;
}

export interface SeriesData {
  slug: string;
  id: string;
  title: string;
  evidence: string[];
  versions: Version[];
}

export interface DocumentData {
  id: string;
  source: string;
  kind: string;
  symbol: string | null;
  versions: string[];
}

export interface SiteData {
  versions: Version[];
  bySlug: Map<string, Version>;
  series: SeriesData[];
  seriesBySlug: Map<string, SeriesData>;
  documents: DocumentData[];
  diagnostics: Diagnostic[];
}

/** A version entry of the content layer (src/content.config.ts). */
interface VersionEntry {
  slug: string;
  id: string;
  series: string | null;
  digest: string;
}

/** A small map that forgets the least recently used entry beyond `capacity`. */
class Lru<K, V> {
  #map = new Map<K, V>();
  readonly capacity: number;
  constructor(capacity: number) {
    this.capacity = capacity;
  }
  get(key: K): V | undefined {
    const v = this.#map.get(key);
    if (v !== undefined) {
      this.#map.delete(key);
      this.#map.set(key, v);
    }
    return v;
  }
  set(key: K, value: V): V {
    this.#map.delete(key);
    this.#map.set(key, value);
    while (this.#map.size > this.capacity) this.#map.delete(this.#map.keys().next().value as K);
    return value;
  }
  clear(): void {
    this.#map.clear();
  }
}

let memo: { key: string; data: SiteData } | null = null;

export async function siteData(): Promise<SiteData> {
  // A build reads its content once: no page needs to list the collections again (at 10,000 versions, that
  // is 10,000 entries for each of some 20,000 pages). The dev server checks the digests on every request.
  if (memo && !import.meta.env.DEV) return memo.data;
  const [v, s, d] = await Promise.all([getCollection('versions'), getCollection('series'), getCollection('documents')]);
  const key = [...v, ...s, ...d].map((e) => `${e.id}:${(e as { digest?: string }).digest ?? ''}`).join('|');
  if (memo?.key === key) return memo.data;
  resetMemos();
  // The records, from the one place that holds them; each entry names its record by id.
  const records = new Map(siteCorpus().records.map((r) => [r.id, r]));
  const versions: Version[] = [];
  for (const e of v) {
    const entry = e.data as unknown as VersionEntry;
    const record = records.get(entry.id);
    // A record missing here is one the content layer has not reloaded yet (dev): the next request has it.
    if (record) versions.push({ slug: entry.slug, series: entry.series, record });
  }
  const bySlug = new Map(versions.map((x) => [x.slug, x]));
  const series: SeriesData[] = s.map((e) => {
    const data = e.data as unknown as Omit<SeriesData, 'versions'> & { versions: string[] };
    return { ...data, versions: data.versions.map((slug) => bySlug.get(slug)!).filter(Boolean) };
  });
  const diagnosticsEntry = d.find((e) => e.id === '#diagnostics');
  const documents = d.filter((e) => e.id !== '#diagnostics').map((e) => ({ id: e.id, ...(e.data as unknown as Omit<DocumentData, 'id'>) }));
  const data: SiteData = {
    versions,
    bySlug,
    series,
    seriesBySlug: new Map(series.map((x) => [x.slug, x])),
    documents,
    diagnostics: ((diagnosticsEntry?.data as { diagnostics?: Diagnostic[] } | undefined)?.diagnostics ?? []),
  };
  memo = { key, data };
  return data;
}

/** The series of several versions, in the core's order. */
export function multiSeries(data: SiteData): SeriesData[] {
  return data.series.filter((s) => s.versions.length > 1);
}

// ---------------------------------------------------------------------------
// Lineages and alignments

/**
 * Lineages kept for the whole build, up to this many paragraph appearances
 * (paragraphs × versions) in all: at 1,000 versions (67,000 appearances) every
 * lineage, at 10,000 (644,000) about an eighth of them. A lineage takes about
 * 2 kB of JSON per appearance and several times that in memory. The others go through a small
 * LRU and are read again from the cache when a later route needs them. With
 * the cache off (PALIMPSEST_CACHE=off) there is nothing to read them from,
 * and every lineage is kept.
 */
const PINNED_APPEARANCES = 80_000;
let pinnedAppearances = 0;
const pinnedLineages = new Map<string, Lineage>();
const recentLineages = new Lru<string, Lineage>(2);
/** Alignments of pairs that are not successive (each compare page is rendered once). */
const recentAlignments = new Lru<string, VersionAlignment>(4);
const recentUnits = new Lru<string, { record: ResolutionRecord; units: VersionUnits; byId: Map<string, Unit> }>(64);
const recentHistories = new Lru<string, HistoryRows>(2);
const facts = new Map<string, SeriesFacts>();

function resetMemos(): void {
  pinnedLineages.clear();
  pinnedAppearances = 0;
  recentLineages.clear();
  recentAlignments.clear();
  recentUnits.clear();
  recentHistories.clear();
  facts.clear();
}

/** The lineage of a series (core: seriesLineage, through the build's cache), with the redlines of each step. */
export function lineageOf(series: SeriesData): Lineage {
  const hit = pinnedLineages.get(series.slug) ?? recentLineages.get(series.slug);
  if (hit) return hit;
  const l = lineageCached(series.versions.map((v) => v.record), SITE_ALIGN_OPTIONS, siteCache());
  const appearances = l.versions.reduce((n, v) => n + v.paragraphs.length, 0);
  if (siteCacheIsOff() || pinnedAppearances + appearances <= PINNED_APPEARANCES) {
    pinnedLineages.set(series.slug, l);
    pinnedAppearances += appearances;
  } else recentLineages.set(series.slug, l);
  return l;
}

/** True when every pair, split and merge of the alignment (sub-paragraphs too) carries its redline. */
function carriesRedlines(list: ListAlignment): boolean {
  return list.pairs.every((p) => p.redline !== undefined && (!p.subparagraphs || carriesRedlines(p.subparagraphs)))
    && list.splits.every((x) => x.redline !== undefined)
    && list.merges.every((x) => x.redline !== undefined);
}

/**
 * The alignment of two versions with redlines (core: alignVersions with
 * SITE_ALIGN_OPTIONS). For successive versions of a series, the lineage's
 * own alignment of the step, when it carries redlines; for other pairs, the
 * build's cache, with the last few kept.
 */
export function alignmentOf(a: Version, b: Version): VersionAlignment {
  const series = a.series !== null && a.series === b.series ? memo?.data.seriesBySlug.get(a.series) : undefined;
  if (series) {
    const i = series.versions.indexOf(a);
    if (i >= 0 && series.versions[i + 1] === b) {
      const al = lineageOf(series).alignments[i];
      if (al && carriesRedlines(al)) return al;
    }
  }
  const key = `${a.slug}..${b.slug}`;
  return recentAlignments.get(key) ?? recentAlignments.set(key, alignCached(a.record, b.record, SITE_ALIGN_OPTIONS, siteCache()));
}

/** The core's units of a version (paragraph texts as the aligner sees them), by id. */
export function unitsFor(v: Version): { units: VersionUnits; byId: Map<string, Unit> } {
  const hit = recentUnits.get(v.slug);
  if (hit && hit.record === v.record) return hit;
  const units = unitsOf(v.record);
  return recentUnits.set(v.slug, { record: v.record, units, byId: new Map([...units.preamble, ...units.operative].map((x) => [x.id, x])) });
}

// ---------------------------------------------------------------------------
// Formatting

const STAGE_NAMES: Record<Stage, string> = {
  draft: 'Draft',
  'revised-draft': 'Revised draft',
  recommended: 'Recommended by the committee',
  adopted: 'Adopted',
  decision: 'Decision',
};

const STAGE_SHORT: Record<Stage, string> = {
  draft: 'draft',
  'revised-draft': 'revised',
  recommended: 'recommended',
  adopted: 'adopted',
  decision: 'decision',
};

export function stageName(stage: Stage): string {
  return STAGE_NAMES[stage] ?? stage;
}

export function stageShort(stage: Stage): string {
  return STAGE_SHORT[stage] ?? stage;
}

const UNSYMBOLED: Record<Stage, string> = {
  draft: 'Draft',
  'revised-draft': 'Revised draft',
  recommended: 'Recommended draft',
  adopted: 'Resolution',
  decision: 'Draft decision',
};

/**
 * A version's name for people: its symbol; without one, what it is and when,
 * with its sponsors when few ("Draft of 13 October 2017 (Hungary and Italy)"),
 * and only without a date its file and position.
 */
export function versionName(r: ResolutionRecord): string {
  if (r.symbol) return r.symbol;
  const date = formatDate(r.date);
  if (!date) return `${r.source.replace(/^.*\//, '')}, text ${r.position}`;
  const sponsors = r.sponsors.length > 0 && r.sponsors.length <= 3 ? ` (${r.sponsors.join(r.sponsors.length === 2 ? ' and ' : ', ')})` : '';
  return `${UNSYMBOLED[r.stage]} of ${date}${sponsors}`;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2021-12-16" → "16 December 2021" (the UN's own style). */
export function formatDate(iso: string | null): string | null {
  if (!iso) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1] ?? m[2]} ${m[1]}`;
}

export function yearOf(r: ResolutionRecord): number | null {
  return r.year ?? (r.date ? Number(r.date.slice(0, 4)) : null);
}

/** "2013–2021" or "2019". */
export function yearSpan(versions: readonly Version[]): string {
  const years = versions.map((v) => yearOf(v.record)).filter((y): y is number => y !== null);
  if (!years.length) return '';
  const lo = Math.min(...years);
  const hi = Math.max(...years);
  return lo === hi ? String(lo) : `${lo}–${hi}`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

// ---------------------------------------------------------------------------
// What the pages of a series show: step summaries, the lineage chart, histories

/** A cell of the lineage chart: the paragraph's id in that version and what the step did to it. */
export interface ChartCell {
  id: string;
  state: CellState;
}

/** A row of the lineage chart: one paragraph lineage, without its texts. */
export interface ChartRow {
  /** Anchor of its history ("h-<version slug>-<id>", src/lib/series/rows.ts), stable across builds. */
  anchor: string;
  /** The 1-based part of the paragraph histories that holds it (see historyParts). */
  part: number;
  /** Its id in the last version that has it. */
  label: string;
  cells: (ChartCell | null)[];
}

interface SeriesFacts {
  steps: StepSummary[];
  rows: ChartRow[];
  /** Parts of the paragraph histories (1 for most series). */
  parts: number;
}

/**
 * Estimated weight (about bytes of HTML) of the paragraph histories on one
 * history page: parts are filled up to this. A lineage that changed in every
 * one of 30 versions makes a part of its own.
 */
export const HISTORY_PART_BUDGET = 150_000;

/** What a history shows of each appearance of a paragraph, unchanged runs collapsed. */
export type Appearance =
  | { kind: 'first'; k: number; cell: Cell; text: string }
  | { kind: 'changed'; k: number; cell: Cell; before: string; text: string }
  /** Moved, split or merged, with the same words. */
  | { kind: 'same'; k: number; cell: Cell }
  /** Consecutive versions in which nothing happened to it: from the first to the last. */
  | { kind: 'unchanged'; k: number; cell: Cell; last: { k: number; cell: Cell }; count: number };

/** The appearances of a lineage for its history: the first, each change, and runs of unchanged versions. */
export function appearancesOf(row: Row, textOf: (k: number, id: string) => string): Appearance[] {
  const out: Appearance[] = [];
  let before: string | null = null;
  row.cells.forEach((cell, k) => {
    if (!cell) return;
    const text = textOf(k, cell.id);
    const prev = out[out.length - 1];
    if (before === null) out.push({ kind: 'first', k, cell, text });
    else if (before !== text) out.push({ kind: 'changed', k, cell, before, text });
    else if (cell.state !== 'unchanged') out.push({ kind: 'same', k, cell });
    else if (prev?.kind === 'unchanged' && prev.last.k === k - 1) {
      prev.last = { k, cell };
      prev.count++;
    } else out.push({ kind: 'unchanged', k, cell, last: { k, cell }, count: 1 });
    before = text;
  });
  return out;
}

/** The estimated weight of a lineage's history (see HISTORY_PART_BUDGET). */
function historyWeight(row: Row, textOf: (k: number, id: string) => string): number {
  let w = 700;
  for (const a of appearancesOf(row, textOf)) {
    if (a.kind === 'first') w += 250 + a.text.length;
    else if (a.kind === 'changed') w += 300 + Math.round(1.25 * a.text.length);
    else w += a.kind === 'unchanged' ? 400 : 250;
  }
  const last = [...row.cells].reverse().find(Boolean);
  if (last && last.blame.length > 1) w += 250 + last.blame.reduce((n, s) => n + s.text.length + 50, 0);
  return w;
}

function textGetter(series: SeriesData): (k: number, id: string) => string {
  return (k, id) => unitsFor(series.versions[k]!).byId.get(id)?.fullText ?? '';
}

function factsOf(series: SeriesData): SeriesFacts {
  let f = facts.get(series.slug);
  if (f) return f;
  const lineage = lineageOf(series);
  const rows = lineageRows(lineage, series.versions.map((v) => v.slug));
  const textOf = textGetter(series);
  const part = packParts(rows.map((r) => historyWeight(r, textOf)), HISTORY_PART_BUDGET);
  f = {
    steps: lineage.alignments.map(summarize),
    rows: rows.map((r, i) => ({
      anchor: r.anchor,
      part: part[i]! + 1,
      label: [...r.cells].reverse().find(Boolean)!.id,
      cells: r.cells.map((c) => (c ? { id: c.id, state: c.state } : null)),
    })),
    parts: (part[part.length - 1] ?? 0) + 1,
  };
  facts.set(series.slug, f);
  return f;
}

/** What changed at each step of a series (from the lineage's alignments of successive versions). */
export function stepsOf(series: SeriesData): { a: Version; b: Version; summary: StepSummary }[] {
  return factsOf(series).steps.map((summary, k) => ({ a: series.versions[k]!, b: series.versions[k + 1]!, summary }));
}

/** The lineage chart of a series: one row per paragraph lineage, one cell per version. */
export function chartOf(series: SeriesData): ChartRow[] {
  return factsOf(series).rows;
}

/** How many pages the paragraph histories of a series take. */
export function historyPartCount(series: SeriesData): number {
  return factsOf(series).parts;
}

/** For each paragraph id of the version at `index` in the series, its history: anchor and part. */
export function historyLinks(series: SeriesData, index: number): Map<string, { anchor: string; part: number }> {
  const out = new Map<string, { anchor: string; part: number }>();
  for (const r of factsOf(series).rows) {
    const c = r.cells[index];
    if (c) out.set(c.id, { anchor: r.anchor, part: r.part });
  }
  return out;
}

export interface HistoryRows {
  /** Full rows (with blame), in reading order. */
  rows: Row[];
  /** The chart row of each: its anchor and part. */
  chart: ChartRow[];
  textOf: (k: number, id: string) => string;
}

/** The rows of the paragraph histories of a series, with their texts (for its history pages, one series at a time). */
export function historyRowsOf(series: SeriesData): HistoryRows {
  const hit = recentHistories.get(series.slug);
  if (hit) return hit;
  const rows = lineageRows(lineageOf(series), series.versions.map((v) => v.slug));
  return recentHistories.set(series.slug, { rows, chart: factsOf(series).rows, textOf: textGetter(series) });
}

/** Paragraph ids for people: "PP3" → "preambular paragraph 3", "OP5" → "operative paragraph 5". */
export function paragraphName(id: string): string {
  const m = /^(PP|OP)(\d+)(.*)$/.exec(id);
  if (!m) return id;
  return `${m[1] === 'PP' ? 'preambular' : 'operative'} paragraph ${m[2]}${m[3] ?? ''}`;
}
