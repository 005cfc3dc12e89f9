/**
 * One version of a resolution as open data: `data/versions/<slug>.json`.
 *
 * The file holds the version's metadata and its paragraph tree: the title,
 * the opening words, each preambular and operative paragraph with its inline
 * content (text, emphasis, strong, links, footnote calls) and sub-paragraphs
 * in place, the footnotes and the closing lines. `schema/version.schema.json`
 * describes it exactly (draft 2020-12); tests validate every version of the
 * corpus against it.
 *
 * A pure function of the record. Keys are written in a fixed order and no
 * clock is read, so the same record always gives byte-identical JSON. Source
 * positions are left out (they belong to the parser's own output), except
 * the first line of each paragraph, which helps a reader find it.
 */
import { safeSlug, versionSlugs } from '../slug.ts';
import type {
  Addressee,
  Adoption,
  ClauseKind,
  ParagraphContent,
  Phrasing,
  ResolutionRecord,
  Stage,
} from '../model.ts';
import { readableText } from '../text.ts';
import { jsonFileText } from './json-text.ts';
import { clauseFacts } from '../parse/addressees.ts';
import { footnotesOf, operativeOf, preambleOf } from './parse-json.ts';

/** Bump when the shape of the file changes in a way a reader would notice. */
export const VERSION_FORMAT = 1;

export type InlineJson =
  | { type: 'text'; value: string }
  | { type: 'emphasis'; children: InlineJson[] }
  | { type: 'strong'; children: InlineJson[] }
  | { type: 'link'; url: string | null; children: InlineJson[] }
  | { type: 'footnoteReference'; number: number };

export interface SubParagraphJson {
  type: 'subParagraph';
  id: string;
  label: string;
  children: ContentJson[];
}

export type ContentJson = InlineJson | SubParagraphJson;

export interface VersionParagraphBase {
  id: string;
  /** Plain text for people: footnote calls dropped, white space folded, sub-paragraphs left out. */
  text: string;
  /** 1-based line in the source file where the paragraph starts, or null. */
  line: number | null;
  children: ContentJson[];
}

export interface VersionPreambularJson extends VersionParagraphBase {
  lead: string | null;
}

export interface VersionOperativeJson extends VersionParagraphBase {
  number: number | null;
  verb: string | null;
  /** Who it asks to act (src/lib/parse/addressees.ts). */
  addressees: Addressee[];
  /** The kinds of its clauses, the paragraph's own first. */
  kinds: ClauseKind[];
}

export interface VersionFootnoteJson {
  number: number;
  text: string;
  children: InlineJson[];
}

export interface VersionJson {
  format: 'palimpsest-version';
  formatVersion: typeof VERSION_FORMAT;
  slug: string;
  id: string;
  source: string;
  position: number;
  symbol: string | null;
  title: string;
  session: number | null;
  year: number | null;
  date: string | null;
  stage: Stage;
  committee: string | null;
  agendaItem: number | null;
  sponsors: string[];
  joinedSponsors: string[];
  /** Who submitted it when no state did: "the Chair" (as printed); else null. */
  submittedBy: string | null;
  adoption: Adoption | null;
  origin: string;
  notes: string[];
  lines: { start: number; end: number };
  coverage: { words: number; covered: number };
  opening: string | null;
  preamble: VersionPreambularJson[];
  operative: VersionOperativeJson[];
  footnotes: VersionFootnoteJson[];
  closing: string | null;
}

// ---------------------------------------------------------------------------
// Slugs

/**
 * The slug of one version: from its symbol when it has one
 * ("A/C.3/74/L.18/Rev.1" → "a-c-3-74-l-18-rev-1"), else from its record id
 * (file stem and position: "ga72-2017-draft-resolution-1"). One rule for the
 * site, the data files and the CLI: src/lib/slug.ts.
 */
export function versionSlug(record: Pick<ResolutionRecord, 'symbol' | 'id'>): string {
  return safeSlug(record.symbol ?? record.id, 'version');
}

/** Slugs for several versions, unique among them (see versionSlugs), in the order given. */
export function uniqueSlugs(records: readonly Pick<ResolutionRecord, 'symbol' | 'id'>[]): string[] {
  const slugs = versionSlugs(records);
  return records.map((r) => slugs.get(r.id)!);
}

// ---------------------------------------------------------------------------
// Trees

export function inlineToJson(nodes: readonly Phrasing[]): InlineJson[] {
  return nodes.map((n): InlineJson => {
    switch (n.type) {
      case 'text':
        return { type: 'text', value: n.value };
      case 'emphasis':
        return { type: 'emphasis', children: inlineToJson(n.children) };
      case 'strong':
        return { type: 'strong', children: inlineToJson(n.children) };
      case 'link':
        return { type: 'link', url: n.url, children: inlineToJson(n.children) };
      case 'footnoteReference':
        return { type: 'footnoteReference', number: n.number };
    }
  });
}

export function contentToJson(nodes: readonly ParagraphContent[]): ContentJson[] {
  return nodes.map((n): ContentJson =>
    n.type === 'subParagraph'
      ? { type: 'subParagraph', id: n.id, label: n.label, children: contentToJson(n.children) }
      : inlineToJson([n])[0]!,
  );
}

function phrasingOf(record: ResolutionRecord, type: 'opening' | 'closing'): string | null {
  const node = record.tree.children.find((c) => c.type === type);
  return node && (node.type === 'opening' || node.type === 'closing') ? readableText(node.children) || null : null;
}

/** The open-data JSON of one version. Pure and deterministic. */
export function versionToJson(record: ResolutionRecord, slug: string = versionSlug(record)): VersionJson {
  return {
    format: 'palimpsest-version',
    formatVersion: VERSION_FORMAT,
    slug,
    id: record.id,
    source: record.source,
    position: record.position,
    symbol: record.symbol,
    title: record.title,
    session: record.session,
    year: record.year,
    date: record.date,
    stage: record.stage,
    committee: record.committee,
    agendaItem: record.agendaItem,
    sponsors: [...record.sponsors],
    joinedSponsors: [...record.joinedSponsors],
    submittedBy: record.submittedBy,
    adoption: record.adoption
      ? {
          date: record.adoption.date,
          meeting: record.adoption.meeting,
          vote: record.adoption.vote ? { ...record.adoption.vote, lists: record.adoption.vote.lists ? { ...record.adoption.vote.lists } : null } : null,
          oralRevisions: record.adoption.oralRevisions.map((o) => ({ kind: o.kind, by: o.by, statement: o.statement })),
        }
      : null,
    origin: record.origin,
    notes: [...record.notes],
    lines: { start: record.lines.start, end: record.lines.end },
    coverage: { words: record.coverage.words, covered: record.coverage.covered },
    opening: phrasingOf(record, 'opening'),
    preamble: preambleOf(record.tree).map((p) => ({
      id: p.id,
      lead: p.lead,
      text: readableText(p.children),
      line: p.position?.start.line ?? null,
      children: contentToJson(p.children),
    })),
    operative: operativeOf(record.tree).map((p) => ({
      id: p.id,
      number: p.number,
      verb: p.verb,
      ...clauseFacts(p),
      text: readableText(p.children),
      line: p.position?.start.line ?? null,
      children: contentToJson(p.children),
    })),
    footnotes: footnotesOf(record.tree).map((f) => ({
      number: f.number,
      text: readableText(f.children),
      children: inlineToJson(f.children),
    })),
    closing: phrasingOf(record, 'closing'),
  };
}

/** The file's text, as every data file (json-text.ts: compact; a site of 10,000 versions holds 10,000 of them). */
export function versionToJsonText(record: ResolutionRecord, slug?: string): string {
  return jsonFileText(versionToJson(record, slug));
}
