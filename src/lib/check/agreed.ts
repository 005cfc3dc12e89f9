/**
 * Check a draft against agreed language: for every paragraph of a text, the
 * closest paragraphs of a corpus (every version of every series), and whether
 * its wording is agreed (the same words in an adopted resolution or a draft a
 * Main Committee recommended), modified agreed language, or new.
 *
 * The index holds each distinct paragraph text of the corpus once, with the
 * versions and paragraphs that carry it (most paragraphs recur unchanged from
 * one version to the next). Finding candidates is an inverted index of word
 * shingles (runs of SHINGLE_WORDS words, hashed): a text is a candidate when
 * it shares a run with the checked paragraph, and candidates are ranked by
 * how many they share. The similarity reported is that of the word
 * sequences: 2 × common words (a longest common subsequence) / (words of
 * both), 1 for the same words. Footnote calls, case, punctuation and spacing do not count.
 *
 * Pure functions, no Node API: the CLI, the build and the browser call the
 * same ones (src/lib/check/shards.ts gives the browser the part of the index
 * a draft needs).
 */
import { unitsOf, type Unit } from '../align/units.ts';
import type { ResolutionRecord, Stage } from '../model.ts';
import { detectOperativeVerb } from '../lexicon.ts';
import { compareVerbs, type VerbDirection } from '../diff/verb-scale.ts';
import { shingles, spanHash, spanShingles, wordSpans, wordsOf, SHINGLE_WORDS } from './words.ts';
import { hashWords } from './hash.ts';
import { bagSimilarity, wordSimilarity } from './similarity.ts';
import { earlierBy, phraseOrigins, type PhraseOrigin, type PhraseSource } from './phrases.ts';

/** The similarity from which a paragraph is modified agreed language rather than new. */
export const MODIFIED_FROM = 0.5;
/** The least similarity a source is reported with: below it, a paragraph shares only stock phrases. */
export const SOURCE_FROM = 0.4;
/** Sources kept per paragraph, best first. */
export const MAX_SOURCES = 10;
/** Texts from which a shingle is too common to find candidates by. */
const COMMON_RUN = 2000;
/** Distinct texts scored per paragraph, ranked by the share of shingles they have in common. */
const CANDIDATES = 16;
/** Stages whose words count as agreed. */
const AGREED_STAGES: ReadonlySet<Stage> = new Set(['adopted', 'recommended']);

/** A version of the corpus, as the index holds it. */
export interface IndexedVersion {
  /** The version's slug ("a-res-76-187"), its page's name. */
  slug: string;
  symbol: string | null;
  year: number | null;
  date: string | null;
  stage: Stage;
  /** How many paragraphs with words it has (to tell a version identical to the checked text). */
  paragraphs: number;
}

/** A paragraph of a version that carries a text: the version's index and the paragraph ("PP3", "OP5", "ANX1.4"). */
export interface Occurrence {
  version: number;
  paragraph: string;
}

/** A distinct paragraph text of the corpus. */
export interface IndexedText {
  /** As first met, for showing and for redlines. */
  text: string;
  /**
   * Its words, made when a check first compares them (`textWords`) and kept: an index read in part holds thousands
   * of texts, of which a check compares few word for word. Null until then.
   */
  words: string[] | null;
  /** How many words it has. */
  length: number;
  occurrences: Occurrence[];
  /** The earliest date of the versions that carry it, or null when none is dated. */
  first: string | null;
}

export interface CheckIndex {
  versions: IndexedVersion[];
  texts: IndexedText[];
  /** Shingle hash → indexes into `texts`, ascending. */
  postings: Map<number, number[]>;
  /**
   * The words of a text, joined by spaces → its index. In an index made for one draft (`lookups`), only the texts
   * that may be one of its paragraphs word for word (the hash of all their words is one of theirs): the only ones
   * asked for (the shards hold each text once).
   */
  byWords: Map<string, number>;
  /**
   * False for an index that is only written out in shards (the site build): no postings (the shards are made
   * from the texts), which at 10,000 versions saves gigabytes. No index keeps a text's words until a check
   * compares them (`textWords`).
   */
  searchable: boolean;
  /** For an index made to check one draft (the shards it needs): what its lookups ask for. Null: every shingle and text. */
  lookups: DraftLookups | null;
}

/** What a check of one draft looks up in an index: the draft's shingles, and the hash of each paragraph's words. */
export interface DraftLookups {
  shingles: ReadonlySet<number>;
  wholes: ReadonlySet<number>;
}

/** The lookups of a draft whose paragraphs have these words. */
export function draftLookups(paragraphs: readonly (readonly string[])[]): DraftLookups {
  return {
    shingles: new Set(paragraphs.flatMap((words) => shingles(words))),
    wholes: new Set(paragraphs.map((words) => hashWords(words, 0, words.length))),
  };
}

/** A paragraph of the corpus close to a checked one: its version and paragraph (as a phrase's origin), and more. */
export interface CheckSource extends PhraseSource {
  similarity: number;
  /** The source paragraph's text. */
  text: string;
}

export type CheckStatus = 'agreed' | 'modified' | 'new';

export interface VerbShift {
  /** The source's verb and the draft's. */
  from: string;
  to: string;
  direction: VerbDirection;
}

export interface CheckedParagraph {
  id: string;
  status: CheckStatus;
  /** The paragraph's text as checked. */
  text: string;
  sources: CheckSource[];
  /** The operative verb against that of the best source, when they differ. */
  verb: VerbShift | null;
  /** Runs of eight words or more found in earlier texts, each with the earliest version that carried it. */
  phrases: PhraseOrigin[];
}

export interface CheckSummary extends Record<CheckStatus, number> {
  stronger: number;
  weaker: number;
}

export interface CheckResult {
  paragraphs: CheckedParagraph[];
  summary: CheckSummary;
}

/** The paragraphs of a version that are checked and indexed: preambular, operative and annex paragraphs, each with its sub-paragraphs. */
export function paragraphsOf(record: ResolutionRecord): Unit[] {
  const u = unitsOf(record);
  return [...u.preamble, ...u.operative, ...u.annex];
}

export function emptyCheckIndex(searchable = true, lookups: DraftLookups | null = null): CheckIndex {
  return { versions: [], texts: [], postings: new Map(), byWords: new Map(), searchable, lookups };
}

/** Adds text `k` to the postings of shingle `s` (once: texts are added in ascending order). */
function post(index: CheckIndex, s: number, k: number): void {
  const list = index.postings.get(s);
  if (!list) index.postings.set(s, [k]);
  else if (list[list.length - 1] !== k) list.push(k);
}

/** A text's key in `byWords` (null: not to be found by its words), its length in words, and the shingles it is posted under: what adding it costs, made apart. */
export interface PreparedText {
  text: string;
  key: string | null;
  length: number;
  shingles: readonly number[];
}

/**
 * What adding a text to an index of these lookups needs, made before the index is at hand (as the shards a draft
 * needs arrive, one by one): its key and length, and its shingles, only those the lookups ask for when given. For a
 * draft's lookups, the text is scanned once and no string is made of its words, unless they may be a paragraph's.
 */
export function prepareText(text: string, lookups: DraftLookups | null): PreparedText {
  if (!lookups) {
    const words = wordsOf(text);
    return { text, key: words.join(' '), length: words.length, shingles: shingles(words) };
  }
  const spans = wordSpans(text);
  const key = lookups.wholes.has(spanHash(spans, 0, spans.length)) ? wordsOf(text).join(' ') : null;
  return { text, key, length: spans.length, shingles: spanShingles(spans, lookups.shingles) };
}

/** Adds a prepared text to the index (or finds it there) and returns its index. */
export function addPreparedText(index: CheckIndex, t: PreparedText): number {
  const known = t.key === null ? undefined : index.byWords.get(t.key);
  if (known !== undefined) return known;
  const k = index.texts.length;
  index.texts.push({ text: t.text, words: null, length: t.length, occurrences: [], first: null });
  if (t.key !== null) index.byWords.set(t.key, k);
  if (index.searchable) for (const s of t.shingles) post(index, s, k);
  return k;
}

/** Adds a text of these words to the index (or finds it there) and returns its index. */
export function addText(index: CheckIndex, text: string, words: readonly string[]): number {
  const key = words.join(' ');
  const known = index.byWords.get(key);
  if (known !== undefined) return known;
  const shingled = index.searchable ? (index.lookups ? shingles(words).filter((s) => index.lookups!.shingles.has(s)) : shingles(words)) : [];
  return addPreparedText(index, { text, key, length: words.length, shingles: shingled });
}

/** Records that version `version` carries text `k` as its paragraph `paragraph`. */
export function addOccurrence(index: CheckIndex, k: number, version: number, paragraph: string): void {
  const t = index.texts[k]!;
  t.occurrences.push({ version, paragraph });
  const date = index.versions[version]!.date;
  if (date !== null && (t.first === null || date < t.first)) t.first = date;
}

/** Adds one version and its paragraphs (so that a large corpus is indexed a file at a time, its trees let go). */
export function addVersion(index: CheckIndex, version: Omit<IndexedVersion, 'paragraphs'>, record: ResolutionRecord): void {
  const v = index.versions.length;
  const entry: IndexedVersion = { ...version, paragraphs: 0 };
  index.versions.push(entry);
  for (const unit of paragraphsOf(record)) {
    const words = wordsOf(unit.fullText);
    if (!words.length) continue;
    addOccurrence(index, addText(index, unit.fullText, words), v, unit.id);
    entry.paragraphs++;
  }
}

/** The words of an indexed text, made once. */
function textWords(t: IndexedText): string[] {
  return (t.words ??= wordsOf(t.text));
}

const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((w, i) => w === b[i]);

export interface CheckOptions {
  /** Leave out the versions with these slugs (the checked text itself, the versions after it). */
  exclude?: ReadonlySet<string>;
  /** Only versions dated before this ISO date count as sources (the language agreed before the draft). */
  before?: string | null;
}

type Keep = (v: IndexedVersion) => boolean;

/** Source order: the more similar first; then agreed stages, the newer version, by slug and paragraph. */
function bySource(x: CheckSource, y: CheckSource): number {
  return (
    y.similarity - x.similarity ||
    Number(AGREED_STAGES.has(y.stage)) - Number(AGREED_STAGES.has(x.stage)) ||
    (y.date ?? '').localeCompare(x.date ?? '') ||
    x.version.localeCompare(y.version) ||
    x.paragraph.localeCompare(y.paragraph)
  );
}

/** Between two occurrences of one text (one similarity), whether `a` comes first in source order. */
function before(index: CheckIndex, a: Occurrence, b: Occurrence): boolean {
  const va = index.versions[a.version]!;
  const vb = index.versions[b.version]!;
  const d =
    Number(AGREED_STAGES.has(vb.stage)) - Number(AGREED_STAGES.has(va.stage)) ||
    (vb.date ?? '').localeCompare(va.date ?? '') ||
    va.slug.localeCompare(vb.slug) ||
    a.paragraph.localeCompare(b.paragraph);
  return d < 0;
}

function sourceOf(index: CheckIndex, t: IndexedText, o: Occurrence, similarity: number): CheckSource {
  const v = index.versions[o.version]!;
  return { symbol: v.symbol, version: v.slug, paragraph: o.paragraph, year: v.year, date: v.date, stage: v.stage, similarity: Math.round(similarity * 1000) / 1000, text: t.text };
}

// Ties between texts go by their words, never by where they sit in the index: an index read in part (the shards a
// draft needs) holds the texts in another order, and must choose as the whole index does.
const byText = (a: IndexedText, b: IndexedText): number => (a.text < b.text ? -1 : a.text > b.text ? 1 : 0);

/** Whether text `a` was first carried before `b` (undated last), or on the same date and first by its words. */
function olderText(a: IndexedText, b: IndexedText): boolean {
  if (a.first !== b.first) return a.first !== null && (b.first === null || a.first < b.first);
  return byText(a, b) < 0;
}

/**
 * Each text's place in the order of `byText` (`byWords`) and in that of `olderText` (`byAge`), so that the check's
 * many comparisons of texts compare two numbers. Made once for an index, again when texts were added since.
 */
interface TextRanks {
  texts: number;
  byWords: Int32Array;
  byAge: Int32Array;
}
const ranksKept = new WeakMap<CheckIndex, TextRanks>();

function ranksOf(index: CheckIndex): TextRanks {
  const known = ranksKept.get(index);
  if (known && known.texts === index.texts.length) return known;
  const rank = (order: (a: number, b: number) => number) => {
    const sorted = index.texts.map((_, k) => k).sort(order);
    const out = new Int32Array(sorted.length);
    sorted.forEach((k, at) => (out[k] = at));
    return out;
  };
  const byWords = rank((a, b) => byText(index.texts[a]!, index.texts[b]!));
  const byAge = rank((a, b) => (olderText(index.texts[a]!, index.texts[b]!) ? -1 : olderText(index.texts[b]!, index.texts[a]!) ? 1 : 0));
  const ranks = { texts: index.texts.length, byWords, byAge };
  ranksKept.set(index, ranks);
  return ranks;
}

/** The texts sharing a shingle with `words`, by the share of runs in common (dice), and the oldest text of each run. */
function candidatesOf(words: readonly string[], index: CheckIndex, keepText: (k: number) => boolean, shared: Int32Array): { ranked: number[]; oldest: number[] } {
  const { byWords, byAge } = ranksOf(index);
  const own = shingles(words);
  // A run that thousands of texts share finds nothing a rarer run of the same paragraph does not: it is left out,
  // unless the paragraph has no other.
  const lists = own.map((s) => index.postings.get(s) ?? []);
  const rare = lists.filter((l) => l.length <= COMMON_RUN);
  const used = rare.length ? rare : lists;
  const oldest = new Set<number>();
  // The runs each text shares, counted in `shared` (left all 0 again), for the texts in `met`.
  const met: number[] = [];
  for (const list of used) {
    let old = -1;
    for (let i = 0; i < list.length; i++) {
      const k = list[i]!;
      if (!keepText(k)) continue;
      if (shared[k]!++ === 0) met.push(k);
      if (old < 0 || byAge[k]! < byAge[old]!) old = k;
    }
    if (old >= 0) oldest.add(old);
  }
  const dice = (k: number, n: number) => (2 * n) / (own.length + Math.max(1, index.texts[k]!.length - SHINGLE_WORDS + 1));
  const scored = met.map((k) => {
    const n = shared[k]!;
    shared[k] = 0;
    return [k, dice(k, n)] as const;
  });
  const ranked = scored
    .sort((x, y) => y[1] - x[1] || byWords[x[0]]! - byWords[y[0]]!)
    .slice(0, CANDIDATES)
    .map(([k]) => k);
  return { ranked, oldest: [...oldest].sort((a, b) => byWords[a]! - byWords[b]!) };
}

/**
 * What one check learns once, for all its paragraphs: for each version whether it may be cited and for each text
 * whether such a version carries it (0 not yet known, 1 yes, 2 no), each text's earliest such version; and room to
 * count the runs each text shares with a paragraph.
 */
interface CheckMemo {
  versions: Int8Array;
  texts: Int8Array;
  origins: Map<number, PhraseSource | null>;
  shared: Int32Array;
}
const newMemo = (index: CheckIndex): CheckMemo => ({
  versions: new Int8Array(index.versions.length),
  texts: new Int8Array(index.texts.length),
  origins: new Map(),
  shared: new Int32Array(index.texts.length),
});

/** Whether version `v` may be cited, asked of `keep` once. */
function keptVersion(index: CheckIndex, keep: Keep, memo: CheckMemo, v: number): boolean {
  let known = memo.versions[v]!;
  if (known === 0) memo.versions[v] = known = keep(index.versions[v]!) ? 1 : 2;
  return known === 1;
}

/** The sources of one paragraph's words, best first, and the texts they were chosen from. */
export function sourcesOf(words: readonly string[], index: CheckIndex, keep: Keep, memo: CheckMemo = newMemo(index)): { sources: CheckSource[]; agreed: boolean; candidates: number[] } {
  const keepText = (k: number) => {
    let known = memo.texts[k]!;
    if (known === 0) memo.texts[k] = known = index.texts[k]!.occurrences.some((o) => keptVersion(index, keep, memo, o.version)) ? 1 : 2;
    return known === 1;
  };
  const { ranked, oldest } = candidatesOf(words, index, keepText, memo.shared);
  const counts = new Map<string, number>();
  for (const w of words) counts.set(w, (counts.get(w) ?? 0) + 1);
  // Candidates in order of a bound on their similarity (their words in any order): once MAX_SOURCES are found, a
  // text whose bound is below the least of them cannot enter, and a diff need only tell whether it beats it.
  const { byWords } = ranksOf(index);
  const bounded = ranked.map((k) => ({ k, bound: bagSimilarity(counts, words.length, textWords(index.texts[k]!)) })).sort((x, y) => y.bound - x.bound || byWords[x.k]! - byWords[y.k]!);
  const found: CheckSource[] = [];
  let agreed = false;
  let floor = SOURCE_FROM;
  for (const { k, bound } of bounded) {
    if (bound < floor) break;
    const t = index.texts[k]!;
    const theirs = textWords(t);
    const similarity = same(words, theirs) ? 1 : wordSimilarity(words, theirs, floor);
    if (similarity < SOURCE_FROM) continue;
    // A text many versions carry has as many sources, of one similarity: only the first MAX_SOURCES in source
    // order can be kept, so only they are made.
    const best: Occurrence[] = [];
    for (const o of t.occurrences) {
      if (!keptVersion(index, keep, memo, o.version)) continue;
      const v = index.versions[o.version]!;
      if (similarity === 1 && AGREED_STAGES.has(v.stage)) agreed = true;
      if (best.length === MAX_SOURCES && !before(index, o, best[MAX_SOURCES - 1]!)) continue;
      let at = best.length;
      while (at > 0 && before(index, o, best[at - 1]!)) at--;
      best.splice(at, 0, o);
      if (best.length > MAX_SOURCES) best.pop();
    }
    for (const o of best) found.push(sourceOf(index, t, o, similarity));
    if (found.length >= MAX_SOURCES) {
      found.sort(bySource);
      found.length = MAX_SOURCES;
      floor = Math.max(floor, found[MAX_SOURCES - 1]!.similarity);
    }
  }
  found.sort(bySource);
  return { sources: found.slice(0, MAX_SOURCES), agreed, candidates: [...new Set([...ranked, ...oldest])] };
}

/** The earliest version that may be cited and carries a text (as `earlier` orders them). */
function earliestOf(index: CheckIndex, t: IndexedText, keep: Keep, memo: CheckMemo): PhraseSource | null {
  let best: Occurrence | null = null;
  for (const o of t.occurrences) {
    if (!keptVersion(index, keep, memo, o.version)) continue;
    if (!best || earlierOccurrence(index, o, best)) best = o;
  }
  if (!best) return null;
  const v = index.versions[best.version]!;
  return { symbol: v.symbol, version: v.slug, paragraph: best.paragraph, year: v.year, date: v.date, stage: v.stage };
}

/** `earlier` between the sources of two occurrences, with no source made. */
function earlierOccurrence(index: CheckIndex, a: Occurrence, b: Occurrence): boolean {
  const va = index.versions[a.version]!;
  const vb = index.versions[b.version]!;
  return earlierBy(va.date, va.slug, a.paragraph, vb.date, vb.slug, b.paragraph);
}

/** The verb of an operative paragraph against its best source's, when both are operative and the verbs differ. */
function verbShift(unit: Unit, best: CheckSource | undefined): VerbShift | null {
  if (!best || !unit.id.startsWith('OP') || !best.paragraph.startsWith('OP')) return null;
  const from = detectOperativeVerb(best.text);
  const to = unit.verb ?? detectOperativeVerb(unit.fullText);
  const change = compareVerbs(from, to);
  return change ? { from: change.from, to: change.to, direction: change.direction } : null;
}

/** Checks every paragraph of `record` against the index. A version whose paragraphs all have the same words is the text itself, and left out. */
export function checkRecord(record: ResolutionRecord, index: CheckIndex, options: CheckOptions = {}): CheckResult {
  const units = paragraphsOf(record);
  const own = units.map((u) => wordsOf(u.fullText));
  const exclude = new Set(options.exclude ?? []);
  for (const slug of identicalVersions(units, own, index)) exclude.add(slug);
  const keep: Keep = (v) => !exclude.has(v.slug) && (!options.before || (v.date !== null && v.date < options.before));
  const summary: CheckSummary = { agreed: 0, modified: 0, new: 0, stronger: 0, weaker: 0 };
  const memo = newMemo(index);
  const paragraphs = units.map((u, i): CheckedParagraph => {
    const words = own[i]!;
    const { sources, agreed, candidates } = sourcesOf(words, index, keep, memo);
    const status: CheckStatus = agreed ? 'agreed' : sources.length && sources[0]!.similarity >= MODIFIED_FROM && words.length ? 'modified' : 'new';
    const verb = status === 'new' ? null : verbShift(u, sources[0]);
    summary[status]++;
    if (verb?.direction === 'stronger') summary.stronger++;
    if (verb?.direction === 'weaker') summary.weaker++;
    const origin = (k: number) => {
      let o = memo.origins.get(k);
      if (o === undefined) memo.origins.set(k, (o = earliestOf(index, index.texts[k]!, keep, memo)));
      return o;
    };
    const phrases = phraseOrigins(u.fullText, candidates.map((k) => ({ words: textWords(index.texts[k]!), origin: origin(k) })));
    return { id: u.id, status, text: u.fullText, sources, verb, phrases };
  });
  return { paragraphs, summary };
}

/**
 * Slugs of the versions of the corpus whose paragraphs are word for word
 * those given, with the same names and no more. Only the versions that carry
 * one of the paragraphs' texts are looked at. An index read in part (the
 * shards a draft needs) may lack some of the texts: then a version of as many
 * paragraphs that carries, in place, every text the index has, and at least
 * half of them, is taken for the text itself.
 */
function identicalVersions(units: readonly Unit[], own: readonly string[][], index: CheckIndex): string[] {
  const mine = units.map((u, i) => ({ id: u.id, k: index.byWords.get(own[i]!.join(' ')) })).filter((_, i) => own[i]!.length);
  const known = mine.filter((m) => m.k !== undefined);
  if (!known.length || known.length * 2 < mine.length) return [];
  const out: string[] = [];
  for (const o of index.texts[known[0]!.k!]!.occurrences) {
    const v = index.versions[o.version]!;
    if (o.paragraph !== known[0]!.id || v.paragraphs !== mine.length) continue;
    if (known.every((m) => index.texts[m.k!]!.occurrences.some((x) => x.version === o.version && x.paragraph === m.id))) out.push(v.slug);
  }
  return out;
}
