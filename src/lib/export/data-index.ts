/**
 * Where the open-data files live, and the corpus index `data/index.json`
 * that lists them.
 *
 * Every path is relative to the site's base (no leading slash): a reader
 * resolves it against the address of the site, e.g. "data/versions/
 * a-res-76-187.json" under https://example.org/palimpsest/. A version's
 * files and its page share its slug, and so do a series' files and page.
 *
 * The index lists the series first (in the order of the series grouping),
 * then every version in corpus order (source file, then position in it).
 * `schema/index.schema.json` describes it. Pure and deterministic.
 */
import type { ResolutionRecord, Stage } from '../model.ts';
import { jsonFileText } from './json-text.ts';

export const INDEX_FORMAT = 1;

/** File paths relative to the site base. */
export const dataPaths = {
  index: 'data/index.json',
  indexSchema: 'data/index.schema.json',
  versionSchema: 'data/versions/version.schema.json',
  seriesSchema: 'data/series/series.schema.json',
  versionJson: (slug: string) => `data/versions/${slug}.json`,
  versionAkn: (slug: string) => `data/versions/${slug}.akn.xml`,
  seriesJson: (slug: string) => `data/series/${slug}.json`,
  seriesCsv: (slug: string) => `data/series/${slug}.csv`,
  versionPage: (slug: string) => `versions/${slug}/`,
  seriesPage: (slug: string) => `series/${slug}/`,
};

export interface IndexSeriesJson {
  slug: string;
  id: string;
  title: string;
  /** Version slugs, in the series' order. */
  versions: string[];
  page: string;
  files: { json: string; csv: string };
}

export interface IndexVersionJson {
  slug: string;
  id: string;
  symbol: string | null;
  title: string;
  stage: Stage;
  date: string | null;
  /** Slug of its series, when it belongs to one with several versions. */
  series: string | null;
  page: string;
  files: { json: string; akn: string };
}

export interface DataIndexJson {
  format: 'palimpsest-index';
  formatVersion: typeof INDEX_FORMAT;
  schemas: { index: string; version: string; series: string };
  series: IndexSeriesJson[];
  versions: IndexVersionJson[];
}

export interface IndexInput {
  series: readonly { slug: string; id: string; title: string; versions: readonly string[] }[];
  versions: readonly { slug: string; series: string | null; record: ResolutionRecord }[];
}

function corpusOrder(a: ResolutionRecord, b: ResolutionRecord): number {
  return a.source < b.source ? -1 : a.source > b.source ? 1 : a.position - b.position;
}

export function dataIndex(input: IndexInput): DataIndexJson {
  return {
    format: 'palimpsest-index',
    formatVersion: INDEX_FORMAT,
    schemas: { index: dataPaths.indexSchema, version: dataPaths.versionSchema, series: dataPaths.seriesSchema },
    series: input.series.map((s) => ({
      slug: s.slug,
      id: s.id,
      title: s.title,
      versions: [...s.versions],
      page: dataPaths.seriesPage(s.slug),
      files: { json: dataPaths.seriesJson(s.slug), csv: dataPaths.seriesCsv(s.slug) },
    })),
    versions: [...input.versions]
      .sort((a, b) => corpusOrder(a.record, b.record))
      .map(({ slug, series, record: r }) => ({
        slug,
        id: r.id,
        symbol: r.symbol,
        title: r.title,
        stage: r.stage,
        date: r.date,
        series,
        page: dataPaths.versionPage(slug),
        files: { json: dataPaths.versionJson(slug), akn: dataPaths.versionAkn(slug) },
      })),
  };
}

export function dataIndexText(input: IndexInput): string {
  return jsonFileText(dataIndex(input));
}

/** Every file path the index names (files and schemas, not pages), in index order. */
export function indexedFiles(index: DataIndexJson): string[] {
  return [
    index.schemas.index,
    index.schemas.version,
    index.schemas.series,
    ...index.series.flatMap((s) => [s.files.json, s.files.csv]),
    ...index.versions.flatMap((v) => [v.files.json, v.files.akn]),
  ];
}
