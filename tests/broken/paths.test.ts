/**
 * Unsafe file names: symbols, titles and file names that would make an unsafe
 * path (slashes, dots, "..", very long, non-Latin) give safe, unique, bounded
 * slugs (src/site/slug.ts for the site, src/lib/export/version-json.ts for the
 * CLI's export), and no output path of the site can leave dist/.
 */
import { existsSync, lstatSync, readdirSync, realpathSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_SERIES_SLUG, MAX_SLUG, safeSlug, seriesSlugs, versionSlugs } from '../../src/lib/slug.ts';
import { uniqueSlugs } from '../../src/lib/export/version-json.ts';
import { siteCorpus } from '../../src/site/corpus.ts';
import { ROOT } from './helpers.ts';

const HOSTILE = [
  '../../etc/passwd',
  '..',
  '.',
  '/',
  '\\..\\..\\windows',
  'A/RES/80/../../../x',
  'a/b/c',
  '.hidden',
  'con',
  'x'.repeat(5000),
  `A/C.3/79/L.${'9'.repeat(300)}`,
  'Резолюция о защите архивов',
  'القرار المتعلق بحماية المحفوظات',
  '保护档案的决议',
  '🙂🙂🙂',
  '',
  ' ',
  'a\u0000b',
  'a\nb',
  '%2e%2e%2f',
  'A/RES/76/187',
  'a-res-76-187',
  'A-RES-76-187',
];

const SAFE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

describe('slugs from hostile text', () => {
  it('src/lib/slug.ts safeSlug: lower-case ASCII letters, digits and single hyphens, bounded', () => {
    for (const t of HOSTILE) {
      const s = safeSlug(t);
      expect(s, JSON.stringify(t)).toMatch(SAFE);
      expect(s.length, JSON.stringify(t)).toBeLessThanOrEqual(MAX_SLUG);
    }
  });

  it('src/lib/slug.ts versionSlugs: safe and unique, whatever the symbols and ids', () => {
    const records = HOSTILE.flatMap((t, k) => [
      { id: `file-${k}/1`, symbol: t },
      { id: `file-${k}/2`, symbol: t },
      { id: `${t}/1`, symbol: null },
    ]);
    const slugs = versionSlugs(records);
    const values = [...slugs.values()];
    for (const s of values) {
      expect(s).toMatch(SAFE);
      expect(s.length).toBeLessThanOrEqual(MAX_SLUG);
    }
    expect(new Set(values).size).toBe(records.length);
  });

  it('src/lib/slug.ts seriesSlugs: safe and unique, whatever the series ids', () => {
    const ids = [...HOSTILE, ...HOSTILE, 'x'.repeat(500), 'x'.repeat(501)];
    const slugs = seriesSlugs(ids);
    for (const s of slugs) {
      expect(s).toMatch(SAFE);
      expect(s.length).toBeLessThanOrEqual(MAX_SERIES_SLUG);
    }
    expect(new Set(slugs).size).toBe(ids.length);
  });

  it('src/lib/slug.ts seriesSlugs: unique also when one id is another\'s slug plus "-2"', () => {
    // "a", "a", "a-2": the second "a" becomes "a-2", and so does the third id.
    const slugs = seriesSlugs(['a', 'a', 'a-2']);
    expect(new Set(slugs).size).toBe(3);
  });

  it('src/lib/export/version-json.ts uniqueSlugs (the CLI\'s names): safe and unique', () => {
    for (const t of HOSTILE) expect(safeSlug(t), JSON.stringify(t)).toMatch(SAFE);
    const records = HOSTILE.flatMap((t, k) => [
      { id: `file-${k}/1`, symbol: t },
      { id: `file-${k}/2`, symbol: t },
      { id: `${t}/1`, symbol: null },
      { id: `x/${k}`, symbol: `${safeSlug(t)}-2` },
    ]);
    const slugs = uniqueSlugs(records);
    for (const s of slugs) expect(s).toMatch(SAFE);
    expect(new Set(slugs).size).toBe(records.length);
  });
});

describe('no output path leaves dist/', () => {
  const dist = join(ROOT, 'dist');
  const under = (p: string) => resolve(p).startsWith(dist + sep);

  it('every page path the site makes from the real corpus is under dist/', () => {
    process.env.PALIMPSEST_CACHE ??= 'off';
    const site = siteCorpus(join(ROOT, 'content'));
    const versions = [...site.slugs.values()];
    const paths = [
      ...versions.flatMap((v) => [join(dist, 'versions', v, 'index.html'), join(dist, 'data', 'versions', `${v}.json`), join(dist, 'data', 'versions', `${v}.akn.xml`)]),
      ...site.seriesSlugs.flatMap((s) => [
        join(dist, 'series', s, 'index.html'),
        join(dist, 'series', s, 'history', 'index.html'),
        join(dist, 'data', 'series', `${s}.json`),
        join(dist, 'data', 'series', `${s}.csv`),
        ...versions.map((v) => join(dist, 'series', s, 'compare', `${v}..${v}`, 'index.html')),
      ]),
    ];
    expect(paths.length).toBeGreaterThan(10);
    expect(paths.filter((p) => !under(p))).toEqual([]);
    for (const s of [...versions, ...site.seriesSlugs]) expect(s).toMatch(SAFE);
  });

  it('every file of the built dist/ (when built) is a real file under dist/, reached by no link that leaves it', () => {
    if (!existsSync(dist)) return;
    const outside: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const p = join(dir, name);
        if (lstatSync(p).isSymbolicLink() || !realpathSync(p).startsWith(realpathSync(dist) + sep)) outside.push(p);
        else if (lstatSync(p).isDirectory()) walk(p);
      }
    };
    walk(dist);
    expect(outside).toEqual([]);
  });
});
