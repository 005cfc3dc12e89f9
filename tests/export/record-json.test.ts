/**
 * data/records/<slug>.json (src/lib/export/record-json.ts): the record less
 * its nodes' source positions. What the browser makes from it must be what
 * the core makes from the whole record: the compare rows and both Word
 * documents, for the pairs of the series the seeds follow over 2013–2021.
 */
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { recordToJsonText } from '../../src/lib/export/record-json.ts';
import { compareRecords, type CompareSide } from '../../src/lib/compare/view.ts';
import { comparisonDocx, versionDocx } from '../../src/lib/export/docx.ts';
import type { ResolutionRecord } from '../../src/lib/model.ts';
import { bySymbol, corpus } from './helpers.ts';

// The versions of "Strengthening the United Nations crime prevention and criminal justice programme", in order.
const SYMBOLS = ['A/C.3/68/L.18', 'A/C.3/68/L.18/Rev.1', 'A/C.3/74/L.18/Rev.1', 'A/C.3/75/L.8/Rev.1', 'A/RES/76/187'];
const read = (r: ResolutionRecord) => JSON.parse(recordToJsonText(r)) as ResolutionRecord;
const side = (name: string, index: number): CompareSide => ({ name, detail: '', href: '/', index });
const documentXml = (bytes: Uint8Array) => strFromU8(unzipSync(bytes)['word/document.xml']!);

describe('the record file for the browser', () => {
  it('leaves out every node position and keeps the rest, the record position included', () => {
    const r = bySymbol('A/RES/76/187');
    const text = recordToJsonText(r);
    expect(text).not.toMatch(/"position":\{/);
    expect(JSON.stringify(r)).toMatch(/"position":\{"start":\{"line":\d+/);
    const back = read(r);
    expect(back.position).toBe(r.position);
    expect(back.sponsors).toEqual(r.sponsors);
    expect(back.tree.children.length).toBe(r.tree.children.length);
  });

  it('writes no "<" that could close a script', () => {
    for (const r of corpus()) expect(recordToJsonText(r)).not.toContain('<');
  });

  it('gives the same compare rows and Word documents as the whole record', () => {
    const versions = SYMBOLS.map(bySymbol);
    for (let k = 0; k + 1 < versions.length; k++) {
      const [a, b] = [versions[k]!, versions[k + 1]!];
      const meta = { series: 'crime', a: side(SYMBOLS[k]!, k), b: side(SYMBOLS[k + 1]!, k + 1) };
      const whole = compareRecords(a, b, meta, { allSides: true });
      const file = compareRecords(read(a), read(b), meta, { allSides: true });
      expect(file.rows, SYMBOLS[k + 1]).toBe(whole.rows);
      expect(file.summary).toBe(whole.summary);
      expect(documentXml(comparisonDocx(read(a), read(b)))).toBe(documentXml(comparisonDocx(a, b)));
      expect(documentXml(versionDocx(read(b)))).toBe(documentXml(versionDocx(b)));
    }
  });
});
