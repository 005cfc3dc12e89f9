/**
 * The words of the coverage check (src/lib/text.ts), found in one pass over
 * the text, give exactly what the regular expressions they replaced gave:
 * the definitions below are the former code, kept as the reference. And the
 * coverage check of parseDocument, which counts words in one map and makes
 * the word lists only when a word is lost, still names the lost words in
 * the order of the text.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countCoverageWords, coverageWords, EDGE_CHARACTERS, HYPHEN_CHARACTERS, SPACE_CHARACTERS, WordBalance, missingWords, words } from '../../src/lib/text.ts';
import { parseDocument } from '../../src/lib/parse/document.ts';

fc.configureGlobal({ seed: Number(process.env.PROPERTY_SEED ?? 20261126) });

// The former definitions (regular expressions), as the reference.
const EDGE = /^[\s"'“”‘’«»()[\]{}<>*_#|,;:.!?…–—-]+|[\s"'“”‘’«»()[\]{}<>*_#|,;:.!?…–—-]+$/gu;
function referenceWords(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.replace(/\uE000(\d+)\uE001/g, ' ^$1 ').split(/\s+/)) {
    const w = raw.replace(EDGE, '');
    if (w) out.push(w);
  }
  return out;
}
const referenceCoverageWords = (text: string): string[] => referenceWords(text).flatMap((w) => w.split(/[-‐‑]+/)).filter(Boolean);

/** Characters at every edge of the definitions: white space of all kinds, edge marks, hyphens, footnote token parts, surrogates. */
const tricky = fc.constantFrom(
  'a', 'b', 'é', '1', '2', '^', ' ', '\n', '\t', '\u00a0', '\u2007', '\u3000', '\ufeff', '\u2028', '\u0085', '\u180e', '\u200b',
  '-', '‐', '‑', '‒', '"', '“', '(', ')', '[', '.', ',', '…', '—', '–', '*', '_', '#', '\uE000', '\uE001', '\ud83d', '\ude00',
);

describe('coverage words in one pass', () => {
  it('knows white space, edges and hyphens as the regular expressions do, for every code unit', () => {
    const space: number[] = [];
    const edge: number[] = [];
    const hyphen: number[] = [];
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      if (/\s/.test(ch)) space.push(c);
      if (!/\s/.test(ch) && /^[\s"'“”‘’«»()[\]{}<>*_#|,;:.!?…–—-]$/u.test(ch)) edge.push(c);
      if (/[-‐‑]/.test(ch)) hyphen.push(c);
    }
    const codes = (s: string) => [...s].map((ch) => ch.charCodeAt(0)).sort((a, b) => a - b);
    expect(codes(SPACE_CHARACTERS)).toEqual(space);
    expect(codes(EDGE_CHARACTERS)).toEqual(edge);
    expect(codes(HYPHEN_CHARACTERS)).toEqual(hyphen);
  });

  it('gives the same words as the regular expressions, for any text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: tricky, maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 40 }), fc.string({ maxLength: 40 })), (text) => {
        expect(words(text)).toEqual(referenceWords(text));
        expect(coverageWords(text)).toEqual(referenceCoverageWords(text));
        expect(countCoverageWords(text)).toBe(referenceCoverageWords(text).length);
      }),
      { numRuns: 5000 },
    );
  });

  it('cuts footnote tokens out as words of their own', () => {
    expect(words('Recalling\uE0001\uE001its resolution\uE00012\uE001.')).toEqual(['Recalling', '^1', 'its', 'resolution', '^12']);
    expect(coverageWords('gender-related (“self-help”) \uE000\uE001 x\uE000a\uE001')).toEqual(['gender', 'related', 'self', 'help', '\uE000\uE001', 'x\uE000a\uE001']);
  });

  it('counts what is lost as the multiset difference does', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: tricky, maxLength: 12 }), { maxLength: 8 }), fc.array(fc.string({ unit: tricky, maxLength: 12 }), { maxLength: 8 }), (up, down) => {
        const balance = new WordBalance();
        let count = 0;
        for (const t of up) count += balance.addText(t, 1);
        for (const t of down) balance.addText(t, -1);
        expect(count).toBe(up.flatMap(referenceCoverageWords).length);
        expect(balance.lost()).toBe(missingWords(up.flatMap(referenceCoverageWords), down.flatMap(referenceCoverageWords)).length);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('the coverage check of parseDocument', () => {
  // Results checked against the former implementation (word lists compared with missingWords).
  it('names the words a text loses, in order', () => {
    const doc = parseDocument('The General Assembly,a\n****\n0. ---\n****\nand more-words here', 'x.txt');
    expect(doc.resolutions.map((r) => r.coverage)).toEqual([{ words: 8, covered: 6 }]);
    expect(doc.coverage).toEqual({ words: 8, covered: 8 });
    expect(doc.diagnostics.filter((d) => d.code === 'coverage').map((d) => [d.message, d.text])).toEqual([
      ['2 word(s) of the text are not in the tree: Assembly,a 0', 'Assembly,a 0'],
    ]);
  });

  it('names the words a file loses', () => {
    // "0. ***": a list item whose only content is a thematic break; its number is in no block's text.
    // ("0. ---" no longer loses it: a rule glued to a line's end is dropped as page furniture.)
    const doc = parseDocument('0. ***\n****', 'x.txt');
    expect(doc.coverage).toEqual({ words: 1, covered: 0 });
    expect(doc.diagnostics.filter((d) => d.code === 'coverage').map((d) => [d.message, d.text])).toEqual([
      ['1 word(s) of the file are neither in a resolution nor kept as a passage: 0', '0'],
    ]);
  });
});
