/** data/series/<slug>.csv: one row per lineage and version, RFC 4180. */
import { describe, expect, it } from 'vitest';
import { groupSeries } from '../../src/lib/series/group.ts';
import { CSV_COLUMNS, csvField, seriesRows, seriesToCsv, toCsv } from '../../src/lib/export/csv.ts';
import { corpus } from './helpers.ts';

const SERIES = 'strengthening-the-united-nations-crime-prevention-and-criminal-justice-programme';

function seriesRecords(id: string) {
  const records = corpus();
  const series = groupSeries(records).series.find((s) => s.id === id)!;
  return series.versions.map((v) => records.find((r) => r.id === v.id)!);
}

describe('seriesToCsv', () => {
  // The two 2013 versions only: A/C.3/68/L.18 (draft) and A/C.3/68/L.18/Rev.1 (recommended).
  const records = seriesRecords(SERIES).slice(0, 2);
  const rows = seriesRows(records, undefined, SERIES);

  it('has one row per paragraph of each version, plus one per deleted paragraph', () => {
    expect(records.map((r) => r.symbol)).toEqual(['A/C.3/68/L.18', 'A/C.3/68/L.18/Rev.1']);
    // 35 + 46 paragraphs in L.18, 43 + 50 in L.18/Rev.1 (see `palimpsest parse --summary`).
    const first = rows.filter((r) => r.version === 'A/C.3/68/L.18');
    const second = rows.filter((r) => r.version === 'A/C.3/68/L.18/Rev.1' && r.change !== 'deleted');
    expect(first).toHaveLength(81);
    expect(second).toHaveLength(93);
    expect(first.every((r) => r.change === 'initial' && r.lineage === `A/C.3/68/L.18#${r.paragraph}`)).toBe(true);
    for (const d of rows.filter((r) => r.change === 'deleted')) expect(d.ancestor).toMatch(/^(PP|OP)\d+$/);
  });

  // Line 324 of the 2013 report: L.18 OP23 "*Urges* Member States, and requests the United Nations Office
  // on Drugs and Crime, ... to continue strengthening the regular collection"; line 1547: Rev.1 OP25
  // "*Invites* Member States, and requests ..." with the same words: renumbered, and the verb weakened.
  it('follows a paragraph that was renumbered and whose verb was weakened (L.18 OP23 → Rev.1 OP25)', () => {
    const row = rows.find((r) => r.version === 'A/C.3/68/L.18/Rev.1' && r.paragraph === 'OP25')!;
    expect(row).toMatchObject({ lineage: 'A/C.3/68/L.18#OP23', ancestor: 'OP23', change: 'edited', verb: 'Invites', verbChange: 'weaker', firstAppeared: 'A/C.3/68/L.18', lastChanged: 'A/C.3/68/L.18/Rev.1' });
    expect(Number(row.similarity)).toBeGreaterThan(0.5);
    expect(Number(row.similarity)).toBeLessThanOrEqual(1);
  });

  it('writes RFC 4180: header, CRLF line ends, quoting only where needed', () => {
    const csv = seriesToCsv(records, SERIES);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(CSV_COLUMNS.join(','));
    expect(lines[lines.length - 1]).toBe('');
    expect(lines).toHaveLength(rows.length + 2);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "no"')).toBe('"say ""no"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    const row = Object.fromEntries(CSV_COLUMNS.map((c) => [c, ''])) as Parameters<typeof toCsv>[0][number];
    expect(toCsv([{ ...row, verb: 'Urges, "strongly"' }]).split('\r\n')[1]).toBe(`${',,,,,,,,,,"Urges, ""strongly""",,,,,'}`);
  });

  it('is deterministic', () => {
    expect(seriesToCsv(records, SERIES)).toBe(seriesToCsv(records, SERIES));
  });
});
