/**
 * The second-pass alignment (splits whose parts were both reworded, moved
 * paragraphs found by mutual best match) and the word-diff limit.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBytes, type ResolutionRecord } from '../../src/lib/index.ts';
import { alignUnits, alignVersions } from '../../src/lib/align/align.ts';
import { citationsOf, unitsOf, type Unit, type VersionUnits } from '../../src/lib/align/units.ts';
import { MAX_DIFF_WORDS, rawHunks, redline } from '../../src/lib/diff/redline.ts';

const dir = join(import.meta.dirname, '..', '..', 'content');
const corpus: ResolutionRecord[] = readdirSync(dir)
  .filter((f) => /\.(txt|md)$/.test(f))
  .sort()
  .flatMap((f) => parseBytes(readFileSync(join(dir, f)), `content/${f}`).resolutions);
const bySymbol = (s: string) => corpus.find((r) => r.symbol === s)!;

const unit = (u: Unit, id: string, index: number, text: string): Unit => ({ ...u, id, index, text, fullText: text, citations: citationsOf(text), subparagraphs: [] });
const rebuild = (segs: ReturnType<typeof redline>, side: 'a' | 'b') =>
  segs.filter((s) => s.kind === 'equal' || s.kind === (side === 'a' ? 'delete' : 'insert')).map((s) => s.text).join('');

describe('splits and moves found in the second pass', () => {
  const a = unitsOf(bySymbol('A/C.3/75/L.8/Rev.1'));

  it('finds a split whose two halves were both reworded, so that neither pairs alone', () => {
    // 2020 OP3 is one long request ("Requests the United Nations Office on Drugs and Crime ... and
    // in this regard ..."). Cut it at the comma before "and in this regard", and reword each half a
    // little, as a drafter splitting it would: neither half is similar enough to the whole to be taken
    // for it, but each is found inside it and they sit side by side.
    const op = a.operative.map((u) => ({ ...u }));
    const k = op.findIndex((u) => u.text.length > 400 && u.text.includes(', and '));
    const whole = op[k]!.text;
    const cut = whole.indexOf(', and ', whole.length / 3);
    const first = `${whole.slice(0, cut).replace('Requests', 'Further requests')};`;
    const second = `Also ${whole.slice(cut + 6).replace(/;$/, '')}, as appropriate;`;
    const bOp = [...op.slice(0, k), unit(op[k]!, `OP${k + 1}`, k, first), unit(op[k]!, `OP${k + 2}`, k + 1, second), ...op.slice(k + 1).map((u, x) => unit(u, `OP${k + 3 + x}`, k + 2 + x, u.text))];
    const b: VersionUnits = { ...a, operative: bOp };
    const al = alignUnits(a, b);
    expect(al.splits).toContainEqual(expect.objectContaining({ a: `OP${k + 1}`, b: [`OP${k + 1}`, `OP${k + 2}`] }));
    expect(al.inserted).toEqual([]);
    expect(al.deleted).toEqual([]);
  });

  it('pairs a paragraph that was both moved far and heavily reworded, when each is the other\'s clear best match', () => {
    // The last preambular paragraph moved to the top, with a third of its words replaced by new phrases.
    const pp = a.preamble;
    const last = pp[pp.length - 1]!;
    const words = last.text.split(' ');
    const third = Math.floor(words.length / 3);
    const reworded = [...words.slice(0, third), 'in the light of the pandemic', ...words.slice(2 * third)].join(' ');
    const bPp = [unit(last, 'PP1', 0, reworded), ...pp.slice(0, -1).map((u, x) => unit(u, `PP${x + 2}`, x + 1, u.text))];
    const al = alignUnits(a, { ...a, preamble: bPp });
    expect(al.pairs.find((p) => p.a === last.id)).toMatchObject({ b: 'PP1', change: 'moved' });
  });
});

describe('word diff', () => {
  it('keeps both texts exactly on every aligned pair of the crime programme 2020 → 2021', () => {
    // jsdiff's diffWords lost a space in some pairs ("removalof organs"); the token diff keeps both sides.
    const x = bySymbol('A/C.3/75/L.8/Rev.1');
    const y = bySymbol('A/RES/76/187');
    const ux = unitsOf(x);
    const uy = unitsOf(y);
    const text = (v: VersionUnits, id: string) => [...v.preamble, ...v.operative].find((u) => u.id === id)!.text;
    for (const p of alignVersions(x, y).pairs) {
      const a = text(ux, p.a);
      const b = text(uy, p.b);
      const segs = redline(a, b);
      expect(rebuild(segs, 'a')).toBe(a);
      expect(rebuild(segs, 'b')).toBe(b);
    }
  });

  it(`shows a paragraph beyond ${MAX_DIFF_WORDS} words as replaced between the words kept at its ends`, () => {
    // The fallback itself is the guarantee (one replacement, no word diff); its speed is the benchmark's business.
    const body = (seed: number) => Array.from({ length: MAX_DIFF_WORDS + 500 }, (_, k) => `w${(k * seed) % 7919}`).join(' ');
    const a = `Requests the Secretary-General ${body(3)} at its seventy-seventh session;`;
    const b = `Requests the Secretary-General ${body(5)} at its seventy-seventh session;`;
    const hunks = rawHunks(a, b);
    expect(hunks.filter((h) => 'delete' in h)).toHaveLength(1);
    expect(hunks[0]).toEqual({ equal: 'Requests the Secretary-General w0 ' });
    const segs = redline(a, b);
    expect(rebuild(segs, 'a')).toBe(a);
    expect(rebuild(segs, 'b')).toBe(b);
  });
});
