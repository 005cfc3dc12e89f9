/**
 * What kind of change a paragraph went through.
 *
 * A technical update is one whose every change only moves references forward
 * in time: a resolution or document number ("74/177" to "75/195",
 * "A/74/125" to "A/75/127"), a year or a date ("18 December 2019" to
 * "16 December 2020"), or a session ordinal ("seventy-fourth" to
 * "seventy-fifth", "Thirteenth Congress" to "Fourteenth Congress"), or a
 * newer reference added to a list ("resolutions 72/196 and 73/186" to
 * "resolutions 72/196, 73/186 and 74/177"). Anything else, and any reference
 * moved backwards or dropped, is a substantive change.
 */
import { rawHunks, snapToWords, type Hunk } from './redline.ts';

export type ChangeClass = 'unchanged' | 'technical' | 'substantive';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

const UNITS: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16, seventeenth: 17,
  eighteenth: 18, nineteenth: 19, twentieth: 20, thirtieth: 30, fortieth: 40, fiftieth: 50, sixtieth: 60,
  seventieth: 70, eightieth: 80, ninetieth: 90, hundredth: 100,
};
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };

/** The value of an ordinal word such as "seventy-fifth" or "Fourteenth", or null. */
export function ordinalValue(word: string): number | null {
  const w = word.toLowerCase();
  if (w in UNITS) return UNITS[w]!;
  const m = /^([a-z]+)[-‐‑]([a-z]+)$/.exec(w);
  if (m && m[1]! in TENS && m[2]! in UNITS && UNITS[m[2]!]! < 10) return TENS[m[1]!]! + UNITS[m[2]!]!;
  const n = /^(\d+)(?:st|nd|rd|th)$/.exec(w);
  return n ? Number(n[1]) : null;
}

const EDGE = /^[\s"'“”‘’()[\],;:.]+|[\s"'“”‘’()[\],;:.]+$/gu;

/** Words that may sit inside a technical change without making it substantive. */
const CONNECTORS = new Set(['of', 'and', 'to', 'from', 'on', 'at', 'in']);

/** A word that is a reference: a number, a symbol with a number, a month, an ordinal. */
const referenceMemo = new Map<string, boolean>();

function isReference(word: string): boolean {
  let hit = referenceMemo.get(word);
  if (hit === undefined) {
    if (referenceMemo.size > 50000) referenceMemo.clear();
    referenceMemo.set(word, (hit = isReferenceUncached(word)));
  }
  return hit;
}

function isReferenceUncached(word: string): boolean {
  // A bare number is a day of the month or a year; other counts ("186 States parties") are wording.
  if (/^\d+$/.test(word)) return (Number(word) >= 1 && Number(word) <= 31) || (Number(word) >= 1900 && Number(word) <= 2100);
  if (/\d/.test(word) && /^[A-Za-z]{0,6}[\d/.\-A-Za-z]*$/.test(word) && !/[a-z]{4,}/.test(word)) return true;
  return MONTHS.includes(word.toLowerCase()) || ordinalValue(word) !== null;
}

/**
 * The numbers of a side of a change that tell its time: session and year
 * parts of symbols, years, ordinals; not days of the month.
 */
function timeKeys(words: readonly string[]): number[] {
  const keys: number[] = [];
  for (const w of words) {
    const ord = ordinalValue(w);
    if (ord !== null) keys.push(ord);
    else if (/\d/.test(w) && (w.includes('/') || /^\d{4}$/.test(w))) keys.push(...(w.match(/\d+/g) ?? []).map(Number));
  }
  return keys;
}

function compareKeys(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return b[i]! - a[i]!;
  return 0;
}

function sideWords(text: string): string[] {
  return text.split(/\s+/).map((w) => w.replace(EDGE, '')).filter(Boolean);
}

/** Words other than references and connectors, a plural "s" dropped ("resolutions" is "resolution"). */
function otherWords(words: readonly string[]): string[] {
  return words
    .filter((w) => !isReference(w) && !CONNECTORS.has(w.toLowerCase()))
    .map((w) => w.toLowerCase().replace(/s$/, ''))
    .sort();
}

/**
 * True when this change touches nothing but references moved forward: both
 * sides have the same other words (up to a plural, as in "resolution 73/187"
 * to "resolutions 73/187 and 74/247"), what was struck is not a reference
 * dropped without a newer one in its place, and no time went backwards.
 */
export function isTechnicalHunk(h: { delete: string; insert: string }): boolean {
  const del = sideWords(h.delete);
  const ins = sideWords(h.insert);
  if (otherWords(del).join(' ') !== otherWords(ins).join(' ')) return false;
  if (del.some(isReference) && !ins.some(isReference)) return false;
  return compareKeys(timeKeys(del), timeKeys(ins)) >= 0;
}

/** True when the change touches a reference at all. */
function touchesReference(h: { delete: string; insert: string }): boolean {
  return [...sideWords(h.delete), ...sideWords(h.insert)].some(isReference);
}

export interface Classification {
  change: ChangeClass;
  /** The changes that made it substantive (empty for unchanged and technical). */
  substantive: { delete: string; insert: string }[];
}

/** Classifies the change from paragraph text a to paragraph text b (uses the word-snapped diff, no island absorption). */
export function classifyChange(a: string, b: string): Classification {
  if (a === b) return { change: 'unchanged', substantive: [] };
  return classifyHunks(snapToWords(rawHunks(a, b)));
}

/** Classifies a change from its word-snapped hunks (see redline.ts: rawHunks, snapToWords). */
export function classifyHunks(hunks: readonly Hunk[]): Classification {
  const changes = hunks.filter((h): h is { delete: string; insert: string } => 'delete' in h);
  // Changes of white space or of nothing but punctuation spacing are not changes.
  const real = changes.filter((h) => h.delete.trim() !== h.insert.trim());
  if (!real.length) return { change: 'unchanged', substantive: [] };
  const substantive = real.filter((h) => !isTechnicalHunk(h));
  if (!substantive.length && !real.some(touchesReference)) return { change: 'substantive', substantive: real };
  return { change: substantive.length ? 'substantive' : 'technical', substantive };
}

/**
 * The class alone of a change from its word-snapped hunks: `classifyHunks(hunks).change`, stopping
 * at the first change that is not technical.
 */
export function changeClassOf(hunks: readonly Hunk[]): ChangeClass {
  let real = false;
  let touches = false;
  for (const h of hunks) {
    if (!('delete' in h) || h.delete.trim() === h.insert.trim()) continue;
    real = true;
    if (!isTechnicalHunk(h)) return 'substantive';
    touches ||= touchesReference(h);
  }
  return !real ? 'unchanged' : touches ? 'technical' : 'substantive';
}
