/**
 * Check a draft against agreed language: for every paragraph of a text, the
 * closest paragraphs of a corpus (every version of every series), and whether
 * its wording is agreed (the same words in an adopted resolution or a draft a
 * Main Committee recommended), modified agreed language, or new.
 *
 * Finding candidates is an inverted index of word shingles (runs of
 * SHINGLE_WORDS words, hashed): a corpus paragraph is a candidate when it
 * shares a run with the checked one, and candidates are ranked by how many
 * they share. The similarity reported is that of the word sequences, by
 * jsdiff's Myers diff: 2 × common words / (words of both), 1 for the same
 * words. Footnote calls, case, punctuation and spacing do not count.
 *
 * Pure functions over records: the CLI, the build and the browser call the
 * same ones.
 */
import { diffArrays } from 'diff';
import { unitsOf, type Unit } from '../align/units.ts';
import type { ResolutionRecord, Stage } from '../model.ts';
import { versionSlug } from '../export/version-json.ts';

/** Words per shingle: long enough to be rare, short enough to survive an edit nearby. */
export const SHINGLE_WORDS = 5;
/** The similarity from which a paragraph is modified agreed language rather than new. */
export const MODIFIED_FROM = 0.5;
/** The least similarity a source is reported with: below it, a paragraph shares only stock phrases. */
export const SOURCE_FROM = 0.4;
/** Sources kept per paragraph, best first. */
export const MAX_SOURCES = 10;
/** Paragraphs from which a shingle is too common to find candidates by. */
const COMMON_RUN = 2000;
/** Candidates scored per paragraph, ranked by the share of shingles they have in common. */
const CANDIDATES = 16;
/** Stages whose words count as agreed. */
const AGREED_STAGES: ReadonlySet<Stage> = new Set(['adopted', 'recommended']);

/** A paragraph of the corpus, as the index holds it. */
export interface IndexedParagraph {
  /** The version's slug ("a-res-76-187") and record id. */
  version: string;
  recordId: string;
  symbol: string | null;
  year: number | null;
  date: string | null;
  stage: Stage;
  /** "PP3", "OP5", "ANX1.4". */
  paragraph: string;
  words: string[];
}

export interface CheckIndex {
  paragraphs: IndexedParagraph[];
  /** Shingle hash → indexes into `paragraphs`. */
  postings: Map<number, number[]>;
}

export interface CheckSource {
  symbol: string | null;
  version: string;
  paragraph: string;
  year: number | null;
  stage: Stage;
  similarity: number;
}

export type CheckStatus = 'agreed' | 'modified' | 'new';

export interface CheckedParagraph {
  id: string;
  status: CheckStatus;
  sources: CheckSource[];
}

export interface CheckResult {
  paragraphs: CheckedParagraph[];
  summary: Record<CheckStatus, number>;
}

/** The words of a text as compared: lower case, letters and digits only. */
export function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** FNV-1a over the words of one shingle: a 32-bit key. */
function hash(words: readonly string[], start: number, length: number): number {
  let h = 0x811c9dc5;
  for (let k = start; k < start + length; k++) {
    const w = words[k]!;
    for (let i = 0; i < w.length; i++) h = Math.imul(h ^ w.charCodeAt(i), 0x01000193);
    h = Math.imul(h ^ 32, 0x01000193);
  }
  return h >>> 0;
}

/** The distinct shingles of a word list; a paragraph shorter than a shingle is one shingle of all its words. */
export function shingles(words: readonly string[]): number[] {
  if (!words.length) return [];
  const n = Math.min(SHINGLE_WORDS, words.length);
  const out = new Set<number>();
  for (let i = 0; i + n <= words.length; i++) out.add(hash(words, i, n));
  return [...out];
}

/** The paragraphs of a version that are checked and indexed: preambular, operative and annex paragraphs, each with its sub-paragraphs. */
function paragraphsOf(record: ResolutionRecord): Unit[] {
  const u = unitsOf(record);
  return [...u.preamble, ...u.operative, ...u.annex];
}

/** The index of a corpus. */
export function buildCheckIndex(records: readonly ResolutionRecord[]): CheckIndex {
  const index: CheckIndex = { paragraphs: [], postings: new Map() };
  for (const r of records) addToCheckIndex(index, r);
  return index;
}

/** Adds one version to an index (so that a large corpus can be indexed a file at a time, its trees let go). */
export function addToCheckIndex(index: CheckIndex, r: ResolutionRecord): void {
  const version = versionSlug(r);
  for (const unit of paragraphsOf(r)) {
    const words = wordsOf(unit.fullText);
    if (!words.length) continue;
    const k = index.paragraphs.length;
    index.paragraphs.push({ version, recordId: r.id, symbol: r.symbol, year: r.year, date: r.date, stage: r.stage, paragraph: unit.id, words });
    for (const s of shingles(words)) {
      const list = index.postings.get(s);
      if (list) list.push(k);
      else index.postings.set(s, [k]);
    }
  }
}

/**
 * 2 × common words / words of both, over the word sequences (1: the same
 * words). Below `from` the exact figure does not matter: the diff stops once
 * its edits exceed what that similarity allows (jsdiff's maxEditLength; the
 * edits are la + lb − 2 × common) and the answer is 0.
 */
export function wordSimilarity(a: readonly string[], b: readonly string[], from = 0): number {
  if (!a.length && !b.length) return 1;
  const maxEditLength = Math.floor((1 - from) * (a.length + b.length));
  const changes = diffArrays(a as string[], b as string[], { maxEditLength });
  if (!changes) return 0;
  let common = 0;
  for (const c of changes) if (!c.added && !c.removed) common += c.count ?? c.value.length;
  return (2 * common) / (a.length + b.length);
}

const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((w, i) => w === b[i]);

export interface CheckOptions {
  /** Leave out the versions with these record ids (the checked text itself). */
  exclude?: ReadonlySet<string>;
  /** Only versions dated before this ISO date count as sources (the language agreed before the draft). */
  before?: string | null;
}

/** 2 × the words two texts share in any order / words of both: never below their similarity in sequence. */
function bagSimilarity(counts: ReadonlyMap<string, number>, length: number, other: readonly string[]): number {
  const left = new Map(counts);
  let common = 0;
  for (const w of other) {
    const n = left.get(w);
    if (n) {
      common++;
      left.set(w, n - 1);
    }
  }
  return (2 * common) / (length + other.length);
}

/** The sources of one paragraph's words, best first (ties: the newer version first, then by slug and paragraph). */
export function sourcesOf(words: readonly string[], index: CheckIndex, keep: (p: IndexedParagraph) => boolean): CheckSource[] {
  const shared = new Map<number, number>();
  const own = shingles(words);
  // A run that thousands of paragraphs share ("the United Nations Office on Drugs and Crime") finds nothing a rarer run
  // of the same paragraph does not: it is left out, unless the paragraph has no other.
  const lists = own.map((s) => index.postings.get(s) ?? []);
  const rare = lists.filter((l) => l.length <= COMMON_RUN);
  for (const list of rare.length ? rare : lists) for (const k of list) shared.set(k, (shared.get(k) ?? 0) + 1);
  // Dice over shingles: the share of runs in common, so that a long paragraph is not preferred for its length.
  const dice = (k: number, n: number) => (2 * n) / (own.length + Math.max(1, index.paragraphs[k]!.words.length - SHINGLE_WORDS + 1));
  const candidates = [...shared]
    .filter(([k]) => keep(index.paragraphs[k]!))
    .map(([k, n]) => [k, dice(k, n)] as const)
    .sort((x, y) => y[1] - x[1] || x[0] - y[0])
    .slice(0, CANDIDATES);
  // Many versions carry the same words: each distinct text is compared once. A text's words in any order bound its
  // similarity in sequence from above.
  const counts = new Map<string, number>();
  for (const w of words) counts.set(w, (counts.get(w) ?? 0) + 1);
  // Candidates in order of that bound: once MAX_SOURCES are found, a text whose bound is below the least of them
  // cannot enter, and a diff need only tell whether it beats it (jsdiff stops at the edits that allows).
  const memo = new Map<string, number>();
  const bounded = candidates
    .map(([k]) => ({ p: index.paragraphs[k]!, bound: bagSimilarity(counts, words.length, index.paragraphs[k]!.words) }))
    .sort((x, y) => y.bound - x.bound);
  const scored: { p: IndexedParagraph; similarity: number }[] = [];
  let floor = SOURCE_FROM;
  for (const { p, bound } of bounded) {
    if (bound < floor) break;
    const key = p.words.join(' ');
    let similarity = memo.get(key);
    if (similarity === undefined) {
      similarity = same(words, p.words) ? 1 : wordSimilarity(words, p.words, floor);
      memo.set(key, similarity);
    }
    if (similarity < SOURCE_FROM) continue;
    scored.push({ p, similarity });
    if (scored.length >= MAX_SOURCES) floor = Math.max(floor, Math.min(...scored.map((x) => x.similarity)));
  }
  scored.sort((x, y) => y.similarity - x.similarity || (y.p.date ?? '').localeCompare(x.p.date ?? '') || x.p.version.localeCompare(y.p.version) || x.p.paragraph.localeCompare(y.p.paragraph));
  return scored.slice(0, MAX_SOURCES).map(({ p, similarity }) => ({ symbol: p.symbol, version: p.version, paragraph: p.paragraph, year: p.year, stage: p.stage, similarity: Math.round(similarity * 1000) / 1000 }));
}

/** Agreed, modified or new, from the sources found. */
function statusOf(words: readonly string[], sources: readonly CheckSource[]): CheckStatus {
  if (sources.some((s) => s.similarity === 1 && AGREED_STAGES.has(s.stage))) return 'agreed';
  return sources.length && sources[0]!.similarity >= MODIFIED_FROM && words.length ? 'modified' : 'new';
}

/** Checks every paragraph of `record` against the index. A version whose paragraphs all have the same words is the text itself, and left out. */
export function checkRecord(record: ResolutionRecord, index: CheckIndex, options: CheckOptions = {}): CheckResult {
  const units = paragraphsOf(record);
  const own = units.map((u) => wordsOf(u.fullText));
  const exclude = new Set(options.exclude ?? []);
  exclude.add(record.id);
  for (const id of identicalVersions(own, index)) exclude.add(id);
  const keep = (p: IndexedParagraph) => !exclude.has(p.recordId) && (!options.before || (p.date !== null && p.date < options.before));
  const paragraphs = units.map((u, i) => {
    const sources = sourcesOf(own[i]!, index, keep);
    return { id: u.id, status: statusOf(own[i]!, sources), sources };
  });
  const summary: Record<CheckStatus, number> = { agreed: 0, modified: 0, new: 0 };
  for (const p of paragraphs) summary[p.status]++;
  return { paragraphs, summary };
}

/**
 * Record ids of the corpus whose paragraphs are word for word those given, in
 * order. Such a version holds the first paragraph among the postings of its
 * first shingle, and the paragraphs of a version are consecutive in the
 * index: only those versions are compared, not the whole corpus.
 */
function identicalVersions(own: readonly string[][], index: CheckIndex): string[] {
  const mine = own.filter((w) => w.length);
  if (!mine.length) return [];
  const first = shingles(mine[0]!)[0]!;
  const out: string[] = [];
  for (const k of index.postings.get(first) ?? []) {
    const p = index.paragraphs[k]!;
    if (!same(p.words, mine[0]!) || (k > 0 && index.paragraphs[k - 1]!.recordId === p.recordId)) continue;
    const end = k + mine.length;
    const whole = end <= index.paragraphs.length && (end === index.paragraphs.length || index.paragraphs[end]!.recordId !== p.recordId);
    if (whole && mine.every((w, i) => index.paragraphs[k + i]!.recordId === p.recordId && same(index.paragraphs[k + i]!.words, w))) out.push(p.recordId);
  }
  return out;
}
