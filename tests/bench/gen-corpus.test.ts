/**
 * The corpus generator of the benchmark (scripts/gen-corpus.ts): determinism,
 * and that the core reads back what it wrote. Never timing.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate, ordinalWord, writeCorpus } from '../../scripts/gen-corpus.ts';
import { loadCorpus } from '../../src/lib/ingest/corpus.ts';
import { groupSeries } from '../../src/lib/series/group.ts';
import { ordinalValue } from '../../src/lib/diff/classify.ts';

describe('gen-corpus', () => {
  it('spells ordinals the way the core reads them', () => {
    for (let n = 1; n < 100; n++) expect(ordinalValue(ordinalWord(n))).toBe(n);
    expect(ordinalWord(76)).toBe('seventy-sixth');
  });

  it('is deterministic for a seed, and differs between seeds', () => {
    const a = generate({ versions: 40, seed: 7 });
    const b = generate({ versions: 40, seed: 7 });
    const c = generate({ versions: 40, seed: 8 });
    expect([...a.files.keys()]).toEqual([...b.files.keys()]);
    for (const [name, text] of a.files) expect(b.files.get(name)).toBe(text);
    expect([...c.files.values()].join('\n')).not.toBe([...a.files.values()].join('\n'));
  });

  it('writes series of 5 to 30 versions, in the three formats, with the versions asked for', () => {
    const r = generate({ versions: 300, seed: 3 });
    expect(r.series.reduce((n, s) => n + s.versions.length, 0)).toBe(300);
    for (const s of r.series.slice(0, -1)) {
      expect(s.versions.length).toBeGreaterThanOrEqual(5);
      expect(s.versions.length).toBeLessThanOrEqual(30);
    }
    const names = [...r.files.keys()];
    expect(names.some((f) => /-resolution-\d+-\d+\./.test(f))).toBe(true);
    expect(names.some((f) => /-draft-resolution-l\d+\./.test(f))).toBe(true);
    expect(names.some((f) => /-rev1\./.test(f))).toBe(true);
    expect(names.some((f) => /third-committee-report/.test(f) && (r.files.get(f)!.match(/^Draft resolution [IVX]+$/gm) ?? []).length > 1)).toBe(true);
  });

  it('moves session ordinals, resolution numbers and years forward along a series', () => {
    const r = generate({ versions: 120, seed: 5 });
    const s = r.series.find((x) => x.versions[x.versions.length - 1]!.session - x.versions[0]!.session >= 4)!;
    const first = s.versions[0]!;
    const last = s.versions[s.versions.length - 1]!;
    const text = (v: typeof first) => r.files.get(v.file)!;
    expect(text(last)).toMatch(new RegExp(`\\b${last.session}/\\d+`));
    expect(text(first)).not.toMatch(new RegExp(`\\b${last.session}/\\d+`));
  });

  it('is read back by the parser: every version, its paragraphs, and most series', () => {
    const dir = mkdtempSync(join(tmpdir(), 'palimpsest-gen-'));
    try {
      const written = writeCorpus(dir, { versions: 80, seed: 11 });
      expect(readdirSync(dir).filter((f) => /\.(txt|md)$/.test(f)).length).toBe(written.files.size);
      const truth = JSON.parse(readFileSync(join(dir, '.palimpsest-gen.json'), 'utf8')) as { series: typeof written.series };
      expect(truth.series).toEqual(written.series);
      const corpus = loadCorpus(dir);
      const records = corpus.documents.flatMap((d) => d.resolutions);
      expect(records.length).toBe(80);
      expect(corpus.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
      const byKey = new Map(records.map((r) => [`${r.source.replace(/^.*\//, '')}#${r.position}`, r]));
      for (const s of written.series)
        for (const v of s.versions) {
          const r = byKey.get(`${v.file}#${v.position}`)!;
          expect(r, v.file).toBeDefined();
          expect(r.symbol).toBe(v.symbol);
          expect(r.stage).toBe(v.stage);
          expect(r.session).toBe(v.session);
          expect(r.title).toBe(v.title);
          const tree = r.tree.children;
          const pp = tree.find((c) => c.type === 'preamble')?.children.length ?? 0;
          const op = tree.find((c) => c.type === 'operativePart')?.children.length ?? 0;
          expect([pp, op], `${v.file} ${v.position}`).toEqual([v.preamble, v.operative]);
        }
      // Series grouping recovers most series exactly.
      const grouping = groupSeries(records);
      const groupOf = new Map<string, number>();
      grouping.series.forEach((g, k) => g.versions.forEach((v) => groupOf.set(v.id, k)));
      const idOf = (v: (typeof written.series)[0]['versions'][0]) => byKey.get(`${v.file}#${v.position}`)!.id;
      let exact = 0;
      for (const s of written.series) {
        const groups = new Set(s.versions.map((v) => groupOf.get(idOf(v))));
        if (groups.size === 1 && grouping.series[[...groups][0]!]!.versions.length === s.versions.length) exact++;
      }
      expect(exact / written.series.length).toBeGreaterThanOrEqual(0.8);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
