/**
 * The compare core (src/lib/compare/rows.ts, view.ts) on real seed versions of
 * "Strengthening the United Nations crime prevention and criminal justice
 * programme", the series of six versions in content/.
 *
 * Expectations read by hand from the texts:
 * - A/C.3/74/L.18/Rev.1 (2019, content/ga74-2019-third-committee-report.txt)
 *   → A/C.3/75/L.8/Rev.1 (2020, content/ga75-2020-third-committee-report.md),
 *   successive: OP6 drops "the twentieth anniversary of which will be
 *   celebrated in 2020" and adds "and welcomes the twentieth anniversary of
 *   the adoption of the Convention ... in Palermo, Italy ..."; OP9 "at its
 *   eighth session" becomes "at its eighth and ninth sessions ... from 15 to
 *   19 October 2018"; OP19 "Invites the President of the General Assembly"
 *   became "Notes the impossibility of holding the high-level debate" (a
 *   weaker verb).
 * - The 2017 draft (content/ga72-2017-draft-resolution.txt, Hungary and
 *   Italy) → A/C.3/75/L.8/Rev.1, a pair with no page of its own (third and
 *   fifth of six): PP1's list of resolutions, which ends at "71/209 of 19
 *   December 2016," in 2017, gains "72/196 of 19 December 2017, 73/186 of 17
 *   December 2018 and 74/177 of 18 December 2019"; "trafficking in precious
 *   metals and stones" became "precious metals, stones and other minerals"
 *   (PP9 in 2020); "a zerotolerance approach" became "a zero-tolerance
 *   approach"; "Welcoming in this respect the decision adopted by the Chief
 *   Executives Board for Coordination to support the implementation of the
 *   Akoma Ntoso documentation standard" became "Welcoming the efforts made by
 *   some Member States to establish a common documentation standard".
 */
import { sponsorChange } from '../../src/lib/series/sponsors.ts';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBytes, type ResolutionRecord } from '../../src/lib/index.ts';
import { alignVersions } from '../../src/lib/align/align.ts';
import { unitsOf } from '../../src/lib/align/units.ts';
import { compareEntries, compareRows, summarize } from '../../src/lib/compare/rows.ts';
import { clausesOf, compareRecords, compareView, COMPARE_ALIGN_OPTIONS, paragraphName, rowLabel, type CompareSide } from '../../src/lib/compare/view.ts';
import { alignCached, SITE_ALIGN_OPTIONS } from '../../src/lib/stages.ts';
import { isPrecomputedPair } from '../../src/lib/series/pairs.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const parseDir = (dir: string, prefix: string) =>
  readdirSync(dir)
    .filter((f) => /\.(txt|md)$/.test(f))
    .sort()
    .flatMap((f) => parseBytes(readFileSync(join(dir, f)), `${prefix}/${f}`).resolutions);
const corpus: ResolutionRecord[] = parseDir(join(ROOT, 'content'), 'content');
const bySymbol = (s: string) => corpus.find((r) => r.symbol === s)!;

const R2019 = bySymbol('A/C.3/74/L.18/Rev.1');
const R2020 = bySymbol('A/C.3/75/L.8/Rev.1');
const R2017 = corpus.find((r) => r.source.endsWith('ga72-2017-draft-resolution.txt') && r.symbol === null)!;

const side = (name: string, slug: string, index: number): CompareSide => ({ name, detail: 'recommended', href: `/versions/${slug}/`, index });
const S2019 = side('A/C.3/74/L.18/Rev.1', 'a-c-3-74-l-18-rev-1', 3);
const S2020 = side('A/C.3/75/L.8/Rev.1', 'a-c-3-75-l-8-rev-1', 4);
const S2017 = side('Draft of 13 October 2017 (Hungary and Italy)', 'ga72-2017-draft-resolution-1', 2);
const SERIES = 'Strengthening the United Nations crime prevention and criminal justice programme, in particular its technical cooperation capacity';

/** The marked words of one tag in a fragment of the core's HTML, as text. */
function marks(html: string, tag: 'ins' | 'del'): string[] {
  return [...html.matchAll(new RegExp(`<${tag}>([^<]*)</${tag}>`, 'g'))].map((m) => unescape(m[1]!));
}
/** The text of a fragment of the core's HTML. */
function textOf(html: string): string {
  return unescape(html.replace(/<[^>]+>/g, ''));
}
function unescape(s: string): string {
  return s.replace(/&#x([0-9a-f]+);/gi, (_, x: string) => String.fromCodePoint(parseInt(x, 16))).replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/&lt;/g, '<');
}
/** One row (<section class="row" id=…>…</section>) of the view's HTML. */
function rowHtml(rows: string, id: string): string {
  const at = rows.indexOf(`<section class="row" id="${id}"`);
  expect(at, id).toBeGreaterThanOrEqual(0);
  return rows.slice(at, rows.indexOf('</section>', at) + '</section>'.length);
}
/** The inline redline or the side-by-side text of a row ("" when the row leaves its sides to the browser). */
const part = (row: string, cls: 'inline' | 'side') => {
  const at = row.indexOf(`<div class="text ${cls}">`);
  if (at === -1) return '';
  const side = row.indexOf('<div class="text side">');
  return cls === 'inline' && side !== -1 ? row.slice(at, side) : row.slice(at);
};

describe('compare rows: 2019 A/C.3/74/L.18/Rev.1 → 2020 A/C.3/75/L.8/Rev.1', () => {
  const al = alignVersions(R2019, R2020, { redline: true });
  const ua = unitsOf(R2019);
  const ub = unitsOf(R2020);
  const rows = compareRows(ua, ub, al);
  const row = (anchor: string) => rows.find((r) => r.anchor === anchor)!;

  it('marks the words OP6 and OP9 lost and gained, inline and side by side', () => {
    const op6 = row('c-OP6');
    expect(op6.change).toBe('edited');
    expect(marks(op6.inline, 'del').join(' | ')).toContain('the twentieth anniversary of which will be celebrated in 2020');
    const ins6 = marks(op6.inline, 'ins').join(' | ');
    expect(ins6).toContain('welcomes the twentieth anniversary of the adoption of the Convention');
    expect(ins6).toContain('Palermo, Italy');
    expect(marks(op6.inline, 'del').join(' | ')).not.toContain('Palermo');
    // Side by side: the old text with its deletions only, the new with its insertions only.
    expect(marks(op6.sideA, 'del').length).toBeGreaterThan(0);
    expect(marks(op6.sideA, 'ins')).toEqual([]);
    expect(marks(op6.sideB, 'del')).toEqual([]);
    expect(textOf(op6.sideB)).toContain('Palermo, Italy');
    expect(textOf(op6.sideA)).toContain('the twentieth anniversary of which will be celebrated in 2020');
    const op9 = row('c-OP9');
    expect(marks(op9.inline, 'ins').join(' | ')).toContain('ninth');
    expect(marks(op9.inline, 'ins').join(' | ')).toContain('15 to 19 October 2018');
    expect(marks(op9.inline, 'del').join(' | ')).toContain('session');
    expect(marks(op9.inline, 'del').join(' | ')).not.toContain('October 2016');
  });

  it('gives one row per paragraph of the new text, in its order, and accounts for every old paragraph once', () => {
    const newIds = [...ub.preamble, ...ub.operative].map((u) => u.id);
    const shown = rows.flatMap((r) => r.b);
    expect(shown).toEqual(newIds);
    const old = rows.flatMap((r) => r.a).sort();
    expect(old).toEqual([...ua.preamble, ...ua.operative].map((u) => u.id).sort());
    expect(new Set(rows.map((r) => r.anchor)).size).toBe(rows.length);
    for (const r of rows) expect(r.section).toBe((r.b[0] ?? r.a[0])!.startsWith('PP') ? 'preamble' : 'operative');
  });

  it('counts what changed, with OP19’s verb weakened from “Invites” to “Notes”', () => {
    const s = summarize(al);
    expect(s.weaker).toContainEqual({ a: 'OP19', b: 'OP19', from: 'Invites', to: 'Notes' });
    expect(s.changed).toBe(s.inserted + s.deleted + s.edited + s.moved + s.splits + s.merges);
    const byChange = (c: string) => rows.filter((r) => r.change === c).length;
    expect([s.inserted, s.deleted, s.edited, s.moved, s.unchanged]).toEqual([byChange('inserted'), byChange('deleted'), byChange('edited'), byChange('moved'), byChange('unchanged')]);
    expect(s.edited).toBeGreaterThan(0);
  });

  it('compareRows is compareEntries through the sanitizer', () => {
    const entries = compareEntries(ua, ub, al);
    expect(entries.map((e) => [e.anchor, e.change, e.a, e.b])).toEqual(rows.map((r) => [r.anchor, r.change, r.a, r.b]));
  });
});

describe('compare view: the markup both compare pages show', () => {
  const view = compareRecords(R2019, R2020, { series: SERIES, a: S2019, b: S2020 });

  it('names and links the two versions, says they are successive, and links each row to its paragraph', () => {
    expect(view.title).toBe('A/C.3/74/L.18/Rev.1 → A/C.3/75/L.8/Rev.1');
    expect(view.heading).toContain('<h1>Changes from <span class="symbol">A/C.3/74/L.18/Rev.1</span> to <span class="symbol">A/C.3/75/L.8/Rev.1</span></h1>');
    expect(view.heading).toContain('<a href="/versions/a-c-3-74-l-18-rev-1/">A/C.3/74/L.18/Rev.1</a> (recommended) to <a href="/versions/a-c-3-75-l-8-rev-1/">');
    expect(view.heading).toContain('Successive versions.');
    const op6 = rowHtml(view.rows, 'c-OP6');
    // OP6 "Reaffirms … notes with appreciation … welcomes": it asks nobody (report of 2020, line 818).
    expect(op6).toMatch(/^<section class="row" id="c-OP6" data-change="edited" data-section="operative" data-asks="" data-kinds="recognition" aria-label="OP6">/);
    // OP14 "Requests the United Nations Office on Drugs and Crime to continue to provide technical assistance" (line 841).
    expect(rowHtml(view.rows, 'c-OP14')).toMatch(/data-asks="un-entity" data-kinds="request"/);
    expect(rowHtml(view.rows, 'c-PP1')).not.toMatch(/data-asks/);
    expect(op6).toContain('<span class="badge c-edited">Edited</span>');
    expect(op6).toContain('<a href="/versions/a-c-3-75-l-8-rev-1/#OP6">in A/C.3/75/L.8/Rev.1</a>');
    // Its side-by-side text is the inline redline's (tests/compare/sides.test.ts): the browser derives it.
    expect(op6).not.toContain('<div class="text side">');
    expect(view.sideLabels).toEqual({ a: 'A/C.3/74/L.18/Rev.1', b: 'A/C.3/75/L.8/Rev.1' });
    expect(rowHtml(compareRecords(R2019, R2020, { series: SERIES, a: S2019, b: S2020 }, { allSides: true }).rows, 'c-OP6')).toContain('<p class="side-label">A/C.3/74/L.18/Rev.1</p>');
    expect(marks(part(op6, 'inline'), 'ins').join(' | ')).toContain('Palermo, Italy');
    // The summary's verb links lead to rows of the page.
    expect(view.summary).toMatch(/^<ul><li><strong>\d+ paragraphs?<\/strong> inserted, <strong>\d+<\/strong> deleted, .*<\/li><\/ul>$/);
    expect(view.summary).toContain('Operative verbs weakened: <a href="#c-OP19">OP19</a> “Invites” → “Notes”');
    for (const [, id] of view.summary.matchAll(/href="#([^"]+)"/g)) expect(view.rows).toContain(`id="${id}"`);
    expect(view.rowCount).toBe((view.rows.match(/<section class="row"/g) ?? []).length);
  });

  it('is the same HTML whether the alignment comes from the build (alignCached, SITE_ALIGN_OPTIONS) or the browser (compareRecords on the records JSON)', () => {
    expect(COMPARE_ALIGN_OPTIONS).toEqual(SITE_ALIGN_OPTIONS);
    const built = compareView({ series: SERIES, a: S2019, b: S2020, unitsA: unitsOf(R2019), unitsB: unitsOf(R2020), alignment: alignCached(R2019, R2020, SITE_ALIGN_OPTIONS), sponsors: sponsorChange(R2019, R2020), clauses: clausesOf(R2019, R2020) });
    // data/records/<slug>.json: the record as JSON, "<" written \u003c.
    const wire = (r: ResolutionRecord) => JSON.parse(JSON.stringify(r).replace(/</g, '\\u003c')) as ResolutionRecord;
    expect(wire(R2019)).toEqual(JSON.parse(JSON.stringify(R2019)));
    const fetched = compareRecords(wire(R2019), wire(R2020), { series: SERIES, a: S2019, b: S2020 });
    expect(fetched).toEqual(built);
    expect(fetched).toEqual(view);
  });

  it('compares a pair with no page of its own: the 2017 draft → 2020, read by hand', () => {
    expect(isPrecomputedPair(2, 4, 6)).toBe(false);
    const v = compareRecords(R2017, R2020, { series: SERIES, a: S2017, b: S2020 });
    expect(v.heading).toContain('1 version in between.');
    const pp1 = part(rowHtml(v.rows, 'c-PP1'), 'inline');
    expect(marks(pp1, 'ins').join(' | ')).toContain('72/196 of 19 December 2017, 73/186 of 17 December 2018 and 74/177 of 18 December 2019');
    expect(marks(pp1, 'del')).toEqual([]);
    const metals = part(rowHtml(v.rows, 'c-PP9'), 'inline');
    const all = compareRecords(R2017, R2020, { series: SERIES, a: S2017, b: S2020 }, { allSides: true });
    expect(textOf(part(rowHtml(all.rows, 'c-PP9'), 'side'))).toContain('trafficking in precious metals, stones and other minerals in some parts of the world');
    expect(marks(metals, 'del')).toContain(' and stones ');
    expect(marks(metals, 'ins')).toContain(', stones and other minerals ');
    const zero = rowHtml(v.rows, 'c-PP20');
    expect(marks(part(zero, 'inline'), 'del')).toEqual(['zerotolerance']);
    expect(marks(part(zero, 'inline'), 'ins')).toEqual(['zero-tolerance']);
    const akn = part(rowHtml(v.rows, 'c-PP19'), 'inline');
    expect(marks(akn, 'del').join(' | ')).toContain('Akoma Ntoso');
    expect(marks(akn, 'ins').join(' | ')).toContain('the efforts made by some Member States to establish a common');
  });

  it('writes ids and paragraph names for people', () => {
    expect(paragraphName('PP3')).toBe('preambular paragraph 3');
    expect(paragraphName('OP5(a)')).toBe('operative paragraph 5(a)');
    expect(rowLabel({ change: 'inserted', a: [], b: ['OP7'] })).toBe('OP7 (new)');
    expect(rowLabel({ change: 'deleted', a: ['PP5'], b: [] })).toBe('PP5 (removed)');
    expect(rowLabel({ change: 'moved', a: ['OP3'], b: ['OP4'] })).toBe('OP3 → OP4');
    expect(rowLabel({ change: 'merged', a: ['PP2', 'PP3'], b: ['PP2'] })).toBe('PP2 + PP3 → PP2');
  });
});

describe('compare view of hostile documents (tests/fixtures/hostile)', () => {
  const hostile = parseDir(join(ROOT, 'tests', 'fixtures', 'hostile'), 'hostile');
  const [draft, adopted] = [hostile.find((r) => r.stage !== 'adopted')!, hostile.find((r) => r.stage === 'adopted')!];
  // Names and details come from the records too on the site (versionName): hostile here as well.
  const evil = (name: string, index: number): CompareSide => ({ name: `${name} <script>window.__pwned=1</script>`, detail: '<img src=x onerror="window.__pwned=2">', href: '/versions/x/', index });
  const v = compareRecords(draft, adopted, { series: draft.title, a: evil('draft', 0), b: evil('adopted', 1) });
  const html = [v.heading, v.summary, v.rows].join('\n');

  it('holds the hostile markup only as text', () => {
    // Text never holds a raw "<" (the serializer writes &#x3C;): every "<" opens a tag of the compare markup.
    const tags = [...html.matchAll(/<([a-z0-9]+)((?:\s[a-z-]+="[^"]*")*)\s*>|<\/([a-z0-9]+)>/g)];
    expect(html.replace(/<([a-z0-9]+)((?:\s[a-z-]+="[^"]*")*)\s*>|<\/([a-z0-9]+)>/g, '')).not.toContain('<');
    const names = new Set(tags.map((m) => (m[1] ?? m[3])!));
    expect([...names].filter((n) => !['h1', 'p', 'span', 'a', 'ul', 'li', 'strong', 'section', 'div', 'ol', 'ins', 'del'].includes(n))).toEqual([]);
    const attrs = tags.flatMap((m) => [...(m[2] ?? '').matchAll(/\s([a-z-]+)="([^"]*)"/g)].map((a) => ({ name: a[1]!, value: a[2]! })));
    expect([...new Set(attrs.map((a) => a.name))].filter((a) => !['class', 'id', 'href', 'data-change', 'data-section', 'data-asks', 'data-kinds', 'aria-label'].includes(a))).toEqual([]);
    expect(attrs.filter((a) => a.name === 'href' && !/^(?:\/versions\/x\/)?#?[A-Za-z0-9-]*$/.test(a.value))).toEqual([]);
    const text = textOf(html);
    expect(text).toContain('<script>window.__pwned=3</script>');
    expect(text).toContain('<svg onload="window.__pwned=10"><script>window.__pwned=11</script></svg>');
    expect(text).toContain('draft <script>window.__pwned=1</script>');
  });
});

describe('the browser bundle of the compare page', () => {
  it('reaches no Node module and none of the build-only modules from src/scripts/compare-any.ts', () => {
    const seen = new Set<string>();
    const bare = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const src = readFileSync(file, 'utf8');
      for (const m of src.matchAll(/^\s*(?:import|export)\s+(?!type\b)[^'"]*?from\s+'([^']+)'|^\s*import\s+'([^']+)'/gm)) {
        const spec = (m[1] ?? m[2])!;
        if (spec.startsWith('.')) visit(resolve(dirname(file), spec));
        else bare.add(spec);
      }
    };
    visit(join(ROOT, 'src', 'scripts', 'compare-any.ts'));
    const files = [...seen].map((f) => f.slice(ROOT.length + 1));
    expect(files).toEqual(expect.arrayContaining(['src/lib/align/align.ts', 'src/lib/compare/view.ts', 'src/lib/export/html.ts']));
    expect(files.filter((f) => /cache\.ts$|stages\.ts$|site\/(?:data|corpus|open-data)\.ts$|\.astro$/.test(f))).toEqual([]);
    expect([...bare].filter((s) => s.startsWith('node:') || s.startsWith('astro'))).toEqual([]);
  });
});
