/**
 * Who sponsored each step of a series: the states that joined in sponsoring
 * between two versions and those that left. A version's sponsors are those
 * that submitted it and those that joined later; a version whose document
 * names no sponsors (an adopted resolution, a draft the Chair submitted) says
 * nothing about who joined or left, so a step to or from it has no change
 * (null) rather than every sponsor leaving.
 */
import type { ResolutionRecord } from '../model.ts';

export interface SponsorChange {
  /** Sponsors of the newer version that the older did not have, in the newer's order. */
  joined: string[];
  /** Sponsors of the older version that the newer does not have, in the older's order. */
  left: string[];
}

/** Every sponsor of a version (submitted, then joined later), or null when its document names none. */
export function sponsorsOf(record: Pick<ResolutionRecord, 'sponsors' | 'joinedSponsors'>): string[] | null {
  const all = [...new Set([...record.sponsors, ...record.joinedSponsors])];
  return all.length ? all : null;
}

/** The change of sponsors from `a` to `b`, or null when either names none. */
export function sponsorChange(a: Pick<ResolutionRecord, 'sponsors' | 'joinedSponsors'>, b: Pick<ResolutionRecord, 'sponsors' | 'joinedSponsors'>): SponsorChange | null {
  const before = sponsorsOf(a);
  const after = sponsorsOf(b);
  if (!before || !after) return null;
  const had = new Set(before);
  const has = new Set(after);
  return { joined: after.filter((s) => !had.has(s)), left: before.filter((s) => !has.has(s)) };
}
