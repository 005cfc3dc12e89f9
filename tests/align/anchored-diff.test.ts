/**
 * The word diff given to jsdiff in stretches (diff/redline.ts, `diffAnchored`),
 * its tokenizer, and the split found beside a sibling that leaves its whole
 * half unexplained (align.ts, `partBesideThreshold`).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBytes, type ResolutionRecord } from '../../src/lib/index.ts';
import { alignVersions } from '../../src/lib/align/align.ts';
import { unitsOf } from '../../src/lib/align/units.ts';
import { rawHunks, rawHunksUncut, redline, TOKEN, tokensOf } from '../../src/lib/diff/redline.ts';
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

describe('word diff in stretches', () => {
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
  const reworded = Array.from({ length: 160 }, (_, k) => {
    const a = pool[Math.floor(rnd() * pool.length)]!;
    return { a, b: reword(a, [0.1, 0.3, 0.5, 0.7][k % 4]!) };
  });
  // Unrelated paragraphs: many ways to align them equally well.
  const unrelated = Array.from({ length: 60 }, (_, k) => ({ a: pool[(k * 37) % pool.length]!, b: pool[(k * 53 + 11) % pool.length]! }));
  // Successive versions of the crime programme resolution, paired by the aligner.
  const real = (() => {
    const x = bySymbol('A/C.3/75/L.8/Rev.1');
    const y = bySymbol('A/RES/76/187');
    const text = (r: ResolutionRecord, id: string) => [...unitsOf(r).preamble, ...unitsOf(r).operative].find((u) => u.id === id)?.text ?? '';
    return alignVersions(x, y).pairs.map((p) => ({ a: text(x, p.a), b: text(y, p.b) }));
  })();

  it('gives the same hunks as jsdiff given the whole paragraph', () => {
    for (const { a, b } of [...reworded, ...unrelated, ...real]) expect(rawHunks(a, b)).toEqual(rawHunksUncut(a, b));
  });

  it('finds as few token edits as can be', () => {
    for (const { a, b } of [...reworded, ...unrelated]) expect(editsOf(a, b)).toBe(leastEdits(a, b));
  });

  it('keeps both texts exactly', () => {
    for (const { a, b } of reworded) {
      const segs = redline(a, b);
      expect(rebuild(segs, 'a')).toBe(a);
      expect(rebuild(segs, 'b')).toBe(b);
    }
  });

  it('keeps the case of words when told to compare without it', () => {
    const a = 'Requests the Secretary-General to Report to the General Assembly at its seventy-sixth session;';
    const b = 'Also requests the secretary-general to report to the Assembly at its seventy-seventh session, as appropriate;';
    const hunks = rawHunks(a, b, { ignoreCase: true });
    expect(hunks).toEqual(rawHunksUncut(a, b, { ignoreCase: true }));
    expect(hunks.map((h) => ('equal' in h ? h.equal : h.delete)).join('')).toBe(a);
    expect(hunks.map((h) => ('equal' in h ? h.equal : h.insert)).join('')).toBe(b);
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
