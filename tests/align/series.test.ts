/**
 * The aligner, the series and the lineages on the real series of the seed
 * corpus. Each expectation comes from reading the two texts side by side.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBytes } from '../../src/lib/index.ts';
import type { ResolutionRecord } from '../../src/lib/index.ts';
import { alignVersions } from '../../src/lib/align/align.ts';
import { groupSeries } from '../../src/lib/series/group.ts';
import { seriesLineage } from '../../src/lib/series/lineage.ts';

const dir = join(import.meta.dirname, '..', '..', 'content');
const corpus: ResolutionRecord[] = readdirSync(dir)
  .filter((f) => /\.(txt|md)$/.test(f))
  .sort()
  .flatMap((f) => parseBytes(readFileSync(join(dir, f)), `content/${f}`).resolutions);
const bySymbol = (s: string) => corpus.find((r) => r.symbol === s)!;
const pair = (al: ReturnType<typeof alignVersions>, a: string) => al.pairs.find((p) => p.a === a);

describe('A/C.3/68/L.17 → A/C.3/68/L.17/Rev.1 (trafficking in persons, 2013)', () => {
  const al = alignVersions(bySymbol('A/C.3/68/L.17'), bySymbol('A/C.3/68/L.17/Rev.1'));

  it('finds the merge of OP16 and OP17 into OP14', () => {
    // Rev.1 OP14 welcomes the Global Report (draft OP16) "and encourages Member States to provide
    // ... evidence-based data on patterns, forms and flows" (draft OP17, shortened).
    expect(al.merges).toContainEqual(expect.objectContaining({ a: ['OP16', 'OP17'], b: 'OP14' }));
  });

  it('finds OP6 moved towards the end, as OP16', () => {
    // "Encourages the United Nations Office on Drugs and Crime and other members of the
    // Inter-Agency Coordination Group ... list of concrete measures" is the sixth draft paragraph
    // and the sixteenth of Rev.1, after paragraphs that kept their order.
    expect(pair(al, 'OP6')).toMatchObject({ b: 'OP16', change: 'moved' });
  });

  it('deletes OP11 and keeps the new paragraphs as insertions', () => {
    // The draft basic principles on the right to an effective remedy (OP11) are gone from Rev.1;
    // Rev.1 opens with a new OP1 on ratifying the Convention and its Protocol.
    expect(al.deleted).toContain('OP11');
    expect(al.inserted).toContain('OP1');
    expect(pair(al, 'OP1')).toMatchObject({ b: 'OP2' });
  });

  it('aligns the sub-paragraphs of "Reaffirming that the Global Plan of Action was developed:"', () => {
    const p = pair(al, 'PP5');
    expect(p?.b).toBe('PP7');
    expect(p?.subparagraphs?.pairs.map((s) => `${s.a}>${s.b}`)).toEqual(['PP5(a)>PP7(a)', 'PP5(b)>PP7(b)', 'PP5(c)>PP7(c)', 'PP5(d)>PP7(d)', 'PP5(e)>PP7(e)', 'PP5(f)>PP7(f)']);
  });
});

describe('the crime programme resolution, 2019 → 2020 → 2021', () => {
  const y2019 = bySymbol('A/C.3/74/L.18/Rev.1');
  const y2020 = bySymbol('A/C.3/75/L.8/Rev.1');
  const y2021 = bySymbol('A/RES/76/187');
  const a = alignVersions(y2019, y2020);
  const b = alignVersions(y2020, y2021);

  it('2019 → 2020: the report request only moves its session forward (technical update)', () => {
    // "... to submit a report to the General Assembly at its seventy-fifth session" becomes
    // "seventy-sixth"; the paragraph is renumbered OP66 because a new OP59 was inserted.
    expect(pair(a, 'OP65')).toMatchObject({ b: 'OP66', change: 'edited', class: 'technical' });
    expect(a.inserted).toContain('OP59');
  });

  it('2019 → 2020: OP19 now opens with "Notes the impossibility", a weaker verb than "Invites"', () => {
    // The high-level debate could not be held in 2020 because of the pandemic.
    expect(pair(a, 'OP19')?.verb).toMatchObject({ from: 'Invites', to: 'Notes', direction: 'weaker' });
  });

  it('2020 → 2021: the Working Group on Firearms is no longer welcomed but noted', () => {
    // "Welcomes the results of the seventh meeting of the Working Group on Firearms" (2020 OP59)
    // became "Notes the results of the eighth meeting" (2021 OP70).
    const p = pair(b, 'OP59');
    expect(p).toMatchObject({ b: 'OP70', class: 'substantive' });
    expect(p?.verb?.direction).toBe('weaker');
  });

  it('2020 → 2021: adding 75/196 to the resolutions reaffirmed in PP1 is a technical update', () => {
    expect(pair(b, 'PP1')).toMatchObject({ b: 'PP1', class: 'technical' });
  });

  it('blames each resolution in the PP1 list on the version that added it', () => {
    const lineage = seriesLineage([y2019, y2020, y2021]);
    const pp1 = lineage.versions[2]!.paragraphs.find((p) => p.id === 'PP1')!;
    const blameOf = (words: string) => pp1.blame.find((s) => s.text.includes(words))?.version;
    // 74/177 (of 2019) was added in the 2020 text, 75/196 (of 2020) in the 2021 one; 46/152 was there in 2019.
    expect(blameOf('74/177')).toBe('A/C.3/75/L.8/Rev.1');
    expect(blameOf('75/196')).toBe('A/RES/76/187');
    expect(blameOf('46/152')).toBe('A/C.3/74/L.18/Rev.1');
    expect(pp1).toMatchObject({ ancestor: 'PP1', firstAppeared: 'A/C.3/74/L.18/Rev.1', lastChanged: 'A/RES/76/187' });
  });
});

describe('series of the corpus', () => {
  const { series, unmatched } = groupSeries(corpus);
  const seriesOf = (symbol: string) => series.find((s) => s.versions.some((v) => v.symbol === symbol));

  it('keeps the renamed counter-terrorism resolution in one series', () => {
    // 2013: "Technical assistance for implementing the international conventions and protocols
    // related to counter-terrorism"; 2019: "Technical assistance provided by the United Nations
    // Office on Drugs and Crime related to counter-terrorism". The titles share few words; the
    // paragraphs confirm it.
    expect(seriesOf('A/C.3/68/L.4')).toBe(seriesOf('A/C.3/74/L.7'));
  });

  it('keeps the Congress follow-up in one series across its ordinals', () => {
    // "Follow-up to the Twelfth ... Thirteenth Congress" (2013), "Thirteenth ... Fourteenth" (2019).
    expect(seriesOf('A/C.3/68/L.2')).toBe(seriesOf('A/C.3/74/L.3'));
  });

  it('does not join resolutions that share only crime-prevention vocabulary', () => {
    // The rule of law in the post-2015 agenda (2013) and sport in youth crime prevention (2019).
    expect(seriesOf('A/C.3/68/L.5')).not.toBe(seriesOf('A/C.3/74/L.2'));
  });

  it('orders the crime programme versions by date, then stage', () => {
    const s = seriesOf('A/RES/76/187')!;
    expect(s.versions.map((v) => v.symbol ?? v.id)).toEqual([
      'A/C.3/68/L.18',
      'A/C.3/68/L.18/Rev.1',
      'ga72-2017-draft-resolution/1',
      'A/C.3/74/L.18/Rev.1',
      'A/C.3/75/L.8/Rev.1',
      'A/RES/76/187',
    ]);
    expect(unmatched).toEqual([]);
  });

  it('reports override entries that match nothing, and applies the others', () => {
    const r = groupSeries(corpus, {
      overrides: [
        { action: 'split', versions: ['A/C.3/68/L.2'], reason: 'test' },
        { action: 'merge', versions: ['A/C.3/99/L.1', 'A/C.3/68/L.2'], reason: 'test' },
        { action: 'rename', series: 'A/C.3/74/L.7', title: 'Technical assistance related to counter-terrorism', reason: 'test' },
      ],
    });
    expect(r.unmatched.map((u) => u.entry.action)).toEqual(['merge']);
    const of = (symbol: string) => r.series.find((s) => s.versions.some((v) => v.symbol === symbol))!;
    expect(of('A/C.3/68/L.2')).not.toBe(of('A/C.3/74/L.3'));
    expect(of('A/C.3/68/L.4').title).toBe('Technical assistance related to counter-terrorism');
  });
});
