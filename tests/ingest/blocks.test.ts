/**
 * textToBlocks, startsBlock, splitLines, safeUrl: the remark front end and the splitting
 * of paragraphs whose lines run together. Fixtures (see tests/fixtures/SOURCES.md):
 *  - ga68-dr11-run-together.txt: content/ga68-2013-third-committee-report.txt 1687–1695, 1744–1758
 *    (OP1–OP6 on consecutive lines 1746–1751 = fixture lines 12–17).
 *  - ga75-dr3-run-together.md: content/ga75-2020-third-committee-report.md 555–560, 812–830
 *    (OP1–OP7 on consecutive lines 813–819 = fixture lines 8–14).
 *  - ga68-dr6-subparagraphs.txt: content/ga68-2013-third-committee-report.txt 997–1000, 1055–1094.
 */
import { describe, it, expect } from 'vitest';
import { textToBlocks, startsBlock, splitLines, safeUrl, type Block } from '../../src/lib/ingest/blocks.ts';
import { normalizeText, footnoteToken } from '../../src/lib/ingest/normalize.ts';
import type { Phrasing } from '../../src/lib/model.ts';
import { fixture, withoutLines } from './helpers.ts';

const blocksOf = (text: string): Block[] => textToBlocks(normalizeText(text));
const at = (blocks: Block[], line: number): Block => {
  const b = blocks.find((x) => x.line === line);
  if (!b) throw new Error(`no block starts on line ${line}; blocks start on ${blocks.map((x) => x.line).join(', ')}`);
  return b;
};

describe('operative paragraphs on consecutive lines become one block each', () => {
  it('ga68 DR XI OP1–OP6 (source lines 1746–1751)', () => {
    const blocks = blocksOf(fixture('ga68-dr11-run-together.txt'));
    const ops = [12, 13, 14, 15, 16, 17].map((line) => at(blocks, line));
    expect(ops.map((b) => b.marker)).toEqual(['1.', '2.', '3.', '4.', '5.', '6.']);
    ops.forEach((b) => expect(b.endLine).toBe(b.line));
    expect(ops[0]!.text).toBe(`Takes note of the report of the Secretary-General;${footnoteToken(3)}`);
    expect(ops[1]!.text.startsWith('Condemns corruption at all levels')).toBe(true);
    expect(ops[5]!.text.endsWith('as contained in')).toBe(true);
    // The footnote text, the continuation and OP7 stay blocks of their own.
    expect(at(blocks, 19).text).toBe(`${footnoteToken(3)} A/68/127.`);
    expect(at(blocks, 21).marker).toBeNull();
    expect(at(blocks, 21).text.startsWith('the guidelines for governmental experts')).toBe(true);
    expect(at(blocks, 23).marker).toBe('7.');
  });

  it('ga75 DR III OP1–OP7 (source lines 813–819)', () => {
    const blocks = blocksOf(fixture('ga75-dr3-run-together.md'));
    const ops = [8, 9, 10, 11, 12, 13, 14].map((line) => at(blocks, line));
    expect(ops.map((b) => b.marker)).toEqual(['1.', '2.', '3.', '4.', '5.', '6.', '7.']);
    ops.forEach((b) => expect(b.endLine).toBe(b.line));
    expect(ops[6]!.text.endsWith('United Nations Convention against Transnational')).toBe(true);
    expect(at(blocks, 24).marker).toBe('8.');
  });

  it('a footnote text right under a paragraph line (blank line between them removed) is split off', () => {
    // Edit: ga68-dr11-run-together.txt without line 18, the blank line between OP6 and "³ A/68/127.".
    const blocks = blocksOf(withoutLines(fixture('ga68-dr11-run-together.txt'), 18));
    const op6 = at(blocks, 17);
    expect(op6.marker).toBe('6.');
    expect(op6.text).not.toContain('A/68/127');
    expect(op6.text.endsWith('as contained in')).toBe(true);
    expect(at(blocks, 18).text).toBe(`${footnoteToken(3)} A/68/127.`);
  });

  it('sub-paragraph lines that run together (blank lines removed) become one block each', () => {
    // Edit: lines 15–33 of ga68-dr6-subparagraphs.txt (OP5 and its (a)–(i)) with the blank lines removed.
    const lines = fixture('ga68-dr6-subparagraphs.txt').split('\n').slice(14, 33).filter((l) => l !== '');
    expect(lines).toHaveLength(10);
    const blocks = blocksOf(lines.join('\n'));
    expect(blocks.map((b) => b.line)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(blocks[0]!.marker).toBe('5.');
    expect(blocks.slice(1).map((b) => /^\(([a-z])\)/.exec(b.text)?.[1])).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i']);
    expect(blocks[9]!.text).toBe('(i) Training of relevant staff to implement the Standard Minimum Rules (rule 47);');
  });
});

describe('headings, titles and rules', () => {
  it('reads the markdown headings of ga75 DR III and the --- rule', () => {
    const blocks = blocksOf(fixture('ga75-dr3-run-together.md'));
    expect(at(blocks, 1)).toMatchObject({ kind: 'heading', depth: 3, text: 'Draft resolution III' });
    expect(at(blocks, 3)).toMatchObject({ kind: 'heading', depth: 2 });
    expect(at(blocks, 3).text).toBe(
      'Strengthening the United Nations crime prevention and criminal justice programme, in particular its technical cooperation capacity',
    );
    expect(at(blocks, 16).kind).toBe('rule');
    expect(at(blocks, 5).inline[0]?.type).toBe('emphasis');
  });

  it('keeps the bold heading and title of ga68 DR XI (source lines 1687–1692, no blank line) as one block', () => {
    const blocks = blocksOf(fixture('ga68-dr11-run-together.txt'));
    const head = at(blocks, 1);
    expect(head.endLine).toBe(6);
    // Lines that do not start a block of their own are joined with a space.
    expect(head.text).toBe(
      'Draft resolution XI Preventing and combating corrupt practices and the transfer of proceeds of corruption, facilitating asset recovery and returning such assets to legitimate owners, in particular to countries of origin, in accordance with the United Nations Convention against Corruption',
    );
    // All of it stays bold (one strong node per source line, joined by spaces).
    for (const n of head.inline) expect(n.type === 'strong' || (n.type === 'text' && n.value.trim() === '')).toBe(true);
    expect(at(blocks, 8).text).toBe('The General Assembly,');
  });
});

describe('startsBlock on real lines', () => {
  it.each([
    ['2. *Condemns* corruption at all levels', true], // ga68 1747
    ['(i) Training of relevant staff to implement the Standard Minimum Rules (rule 47);', true], // ga68 1083
    [`${footnoteToken(3)} A/68/127.`, true], // ga68 1753 after normalizing
    ['The General Assembly,', true], // ga68 1694
    ['“*The General Assembly,*', true], // ga68 468
    ['Draft resolution III', true], // ga68 760
    ['“3. *Reiterates* the need to strengthen further the capacity of the Institute', true], // ga68 422
    ['Congress, bearing in mind the main theme, agenda items and workshop topics of the Congress;', false], // ga68 652
    ['23 December 2003, [59/242](#) of 22 December 2004,', false], // ga68 472: a date, not an OP number
    ['article 2, paragraph (b), of the United Nations Convention', false], // ga68 336, inline "(b)"
    ['Crime Prevention and Criminal Justice at its twenty-third session,', false], // ga68 1093
  ])('%s → %s', (line, expected) => {
    expect(startsBlock(line)).toBe(expected);
  });
});

describe('splitLines', () => {
  it('cuts phrasing at line breaks and clones the strong node that spans the six title lines of ga68 DR XI', () => {
    // The six lines as remark gives them: one strong node whose text holds the line breaks.
    const title = fixture('ga68-dr11-run-together.txt').split('\n').slice(0, 6).join('\n').replace(/\*\*/g, '');
    const lines = splitLines([{ type: 'strong', children: [{ type: 'text', value: title }] }]);
    expect(lines).toHaveLength(6);
    for (const line of lines) expect(line[0]?.type).toBe('strong');
    const text = (nodes: Phrasing[]) => nodes.map((n) => (n.type === 'strong' ? n.children.map((c) => (c.type === 'text' ? c.value : '')).join('') : '')).join('');
    expect(text(lines[0]!)).toBe('Draft resolution XI');
    expect(text(lines[5]!)).toBe('against Corruption');
  });

  it('keeps a footnote call on its line', () => {
    const lines = splitLines([{ type: 'text', value: 'Secretary-General;' }, { type: 'footnoteReference', number: 3 }, { type: 'text', value: '\n2. Condemns' }]);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toEqual([{ type: 'text', value: 'Secretary-General;' }, { type: 'footnoteReference', number: 3 }]);
    expect(lines[1]).toEqual([{ type: 'text', value: '2. Condemns' }]);
  });
});

describe('links and footnote calls in the inline content', () => {
  it('a link to "#" (ga68 line 774, [66/282](#)) keeps its text and gets url null', () => {
    const blocks = blocksOf(fixture('ga68-dr3-footnote-between.txt'));
    const pp = at(blocks, 15);
    const link = pp.inline.find((n) => n.type === 'link');
    expect(link).toMatchObject({ type: 'link', url: null, children: [{ type: 'text', value: '66/282' }] });
    expect(pp.text.startsWith('Recalling its resolution 66/282 of 29 June 2012')).toBe(true);
  });

  it('a footnote mark becomes a footnoteReference node with its number (ga68 line 770, "Strategy¹")', () => {
    const pp = at(blocksOf(fixture('ga68-dr3-footnote-between.txt')), 11);
    expect(pp.inline).toContainEqual({ type: 'footnoteReference', number: 1 });
  });

  it('a javascript: link (ga68 line 774 rewritten) keeps its words but no url', () => {
    const blocks = blocksOf('Recalling its resolution [66/282](javascript:alert(1)) of 29 June 2012');
    const link = blocks[0]!.inline.find((n) => n.type === 'link');
    expect(link).toMatchObject({ url: null });
    expect(blocks[0]!.text).toContain('66/282');
  });

  it.each([
    ['#', null],
    ['javascript:alert(1)', null],
    [' JavaScript:alert(1)', null],
    ['data:text/html,<script>alert(1)</script>', null],
    ['A/74/125', null],
    ['https://undocs.org/A/74/125', 'https://undocs.org/A/74/125'],
    ['http://undocs.org/A/RES/76/187', 'http://undocs.org/A/RES/76/187'],
  ])('safeUrl(%j) → %j', (url, expected) => {
    expect(safeUrl(url)).toBe(expected);
  });
});
