/**
 * The open-data files of the built site (dist/data/, issue 8): every version
 * has its .json and .akn.xml and they validate (JSON Schema; xmllint against
 * the OASIS schema, as akn.test.ts does), every series of several versions
 * has its .json and .csv, data/index.json lists every file and every file it
 * lists exists, and the download links of the version and series pages (and
 * of the /data/ page) resolve to files of the build.
 *
 * The build is the browser tests' (tests/browser/helpers.ts: built when
 * dist/ is older than its inputs, one build at a time, base "/").
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { ensureBuilt, DIST } from '../browser/helpers.ts';
import { CSV_COLUMNS } from '../../src/lib/export/csv.ts';
import { indexedFiles, type DataIndexJson } from '../../src/lib/export/data-index.ts';
import { hasXmllint, SCHEMA } from './helpers.ts';

const DATA = join(DIST, 'data');
const read = (path: string) => readFileSync(join(DIST, path), 'utf8');
const readJson = <T = unknown>(path: string) => JSON.parse(read(path)) as T;

let index: DataIndexJson;

beforeAll(async () => {
  await ensureBuilt();
  index = readJson<DataIndexJson>('data/index.json');
}, 300_000);

/** The hrefs of the links in a fragment of HTML. */
function hrefs(html: string): string[] {
  return [...html.matchAll(/<a\b[^>]*\bhref="([^"]*)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
}

/** The file of dist/ a same-site link leads to from a page, or null for a link elsewhere. */
function target(href: string, page: string): string | null {
  const url = new URL(href, `http://site/${page}`);
  if (url.host !== 'site') return null;
  const path = decodeURIComponent(url.pathname).replace(/^\//, '');
  return path === '' || path.endsWith('/') ? `${path}index.html` : path;
}

/** The <p class="downloads"> block of a built page. */
function downloads(page: string): string {
  const m = /<p class="downloads"[^>]*>([\s\S]*?)<\/p>/.exec(read(page));
  if (!m) throw new Error(`${page} has no downloads`);
  return m[1]!;
}

describe('data/index.json', () => {
  it('validates against the schema served beside it, and lists every version page of the site', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    const validate = ajv.compile(readJson(index.schemas.index) as object);
    expect(validate(index), ajv.errorsText(validate.errors)).toBe(true);
    const pages = readdirSync(join(DIST, 'versions')).filter((d) => existsSync(join(DIST, 'versions', d, 'index.html')));
    expect(index.versions.map((v) => v.slug).sort()).toEqual(pages.sort());
    // The corpus of content/: 30 texts, 6 series of several versions.
    expect(index.versions).toHaveLength(30);
    expect(index.series.length).toBeGreaterThanOrEqual(6);
  });

  it('every file and page it lists exists, and every file under data/ is listed', () => {
    const listed = indexedFiles(index);
    expect(listed.filter((f) => !existsSync(join(DIST, f)))).toEqual([]);
    const pages = [...index.versions, ...index.series].map((x) => `${x.page}index.html`);
    expect(pages.filter((p) => !existsSync(join(DIST, p)))).toEqual([]);
    const onDisk = ['versions', 'series'].flatMap((d) => readdirSync(join(DATA, d)).map((f) => `data/${d}/${f}`));
    const all = new Set([...listed, 'data/index.json', 'data/index.html']);
    expect(onDisk.filter((f) => !all.has(f))).toEqual([]);
  });

  it('serves the schemas of src/lib/export/schema unchanged', () => {
    for (const [served, source] of [
      [index.schemas.version, 'version.schema.json'],
      [index.schemas.series, 'series.schema.json'],
      [index.schemas.index, 'index.schema.json'],
    ] as const) {
      expect(readJson(served)).toEqual(JSON.parse(readFileSync(join('src/lib/export/schema', source), 'utf8')));
    }
  });
});

describe('data/versions', () => {
  it('every version JSON validates against version.schema.json and carries its slug', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    const validate = ajv.compile(readJson(index.schemas.version) as object);
    const failures = index.versions
      .map((v) => ({ slug: v.slug, json: readJson<{ slug: string; symbol: string | null }>(v.files.json) }))
      .filter(({ slug, json }) => !validate(json) || json.slug !== slug)
      .map(({ slug }) => `${slug}: ${ajv.errorsText(validate.errors)}`);
    expect(failures).toEqual([]);
  });

  // content/ga76-2021-resolution-76-187.txt: 74 preambular and 77 operative paragraphs, 46 footnotes.
  it('A/RES/76/187 holds what the document says', () => {
    const json = readJson<{ symbol: string; preamble: unknown[]; operative: { verb: string | null }[]; footnotes: unknown[] }>('data/versions/a-res-76-187.json');
    expect(json.symbol).toBe('A/RES/76/187');
    expect([json.preamble.length, json.operative.length, json.footnotes.length]).toEqual([74, 77, 46]);
    expect(json.operative[0]!.verb).toBe('Takes note with appreciation');
    const akn = read('data/versions/a-res-76-187.akn.xml');
    expect(akn).toContain('<FRBRuri value="/akn/un/statement/deliberation/unga/2021-12-16/76-187"/>');
    expect(akn.match(/<paragraph eId="para_\d+">/g)).toHaveLength(77);
  });

  it.skipIf(!hasXmllint)('every Akoma Ntoso file validates against akomantoso30.xsd (xmllint)', () => {
    const files = index.versions.map((v) => join(DIST, v.files.akn));
    const run = spawnSync('xmllint', ['--noout', '--schema', SCHEMA, ...files], { encoding: 'utf8' });
    expect(run.stderr.split('\n').filter((l) => l && !l.endsWith(' validates'))).toEqual([]);
    expect(run.status).toBe(0);
  });
});

describe('data/series', () => {
  it('every series JSON validates against series.schema.json and names the versions the index gives it', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    const validate = ajv.compile(readJson(index.schemas.series) as object);
    for (const s of index.series) {
      const json = readJson<{ slug: string; versions: { slug: string }[]; alignments: unknown[] }>(s.files.json);
      expect(validate(json), `${s.slug}: ${ajv.errorsText(validate.errors)}`).toBe(true);
      expect(json.slug).toBe(s.slug);
      expect(json.versions.map((v) => v.slug)).toEqual(s.versions);
      expect(json.alignments).toHaveLength(s.versions.length - 1);
    }
  });

  it('every series CSV has the header row, CRLF line ends and rows for each of its versions', () => {
    for (const s of index.series) {
      const csv = read(s.files.csv);
      const lines = csv.split('\r\n');
      expect(lines[0]).toBe(CSV_COLUMNS.join(','));
      expect(lines.at(-1)).toBe('');
      const labels = readJson<{ versions: { label: string }[] }>(s.files.json).versions.map((v) => v.label);
      // The series slug (first column) and the labels hold no comma.
      expect([...new Set(lines.slice(1, -1).map((l) => l.split(',')[1]))]).toEqual(labels);
    }
  });
});

describe('download links', () => {
  it('each version page links its JSON and Akoma Ntoso files, and they exist', () => {
    for (const v of index.versions) {
      const page = `${v.page}index.html`;
      const links = hrefs(downloads(page)).map((h) => target(h, v.page));
      expect(links).toEqual(expect.arrayContaining([v.files.json, v.files.akn]));
      expect(links.filter((f) => f !== null && !existsSync(join(DIST, f)))).toEqual([]);
    }
  });

  it('each series page links its JSON and CSV files, and they exist', () => {
    for (const s of index.series) {
      const links = hrefs(downloads(`${s.page}index.html`)).map((h) => target(h, s.page));
      expect(links).toEqual(expect.arrayContaining([s.files.json, s.files.csv]));
      expect(links.filter((f) => f !== null && !existsSync(join(DIST, f)))).toEqual([]);
    }
  });

  it('the /data/ page is linked from every page and its own links resolve', () => {
    expect(hrefs(read('index.html'))).toContain('/data/');
    const links = hrefs(read('data/index.html')).map((h) => target(h, 'data/')).filter((f): f is string => f !== null);
    expect(links).toEqual(expect.arrayContaining(['data/index.json', 'data/versions/version.schema.json', 'data/series/series.schema.json']));
    expect(links.filter((f) => !existsSync(join(DIST, f)))).toEqual([]);
  });
});
