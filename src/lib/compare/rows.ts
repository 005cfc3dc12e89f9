/**
 * Two versions of a resolution, compared paragraph by paragraph: the core's
 * alignment (src/lib/align) turned into rows in reading order, with redline
 * segments (src/lib/diff) as hast for the core's sanitizer
 * (src/lib/export/html.ts), and the counts of what changed.
 *
 * Inline: struck and inserted words in one text. Side by side: the old text
 * with its deletions, the new text with its insertions. Every mark carries
 * words for screen readers ("deleted:", "inserted:") besides its strike or
 * underline (see ins::before in site.css), so that nothing depends on colour.
 *
 * Framework-free and free of Node modules: the site renders it at build time
 * and the compare page for any pair runs it in the browser (view.ts).
 */
import { h } from 'hastscript';
import type { Element, ElementContent } from 'hast';
import { hastToHtml } from '../export/html.ts';
import type { ListAlignment, Pair, VersionAlignment } from '../align/align.ts';
import type { Unit, VersionUnits } from '../align/units.ts';
import type { Segment } from '../diff/redline.ts';

export type RowChange = 'unchanged' | 'edited' | 'moved' | 'inserted' | 'deleted' | 'split' | 'merged';

/** One row of a comparison, its texts as hast (not yet sanitized). */
export interface CompareEntry {
  /** Anchor on the compare page: "c-OP6" (by the new paragraph), "c-old-PP2" for a deleted one. */
  anchor: string;
  section: 'preamble' | 'operative' | 'annex';
  change: RowChange;
  /** Paragraph ids in the old and the new version. */
  a: string[];
  b: string[];
  pair?: Pair;
  inline: ElementContent[];
  sideA: ElementContent[];
  sideB: ElementContent[];
}

/** One row of a comparison, its texts as sanitized HTML. */
export interface CompareRow extends Omit<CompareEntry, 'inline' | 'sideA' | 'sideB'> {
  inline: string;
  sideA: string;
  sideB: string;
}

export interface StepSummary {
  inserted: number;
  deleted: number;
  edited: number;
  moved: number;
  unchanged: number;
  splits: number;
  merges: number;
  technical: number;
  substantive: number;
  stronger: { a: string; b: string; from: string; to: string }[];
  weaker: { a: string; b: string; from: string; to: string }[];
  /** Paragraphs touched in any way: inserted + deleted + edited + moved + splits + merges. */
  changed: number;
}

export function summarize(al: VersionAlignment): StepSummary {
  const s: StepSummary = { inserted: al.inserted.length, deleted: al.deleted.length, edited: 0, moved: 0, unchanged: 0, splits: al.splits.length, merges: al.merges.length, technical: 0, substantive: 0, stronger: [], weaker: [], changed: 0 };
  for (const p of al.pairs) {
    if (p.change === 'moved') s.moved++;
    else if (p.change === 'edited') s.edited++;
    else s.unchanged++;
    if (p.class === 'technical') s.technical++;
    else if (p.class === 'substantive') s.substantive++;
    if (p.verb?.direction === 'stronger') s.stronger.push({ a: p.a, b: p.b, from: p.verb.from, to: p.verb.to });
    if (p.verb?.direction === 'weaker') s.weaker.push({ a: p.a, b: p.b, from: p.verb.from, to: p.verb.to });
  }
  s.changed = s.inserted + s.deleted + s.edited + s.moved + s.splits + s.merges;
  return s;
}

// ---------------------------------------------------------------------------
// Hast

type Mode = 'inline' | 'a' | 'b';

// The words a screen reader announces ("deleted:", "inserted:") come from the
// stylesheet (ins::before, del::before), so the marks stay one element each.
function delMark(text: string): ElementContent {
  return h('del', text);
}

function insMark(text: string): ElementContent {
  return h('ins', text);
}

/** Segments of a redline for one view. */
export function segmentsToHast(segments: readonly Segment[], mode: Mode): ElementContent[] {
  const out: ElementContent[] = [];
  for (const s of segments) {
    if (s.kind === 'equal') out.push({ type: 'text', value: s.text });
    else if (s.kind === 'delete' && mode !== 'b') out.push(delMark(s.text));
    else if (s.kind === 'insert' && mode !== 'a') out.push(insMark(s.text));
  }
  return out;
}

function subLabel(id: string): string {
  const m = /\(([^()]+)\)$/.exec(id);
  return m ? `(${m[1]})` : id;
}

/** A whole unit, plain, struck or inserted, with its sub-paragraphs. */
function unitHast(u: Unit, mark: 'del' | 'ins' | null, label = ''): ElementContent[] {
  const wrap = (t: string): ElementContent => (mark === 'del' ? delMark(t) : mark === 'ins' ? insMark(t) : { type: 'text', value: t });
  const out: ElementContent[] = [h('p', [...(label ? [h('span', { className: ['label'] }, label), { type: 'text' as const, value: ' ' }] : []), wrap(u.text)])];
  if (u.subparagraphs.length) out.push(h('ol', u.subparagraphs.map((s) => h('li', unitHast(s, mark, subLabel(s.id))))));
  return out;
}

/** One row of a comparison over units: what became of them, with the pair and its redline. */
export interface Entry {
  change: RowChange;
  a: Unit[];
  b: Unit[];
  pair?: Pair;
  redline?: Segment[];
}

/** The entries of a list alignment in the order of the new text, deleted units after their old neighbour. */
export function orderEntries(A: readonly Unit[], B: readonly Unit[], list: ListAlignment): Entry[] {
  const a = new Map(A.map((u) => [u.id, u]));
  const b = new Map(B.map((u) => [u.id, u]));
  const byB = new Map<string, Entry>();
  for (const p of list.pairs) if (a.has(p.a) && b.has(p.b)) byB.set(p.b, { change: p.change, a: [a.get(p.a)!], b: [b.get(p.b)!], pair: p, ...(p.redline ? { redline: p.redline } : {}) });
  for (const s of list.splits) {
    const e: Entry = { change: 'split', a: [a.get(s.a)!].filter(Boolean), b: s.b.map((id) => b.get(id)!).filter(Boolean), ...(s.redline ? { redline: s.redline } : {}) };
    for (const id of s.b) byB.set(id, e);
  }
  for (const m of list.merges) byB.set(m.b, { change: 'merged', a: m.a.map((id) => a.get(id)!).filter(Boolean), b: [b.get(m.b)!].filter(Boolean), ...(m.redline ? { redline: m.redline } : {}) });
  for (const id of list.inserted) if (b.has(id)) byB.set(id, { change: 'inserted', a: [], b: [b.get(id)!] });
  const out: Entry[] = [];
  for (const u of B) {
    const e = byB.get(u.id);
    if (e && !out.includes(e)) out.push(e);
  }
  // Deleted units: after the entry that holds the nearest old unit before them.
  const deleted = new Set(list.deleted);
  A.forEach((u, i) => {
    if (!deleted.has(u.id)) return;
    const e: Entry = { change: 'deleted', a: [u], b: [] };
    let at = 0;
    for (let k = i - 1; k >= 0; k--) {
      const idx = out.findIndex((x) => x.a.some((y) => y.id === A[k]!.id));
      if (idx !== -1) {
        at = idx + 1;
        break;
      }
    }
    out.splice(at, 0, e);
  });
  return out;
}

/** The text of an entry in one view. */
function entryHast(e: Entry, mode: Mode, label = ''): ElementContent[] {
  const lead = label ? [h('span', { className: ['label'] }, label), { type: 'text' as const, value: ' ' }] : [];
  if (e.change === 'inserted') return mode === 'a' ? [] : unitHast(e.b[0]!, 'ins', label);
  if (e.change === 'deleted') return mode === 'b' ? [] : unitHast(e.a[0]!, 'del', label);
  if (e.pair && e.redline) {
    const out: ElementContent[] = [h('p', [...lead, ...segmentsToHast(e.redline, mode)])];
    const sub = e.pair.subparagraphs;
    if (sub) {
      const entries = orderEntries(e.a[0]!.subparagraphs, e.b[0]!.subparagraphs, sub);
      const items = entries.map((x) => entryHast(x, mode, subLabel((mode === 'a' ? x.a[0] : x.b[0] ?? x.a[0])?.id ?? ''))).filter((c) => c.length);
      if (items.length) out.push(h('ol', items.map((c) => h('li', c))));
    }
    return out;
  }
  // Split or merge: one redline over the joined texts.
  if (e.redline) return [h('p', [...lead, ...segmentsToHast(e.redline, mode)])];
  const units = mode === 'a' ? e.a : e.b;
  return units.flatMap((u) => unitHast(u, null, label));
}

function sectionOf(id: string): 'preamble' | 'operative' | 'annex' {
  return id.startsWith('PP') ? 'preamble' : id.startsWith('ANX') ? 'annex' : 'operative';
}

// ---------------------------------------------------------------------------
// Side by side, derived from the inline redline

const PRUNED = new Set(['p', 'li', 'ol']);

function isLabel(e: Element): boolean {
  const c = e.properties.className;
  return e.tagName === 'span' && Array.isArray(c) && c.includes('label');
}

/** Whether nodes hold text other than whitespace, not counting labels ("(a)"). */
function hasText(nodes: readonly ElementContent[]): boolean {
  for (const n of nodes) {
    if (n.type === 'text' ? /\S/.test(n.value) : n.type === 'element' && !isLabel(n) && hasText(n.children)) return true;
  }
  return false;
}

function strip(nodes: readonly ElementContent[], drop: 'ins' | 'del'): ElementContent[] {
  const out: ElementContent[] = [];
  for (const n of nodes) {
    if (n.type !== 'element' || n.tagName === 'ins' || n.tagName === 'del') {
      if (n.type !== 'element' || n.tagName !== drop) out.push(n);
      continue;
    }
    const children = strip(n.children, drop);
    if (PRUNED.has(n.tagName) && !hasText(children)) continue;
    out.push({ ...n, children });
  }
  return out;
}

/**
 * One side of the side-by-side view, derived from the inline redline: side A
 * (the old text with its deletions) is the inline hast with every `ins`
 * removed, side B (the new text with its insertions) with every `del`
 * removed, through paragraphs, sub-paragraph lists and their items; a `p`,
 * `li` or `ol` left with no text but whitespace and labels is removed, and
 * a side left with no text at all is empty ([]: the page shows a dash).
 *
 * The compare page leaves out a row's side-by-side text when both sides are
 * derived so (sidesDerive), and the browser derives them by the same rule
 * over the DOM when the reader asks for that view
 * (src/scripts/compare-controls.ts, deriveSide).
 */
export function sideOfInline(inline: readonly ElementContent[], side: 'a' | 'b'): ElementContent[] {
  const out = strip(inline, side === 'a' ? 'ins' : 'del');
  return hasText(out) ? out : [];
}

function sameValue(x: unknown, y: unknown): boolean {
  if (Array.isArray(x) && Array.isArray(y)) return x.length === y.length && x.every((v, k) => v === y[k]);
  return x === y;
}

function sameProperties(p: Element['properties'], q: Element['properties']): boolean {
  const keys = Object.keys(p);
  if (keys.length !== Object.keys(q).length) return false;
  return keys.every((k) => Object.hasOwn(q, k) && sameValue(p[k], q[k]));
}

/** Whether two hast fragments are the same: types, tag names, properties, text, in order (positions ignored). */
export function sameHast(xs: readonly ElementContent[], ys: readonly ElementContent[]): boolean {
  if (xs.length !== ys.length) return false;
  for (let k = 0; k < xs.length; k++) {
    const x = xs[k]!;
    const y = ys[k]!;
    if (x.type !== y.type) return false;
    if (x.type === 'element') {
      const e = y as Element;
      if (x.tagName !== e.tagName || !sameProperties(x.properties, e.properties) || !sameHast(x.children, e.children)) return false;
    } else if (x.value !== (y as typeof x).value) return false;
  }
  return true;
}

/**
 * Whether both sides of a row are its inline redline by sideOfInline. Not so
 * for a split or merge with no redline (inline shows the new paragraphs
 * only), nor for a sub-paragraph list whose labels differ by side ("(b)"
 * became "(c)": inline shows the new label).
 */
export function sidesDerive(e: Pick<CompareEntry, 'inline' | 'sideA' | 'sideB'>): boolean {
  return sameHast(sideOfInline(e.inline, 'a'), e.sideA) && sameHast(sideOfInline(e.inline, 'b'), e.sideB);
}

/** Rows of a comparison in the order of the new version, their texts as hast. */
export function compareEntries(ua: VersionUnits, ub: VersionUnits, al: VersionAlignment): CompareEntry[] {
  const A = [...ua.preamble, ...ua.operative, ...ua.annex];
  const B = [...ub.preamble, ...ub.operative, ...ub.annex];
  return orderEntries(A, B, al).map((e) => {
    const a = e.a.map((u) => u.id);
    const b = e.b.map((u) => u.id);
    const main = b[0] ?? a[0]!;
    return {
      anchor: b.length ? `c-${b[0]}` : `c-old-${a[0]}`,
      section: sectionOf(main),
      change: e.change,
      a,
      b,
      ...(e.pair ? { pair: e.pair } : {}),
      inline: entryHast(e, 'inline'),
      sideA: entryHast(e, 'a'),
      sideB: entryHast(e, 'b'),
    };
  });
}

/** Rows of a comparison in the order of the new version, their texts as sanitized HTML. */
export function compareRows(ua: VersionUnits, ub: VersionUnits, al: VersionAlignment): CompareRow[] {
  return compareEntries(ua, ub, al).map((e) => ({ ...e, inline: hastToHtml(e.inline), sideA: hastToHtml(e.sideA), sideB: hastToHtml(e.sideB) }));
}

/** A redline of two plain texts as sanitized inline HTML (for paragraph histories). */
export function redlineHtml(segments: readonly Segment[]): string {
  return hastToHtml(segmentsToHast(segments, 'inline'));
}
