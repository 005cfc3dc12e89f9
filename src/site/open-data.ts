/**
 * The open-data files of the site (data/…), from the site's data: the core's
 * exporters (src/lib/export) fed with the same records, slugs and lineages
 * the pages use, so that a page and its files share a name. The endpoints
 * under src/pages/data/ only call these.
 */
import versionSchema from '../lib/export/schema/version.schema.json' with { type: 'json' };
import seriesSchema from '../lib/export/schema/series.schema.json' with { type: 'json' };
import indexSchema from '../lib/export/schema/index.schema.json' with { type: 'json' };
import { versionToJsonText } from '../lib/export/version-json.ts';
import { recordToJsonText } from '../lib/export/record-json.ts';
import { versionToAkn } from '../lib/export/akn.ts';
import { seriesToJsonText } from '../lib/export/series-json.ts';
import { seriesToCsv } from '../lib/export/csv.ts';
import { dataIndexText } from '../lib/export/data-index.ts';
import { precomputedPairs } from '../lib/series/pairs.ts';
import { lineageOf, multiSeries, siteData, type SeriesData, type SiteData, type Version } from './data.ts';
import { renderedSeries, renderedVersions } from './incremental.ts';

export { dataPaths } from '../lib/export/data-index.ts';

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

export const schemaText = {
  version: () => json(versionSchema),
  series: () => json(seriesSchema),
  index: () => json(indexSchema),
};

export const TYPES = {
  json: 'application/json; charset=utf-8',
  schema: 'application/schema+json; charset=utf-8',
  akn: 'application/akn+xml; charset=utf-8',
  csv: 'text/csv; charset=utf-8; header=present',
};

/**
 * The body as UTF-8 bytes: a string body is first checked and converted as a
 * USVString by the Response constructor, which took 4% of the site build
 * (the data files are about 300 MB per 1,000 versions). The bytes are the
 * same: both write a lone surrogate as U+FFFD.
 */
export function textResponse(body: string, type: string): Response {
  return new Response(Buffer.from(body, 'utf8'), { headers: { 'Content-Type': type } });
}

export const versionJson = (v: Version) => versionToJsonText(v.record, v.slug);

export const recordJson = (v: Version) => recordToJsonText(v.record);

export const versionAkn = (v: Version) => versionToAkn(v.record);

function seriesInput(s: SeriesData) {
  return { slug: s.slug, id: s.id, title: s.title, evidence: s.evidence, versions: s.versions };
}

export const seriesJson = (s: SeriesData) => seriesToJsonText(seriesInput(s), lineageOf(s));
export const seriesCsv = (s: SeriesData) => seriesToCsv(s.versions.map((v) => v.record), s.slug, lineageOf(s));

export function indexJson(data: SiteData): string {
  return dataIndexText({
    series: multiSeries(data).map((s) => ({ slug: s.slug, id: s.id, title: s.title, versions: s.versions.map((v) => v.slug) })),
    versions: data.versions,
  });
}

/** Static paths of the endpoints: one per version, one per series of several versions. */
export async function versionPaths() {
  const data = await siteData();
  return renderedVersions(data).map((v) => ({ params: { slug: v.slug }, props: { version: v } }));
}

/** Static paths of the precomputed pairs of every series (src/lib/series/pairs.ts): the compare pages and their Word documents. */
export async function comparePaths() {
  const data = await siteData();
  return renderedSeries(data).flatMap((s) =>
    precomputedPairs(s.versions.length).map((p) => {
      const [a, b] = [s.versions[p.a]!, s.versions[p.b]!];
      return { params: { slug: s.slug, pair: `${a.slug}..${b.slug}` }, props: { a, b } };
    }),
  );
}

export async function seriesPaths() {
  const data = await siteData();
  return renderedSeries(data).map((s) => ({ params: { slug: s.slug }, props: { series: s } }));
}

// ---------------------------------------------------------------------------
// Excerpts for the page that explains the formats (/data/)

/** The version the examples are taken from: A/RES/76/187 when the corpus has it, else the first with paragraphs. */
export function exampleVersion(data: SiteData): Version | undefined {
  return data.versions.find((v) => v.record.symbol === 'A/RES/76/187')
    ?? data.versions.find((v) => v.record.tree.children.some((c) => c.type === 'preamble'))
    ?? data.versions[0];
}

/** The series the CSV example comes from: the one with the most versions. */
export function exampleSeries(data: SiteData): SeriesData | undefined {
  return [...multiSeries(data)].sort((a, b) => b.versions.length - a.versions.length)[0];
}

const ELLIPSIS = '…';

/**
 * The version JSON with its first operative paragraph and the footnotes it
 * calls; the other paragraphs and footnotes are elided ("… 74 more").
 */
export function jsonExcerpt(v: Version): string {
  type Node = { type?: string; number?: number; children?: Node[] };
  const full = JSON.parse(versionJson(v)) as Record<string, unknown> & { preamble: Node[]; operative: Node[]; footnotes: Node[] };
  const shown = full.operative[0] ?? full.preamble[0];
  const calls = new Set<number>();
  const visit = (n: Node) => {
    if (n.type === 'footnoteReference' && n.number !== undefined) calls.add(n.number);
    n.children?.forEach(visit);
  };
  if (shown) visit(shown);
  const more = (n: number) => (n > 0 ? [`${ELLIPSIS} ${n} more`] : []);
  const preamble = shown === full.preamble[0] ? [shown, ...more(full.preamble.length - 1)] : more(full.preamble.length);
  const operative = shown === full.operative[0] ? [shown, ...more(full.operative.length - 1)] : more(full.operative.length);
  const notes = full.footnotes.filter((f) => calls.has(f.number ?? 0));
  const footnotes = notes.length ? [...more(full.footnotes.indexOf(notes[0]!)), ...notes, ...more(full.footnotes.length - 1 - full.footnotes.indexOf(notes.at(-1)!))] : more(full.footnotes.length);
  // The "… n more" strings stand for the elided items: shown bare, as an excerpt.
  return json({ ...full, preamble, operative, footnotes }).replace(/"(… \d+ more)"/g, '$1').trimEnd();
}

/** Lines of an XML text from the first line matching `from` to the first after it matching `to`, long lines cut. */
function linesBetween(lines: readonly string[], from: RegExp, to: RegExp, max = 160): string[] {
  const start = lines.findIndex((l) => from.test(l));
  if (start < 0) return [];
  let end = lines.findIndex((l, k) => k >= start && to.test(l));
  if (end < 0) end = start;
  return lines.slice(start, end + 1).map((l) => (l.length > max ? `${l.slice(0, max)}${ELLIPSIS}` : l));
}

/** The Akoma Ntoso of a version: its work identification, its first recital and its first operative paragraph. */
export function aknExcerpt(v: Version): string {
  const lines = versionAkn(v).split('\n');
  const gap = (l: string) => `${l.match(/^\s*/)![0]}<!-- ${ELLIPSIS} -->`;
  const work = linesBetween(lines, /<FRBRWork>/, /<\/FRBRWork>/);
  const recital = linesBetween(lines, /<recital /, /<\/recital>/);
  const para = linesBetween(lines, /<paragraph /, /<\/paragraph>/);
  return [
    ...lines.slice(0, 5),
    ...work,
    work.length ? gap(work[0]!) : '',
    ...recital,
    recital.length ? gap(recital[0]!) : '',
    ...para,
    para.length ? gap(para[0]!) : '',
  ].filter(Boolean).join('\n');
}

/** The first rows of a series CSV (header included). */
export function csvExcerpt(s: SeriesData, rows = 6): string {
  return seriesCsv(s).split('\r\n').slice(0, rows + 1).join('\n');
}
