/**
 * The meta block of an Akoma Ntoso version: its names (FRBR), the organs,
 * states and concepts it refers to, and who submitted, revised and adopted it.
 *
 * Naming choices (AKN4UN guidelines, "AKN4UN Naming convention" and
 * "Document Class: Deliberative Documents"; OASIS Akoma Ntoso Naming Convention 1.0):
 *
 * - Document type `<statement>`; AKN4UN prescribes the subtype "deliberation"
 *   for resolutions and suggests the names "resolution" (adopted) and
 *   "resolutionDraft" (any draft: as submitted, revised, or recommended by a
 *   Main Committee). A draft decision is named "decision".
 * - Work IRI: /akn/un/statement/deliberation/{actor}/{date}/{number}, where
 *   the country part is "un" (reserved by ISO 3166/MA for the United Nations).
 *   · adopted resolution A/RES/76/187 of 16 December 2021:
 *     /akn/un/statement/deliberation/unga/2021-12-16/76-187
 *     (actor "unga"; number "session-number"; date of adoption);
 *   · draft: the symbol with "/" as "-" is the number, the actor is the
 *     organ it was submitted to ("unga-c3" for the Third Committee, from
 *     A/C.3/…; "unga" for a plenary draft A/76/L.…), the date is the
 *     document's: /akn/un/statement/deliberation/unga-c3/2019-11-19/A-C.3-74-L.18-Rev.1.
 *     Each symbol is its own Work: a draft does not know the number it will
 *     be adopted under, and a revision (Rev.1) is a new document.
 *   · no symbol (a draft decision in a report, a draft without its symbol):
 *     the number is the version's slug (file stem and position).
 * - Expression: {work}/eng@{date}; Manifestation: {expression}/!main.xml
 *   (FRBRthis) and {expression}.akn (FRBRuri). The manifestation carries the
 *   expression's date: the markup is derived from that text alone, and a
 *   generation timestamp would break byte-identical output.
 * - Who and how: the sponsors are `<docProponent as="#sponsor">` (or
 *   "#joinedSponsor", for states that joined later) in the preface, each a
 *   TLCOrganization "state_{name}"; the oral revisions and the adoption are
 *   `<step>`s of a `<workflow>` (outcome "#adoptedWithoutVote",
 *   "#adoptedByRecordedVote", "#orallyRevised", …, by the organ that adopted
 *   it or the state that read the revision out); a vote's counts are
 *   `<count>`s of a `<voting>` in `<analysis>`. Where the document says none
 *   of it, nothing is written.
 */
import { x } from 'xastscript';
import type { Element } from 'xast';
import type { OralRevision, ResolutionRecord, Stage, Vote } from '../model.ts';
import { versionSlug } from './version-json.ts';
import { xmlSafe } from './akn-text.ts';

export interface Naming {
  name: 'resolution' | 'resolutionDraft' | 'decision';
  work: string;
  expression: string;
  date: string;
  dateName: string;
  authorId: string;
}

const DATE_NAME: Record<Stage, string> = {
  draft: 'submission',
  'revised-draft': 'submission',
  recommended: 'recommendation',
  adopted: 'adoption',
  decision: 'recommendation',
};

export const STAGE_TEXT: Record<Stage, string> = {
  draft: 'Draft resolution',
  'revised-draft': 'Revised draft resolution',
  recommended: 'Draft resolution recommended for adoption',
  adopted: 'Resolution adopted by the General Assembly',
  decision: 'Draft decision recommended for adoption',
};

export const ORDINALS = ['First', 'Second', 'Third', 'Fourth', 'Fifth', 'Sixth'];

/** "Third Committee" → 3; also from a symbol A/C.3/…. */
export function committeeNumber(record: ResolutionRecord): number | null {
  const bySymbol = record.symbol?.match(/^A\/C\.(\d)\//);
  if (bySymbol) return Number(bySymbol[1]);
  const byName = record.committee?.match(/^(First|Second|Third|Fourth|Fifth|Sixth) Committee$/);
  return byName ? ORDINALS.indexOf(byName[1]!) + 1 : null;
}

export function committeeId(n: number): string {
  return `${ORDINALS[n - 1]!.toLowerCase()}Committee`;
}

/** An IRI path segment from a symbol: "/" becomes "-", anything outside [A-Za-z0-9.-] is dropped. */
function symbolSegment(symbol: string): string {
  return symbol.replace(/\//g, '-').replace(/[^A-Za-z0-9.-]/g, '');
}

export function isoDate(record: ResolutionRecord): string | null {
  const d = record.stage === 'adopted' ? (record.adoption?.date ?? record.date) : record.date;
  return d && /^\d{4}-\d{2}-\d{2}$/.test(d) ? d : null;
}

export function aknNaming(record: ResolutionRecord): Naming {
  const adopted = record.stage === 'adopted';
  const resNumber = record.symbol?.match(/^A\/RES\/(\d+)\/(\d+)/);
  const committee = committeeNumber(record);
  const actor = adopted || committee === null ? 'unga' : `unga-c${committee}`;
  const number = adopted && resNumber
    ? `${resNumber[1]}-${resNumber[2]}`
    : record.symbol
      ? symbolSegment(record.symbol)
      : versionSlug(record);
  const date = isoDate(record);
  // Without a date, the year alone names the Work (the Naming Convention allows it);
  // FRBRdate needs a full date, so it takes the first day of that year.
  const uriDate = date ?? String(record.year ?? 'undated');
  const work = `/akn/un/statement/deliberation/${actor}/${uriDate}/${number}`;
  return {
    name: adopted ? 'resolution' : record.stage === 'decision' ? 'decision' : 'resolutionDraft',
    work,
    expression: `${work}/eng@${date ?? ''}`,
    date: date ?? `${String(record.year ?? 1).padStart(4, '0')}-01-01`,
    dateName: date ? DATE_NAME[record.stage] : 'year',
    authorId: adopted || committee === null ? 'generalAssembly' : committeeId(committee),
  };
}

export function identification(record: ResolutionRecord, n: Naming): Element {
  const author = `#${n.authorId}`;
  return x('identification', { source: '#palimpsest' }, [
    x('FRBRWork', [
      x('FRBRthis', { value: `${n.work}/!main` }),
      x('FRBRuri', { value: n.work }),
      x('FRBRdate', { date: n.date, name: n.dateName }),
      x('FRBRauthor', { href: author }),
      x('FRBRcountry', { value: 'un' }),
      x('FRBRsubtype', { value: 'deliberation' }),
      record.symbol ? x('FRBRnumber', { value: xmlSafe(record.symbol) }) : null,
      x('FRBRname', { value: n.name }),
    ]),
    x('FRBRExpression', [
      x('FRBRthis', { value: `${n.expression}/!main` }),
      x('FRBRuri', { value: n.expression }),
      x('FRBRdate', { date: n.date, name: n.dateName }),
      x('FRBRauthor', { href: author }),
      x('FRBRlanguage', { language: 'eng' }),
    ]),
    x('FRBRManifestation', [
      x('FRBRthis', { value: `${n.expression}/!main.xml` }),
      x('FRBRuri', { value: `${n.expression}.akn` }),
      x('FRBRdate', { date: n.date, name: 'expression' }),
      x('FRBRauthor', { href: '#palimpsest' }),
      x('FRBRformat', { value: 'application/akn+xml' }),
    ]),
  ]);
}

/** The organs, states, roles and concepts the document refers to, those used only. */
export function references(record: ResolutionRecord): Element {
  const committee = committeeNumber(record);
  const outcomes = [...new Set(adoptionSteps(record).map((s) => s.outcome))];
  const vote = record.adoption?.vote;
  const sponsors = sponsorIds(record);
  return x('references', { source: '#palimpsest' }, [
    x('TLCOrganization', { eId: 'generalAssembly', href: '/akn/ontology/organization/un/generalAssembly', showAs: 'General Assembly' }),
    committee === null
      ? null
      : x('TLCOrganization', {
          eId: committeeId(committee),
          href: `/akn/ontology/organization/un/generalAssembly.${committeeId(committee)}`,
          showAs: `${ORDINALS[committee - 1]} Committee`,
        }),
    x('TLCOrganization', { eId: 'palimpsest', href: '/akn/ontology/organization/palimpsest', showAs: 'Palimpsest' }),
    x('TLCConcept', { eId: 'operativeVerb', href: '/akn/ontology/concept/un/operativeVerb', showAs: 'Operative verb' }),
    x('TLCConcept', { eId: 'preambularLead', href: '/akn/ontology/concept/un/preambularLead', showAs: 'Preambular lead words' }),
    ...outcomes.map((o) => concept(o, OUTCOME_TEXT[o])),
    ...(vote && hasCounts(vote) ? [concept(vote.method === 'recorded' ? 'recordedVote' : 'vote', vote.method === 'recorded' ? 'Recorded vote' : 'Vote'), ...COUNTS.filter((c) => vote[c] !== null).map((c) => concept(c, COUNT_TEXT[c]))] : []),
    ...[...sponsors].map(([name, eId]) => x('TLCOrganization', { eId, href: `/akn/ontology/organization/state/${eId.slice('state_'.length)}`, showAs: xmlSafe(name) })),
    record.sponsors.length ? x('TLCRole', { eId: 'sponsor', href: '/akn/ontology/role/un/sponsor', showAs: 'Sponsor' }) : null,
    record.joinedSponsors.length ? x('TLCRole', { eId: 'joinedSponsor', href: '/akn/ontology/role/un/joinedSponsor', showAs: 'Joined in sponsoring' }) : null,
  ]);
}

function concept(eId: string, showAs: string): Element {
  return x('TLCConcept', { eId, href: `/akn/ontology/concept/un/${eId}`, showAs });
}

// ---------------------------------------------------------------------------
// Who and how: sponsors, the oral revisions and the adoption

/** An eId for a state from its name: "Côte d’Ivoire" → "state_coteDIvoire". */
function stateId(name: string): string {
  const words = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').split(/[^A-Za-z0-9]+/).filter(Boolean);
  return `state_${words.map((w, i) => (i ? w[0]!.toUpperCase() + w.slice(1).toLowerCase() : w.toLowerCase())).join('') || 'unnamed'}`;
}

/** Every state named as a sponsor or as reading out an oral revision, with its eId, in order of first mention. */
export function sponsorIds(record: ResolutionRecord): Map<string, string> {
  const ids = new Map<string, string>();
  const used = new Set<string>();
  const names = [...record.sponsors, ...record.joinedSponsors, ...(record.adoption?.oralRevisions ?? []).map(revisedBy).filter((n): n is string => n !== null)];
  for (const name of names) {
    if (ids.has(name)) continue;
    let id = stateId(name);
    for (let k = 2; used.has(id); k++) id = `${stateId(name)}_${k}`;
    used.add(id);
    ids.set(name, id);
  }
  return ids;
}

/** The state in "the representative of Colombia", or null. */
function revisedBy(revision: OralRevision): string | null {
  return revision.by?.match(/^the representatives? of (?:the )?(.+)$/i)?.[1] ?? null;
}

type Outcome = 'orallyRevised' | 'orallyCorrected' | 'adoptedWithoutVote' | 'adoptedByRecordedVote' | 'adoptedByVote' | 'adopted';

const OUTCOME_TEXT: Record<Outcome, string> = {
  orallyRevised: 'Orally revised',
  orallyCorrected: 'Orally corrected',
  adoptedWithoutVote: 'Adopted without a vote',
  adoptedByRecordedVote: 'Adopted by a recorded vote',
  adoptedByVote: 'Adopted by a vote',
  adopted: 'Adopted',
};

const COUNTS = ['inFavour', 'against', 'abstaining'] as const;
const COUNT_TEXT: Record<(typeof COUNTS)[number], string> = { inFavour: 'In favour', against: 'Against', abstaining: 'Abstaining' };

function hasCounts(vote: Vote): boolean {
  return COUNTS.some((c) => vote[c] !== null);
}

/** The organ that adopted the text: the Main Committee for a text it recommends, the Assembly for a resolution. */
function adoptingOrgan(record: ResolutionRecord): string {
  const committee = committeeNumber(record);
  return record.stage === 'adopted' || committee === null ? 'generalAssembly' : committeeId(committee);
}

/** The steps of the text's adoption, in order: each oral revision, then the adoption itself; none without a date. */
function adoptionSteps(record: ResolutionRecord): { by: string; outcome: Outcome }[] {
  const a = record.adoption;
  if (!a?.date || !/^\d{4}-\d{2}-\d{2}$/.test(a.date)) return [];
  const organ = `#${adoptingOrgan(record)}`;
  const ids = sponsorIds(record);
  const revisions = a.oralRevisions.map((r) => {
    const state = revisedBy(r);
    return { by: state && ids.has(state) ? `#${ids.get(state)}` : organ, outcome: (r.kind === 'revised' ? 'orallyRevised' : 'orallyCorrected') as Outcome };
  });
  const method = a.vote?.method;
  const outcome: Outcome = method === 'without-vote' ? 'adoptedWithoutVote' : method === 'recorded' ? 'adoptedByRecordedVote' : method === 'vote' ? 'adoptedByVote' : 'adopted';
  return [...revisions, { by: organ, outcome }];
}

/** `<workflow>`: the oral revisions and the adoption, dated, with who did them and how it ended. */
export function workflow(record: ResolutionRecord): Element | null {
  const steps = adoptionSteps(record);
  if (!steps.length) return null;
  return x('workflow', { source: '#palimpsest' }, steps.map((s) => x('step', { date: record.adoption!.date!, by: s.by, outcome: `#${s.outcome}` })));
}

/** `<analysis>` with the vote's counts, where the text gives them. */
export function analysis(record: ResolutionRecord): Element | null {
  const vote = record.adoption?.vote;
  if (!vote || !hasCounts(vote)) return null;
  const method = vote.method === 'recorded' ? 'recordedVote' : 'vote';
  return x('analysis', { source: '#palimpsest' }, [
    x('parliamentary', [
      x('voting', { eId: 'voting_1', refersTo: `#${method}`, outcome: `#${adoptionSteps(record).at(-1)?.outcome ?? 'adopted'}` },
        COUNTS.filter((c) => vote[c] !== null).map((c) => x('count', { eId: `voting_1__count_${c}`, value: String(vote[c]), refersTo: `#${c}` }))),
    ]),
  ]);
}

