/**
 * data/series/<slug>.json and data/index.json: the series JSON, the corpus
 * index and their JSON Schemas. Expectations come from reading content/ (see
 * also csv.test.ts, which follows the same paragraphs through the CSV).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { groupSeries } from '../../src/lib/series/group.ts';
import { seriesToJson, seriesToJsonText } from '../../src/lib/export/series-json.ts';
import { versionToJson } from '../../src/lib/export/version-json.ts';
import { dataIndex, dataIndexText, indexedFiles } from '../../src/lib/export/data-index.ts';
import { seriesSlugs, versionSlugs } from '../../src/lib/slug.ts';
import { corpus } from './helpers.ts';

const SERIES = 'strengthening-the-united-nations-crime-prevention-and-criminal-justice-programme';

const ajv = new Ajv2020({ allErrors: true, strict: true });
const validateSeries = ajv.compile(JSON.parse(readFileSync('src/lib/export/schema/series.schema.json', 'utf8')));
const validateIndex = ajv.compile(JSON.parse(readFileSync('src/lib/export/schema/index.schema.json', 'utf8')));

/** The corpus grouped as the site groups it (without content/series.json's overrides: the core's own grouping). */
function grouped() {
  const records = corpus();
  const slugs = versionSlugs(records);
  const { series } = groupSeries(records);
  const sSlugs = seriesSlugs(series.map((s) => s.id));
  return series.map((s, k) => ({
    slug: sSlugs[k]!,
    id: s.id,
    title: s.title,
    evidence: s.evidence,
    versions: s.versions.map((v) => {
      const record = records.find((r) => r.id === v.id)!;
      return { slug: slugs.get(record.id)!, record };
    }),
  }));
}

describe('series JSON', () => {
  const all = grouped().filter((s) => s.versions.length > 1);
  const crime = all.find((s) => s.id === SERIES)!;
  const json = seriesToJson(crime);

  it('validates against its schema for every series of several versions', () => {
    expect(all.length).toBeGreaterThan(3);
    const failures = all
      .map((s) => ({ slug: s.slug, ok: validateSeries(JSON.parse(seriesToJsonText(s))), errors: ajv.errorsText(validateSeries.errors) }))
      .filter((f) => !f.ok);
    expect(failures).toEqual([]);
  });

  it('the schema refuses an unknown key and a missing alignment field', () => {
    const copy = structuredClone(json) as unknown as Record<string, unknown> & { alignments: Record<string, unknown>[] };
    expect(validateSeries({ ...copy, extra: 1 })).toBe(false);
    delete copy.alignments[0]!.inserted;
    expect(validateSeries(copy)).toBe(false);
  });

  it('lists the versions in order with slug and label; the 2017 draft without symbol is labelled by its record id', () => {
    expect(json.versions.map((v) => v.symbol)).toEqual(['A/C.3/68/L.18', 'A/C.3/68/L.18/Rev.1', null, 'A/C.3/74/L.18/Rev.1', 'A/C.3/75/L.8/Rev.1', 'A/RES/76/187'].slice(0, json.versions.length));
    const draft = json.versions.find((v) => v.symbol === null)!;
    expect(draft).toMatchObject({ slug: 'ga72-2017-draft-resolution-1', label: 'ga72-2017-draft-resolution/1', stage: 'draft', date: '2017-10-13' });
    expect(json.alignments).toHaveLength(json.versions.length - 1);
    expect(json.lineages.map((l) => l.slug)).toEqual(json.versions.map((v) => v.slug));
    json.alignments.forEach((al, k) => {
      expect([al.from, al.to]).toEqual([json.versions[k]!.slug, json.versions[k + 1]!.slug]);
      expect([al.a, al.b]).toEqual([json.versions[k]!.label, json.versions[k + 1]!.label]);
    });
  });

  // Line 324 of the 2013 report: L.18 OP23 "*Urges* Member States, and requests the United Nations Office on
  // Drugs and Crime, ... to continue strengthening the regular collection"; line 1547: Rev.1 OP25 "*Invites*
  // Member States, and requests ..." with the same words: renumbered, and the verb weakened.
  it('holds the alignment as compare prints it: L.18 OP23 → Rev.1 OP25, Urges → Invites, weaker', () => {
    const pair = json.alignments[0]!.pairs.find((p) => p.a === 'OP23')!;
    expect(pair).toMatchObject({ b: 'OP25', change: 'edited', edited: true, verb: { from: 'Urges', to: 'Invites', direction: 'weaker' } });
    expect(pair.similarity).toBeGreaterThan(0.5);
    const lineage = json.lineages[1]!.paragraphs.find((p) => p.id === 'OP25')!;
    expect(lineage).toMatchObject({ ancestor: 'OP23', ancestors: ['OP23'], firstAppeared: 'A/C.3/68/L.18', lastChanged: 'A/C.3/68/L.18/Rev.1' });
    // The stretches count the characters of OP25's text in the version file: together, all of it.
    const rev1 = crime.versions[1]!;
    const text = [...(versionToJson(rev1.record, rev1.slug).operative.find((p) => p.id === 'OP25')!.text)];
    expect(text.join('')).toMatch(/^Invites Member States, and requests the United Nations Office on Drugs and Crime/);
    expect(lineage.blame.reduce((n, b) => n + b.chars, 0)).toBe(text.length);
    // The first stretch holds the new verb, brought by Rev.1; what follows is L.18's words.
    expect(lineage.blame[0]).toMatchObject({ version: 'A/C.3/68/L.18/Rev.1' });
    expect(text.slice(0, lineage.blame[0]!.chars).join('')).toContain('Invites');
    expect(lineage.blame.some((b) => b.version === 'A/C.3/68/L.18')).toBe(true);
  });

  it('counts a stretch in code points, so that a character outside the BMP is one', () => {
    const r = crime.versions[0]!.record;
    const tree = structuredClone(r.tree);
    // The first text of the first operative paragraph gets a mathematical capital (two UTF-16 units) in front.
    type Node = { type: string; value?: string; children?: Node[] };
    const firstText = (n: Node): Node | undefined => (n.type === 'text' ? n : n.children?.map(firstText).find(Boolean));
    const first = firstText(tree.children.find((c) => c.type === 'operativePart')! as Node)!;
    first.value = `𝐔${first.value}`;
    const one = { ...crime, versions: [{ slug: crime.versions[0]!.slug, record: { ...r, tree } }] };
    const blame = seriesToJson(one).lineages[0]!.paragraphs.find((p) => p.id === 'OP1')!.blame;
    const text = versionToJson(one.versions[0]!.record, one.versions[0]!.slug).operative[0]!.text;
    expect(blame.reduce((n, b) => n + b.chars, 0)).toBe([...text].length);
    expect([...text].length).toBe(text.length - 1);
  });

  it('is byte-identical from one run to the next', () => {
    expect(seriesToJsonText(crime)).toBe(seriesToJsonText(grouped().find((s) => s.id === SERIES)!));
  });
});

describe('data index', () => {
  const series = grouped().filter((s) => s.versions.length > 1);
  const seriesOf = new Map(series.flatMap((s) => s.versions.map((v) => [v.record.id, s.slug] as const)));
  const slugs = versionSlugs(corpus());
  const input = {
    series: series.map((s) => ({ slug: s.slug, id: s.id, title: s.title, versions: s.versions.map((v) => v.slug) })),
    // Given in reverse: the index puts versions in corpus order whatever order it is given.
    versions: [...corpus()].reverse().map((record) => ({ slug: slugs.get(record.id)!, series: seriesOf.get(record.id) ?? null, record })),
  };
  const index = dataIndex(input);

  it('validates against its schema and lists every version once, in corpus order', () => {
    expect(validateIndex(JSON.parse(dataIndexText(input)))).toBe(true);
    expect(index.versions.map((v) => v.id)).toEqual(corpus().map((r) => r.id));
    expect(new Set(index.versions.map((v) => v.slug)).size).toBe(30);
  });

  it('gives each version its files and page under one slug, relative to the site base', () => {
    const v = index.versions.find((x) => x.symbol === 'A/RES/76/187')!;
    expect(v).toMatchObject({
      slug: 'a-res-76-187',
      page: 'versions/a-res-76-187/',
      files: { json: 'data/versions/a-res-76-187.json', akn: 'data/versions/a-res-76-187.akn.xml' },
    });
    expect(v.series).toBe(SERIES);
    const files = indexedFiles(index);
    expect(files.every((f) => f.startsWith('data/') && !f.includes('..'))).toBe(true);
    expect(new Set(files).size).toBe(files.length);
    expect(files).toHaveLength(3 + 2 * series.length + 2 * 30);
  });
});
