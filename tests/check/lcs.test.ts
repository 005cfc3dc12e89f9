/**
 * The check's similarity counts common words by a bit-parallel longest common
 * subsequence (src/lib/check/lcs.ts). A shortest edit script keeps a longest
 * common subsequence, so jsdiff's Myers diff must keep as many words: on every
 * pair of paragraphs of two real versions, and on random lists of every length
 * around the 32-word blocks.
 */
import { diffArrays } from 'diff';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/lib/ingest/corpus.ts';
import { lcsLength } from '../../src/lib/check/lcs.ts';
import { paragraphsOf } from '../../src/lib/check/agreed.ts';
import { wordsOf } from '../../src/lib/check/words.ts';
import { wordSimilarity } from '../../src/lib/check/similarity.ts';

const common = (a: string[], b: string[]) => diffArrays(a, b).reduce((n, c) => n + (c.added || c.removed ? 0 : (c.count ?? c.value.length)), 0);

describe('lcsLength', () => {
  it('counts the words a longest common subsequence keeps, on lists read by hand', () => {
    expect(lcsLength([], [])).toBe(0);
    expect(lcsLength(['a'], [])).toBe(0);
    // "a b c d" and "a c b d": a b d, or a c d.
    expect(lcsLength('a b c d'.split(' '), 'a c b d'.split(' '))).toBe(3);
    // A word moved to the end keeps all but that one.
    expect(lcsLength('urges all states to act'.split(' '), 'all states to act urges'.split(' '))).toBe(4);
    expect(lcsLength('x y z'.split(' '), 'p q'.split(' '))).toBe(0);
  });

  it('keeps as many words as jsdiff on every pair of paragraphs of L.8/Rev.1 (2020) and A/RES/76/187', () => {
    const records = loadCorpus(new URL('../../content', import.meta.url).pathname).documents.flatMap((d) => d.resolutions);
    const older = records.find((r) => r.symbol === 'A/C.3/75/L.8/Rev.1')!;
    const newer = records.find((r) => r.symbol === 'A/RES/76/187')!;
    const a = paragraphsOf(older).map((u) => wordsOf(u.fullText));
    const b = paragraphsOf(newer).map((u) => wordsOf(u.fullText));
    expect(a.length * b.length).toBeGreaterThan(10_000);
    let pairs = 0;
    for (const x of a) for (const y of b) {
      if (lcsLength(x, y) !== common(x, y)) expect.fail(`${x.join(' ')} | ${y.join(' ')}`);
      pairs++;
    }
    expect(pairs).toBe(a.length * b.length);
  });

  it('keeps as many words as jsdiff on random lists across the 32-word blocks', () => {
    // Few distinct words, so that long runs match and the additions carry from one block to the next.
    const list = fc.oneof(
      fc.array(fc.constantFrom('the', 'of', 'and'), { maxLength: 140 }),
      fc.array(fc.constantFrom('the', 'of', 'and', 'states', 'urges', 'rights', 'human', 'to'), { minLength: 20, maxLength: 140 }),
    );
    fc.assert(fc.property(list, list, (x, y) => lcsLength(x, y) === common(x, y) && lcsLength(y, x) === common(x, y)), { numRuns: 600 });
  });
});

describe('wordSimilarity', () => {
  it('is 2 × common words / words of both, and 0 below the floor asked for', () => {
    const a = 'reaffirms its resolution on the rights of the child'.split(' ');
    const b = 'reaffirms its resolutions on the rights of every child'.split(' ');
    // 7 words in common (reaffirms its on the rights of child) of 9 + 9.
    expect(wordSimilarity(a, b)).toBeCloseTo(14 / 18, 10);
    expect(wordSimilarity(a, b, 0.8)).toBe(0);
    expect(wordSimilarity(a, a)).toBe(1);
  });
});
