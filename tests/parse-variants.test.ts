/**
 * Variants a new document will bring, made from real text: the opening of
 * resolution 76/187 (content/ga76-2021-resolution-76-187.txt, lines 20-46 and
 * 264-266), rewritten the way other converters write the same page. Each
 * variant must give the same paragraphs as the original.
 */
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../src/lib/parse/document.ts';
import { documentToJson } from '../src/lib/export/parse-json.ts';
import { decodeDocument } from '../src/lib/ingest/decode.ts';

const PP1 =
  'Reaffirming its resolutions 46/152 of 18 December 1991, 60/1 of 16 September 2005, 67/1 of 19 September 2012,';
const PP2_START = 'Welcoming the results achieved by the Fourteenth United Nations Congress on Crime Prevention and Criminal Justice, held in Kyoto, Japan, from 7 to 12 March 2021,⁶ including the Kyoto Declaration on Advancing Crime Prevention, Criminal';
const PP2_END = 'Justice and the Rule of Law: Towards the Achievement of the 2030 Agenda for Sustainable Development,⁷';
const FOOTNOTE_6 = '⁶ See A/CONF.234/16.';
const FOOTNOTE_7 = '⁷ Ibid., chap. I, resolution 1.';
const OP1 = '1. *Takes note with appreciation* of the report of the Secretary-General prepared pursuant to resolution [75/196](#),';
const OP2 = '2. *Reaffirms* its resolution [70/1](#), entitled “Transforming our world: the 2030 Agenda for Sustainable Development”;';

/** The page as printed: PP2 cut by a page break, its footnotes in between. */
const original = [
  '76/187. Strengthening the United Nations crime prevention and criminal justice programme, in particular its technical cooperation capacity',
  '',
  'The General Assembly,',
  '',
  PP1,
  '',
  PP2_START,
  '',
  FOOTNOTE_6,
  '',
  FOOTNOTE_7,
  '',
  PP2_END,
  '',
  OP1,
  '',
  OP2,
  '',
].join('\n');

function shape(text: string) {
  const doc = parseDocument(text, 'variant.txt');
  expect(doc.resolutions).toHaveLength(1);
  const json = documentToJson(doc).resolutions[0]!;
  return {
    preamble: json.preamble.map((p) => ({ text: p.text, footnotes: p.footnotes })),
    operative: json.operative.map((p) => ({ number: p.number, verb: p.verb, text: p.text })),
    footnotes: json.footnotes,
    coverage: json.coverage.covered === json.coverage.words,
  };
}

describe('converter variants of one real page', () => {
  const expected = shape(original);

  it('reads the original page as two preambular and two operative paragraphs', () => {
    expect(expected.preamble).toHaveLength(2);
    expect(expected.preamble[1]!.text).toBe(
      'Welcoming the results achieved by the Fourteenth United Nations Congress on Crime Prevention and Criminal Justice, held in Kyoto, Japan, from 7 to 12 March 2021, including the Kyoto Declaration on Advancing Crime Prevention, Criminal Justice and the Rule of Law: Towards the Achievement of the 2030 Agenda for Sustainable Development,',
    );
    expect(expected.preamble[1]!.footnotes).toEqual([6, 7]);
    expect(expected.operative.map((o) => o.verb)).toEqual(['Takes note with appreciation', 'Reaffirms']);
    expect(expected.footnotes.map((f) => f.number)).toEqual([6, 7]);
    expect(expected.coverage).toBe(true);
  });

  it('CRLF line ends and a byte-order mark', () => {
    const bytes = new TextEncoder().encode(`\uFEFF${original.replace(/\n/g, '\r\n')}`);
    expect(shape(decodeDocument(bytes, 'variant.txt').text)).toEqual(expected);
  });

  it('HTML <sup> footnote marks', () => {
    const html = original.replace(/⁶/g, '<sup>6</sup>').replace(/⁷/g, '<sup>7</sup>');
    expect(shape(html)).toEqual(expected);
  });

  it('LaTeX footnote marks, including the doubled caret one converter writes', () => {
    const latex = original.replace(/⁶/g, '$^{6}$').replace(/⁷/g, '$^{^{7}}$');
    expect(shape(latex)).toEqual(expected);
  });

  it('markdown footnotes', () => {
    const md = original
      .replace(FOOTNOTE_6, '[^6]: See A/CONF.234/16.')
      .replace(FOOTNOTE_7, '[^7]: Ibid., chap. I, resolution 1.')
      .replace(/⁶/g, '[^6]')
      .replace(/⁷/g, '[^7]');
    expect(shape(md)).toEqual(expected);
  });

  it('markdown headings, bold numbers, italic opening and rules', () => {
    const marked = original
      .replace('76/187. Strengthening', '## 76/187. Strengthening')
      .replace('The General Assembly,', '*The General Assembly,*')
      .replace('1. *Takes', '**1.** *Takes')
      .replace(FOOTNOTE_6, `---\n\n${FOOTNOTE_6}`);
    expect(shape(marked)).toEqual(expected);
  });

  it('running headers, job numbers and page numbers between the two halves of a paragraph', () => {
    const headed = original.replace(FOOTNOTE_7, `${FOOTNOTE_7}\n\n21-19364 3/20\n\nA/RES/76/187`);
    const doc = parseDocument(headed, 'variant.txt');
    expect(shape(headed)).toEqual(expected);
    // Found for the whole document before the texts are read, and kept as passages.
    const furniture = doc.passages.filter((p) => p.role === 'page-furniture');
    expect(furniture.map((p) => p.text)).toEqual(['21-19364 3/20', 'A/RES/76/187']);
  });

  it('paragraphs that run together without blank lines', () => {
    const tight = original.replace(`${OP1}\n\n${OP2}`, `${OP1}\n${OP2}`);
    expect(shape(tight)).toEqual(expected);
  });

  it('trailing double spaces (markdown hard breaks)', () => {
    const spaced = original.replace(/,\n/g, ',  \n');
    expect(shape(spaced)).toEqual(expected);
  });
});

describe('sub-paragraphs written as a markdown list', () => {
  // ga74-2019-third-committee-report.txt, draft resolution VII, PP8 (lines 716-730), shortened.
  const text = [
    'The General Assembly,',
    '',
    'Reaffirming that the Global Plan of Action was developed:',
    '',
    '- (a) To promote universal ratification of the United Nations Convention against Transnational Organized Crime,',
    '- (b) To help Member States reinforce their political commitments and legal obligations to prevent and combat trafficking in persons,',
    '',
    '1. *Urges* Member States to take action;',
  ].join('\n');

  it('nests the lettered items under the preambular paragraph', () => {
    const r = documentToJson(parseDocument(text, 'list.txt')).resolutions[0]!;
    expect(r.preamble).toHaveLength(1);
    expect(r.preamble[0]!.subparagraphs.map((s) => s.label)).toEqual(['a', 'b']);
    expect(r.preamble[0]!.subparagraphs[1]!.text).toMatch(/^To help Member States/);
    expect(r.operative).toHaveLength(1);
  });
});
