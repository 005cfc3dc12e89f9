/**
 * The side-by-side view derived from the inline redline (src/lib/compare/
 * rows.ts, sideOfInline): side A is the inline redline without its `ins`,
 * side B without its `del`, emptied paragraphs and items dropped, nothing
 * left meaning the dash. A compare page writes a row's side-by-side text only
 * where that rule does not give it; the browser derives the rest
 * (src/scripts/compare-controls.ts, checked against this in
 * tests/browser/compare-any.test.ts).
 *
 * Real pairs of content/:
 * - A/C.3/74/L.18/Rev.1 → A/C.3/75/L.8/Rev.1 and A/C.3/75/L.8/Rev.1 →
 *   A/RES/76/187 (the crime programme series): edited, moved, inserted and
 *   deleted paragraphs;
 * - A/C.3/68/L.17 → A/C.3/68/L.17/Rev.1 (2013): PP5 (PP7 in Rev.1) keeps its
 *   six sub-paragraphs (a)–(f), each reworded, so its row holds a list of
 *   redlined items; OP13 + OP14 and OP16 + OP17 were merged (OP13, OP14 of
 *   Rev.1), shown by one redline over the joined texts;
 * - A/C.3/68/L.7 → A/C.3/75/L.5: OP5's nine sub-paragraphs are all deleted
 *   and OP10 of 2020 has five new ones, so one row's list holds struck items
 *   that side B must drop and inserted items that side A must drop.
 *
 * Under the site's options (redlines on) no row of any pair of the seeds keeps
 * its side-by-side text: every pair, split and merge has a redline, and no
 * sub-paragraph changes label. The rows that keep it are made here:
 * - a sub-paragraph deleted from A/C.3/68/L.7's OP5, so that the next ones
 *   move up a letter: the inline list shows the new labels ("(a) Medical and
 *   health services") while side A shows the old ones ("(b) Medical ..."),
 *   which no removal of marks gives;
 * - A/C.3/68/L.17 → Rev.1 aligned without redlines (an alignment the core
 *   accepts): its merges show the new paragraph inline and the old ones on
 *   side A, and its edited pairs show each text whole on its side.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ElementContent } from 'hast';
import { h } from 'hastscript';
import { parseBytes, type ResolutionRecord } from '../../src/lib/index.ts';
import { alignVersions } from '../../src/lib/align/align.ts';
import { unitsOf } from '../../src/lib/align/units.ts';
import { operativeOf } from '../../src/lib/export/parse-json.ts';
import { compareEntries, sameHast, sideOfInline, sidesDerive } from '../../src/lib/compare/rows.ts';
import { compareRecords, compareView, COMPARE_ALIGN_OPTIONS, type CompareSide } from '../../src/lib/compare/view.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const corpus: ResolutionRecord[] = readdirSync(join(ROOT, 'content'))
  .filter((f) => /\.(txt|md)$/.test(f))
  .sort()
  .flatMap((f) => parseBytes(readFileSync(join(ROOT, 'content', f)), `content/${f}`).resolutions);
const bySymbol = (s: string) => corpus.find((r) => r.symbol === s)!;

const side = (name: string, index: number): CompareSide => ({ name, detail: 'a version', href: `/versions/${index}/`, index });
const entries = (a: ResolutionRecord, b: ResolutionRecord, options = COMPARE_ALIGN_OPTIONS) => compareEntries(unitsOf(a), unitsOf(b), alignVersions(a, b, options));
const view = (a: ResolutionRecord, b: ResolutionRecord, allSides = false) => compareRecords(a, b, { series: 'S', a: side(a.symbol ?? 'A', 0), b: side(b.symbol ?? 'B', 1) }, { allSides });

/** The rows of a view's HTML by anchor. */
function rowsOf(html: string): Map<string, string> {
  return new Map([...html.matchAll(/<section class="row" id="([^"]+)".*?<\/section>/gs)].map((m) => [m[1]!, m[0]]));
}
const SIDE = '<div class="text side">';
/** A row without its side-by-side text. */
const withoutSide = (row: string) => (row.includes(SIDE) ? row.slice(0, row.indexOf(SIDE)) + '</section>' : row);

const PAIRS: [string, string][] = [
  ['A/C.3/74/L.18/Rev.1', 'A/C.3/75/L.8/Rev.1'],
  ['A/C.3/75/L.8/Rev.1', 'A/RES/76/187'],
  ['A/C.3/68/L.17', 'A/C.3/68/L.17/Rev.1'],
  ['A/C.3/68/L.7', 'A/C.3/75/L.5'],
];

/** A/C.3/68/L.7 with OP5's first sub-paragraph deleted and the others relabelled (b) → (a), (c) → (b), … */
function l7WithoutOp5a(): ResolutionRecord {
  const r = structuredClone(bySymbol('A/C.3/68/L.7'));
  const op5 = operativeOf(r.tree).find((p) => p.id === 'OP5')!;
  const subs = op5.children.filter((c) => c.type === 'subParagraph');
  op5.children.splice(op5.children.indexOf(subs[0]!), 1);
  subs.slice(1).forEach((s, k) => {
    s.label = String.fromCharCode(97 + k);
    s.id = `OP5(${s.label})`;
  });
  return { ...r, symbol: 'A/C.3/68/L.7 (edited)' };
}

describe('sideOfInline: the rule', () => {
  it('drops ins for side A and del for side B, through paragraphs, lists and items; an emptied item goes, labels do not count as text', () => {
    const label = (l: string) => h('span', { className: ['label'] }, l);
    const inline: ElementContent[] = [
      h('p', ['Calls upon ', h('del', 'all'), h('ins', 'the'), ' States']),
      h('ol', [h('li', [h('p', [label('(a)'), ' ', h('del', 'Old item')])]), h('li', [h('p', [label('(b)'), ' Kept ', h('ins', 'new')])]), h('li', [h('p', [label('(c)'), ' ', h('ins', 'New item')])])]),
    ];
    expect(sameHast(sideOfInline(inline, 'a'), [h('p', ['Calls upon ', h('del', 'all'), ' States']), h('ol', [h('li', [h('p', [label('(a)'), ' ', h('del', 'Old item')])]), h('li', [h('p', [label('(b)'), ' Kept '])])])])).toBe(true);
    expect(sameHast(sideOfInline(inline, 'b'), [h('p', ['Calls upon ', h('ins', 'the'), ' States']), h('ol', [h('li', [h('p', [label('(b)'), ' Kept ', h('ins', 'new')])]), h('li', [h('p', [label('(c)'), ' ', h('ins', 'New item')])])])])).toBe(true);
    // Nothing but whitespace and labels left: an empty side (the dash).
    expect(sideOfInline([h('p', [h('ins', 'All new')]), h('ol', [h('li', [h('p', [label('(a)'), ' ', h('ins', 'new')])])])], 'a')).toEqual([]);
    expect(sideOfInline([h('p', [' ', h('del', 'gone')])], 'b')).toEqual([]);
  });

  it('sameHast compares tags, properties, text and order', () => {
    expect(sameHast([h('p', 'x')], [h('p', 'x')])).toBe(true);
    expect(sameHast([h('p', 'x')], [h('p', 'y')])).toBe(false);
    expect(sameHast([h('p', 'x')], [h('li', 'x')])).toBe(false);
    expect(sameHast([h('span', { className: ['label'] }, 'x')], [h('span', { className: ['labels'] }, 'x')])).toBe(false);
    expect(sameHast([h('p', ['x', 'y'])], [h('p', ['xy'])])).toBe(false);
    expect(sameHast([h('p', 'x')], [h('p', 'x'), h('p', 'x')])).toBe(false);
  });
});

describe('sideOfInline on real pairs: it gives the side-by-side text the core writes', () => {
  for (const [a, b] of PAIRS) {
    it(`${a} → ${b}: every row, both sides`, () => {
      const es = entries(bySymbol(a), bySymbol(b));
      for (const e of es) {
        expect(sameHast(sideOfInline(e.inline, 'a'), e.sideA), `${e.anchor} A`).toBe(true);
        expect(sameHast(sideOfInline(e.inline, 'b'), e.sideB), `${e.anchor} B`).toBe(true);
        expect(sidesDerive(e)).toBe(true);
      }
      const changes = new Set(es.map((e) => e.change));
      if (a === 'A/C.3/75/L.8/Rev.1') for (const c of ['edited', 'inserted', 'deleted', 'unchanged']) expect(changes, c).toContain(c);
      if (a === 'A/C.3/68/L.17') {
        expect(changes).toContain('merged');
        // The sub-paragraph list, its items redlined.
        const pp7 = es.find((e) => e.anchor === 'c-PP7')!;
        expect(pp7.inline.some((n) => n.type === 'element' && n.tagName === 'ol')).toBe(true);
      }
    });
  }

  it('an inserted row has no side A and a deleted one no side B: the dash', () => {
    const es = entries(bySymbol('A/C.3/75/L.8/Rev.1'), bySymbol('A/RES/76/187'));
    const inserted = es.filter((e) => e.change === 'inserted');
    const deleted = es.filter((e) => e.change === 'deleted');
    expect(inserted.length).toBeGreaterThan(0);
    expect(deleted.length).toBeGreaterThan(0);
    for (const e of inserted) expect([sideOfInline(e.inline, 'a'), e.sideA]).toEqual([[], []]);
    for (const e of deleted) expect([sideOfInline(e.inline, 'b'), e.sideB]).toEqual([[], []]);
  });

  it('A/C.3/68/L.7 → A/C.3/75/L.5: items struck on side A only, inserted on side B only', () => {
    const es = entries(bySymbol('A/C.3/68/L.7'), bySymbol('A/C.3/75/L.5'));
    const items = (nodes: ElementContent[]) => nodes.flatMap((n) => (n.type === 'element' && n.tagName === 'ol' ? n.children : [])).length;
    const listed = es.filter((e) => items(e.inline) > 0);
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.some((e) => items(e.sideA) < items(e.inline) || items(e.sideB) < items(e.inline))).toBe(true);
  });
});

describe('rows that keep their side-by-side text', () => {
  it('a sub-paragraph list relabelled: side A shows the old labels, which inline does not', () => {
    const l7 = bySymbol('A/C.3/68/L.7');
    const edited = l7WithoutOp5a();
    const es = entries(l7, edited);
    const kept = es.filter((e) => !sidesDerive(e));
    expect(kept.map((e) => e.anchor)).toEqual(['c-OP5']);
    const op5 = kept[0]!;
    // Side B (the new labels) still derives; side A does not.
    expect(sameHast(sideOfInline(op5.inline, 'b'), op5.sideB)).toBe(true);
    expect(sameHast(sideOfInline(op5.inline, 'a'), op5.sideA)).toBe(false);
    // The page keeps the row's side-by-side text exactly as with every side written, and leaves out the others'.
    const v = rowsOf(view(l7, edited).rows);
    const all = rowsOf(view(l7, edited, true).rows);
    expect([...v.keys()]).toEqual([...all.keys()]);
    for (const [id, row] of v) expect(row, id).toBe(id === 'c-OP5' ? all.get(id) : withoutSide(all.get(id)!));
    expect(v.get('c-OP5')).toContain('<span class="label">(b)</span> Medical and health services');
  });

  it('a pair aligned without redlines: merges show the new paragraph inline and the old ones on side A', () => {
    const [a, b] = [bySymbol('A/C.3/68/L.17'), bySymbol('A/C.3/68/L.17/Rev.1')];
    const es = entries(a, b, {});
    const merged = es.filter((e) => e.change === 'merged');
    expect(merged.map((e) => e.anchor)).toEqual(['c-OP13', 'c-OP14']);
    for (const e of merged) expect(sidesDerive(e), e.anchor).toBe(false);
    // Unchanged, inserted and deleted rows still derive; edited ones show each text whole on its side.
    for (const e of es) expect(sidesDerive(e), e.anchor).toBe(e.change === 'unchanged' || e.change === 'inserted' || e.change === 'deleted');
    const input = { series: 'S', a: side('A', 0), b: side('B', 1), unitsA: unitsOf(a), unitsB: unitsOf(b), alignment: alignVersions(a, b, {}) };
    const v = rowsOf(compareView(input).rows);
    const all = rowsOf(compareView(input, { allSides: true }).rows);
    for (const e of es) expect(v.get(e.anchor), e.anchor).toBe(sidesDerive(e) ? withoutSide(all.get(e.anchor)!) : all.get(e.anchor));
  });
});

describe('the compare view leaves out the side-by-side text the browser derives', () => {
  it('A/C.3/75/L.8/Rev.1 → A/RES/76/187: no row writes it, every row is otherwise the same, and the rows are less than 60% of the size', () => {
    const [a, b] = [bySymbol('A/C.3/75/L.8/Rev.1'), bySymbol('A/RES/76/187')];
    const v = view(a, b);
    const all = view(a, b, true);
    expect(v.rows).not.toContain(SIDE);
    expect(v.rows).not.toContain('side-label');
    expect((all.rows.match(/<div class="text side">/g) ?? []).length).toBe(all.rowCount);
    const rows = rowsOf(v.rows);
    const allRows = rowsOf(all.rows);
    expect(rows.size).toBe(v.rowCount);
    for (const [id, row] of allRows) expect(rows.get(id), id).toBe(withoutSide(row));
    expect({ ...v, rows: '' }).toEqual({ ...all, rows: '' });
    const size = Buffer.byteLength(v.rows);
    const full = Buffer.byteLength(all.rows);
    expect(size / full).toBeLessThan(0.6);
    expect(size).toBeGreaterThan(50_000);
  });
});
