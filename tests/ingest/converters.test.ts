/**
 * The rules that read documents from other converters, each on text cut from
 * a real document of the development corpus (tests/fixtures/ga80/, A/RES/80/1
 * to 80/10, as Markdown and as PDF text). Each expectation was established by
 * reading the passage; the line numbers are those of the fixture files.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseBytes } from '../../src/lib/index.ts';
import { parseDocument } from '../../src/lib/parse/document.ts';
import { splitFrontMatter, catalogueTitle } from '../../src/lib/ingest/front-matter.ts';
import { markFootnotes } from '../../src/lib/ingest/footnotes.ts';
import { FOOTNOTE_TOKEN, normalizeText } from '../../src/lib/ingest/normalize.ts';
import { annexesOf, annexParagraphsOf, footnotesOf, operativeOf, preambleOf } from '../../src/lib/export/parse-json.ts';
import { readableText, phrasingToText } from '../../src/lib/text.ts';
import type { ResolutionRecord } from '../../src/lib/model.ts';

const fixture = (name: string) => new URL(`../fixtures/ga80/${name}`, import.meta.url);
const read = (name: string) => readFileSync(fixture(name), 'utf8');
const parse = (name: string) => parseBytes(readFileSync(fixture(name)), `tests/fixtures/ga80/${name}`);
const only = (name: string): ResolutionRecord => {
  const doc = parse(name);
  expect(doc.resolutions).toHaveLength(1);
  return doc.resolutions[0]!;
};
/** The numbers of the footnote calls in a text with tokens, in order. */
const calls = (text: string) => [...text.matchAll(FOOTNOTE_TOKEN)].map((m) => Number(m[1]));

describe('front matter (rule: front-matter)', () => {
  const text = read('A-RES-80-10.md');

  it('reads the fields with a YAML reader and keeps the catalogue title out of the text', () => {
    const { frontMatter, text: rest } = splitFrontMatter(text);
    expect(frontMatter?.data.symbol).toBe('A/RES/80/10');
    expect(frontMatter?.data.date).toBe('2025-11-26');
    // The catalogue writes the title with a straight apostrophe and a trailing " :".
    expect(catalogueTitle(frontMatter)).toBe("International Day of the World's Indigenous Women and Girls");
    expect(frontMatter?.lines).toEqual({ start: 1, end: 10 });
    expect(rest.split('\n')).toHaveLength(text.split('\n').length);
    expect(rest.split('\n').slice(0, 10).every((l) => l === '')).toBe(true);
  });

  it('keeps the block as a passage, says what it read, and prefers the printed title', () => {
    const doc = parse('A-RES-80-10.md');
    expect(doc.passages.find((p) => p.line === 1)).toMatchObject({ role: 'front-matter', text: expect.stringMatching(/^---\nsymbol: A\/RES\/80\/10\n/) });
    expect(doc.form.frontMatter?.symbol).toBe('A/RES/80/10');
    expect(doc.resolutions[0]!.title).toBe('International Day of the World’s Indigenous Women and Girls');
    expect(doc.coverage.covered).toBe(doc.coverage.words);
  });

  it('leaves a first line "---" that opens no front matter as it is', () => {
    const plain = '---\n\nThe General Assembly,\n\nRecalling its resolution 70/1,\n\n1. Decides to remain seized of the matter.';
    expect(splitFrontMatter(plain).frontMatter).toBeNull();
  });

  it('reports front matter it cannot read, and still parses the text', () => {
    const bad = text.replace('language: EN', 'language: [EN');
    const doc = parseDocument(bad, 'bad.md');
    expect(doc.diagnostics.find((d) => d.code === 'front-matter')).toMatchObject({ file: 'bad.md', line: 1, severity: 'warning' });
    expect(preambleOf(doc.resolutions[0]!.tree)).toHaveLength(11);
  });
});

describe('footnotes printed as bare digits (rules: definitions, sequence, position)', () => {
  it('finds the calls of A/RES/80/10 by order and position, and not the numbers of the text', () => {
    // 80/10.md lines 28-32: PP2-PP5. "1 the International", "3  the Convention", "Women,5", "Development 11  and";
    // PP5 says "paragraphs 1 to 10 of the annex" and "paragraphs 13 and 14", which are not calls.
    const { text, report } = markFootnotes(splitFrontMatter(normalizeText(read('A-RES-80-10.md'))).text);
    const lines = text.split('\n');
    expect(calls(lines[27]!)).toEqual([1, 2, 3, 4, 5]);
    expect(calls(lines[29]!)).toEqual([6, 7, 8, 9, 10]);
    expect(calls(lines[31]!)).toEqual([11]);
    expect(calls(lines[33]!)).toEqual([]);
    expect(lines[33]).toContain('paragraphs 1 to 10 of the annex');
    expect(lines[33]).toContain('paragraphs 13 and 14');
    expect(calls(lines[37]!)).toEqual([12, 13]);
    expect(report).toMatchObject({ style: 'marked', definitions: 13, uncalled: [] });
  });

  it('takes a definition whose number is a wrapped year back into the footnote before it', () => {
    // 80/10.md lines 77-78: "[^10]: Report of ... Cairo, 5–13 September" / "[^1994]: (United Nations publication ...".
    const fn10 = footnotesOf(only('A-RES-80-10.md').tree).find((f) => f.number === 10)!;
    expect(readableText(fn10.children)).toBe('Report of the International Conference on Population and Development, Cairo, 5–13 September 1994 (United Nations publication, Sales No. E.95.XIII.18), chap. I, resolution 1, annex.');
    expect(footnotesOf(only('A-RES-80-10.md').tree).map((f) => f.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
  });

  it('reads "N text" lines at the foot of a page as footnote texts (PDF text)', () => {
    const r = only('A-RES-80-10.pdf-text.txt');
    expect(footnotesOf(r.tree).map((f) => [f.number, readableText(f.children)]).slice(0, 3)).toEqual([
      [1, 'See resolution 2200 A (XXI), annex.'],
      [2, 'Ibid.'],
      [3, 'United Nations, Treaty Series, vol. 660, No. 9464.'],
    ]);
    expect(r.diagnostics.filter((d) => d.code.startsWith('footnote-'))).toEqual([]);
  });

  it('takes "2024,1" and "2025;2" as calls, and not the 1 of a symbol such as A/80/L.2/Rev.1', () => {
    // 80/7.pdf-text.txt line 26: "… Agency for 2024,1"; 80/1.pdf-text.txt line 20: "(A/80/L.2/Rev.1)".
    const r7 = only('A-RES-80-7.pdf-text.txt');
    expect(r7.diagnostics.filter((d) => d.code.startsWith('footnote-'))).toEqual([]);
    expect(footnotesOf(r7.tree).map((f) => f.number)).toEqual([1, 2, 3]);
    const { text } = markFootnotes(splitFrontMatter(normalizeText(read('A-RES-80-1.pdf-text.txt'))).text);
    expect(calls(text.split('\n')[19]!)).toEqual([]);
    expect(calls(text.split('\n')[25]!)).toEqual([1]);
  });

  it('leaves digits alone in a document with no footnote texts', () => {
    const text = 'The General Assembly,\n\nRecalling its resolution 70/1 of 25 September 2015, 1 and 2,\n\n1. Decides to remain seized of the matter.';
    expect(markFootnotes(text).text).toBe(text);
  });
});

describe('page furniture (rules: page-marks, running-title)', () => {
  it('takes running headers out and mends the paragraph they cut (80/1, sub-paragraph (a))', () => {
    // 80/1.pdf-text.txt lines 38-44: "(a) … general debate of the ---", footnote 1, the header
    // "A/RES/80/1 Participation by the State of Palestine during the eightieth session", then "Assembly at its …".
    for (const name of ['A-RES-80-1.pdf-text.txt', 'A-RES-80-1.md']) {
      const doc = parse(name);
      const op1 = operativeOf(doc.resolutions[0]!.tree)[0]!;
      const a = op1.children.find((c) => c.type === 'subParagraph')!;
      expect(readableText(a.type === 'subParagraph' ? a.children : [])).toBe(
        'The State of Palestine may submit a pre‑recorded statement of its President, which will be played in the General Assembly Hall during the general debate of the Assembly at its eightieth session after introduction by its representative who is physically present in the Assembly Hall;',
      );
      expect(doc.passages.filter((p) => p.role === 'page-furniture').map((p) => p.text)).toEqual(
        name.endsWith('.md') ? ['Participation by the State of Palestine during the eightieth session'] : ['A/RES/80/1 Participation by the State of Palestine during the eightieth session'],
      );
    }
  });

  it('takes out headers with the symbol before or after the title (80/8, six pages)', () => {
    const doc = parse('A-RES-80-8.pdf-text.txt');
    // Lines 37 and 89 "A/RES/80/8 Building …", 65 and 112 "Building … A/RES/80/8", 135 "A/RES/80/8 Building …".
    expect(doc.passages.filter((p) => p.role === 'page-furniture').map((p) => p.line)).toEqual([37, 65, 89, 112, 135]);
    expect(doc.form.furniture).toBeGreaterThanOrEqual(5);
  });
});

describe('paragraph boundaries inside a line (rules: glued-number, line-opens-paragraph)', () => {
  it('cuts a numbered paragraph glued onto the one before: "…Development.2 2. We acknowledge" (80/5 annex)', () => {
    for (const name of ['A-RES-80-5.md', 'A-RES-80-5.pdf-text.txt']) {
      const doc = parse(name);
      const paras = annexParagraphsOf(annexesOf(doc.resolutions[0]!.tree)[0]!);
      expect(paras.slice(0, 3).map((p) => p.number)).toEqual([1, 2, 3]);
      expect(readableText(paras[0]!.children)).toMatch(/implementation of the 2030 Agenda for Sustainable Development\.$/);
      expect(readableText(paras[1]!.children)).toMatch(/^We acknowledge the urgent need/);
      expect(doc.form.gluedParagraphs).toBeGreaterThanOrEqual(2);
    }
  });

  it('splits preambular paragraphs written on consecutive lines, and joins a line that does not open one', () => {
    const text = [
      'The General Assembly,',
      '',
      'Reaffirming the purposes and principles of the Charter of the United Nations,',
      'Reaffirming also the International Covenant on Civil and Political Rights and the International',
      'Covenant on Economic, Social and Cultural Rights,',
      'Recalling the Universal Declaration of Human Rights,',
      '',
      '1. Decides to proclaim 5 September of each year as the International Day;',
    ].join('\n');
    const doc = parseDocument(text, 'x.txt');
    expect(preambleOf(doc.resolutions[0]!.tree).map((p) => p.lead)).toEqual(['Reaffirming', 'Reaffirming also', 'Recalling']);
    expect(readableText(preambleOf(doc.resolutions[0]!.tree)[1]!.children)).toContain('the International Covenant on Economic');
    expect(doc.form).toMatchObject({ splitLines: 2, joinedLines: 1 });
  });
});

describe('titles, openings and numbering a converter lost (guessed, and said so)', () => {
  it('completes a cut title from the running header (80/8.md: "… through sport and the")', () => {
    const r = only('A-RES-80-8.md');
    expect(r.title).toBe('Building a peaceful and better world through sport and the Olympic ideal');
    expect(r.diagnostics.map((d) => d.code)).toContain('title-completed');
  });

  it('reads "The General Assembly" without a comma as a resolution with one unnumbered operative paragraph (80/9)', () => {
    const r = only('A-RES-80-9.pdf-text.txt');
    expect(preambleOf(r.tree)).toEqual([]);
    const op = operativeOf(r.tree);
    expect(op.map((p) => [p.number, p.verb])).toEqual([[null, 'Adopts']]);
    expect(r.symbol).toBe('A/RES/80/9');
  });

  it('numbers an operative paragraph whose number was lost (80/3.md line 30: "Expresses its profound gratitude")', () => {
    const r = only('A-RES-80-3.md');
    expect(operativeOf(r.tree).map((p) => [p.id, p.number, p.verb])).toEqual([['OP1', 1, 'Endorses'], ['OP2', 2, 'Expresses']]);
    expect(r.diagnostics.map((d) => d.code)).toContain('number-inferred');
  });

  it('letters a list whose labels the Markdown lost, as the PDF text prints them (80/5 annex, paragraph 18)', () => {
    const label = (name: string) => {
      const p18 = annexParagraphsOf(annexesOf(only(name).tree)[0]!).find((p) => p.number === 18)!;
      return p18.children.filter((c) => c.type === 'subParagraph').map((c) => (c.type === 'subParagraph' ? [c.label, readableText(c.children).slice(0, 40)] : []));
    };
    expect(label('A-RES-80-5.md')).toEqual(label('A-RES-80-5.pdf-text.txt'));
    expect(label('A-RES-80-5.pdf-text.txt').map((x) => x[0])).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i']);
  });
});

describe('annexes: their own part of the tree (80/5, 80/3)', () => {
  it('keeps the declaration out of the operative part', () => {
    const r = only('A-RES-80-5.pdf-text.txt');
    expect(operativeOf(r.tree)).toHaveLength(1);
    const [annex] = annexesOf(r.tree);
    expect(annex!.heading).toBe('Annex');
    const title = annex!.children.find((c) => c.type === 'title')!;
    expect(readableText(title.type === 'title' ? title.children : [])).toBe('Doha Political Declaration of the “World Social Summit” under the title “the Second World Summit for Social Development”');
    const numbered = annexParagraphsOf(annex!).filter((p) => p.number !== null);
    expect(numbered.map((p) => p.number)).toEqual(Array.from({ length: 44 }, (_, i) => i + 1));
    expect(annex!.children.filter((c) => c.type === 'annexHeading').map((c) => phrasingToText(c.type === 'annexHeading' ? c.children : []))).toEqual(['A call to action', 'Follow-up']);
    // The resolution's closing line stays the resolution's.
    const closing = r.tree.children.find((c) => c.type === 'closing');
    expect(closing && readableText(closing.type === 'closing' ? closing.children : [])).toBe('28th plenary meeting 4 November 2025');
  });

  it('reads "Annex Awaza Political Declaration" as heading and title on one line, and the annex\'s roman sections as headings (80/3)', () => {
    const r = only('A-RES-80-3.pdf-text.txt');
    expect(operativeOf(r.tree).map((p) => p.number)).toEqual([1, 2]);
    const [annex] = annexesOf(r.tree);
    const title = annex!.children.find((c) => c.type === 'title');
    expect(title && readableText(title.type === 'title' ? title.children : [])).toBe('Awaza Political Declaration');
    const headings = annex!.children.filter((c) => c.type === 'annexHeading').map((c) => readableText(c.type === 'annexHeading' ? c.children : []));
    expect(headings[0]).toBe('I. Global context and shared commitments');
    expect(headings[headings.length - 1]).toBe('III. Conclusion and call to action');
  });

  it('cuts a heading without a numeral off the paragraph glued under it when that paragraph has the next number (80/3 lines 110 and 114)', () => {
    const r = only('A-RES-80-3.pdf-text.txt');
    const [annex] = annexesOf(r.tree);
    const headings = annex!.children.filter((c) => c.type === 'annexHeading').map((c) => readableText(c.type === 'annexHeading' ? c.children : []));
    expect(headings).toEqual(['I. Global context and shared commitments', 'II. Implementation of the Awaza Programme of Action for Landlocked Developing Countries for the Decade 2024–2034', 'Partnerships and support mechanisms', 'Governance, accountability and monitoring', 'III. Conclusion and call to action']);
    const p20 = annexParagraphsOf(annex!).find((p) => p.number === 20)!;
    expect(readableText(p20.children)).toMatch(/^We underscore that national leadership/);
  });
});

describe('every development text', () => {
  const names = Array.from({ length: 10 }, (_, i) => i + 1).flatMap((n) => [`A-RES-80-${n}.md`, `A-RES-80-${n}.pdf-text.txt`]);
  it.each(names)('%s: one text, every word kept, the symbol and date of the document', (name) => {
    const doc = parse(name);
    const n = name.replace(/^A-RES-80-(\d+)\..*$/, '$1');
    expect(doc.resolutions).toHaveLength(1);
    expect(doc.coverage.covered).toBe(doc.coverage.words);
    expect(doc.resolutions[0]!.coverage.covered).toBe(doc.resolutions[0]!.coverage.words);
    expect(doc.resolutions[0]!.symbol).toBe(`A/RES/80/${n}`);
    expect(doc.resolutions[0]!.stage).toBe('adopted');
    expect(doc.diagnostics.filter((d) => d.code === 'coverage' || d.code === 'no-resolution')).toEqual([]);
  });
});
