/**
 * URL slugs for versions and series: safe file and directory names (lower-case
 * ASCII letters, digits and single hyphens; no slashes, no dots), bounded in
 * length, unique within the corpus and stable from one build to the next
 * (they depend only on a version's own symbol or id, never on its neighbours).
 */
import { createHash } from 'node:crypto';

export const MAX_SLUG = 64;
/** Series slugs come from titles: ten words fit. */
export const MAX_SERIES_SLUG = 96;

function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 8);
}

/** Any text to a safe slug part: "A/C.3/74/L.18/Rev.1" → "a-c-3-74-l-18-rev-1". */
export function safeSlug(text: string, fallback = 'x', max = MAX_SLUG): string {
  const s = text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (!s) return `${fallback}-${shortHash(text)}`;
  if (s.length <= max) return s;
  // Too long: keep the start, add a hash of the whole so that two long names stay apart.
  return `${s.slice(0, max - 9).replace(/-+$/, '')}-${shortHash(text)}`;
}

export interface Sluggable {
  id: string;
  symbol: string | null;
}

/**
 * Slugs for every version: from the symbol, else from the record id
 * ("<file stem>/<position>"). Two versions that would share a slug (the same
 * symbol in two files) each get a hash of their record id appended, so that
 * neither depends on the order in which files are read.
 */
export function versionSlugs(records: readonly Sluggable[]): Map<string, string> {
  const base = new Map<string, string>();
  const count = new Map<string, number>();
  for (const r of records) {
    const s = safeSlug(r.symbol ?? r.id, 'version');
    base.set(r.id, s);
    count.set(s, (count.get(s) ?? 0) + 1);
  }
  const out = new Map<string, string>();
  for (const r of records) {
    const s = base.get(r.id)!;
    out.set(r.id, count.get(s)! > 1 ? `${s.slice(0, MAX_SLUG - 9)}-${shortHash(r.id)}` : s);
  }
  return out;
}

/** Unique slugs for series ids (already slug-like in the core, made safe and bounded here). */
export function seriesSlugs(ids: readonly string[]): string[] {
  const emitted = new Set<string>();
  return ids.map((id) => {
    const base = safeSlug(id, 'series', MAX_SERIES_SLUG);
    let s = base;
    // Count up until the name is free: an id may itself look like another's slug with "-2".
    for (let k = 2; emitted.has(s); k++) s = `${base.slice(0, MAX_SERIES_SLUG - 1 - String(k).length)}-${k}`;
    emitted.add(s);
    return s;
  });
}
