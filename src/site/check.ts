/**
 * The check index of the site (src/lib/check/shards.ts), made once per build
 * from the site's versions: those of each series in the series' order, then
 * the single texts, so that the texts of one series lie in few shards. Each
 * version under the slug of its page.
 */
import { emptyCheckIndex } from '../lib/check/agreed.ts';
import { addRecord } from '../lib/check/corpus.ts';
import { shardCheckIndex } from '../lib/check/shards.ts';
import type { SiteData } from './data.ts';

let memo: { data: SiteData; files: Map<string, string | Uint8Array> } | null = null;

export function checkIndexFiles(data: SiteData): Map<string, string | Uint8Array> {
  if (memo?.data === data) return memo.files;
  const index = emptyCheckIndex(false);
  const seen = new Set<string>();
  const versions = [...data.series.flatMap((s) => s.versions), ...data.versions];
  for (const v of versions) {
    if (seen.has(v.slug)) continue;
    seen.add(v.slug);
    addRecord(index, v.record, v.slug);
  }
  memo = { data, files: shardCheckIndex(index) };
  return memo.files;
}
