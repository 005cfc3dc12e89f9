/**
 * The check index in shards, so that a browser fetches only what a draft
 * needs: the build writes them (`shardCheckIndex`), the check page and the CLI
 * read them back (`loadCheckIndex`) into an index of the texts the draft is
 * close to, on which the same check runs (src/lib/check/agreed.ts).
 *
 * Files, relative to the index's folder:
 *   index.json      the manifest: the format, the shard counts, the first text
 *                   of each text shard and every version of the corpus
 *                   [slug, symbol, year, date, stage, paragraphs]
 *   p/<hex>.json    fingerprints whose first bits are <hex>: [[hash, oldest,
 *                   [text, …]], …], the texts that hold the fingerprint
 *                   (ascending) and the one that is oldest by date
 *   t/<n>.json      consecutive texts: [[text, [version, paragraph, …]], …]
 *
 * A fingerprint is a shingle whose hash is a multiple of SAMPLE, or the
 * smallest shingle of its text: a text the draft repeats word for word always
 * shares its smallest, and a text it edits shares one in about SAMPLE of its
 * unchanged runs. The texts are in the order the corpus is given, series by
 * series, so that the texts close to a draft lie in few text shards; those
 * are fetched in the order of how many of the draft's paragraphs point into
 * them, within a budget of shards.
 */
import type { ResolutionRecord, Stage } from '../model.ts';
import {
  addOccurrence,
  addText,
  COMMON_RUN,
  emptyCheckIndex,
  paragraphsOf,
  shingles,
  wordsOf,
  type CheckIndex,
  type IndexedVersion,
} from './agreed.ts';

export const CHECK_INDEX_FORMAT = 1;
/** One shingle in SAMPLE is a fingerprint (besides the smallest of each text). */
export const SAMPLE = 16;
/** Fingerprints per posting shard, about. */
const FINGERPRINTS_PER_SHARD = 64;
/** Posting shards: at most 2^MAX_BITS. */
const MAX_BITS = 12;
/** A text shard closes once its JSON passes this many characters. */
const TEXT_SHARD_CHARS = 24_000;
/** Texts per paragraph whose shards are fetched. */
const FETCH_PER_PARAGRAPH = 6;
/** Text shards fetched at most for one check. */
export const TEXT_SHARD_BUDGET = 64;

type VersionRow = [slug: string, symbol: string | null, year: number | null, date: string | null, stage: Stage, paragraphs: number];

export interface CheckManifest {
  format: number;
  sample: number;
  /** Posting shards are named by the first `bits` bits of the fingerprint. */
  bits: number;
  /** The index of the first text of each text shard. */
  textShards: number[];
  texts: number;
  versions: VersionRow[];
}

type PostingRow = [hash: number, oldest: number, texts: number[]];
type TextRow = [text: string, occurrences: (number | string)[]];

/** The fingerprints of a text's words. */
export function fingerprints(words: readonly string[]): number[] {
  const all = shingles(words);
  if (!all.length) return [];
  let min = all[0]!;
  for (const h of all) if (h < min) min = h;
  return [...new Set([min, ...all.filter((h) => h % SAMPLE === 0)])].sort((a, b) => a - b);
}

const hex = (shard: number, bits: number) => shard.toString(16).padStart(Math.max(1, Math.ceil(bits / 4)), '0');
const postingShard = (h: number, bits: number) => (bits ? h >>> (32 - bits) : 0);
export const postingPath = (shard: number, bits: number) => `p/${hex(shard, bits)}.json`;
export const textPath = (shard: number) => `t/${shard}.json`;
export const MANIFEST = 'index.json';

/** The files of the sharded index: path → JSON. Deterministic: the same index gives the same bytes. */
export function shardCheckIndex(index: CheckIndex): Map<string, string> {
  const files = new Map<string, string>();
  const postings = new Map<number, number[]>();
  index.texts.forEach((t, k) => {
    for (const h of fingerprints(t.words)) {
      const list = postings.get(h);
      if (list) list.push(k);
      else postings.set(h, [k]);
    }
  });
  let bits = 0;
  while (bits < MAX_BITS && postings.size / 2 ** bits > FINGERPRINTS_PER_SHARD) bits++;
  const shards = new Map<number, PostingRow[]>();
  for (const h of [...postings.keys()].sort((a, b) => a - b)) {
    const list = postings.get(h)!;
    let oldest = list[0]!;
    for (const k of list) {
      const f = index.texts[k]!.first;
      const o = index.texts[oldest]!.first;
      if (f !== null && (o === null || f < o)) oldest = k;
    }
    const s = postingShard(h, bits);
    const rows = shards.get(s) ?? [];
    rows.push([h, oldest, list.slice(0, COMMON_RUN + 1)]);
    shards.set(s, rows);
  }
  for (const [s, rows] of [...shards].sort((a, b) => a[0] - b[0])) files.set(postingPath(s, bits), JSON.stringify(rows));
  const textShards: number[] = [];
  let rows: string[] = [];
  let chars = 0;
  const close = () => {
    if (!rows.length) return;
    files.set(textPath(textShards.length - 1), `[${rows.join(',')}]`);
    rows = [];
    chars = 0;
  };
  index.texts.forEach((t, k) => {
    if (!rows.length) textShards.push(k);
    const row: TextRow = [t.text, t.occurrences.flatMap((o) => [o.version, o.paragraph])];
    const json = JSON.stringify(row);
    rows.push(json);
    chars += json.length + 1;
    if (chars >= TEXT_SHARD_CHARS) close();
  });
  close();
  const manifest: CheckManifest = {
    format: CHECK_INDEX_FORMAT,
    sample: SAMPLE,
    bits,
    textShards,
    texts: index.texts.length,
    versions: index.versions.map((v) => [v.slug, v.symbol, v.year, v.date, v.stage, v.paragraphs]),
  };
  files.set(MANIFEST, JSON.stringify(manifest));
  return files;
}

/** Reads one file of the index (relative path) as parsed JSON: fetch in the browser, the file system in the CLI. */
export type ShardLoader = (path: string) => Promise<unknown>;

export interface LoadedCheckIndex {
  index: CheckIndex;
  /** The files read, the manifest first. */
  files: string[];
}

function isManifest(m: unknown): m is CheckManifest {
  const x = m as CheckManifest;
  return !!x && typeof x === 'object' && x.format === CHECK_INDEX_FORMAT && Array.isArray(x.versions) && Array.isArray(x.textShards) && Number.isInteger(x.bits);
}

/** The shard that holds text k: the last whose first text is at most k. */
function textShardOf(starts: readonly number[], k: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= k) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * The part of a sharded index that the paragraphs of `record` need: every
 * version of the corpus, and the texts of the shards that the paragraphs'
 * fingerprints point into most (at most `budget` shards), with all their
 * shingles, so that the check scores them as it scores a whole index.
 */
export async function loadCheckIndex(record: ResolutionRecord, load: ShardLoader, budget = TEXT_SHARD_BUDGET): Promise<LoadedCheckIndex> {
  const manifest = await load(MANIFEST);
  if (!isManifest(manifest)) throw new Error(`${MANIFEST}: not a check index of format ${CHECK_INDEX_FORMAT}`);
  const files = [MANIFEST];
  const paragraphs = paragraphsOf(record).map((u) => fingerprints(wordsOf(u.fullText)));
  const needed = [...new Set(paragraphs.flat().map((h) => postingShard(h, manifest.bits)))].sort((a, b) => a - b);
  const postings = new Map<number, PostingRow>();
  await Promise.all(
    needed.map(async (s) => {
      const path = postingPath(s, manifest.bits);
      files.push(path);
      const rows = (await load(path)) as PostingRow[];
      if (!Array.isArray(rows)) throw new Error(`${path}: not a posting shard`);
      for (const row of rows) postings.set(row[0], row);
    }),
  );
  // Each paragraph votes for the shards of its closest texts (by fingerprints shared) and of the oldest text of each
  // fingerprint (where its phrases first appeared); a shard's weight is the sum, the closest counting most.
  const weight = new Map<number, number>();
  for (const fps of paragraphs) {
    const shared = new Map<number, number>();
    const oldest = new Set<number>();
    for (const h of fps) {
      const row = postings.get(h);
      if (!row) continue;
      oldest.add(row[1]);
      if (row[2].length > COMMON_RUN) continue;
      for (const k of row[2]) shared.set(k, (shared.get(k) ?? 0) + 1);
    }
    const top = [...shared].sort((x, y) => y[1] - x[1] || x[0] - y[0]).slice(0, FETCH_PER_PARAGRAPH);
    top.forEach(([k], rank) => {
      const s = textShardOf(manifest.textShards, k);
      weight.set(s, (weight.get(s) ?? 0) + (FETCH_PER_PARAGRAPH - rank));
    });
    for (const k of oldest) {
      const s = textShardOf(manifest.textShards, k);
      weight.set(s, (weight.get(s) ?? 0) + 1);
    }
  }
  const chosen = [...weight].sort((x, y) => y[1] - x[1] || x[0] - y[0]).slice(0, budget).map(([s]) => s).sort((a, b) => a - b);
  const texts = await Promise.all(
    chosen.map(async (s) => {
      const path = textPath(s);
      files.push(path);
      const rows = (await load(path)) as TextRow[];
      if (!Array.isArray(rows)) throw new Error(`${path}: not a text shard`);
      return rows;
    }),
  );
  const index = emptyCheckIndex();
  index.versions = manifest.versions.map(([slug, symbol, year, date, stage, paragraphs]): IndexedVersion => ({ slug, symbol, year, date, stage, paragraphs }));
  for (const rows of texts) {
    for (const [text, occurrences] of rows) {
      const k = addText(index, text, wordsOf(text));
      for (let i = 0; i + 1 < occurrences.length; i += 2) addOccurrence(index, k, occurrences[i] as number, occurrences[i + 1] as string);
    }
  }
  return { index, files };
}
