/**
 * Incremental site builds (issue 14): render again only the pages whose inputs
 * changed, over the output of the build before, with the same bytes as a
 * build from scratch.
 *
 * The pages of the site fall in groups:
 * - one per series of several versions (`series:<slug>`): its series,
 *   compare, history and lineage pages, its data files, and the pages and
 *   files of each of its versions (a version's page links its neighbours);
 * - one per version in no such series (`version:<slug>`);
 * - the rest is global (home and its pages, search, check and its index,
 *   the data page and index, 404): rendered by every build.
 * A group's hash covers everything its pages are made of: the series' slug,
 * id, title and evidence, and each version's slug and whole record. The code
 * that renders them is the build's concern (scripts/build.ts: a change of
 * code, dependencies or site address means a build from scratch).
 *
 * scripts/build.ts names, in PALIMPSEST_SITE_STATE, a folder holding the
 * previous build's group hashes (groups.json, when the code was the same);
 * the routes of the groups ask `renderedSeries` and `renderedVersions` which
 * of their paths to render. Every build writes its own hashes there as
 * groups.next.json for the build script to keep.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { multiSeries, type SeriesData, type SiteData, type Version } from './data.ts';
import { seriesKey, versionKey, type GroupHashes } from './group-keys.ts';

export interface SiteGroup {
  key: string;
  /** The slugs of its versions, in order. */
  versions: string[];
  hash: string;
}

/** The groups of the site's pages and the hash of each (see the top of this module). */
export function siteGroups(data: SiteData): SiteGroup[] {
  const groups: SiteGroup[] = [];
  const hash = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');
  const inSeries = new Set<Version>();
  for (const s of multiSeries(data)) {
    for (const v of s.versions) inSeries.add(v);
    groups.push({
      key: seriesKey(s.slug),
      versions: s.versions.map((v) => v.slug),
      hash: hash({ slug: s.slug, id: s.id, title: s.title, evidence: s.evidence, versions: s.versions.map((v) => ({ slug: v.slug, series: v.series, record: v.record })) }),
    });
  }
  for (const v of data.versions) {
    if (!inSeries.has(v)) groups.push({ key: versionKey(v.slug), versions: [v.slug], hash: hash({ slug: v.slug, series: v.series, record: v.record }) });
  }
  return groups;
}

const memo = new WeakMap<SiteData, Set<string> | null>();

/**
 * The keys of the groups this build renders, or null for all of them: those
 * whose hash differs from the previous build's, or that are new. Writes this
 * build's hashes into the state folder (once per site data).
 */
function renderedKeys(data: SiteData): Set<string> | null {
  if (memo.has(data)) return memo.get(data)!;
  const state = process.env.PALIMPSEST_SITE_STATE;
  let keys: Set<string> | null = null;
  // Without a state folder (the dev server, a build without cache) every page is rendered: no hashing of every record.
  if (state) {
    const groups = siteGroups(data);
    mkdirSync(state, { recursive: true });
    const next: GroupHashes = Object.fromEntries(groups.map((g) => [g.key, { hash: g.hash, versions: g.versions }]));
    writeFileSync(join(state, 'groups.next.json'), `${JSON.stringify(next)}\n`);
    const before = join(state, 'groups.json');
    if (existsSync(before)) {
      const previous = JSON.parse(readFileSync(before, 'utf8')) as GroupHashes;
      keys = new Set(groups.filter((g) => previous[g.key]?.hash !== g.hash).map((g) => g.key));
    }
  }
  memo.set(data, keys);
  return keys;
}

/** The series of several versions whose pages this build renders. */
export function renderedSeries(data: SiteData): SeriesData[] {
  const keys = renderedKeys(data);
  const all = multiSeries(data);
  return keys ? all.filter((s) => keys.has(seriesKey(s.slug))) : all;
}

/** The versions whose pages and files this build renders: those of the rendered series and the changed single versions. */
export function renderedVersions(data: SiteData): Version[] {
  const keys = renderedKeys(data);
  if (!keys) return data.versions;
  const of = new Map<Version, string>();
  for (const s of multiSeries(data)) for (const v of s.versions) of.set(v, seriesKey(s.slug));
  return data.versions.filter((v) => keys.has(of.get(v) ?? versionKey(v.slug)));
}
