/**
 * A series as a table for spreadsheets: `data/series/<slug>.csv`, one row per
 * lineage and version. A lineage is a paragraph followed from version to
 * version through the alignments (src/lib/series/lineage.ts); each row says
 * what became of it in that version: its paragraph id there, the change from
 * the version before, the similarity of the two wordings, and its operative
 * verb (with the direction of a verb change on the strength scale).
 *
 * Columns: series, version, stage, date, lineage, paragraph, ancestor,
 * change, similarity, class, verb, verbChange, addressees, kinds,
 * firstAppeared, lastChanged. `addressees` are the categories of who an
 * operative paragraph asks to act ("Secretary-General; Member States"),
 * `kinds` the kinds of its clauses ("recognition report-request"), both read
 * from its words (src/lib/parse/addressees.ts).
 * `lineage` is "<version where it first appeared>#<its id there>".
 * `change` is "initial" in the first version, then unchanged | edited |
 * moved | split | merged | inserted, or "deleted" on a row of its own (with
 * an empty paragraph and the old id as ancestor) for a paragraph that is gone.
 *
 * RFC 4180: comma-separated, CRLF line ends, a header row, fields quoted with
 * doubled quotes when they hold a comma, quote or line break. Pure and
 * deterministic.
 */
import type { ResolutionRecord } from '../model.ts';
import { versionLabel } from '../align/align.ts';
import { seriesLineage, type Lineage } from '../series/lineage.ts';
import { operativeOf } from './parse-json.ts';
import { clauseFactsOf } from '../parse/addressees.ts';

export const CSV_COLUMNS = [
  'series', 'version', 'stage', 'date', 'lineage', 'paragraph', 'ancestor', 'change', 'similarity', 'class', 'verb', 'verbChange', 'addressees', 'kinds', 'firstAppeared', 'lastChanged',
] as const;

export type CsvRow = Record<(typeof CSV_COLUMNS)[number], string>;

/** One field, quoted when RFC 4180 asks for it. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function toCsv(rows: readonly CsvRow[]): string {
  return [CSV_COLUMNS.join(','), ...rows.map((r) => CSV_COLUMNS.map((c) => csvField(r[c])).join(','))].map((l) => `${l}\r\n`).join('');
}

/** The rows of a series: its versions in order (oldest first) and their lineage. */
export function seriesRows(records: readonly ResolutionRecord[], lineage: Lineage = seriesLineage(records), seriesId = ''): CsvRow[] {
  const rows: CsvRow[] = [];
  let lineOf = new Map<string, string>();
  lineage.versions.forEach((version, k) => {
    const record = records[k]!;
    const label = versionLabel(record);
    const verbs = new Map(operativeOf(record.tree).map((p) => [p.id, p.verb]));
    const facts = clauseFactsOf(operativeOf(record.tree));
    const alignment = k > 0 ? lineage.alignments[k - 1] : undefined;
    const pairs = new Map((alignment?.pairs ?? []).map((p) => [p.b, p]));
    const splits = new Map((alignment?.splits ?? []).flatMap((s) => s.b.map((b) => [b, s] as const)));
    const merges = new Map((alignment?.merges ?? []).map((m) => [m.b, m]));
    const base = { series: seriesId, version: label, stage: record.stage, date: record.date ?? '' };
    const now = new Map<string, string>();
    for (const p of version.paragraphs) {
      const pair = pairs.get(p.id);
      const split = splits.get(p.id);
      const merge = merges.get(p.id);
      const line = (p.ancestor && lineOf.get(p.ancestor)) || `${label}#${p.id}`;
      now.set(p.id, line);
      rows.push({
        ...base,
        lineage: line,
        paragraph: p.id,
        ancestor: p.ancestors.join(' '),
        change: k === 0 ? 'initial' : pair ? pair.change : split ? 'split' : merge ? 'merged' : 'inserted',
        similarity: String(pair?.similarity ?? split?.similarity ?? merge?.similarity ?? ''),
        class: pair?.class ?? '',
        verb: verbs.get(p.id) ?? '',
        verbChange: pair?.verb?.direction ?? '',
        addressees: [...new Set(facts.get(p.id)?.addressees.map((a) => a.category) ?? [])].join('; '),
        kinds: facts.get(p.id)?.kinds.join(' ') ?? '',
        firstAppeared: p.firstAppeared,
        lastChanged: p.lastChanged,
      });
    }
    const paragraphDeleted = (alignment?.deleted ?? []).filter((id) => /^(PP|OP)\d+$/.test(id));
    for (const id of paragraphDeleted) {
      rows.push({
        ...base, lineage: lineOf.get(id) ?? '', paragraph: '', ancestor: id, change: 'deleted',
        similarity: '', class: '', verb: '', verbChange: '', addressees: '', kinds: '', firstAppeared: '', lastChanged: '',
      });
    }
    lineOf = now;
  });
  return rows;
}

/** The CSV of a series: `records` are its versions, oldest first. */
export function seriesToCsv(records: readonly ResolutionRecord[], seriesId = '', lineage: Lineage = seriesLineage(records)): string {
  return toCsv(seriesRows(records, lineage, seriesId));
}
