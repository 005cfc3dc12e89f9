/**
 * How strongly an operative verb asks for something, written down as data.
 *
 * The scale runs from taking note (the weakest) to demanding (the strongest),
 * in the order the General Assembly's own drafting practice treats them:
 * notes < welcomes < encourages < invites < requests / calls upon < urges <
 * demands. Verbs on one step are treated as equally strong. Verbs that do
 * not ask anything of anyone ("Decides", "Reaffirms", "Stresses") are not on
 * the scale: a change to or from them is reported as unranked.
 *
 * "Strongly" before a verb lifts it half a step ("Strongly encourages" sits
 * between "Encourages" and "Invites"); other adverbs ("Also", "Further",
 * "Once again") do not change its strength.
 */
import { ADVERBS } from '../lexicon.ts';

export interface VerbStep {
  /** The step's name: its most usual verb. */
  name: string;
  level: number;
  /** Verb phrases on this step, lower case, without adverbs. */
  verbs: readonly string[];
}

export const VERB_SCALE: readonly VerbStep[] = [
  { name: 'notes', level: 0, verbs: ['takes note', 'notes', 'acknowledges', 'recognizes', 'is aware', 'bears in mind', 'takes into account'] },
  {
    name: 'welcomes',
    level: 1,
    verbs: [
      'welcomes', 'appreciates', 'commends', 'takes note with appreciation', 'notes with appreciation', 'notes with satisfaction',
      'expresses appreciation', 'expresses its appreciation', 'expresses its deep appreciation', 'expresses support',
      'expresses its support', 'supports', 'pays tribute', 'expresses its gratitude',
    ],
  },
  { name: 'encourages', level: 2, verbs: ['encourages', 'recommends', 'suggests', 'looks forward'] },
  { name: 'invites', level: 3, verbs: ['invites', 'reiterates its invitation', 'appeals'] },
  { name: 'calls upon', level: 4, verbs: ['calls upon', 'calls on', 'calls for', 'requests', 'reiterates its request', 'reiterates its call', 'renews its call', 'asks', 'directs'] },
  { name: 'urges', level: 5, verbs: ['urges'] },
  { name: 'demands', level: 6, verbs: ['demands', 'insists'] },
];

/** Adverbs that raise a verb by half a step. */
export const INTENSIFIERS: readonly string[] = ['strongly', 'emphatically', 'most', 'firmly'];

const PHRASES = VERB_SCALE.flatMap((s) => s.verbs.map((v) => ({ v, level: s.level }))).sort((a, b) => b.v.length - a.v.length);
const ADVERBS_LONGEST = [...ADVERBS].sort((a, b) => b.length - a.length);

export interface RankedVerb {
  /** The verb as printed. */
  verb: string;
  /** The verb phrase of the scale it was matched to, or null when it is not on the scale. */
  base: string | null;
  /** Its strength, or null when it is not on the scale. */
  level: number | null;
}

function startsWithWord(text: string, phrase: string): boolean {
  return text.startsWith(phrase) && (text.length === phrase.length || /[\s,;:]/.test(text[phrase.length]!));
}

/** Places an operative verb ("Strongly urges", "Also requests") on the scale. */
export function rankVerb(verb: string): RankedVerb {
  let rest = verb.toLowerCase().replace(/\s+/g, ' ').trim();
  let boost = 0;
  for (let again = true; again; ) {
    again = false;
    for (const a of ADVERBS_LONGEST) {
      if (startsWithWord(rest, a)) {
        if (INTENSIFIERS.includes(a)) boost = 0.5;
        rest = rest.slice(a.length).replace(/^[\s,]+/, '');
        again = true;
        break;
      }
    }
  }
  const hit = PHRASES.find((p) => startsWithWord(rest, p.v));
  if (!hit) return { verb, base: null, level: null };
  // An intensifier after the verb ("Urges strongly") counts as well.
  const after = rest.slice(hit.v.length).trim();
  if (INTENSIFIERS.some((a) => startsWithWord(after, a))) boost = 0.5;
  return { verb, base: hit.v, level: hit.level + boost };
}

export type VerbDirection = 'stronger' | 'weaker' | 'same' | 'unranked';

export interface VerbChange {
  from: string;
  to: string;
  fromLevel: number | null;
  toLevel: number | null;
  direction: VerbDirection;
}

/** Normalised verb for comparing: lower case, adverbs such as "also" dropped. */
function verbKey(verb: string): string {
  const r = rankVerb(verb);
  if (r.base !== null) return `${r.base}@${r.level}`;
  let rest = verb.toLowerCase().replace(/\s+/g, ' ').trim();
  for (const a of ADVERBS_LONGEST) if (startsWithWord(rest, a)) rest = rest.slice(a.length).trim();
  return rest.split(' ').filter((w) => !ADVERBS.includes(w)).join(' ');
}

/**
 * The change between two operative verbs, or null when they are the same
 * verb (adverbs such as "Also" aside).
 */
export function compareVerbs(from: string | null, to: string | null): VerbChange | null {
  if (!from || !to) return null;
  if (verbKey(from) === verbKey(to)) return null;
  const a = rankVerb(from);
  const b = rankVerb(to);
  const direction: VerbDirection =
    a.level === null || b.level === null ? 'unranked' : b.level > a.level ? 'stronger' : b.level < a.level ? 'weaker' : 'same';
  return { from, to, fromLevel: a.level, toLevel: b.level, direction };
}
