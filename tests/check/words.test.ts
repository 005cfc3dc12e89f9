/**
 * The check reads a text's words two ways (src/lib/check/words.ts): as
 * strings (`wordsOf`, for the draft and the texts it compares) and as offsets
 * found in one pass (`wordSpans`, for the thousands of texts read from the
 * shards). Both must find the same words, and the shingles hashed over the
 * offsets must be those hashed over the strings, or the check would miss
 * candidates the filters found.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hashWords } from '../../src/lib/check/hash.ts';
import { shingles, spanHash, spanShingles, wordSpans, wordsOf, type WordSpans } from '../../src/lib/check/words.ts';

const spanWords = (s: WordSpans) => Array.from({ length: s.length }, (_, i) => s.lower.slice(s.starts[i], s.ends[i]));

const root = new URL('../..', import.meta.url).pathname;
const files = [
  ...readdirSync(join(root, 'content')).filter((f) => /\.(txt|md)$/.test(f)).map((f) => join(root, 'content', f)),
  ...readdirSync(join(root, '../shared/corpus-dev/ga80')).map((f) => join(root, '../shared/corpus-dev/ga80', f)),
];

describe('wordSpans', () => {
  it('finds the words wordsOf finds, on texts read by hand', () => {
    expect(spanWords(wordSpans('Recalling also its resolution 74/177 of 18 December 2019,'))).toEqual(['recalling', 'also', 'its', 'resolution', '74', '177', 'of', '18', 'december', '2019']);
    // Accents and typographic quotes: "Côte d’Ivoire" is three words, the apostrophe a separator.
    expect(spanWords(wordSpans('the Côte d’Ivoire “Platform”'))).toEqual(['the', 'côte', 'd', 'ivoire', 'platform']);
    // "İ" lower-cases to "i" and a combining dot, which is neither letter nor digit.
    expect(wordsOf('İzmir')).toEqual(['i', 'zmir']);
    expect(spanWords(wordSpans('İzmir'))).toEqual(['i', 'zmir']);
    // A letter outside the Basic Multilingual Plane (two code units) is one letter; a lone surrogate separates.
    expect(spanWords(wordSpans('a𝐀b c\ud800d'))).toEqual(['a𝐀b', 'c', 'd']);
    expect(spanWords(wordSpans('a𝐀b c\ud800d'))).toEqual(wordsOf('a𝐀b c\ud800d'));
    expect(wordSpans('  ,;  ').length).toBe(0);
  });

  it(`finds the same words and shingles as the strings on every line and whole text of ${files.length} real documents`, () => {
    expect(files.length).toBeGreaterThanOrEqual(25);
    let lines = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const piece of [text, ...text.split('\n')]) {
        const words = wordsOf(piece);
        const spans = wordSpans(piece);
        if (spans.length !== words.length || spanWords(spans).some((w, i) => w !== words[i])) expect.fail(`${file}: ${piece.slice(0, 80)}`);
        expect(spanHash(spans, 0, spans.length)).toBe(hashWords(words, 0, words.length));
        const all = new Set(shingles(words));
        expect(new Set(spanShingles(spans, all))).toEqual(all);
        lines++;
      }
    }
    expect(lines).toBeGreaterThan(5000);
  });

  it('keeps only the shingles asked for, each window as often as it comes', () => {
    const words = wordsOf('to act to act to act to act to act');
    const ask = new Set([hashWords(words, 0, 5)]);
    // Windows 0, 2 and 4 of "to act to act to act …" are the same five words.
    expect(spanShingles(wordSpans('to act to act to act to act to act'), ask)).toEqual([...ask, ...ask, ...ask]);
    expect(spanShingles(wordSpans('to act to act to act to act to act'), new Set([1]))).toEqual([]);
  });
});
