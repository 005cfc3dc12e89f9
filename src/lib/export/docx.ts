/**
 * Versions as Word documents: the clean text of one version, and the
 * comparison of two versions as tracked changes (docx-package.ts writes the
 * package).
 *
 * Paragraph numbers and sub-paragraph labels are literal text ("1.", "(a)")
 * followed by a tab, so that the text reads, accepts and rejects exactly as
 * printed; italics and bold are kept, footnote calls are Word footnotes.
 *
 * The comparison is the core's alignment (src/lib/align) with its word
 * redlines (src/lib/diff/redline.ts), in the order the compare page shows
 * (src/lib/compare/rows.ts): unchanged text as it stands; struck words as
 * deletions and new words as insertions, by "Palimpsest" on the newer
 * version's date; a new paragraph inserted and a removed one deleted with
 * their paragraph marks; a moved paragraph as a move (moved from its old
 * place, moved to its new one); a changed number or label as a deleted and
 * an inserted number. Accepting every change gives the newer text, rejecting
 * every change the older. A footnote's words are tracked in the footnote.
 */
import type { Phrasing, ResolutionRecord } from '../model.ts';
import { alignVersions, type ListAlignment, type VersionAlignment } from '../align/align.ts';
import { unitsOf, type Unit } from '../align/units.ts';
import { orderEntries, type Entry } from '../compare/rows.ts';
import { redline, type Segment } from '../diff/redline.ts';
import { annexesOf, footnotesOf, operativeOf, preambleOf } from './parse-json.ts';
import { packDocx, type DocxParagraph, type DocxSpan, type Mark, type ParagraphStyle } from './docx-package.ts';
import { annexHead, blocksOf, Notes, phrasingParagraph, plainRich, prefixOf, richOf, runsOf, styleOf, textRuns, wholeBlock, type Block, type Call, type Rich } from './docx-blocks.ts';

/** The author of every tracked change. */
export const DOCX_AUTHOR = 'Palimpsest';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/** "2017-10-13" as "13 October 2017". */
const printedDate = (iso: string) => `${Number(iso.slice(8, 10))} ${MONTHS[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;

/** The clean text of one version as a Word document. */
export function versionDocx(record: ResolutionRecord): Uint8Array {
  const notes = new Notes();
  const fn = new Map(footnotesOf(record.tree).map((f) => [f.number, f]));
  const call: Call = (n) => notes.call(String(n), n, { older: true, newer: true }, () => [phrasingParagraph('FootnoteText', fn.get(n)?.children ?? [], () => ({ text: '' }))]);
  const paragraphs: DocxParagraph[] = [];
  if (record.symbol) paragraphs.push({ style: 'Symbol', spans: [{ mark: null, runs: textRuns(record.symbol) }] });
  // The date as the UN prints it under the symbol ("13 October 2017"), which the parser reads back.
  if (record.date) paragraphs.push({ style: 'Symbol', spans: [{ mark: null, runs: textRuns(printedDate(record.date)) }] });
  const opening = record.tree.children.find((c) => c.type === 'opening');
  const first = operativeOf(record.tree)[0];
  // A decision is printed as one sentence: "The General Assembly decides to …".
  const decision = opening?.type === 'opening' && first && first.number === null && !preambleOf(record.tree).length && !richOf(opening.children).text.endsWith(',');
  for (const c of record.tree.children) {
    if (c.type === 'title') paragraphs.push(phrasingParagraph('Title', c.children, call));
    else if (c.type === 'opening' && decision) {
      const [own, ...subs] = wholeBlock(first, 0, null, call);
      paragraphs.push({ ...own!, style: 'Normal', spans: [...phrasingParagraph('Normal', c.children, call).spans, { mark: null, runs: [{ text: ' ' }] }, ...own!.spans] }, ...subs);
    } else if (c.type === 'operativePart' && decision) paragraphs.push(...c.children.slice(1).flatMap((p) => wholeBlock(p, 0, null, call)));
    else if (c.type === 'opening' || c.type === 'closing') paragraphs.push(phrasingParagraph('Normal', c.children, call));
    else if (c.type === 'preamble' || c.type === 'operativePart') paragraphs.push(...c.children.flatMap((p) => wholeBlock(p, 0, null, call)));
    else if (c.type === 'annex') {
      paragraphs.push(...annexHead(c, call));
      for (const a of c.children) {
        if (a.type === 'annexHeading') paragraphs.push(phrasingParagraph('Heading', a.children, call));
        else if (a.type === 'annexParagraph') paragraphs.push(...wholeBlock(a, 0, null, call));
      }
    }
  }
  return packDocx({
    paragraphs,
    footnotes: notes.list,
    revision: { author: DOCX_AUTHOR, date: record.date },
    title: record.symbol ?? record.title,
    subject: record.title,
    date: record.date,
    trackRevisions: false,
  });
}

// ---------------------------------------------------------------------------
// Two versions as tracked changes

interface Side {
  record: ResolutionRecord;
  blocks: Map<string, { node: Block; depth: number }>;
  call: Call;
}

/** Spans of a redline over two rich texts: kept words styled as the newer, struck as the older. */
function redlineSpans(ra: Rich, rb: Rich, segments: readonly Segment[], a: Side, b: Side): DocxSpan[] {
  const sideText = (kind: 'delete' | 'insert') => segments.filter((s) => s.kind !== kind).map((s) => s.text).join('');
  // The segments are over the aligner's texts; a text that differs (it should not) is written unstyled.
  const A = sideText('insert') === ra.text ? ra : plainRich(sideText('insert'));
  const B = sideText('delete') === rb.text ? rb : plainRich(sideText('delete'));
  const spans: DocxSpan[] = [];
  let pa = 0;
  let pb = 0;
  for (const s of segments) {
    const n = s.text.length;
    if (s.kind === 'equal') {
      spans.push(...keptSpans(A, pa, B, pb, n, a, b));
      pa += n;
      pb += n;
    } else if (s.kind === 'delete') {
      spans.push({ mark: 'del', runs: runsOf(A, pa, pa + n, a.call, 'del') });
      pa += n;
    } else {
      spans.push({ mark: 'ins', runs: runsOf(B, pb, pb + n, b.call, 'ins') });
      pb += n;
    }
  }
  return spans;
}

/** The footnote numbers called at each offset in (from, from + n] of a rich text (and at 0 when from is 0), by offset from `from`. */
function callsIn(rich: Rich, from: number, n: number): Map<number, number[]> {
  const out = new Map<number, number[]>();
  for (const c of rich.notes) if ((c.at > from || c.at === 0) && c.at >= from && c.at <= from + n) out.set(c.at - from, [...(out.get(c.at - from) ?? []), c.number]);
  return out;
}

/**
 * Words both texts keep, styled as the newer: a footnote called at the same
 * place in both is kept (its words tracked in the footnote), one called only
 * in the newer text is inserted and one only in the older deleted.
 */
function keptSpans(A: Rich, pa: number, B: Rich, pb: number, n: number, a: Side, b: Side): DocxSpan[] {
  const ca = callsIn(A, pa, n);
  const cb = callsIn(B, pb, n);
  const cuts = [...new Set([0, ...ca.keys(), ...cb.keys(), n])].sort((x, y) => x - y);
  const spans: DocxSpan[] = [];
  const push = (mark: Mark | null, runs: DocxSpan['runs']) => {
    if (runs.length) spans.push({ mark, runs });
  };
  let last = 0;
  for (const q of cuts) {
    if (q > last) push(null, runsOf({ ...B, notes: [] }, pb + last, pb + q, b.call));
    const na = ca.get(q) ?? [];
    const nb = cb.get(q) ?? [];
    const kept = Math.min(na.length, nb.length);
    push(null, nb.slice(0, kept).map((x) => b.call(x, null)));
    push('del', na.slice(kept).map((x) => a.call(x, 'del')));
    push('ins', nb.slice(kept).map((x) => b.call(x, 'ins')));
    last = q;
  }
  return spans;
}

/** A number or label that changed is struck and inserted; one that did not is kept. */
function prefixSpans(pa: string, pb: string): DocxSpan[] {
  if (pa === pb) return [{ mark: null, runs: textRuns(pb) }];
  return [{ mark: 'del', runs: textRuns(pa) }, { mark: 'ins', runs: textRuns(pb) }];
}

/** A unit of one side, whole, as one mark. */
function wholeUnit(side: Side, unit: Unit, mark: Mark): DocxParagraph[] {
  const { node, depth } = side.blocks.get(unit.id)!;
  return wholeBlock(node, depth, mark, side.call);
}

/** The paragraphs of a pair kept in place (unchanged or edited), and of its sub-paragraphs. */
function pairParagraphs(e: Entry, a: Side, b: Side): DocxParagraph[] {
  const ua = e.a[0]!;
  const ub = e.b[0]!;
  const na = a.blocks.get(ua.id)!.node;
  const { node: nb, depth } = b.blocks.get(ub.id)!;
  const segments = e.redline ?? redline(ua.text, ub.text);
  const own: DocxParagraph = { style: styleOf(nb, depth), spans: [...prefixSpans(prefixOf(na), prefixOf(nb)), ...redlineSpans(richOf(na.children), richOf(nb.children), segments, a, b)] };
  const sub = e.pair?.subparagraphs;
  if (sub) return [own, ...listParagraphs(ua.subparagraphs, ub.subparagraphs, sub, a, b)];
  return [own, ...ua.subparagraphs.flatMap((u) => wholeUnit(a, u, 'del')), ...ub.subparagraphs.flatMap((u) => wholeUnit(b, u, 'ins'))];
}

/**
 * One paragraph of the document to be: a pair kept in place (both texts),
 * what only the newer text holds (inserted, the new place of a moved
 * paragraph, the parts of a split or merge) or only the older (deleted, the
 * old place of a moved paragraph, the parts before a split or merge).
 */
type Item = { kind: 'both'; entry: Entry } | { kind: 'newer'; entry: Entry } | { kind: 'older'; unit: Unit; mark: Mark };

/**
 * The entries of a list alignment: the newer text's in its order (rows.ts),
 * and what only the older text holds in the order of the older text, each
 * after the item that holds the nearest older unit before it. So the text
 * with every change accepted reads in the newer order, and with every change
 * rejected in the older (a split or merge is its old parts deleted where
 * they stood and its new parts inserted where they stand).
 */
function listParagraphs(A: readonly Unit[], B: readonly Unit[], list: ListAlignment, a: Side, b: Side, before?: (e: Entry) => DocxParagraph[]): DocxParagraph[] {
  const entries = orderEntries(A, B, list);
  const inPlace = (e: Entry) => e.pair !== undefined && e.change !== 'moved';
  const items: Item[] = entries.filter((e) => e.change !== 'deleted').map((entry) => ({ kind: inPlace(entry) ? 'both' : 'newer', entry }));
  const olderOnly = new Map<Unit, Mark>();
  for (const e of entries) if (!inPlace(e)) for (const u of e.a) olderOnly.set(u, e.change === 'moved' ? 'moveFrom' : 'del');
  const holds = (x: Item, u: Unit) => (x.kind === 'older' ? x.unit === u : x.kind === 'both' && x.entry.a.includes(u));
  A.forEach((u, i) => {
    const mark = olderOnly.get(u);
    if (!mark) return;
    let at = 0;
    for (let k = i - 1; k >= 0 && !at; k--) {
      const idx = items.findIndex((x) => holds(x, A[k]!));
      if (idx !== -1) at = idx + 1;
    }
    items.splice(at, 0, { kind: 'older', unit: u, mark });
  });
  return items.flatMap((x) => {
    if (x.kind === 'older') return wholeUnit(a, x.unit, x.mark);
    const head = before ? before(x.entry) : [];
    if (x.kind === 'both') return [...head, ...pairParagraphs(x.entry, a, b)];
    return [...head, ...x.entry.b.flatMap((u) => wholeUnit(b, u, x.entry.change === 'moved' ? 'moveTo' : 'ins'))];
  });
}

function phrasingChange(style: ParagraphStyle, na: readonly Phrasing[] | null, nb: readonly Phrasing[] | null, a: Side, b: Side): DocxParagraph[] {
  if (!na && !nb) return [];
  if (!na) return [phrasingParagraph(style, nb!, b.call, 'ins')];
  if (!nb) return [phrasingParagraph(style, na, a.call, 'del')];
  const ra = richOf(na);
  const rb = richOf(nb);
  return [{ style, spans: redlineSpans(ra, rb, redline(ra.text, rb.text), a, b) }];
}

const childOf = (r: ResolutionRecord, type: 'title' | 'opening' | 'closing'): Phrasing[] | null => {
  const c = r.tree.children.find((x) => x.type === type);
  return c && 'children' in c ? (c.children as Phrasing[]) : null;
};

/**
 * A run of paragraphs inserted (or deleted, or moved) after a paragraph that
 * stays is marked as Word marks paragraphs typed after one: the mark of the
 * paragraph before is the new one, and the run's last mark is the old. The
 * same text either way, accepted or rejected; but LibreOffice joins a
 * tracked change at the end of the paragraph before with the run into one
 * change, its paragraph mark included, and rejecting that lost the mark (the
 * paragraph after was joined on). Changes the paragraphs in place.
 */
function shiftMarks(paragraphs: DocxParagraph[]): void {
  for (let i = 1; i < paragraphs.length; i++) {
    const mark = paragraphs[i]!.mark;
    if (!mark || paragraphs[i - 1]!.mark) continue;
    let j = i;
    while (j + 1 < paragraphs.length && paragraphs[j + 1]!.mark === mark) j++;
    paragraphs[i - 1] = { ...paragraphs[i - 1]!, mark };
    paragraphs[j] = { ...paragraphs[j]!, mark: null };
    i = j;
  }
}

export interface ComparisonDocxOptions {
  /** The alignment of the two records, with redlines (alignVersions(a, b, { redline: true })); made when not given. */
  alignment?: VersionAlignment;
  /** Names of the two versions for the document's properties ("A/C.3/74/L.18/Rev.1"). */
  names?: { a: string; b: string };
}

/** The comparison of an older and a newer version as a Word document of tracked changes (see the top of this module). */
export function comparisonDocx(older: ResolutionRecord, newer: ResolutionRecord, options: ComparisonDocxOptions = {}): Uint8Array {
  const alignment = options.alignment ?? alignVersions(older, newer, { redline: true });
  const notes = new Notes();
  const fnA = new Map(footnotesOf(older.tree).map((f) => [f.number, f]));
  const fnB = new Map(footnotesOf(newer.tree).map((f) => [f.number, f]));
  const pairOfB = new Map(alignment.footnotes.pairs.map((p) => [Number(p.b.slice(2)), p]));
  // A footnote of the older text that became one of the newer is the same footnote.
  const keyOfA = new Map(alignment.footnotes.pairs.map((p) => [Number(p.a.slice(2)), `b${p.b.slice(2)}`]));
  const none: Call = () => ({ text: '' });
  const a: Side = {
    record: older,
    blocks: blocksOf(older),
    call: (n, mark) => notes.call(keyOfA.get(n) ?? `a${n}`, n, { older: true, newer: mark === null }, () => [phrasingParagraph('FootnoteText', fnA.get(n)?.children ?? [], none)]),
  };
  const b: Side = {
    record: newer,
    blocks: blocksOf(newer),
    // A footnote called in kept text shows how its words changed; one called in new text is new, as its call.
    call: (n, mark) =>
      notes.call(`b${n}`, n, { older: mark === null, newer: true }, () => {
        const pair = pairOfB.get(n);
        const from = pair && !mark ? fnA.get(Number(pair.a.slice(2))) : undefined;
        const quiet: Side = { ...a, call: none };
        return from ? phrasingChange('FootnoteText', from.children, fnB.get(n)?.children ?? [], quiet, { ...b, call: none }) : [phrasingParagraph('FootnoteText', fnB.get(n)?.children ?? [], none)];
      }),
  };
  const ua = unitsOf(older);
  const ub = unitsOf(newer);
  const paragraphs: DocxParagraph[] = [];
  if (older.symbol !== newer.symbol) paragraphs.push({ style: 'Symbol', spans: prefixSpans(older.symbol ?? '', newer.symbol ?? '') });
  else if (newer.symbol) paragraphs.push({ style: 'Symbol', spans: [{ mark: null, runs: textRuns(newer.symbol) }] });
  paragraphs.push(...phrasingChange('Title', childOf(older, 'title'), childOf(newer, 'title'), a, b));
  paragraphs.push(...phrasingChange('Normal', childOf(older, 'opening'), childOf(newer, 'opening'), a, b));
  // The headings of the newer version's annexes, before their first paragraph.
  const headsBefore = new Map<string, (call: Call) => DocxParagraph[]>();
  for (const annex of annexesOf(newer.tree)) {
    let pending: ((call: Call) => DocxParagraph[])[] = [(call) => annexHead(annex, call)];
    for (const c of annex.children) {
      if (c.type === 'annexHeading') pending.push((call) => [phrasingParagraph('Heading', c.children, call)]);
      else if (c.type === 'annexParagraph') {
        const heads = pending;
        headsBefore.set(c.id, (call) => heads.flatMap((h) => h(call)));
        pending = [];
      }
    }
  }
  const before = (e: Entry) => {
    const id = e.b[0]?.id;
    return id && headsBefore.has(id) ? headsBefore.get(id)!(b.call) : [];
  };
  paragraphs.push(...listParagraphs([...ua.preamble, ...ua.operative, ...ua.annex], [...ub.preamble, ...ub.operative, ...ub.annex], alignment, a, b, before));
  paragraphs.push(...phrasingChange('Normal', childOf(older, 'closing'), childOf(newer, 'closing'), a, b));
  shiftMarks(paragraphs);
  const na = options.names?.a ?? older.symbol ?? older.title;
  const nb = options.names?.b ?? newer.symbol ?? newer.title;
  return packDocx({
    paragraphs,
    footnotes: notes.list,
    revision: { author: DOCX_AUTHOR, date: newer.date },
    title: `Changes from ${na} to ${nb}`,
    subject: newer.title,
    date: newer.date,
    trackRevisions: true,
  });
}
