/**
 * Where each phrase of a paragraph comes from: for every run of PHRASE_WORDS
 * words or more that earlier texts carry, the earliest version that carried it.
 *
 * The paragraph's windows of PHRASE_WORDS words are looked up in the earlier
 * texts given (the candidates the check found for the paragraph); each window
 * takes the earliest of the texts that hold it. Consecutive windows with the
 * same origin make one phrase, so that a paragraph agreed in 2013 and edited in
 * 2019 reads as a phrase from 2013, one across the edit from 2019 and the rest
 * from 2013 again.
 */
import type { Stage } from '../model.ts';
import { hashWords } from './hash.ts';

/** The shortest phrase whose origin is reported. */
export const PHRASE_WORDS = 8;

/** The version and paragraph a phrase was first found in. */
export interface PhraseSource {
  symbol: string | null;
  version: string;
  paragraph: string;
  year: number | null;
  date: string | null;
  stage: Stage;
}

export interface PhraseOrigin {
  /** The phrase as the paragraph prints it. */
  text: string;
  words: number;
  source: PhraseSource;
}

export interface PhraseCandidate {
  words: readonly string[];
  /** The earliest version that carries this text, or null when none may be cited. */
  origin: PhraseSource | null;
}

const WORD = /[\p{L}\p{N}]+/gu;

/** Earlier first; undated last; then by version and paragraph, so that the choice does not depend on the order given. */
export function earlier(a: PhraseSource, b: PhraseSource): boolean {
  if (a.date !== b.date) return a.date !== null && (b.date === null || a.date < b.date);
  return a.version < b.version || (a.version === b.version && a.paragraph < b.paragraph);
}

const sameSource = (a: PhraseSource | null | undefined, b: PhraseSource) => !!a && a.version === b.version && a.paragraph === b.paragraph;

const windowKey = (words: readonly string[], start: number): number => hashWords(words, start, PHRASE_WORDS);

/** The phrases of `text` found in the candidates, in the order of the paragraph. */
export function phraseOrigins(text: string, candidates: readonly PhraseCandidate[]): PhraseOrigin[] {
  const spans = [...text.matchAll(WORD)].map((m) => ({ word: m[0].toLowerCase(), start: m.index, end: m.index + m[0].length }));
  const words = spans.map((s) => s.word);
  if (words.length < PHRASE_WORDS) return [];
  const first = new Map<number, PhraseSource>();
  for (const c of candidates) {
    if (!c.origin || c.words.length < PHRASE_WORDS) continue;
    for (let i = 0; i + PHRASE_WORDS <= c.words.length; i++) {
      const key = windowKey(c.words, i);
      const known = first.get(key);
      if (!known || earlier(c.origin, known)) first.set(key, c.origin);
    }
  }
  const origins = Array.from({ length: words.length - PHRASE_WORDS + 1 }, (_, i) => first.get(windowKey(words, i)) ?? null);
  const out: PhraseOrigin[] = [];
  for (let i = 0; i < origins.length; ) {
    const o = origins[i];
    if (!o) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < origins.length && sameSource(origins[j + 1], o)) j++;
    const last = j + PHRASE_WORDS - 1;
    out.push({ text: text.slice(spans[i]!.start, spans[last]!.end), words: last - i + 1, source: o });
    i = j + 1;
  }
  return out;
}
