/**
 * Diagnostics (file, line, plain message) and the word-coverage check. The diagnostics are
 * provoked by editing a real fixture minimally; each test says what it changes.
 */
import { readdirSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { fixture, fixturePath, lineOf, parse, parseFixture, replaceOnce, withoutLines } from './helpers.ts';

const DR3 = 'ga68-dr3-footnote-between.txt';
const DR3_FILE = `tests/fixtures/${DR3}`;

describe('numbering gap in the operative paragraphs', () => {
  // Edit: ga68-dr3-footnote-between.txt without lines 35–36 (OP4 "4. *Requests* …" and the blank line after it).
  const text = withoutLines(fixture(DR3), 35, 36);
  const r = parseFixture(DR3, text).records[0]!;

  it('reports OP5 following OP3, with the file and the line of "5."', () => {
    expect(r.operative.map((p) => p.number)).toEqual([1, 2, 3, 5, 6, 7]);
    const gaps = r.diagnostics.filter((d) => d.code === 'numbering-gap');
    expect(gaps).toHaveLength(1);
    expect(gaps[0]).toMatchObject({ file: DR3_FILE, line: lineOf(text, '5. *Calls upon*'), severity: 'warning' });
    expect(gaps[0]!.line).toBe(35);
    expect(gaps[0]!.message).toMatch(/\b5\b/);
    expect(gaps[0]!.message).toMatch(/\b4\b/);
  });

  it('still covers every word', () => {
    expect(r.coverage.covered).toBe(r.coverage.words);
  });
});

describe('numbering gap in sub-paragraphs', () => {
  // Edit: ga68-dr6-subparagraphs.txt without lines 21–22 (sub-paragraph "(c) Disciplinary action …" and a blank line).
  const text = withoutLines(fixture('ga68-dr6-subparagraphs.txt'), 21, 22);
  const r = parseFixture('ga68-dr6-subparagraphs.txt', text).records[0]!;

  it('reports (d) following (b), with the line of "(d)"', () => {
    const gaps = r.diagnostics.filter((d) => d.code === 'numbering-gap');
    expect(gaps).toHaveLength(1);
    expect(gaps[0]!.line).toBe(lineOf(text, '(d) Investigations of all deaths in custody'));
    expect(gaps[0]!.message).toContain('(d)');
    expect(gaps[0]!.message).toContain('(c)');
    // (i) still follows (h) as the ninth letter: no other report.
    expect(r.operative[4]!.subparagraphs.map((s) => s.label)).toEqual(['a', 'b', 'd', 'e', 'f', 'g', 'h', 'i']);
  });
});

describe('a footnote cited without a text', () => {
  // Edit: ga68-dr3-footnote-between.txt without lines 21–22 ("¹ Resolution 60/288." and a blank line).
  const text = withoutLines(fixture(DR3), 21, 22);
  const r = parseFixture(DR3, text).records[0]!;

  it('reports footnote 1, cited in PP3 (line 11)', () => {
    const missing = r.diagnostics.filter((d) => d.code === 'footnote-missing-text');
    expect(missing).toHaveLength(1);
    expect(missing[0]).toMatchObject({ file: DR3_FILE, line: 11 });
    expect(missing[0]!.message).toMatch(/\b1\b/);
    expect(r.footnotes).toEqual([]);
  });

  it('does not join PP7 and PP8 now that nothing stands between them', () => {
    expect(r.preamble).toHaveLength(10);
    expect(r.preamble[7]!.text.startsWith('Expressing concern at the increased use')).toBe(true);
  });
});

describe('a footnote text that is never cited', () => {
  // Edit: ga68-dr3-footnote-between.txt line 11 with the call removed ("Strategy¹ and" → "Strategy and").
  const text = replaceOnce(fixture(DR3), 'Strategy¹ and', 'Strategy and');
  const r = parseFixture(DR3, text).records[0]!;

  it('reports footnote 1 at the line of its text (line 21), and keeps the text', () => {
    const uncited = r.diagnostics.filter((d) => d.code === 'footnote-uncited');
    expect(uncited).toHaveLength(1);
    expect(uncited[0]).toMatchObject({ file: DR3_FILE, line: 21 });
    expect(uncited[0]!.message).toMatch(/\b1\b/);
    expect(r.footnotes).toEqual([{ number: 1, text: 'Resolution 60/288.' }]);
  });
});

describe('an unmatched quote in a quoted draft', () => {
  // Edit: ga68-quoted-L20.txt line 45 (OP19) without its closing ” ("present resolution.”" → "present resolution.").
  const text = replaceOnce(fixture('ga68-quoted-L20.txt'), 'present resolution.”', 'present resolution.');
  const { records } = parseFixture('ga68-quoted-L20.txt', text);
  const r = records[0]!;

  it('reports the quote that is never closed, with file and line', () => {
    const quotes = r.diagnostics.filter((d) => d.code === 'unmatched-quote');
    expect(quotes).toHaveLength(1);
    expect(quotes[0]!.file).toBe('tests/fixtures/ga68-quoted-L20.txt');
    expect(quotes[0]!.line).not.toBeNull();
    expect(quotes[0]!.line!).toBeGreaterThanOrEqual(21);
    expect(quotes[0]!.line!).toBeLessThanOrEqual(45);
  });

  it('still ends the quoted draft before the report paragraph 38', () => {
    expect(records).toHaveLength(1);
    expect(r.operative.map((p) => p.number)).toEqual([1, 2, 3, 4, 19]);
    for (const p of r.operative) expect(p.text).not.toContain('At its 46th meeting');
  });
});

describe('hostile-ish markup is kept as text', () => {
  it('a <script> element inside a paragraph stays in the paragraph text', () => {
    // Edit: ga68-dr3-footnote-between.txt line 9 (PP2) with "<script>alert(1)</script> " inserted after "Stressing again".
    const text = replaceOnce(fixture(DR3), 'Stressing again the need', 'Stressing again <script>alert(1)</script> the need');
    const { records, doc } = parseFixture(DR3, text);
    const r = records[0]!;
    expect(r.preamble).toHaveLength(10);
    expect(r.preamble[1]!.text).toContain('<script>alert(1)</script>');
    expect(r.coverage.covered).toBe(r.coverage.words);
    expect(doc.coverage.covered).toBe(doc.coverage.words);
  });

  it('a <script> line of its own between two paragraphs does not vanish', () => {
    // Edit: ga68-dr3-footnote-between.txt with the line "<script>alert(1)</script>" and a blank line inserted before line 9 (PP2).
    const lines = fixture(DR3).split('\n');
    lines.splice(8, 0, '<script>alert(1)</script>', '');
    const { records, doc, json } = parseFixture(DR3, lines.join('\n'));
    const r = records[0]!;
    const kept = [
      ...r.preamble.map((p) => p.text),
      ...r.diagnostics.map((d) => `${d.message} ${d.text ?? ''}`),
      ...doc.passages.map((p) => p.text),
    ].join('\n');
    expect(kept).toContain('alert(1)');
    expect(JSON.stringify(json)).toContain('alert(1)');
    // The raw HTML block is not half of a paragraph cut by a page break: PP2 stays a paragraph of its own.
    const pp2 = r.preamble.find((p) => p.text.includes('Stressing again the need'))!;
    expect(pp2.text.startsWith('Stressing again the need')).toBe(true);
    expect(pp2.lead).toBe('Stressing again');
    expect(r.coverage.covered).toBe(r.coverage.words);
    expect(doc.coverage.covered).toBe(doc.coverage.words);
  });

  it('an <img onerror> and a javascript: link keep their words and yield no live url', () => {
    // Edit: ga68-dr3-footnote-between.txt line 15 (PP5) with its link rewritten to javascript: and an <img> added.
    let text = replaceOnce(fixture(DR3), 'Recalling its resolution [66/282](#) of 29 June 2012', 'Recalling its resolution [66/282](javascript:alert(1)) <img src=x onerror=alert(2)> of 29 June 2012');
    const { records, doc } = parse(text, 'hostile.txt');
    const pp5 = records[0]!.preamble[4]!;
    expect(pp5.text).toContain('66/282');
    expect(pp5.text).toContain('onerror=alert(2)');
    const tree = JSON.stringify(doc.resolutions[0]!.tree);
    expect(tree).not.toContain('"url":"javascript');
    expect(doc.coverage.covered).toBe(doc.coverage.words);
  });
});

describe('word coverage', () => {
  const files = readdirSync(fixturePath('.')).filter((f) => /\.(txt|md)$/.test(f) && f !== 'SOURCES.md');

  it('has fixtures to check', () => {
    expect(files.length).toBeGreaterThanOrEqual(14);
  });

  it.each(files)('every word of %s is in a resolution tree, a passage or a diagnostic', (name) => {
    const { doc } = parseFixture(name);
    expect(doc.resolutions.length).toBeGreaterThan(0);
    expect(doc.coverage.words).toBeGreaterThan(0);
    expect(doc.coverage.covered).toBe(doc.coverage.words);
    for (const r of doc.resolutions) expect(r.coverage.covered).toBe(r.coverage.words);
    expect(doc.diagnostics.filter((d) => d.code === 'coverage')).toEqual([]);
  });

  it('every diagnostic of every fixture names the file it came from', () => {
    for (const name of files) {
      const { doc } = parseFixture(name);
      for (const d of doc.diagnostics) expect(d.file).toBe(`tests/fixtures/${name}`);
    }
  });
});
