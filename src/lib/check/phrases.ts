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
import { hashWord } from './hash.ts';

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
  return earlierBy(a.date, a.version, a.paragraph, b.date, b.version, b.paragraph);
}

/** `earlier`, between sources given by their date, version and paragraph (so that a caller need not make them). */
export function earlierBy(aDate: string | null, aVersion: string, aParagraph: string, bDate: string | null, bVersion: string, bParagraph: string): boolean {
  if (aDate !== bDate) return aDate !== null && (bDate === null || aDate < bDate);
  return aVersion < bVersion || (aVersion === bVersion && aParagraph < bParagraph);
}

const sameSource = (a: PhraseSource | null | undefined, b: PhraseSource) => !!a && a.version === b.version && a.paragraph === b.paragraph;

/**
 * The keys of a word list's windows of PHRASE_WORDS words, kept with the list: a check looks up the windows of the
 * same candidate texts for many paragraphs. Each word is hashed once, and a window's key mixes its words' hashes.
 */
const windowsOf = (() => {
  const kept = new WeakMap<readonly string[], Int32Array>();
  return (words: readonly string[]): Int32Array => {
    let keys = kept.get(words);
    if (keys) return keys;
    const hashes = new Int32Array(words.length);
    for (let i = 0; i < words.length; i++) hashes[i] = hashWord(words[i]!);
    keys = new Int32Array(Math.max(0, words.length - PHRASE_WORDS + 1));
    for (let i = 0; i < keys.length; i++) {
      let h = 0x811c9dc5;
      for (let j = i; j < i + PHRASE_WORDS; j++) h = Math.imul(h ^ hashes[j]!, 0x01000193) ^ (h >>> 15);
      keys[i] = h;
    }
    kept.set(words, keys);
    return keys;
  };
})();

/** The phrases of `text` found in the candidates, in the order of the paragraph. */
export function phraseOrigins(text: string, candidates: readonly PhraseCandidate[]): PhraseOrigin[] {
  const spans = [...text.matchAll(WORD)].map((m) => ({ word: m[0].toLowerCase(), start: m.index, end: m.index + m[0].length }));
  const words = spans.map((s) => s.word);
  if (words.length < PHRASE_WORDS) return [];
  const own = windowsOf(words);
  // The earliest origin of each of the paragraph's windows that a candidate holds.
  const first = new Map<number, PhraseSource | null>();
  for (const key of own) first.set(key, null);
  for (const c of candidates) {
    if (!c.origin || c.words.length < PHRASE_WORDS) continue;
    const keys = windowsOf(c.words);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      if (!first.has(key)) continue;
      const known = first.get(key);
      if (!known || earlier(c.origin, known)) first.set(key, c.origin);
    }
  }
  const origins = Array.from(own, (key) => first.get(key) ?? null);
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
