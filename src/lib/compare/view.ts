/**
 * A comparison of two versions as the site shows it: the heading, the summary
 * of what changed and every row (its change, its links, its inline and
 * side-by-side texts where the browser cannot derive them from the inline
 * redline), as HTML strings written by the core's sanitizer.
 *
 * One renderer for both compare pages: the pages of precomputed pairs call it
 * at build time with the build's alignment, the page for any other pair calls
 * it in the browser (compareRecords) with the two records it fetched. The
 * same records and options give the same alignment, so the same HTML.
 *
 * Nothing from a record reaches the HTML except as hast text or attribute
 * values passed through rehype-sanitize (src/lib/export/html.ts's schema, with
 * the few attributes and the h1 the compare markup needs). Links come from the
 * caller (`href` of each side), so the core knows nothing of the site's base.
 */
import { h } from 'hastscript';
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import { unified } from 'unified';
import rehypeSanitize, { type Options as SanitizeSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import { alignVersions, type AlignOptions, type VersionAlignment } from '../align/align.ts';
import { unitsOf, type VersionUnits } from '../align/units.ts';
import type { ClauseFacts, ResolutionRecord } from '../model.ts';
import { clauseFactsOf, factTokens } from '../parse/addressees.ts';
import { operativeOf } from '../export/parse-json.ts';
import { anchorId, SANITIZE_SCHEMA } from '../export/html.ts';
import { sponsorChange, type SponsorChange } from '../series/sponsors.ts';
import { compareEntries, sidesDerive, summarize, type CompareEntry, type RowChange, type StepSummary } from './rows.ts';

/**
 * The options the compare pages align with: redlines, nothing else. Equal to
 * the build's SITE_ALIGN_OPTIONS (src/lib/stages.ts, which the browser cannot
 * load: it hashes with node:crypto); tests/compare checks that they agree.
 */
export const COMPARE_ALIGN_OPTIONS: AlignOptions = Object.freeze({ redline: true });

/** One of the two versions compared, as the page names and links it. */
export interface CompareSide {
  /** Its name for people: the symbol, or what it is and when. */
  name: string;
  /** What it is and when, for the lede: "recommended by the committee, 19 November 2019". */
  detail: string;
  /** Its page, without anchor; paragraph anchors are appended. */
  href: string;
  /** 0-based position in its series. */
  index: number;
}

export interface CompareInput {
  /** The series' title. */
  series: string;
  a: CompareSide;
  b: CompareSide;
  unitsA: VersionUnits;
  unitsB: VersionUnits;
  alignment: VersionAlignment;
  /** Who joined in sponsoring and who left between the two (src/lib/series/sponsors.ts); null or absent when unknown. */
  sponsors?: SponsorChange | null;
  /** What each operative paragraph asks and of whom (src/lib/parse/addressees.ts), by id, in each version; for the filters. */
  clauses?: { a: ReadonlyMap<string, ClauseFacts>; b: ReadonlyMap<string, ClauseFacts> };
}

export interface CompareView {
  /** "A/C.3/74/L.18/Rev.1 → A/C.3/75/L.8/Rev.1" (plain text). */
  title: string;
  /** The h1 and the lede. */
  heading: string;
  /** The summary list (<ul>). */
  summary: string;
  /**
   * Every row (<section class="row">), in the order of the newer version:
   * its inline redline, and its side-by-side text only where that is not the
   * redline with the insertions or the deletions removed (rows.ts,
   * sideOfInline); the browser derives the others (src/scripts/compare-
   * controls.ts), labelled with `sideLabels`.
   */
  rows: string;
  /** The labels of the two sides of the side-by-side view (p.side-label): the names of the versions. */
  sideLabels: { a: string; b: string };
  counts: StepSummary;
  /** How many rows, and how many of them changed. */
  rowCount: number;
  changedRows: number;
}

/** The sanitizer's schema with what the compare markup adds: an h1, the summary's list, and data-section, data-asks and data-kinds on rows. */
export const COMPARE_SCHEMA: SanitizeSchema = {
  ...SANITIZE_SCHEMA,
  tagNames: [...(SANITIZE_SCHEMA.tagNames ?? []), 'h1', 'ul'],
  attributes: { ...SANITIZE_SCHEMA.attributes, '*': [...(SANITIZE_SCHEMA.attributes?.['*'] ?? []), 'dataSection', 'dataAsks', 'dataKinds'] },
};

const processor = unified().use(rehypeSanitize, COMPARE_SCHEMA).use(rehypeStringify);

function toHtml(nodes: ElementContent[]): string {
  const root: HastRoot = { type: 'root', children: nodes };
  return processor.stringify(processor.runSync(root) as HastRoot);
}

const text = (value: string): ElementContent => ({ type: 'text', value });

export const CHANGE_NAMES: Record<RowChange, string> = { unchanged: 'Unchanged', edited: 'Edited', moved: 'Moved', inserted: 'Inserted', deleted: 'Deleted', split: 'Split', merged: 'Merged' };

/** Paragraph ids for people: "PP3" → "preambular paragraph 3", "OP5" → "operative paragraph 5". */
export function paragraphName(id: string): string {
  const annex = /^ANX(\d+)\.(U?)(\d+)(.*)$/.exec(id);
  if (annex) return `annex ${annex[1]}, ${annex[2] ? 'unnumbered paragraph' : 'paragraph'} ${annex[3]}${annex[4] ?? ''}`;
  const m = /^(PP|OP)(\d+)(.*)$/.exec(id);
  if (!m) return id;
  return `${m[1] === 'PP' ? 'preambular' : 'operative'} paragraph ${m[2]}${m[3] ?? ''}`;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The ids a row shows: "OP6", "OP3 → OP4", "PP2 + PP3 → PP2", "OP7 (new)", "PP5 (removed)". */
export function rowLabel(r: Pick<CompareEntry, 'change' | 'a' | 'b'>): string {
  if (r.change === 'inserted') return `${r.b[0]} (new)`;
  if (r.change === 'deleted') return `${r.a[0]} (removed)`;
  if (r.a.join() === r.b.join()) return r.b.join(' + ');
  return `${r.a.join(' + ')} → ${r.b.join(' + ')}`;
}

const link = (side: CompareSide, id: string) => `${side.href}#${anchorId(id)}`;

/** What the heading and the summary of a comparison need: no texts. */
export type ComparePrefaceInput = Pick<CompareInput, 'series' | 'a' | 'b' | 'alignment' | 'sponsors'>;

function headingHast(input: ComparePrefaceInput): ElementContent[] {
  const { a, b } = input;
  const between = b.index - a.index - 1;
  const span =
    b.index === a.index + 1 ? ' Successive versions.' : between > 0 ? ` ${plural(between, 'version')} in between.` : '';
  return [
    h('h1', ['Changes from ', h('span', { className: ['symbol'] }, a.name), ' to ', h('span', { className: ['symbol'] }, b.name)]),
    h('p', { className: ['lede'] }, [
      `${input.series}: `,
      h('a', { href: a.href }, a.name),
      ` (${a.detail}) to `,
      h('a', { href: b.href }, b.name),
      ` (${b.detail}).${span}`,
    ]),
  ];
}

function verbList(items: StepSummary['stronger']): ElementContent[] {
  return items.flatMap((v, k) => [...(k > 0 ? [text('; ')] : []), h('a', { href: `#c-${v.b}` }, v.b), text(` “${v.from}” → “${v.to}”`)]);
}

function sponsorItems(c: SponsorChange | null | undefined): Element[] {
  if (!c) return [];
  if (!c.joined.length && !c.left.length) return [h('li', 'Sponsors: the same states.')];
  const items: Element[] = [];
  if (c.joined.length) items.push(h('li', `Sponsors who joined (${c.joined.length}): ${c.joined.join(', ')}.`));
  if (c.left.length) items.push(h('li', `Sponsors who are no longer listed (${c.left.length}): ${c.left.join(', ')}.`));
  return items;
}

function summaryHast(s: StepSummary, sponsors?: SponsorChange | null): ElementContent[] {
  const strong = (n: number | string) => h('strong', String(n));
  const items: Element[] = [
    h('li', [
      strong(plural(s.inserted, 'paragraph')),
      ' inserted, ',
      strong(s.deleted),
      ' deleted, ',
      strong(s.edited),
      ' edited, ',
      strong(s.moved),
      ' moved',
      ...(s.splits > 0 ? [', ', strong(s.splits), ' split'] : []),
      ...(s.merges > 0 ? [', ', strong(s.merges), ' merged'] : []),
      `; ${s.unchanged} unchanged.`,
    ]),
    h('li', `Of the paragraphs that kept a counterpart and changed: ${s.substantive} substantive, ${s.technical} technical updates only (newer references, dates, session numbers).`),
  ];
  if (s.stronger.length) items.push(h('li', [text('Operative verbs strengthened: '), ...verbList(s.stronger)]));
  if (s.weaker.length) items.push(h('li', [text('Operative verbs weakened: '), ...verbList(s.weaker)]));
  if (!s.stronger.length && !s.weaker.length) items.push(h('li', 'No operative verb became stronger or weaker.'));
  items.push(...sponsorItems(sponsors));
  return [h('ul', items)];
}

export interface CompareViewOptions {
  /** Write every row's side-by-side text, derivable or not (for tests and measurements). */
  allSides?: boolean;
}

function rowHast(r: CompareEntry, input: CompareInput, options: CompareViewOptions): Element {
  const { a, b } = input;
  const label = rowLabel(r);
  const head: ElementContent[] = [
    h('span', { className: ['ids'] }, label),
    h('span', { className: ['badge', `c-${r.change}`] }, `${CHANGE_NAMES[r.change]}${r.pair?.change === 'moved' && r.pair.edited ? ' and edited' : ''}`),
  ];
  if (r.pair && r.pair.class !== 'unchanged') head.push(h('span', { className: ['muted'] }, r.pair.class === 'technical' ? 'technical update' : 'substantive'));
  const verb = r.pair?.verb;
  if (verb && verb.direction !== 'unranked' && verb.direction !== 'same') head.push(h('span', `verb ${verb.direction}: “${verb.from}” → “${verb.to}”`));
  if (r.change === 'moved') head.push(h('span', ['moved from ', h('a', { href: link(a, r.a[0]!) }, `${paragraphName(r.a[0]!)} of ${a.name}`)]));
  if (r.change === 'split') head.push(h('span', `${r.a[0]} of ${a.name} split into ${r.b.join(' and ')}`));
  if (r.change === 'merged') head.push(h('span', `${r.a.join(' and ')} of ${a.name} merged into ${r.b[0]}`));
  if (r.b[0]) head.push(h('a', { href: link(b, r.b[0]) }, `in ${b.name}`));
  if (r.change === 'deleted') head.push(h('a', { href: link(a, r.a[0]!) }, `in ${a.name}`));
  const dash = () => [h('p', '—')];
  return h('section', { className: ['row'], id: r.anchor, dataChange: r.change, dataSection: r.section, ...rowFacts(r, input), ariaLabel: label }, [
    h('p', { className: ['row-head'] }, head.flatMap((c, k) => (k ? [text(' '), c] : [c]))),
    h('div', { className: ['text', 'inline'] }, r.inline),
    // Left out where the browser derives it from the inline redline (rows.ts, sideOfInline).
    ...(options.allSides || !sidesDerive(r)
      ? [
          h('div', { className: ['text', 'side'] }, [
            h('div', [h('p', { className: ['side-label'] }, a.name), ...(r.sideA.length ? r.sideA : dash())]),
            h('div', [h('p', { className: ['side-label'] }, b.name), ...(r.sideB.length ? r.sideB : dash())]),
          ]),
        ]
      : []),
  ]);
}

/**
 * What a row's operative paragraphs ask and of whom, in either version, as
 * space-separated tokens for the filters: data-asks="secretary-general
 * member-states", data-kinds="request report-request". Other rows carry none.
 */
function rowFacts(r: CompareEntry, input: CompareInput): { dataAsks?: string; dataKinds?: string } {
  if (!input.clauses || r.section !== 'operative') return {};
  const facts = [...r.a.map((id) => input.clauses!.a.get(id)), ...r.b.map((id) => input.clauses!.b.get(id))].filter((f): f is ClauseFacts => f !== undefined);
  const { asks, kinds } = factTokens(facts);
  return { dataAsks: asks, dataKinds: kinds };
}

/** The clause facts of both versions, for CompareInput.clauses. */
export function clausesOf(a: ResolutionRecord, b: ResolutionRecord): NonNullable<CompareInput['clauses']> {
  return { a: clauseFactsOf(operativeOf(a.tree)), b: clauseFactsOf(operativeOf(b.tree)) };
}

/** The title, heading and summary of a comparison, as sanitized HTML: what a pair's own page writes at build time (its rows are drawn in the browser). */
export function comparePreface(input: ComparePrefaceInput): Pick<CompareView, 'title' | 'heading' | 'summary' | 'counts'> {
  const counts = summarize(input.alignment);
  return {
    title: `${input.a.name} → ${input.b.name}`,
    heading: toHtml(headingHast(input)),
    summary: toHtml(summaryHast(counts, input.sponsors)),
    counts,
  };
}

/** The comparison of two versions, from their units and alignment (redlines included), as sanitized HTML. */
export function compareView(input: CompareInput, options: CompareViewOptions = {}): CompareView {
  const entries = compareEntries(input.unitsA, input.unitsB, input.alignment);
  return {
    ...comparePreface(input),
    rows: toHtml(entries.map((r) => rowHast(r, input, options))),
    sideLabels: { a: input.a.name, b: input.b.name },
    rowCount: entries.length,
    changedRows: entries.filter((r) => r.change !== 'unchanged').length,
  };
}

/** The comparison of two records: the core's alignment with COMPARE_ALIGN_OPTIONS, then compareView. */
export function compareRecords(a: ResolutionRecord, b: ResolutionRecord, meta: { series: string; a: CompareSide; b: CompareSide }, options: CompareViewOptions = {}): CompareView {
  return compareView({ ...meta, unitsA: unitsOf(a), unitsB: unitsOf(b), alignment: alignVersions(a, b, COMPARE_ALIGN_OPTIONS), sponsors: sponsorChange(a, b), clauses: clausesOf(a, b) }, options);
}
