/**
 * data/versions/<slug>.json: the version JSON and its JSON Schema. The
 * expectations come from reading the texts in content/.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { uniqueSlugs, versionSlug, versionToJson, versionToJsonText } from '../../src/lib/export/version-json.ts';
import { MAX_SLUG as SLUG_MAX, safeSlug } from '../../src/lib/slug.ts';
import { bySymbol, corpus, loadDocument } from './helpers.ts';

const schema = JSON.parse(readFileSync('src/lib/export/schema/version.schema.json', 'utf8'));
const ajv = new Ajv2020({ allErrors: true, strict: true });
const validate = ajv.compile(schema);

describe('version JSON schema', () => {
  it('is found in all 30 texts of the corpus', () => {
    expect(corpus()).toHaveLength(30);
  });

  it('validates every version of the corpus', () => {
    const failures = corpus()
      .map((r) => ({ id: r.id, ok: validate(JSON.parse(versionToJsonText(r))), errors: ajv.errorsText(validate.errors) }))
      .filter((f) => !f.ok);
    expect(failures).toEqual([]);
  });

  it('describes the file exactly: an unknown key or a wrong node type is refused', () => {
    const json = JSON.parse(versionToJsonText(bySymbol('A/RES/76/187')));
    expect(validate({ ...json, extra: true })).toBe(false);
    const broken = structuredClone(json);
    broken.operative[0].children[0] = { type: 'image', url: 'x' };
    expect(validate(broken)).toBe(false);
    const noStage = structuredClone(json);
    delete noStage.stage;
    expect(validate(noStage)).toBe(false);
  });
});

describe('versionToJson on A/RES/76/187', () => {
  const json = versionToJson(bySymbol('A/RES/76/187'));

  it('carries the metadata of the adopted resolution', () => {
    expect(json.slug).toBe('a-res-76-187');
    expect(json.stage).toBe('adopted');
    expect(json.session).toBe(76);
    expect(json.adoption).toEqual({ date: '2021-12-16', meeting: '53rd plenary meeting', vote: null, oralRevisions: [] });
    expect(json.opening).toBe('The General Assembly,');
    expect(json.closing).toBe('53rd plenary meeting 16 December 2021');
  });

  it('has 74 preambular paragraphs, 77 operative paragraphs and 46 footnotes', () => {
    expect(json.preamble).toHaveLength(74);
    expect(json.operative).toHaveLength(77);
    expect(json.footnotes).toHaveLength(46);
  });

  it('keeps the text and lead of a preambular paragraph (line 50 of the file)', () => {
    const pp6 = json.preamble[5]!;
    expect(pp6.id).toBe('PP6');
    expect(pp6.lead).toBe('Expressing its grave concern');
    expect(pp6.text).toMatch(/^Expressing its grave concern about the negative effects of transnational organized crime on development,/);
    expect(pp6.line).toBe(50);
  });

  it('keeps the inline tree: emphasis of the verb, a dead link as url null, the footnote call in place', () => {
    const op1 = json.operative[0]!;
    expect(op1.verb).toBe('Takes note with appreciation');
    expect(op1.children[0]).toEqual({ type: 'emphasis', children: [{ type: 'text', value: 'Takes note with appreciation' }] });
    expect(op1.children).toContainEqual({ type: 'link', url: null, children: [{ type: 'text', value: '75/196' }] });
    expect(op1.children).toContainEqual({ type: 'footnoteReference', number: 40 });
    expect(json.footnotes.find((f) => f.number === 40)?.text).toBe('A/76/122.');
    expect(json.operative[11]!.verb).toBe('Urges');
  });
});

describe('sub-paragraphs', () => {
  it('stay in place in the paragraph tree (A/C.3/75/L.5, operative paragraph 3)', () => {
    const op3 = versionToJson(bySymbol('A/C.3/75/L.5')).operative[2]!;
    expect(op3.verb).toBe('Urges');
    const subs = op3.children.filter((c) => c.type === 'subParagraph');
    expect(subs[0]).toMatchObject({ id: 'OP3(a)', label: 'a' });
    const first = subs[0]!.type === 'subParagraph' ? subs[0]!.children[0] : null;
    expect(first).toMatchObject({ type: 'text' });
    expect(first && first.type === 'text' ? first.value : '').toMatch(/^Strengthening legislative frameworks/);
  });
});

describe('determinism', () => {
  it('gives byte-identical files for the same input, parsed twice', () => {
    const a = loadDocument('ga74-2019-third-committee-report.txt').resolutions.map((r) => versionToJsonText(r)).join('');
    const b = loadDocument('ga74-2019-third-committee-report.txt').resolutions.map((r) => versionToJsonText(r)).join('');
    expect(a).toBe(b);
  });
});

describe('slugs', () => {
  it('come from the symbol, else from the record id', () => {
    expect(versionSlug({ symbol: 'A/C.3/74/L.18/Rev.1', id: 'x/1' })).toBe('a-c-3-74-l-18-rev-1');
    expect(versionSlug({ symbol: null, id: 'ga72-2017-draft-resolution/1' })).toBe('ga72-2017-draft-resolution-1');
  });

  it('are safe file names: no slashes, dots or path escapes, bounded length, never empty', () => {
    for (const hostile of ['../../etc/passwd', '/abs/path', '..', '', 'a\u0000b', 'Ünïcödé/√', 'x'.repeat(500), '-'.repeat(10)]) {
      const slug = safeSlug(hostile);
      expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(slug.length).toBeLessThanOrEqual(SLUG_MAX);
    }
    expect(safeSlug('../../etc/passwd')).toBe('etc-passwd');
  });

  it('are unique within a file, and all 30 of the corpus are', () => {
    // A symbol held once keeps its plain slug; names that clash each get a hash of their record id, so
    // neither depends on which file was read first.
    expect(uniqueSlugs([{ symbol: 'A/1', id: 'a' }])).toEqual(['a-1']);
    const clashing = uniqueSlugs([{ symbol: 'A/1', id: 'a' }, { symbol: 'A/1', id: 'b' }, { symbol: 'a-1', id: 'c' }]);
    expect(new Set(clashing).size).toBe(3);
    for (const s of clashing) expect(s).toMatch(/^a-1-[0-9a-f]{8}$/);
    expect(new Set(corpus().map(versionSlug)).size).toBe(30);
  });
});
