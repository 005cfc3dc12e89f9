/**
 * The check index of a corpus of records (src/lib/check/agreed.ts), each
 * version named by the slug of its page (unique in the corpus, as the site
 * names it). Apart from agreed.ts because slugs need Node's hashing, which the
 * browser's half of the check does without.
 */
import type { ResolutionRecord } from '../model.ts';
import { uniqueSlugs, versionSlug } from '../export/version-json.ts';
import { addVersion, emptyCheckIndex, type CheckIndex } from './agreed.ts';

/** Adds one record under its own slug (for a corpus indexed a file at a time, where slugs do not collide). */
export function addRecord(index: CheckIndex, record: ResolutionRecord, slug = versionSlug(record)): void {
  addVersion(index, { slug, symbol: record.symbol, year: record.year, date: record.date, stage: record.stage }, record);
}

/** The index of a corpus, its texts in the order of the records given (give them series by series). */
export function buildCheckIndex(records: readonly ResolutionRecord[]): CheckIndex {
  const index = emptyCheckIndex();
  const slugs = uniqueSlugs(records);
  records.forEach((r, i) => addRecord(index, r, slugs[i]));
  return index;
}
