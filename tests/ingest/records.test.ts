/**
 * Records and their metadata: closing lines, quoted drafts in a report's section II,
 * a decision, and the section II history of a recommended draft.
 */
import { describe, it, expect } from 'vitest';
import { parseFixture } from './helpers.ts';

const STRENGTHENING = 'Strengthening the United Nations crime prevention and criminal justice programme, in particular its technical cooperation capacity';

describe('closing lines of an adopted resolution (ga76, 76/187, source 5–25 and 446–455)', () => {
  const { records, doc } = parseFixture('ga76-closing.txt');
  const r = records[0]!;

  it('is one adopted resolution A/RES/76/187 with the title after "76/187. "', () => {
    expect(records).toHaveLength(1);
    expect(doc.kind).toBe('resolution');
    expect(r.stage).toBe('adopted');
    expect(r.symbol).toBe('A/RES/76/187');
    expect(r.title).toBe(STRENGTHENING);
    expect(r.session).toBe(76);
  });

  it('puts "53rd plenary meeting / 16 December 2021" in the closing, not in OP77', () => {
    expect(r.closing).toBe('53rd plenary meeting 16 December 2021');
    const last = r.operative[r.operative.length - 1]!;
    expect(last.number).toBe(77);
    expect(last.text.endsWith('reflecting also emerging policy issues and possible responses.')).toBe(true);
    expect(last.text).not.toContain('plenary');
    expect(r.operative.map((p) => p.number)).toEqual([74, 75, 76, 77]);
    expect(r.preamble).toHaveLength(1);
  });

  it('reads the adoption from the closing lines and the masthead', () => {
    expect(r.adoption).toEqual({ date: '2021-12-16', meeting: '53rd plenary meeting', vote: null, oralRevisions: [] });
  });

  it('covers every word, the closing lines included', () => {
    expect(r.coverage.covered).toBe(r.coverage.words);
    expect(doc.coverage.covered).toBe(doc.coverage.words);
  });
});

describe('a stray meeting line after a draft is not an adoption (ga72 line 337)', () => {
  it('keeps "65th plenary meeting 19 December 2016" out of OP55 and gives the draft no adoption', () => {
    const { records, doc } = parseFixture('ga72-stray-closing.txt');
    const r = records[0]!;
    expect(r.stage).toBe('draft');
    expect(r.adoption).toBeNull();
    const op55 = r.operative[r.operative.length - 1]!;
    expect(op55.number).toBe(55);
    expect(op55.text).not.toContain('plenary');
    expect(op55.text.endsWith('possible responses.')).toBe(true);
    expect(doc.coverage.covered).toBe(doc.coverage.words);
  });
});

describe('a draft quoted in section II of a report (ga68 J, A/C.3/68/L.20, source 384–463)', () => {
  // The cut keeps PP1, PP2, PP5, PP6 (split at 400/402), PP7, OP1–OP4 and OP19 (see SOURCES.md).
  const { records, doc } = parseFixture('ga68-quoted-L20.txt');
  const r = records[0]!;

  it('becomes a record of its own, stage draft, with the L symbol of the introduction', () => {
    expect(doc.kind).toBe('report');
    expect(records).toHaveLength(1);
    expect(r.stage).toBe('draft');
    expect(r.symbol).toBe('A/C.3/68/L.20');
  });

  it('takes its title from "entitled "…"" in the introduction, and its date from the meeting that introduced it', () => {
    expect(r.title).toBe('United Nations African Institute for the Prevention of Crime and the Treatment of Offenders');
    expect(r.date).toBe('2013-10-22');
    expect(r.session).toBe(68);
  });

  it('strips the quote marks (straight and curly) and reads the paragraphs', () => {
    expect(r.preamble).toHaveLength(5);
    expect(r.preamble[0]!.text).toBe('Recalling its resolution 67/191 of 20 December 2012 and all other relevant resolutions,');
    expect(r.preamble[4]!.text.startsWith('Recognizing that the United Nations African Institute')).toBe(true);
    expect(r.operative.map((p) => p.number)).toEqual([1, 2, 3, 4, 19]);
    expect(r.operative[3]!.text).toContain('applying standards of ethical conduct and using local traditions');
    const last = r.operative[4]!;
    expect(last.text.endsWith('on the implementation of the present resolution.')).toBe(true);
    for (const p of [...r.preamble, ...r.operative]) expect(p.text).not.toMatch(/^[“"]|[”"]$/);
  });

  it('ends at the closing quote: the report paragraphs 38–40 are not part of it', () => {
    for (const p of r.operative) expect(p.text).not.toContain('At its 46th meeting');
    expect(r.lines.end).toBe(45);
    expect(doc.passages.some((p) => p.text.includes('At its 46th meeting, on 14 November'))).toBe(true);
  });

  it('reports the numbering gap the cut made (OP19 after OP4), and nothing about quotes', () => {
    const codes = r.diagnostics.map((d) => d.code);
    expect(codes).toEqual(['numbering-gap']);
    expect(r.diagnostics[0]!.line).toBe(45);
  });

  it('covers every word of the file', () => {
    expect(doc.coverage.covered).toBe(doc.coverage.words);
  });
});

describe('a decision (ga68 draft decision, source 1845–1851)', () => {
  const { records, doc } = parseFixture('ga68-decision.txt');
  const r = records[0]!;

  it('is one record, stage decision, titled by the line above it', () => {
    expect(records).toHaveLength(1);
    expect(r.stage).toBe('decision');
    expect(r.title).toBe('Reports considered by the General Assembly in connection with the question of crime prevention and criminal justice');
  });

  it('is one unnumbered operative paragraph with the verb "decides"', () => {
    expect(r.preamble).toEqual([]);
    expect(r.operative).toHaveLength(1);
    const op = r.operative[0]!;
    expect(op.id).toBe('OP1');
    expect(op.number).toBeNull();
    expect(op.verb).toBe('decides');
    expect(op.text.startsWith('decides to take note of the report of the Secretary-General on follow-up to the Twelfth United Nations Congress')).toBe(true);
    expect(op.text.endsWith('submitted under the item entitled “Crime prevention and criminal justice”.')).toBe(true);
    expect(op.footnotes).toEqual([1]);
  });

  it('attaches its footnote (the last line, without a trailing newline)', () => {
    expect(r.footnotes).toEqual([{ number: 1, text: 'A/68/128.' }]);
    expect(r.diagnostics).toEqual([]);
  });

  it('leaves the report paragraph 48 as narration, and loses no word', () => {
    expect(r.operative[0]!.text).not.toContain('Third Committee');
    expect(doc.coverage.covered).toBe(doc.coverage.words);
  });
});

describe('section II history of a recommended draft (ga74 H and III, source 107–118 and 908–915)', () => {
  const { records, doc } = parseFixture('ga74-history.txt');
  const r = records[0]!;

  it('is draft resolution VIII, recommended, with the L symbol the Committee adopted', () => {
    expect(doc.kind).toBe('report');
    expect(records).toHaveLength(1);
    expect(r.stage).toBe('recommended');
    expect(r.symbol).toBe('A/C.3/74/L.18/Rev.1');
    expect(r.title).toBe(STRENGTHENING);
    expect(r.session).toBe(74);
    expect(r.committee).toBe('Third Committee');
    expect(r.agendaItem).toBe(106);
  });

  it('has the 17 sponsors of para. 26 (names with "and" kept whole) and the 96 that joined later', () => {
    // Notes: "L.18/Rev.1 sponsors in order: Austria, Belarus, Belize, Bosnia and Herzegovina, … Ukraine and Zimbabwe (17)";
    // "L.18/Rev.1: 96 states, from Albania to Zambia."
    expect(r.sponsors).toHaveLength(17);
    expect(r.sponsors[0]).toBe('Austria');
    expect(r.sponsors[3]).toBe('Bosnia and Herzegovina');
    expect(r.sponsors[16]).toBe('Zimbabwe');
    expect(r.sponsors).toContain('Dominican Republic');
    expect(r.joinedSponsors).toHaveLength(96);
    expect(r.joinedSponsors[0]).toBe('Albania');
    expect(r.joinedSponsors[r.joinedSponsors.length - 1]).toBe('Zambia');
    expect(r.joinedSponsors).toContain('Micronesia (Federated States of)');
    expect(r.joinedSponsors).toContain('United Kingdom of Great Britain and Northern Ireland');
    expect(r.joinedSponsors).toContain('Saint Vincent and the Grenadines');
  });

  it('was adopted at the 52nd meeting, on 19 November 2019', () => {
    expect(r.adoption).toEqual({ date: '2019-11-19', meeting: '52nd meeting', vote: null, oralRevisions: [] });
    expect(r.notes).toEqual([]);
  });

  it('keeps the section II narration out of the record', () => {
    expect(r.preamble).toHaveLength(1);
    expect(r.operative.map((p) => p.number)).toEqual([1, 2, 3]);
    expect(doc.coverage.covered).toBe(doc.coverage.words);
  });
});
