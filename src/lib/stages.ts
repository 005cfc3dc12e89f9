/**
 * The stages of the pipeline that the build runs through the content-hash
 * cache (cache.ts): the grouping of the corpus into series, the alignment of
 * two versions and the lineage of a series. The key is the core's code, the options and the records
 * themselves, so an edit to one document re-aligns only the pairs of its
 * series and every other result comes from the cache.
 */
import { alignVersions, type AlignOptions, type VersionAlignment } from './align/align.ts';
import { seriesLineage, type Lineage } from './series/lineage.ts';
import { groupSeries, type OverrideFile, type SeriesResult } from './series/group.ts';
import { cached, codeFingerprint, contentKey, noCache, type Cache } from './cache.ts';
import type { ResolutionRecord } from './model.ts';

/**
 * The options the site aligns with: redlines included, so that the lineage's
 * alignments of successive versions serve the compare pages as they are.
 * The build's prepare step and the pages must use the same options, or the
 * cache keys differ and the work is done twice.
 */
export const SITE_ALIGN_OPTIONS: AlignOptions = Object.freeze({ redline: true });

const digests = new WeakMap<ResolutionRecord, string>();

/** A hash of everything a record holds (its text, tree and metadata). */
export function recordDigest(record: ResolutionRecord): string {
  let d = digests.get(record);
  if (d === undefined) digests.set(record, (d = contentKey(JSON.stringify(record))));
  return d;
}

export function alignCached(a: ResolutionRecord, b: ResolutionRecord, options: AlignOptions = {}, cache: Cache = noCache()): VersionAlignment {
  const key = contentKey(codeFingerprint(), JSON.stringify(options), recordDigest(a), recordDigest(b));
  return cached(cache, 'align', key, () => alignVersions(a, b, options));
}

export function lineageCached(records: readonly ResolutionRecord[], options: AlignOptions = {}, cache: Cache = noCache()): Lineage {
  const key = contentKey(codeFingerprint(), JSON.stringify(options), ...records.map(recordDigest));
  return cached(cache, 'lineage', key, () => seriesLineage(records, options));
}

/**
 * The series of a corpus (core: groupSeries), keyed by the records in the
 * order given and the editor's overrides. The build groups the corpus in
 * more than one process (the prepare step, the site build, the report); the
 * first computes it, at 10,000 versions about 45 s, and the others read it.
 */
export function groupCached(records: readonly ResolutionRecord[], overrides: OverrideFile, cache: Cache = noCache()): SeriesResult {
  const key = contentKey(codeFingerprint(), JSON.stringify(overrides), ...records.map(recordDigest));
  return cached(cache, 'group', key, () => groupSeries(records, overrides));
}
