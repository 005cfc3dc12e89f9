/**
 * A record as the browser reads it: data/records/<slug>.json, from which the
 * site's scripts make, with the core, the redlines of compare pages and the
 * Word documents. Not one of the documented open-data formats
 * (data/versions/ is).
 *
 * The record as the content layer stores it, less the source positions of its
 * nodes: a tenth of the file, and nothing the browser does with a record
 * reads them (tests/export/record-json.test.ts). The record's own `position`,
 * its place in its file, stays. "<" is written \u003c so that no text of a
 * document could ever close a <script> the file is inlined in. Compact and
 * deterministic.
 */
import type { ResolutionRecord } from '../model.ts';

const withoutNodePositions = (key: string, value: unknown) => (key === 'position' && typeof value === 'object' && value !== null ? undefined : value);

export function recordToJsonText(record: ResolutionRecord): string {
  return `${JSON.stringify(record, withoutNodePositions).replace(/</g, '\\u003c')}\n`;
}
