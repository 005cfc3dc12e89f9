/**
 * What an operative paragraph asks, and of whom, read from its words:
 * "Requests the Secretary-General to submit … a report" is a request for a
 * report addressed to the Secretary-General; "Urges Member States and the
 * United Nations Office on Drugs and Crime to …" is a call on Member States
 * and a UN entity; "Reaffirms …" states a position and addresses no one.
 *
 * A paragraph may hold several clauses ("Takes note of the report …, and
 * requests the Secretary-General to …"): each clause opens with an operative
 * verb after a comma, semicolon or "and", and has its own kind; the
 * addressees are those of every clause. An addressee is the object of a
 * request, call, invitation, encouragement, appeal or recommendation (the
 * actors named before the verb that follows, "to submit", or after "that"),
 * or the actor of "the need for … to" and "calls for … among …". Mentioning an
 * actor ("welcomes the efforts of the Office") is not addressing it.
 *
 * Pure and small: a few patterns over the paragraph's readable text. The
 * categories are the UN's own ones (Member States, the Secretary-General, an
 * entity of the United Nations system, civil society, other actors).
 */
import type { Addressee, AddresseeCategory, ClauseFacts, ClauseKind, OperativeParagraphNode } from '../model.ts';
import { readableText } from '../text.ts';

/** Verbs that open a clause, after a comma, semicolon or "and" (or at the start of the paragraph). */
const VERB = String.raw`(?:(?:also|further|strongly|once again|again|further also|urgently|firmly|emphatically|in this regard|in this context|in that regard|in this respect|to that end|to this end)[,\s]+)*(reiterates its requests?|reiterates its (?:call|invitation|appeal)|requests|urges|calls upon|calls on|calls for|invites|encourages|appeals to|recommends|exhorts|decides|takes note|notes|welcomes|recognizes|acknowledges|reaffirms|recalls|affirms|emphasizes|stresses|underlines|underscores|reiterates|commends|expresses|condemns|deplores|demands|authorizes|approves|endorses|supports|looks forward|acknowledges)(?:\s+(?:also|further|again))?\b`;
const LATER_CLAUSE = new RegExp(String.raw`(?:[,;:]\s+(?:and\s+)?|\s+and\s+)${VERB}`, 'gi');
const FIRST_CLAUSE = new RegExp(String.raw`^${VERB}`, 'i');

const REPORT = /\bto report\b|\breport(?:ing)? thereon\b|\breport(?:ing)? (?:back )?to the (?:General Assembly|Assembly|Commission|Council|Committee|Conference)\b|\b(?:submit|present|prepare|include|provide|transmit)\b[^;]{0,240}?\breports?\b/i;

/**
 * The kind of a clause, from its verb and what follows it ("expresses its
 * concern", "emphasizes the need for … to"), and, for a request, whether it
 * asks for a report. Adverbials before the verb ("in that regard expresses")
 * do not count.
 */
function clauseKind(verb: string, after: string, clause: string): ClauseKind {
  const v = verb.toLowerCase();
  const phrase = `${verb} ${after.trimStart()}`;
  if (/request/.test(v)) return REPORT.test(clause) ? 'report-request' : 'request';
  if (/^decides|authorizes|approves|endorses/.test(v)) return 'decision';
  if (/^(?:urges|calls|invites|encourages|appeals|recommends|exhorts|demands)|reiterates its (?:call|invitation|appeal)/.test(v)) return 'call';
  if (/^(?:condemns|deplores)/.test(v) || (/^expresses/.test(v) && /^expresses\s+(?:its\s+)?(?:deep\s+|grave\s+|serious\s+|great\s+|strong\s+)?(?:concern|alarm|regret|outrage|dismay)/i.test(phrase))) return 'concern';
  if (/^(?:emphasizes|stresses|underlines|underscores|reaffirms|recognizes)/.test(v) && /^\S+(?:\s+\S+)?\s+(?:the\s+)?(?:urgent\s+|continued\s+|continuing\s+|pressing\s+)?need\s+(?:for|to)\b/i.test(phrase)) return 'call';
  return 'recognition';
}

// ---------------------------------------------------------------------------
// Actors

/** Qualifiers before an actor: "all", "the relevant", "other interested". */
const QUALIFIERS = /^(?:(?:all|the|other|relevant|interested|concerned|each|those|their|its|national|local|individual|in particular|particularly|especially|including|also)\s+)*/;
/** Words that may join the capitalised words of one name: "Office on Drugs and Crime", "Conference of the Parties to the". */
const CONNECTORS = new Set(['of', 'on', 'for', 'against', 'and', 'the', 'in', 'to', 'de', 'la', 'du', 'des', 'et']);
/** Names that stand on their own: where "and" comes before one of them, it separates two actors. */
const HEADS = /^(?:Member States|States|Governments|Secretary-General|Member and)\b/;
/** The nouns that end an actor named in lower case: "relevant United Nations entities", "civil society". */
const ACTOR_NOUN = String.raw`(?:organizations|organisations|organization|entities|entity|bodies|body|agencies|agency|institutions|society|sector|community|communities|academia|media|stakeholders|partners|parties|actors|donors|countries|programmes|funds|mechanisms|experts|leaders|networks|organs|system|offices|authorities|defenders|institutes)`;
/** A word of an actor's name in lower case: not a preposition or conjunction, which would run on into the next phrase. */
const NAME_WORD = String.raw`(?!(?:with|of|by|for|to|in|on|among|at|from|that|which|and|or|as|the|a|an)\s)[A-Za-z][\w’'-]*`;
const LOWER_ACTOR = new RegExp(String.raw`^(?:${NAME_WORD}\s+){0,4}?${ACTOR_NOUN}\b`);
const NAME_TAIL = new RegExp(String.raw`^\s+(?:${NAME_WORD}\s+){0,2}?${ACTOR_NOUN}\b`);
const ACRONYM = /^\s*\([A-Z][\w-]*(?:\s[\w-]+)*\)/;
const OF_TAIL = /^\s+(?:of|within|to|in) the [A-Z][\w’'-]*(?:\s+(?:(?:of|on|for|against|the|in|and|to)\s+)*[A-Z][\w’'-]*)*(?: system)?/;

/** A run of capitalised words, with connectors between them: "United Nations Office on Drugs and Crime". */
function properName(text: string): number {
  const re = /^[A-Z][\w’'-]*/;
  const first = re.exec(text);
  if (!first) return 0;
  let end = first[0].length;
  for (;;) {
    const m = /^((?:\s+(?:of|on|for|against|and|the|in|to|de|la|du|des|et))*)\s+([A-Z][\w’'-]*)/.exec(text.slice(end));
    if (!m) return end;
    const connectors = m[1]!.trim().split(/\s+/).filter(Boolean);
    if (connectors.some((c) => !CONNECTORS.has(c))) return end;
    // "Member States and Governments": two actors, not one name.
    if (connectors[0] === 'and' && HEADS.test(text.slice(end + m[0].length - m[2]!.length))) return end;
    if (connectors.includes('and') && connectors.includes('the')) return end;
    end += m[0].length;
  }
}

/** One actor at the start of `text`: how many characters it takes, or 0. */
function actorAt(text: string): number {
  const q = QUALIFIERS.exec(text)![0].length;
  const rest = text.slice(q);
  let end = properName(rest);
  if (end) {
    const tail = NAME_TAIL.exec(rest.slice(end));
    if (tail) end += tail[0].length;
  } else {
    const lower = LOWER_ACTOR.exec(rest);
    if (!lower) return 0;
    end = lower[0].length;
  }
  const acronym = ACRONYM.exec(rest.slice(end));
  if (acronym) end += acronym[0].length;
  const of = OF_TAIL.exec(rest.slice(end));
  if (of) end += of[0].length;
  return q + end;
}

const NOT_UN = /\b(?:African Union|European Union|Council of Europe|INTERPOL|International Criminal Police|Organization for Security|League of Arab States|Organization of American States|Association of Southeast Asian|Organisation internationale|Commonwealth|Organization of Islamic Cooperation|World Bank|International Monetary Fund|Financial Action Task Force)\b/;
const UN = /\bUnited Nations\b|\bUN-|\bSecretariat\b|specialized agencies|funds and programmes|\b(?:Commission|Council|Committee|Office|Programme|Fund|Entity|Rapporteur|High Commissioner|President of the General Assembly|General Assembly|Special Representative|Special Adviser|Special Envoy|Conference of the Parties|Institute|Division|Department|Executive Director|Mechanism|Working Group|Expert Group|Treaty bodies|treaty bodies)\b|\b(?:UNODC|UNICEF|UNDP|UNFPA|UNHCR|UNESCO|UNAIDS|OHCHR|UNEP|WHO|ILO|IOM|FAO|UNCTAD|UNIDO)\b|\bWorld Health Organization\b|\bInternational Labour Organization\b|\bInternational Organization for Migration\b/;
const CIVIL = /civil society|non-governmental|private sector|\bacademi|\bmedia\b|\bbusiness|religious|faith-based|community-based|human rights institutions|human rights defenders|youth organizations|women’s organizations|women's organizations|\bparliament/i;
const STATES = /\bStates parties\b|\bStates Parties\b|\bMember States\b|States Members\b|^(?:(?:all|the|those|other|each|interested|concerned|relevant|donor)\s+)*(?:States|Governments|countries)\b|^(?:the )?Governments? of\b/;

/** The category of one actor as named. */
export function addresseeCategory(name: string): AddresseeCategory {
  if (/Secretary-General/.test(name) && !/\b(?:Special|Representative|Envoy|Adviser|Office)\b/.test(name)) return 'Secretary-General';
  if (STATES.test(name)) return 'Member States';
  if (NOT_UN.test(name)) return 'other';
  if (UN.test(name) && !/\b(?:regional|intergovernmental|subregional)\b/.test(name.split('United Nations')[0]!)) return 'UN entity';
  if (CIVIL.test(name)) return 'civil society';
  return 'other';
}

/** The list of actors at the start of `text`: "Member States, the United Nations Office on Drugs and Crime and other relevant organizations". */
export function actorsAt(text: string): Addressee[] {
  const out: Addressee[] = [];
  let pos = 0;
  for (;;) {
    const n = actorAt(text.slice(pos));
    if (!n) break;
    const name = text.slice(pos, pos + n).trim();
    const category = addresseeCategory(name);
    // After a comma or "and", only what names an actor continues the list ("Firearms, Their Parts and Components" does not).
    if (out.length && category === 'other' && !new RegExp(String.raw`\b${ACTOR_NOUN}\b|international community`).test(name)) break;
    out.push({ category, name });
    pos += n;
    const sep = /^(?:,?\s+(?:and|or|as well as)\s+(?:also\s+)?|,\s+(?:in particular\s+|including\s+|especially\s+)?)/.exec(text.slice(pos));
    if (!sep) break;
    pos += sep[0].length;
  }
  return out;
}

/** Who a clause asks to act, from the words after its verb. */
function clauseAddressees(verb: string, after: string): Addressee[] {
  let object = after.replace(/^[\s,]*(?:(?:also|further|again|once again|strongly)[\s,]+)*/i, '');
  if (/^calls for$|^expresses|^emphasizes|^stresses|^underlines|^underscores|^reaffirms|^recognizes/i.test(verb)) {
    // "the need for all Member States to promote", "greater coordination among United Nations entities".
    const need = /^(?:the\s+)?(?:urgent\s+|continued\s+|continuing\s+|pressing\s+)?need\s+for\s+/i.exec(object);
    if (need) return actorsAt(object.slice(need[0].length));
    if (!/^calls for$/i.test(verb)) return [];
    const direct = actorsAt(object);
    if (direct.length && /^\s+to\s+[a-z]/.test(object.slice(object.indexOf(direct[direct.length - 1]!.name) + direct[direct.length - 1]!.name.length))) return direct;
    const among = /\b(?:among|by|between|on the part of)\s+/.exec(object.split(/[;]/)[0]!);
    return among ? actorsAt(object.slice(among.index + among[0].length)) : [];
  }
  object = object.replace(/^(?:to|that|upon|on)\s+/i, '').replace(/^(?:also|further)\s+/i, '');
  return actorsAt(object);
}

/** The clauses of a paragraph: each verb and the text it governs. */
function clausesOf(text: string): { verb: string; after: string; clause: string }[] {
  const starts: { at: number; verb: string; end: number }[] = [];
  const first = FIRST_CLAUSE.exec(text);
  if (first) starts.push({ at: 0, verb: first[1]!, end: first[0].length });
  for (const m of text.matchAll(LATER_CLAUSE)) {
    // "requests" after "the" or "its" is a noun: the separator and an article rule that out already.
    starts.push({ at: m.index!, verb: m[1]!, end: m.index! + m[0].length });
  }
  return starts.map((s, k) => {
    const stop = starts[k + 1]?.at ?? text.length;
    return { verb: s.verb, after: text.slice(s.end, stop), clause: text.slice(s.at, stop).replace(/^[,;:\s]*(?:and\s+)?/, '') };
  });
}

/** What an operative paragraph asks and of whom: its clauses' kinds in order, and every addressee once. */
export function clauseFacts(paragraph: OperativeParagraphNode): ClauseFacts {
  const own = paragraph.children.filter((c) => c.type !== 'subParagraph');
  const text = readableText(own).replace(/\s+/g, ' ').trim();
  const kinds: ClauseKind[] = [];
  const addressees: Addressee[] = [];
  for (const c of clausesOf(text)) {
    const kind = clauseKind(c.verb, c.after, c.clause);
    if (!kinds.includes(kind)) kinds.push(kind);
    if (kind === 'request' || kind === 'report-request' || kind === 'call') {
      for (const a of clauseAddressees(c.verb, c.after)) if (!addressees.some((x) => x.name === a.name)) addressees.push(a);
    }
  }
  if (!kinds.length) kinds.push('recognition');
  return { addressees, kinds };
}

/** The facts of each operative paragraph of a text, by paragraph id. */
export function clauseFactsOf(paragraphs: readonly OperativeParagraphNode[]): Map<string, ClauseFacts> {
  return new Map(paragraphs.map((p) => [p.id, clauseFacts(p)]));
}

/** A token for a category or kind in markup and URLs: "Secretary-General" → "secretary-general", "UN entity" → "un-entity". */
export function factToken(value: AddresseeCategory | ClauseKind): string {
  return value.toLowerCase().replace(/\s+/g, '-');
}

/** The addressee categories and kinds of some paragraphs as space-separated tokens, for markup: "secretary-general member-states". */
export function factTokens(facts: readonly ClauseFacts[]): { asks: string; kinds: string } {
  const asks = [...new Set(facts.flatMap((f) => f.addressees.map((a) => factToken(a.category))))];
  const kinds = [...new Set(facts.flatMap((f) => f.kinds.map(factToken)))];
  return { asks: asks.join(' '), kinds: kinds.join(' ') };
}

/** The categories in the order a reader scans them. */
export const ADDRESSEE_CATEGORIES: readonly AddresseeCategory[] = ['Member States', 'Secretary-General', 'UN entity', 'civil society', 'other'];

/** The kinds for people. */
export const CLAUSE_KIND_NAMES: Record<ClauseKind, string> = {
  'report-request': 'request for a report',
  request: 'request',
  decision: 'decision',
  call: 'call',
  recognition: 'recognition',
  concern: 'concern',
};
