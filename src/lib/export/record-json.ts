/**
 * A record as the browser reads it: data/records/<slug>.json, from which the
 * site's scripts make, with the core, the redlines of compare pages and the
 * Word documents. Not one of the documented open-data formats
 * (data/versions/ is).
 *
 * The record as the content layer stores it, less the source positions of its
 * nodes: a tenth of the file, and nothing the browser does with a record
 * reads them (tests/export/record-json.test.ts). The record's own `position`,
 * its place in its file, stays. Written as every data file (json-text.ts).
 */
import type { ResolutionRecord } from '../model.ts';
import { jsonFileText } from './json-text.ts';

const withoutNodePositions = (key: string, value: unknown) => (key === 'position' && typeof value === 'object' && value !== null ? undefined : value);

export function recordToJsonText(record: ResolutionRecord): string {
  return jsonFileText(record, withoutNodePositions);
}
