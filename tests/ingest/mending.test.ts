/**
 * Footnote blocks taken out of the paragraph stream, and paragraphs cut by a page break
 * or a footnote block mended. Expectations come from reading the fixtures (and the
 * colleagues' notes in tests/expected/*.notes.md, cited by source line).
 */
import { describe, it, expect } from 'vitest';
import { parseFixture } from './helpers.ts';

describe('a footnote block BETWEEN two paragraphs does not join them (ga68 DR III, source 760–802)', () => {
  // Source 778 (fixture 19) PP7 ends "…to that evolving challenge,"; 780 (21) is "¹ Resolution 60/288.";
  // 782 (23) "Expressing concern at …" is PP8 (notes: "PP8 is a new paragraph, not a continuation").
  const { records, doc } = parseFixture('ga68-dr3-footnote-between.txt');
  const r = records[0]!;

  it('finds one text with its title, 10 PPs and OP1–OP7', () => {
    expect(records).toHaveLength(1);
    expect(r.title).toBe('Technical assistance for implementing the international conventions and protocols related to counter-terrorism');
    expect(r.preamble).toHaveLength(10);
    expect(r.operative.map((p) => p.number)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('PP7 ends before the footnote block and PP8 starts after it', () => {
    const pp7 = r.preamble[6]!;
    const pp8 = r.preamble[7]!;
    expect(pp7.text.startsWith('Recalling further that in its resolution 67/189')).toBe(true);
    expect(pp7.text.endsWith('in order to strengthen responses to that evolving challenge,')).toBe(true);
    expect(pp8.text.startsWith('Expressing concern at the increased use')).toBe(true);
    expect(pp8.line).toBe(23);
  });

  it('takes the footnote text out of the paragraphs and attaches it to the resolution', () => {
    expect(r.footnotes).toEqual([{ number: 1, text: 'Resolution 60/288.' }]);
    for (const p of [...r.preamble, ...r.operative]) expect(p.text).not.toContain('60/288');
    // Cited in PP3 (source 770, "Strategy¹").
    expect(r.preamble[2]!.footnotes).toEqual([1]);
    expect(r.preamble[2]!.text).toBe(
      'Reiterating all aspects of the United Nations Global Counter-Terrorism Strategy and the need for States to continue to implement the Strategy,',
    );
  });

  it('mends OP6, cut by a page break and resumed in lowercase (source 798 → 800)', () => {
    const op6 = r.operative[5]!;
    expect(op6.verb).toBe('Also calls upon');
    expect(op6.text).toContain('the development of and participation in relevant initiatives and the elaboration of technical tools');
    expect(op6.text.endsWith('in consultation with Member States;')).toBe(true);
    expect(r.operative[6]!.text.startsWith('Requests the United Nations Office on Drugs and Crime, within its mandate')).toBe(true);
  });

  it('reports nothing and covers every word', () => {
    expect(r.diagnostics).toEqual([]);
    expect(r.coverage.covered).toBe(r.coverage.words);
    expect(doc.coverage.covered).toBe(doc.coverage.words);
  });
});

describe('a footnote block INSIDE a paragraph, lowercase resumption, and a hyphen join (ga74 DR III, source 317–372)', () => {
  const { records } = parseFixture('ga74-dr3-hyphen.txt');
  const r = records[0]!;

  it('finds 7 PPs, OP1–OP8 and footnotes 1–8', () => {
    expect(records).toHaveLength(1);
    expect(r.title).toBe('Education for Justice and the rule of law in the context of sustainable development');
    expect(r.preamble).toHaveLength(7);
    expect(r.operative.map((p) => p.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(r.footnotes.map((f) => f.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('mends PP7 across the footnote block 337–351: "…tertiary, adult" + "and distance education…"', () => {
    const pp7 = r.preamble[6]!;
    expect(pp7.text).toContain('early childhood, primary, secondary, tertiary, adult and distance education, including technical and vocational training');
    expect(pp7.text.endsWith('contribute to sustainable development,')).toBe(true);
    for (const p of r.preamble) expect(p.text).not.toContain('Resolution 217 A (III)');
  });

  it('joins "gender-" and "related" without a space across the page break 369 → 371', () => {
    const op8 = r.operative[7]!;
    expect(op8.verb).toBe('Also invites');
    expect(op8.text).toContain('religious intolerance, xenophobia and gender-related discrimination, by, inter alia, raising awareness');
    expect(op8.text).not.toContain('gender- related');
    expect(op8.text.endsWith('including Goals 4, 5, 8, 10 and 16;')).toBe(true);
  });

  it('attaches the footnote texts (emphasis kept as words) and the calls of each paragraph', () => {
    expect(r.footnotes[0]).toEqual({ number: 1, text: 'Resolution 217 A (III).' });
    expect(r.footnotes[7]).toEqual({
      number: 8,
      text: 'See United Nations Educational, Scientific and Cultural Organization, Final Report of the World Education Forum 2015, Incheon, Republic of Korea, 19–22 May 2015 (Paris, 2015).',
    });
    expect(r.preamble[1]!.footnotes).toEqual([1, 2, 3, 4, 5]);
    expect(r.preamble[2]!.footnotes).toEqual([6]);
    // ⁷ and ⁶ are cited again in OP1 and OP2 (notes: re-citations with no new definitions).
    expect(r.operative[0]!.footnotes).toEqual([7]);
    expect(r.operative[1]!.footnotes).toEqual([6]);
  });

  it('reports nothing and covers every word', () => {
    expect(r.diagnostics).toEqual([]);
    expect(r.coverage.covered).toBe(r.coverage.words);
  });
});

describe('resumption in UPPER case after a piece without closing punctuation', () => {
  it('after a pure page break: ga72 OP41 "…acknowledging that the International" + "Consortium on Combating Wildlife Crime…" (source 303 → 305)', () => {
    const r = parseFixture('ga72-verbs.txt').records[0]!;
    const op41 = r.operative.find((p) => p.number === 41)!;
    expect(op41.text).toContain('acknowledging that the International Consortium on Combating Wildlife Crime can provide valuable technical assistance');
    expect(op41.text.endsWith('in this regard;')).toBe(true);
    expect(r.operative.map((p) => p.number)).toEqual([1, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48]);
  });

  it('after a footnote block: ga68 DR VI OP6 "…to the Commission on" + "Crime Prevention and Criminal Justice…" (source 1085 → 1093)', () => {
    const r = parseFixture('ga68-dr6-subparagraphs.txt').records[0]!;
    const op6 = r.operative[5]!;
    expect(op6.number).toBe(6);
    expect(op6.text).toContain('with a view to reporting to the Commission on Crime Prevention and Criminal Justice at its twenty-third session');
    expect(op6.text).not.toContain('E/CN.15');
    expect(r.footnotes).toEqual([
      { number: 15, text: 'E/CN.15/2012/18.' },
      { number: 16, text: 'E/CN.15/2013/23.' },
      { number: 17, text: 'E/CN.15/2013/23, paras. 15-24, and UNODC/CCPCJ/EG.6/2012/4, paras. 7-16.' },
    ]);
  });

  it('after a --- rule and a <sup> footnote: ga75 DR III OP7 "…against Transnational" + "Organized Crime, held in Vienna…" (source 819 → 827)', () => {
    const r = parseFixture('ga75-dr3-run-together.md').records[0]!;
    expect(r.operative.map((p) => p.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const op7 = r.operative[6]!;
    expect(op7.text).toContain('Parties to the United Nations Convention against Transnational Organized Crime, held in Vienna from 12 to 16 October 2020, and urges States parties');
    expect(r.footnotes).toEqual([{ number: 35, text: 'A/75/125.' }]);
    expect(r.operative[0]!.footnotes).toEqual([35]);
  });
});

describe('footnotes are attached per resolution, and their numbering restarts (ga68 DR X and DR XI)', () => {
  // Fixture: source 1605–1614, 1631–1642 (DR X) and 1687–1699, 1714–1719 (DR XI). Each has its own footnote ¹.
  const { records, doc } = parseFixture('ga68-dr10-dr11-footnotes.txt');

  it('finds the two texts with their titles', () => {
    expect(records).toHaveLength(2);
    expect(records[0]!.title).toBe('United Nations African Institute for the Prevention of Crime and the Treatment of Offenders');
    expect(records[1]!.title).toBe(
      'Preventing and combating corrupt practices and the transfer of proceeds of corruption, facilitating asset recovery and returning such assets to legitimate owners, in particular to countries of origin, in accordance with the United Nations Convention against Corruption',
    );
  });

  it('gives each text its own footnote 1', () => {
    expect(records[0]!.footnotes).toEqual([{ number: 1, text: 'A/68/125.' }]);
    expect(records[1]!.footnotes).toEqual([{ number: 1, text: 'United Nations, Treaty Series, vol. 2349, No. 42146.' }]);
    // DR X PP2 "Taking note of the report of the Secretary-General,¹"; DR XI PP2 "…against Corruption,¹".
    expect(records[0]!.preamble[1]!.footnotes).toEqual([1]);
    expect(records[1]!.preamble[1]!.footnotes).toEqual([1]);
  });

  it('mends DR X PP11 across its footnote: "…prior to the commencement" + "of a full system-wide review process…"', () => {
    const r = records[0]!;
    expect(r.preamble.map((p) => p.text.split(' ')[0])).toEqual(['Recalling', 'Taking', 'Welcoming', 'Expressing', 'Noting']);
    expect(r.preamble[2]!.text).toContain('prior to the commencement of a full system-wide review process');
    expect(r.operative.map((p) => p.number)).toEqual([1]);
  });

  it('mends DR XI PP10 even though the piece before the footnote ends with a comma, because the rest starts lowercase', () => {
    const r = records[1]!;
    expect(r.preamble).toHaveLength(3);
    expect(r.preamble[2]!.text).toContain('strong institutions at all levels, including at the local and international levels');
    expect(r.operative).toEqual([]);
  });

  it('reports nothing and covers every word', () => {
    expect(records.flatMap((r) => r.diagnostics)).toEqual([]);
    expect(doc.coverage.covered).toBe(doc.coverage.words);
  });
});

describe('a quoted paragraph resumed after a page break without an opening quote (ga68 line 400 → 402)', () => {
  it('joins the two pieces of the quoted PP "Noting with concern…"', () => {
    const r = parseFixture('ga68-quoted-L20.txt').records[0]!;
    const pp = r.preamble.find((p) => p.text.startsWith('Noting with concern that in most African countries'))!;
    expect(pp.text).toContain('sufficiently skilled personnel and adequate infrastructure and is therefore ill-equipped');
    expect(r.preamble.some((p) => p.text.startsWith('infrastructure'))).toBe(false);
  });
});
