/**
 * How a text was adopted, as the narration of a report says it: without a
 * vote, or by a recorded vote with its counts ("by a recorded vote of 121 to
 * 35, with 28 abstentions") and the lists that follow ("In favour: …",
 * "Against: …", "Abstaining: …"); and the oral revisions or corrections read
 * out before the action ("the representative of Colombia orally revised the
 * draft resolution by deleting operative paragraph 10").
 *
 * Nothing is inferred: a text the document does not say was adopted without a
 * vote has no vote (null), which the pages show as "not stated".
 */
import type { OralRevision, Vote } from '../model.ts';
import { splitStateList } from './states.ts';

/** "none", "no" → 0; "121" → 121. */
function count(word: string | undefined): number | null {
  if (word === undefined) return null;
  if (/^(?:none|no)$/i.test(word)) return 0;
  const n = Number(word.replace(/,/g, ''));
  return Number.isFinite(n) ? n : null;
}

const NUMBER = String.raw`(\d[\d,]*|none|no)`;
/** "by a recorded vote of 121 to 35, with 28 abstentions", "by a recorded vote of 169 in favour to 6 against, with 3 abstentions", "by 120 votes to 10". */
const COUNTED_VOTE = new RegExp(
  String.raw`\bby (?:a (recorded )?vote of |(?:a )?(recorded )?)?${NUMBER}(?: votes?)?(?: in favour)? to ${NUMBER}(?: against)?(?:\s*\([^)]*\))?,? (?:with|and) ${NUMBER} abstentions?`,
  'i',
);
const UNCOUNTED_VOTE = /\bby (?:a )?(recorded )?vote\b/i;
const WITHOUT_VOTE = /\bwithout a vote\b|\bby consensus\b/i;

/** The vote stated in one sentence of narration about an adoption, or null when it states none. */
export function readVote(text: string): Vote | null {
  const counted = COUNTED_VOTE.exec(text);
  if (counted) {
    return {
      method: counted[1] || counted[2] ? 'recorded' : 'vote',
      inFavour: count(counted[3]),
      against: count(counted[4]),
      abstaining: count(counted[5]),
      lists: null,
    };
  }
  const uncounted = UNCOUNTED_VOTE.exec(text);
  if (uncounted) return { method: uncounted[1] ? 'recorded' : 'vote', inFavour: null, against: null, abstaining: null, lists: null };
  if (WITHOUT_VOTE.test(text)) return { method: 'without-vote', inFavour: null, against: null, abstaining: null, lists: null };
  return null;
}

/**
 * The lists of a recorded vote, from the paragraphs after "The voting was as
 * follows:": each list opens a paragraph ("In favour: Afghanistan, …") or
 * follows another in the same one. Null when no paragraph holds a list.
 */
export function readVotingLists(paragraphs: readonly string[]): Vote['lists'] {
  const lists = { inFavour: [] as string[], against: [] as string[], abstaining: [] as string[] };
  let found = false;
  const joined = paragraphs.join('\n');
  // The three heads wherever they stand, in order; each list runs to the next head.
  const heads = [...joined.matchAll(/(?:^|[\n.;]\s*)[*_]*(In favour|Against|Abstaining)[*_]*:[*_]*/gi)];
  heads.forEach((m, k) => {
    const from = m.index! + m[0].length;
    const to = heads[k + 1]?.index ?? joined.length;
    const key = /^in/i.test(m[1]!) ? 'inFavour' : /^ag/i.test(m[1]!) ? 'against' : 'abstaining';
    const body = joined.slice(from, to).replace(/\s+/g, ' ').replace(/[.;]\s*$/, '').trim();
    if (/^none$/i.test(body)) { found = true; return; }
    lists[key] = splitStateList(body);
    found = true;
  });
  return found ? lists : null;
}

const REVISION = /\b((?:the )?(?:representatives?|delegations?|Chair|Vice-Chair|Secretary|Rapporteur)\b[^.;]*?)\s+(?:also\s+)?orally\s+(revised|corrected)\b/i;
const AS_REVISED = /\bas orally (revised|corrected)\b/i;

/** An oral revision or correction stated in one paragraph of narration, or null. */
export function readOralRevision(text: string): OralRevision | null {
  const statement = text.replace(/^\d+\.\s+/, '').replace(/\s+/g, ' ').trim();
  const m = REVISION.exec(statement);
  if (m) {
    const by = m[1]!.replace(/^(?:At (?:the|its) [^,]+,\s*|Also at [^,]+,\s*|At the same meeting,\s*)/i, '');
    return { kind: m[2]!.toLowerCase() as OralRevision['kind'], by: /^the\b/i.test(by) ? by : `the ${by}`, statement };
  }
  const as = AS_REVISED.exec(statement);
  return as ? { kind: as[1]!.toLowerCase() as OralRevision['kind'], by: null, statement } : null;
}

/** The vote for people: "without a vote", "by a recorded vote of 121 to 35, with 28 abstentions", or "not stated". */
export function voteText(vote: Vote | null): string {
  if (!vote) return 'not stated in the document';
  if (vote.method === 'without-vote') return 'without a vote';
  const how = vote.method === 'recorded' ? 'by a recorded vote' : 'by a vote';
  if (vote.inFavour === null) return how;
  return `${how} of ${vote.inFavour} to ${vote.against ?? 0}, with ${vote.abstaining ?? 0} abstention${vote.abstaining === 1 ? '' : 's'}`;
}
