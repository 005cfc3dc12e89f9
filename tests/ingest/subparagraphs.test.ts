/**
 * Sub-paragraphs: (a), (b) under the paragraph they belong to (operative or preambular),
 * (i), (ii) nested under the last lettered one, and the trap: "(i)" right after "(h)" is
 * the ninth letter, not a roman numeral.
 */
import { describe, it, expect } from 'vitest';
import { fixture, parse, parseFixture } from './helpers.ts';

const LETTERS = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'];

describe('ga68 DR VI OP5 (a)–(i): "(i)" after "(h)" is the ninth letter (source 1065–1083)', () => {
  // Notes: "(i) Training of relevant staff … (rule 47); at line 1083 is the ninth letter (i), following (h).
  // OP8 confirms this: 'proposals for revision in the nine areas identified above'."
  const { records } = parseFixture('ga68-dr6-subparagraphs.txt');
  const r = records[0]!;
  const op5 = r.operative[4]!;

  it('puts nine lettered sub-paragraphs under OP5, none nested', () => {
    expect(op5.number).toBe(5);
    expect(op5.verb).toBe('Takes into consideration');
    expect(op5.subparagraphs.map((s) => s.label)).toEqual(LETTERS);
    expect(op5.subparagraphs.map((s) => s.id)).toEqual(LETTERS.map((l) => `OP5(${l})`));
    for (const s of op5.subparagraphs) expect(s.subparagraphs).toEqual([]);
  });

  it('keeps the text of each sub-paragraph without its label, semicolons inside brackets included', () => {
    expect(op5.subparagraphs[1]!.text).toBe('Medical and health services (rules 22-26; 52; 62; and 71, para. 2);');
    expect(op5.subparagraphs[8]!.text).toBe('Training of relevant staff to implement the Standard Minimum Rules (rule 47);');
  });

  it('keeps the lead-in of OP5 as its own text, with its footnote call', () => {
    expect(op5.text.startsWith('Takes into consideration the recommendations of the Expert Group')).toBe(true);
    expect(op5.text.endsWith('identified for revision, in the following areas:')).toBe(true);
    expect(op5.text).not.toContain('Medical and health services');
    expect(op5.footnotes).toEqual([17]);
  });

  it('closes the list at OP6, and reports no sub-paragraph numbering problem', () => {
    expect(r.operative[5]!.subparagraphs).toEqual([]);
    expect(r.diagnostics.filter((d) => d.code === 'numbering-gap')).toEqual([]);
  });
});

describe('ga75 DR II OP3 (a)–(i), (d) cut by a --- rule and footnote 10 (source 487–513)', () => {
  // Notes: "OP3(i) at 513 is the 9th LETTER '(i)' following '(h)', not a roman-numeral nested item."
  const { records } = parseFixture('ga75-dr2-subparagraphs.md');
  const r = records[0]!;
  const op3 = r.operative[2]!;

  it('reads the heading with trailing spaces and the bold title on the next line', () => {
    expect(r.title).toBe(
      'Strengthening and promoting effective measures and international cooperation on organ donation and transplantation to prevent and combat trafficking in persons for the purpose of organ removal and trafficking in human organs',
    );
    expect(r.operative.map((p) => p.number)).toEqual([1, 2, 3, 4]);
  });

  it('puts nine lettered sub-paragraphs under OP3, the last one labelled "i"', () => {
    expect(op3.subparagraphs.map((s) => s.label)).toEqual(LETTERS);
    expect(op3.subparagraphs[8]!.id).toBe('OP3(i)');
    expect(op3.subparagraphs[8]!.text).toBe('Providing long-term medical and psychosocial care for both living donors and recipients;');
    for (const s of op3.subparagraphs) expect(s.subparagraphs).toEqual([]);
  });

  it('mends sub-paragraph (d) across the rule and the footnote: "…exclusively take place in" + "centres specifically authorized…"', () => {
    const d = op3.subparagraphs[3]!;
    expect(d.text).toContain('exclusively take place in centres specifically authorized for such activities');
    expect(d.text).not.toContain('World Health Organization, document');
  });

  it('attaches footnote 10, cited at the colon that introduces the list', () => {
    expect(op3.footnotes).toEqual([10]);
    expect(op3.text.endsWith('organ transplantation:')).toBe(true);
    expect(r.footnotes).toEqual([{ number: 10, text: 'World Health Organization, document WHA63/2010/REC/1, annex 8.' }]);
  });

  it('starts OP4 after (i) with no sub-paragraphs', () => {
    expect(r.operative[3]!.verb).toBe('Encourages');
    expect(r.operative[3]!.subparagraphs).toEqual([]);
    expect(r.diagnostics).toEqual([]);
  });
});

describe('sub-paragraphs of a preambular paragraph: ga74 DR VII PP8 (a)–(f) (source 716–746)', () => {
  const { records } = parseFixture('ga74-dr7-pp-subparagraphs.txt');
  const r = records[0]!;

  it('puts (a)–(f) under "Reaffirming that the Global Plan of Action was developed:" and starts a new PP after (f)', () => {
    expect(r.preamble.map((p) => p.text.split(' ').slice(0, 2).join(' '))).toEqual(['Recalling the', 'Reaffirming that', 'Recalling its']);
    const pp = r.preamble[1]!;
    expect(pp.text).toBe('Reaffirming that the Global Plan of Action was developed:');
    expect(pp.subparagraphs.map((s) => s.label)).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(pp.subparagraphs.map((s) => s.id)).toEqual(['PP2(a)', 'PP2(b)', 'PP2(c)', 'PP2(d)', 'PP2(e)', 'PP2(f)']);
    expect(r.preamble[2]!.subparagraphs).toEqual([]);
  });

  it('mends (a) across footnotes 1–8 with an upper-case resumption: "…Suppress and" + "Punish Trafficking in Persons…" (718 → 736)', () => {
    const a = r.preamble[1]!.subparagraphs[0]!;
    expect(a.text).toContain('the Protocol to Prevent, Suppress and Punish Trafficking in Persons, Especially Women and Children');
    expect(r.footnotes.map((f) => f.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(r.footnotes[0]).toEqual({ number: 1, text: 'Resolution 70/1.' });
  });
});

describe('(i), (ii) nest under the last lettered sub-paragraph', () => {
  // Edited fixture (no document in content/ has a nested list): ga68-dr6-subparagraphs.txt lines 3 and
  // 15–25 (source 999 and 1065–1075), with the labels (c), (d), (e) relabelled (i), (ii), (c).
  const L = fixture('ga68-dr6-subparagraphs.txt').split('\n');
  const text = [
    L[2], '',
    L[14], '',
    L[16], '',
    L[18], '',
    L[20]!.replace('(c) ', '(i) '), '',
    L[22]!.replace('(d) ', '(ii) '), '',
    L[24]!.replace('(e) ', '(c) '), '',
  ].join('\n');
  const r = parse(text, 'nested.txt').records[0]!;
  const op = r.operative[0]!;

  it('gives OP5 (the first OP here, id OP1) the letters (a), (b), (c), and (b) the romans (i), (ii)', () => {
    expect(op.subparagraphs.map((s) => s.label)).toEqual(['a', 'b', 'c']);
    const b = op.subparagraphs[1]!;
    expect(b.subparagraphs.map((s) => s.label)).toEqual(['i', 'ii']);
    // Ids follow document order: the first OP is OP1 whatever its printed number.
    expect(b.subparagraphs.map((s) => s.id)).toEqual(['OP1(b)(i)', 'OP1(b)(ii)']);
    expect(b.subparagraphs[0]!.text.startsWith('Disciplinary action and punishment')).toBe(true);
    expect(op.subparagraphs[0]!.subparagraphs).toEqual([]);
    expect(op.subparagraphs[2]!.subparagraphs).toEqual([]);
    expect(op.subparagraphs[2]!.text.startsWith('Protection and special needs of vulnerable groups')).toBe(true);
  });

  it('reports no sub-paragraph numbering problem', () => {
    expect(r.diagnostics.filter((d) => d.code === 'numbering-gap' && /sub-paragraph/.test(d.message))).toEqual([]);
  });

  it('keeps every word', () => {
    expect(r.coverage.covered).toBe(r.coverage.words);
  });
});

describe('an inline letter is not a sub-paragraph', () => {
  it('ga72 OP40 and OP42 "article 2 (b) of the United Nations Convention…" (source 301, 307)', () => {
    const r = parseFixture('ga72-verbs.txt').records[0]!;
    for (const n of [40, 42]) {
      const op = r.operative.find((p) => p.number === n)!;
      expect(op.text).toContain('article 2 (b) of the United Nations Convention');
      expect(op.subparagraphs).toEqual([]);
    }
  });
});
