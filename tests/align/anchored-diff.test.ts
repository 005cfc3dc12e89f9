/**
 * The word diff cut at shared runs (diff/redline.ts, `diffAnchored`), its
 * tokenizer, and the split found beside a sibling that leaves its whole half
 * unexplained (align.ts, `partBesideThreshold`).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBytes, type ResolutionRecord } from '../../src/lib/index.ts';
import { alignVersions } from '../../src/lib/align/align.ts';
import { unitsOf } from '../../src/lib/align/units.ts';
import { rawHunks, redline, TOKEN, tokensOf } from '../../src/lib/diff/redline.ts';
import { mulberry32 } from '../../scripts/lib/random.ts';

const dir = join(import.meta.dirname, '..', '..', 'content');
const corpus: ResolutionRecord[] = readdirSync(dir)
  .filter((f) => /\.(txt|md)$/.test(f))
  .sort()
  .flatMap((f) => parseBytes(readFileSync(join(dir, f)), `content/${f}`).resolutions);
const bySymbol = (s: string) => corpus.find((r) => r.symbol === s)!;

const rebuild = (segs: ReturnType<typeof redline>, side: 'a' | 'b') =>
  segs.filter((s) => s.kind === 'equal' || s.kind === (side === 'a' ? 'delete' : 'insert')).map((s) => s.text).join('');

/** Least number of token edits between two texts: tokens compared without their trailing space. */
function leastEdits(a: string, b: string): number {
  const ta = tokensOf(a).map((t) => t.trimEnd());
  const tb = tokensOf(b).map((t) => t.trimEnd());
  let prev = new Int32Array(tb.length + 1);
  for (const x of ta) {
    const row = new Int32Array(tb.length + 1);
    for (let j = 0; j < tb.length; j++) row[j + 1] = x === tb[j] ? prev[j]! + 1 : Math.max(prev[j + 1]!, row[j]!);
    prev = row;
  }
  return ta.length + tb.length - 2 * prev[tb.length]!;
}

/** Token edits of the raw diff: the tokens struck and inserted (a change of spacing alone is not one). */
const words = (text: string) => tokensOf(text).filter((t) => t.trim()).length;
const editsOf = (a: string, b: string) => rawHunks(a, b).reduce((n, h) => n + ('delete' in h ? words(h.delete) + words(h.insert) : 0), 0);

describe('tokens', () => {
  it('are those of the TOKEN expression, whatever the characters', () => {
    const texts = [
      'Recalling its resolution 74/177 of 18 December 2019, and “the 2030 Agenda” (A/75/127);',
      '  leading spaces, trailing spaces  ',
      'no\u00a0break\u2009thin\u3000ideographic\ufeffbom\ttab\nline',
      'soft\u00adhyphen under_score seventy-fifth l’homme',
      'astral 𝐀𝐁𝐂 letters, emoji 😀 and a lone \ud800 surrogate \udc00 here',
      'Ελληνικά, русский, 中文文本, العربية, e\u0301 combining',
      '',
      '   ',
    ];
    for (const t of texts) expect(tokensOf(t)).toEqual(t.match(TOKEN) ?? []);
  });
});

describe('word diff cut at shared runs', () => {
  // Paragraphs of the corpus reworded in several places (runs of words replaced by words of other
  // paragraphs, deleted, or inserted), as the benchmark does: enough places that the diff is cut.
  const pool = corpus.flatMap((r) => [...unitsOf(r).preamble, ...unitsOf(r).operative].map((u) => u.text)).filter((t) => t.split(' ').length >= 30);
  const rnd = mulberry32(7);
  const reword = (text: string, share: number) => {
    const words = text.split(' ');
    const out: string[] = [];
    for (let k = 0; k < words.length; k++) {
      if (rnd() >= share / 3) {
        out.push(words[k]!);
        continue;
      }
      const other = pool[Math.floor(rnd() * pool.length)]!.split(' ');
      const at = Math.floor(rnd() * other.length);
      const r = rnd();
      if (r < 0.4) out.push(...other.slice(at, at + 1 + Math.floor(rnd() * 4))); // replaced
      else if (r < 0.7) out.push(words[k]!, ...other.slice(at, at + 1 + Math.floor(rnd() * 3))); // inserted after
      k += Math.floor(rnd() * 3); // and a few words struck
    }
    return out.join(' ');
  };
  const cases = Array.from({ length: 120 }, (_, k) => {
    const a = pool[Math.floor(rnd() * pool.length)]!;
    return { a, b: reword(a, [0.1, 0.3, 0.5, 0.7][k % 4]!) };
  });

  it('finds as few token edits as a diff of the whole paragraph', () => {
    for (const { a, b } of cases) expect(editsOf(a, b)).toBe(leastEdits(a, b));
  });

  it('keeps both texts exactly', () => {
    for (const { a, b } of cases) {
      const segs = redline(a, b);
      expect(rebuild(segs, 'a')).toBe(a);
      expect(rebuild(segs, 'b')).toBe(b);
    }
  });

  it('is minimal when anchors each lie on a longest common subsequence but not all on the same one', () => {
    // Shared runs such as "of 22 December" and "of 20 December" each lie on some longest common
    // subsequence of these two, but not together: cut at both, the stretches needed one edit more.
    const a =
      'Recalling its resolutions 54/205 of 22 December 1999, 55/61 of 4 December 2000, 55/188 of 20 December 2000, 56/186 of 21 December 2001 and 57/244 of 20 December 2002, and recalling also its resolutions 58/205 of 23 December 2003, 59/242 of 22 December 2004, 60/207 of 22 December 2005, 61/209 of 20 December 2006, 62/202 of 19 December 2007, 63/226 of 19 December 2008, 64/237 of 24 December 2009, 65/169 of 20 December 2010, 67/189 and 67/192 of 20 December 2012, and all relevant Human Rights Council resolutions, including resolution 23/9 of 13 June 2013,';
    const b =
      'Reaffirming its resolutions 46/152 of 18 December 1991, 60/1 of 16 September 2005, 67/1 of 19 September 2012, 69/193 and 69/196 of 18 December 2014, 70/178 and 70/182 of 17 December 2015, 71/209 of 19 December 2016,';
    expect(editsOf(a, b)).toBe(leastEdits(a, b));
  });

  it('keeps unrelated paragraphs exact and minimal too', () => {
    for (let k = 0; k + 1 < 80; k += 2) {
      const [a, b] = [pool[(k * 37) % pool.length]!, pool[(k * 53 + 11) % pool.length]!];
      expect(editsOf(a, b)).toBe(leastEdits(a, b));
      expect(rebuild(redline(a, b), 'b')).toBe(b);
    }
  });
});

describe('a split whose second half was much reworded, beside its first half', () => {
  it('finds 2013 OP26 (cultural property) split into 2019 OP47 and OP48', () => {
    // 2013 OP26 "Urges States parties to use the Convention ... and invites States parties to
    // exchange information on all forms and aspects of trafficking in cultural property"; 2019 OP47
    // keeps the first half, OP48 "Encourages States parties ... to exchange information and
    // statistical data on all forms and aspects of trafficking in cultural property" the second.
    const al = alignVersions(bySymbol('A/C.3/68/L.18'), bySymbol('A/C.3/74/L.18/Rev.1'));
    expect(al.splits).toContainEqual(expect.objectContaining({ a: 'OP26', b: ['OP47', 'OP48'] }));
    const without = alignVersions(bySymbol('A/C.3/68/L.18'), bySymbol('A/C.3/74/L.18/Rev.1'), { partBesideThreshold: 1.01 });
    expect(without.pairs).toContainEqual(expect.objectContaining({ a: 'OP26', b: 'OP47' }));
  });
});
