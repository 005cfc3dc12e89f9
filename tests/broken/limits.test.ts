/**
 * The stated limits (issue 7), enforced where the build meets them:
 * - a document over MAX_DOCUMENT_BYTES is refused (tests/broken/files.test.ts);
 * - a paragraph whose changed middle is over MAX_DIFF_WORDS words is not
 *   word-diffed: alignVersions shows it as replaced (one deletion, one
 *   insertion, between the words kept at its ends), and both texts survive.
 * No timing is asserted: the fallback itself is.
 */
import { describe, expect, it } from 'vitest';
import { parseBytes } from '../../src/lib/index.ts';
import { alignVersions } from '../../src/lib/align/align.ts';
import { MAX_DIFF_WORDS } from '../../src/lib/diff/redline.ts';
import { MAX_DOCUMENT_BYTES } from '../../src/lib/ingest/decode.ts';
import { readableText } from '../../src/lib/text.ts';
import { operativeOf } from '../../src/lib/export/parse-json.ts';

/** Words of real paragraphs (content/ga76-2021-resolution-76-187.txt, OP74), in an order set by `step`. */
const VOCAB = 'Takes note of the global studies on the smuggling of migrants trafficking in persons firearms and intentional homicide including gender-related killing women girls that have been produced by United Nations Office Drugs Crime thus provide data-driven analyses support policy development at national international levels requests to continue develop close cooperation with Member States technical methodological tools trend'.split(' ');
const body = (step: number, n: number) => Array.from({ length: n }, (_, k) => VOCAB[(k * step) % VOCAB.length]).join(' ');

function version(op2: string, symbol: string): ReturnType<typeof parseBytes>['resolutions'][number] {
  const text = [
    `${symbol}. Strengthening the archives`,
    '',
    'The General Assembly,',
    '',
    'Recalling its resolution 70/1 of 25 September 2015,',
    '',
    '1. *Requests* the Secretary-General to report at its next session;',
    '',
    `2. *Decides* ${op2};`,
    '',
    '3. *Decides* to remain seized of the matter.',
    '',
  ].join('\n');
  const doc = parseBytes(new TextEncoder().encode(text), `${symbol.replace('/', '-')}.txt`);
  expect(doc.resolutions).toHaveLength(1);
  return doc.resolutions[0]!;
}

describe('limits', () => {
  it('states them as exported constants', () => {
    expect(MAX_DOCUMENT_BYTES).toBe(16 * 1024 * 1024);
    expect(MAX_DIFF_WORDS).toBeGreaterThan(500);
  });

  it(`shows a paragraph beyond ${MAX_DIFF_WORDS} changed words as replaced, in alignVersions, keeping both texts`, () => {
    const n = MAX_DIFF_WORDS + 200;
    const a = version(`that the archive holds ${body(3, n)} at the end`, '79/1');
    const b = version(`that the archive holds ${body(7, n)} at the end`, '80/1');
    const al = alignVersions(a, b, { redline: true });
    const pair = al.pairs.find((p) => p.b === 'OP2')!;
    expect(pair).toMatchObject({ a: 'OP2', change: 'edited' });
    const segs = pair.redline!;
    // One replacement between the words kept at the ends: no word-by-word diff.
    expect(segs.filter((s) => s.kind === 'delete')).toHaveLength(1);
    expect(segs.filter((s) => s.kind === 'insert')).toHaveLength(1);
    expect(segs[0]).toMatchObject({ kind: 'equal' });
    expect(segs[0]!.text.startsWith('Decides that the archive holds')).toBe(true);
    expect(segs[segs.length - 1]!.kind).toBe('equal');
    const textOf = (r: typeof a) => readableText(operativeOf(r.tree)[1]!.children);
    const rebuild = (side: 'delete' | 'insert') => segs.filter((s) => s.kind === 'equal' || s.kind === side).map((s) => s.text).join('');
    expect(rebuild('delete')).toBe(textOf(a));
    expect(rebuild('insert')).toBe(textOf(b));
    // The paragraphs below the limit are still word-diffed as usual.
    expect(al.pairs.find((p) => p.b === 'OP1')).toMatchObject({ change: 'unchanged' });
  });

  it(`word-diffs a paragraph just under the limit (the fallback is for the limit only)`, () => {
    const n = Math.floor(MAX_DIFF_WORDS / 4);
    const words = body(3, n).split(' ');
    const changed = [...words];
    changed[Math.floor(n / 2)] = 'archives';
    changed[Math.floor(n / 3)] = 'records';
    const a = version(`that ${words.join(' ')} at the end`, '79/1');
    const b = version(`that ${changed.join(' ')} at the end`, '80/1');
    const segs = alignVersions(a, b, { redline: true }).pairs.find((p) => p.b === 'OP2')!.redline!;
    expect(segs.filter((s) => s.kind === 'insert').map((s) => s.text.trim())).toEqual(['records', 'archives']);
  });
});
