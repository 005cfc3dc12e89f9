/**
 * Check a draft against agreed language (src/lib/check/agreed.ts), on the
 * seeds: each later version of a series, checked against the corpus without
 * itself and without the versions after it, finds for every paragraph that
 * the earlier version carries (the alignment the project computes says
 * which) that paragraph among its sources; paragraphs it adds come out new,
 * or modified from another resolution where that one says nearly the same.
 */
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/lib/ingest/corpus.ts';
import { groupSeries } from '../../src/lib/series/group.ts';
import { alignVersions } from '../../src/lib/align/align.ts';
import { checkRecord } from '../../src/lib/check/agreed.ts';
import { shingles, wordsOf } from '../../src/lib/check/words.ts';
import { wordSimilarity } from '../../src/lib/check/similarity.ts';
import { buildCheckIndex } from '../../src/lib/check/corpus.ts';
import { main } from '../../src/cli/main.ts';
import { uniqueSlugs } from '../../src/lib/export/version-json.ts';

const records = loadCorpus(new URL('../../content', import.meta.url).pathname).documents.flatMap((d) => d.resolutions);
const index = buildCheckIndex(records);
const slugs = uniqueSlugs(records);
const slugOf = new Map(records.map((r, i) => [r.id, slugs[i]!]));
const bySymbol = (s: string) => records.find((r) => r.symbol === s)!;
const series = groupSeries(records).series.filter((s) => s.versions.length > 1);

describe('words, shingles and similarity', () => {
  it('compares words only: case, punctuation and footnote calls aside', () => {
    expect(wordsOf('Recalling also its resolution 74/177 of 18 December 2019,')).toEqual(['recalling', 'also', 'its', 'resolution', '74', '177', 'of', '18', 'december', '2019']);
    expect(wordSimilarity(wordsOf('Urges Member States to act;'), wordsOf('urges member states to act.'))).toBe(1);
    expect(wordSimilarity(wordsOf('a b c d'), wordsOf('a b x d'))).toBe(0.75);
    expect(shingles(wordsOf('one two three'))).toHaveLength(1);
    expect(shingles(wordsOf('one two three four five six'))).toHaveLength(2);
  });
});

describe('each later version of the seeds against the corpus before it', () => {
  const steps = series.flatMap((s) => s.versions.slice(1).map((v, k) => ({ s, a: s.versions[k]!, b: v, k: k + 1 })));
  it('has steps to check', () => expect(steps.length).toBeGreaterThan(5));
  it.each(steps.map((st) => [`${st.a.symbol ?? st.a.id} → ${st.b.symbol ?? st.b.id}`, st] as const))('%s: every paragraph the earlier version carries word for word is agreed or modified with that paragraph among its sources', (_, st) => {
    const a = records.find((r) => r.id === st.a.id)!;
    const b = records.find((r) => r.id === st.b.id)!;
    const later = new Set(st.s.versions.slice(st.k).map((v) => slugOf.get(v.id)!));
    const result = checkRecord(b, index, { exclude: later });
    const checked = new Map(result.paragraphs.map((p) => [p.id, p]));
    const same = alignVersions(a, b).pairs.filter((p) => !p.a.startsWith('FN') && !p.edited);
    for (const p of same) {
      const c = checked.get(p.b)!;
      expect(c.status, p.b).not.toBe('new');
      expect(c.sources[0]!.similarity, p.b).toBe(1);
      expect(c.sources.some((src) => src.paragraph === p.a && src.version === slugOf.get(a.id)), `${p.b} should find ${p.a} of ${a.symbol ?? a.id}`).toBe(true);
    }
  });
});

describe('A/C.3/74/L.18/Rev.1 (2019) → A/C.3/75/L.8/Rev.1 (2020), read side by side', () => {
  const b = bySymbol('A/C.3/75/L.8/Rev.1');
  const result = checkRecord(b, index, { before: b.date });
  const of = (id: string) => result.paragraphs.find((p) => p.id === id)!;
  it('PP2, unchanged from 2019, is agreed language, with the 2019 text among its sources', () => {
    expect(of('PP2').status).toBe('agreed');
    expect(of('PP2').sources.some((s) => s.symbol === 'A/C.3/74/L.18/Rev.1' && s.paragraph === 'PP2' && s.similarity === 1)).toBe(true);
  });
  it('OP9, whose sessions changed ("eighth session" → "eighth and ninth sessions"), is modified, its best source the 2019 OP9', () => {
    expect(of('OP9').status).toBe('modified');
    expect(of('OP9').sources[0]).toMatchObject({ symbol: 'A/C.3/74/L.18/Rev.1', paragraph: 'OP9' });
    expect(of('OP9').sources[0]!.similarity).toBeLessThan(1);
  });
  it('the paragraphs 2020 added are new, but PP4, on the Kyoto Congress, which A/C.3/74/L.3 PP6 already announced in nearly the same words', () => {
    for (const id of ['PP12', 'PP15', 'PP23', 'PP28', 'OP59']) expect(of(id).status, id).toBe('new');
    // "… decided to hold the Fourteenth United Nations Congress … in Kyoto, Japan, from 7 to 12 March 2021, with pre-Congress
    // consultations to be held on 6 March 2021" against L.3's "… decided to hold the Fourteenth Congress in Kyoto, Japan, from 20 to
    // 27 April 2020, with pre-Congress consultations to be held on 19 April 2020".
    expect(of('PP4').status).toBe('modified');
    expect(of('PP4').sources[0]).toMatchObject({ symbol: 'A/C.3/74/L.3', paragraph: 'PP6' });
  });
  it('counts each kind', () => {
    expect(result.summary.agreed + result.summary.modified + result.summary.new).toBe(result.paragraphs.length);
    expect(result.summary.new).toBe(5);
  });
});

describe('palimpsest check', () => {
  const run = async (...argv: string[]) => {
    let out = '';
    let err = '';
    const code = await main(argv, { out: (t) => { out += t; }, err: (t) => { err += t; } });
    return { code, out, err };
  };
  it('prints the JSON the issue names, and leaves the identical version of the corpus out of the sources', async () => {
    const { code, out } = await run('check', 'content/ga76-2021-resolution-76-187.txt', '--json');
    expect(code).toBe(0);
    const json = JSON.parse(out) as { paragraphs: { id: string; status: string; sources: { symbol: string | null; version: string; paragraph: string; similarity: number }[] }[] };
    expect(json.paragraphs[0]!.id).toBe('PP1');
    expect(json.paragraphs.every((p) => ['agreed', 'modified', 'new'].includes(p.status))).toBe(true);
    expect(json.paragraphs.flatMap((p) => p.sources).some((s) => s.version === 'a-res-76-187')).toBe(false);
    for (const p of json.paragraphs) expect(p.sources.map((s) => s.similarity)).toEqual([...p.sources.map((s) => s.similarity)].sort((x, y) => y - x));
  });
  it('names the file when it cannot be read, and asks for one file', async () => {
    expect((await run('check', 'no-such-file.txt')).code).toBe(1);
    expect((await run('check')).code).toBe(2);
  });
});

describe('phrases and verbs of 76/187, against the corpus without it', () => {
  const b = bySymbol('A/RES/76/187');
  const result = checkRecord(b, index);
  const of = (id: string) => result.paragraphs.find((p) => p.id === id)!;
  it('PP2 "Reaffirming also its resolutions relating to the urgent need to strengthen international cooperation …" was first carried in 2013 (2013 report, line 1379)', () => {
    const first = of('PP2').phrases[0]!;
    expect(first.text.startsWith('Reaffirming also its resolutions relating to the urgent need to strengthen international cooperation')).toBe(true);
    expect(first.words).toBeGreaterThanOrEqual(8);
    expect(first.source.year).toBe(2013);
  });
  it('OP70 "Notes the results of the eighth meeting of the Working Group on Firearms" was OP59 "Welcomes the results of the seventh meeting" in 2020: a weaker verb', () => {
    expect(of('OP70').sources[0]).toMatchObject({ symbol: 'A/C.3/75/L.8/Rev.1', paragraph: 'OP59' });
    expect(of('OP70').verb).toEqual({ from: 'Welcomes', to: 'Notes', direction: 'weaker' });
    expect(result.summary.weaker).toBeGreaterThanOrEqual(1);
  });
  it('a phrase shorter than eight words is not reported', () => {
    for (const p of result.paragraphs) for (const ph of p.phrases) expect(ph.words).toBeGreaterThanOrEqual(8);
  });
});
