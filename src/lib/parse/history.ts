/**
 * Section II of a report of the Third Committee tells the history of each
 * draft: its L-document symbol, who submitted it, when the Committee adopted
 * it, whether it was revised orally, and which draft resolution of section III
 * it became ("see para. 29, draft resolution VIII"). This module reads those
 * facts from the narration, one sub-section ("H. Draft resolution A/C.3/74/L.18")
 * at a time.
 */
import { lSymbols, parseDayMonth } from './meta.ts';
import { splitStateList } from './states.ts';
import { readOralRevision, readVote, readVotingLists } from './adoption.ts';
import type { OralRevision, Vote } from '../model.ts';

export interface DraftHistory {
  /** Every L-document symbol the sub-section names, in order of appearance. */
  symbols: string[];
  /** The symbol of the text the Committee adopted. */
  adoptedSymbol: string | null;
  /** The section III numeral it became ("VIII"), or "decision" for a draft decision without numeral. */
  recommendedAs: string | null;
  kind: 'resolution' | 'decision';
  sponsors: string[];
  /** States that joined in sponsoring after submission. */
  joinedSponsors: string[];
  /** "the Chair" (with "on the recommendation of the Council" where printed) when the Chair submitted the text; else null. */
  submittedBy: string | null;
  adoptedAtMeeting: string | null;
  adoptedOn: string | null;
  orallyRevised: boolean;
  /** An oral correction (editorial, as the Secretary reads it out) rather than a revision by the sponsors. */
  orallyCorrected: boolean;
  /** How the Committee adopted it, where the narration says (null when it does not). */
  vote: Vote | null;
  /** The oral revisions and corrections stated, in order. */
  oralRevisions: OralRevision[];
  /** The symbol introduced, with when, for drafts quoted in full. */
  introduced: { symbol: string; meeting: string | null; date: string | null; sponsors: string[] }[];
  /** Title as given in the narration ("entitled “…”"). */
  title: string | null;
  line: number;
}

export interface NarrationParagraph {
  line: number;
  text: string;
}

const MEETING = /\b(?:At|at) (?:its|the) (\d+(?:st|nd|rd|th)) meeting(?:,? on (\d{1,2} [A-Z][a-z]+(?: \d{4})?))?/;

/** Read one sub-section of section II. */
export function readDraftHistory(heading: string, paragraphs: readonly NarrationParagraph[], year: number | null, line: number): DraftHistory {
  const all = [heading, ...paragraphs.map((p) => p.text)].join('\n');
  const history: DraftHistory = {
    symbols: lSymbols(all),
    adoptedSymbol: null,
    recommendedAs: null,
    kind: /draft decision/i.test(heading) ? 'decision' : 'resolution',
    sponsors: [],
    joinedSponsors: [],
    submittedBy: null,
    adoptedAtMeeting: null,
    adoptedOn: null,
    orallyRevised: false,
    orallyCorrected: false,
    vote: null,
    oralRevisions: [],
    introduced: [],
    title: null,
    line,
  };
  let meeting: string | null = null;
  let date: string | null = null;
  const mentioned: OralRevision[] = [];
  paragraphs.forEach(({ text }, k) => {
    const m = MEETING.exec(text);
    if (m) {
      meeting = `${m[1]} meeting`;
      if (m[2]) date = parseDayMonth(m[2], year);
    }
    const title = /entitled [“"]([^”"]+)[”"]/.exec(text);
    if (title && !history.title) history.title = title[1]!;

    // Who submitted the text: the latest submission in the sub-section names the sponsors of the text adopted.
    const submitted = /submitted by (?!the Chair)(.+?)(?:\.\s|\.$|; )/.exec(text);
    const onBehalf = /on behalf of (.+?), introduced/.exec(text);
    const byChair = /submitted by (the (?:Vice-)?Chair(?:,? on the recommendation of the (?:Economic and Social )?Council)?)/.exec(text);
    if (byChair) {
      history.submittedBy = byChair[1]!;
      history.sponsors = [];
      history.joinedSponsors = [];
    }
    if (submitted) {
      history.submittedBy = null;
      const sponsors: string[] = [];
      const add = (s: string) => { if (!sponsors.includes(s)) sponsors.push(s); };
      // "submitted by the sponsors of draft resolution A/C.3/68/L.17 and Armenia, ...": the earlier sponsors, then the new.
      const earlier = /^the sponsors of (?:the )?draft resolution (\S+?)(?:\s+and\s+|$)/.exec(submitted[1]!);
      if (earlier) {
        const symbol = lSymbols(earlier[1]!)[0];
        for (const s of history.introduced.find((i) => i.symbol === symbol)?.sponsors ?? []) add(s);
      }
      const named = earlier ? submitted[1]!.slice(earlier[0].length) : submitted[1]!;
      // "Uganda (on behalf of the States Members ... of the Group of African States)": Uganda submits for the group.
      const submitters = named.replace(/\s*\(?on behalf of (?:the States Members of the United Nations that are members of )?the (Group of (?:[A-Z][a-z]+ )+States)\)?/g, '');
      for (const s of splitStateList(submitters)) add(s);
      history.sponsors = sponsors;
      history.joinedSponsors = [];
    } else if (onBehalf && history.sponsors.length === 0) {
      history.sponsors = splitStateList(onBehalf[1]!);
    }
    const joined = /Subsequently, (.+?) joined in sponsoring/.exec(text);
    if (joined) for (const s of splitStateList(joined[1]!)) if (!history.joinedSponsors.includes(s)) history.joinedSponsors.push(s);

    if (/introduced|which read:/.test(text)) {
      const syms = lSymbols(text);
      if (syms.length) {
        history.introduced.push({
          symbol: syms[syms.length - 1]!,
          meeting,
          date,
          sponsors: onBehalf ? splitStateList(onBehalf[1]!) : [],
        });
      }
    }

    const revision = readOralRevision(text);
    if (revision) (revision.by ? history.oralRevisions : mentioned).push(revision);
    if (/orally revised|oral revision/i.test(text)) history.orallyRevised = true;
    if (/orally corrected|oral correction/i.test(text)) history.orallyCorrected = true;

    const adopted = /(?:adopted|decided to recommend)(?:[^()]|\([^()]*\))*?(?:draft (?:resolution|decision)\s*(\[?A\/C\.\d\/\d+\/L\.\d+(?:\/Rev\.\d+)?\]?)?)?[^()]*\(see para\.\s*\d+(?:,\s*draft (resolution|decision)\s+([IVXLC]+))?\)/.exec(text);
    if (adopted) {
      history.adoptedSymbol = adopted[1]?.replace(/[[\]]/g, '') ?? history.symbols[history.symbols.length - 1] ?? null;
      history.recommendedAs = adopted[3] ?? (history.kind === 'decision' ? 'decision' : null);
      history.adoptedAtMeeting = meeting;
      history.adoptedOn = date;
      history.vote = readVote(text);
      // "The voting was as follows:" in the same paragraph or the next ones: the lists of a recorded vote.
      if (history.vote?.method === 'recorded') {
        const rest = [text, ...paragraphs.slice(k + 1).map((p) => p.text)];
        const from = rest.findIndex((t) => /voting was as follows/i.test(t));
        if (from !== -1) history.vote.lists = readVotingLists([rest[from]!.replace(/^[\s\S]*?voting was as follows:?/i, ''), ...rest.slice(from + 1, from + 4)]);
      }
    }
  });
  // "adopted … as orally revised" alone says that it was, not who revised it: kept when nothing says more.
  if (!history.oralRevisions.length && mentioned.length) history.oralRevisions.push(mentioned[0]!);
  return history;
}
