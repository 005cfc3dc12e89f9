/**
 * What the pages read: the content collections, turned back into the core's
 * records and series, with the core's alignments and lineages computed once
 * per build (or once per change of content/ in dev) and shared by all pages.
 */
import { getCollection } from 'astro:content';
import type { Diagnostic, ResolutionRecord, Stage } from '../lib/model.ts';
import type { VersionAlignment } from '../lib/align/align.ts';
import type { Lineage } from '../lib/series/lineage.ts';
import { alignCached, lineageCached } from '../lib/stages.ts';
import { siteCache } from './corpus.ts';
import { lineageRows, rowAnchors, type Row } from '../lib/series/rows.ts';
import { summarize, type StepSummary } from './compare.ts';

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

let memo: { key: string; data: SiteData } | null = null;
const lineages = new Map<string, Lineage>();
const alignments = new Map<string, VersionAlignment>();

export async function siteData(): Promise<SiteData> {
  const [v, s, d] = await Promise.all([getCollection('versions'), getCollection('series'), getCollection('documents')]);
  const key = [...v, ...s, ...d].map((e) => `${e.id}:${(e as { digest?: string }).digest ?? ''}`).join('|');
  if (memo?.key === key) return memo.data;
  lineages.clear();
  alignments.clear();
  rowsMemo.clear();
  const versions: Version[] = v.map((e) => e.data as unknown as Version);
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

/** The lineage of a series (core: seriesLineage), once per build. */
export function lineageOf(series: SeriesData): Lineage {
  let l = lineages.get(series.slug);
  if (!l) lineages.set(series.slug, (l = lineageCached(series.versions.map((v) => v.record), {}, siteCache())));
  return l;
}

/** The alignment of two versions with redlines (core: alignVersions), once per build. */
export function alignmentOf(a: Version, b: Version): VersionAlignment {
  const key = `${a.slug}..${b.slug}`;
  let al = alignments.get(key);
  if (!al) alignments.set(key, (al = alignCached(a.record, b.record, { redline: true }, siteCache())));
  return al;
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
// Lineage rows and step summaries, once per build


const rowsMemo = new Map<string, { rows: Row[]; anchors: Map<string, string> }>();

export function rowsOf(series: SeriesData): { rows: Row[]; anchors: Map<string, string> } {
  const key = `${series.slug}:${series.versions.map((v) => v.slug).join(',')}`;
  let r = rowsMemo.get(key);
  if (!r) {
    const rows = lineageRows(lineageOf(series), series.versions.map((v) => v.slug));
    rowsMemo.set(key, (r = { rows, anchors: rowAnchors(rows) }));
  }
  return r;
}

/** What changed at each step of a series (from the lineage's alignments of successive versions). */
export function stepsOf(series: SeriesData): { a: Version; b: Version; summary: StepSummary }[] {
  const l = lineageOf(series);
  return l.alignments.map((al, k) => ({ a: series.versions[k]!, b: series.versions[k + 1]!, summary: summarize(al) }));
}

import { unitsOf, type Unit, type VersionUnits } from '../lib/align/units.ts';

const unitsMemo = new Map<string, { units: VersionUnits; byId: Map<string, Unit> }>();

/** The core's units of a version (paragraph texts as the aligner sees them), by id. */
export function unitsFor(v: Version): { units: VersionUnits; byId: Map<string, Unit> } {
  let u = unitsMemo.get(v.slug);
  if (!u || memo?.data.bySlug.get(v.slug) !== v) {
    const units = unitsOf(v.record);
    unitsMemo.set(v.slug, (u = { units, byId: new Map([...units.preamble, ...units.operative].map((x) => [x.id, x])) }));
  }
  return u;
}

/** Paragraph ids for people: "PP3" → "preambular paragraph 3", "OP5" → "operative paragraph 5". */
export function paragraphName(id: string): string {
  const m = /^(PP|OP)(\d+)(.*)$/.exec(id);
  if (!m) return id;
  return `${m[1] === 'PP' ? 'preambular' : 'operative'} paragraph ${m[2]}${m[3] ?? ''}`;
}
