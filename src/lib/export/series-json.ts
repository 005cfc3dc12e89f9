/**
 * One series of a resolution as open data: `data/series/<slug>.json`.
 *
 * The file holds the series (its id, title and the evidence that grouped its
 * versions), its versions in order (oldest first), the alignment of each
 * successive pair of versions as `palimpsest compare` prints it (pairs with
 * similarity and change, inserted, deleted, splits, merges, and the same for
 * footnotes), and the lineage of every paragraph of every version (its
 * ancestor in the version before, the versions where it first appeared and
 * last changed, and which version brought each stretch of its words: a
 * count of characters of the paragraph's `text` in data/versions/<slug>.json,
 * in Unicode code points, so that the file does not carry every version's
 * text once more; format 1 wrote each stretch's text).
 *
 * Versions are named by their label inside alignments and lineages (the
 * symbol, or the record id when there is none: what the core and the CSV
 * use); `versions` gives each label's slug, the stem of its files in
 * data/versions/. `schema/series.schema.json` describes the file exactly.
 *
 * A pure function of the records and their lineage; every object is rebuilt
 * with a fixed key order, no redlines are written (the site's compare pages
 * show them) and no clock is read, so the output is byte-identical for the
 * same input.
 */
import type { ResolutionRecord, Stage } from '../model.ts';
import { versionLabel, type ListAlignment, type Pair, type VersionAlignment } from '../align/align.ts';
import { seriesLineage, type Lineage } from '../series/lineage.ts';
import type { ChangeClass } from '../diff/classify.ts';
import type { VerbDirection } from '../diff/verb-scale.ts';
import { jsonFileText } from './json-text.ts';

/** Bump when the shape of the file changes in a way a reader would notice. */
export const SERIES_FORMAT = 2;

export interface SeriesVersionJson {
  slug: string;
  /** The name alignments and lineages use: the symbol, or the record id. */
  label: string;
  id: string;
  symbol: string | null;
  title: string;
  stage: Stage;
  date: string | null;
  session: number | null;
  year: number | null;
}

export interface PairJson {
  a: string;
  b: string;
  similarity: number;
  change: 'unchanged' | 'edited' | 'moved';
  edited: boolean;
  class: ChangeClass;
  verb: { from: string; to: string; fromLevel: number | null; toLevel: number | null; direction: VerbDirection } | null;
  subparagraphs: ListAlignmentJson | null;
}

export interface ListAlignmentJson {
  pairs: PairJson[];
  inserted: string[];
  deleted: string[];
  splits: { a: string; b: string[]; similarity: number }[];
  merges: { a: string[]; b: string; similarity: number }[];
}

export interface AlignmentJson extends ListAlignmentJson {
  /** Slugs of the two versions. */
  from: string;
  to: string;
  /** Labels of the two versions, as `palimpsest compare` prints them. */
  a: string;
  b: string;
  footnotes: ListAlignmentJson;
}

export interface ParagraphLineageJson {
  id: string;
  ancestor: string | null;
  ancestors: string[];
  firstAppeared: string;
  lastChanged: string;
  /** Its text in stretches, in order: how many characters (code points) each is, and the label of the version that brought it. */
  blame: { chars: number; version: string }[];
}

export interface VersionLineageJson {
  version: string;
  slug: string;
  paragraphs: ParagraphLineageJson[];
}

export interface SeriesJson {
  format: 'palimpsest-series';
  formatVersion: typeof SERIES_FORMAT;
  slug: string;
  id: string;
  title: string;
  evidence: string[];
  versions: SeriesVersionJson[];
  alignments: AlignmentJson[];
  lineages: VersionLineageJson[];
}

export interface SeriesInput {
  slug: string;
  id: string;
  title: string;
  evidence: readonly string[];
  /** The versions in the series' order, each with the slug of its files. */
  versions: readonly { slug: string; record: ResolutionRecord }[];
}

function pairToJson(p: Pair): PairJson {
  return {
    a: p.a,
    b: p.b,
    similarity: p.similarity,
    change: p.change,
    edited: p.edited,
    class: p.class,
    verb: p.verb ? { from: p.verb.from, to: p.verb.to, fromLevel: p.verb.fromLevel, toLevel: p.verb.toLevel, direction: p.verb.direction } : null,
    subparagraphs: p.subparagraphs ? listToJson(p.subparagraphs) : null,
  };
}

export function listToJson(list: ListAlignment): ListAlignmentJson {
  return {
    pairs: list.pairs.map(pairToJson),
    inserted: [...list.inserted],
    deleted: [...list.deleted],
    splits: list.splits.map((s) => ({ a: s.a, b: [...s.b], similarity: s.similarity })),
    merges: list.merges.map((m) => ({ a: [...m.a], b: m.b, similarity: m.similarity })),
  };
}

export function alignmentToJson(al: VersionAlignment, from: string, to: string): AlignmentJson {
  return { from, to, a: al.a, b: al.b, ...listToJson(al), footnotes: listToJson(al.footnotes) };
}

/** The open-data JSON of a series. `lineage` is the core's seriesLineage of its records (computed when not given). */
export function seriesToJson(series: SeriesInput, lineage: Lineage = seriesLineage(series.versions.map((v) => v.record))): SeriesJson {
  const vs = series.versions;
  if (lineage.versions.length !== vs.length || lineage.alignments.length !== Math.max(vs.length - 1, 0)) {
    throw new Error(`series ${series.slug}: the lineage does not match its ${vs.length} versions`);
  }
  return {
    format: 'palimpsest-series',
    formatVersion: SERIES_FORMAT,
    slug: series.slug,
    id: series.id,
    title: series.title,
    evidence: [...series.evidence],
    versions: vs.map(({ slug, record: r }) => ({
      slug,
      label: versionLabel(r),
      id: r.id,
      symbol: r.symbol,
      title: r.title,
      stage: r.stage,
      date: r.date,
      session: r.session,
      year: r.year,
    })),
    alignments: lineage.alignments.map((al, k) => alignmentToJson(al, vs[k]!.slug, vs[k + 1]!.slug)),
    lineages: lineage.versions.map((v, k) => ({
      version: v.version,
      slug: vs[k]!.slug,
      paragraphs: v.paragraphs.map((p) => ({
        id: p.id,
        ancestor: p.ancestor,
        ancestors: [...p.ancestors],
        firstAppeared: p.firstAppeared,
        lastChanged: p.lastChanged,
        blame: p.blame.map((b) => ({ chars: codePoints(b.text), version: b.version })),
      })),
    })),
  };
}

/** The length of a text in Unicode code points, as most languages other than JavaScript count a string. */
function codePoints(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/** The file's text, as every data file (json-text.ts: compact; indentation was 40% of these files). */
export function seriesToJsonText(series: SeriesInput, lineage?: Lineage): string {
  return jsonFileText(seriesToJson(series, lineage));
}
