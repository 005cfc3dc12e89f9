/**
 * The words that open UN paragraphs, written down as data: the lead words of
 * preambular paragraphs ("Recalling also") and the operative verbs
 * ("Reiterates its request"). Used to find a paragraph's verb when the
 * converter lost the italics, and by the aligner to compare verbs.
 */

/** Adverbs that may come before or after a verb: "Also requests", "Requests also", "Strongly urges". */
export const ADVERBS: readonly string[] = [
  'also', 'further', 'furthermore', 'again', 'once again', 'once more', 'strongly', 'deeply', 'gravely', 'seriously',
  'firmly', 'duly', 'further also', 'in this regard', 'in this context', 'moreover', 'emphatically', 'most', 'unequivocally',
  'fully', 'especially', 'particularly', 'in addition', 'additionally', 'equally', 'likewise', 'finally', 'similarly',
];

/**
 * Multi-word operative verbs, longest first when matched. Single verbs are
 * recognised by form (a capitalised word ending in "s"), so only phrases whose
 * extent cannot be guessed are listed.
 */
export const OPERATIVE_PHRASES: readonly string[] = [
  'takes note with appreciation', 'takes note with interest', 'takes note with concern',
  'takes note', 'notes with appreciation', 'notes with concern', 'notes with satisfaction', 'notes with interest',
  'notes with deep concern', 'notes with grave concern', 'expresses its appreciation', 'expresses appreciation',
  'expresses its deep concern', 'expresses its grave concern', 'expresses its concern', 'expresses concern', 'expresses deep concern',
  'expresses its support', 'expresses support', 'expresses its gratitude', 'expresses its deep appreciation',
  'reiterates its request', 'reiterates its invitation', 'reiterates its call', 'reiterates its commitment', 'reiterates its concern',
  'reaffirms its commitment', 'reaffirms its support', 'reaffirms its concern', 'calls upon', 'calls on', 'calls for',
  'appeals to', 'looks forward to', 'bears in mind', 'takes into account', 'pays tribute to', 'requests further',
  'draws attention to', 'reaffirms its resolve', 'renews its call', 'renews its commitment', 'decides to continue',
];

/** Preambular lead phrases whose extent cannot be guessed from form alone. */
export const PREAMBULAR_PHRASES: readonly string[] = [
  'bearing in mind', 'taking note with appreciation', 'taking note',
  'noting with appreciation', 'noting with concern', 'noting with deep concern', 'noting with grave concern',
  'noting with satisfaction', 'noting with interest', 'expressing its appreciation', 'expressing appreciation',
  'expressing its deep concern', 'expressing its grave concern', 'expressing its concern', 'expressing concern',
  'expressing deep concern', 'expressing grave concern', 'reaffirming its commitment', 'reaffirming its concern',
  'taking into account', 'having considered', 'having examined', 'having regard to', 'guided by', 'deeply concerned',
  'gravely concerned', 'seriously concerned', 'deeply alarmed', 'deeply disturbed', 'deeply convinced', 'firmly convinced',
  'fully aware', 'keeping in mind', 'mindful', 'aware', 'conscious', 'concerned', 'convinced', 'determined', 'alarmed',
  'cognizant', 'desirous', 'encouraged', 'acknowledging', 'welcoming', 'recalling', 'reaffirming', 'recognizing',
];

/** Words that may follow a lead participle and belong to the lead: "Recalling also", "Recognizing further". */
const TRAILING_ADVERBS = new Set(['also', 'further', 'furthermore', 'again', 'moreover', 'in addition']);

function startsWithPhrase(lower: string, phrase: string): boolean {
  return lower.startsWith(phrase) && (lower.length === phrase.length || /[\s,;:]/.test(lower[phrase.length]!));
}

function matchPhrase(text: string, phrases: readonly string[]): string | null {
  const lower = text.toLowerCase();
  let best: string | null = null;
  for (const p of phrases) if (startsWithPhrase(lower, p) && (best === null || p.length > best.length)) best = p;
  return best === null ? null : text.slice(0, best.length);
}

function leadingAdverbs(text: string): number {
  let offset = 0;
  for (;;) {
    const rest = text.slice(offset).toLowerCase();
    const adv = ADVERBS.filter((a) => startsWithPhrase(rest, a)).sort((a, b) => b.length - a.length)[0];
    if (!adv) return offset;
    offset += adv.length;
    const ws = /^[\s,]*/.exec(text.slice(offset))![0];
    offset += ws.length;
  }
}

function trailingAdverb(text: string, offset: number): number {
  const m = /^\s+([a-z]+(?: [a-z]+)?)/.exec(text.slice(offset));
  if (!m) return offset;
  const one = m[1]!.split(' ')[0]!;
  if (TRAILING_ADVERBS.has(m[1]!)) return offset + m[0].length;
  if (TRAILING_ADVERBS.has(one)) return offset + m[0].indexOf(one) + one.length;
  return offset;
}

/**
 * The operative verb at the start of a paragraph whose verb is not marked by
 * italics: "Notes with appreciation the third meeting" gives
 * "Notes with appreciation"; "Urges Member States" gives "Urges".
 */
export function detectOperativeVerb(text: string): string | null {
  const t = text.trimStart();
  const adv = leadingAdverbs(t);
  const rest = t.slice(adv);
  const phrase = matchPhrase(rest, OPERATIVE_PHRASES);
  let end: number;
  if (phrase) end = adv + phrase.length;
  else {
    const m = /^[A-Za-z][a-z]+s\b/.exec(rest);
    if (!m || (adv === 0 && !/^[A-Z]/.test(m[0]))) return null;
    end = adv + m[0].length;
  }
  end = trailingAdverb(t, end);
  const verb = t.slice(0, end).trim();
  return /^[A-Z]/.test(verb) ? verb : null;
}

/** The lead words of a preambular paragraph: "Recalling also", "Deeply concerned", "Bearing in mind". */
export function detectPreambularLead(text: string): string | null {
  const t = text.trimStart();
  const adv = leadingAdverbs(t);
  const rest = t.slice(adv);
  const phrase = matchPhrase(rest, PREAMBULAR_PHRASES);
  let end: number;
  if (phrase) end = adv + phrase.length;
  else {
    const m = /^[A-Za-z][a-z]+(?:ing|ed)\b/.exec(rest);
    if (!m) return null;
    end = adv + m[0].length;
  }
  end = trailingAdverb(t, end);
  const lead = t.slice(0, end).trim();
  return /^[A-Z]/.test(lead) ? lead : null;
}
