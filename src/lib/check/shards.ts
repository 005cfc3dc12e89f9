/**
 * The check index in shards, so that a browser fetches only what a draft
 * needs: the build writes them (`shardCheckIndex`), the check page and the CLI
 * read them back (`loadCheckIndex`) into an index of the texts the draft is
 * close to, on which the same check runs (src/lib/check/agreed.ts).
 *
 * Files, relative to the index's folder:
 *   index.json    the manifest: the format, every version of the corpus
 *                 [slug, symbol, year, date, stage, paragraphs], the blocks of
 *                 every shard's filter, and each text shard's first text
 *   filters.bin   one blocked Bloom filter per text shard, all of one size,
 *                 stored bit-sliced: for each bit of a filter, the bits of all
 *                 shards (a row of one bit per shard), so that a key's lookup
 *                 in every shard at once is an AND of its bits' rows
 *   t/<n>.json    consecutive texts: [[text, [version, paragraph, …]], …]
 *
 * A text's keys are its fingerprints and its exact key. A fingerprint is a
 * shingle whose hash is a multiple of SAMPLE, or the smallest shingle of the
 * text: a text that a draft edits shares one in about SAMPLE of its unchanged
 * runs. The exact key is a hash of all its words: a shard whose filter holds
 * a paragraph's exact key and all its fingerprints almost surely holds the
 * paragraph word for word.
 *
 * The texts are in the order of the last version that carries them, in the
 * order the corpus is given (series by series, version by version): the
 * paragraphs of a series' latest version, which next year's draft mostly
 * repeats, lie together in a few shards. A draft's paragraphs look their keys
 * up in every filter; the shards that hold paragraphs word for word are
 * fetched first, then those that serve most paragraphs best, within a budget.
 * A check thus reads the two fixed files and at most the budget's text
 * shards, whatever the size of the corpus; the filters grow with it by about
 * FILTER_BITS / 8 × (3 + words / SAMPLE) bytes per distinct text.
 *
 * A shard closes when its texts pass TEXT_SHARD_CHARS characters or when its
 * keys fill its filter (SHARD_BLOCKS blocks), whichever comes first; a text of
 * more keys than a filter holds has a shard of its own, whose filter is the
 * fuller for it (more false hits, never a false miss).
 */
import type { ResolutionRecord, Stage } from '../model.ts';
import { hashWords } from './hash.ts';
import { addOccurrence, addPreparedText, draftLookups, emptyCheckIndex, paragraphsOf, prepareText, type CheckIndex, type IndexedVersion } from './agreed.ts';
import { shingles, wordsOf } from './words.ts';

export const CHECK_INDEX_FORMAT = 4;
/** One shingle in SAMPLE is a fingerprint (besides the smallest of each text). */
export const SAMPLE = 8;
/**
 * Filter bits per key, and bits set per key. The filters are blocked: a key sets its bits in one block of
 * BLOCK_BITS (a cache line's part), so that a lookup reads a few neighbouring words (a draft's keys are looked up
 * in every shard's filter); the blocks are large enough that their fill varies little. A fingerprint sets
 * FILTER_PROBES bits (about 2.5% false hits); a text's exact key sets EXACT_PROBES and counts for EXACT_SLOTS keys
 * in the filter's size, so that a false hit on it is rarer than one in ten thousand: a paragraph whose runs many
 * shards hold would otherwise draw false hits from them.
 */
const FILTER_BITS = 8;
const FILTER_PROBES = 5;
const EXACT_PROBES = 16;
const EXACT_SLOTS = 2;
/** Blocks in every shard's filter: about those of TEXT_SHARD_CHARS of texts (10 to 12 at 10,000 versions). */
const SHARD_BLOCKS = 11;
/** A text shard closes once its JSON passes this many characters: small, so that a scattered draft fetches little it does not need. */
const TEXT_SHARD_CHARS = 16_000;
/**
 * Text shards fetched at most for one check (about 2 MB): enough for a draft whose paragraphs lie word for word in
 * as many shards, scattered over the corpus.
 */
export const TEXT_SHARD_BUDGET = 128;
/** Of which the shards chosen by weight alone (not holding a paragraph, nor best for one) fill at most this many. */
const WEIGHT_FILL = 64;
/** Sets a text's exact key apart from the shingle of the same words (a text of SHINGLE_WORDS words or fewer). */
const EXACT_SALT = 0x9e3779b9;

type VersionRow = [slug: string, symbol: string | null, year: number | null, date: string | null, stage: Stage, paragraphs: number];

export interface CheckManifest {
  format: number;
  sample: number;
  /** Blocks of BLOCK_BITS in each shard's filter. */
  blocks: number;
  /** For each text shard, the index of its first text. */
  textShards: number[];
  texts: number;
  versions: VersionRow[];
}

type TextRow = [text: string, occurrences: (number | string)[]];

export const MANIFEST = 'index.json';
export const FILTERS = 'filters.bin';
export const textPath = (shard: number) => `t/${shard}.json`;

/** The fingerprints of a text's words. */
export function fingerprints(words: readonly string[]): number[] {
  const all = shingles(words);
  if (!all.length) return [];
  let min = all[0]!;
  for (const h of all) if (h < min) min = h;
  return [...new Set([min, ...all.filter((h) => h % SAMPLE === 0)])].sort((a, b) => a - b);
}

/** The key of a text's words all together. */
export function exactKey(words: readonly string[]): number {
  return (Math.imul(hashWords(words, 0, words.length) ^ EXACT_SALT, 0x2c1b3c6d) ^ EXACT_SALT) >>> 0;
}

/** Bits in a block of a filter. */
const BLOCK_BITS = 256;

/** The bits a key sets in its block: `probes` positions of 8 bits each, from rehashes of the key (some may repeat). */
function positionsOf(h: number, probes = FILTER_PROBES): number[] {
  const positions: number[] = [];
  let g = h;
  for (let i = 0; i < probes; i++) {
    if (i % 4 === 0) g = Math.imul(g ^ (g >>> 16), 0x45d9f3b) ^ Math.imul(i + 1, 0x9e3779b1);
    positions.push((g >>> (8 * (i % 4))) & (BLOCK_BITS - 1));
  }
  return positions;
}

/** The block of a filter of `blocks` blocks that a key falls in (its bits scaled to the range). */
const blockOf = (h: number, blocks: number): number => Math.floor(h * blocks * 2 ** -32);

/** The rows of filters.bin that a key's bits are: one per bit of a filter, block by block. */
const rowsOf = (h: number, blocks: number, probes = FILTER_PROBES): number[] => {
  const base = blockOf(h, blocks) * BLOCK_BITS;
  return [...new Set(positionsOf(h, probes))].map((p) => base + p);
};

/** 32-bit words in a row of filters.bin: one bit per shard. */
const rowWords = (shards: number): number => Math.ceil(shards / 32);

/**
 * The filters of all shards, bit-sliced: row r holds bit r of every shard's filter (shard s at bit s % 32 of word
 * s / 32), words little-endian in the file.
 */
function slicedFilters(shardKeys: readonly { hashes: ReadonlySet<number>; exact: ReadonlySet<number> }[], blocks: number): Uint8Array {
  const width = rowWords(shardKeys.length);
  const rows = new Uint32Array(blocks * BLOCK_BITS * width);
  shardKeys.forEach(({ hashes, exact }, s) => {
    const word = s >>> 5;
    const bit = 1 << (s & 31);
    for (const h of hashes) for (const r of rowsOf(h, blocks)) rows[r * width + word]! |= bit;
    for (const h of exact) for (const r of rowsOf(h, blocks, EXACT_PROBES)) rows[r * width + word]! |= bit;
  });
  const bytes = new Uint8Array(rows.length * 4);
  const view = new DataView(bytes.buffer);
  rows.forEach((w, i) => view.setUint32(i * 4, w, true));
  return bytes;
}

/** The filters' words, read little-endian from the file's bytes (in place where the platform is little-endian and the bytes aligned). */
function filterWords(bytes: Uint8Array): Uint32Array {
  if (LITTLE_ENDIAN && bytes.byteOffset % 4 === 0) return new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength >>> 2);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const words = new Uint32Array(bytes.byteLength >>> 2);
  for (let i = 0; i < words.length; i++) words[i] = view.getUint32(i * 4, true);
  return words;
}

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** The texts' indexes by the last version that carries them, then as first met. */
function textOrder(index: CheckIndex): number[] {
  const last = index.texts.map((t) => t.occurrences.reduce((m, o) => Math.max(m, o.version), -1));
  return index.texts.map((_, k) => k).sort((a, b) => last[a]! - last[b]! || a - b);
}

/** The files of the sharded index: path → JSON text or bytes. Deterministic: the same index gives the same bytes. */
export function shardCheckIndex(index: CheckIndex): Map<string, string | Uint8Array> {
  const files = new Map<string, string | Uint8Array>();
  const textShards: number[] = [];
  const shardKeys: { hashes: Set<number>; exact: Set<number> }[] = [];
  const capacity = (SHARD_BLOCKS * BLOCK_BITS) / FILTER_BITS;
  let rows: string[] = [];
  let hashes = new Set<number>();
  let exact = new Set<number>();
  let chars = 0;
  const close = () => {
    if (!rows.length) return;
    files.set(textPath(textShards.length - 1), `[${rows.join(',')}]`);
    shardKeys.push({ hashes, exact });
    rows = [];
    hashes = new Set();
    exact = new Set();
    chars = 0;
  };
  const slots = () => hashes.size + EXACT_SLOTS * exact.size;
  textOrder(index).forEach((k, at) => {
    const t = index.texts[k]!;
    const words = t.words ?? wordsOf(t.text);
    const own = fingerprints(words);
    const key = exactKey(words);
    const more = own.filter((h) => !hashes.has(h)).length + (exact.has(key) ? 0 : EXACT_SLOTS);
    if (rows.length && slots() + more > capacity) close();
    if (!rows.length) textShards.push(at);
    const json = JSON.stringify([t.text, t.occurrences.flatMap((o) => [o.version, o.paragraph])] satisfies TextRow);
    rows.push(json);
    for (const h of own) hashes.add(h);
    exact.add(key);
    chars += json.length + 1;
    if (chars >= TEXT_SHARD_CHARS) close();
  });
  close();
  files.set(FILTERS, slicedFilters(shardKeys, SHARD_BLOCKS));
  const manifest: CheckManifest = {
    format: CHECK_INDEX_FORMAT,
    sample: SAMPLE,
    blocks: SHARD_BLOCKS,
    textShards,
    texts: index.texts.length,
    versions: index.versions.map((v) => [v.slug, v.symbol, v.year, v.date, v.stage, v.paragraphs]),
  };
  files.set(MANIFEST, JSON.stringify(manifest));
  return files;
}

/** Reads the files of the index (paths relative to its folder): fetch in the browser, the file system in the CLI. */
export interface ShardLoader {
  json: (path: string) => Promise<unknown>;
  bytes: (path: string) => Promise<Uint8Array>;
}

export interface LoadedCheckIndex {
  index: CheckIndex;
  /** The files read, the manifest first. */
  files: string[];
}

function isManifest(m: unknown): m is CheckManifest {
  const x = m as CheckManifest;
  return !!x && typeof x === 'object' && x.format === CHECK_INDEX_FORMAT && Number.isInteger(x.blocks) && x.blocks > 0 && Array.isArray(x.versions) && Array.isArray(x.textShards);
}

/**
 * Every paragraph's keys looked up in every shard's filter at once: a key's rows ANDed give the shards that may hold
 * it. For each paragraph, the shards that hold all its keys (`held`) and, of the others, those that hold the most of
 * its fingerprints (`best`); for each shard the share of fingerprints each paragraph finds in it, summed (`weight`).
 */
function scanFilters(rows: Uint32Array, shards: number, blocks: number, paragraphs: readonly string[][]): { held: Set<number>[]; best: Set<number>[]; weight: Float64Array } {
  const width = rowWords(shards);
  // Int32 views, so that the bit arithmetic stays in 32-bit integers.
  const bits = new Int32Array(rows.buffer, rows.byteOffset, rows.length);
  const weight = new Float64Array(shards);
  const counts = new Uint16Array(shards);
  const hit = new Int32Array(width);
  const touched = new Int32Array(width);
  const held: Set<number>[] = [];
  const best: Set<number>[] = [];
  for (const words of paragraphs) {
    const keys = fingerprints(words);
    if (!keys.length) continue;
    for (const h of keys) {
      andRows(bits, rowsOf(h, blocks), width, hit);
      countHits(hit, touched, counts);
    }
    const { own, others } = tallyShards(bits, rowsOf(exactKey(words), blocks, EXACT_PROBES), width, touched, counts, keys.length, weight);
    counts.fill(0);
    touched.fill(0);
    if (own.size) held.push(own);
    if (others.length) best.push(new Set(others));
  }
  return { held, best, weight };
}

/** Into `hit`, the AND of the filters' rows given: for each shard, whether its filter may hold the key. */
function andRows(bits: Int32Array, rows: readonly number[], width: number, hit: Int32Array): void {
  const r0 = rows[0]! * width;
  for (let w = 0; w < width; w++) hit[w] = bits[r0 + w]!;
  for (let i = 1; i < rows.length; i++) {
    const r = rows[i]! * width;
    for (let w = 0; w < width; w++) hit[w] = hit[w]! & bits[r + w]!;
  }
}

/** Counts one key's hits per shard, and marks the shards hit as touched. */
function countHits(hit: Int32Array, touched: Int32Array, counts: Uint16Array): void {
  for (let w = 0; w < hit.length; w++) {
    const found = hit[w]!;
    if (found === 0) continue;
    touched[w] = touched[w]! | found;
    for (let x = found; x !== 0; x &= x - 1) counts[(w << 5) | (31 - Math.clz32(x & -x))]!++;
  }
}

/**
 * For one paragraph of `keys` fingerprints, over the shards it touched, in ascending order: adds each one's share
 * of fingerprints to its weight; the shards that hold the paragraph (all its fingerprints and its exact key, whose
 * rows are `exact`), and of the others those that hold the most fingerprints.
 */
function tallyShards(bits: Int32Array, exact: readonly number[], width: number, touched: Int32Array, counts: Uint16Array, keys: number, weight: Float64Array): { own: Set<number>; others: number[] } {
  const own = new Set<number>();
  let top = 0;
  let others: number[] = [];
  for (let w = 0; w < width; w++) {
    for (let x = touched[w]!; x !== 0; x &= x - 1) {
      const bit = x & -x;
      const s = (w << 5) | (31 - Math.clz32(bit));
      const n = counts[s]!;
      weight[s] = weight[s]! + n / keys;
      if (n === keys && holdsAll(bits, exact, width, w, bit)) own.add(s);
      else if (n > top) {
        top = n;
        others = [s];
      } else if (n === top) others.push(s);
    }
  }
  return { own, others };
}

/** Whether every row given has the bit `bit` of word `w` set. */
function holdsAll(bits: Int32Array, rows: readonly number[], width: number, w: number, bit: number): boolean {
  for (let i = 0; i < rows.length; i++) if ((bits[rows[i]! * width + w]! & bit) === 0) return false;
  return true;
}

/**
 * Adds to `chosen`, up to `budget`, the shards that cover the sets given, greedily: the shard in the most sets not
 * yet covered (the lowest of equals), then the next. A set is covered when all its shards are chosen (`all`: a
 * paragraph's own shards are all wanted) or once one of them is picked here (of its best others, one is enough). Each shard's count
 * of open sets is kept as sets close, rather than counted again for each pick.
 */
function coverGreedily(sets: readonly Set<number>[], chosen: Set<number>, budget: number, all: boolean, shards: number): void {
  const allChosen = (b: Set<number>) => [...b].every((s) => chosen.has(s));
  const serves = new Int32Array(shards);
  const inSets: number[][] = Array.from({ length: shards }, () => []);
  // Open at first: the sets not all chosen (a set of best others that the shards chosen before serve in part stays open).
  const open = sets.map((b, i) => {
    const isOpen = !allChosen(b);
    if (isOpen) for (const s of b) if (!chosen.has(s)) {
      serves[s]!++;
      inSets[s]!.push(i);
    }
    return isOpen;
  });
  let left = open.filter(Boolean).length;
  while (chosen.size < budget && left) {
    let pick = -1;
    for (let s = 0; s < shards; s++) if (serves[s]! > 0 && (pick < 0 || serves[s]! > serves[pick]!)) pick = s;
    chosen.add(pick);
    serves[pick] = 0;
    for (const i of inSets[pick]!) {
      if (!open[i] || (all && !allChosen(sets[i]!))) continue;
      open[i] = false;
      left--;
      for (const s of sets[i]!) if (!chosen.has(s)) serves[s]!--;
    }
  }
}

/**
 * The part of a sharded index that the paragraphs of `record` need: every
 * version of the corpus, and the texts of the shards its paragraphs' votes
 * choose (at most `budget`), with all their shingles, so that the check
 * scores them as it scores a whole index.
 */
export async function loadCheckIndex(record: ResolutionRecord, load: ShardLoader, budget = TEXT_SHARD_BUDGET): Promise<LoadedCheckIndex> {
  const [manifest, filters] = await Promise.all([load.json(MANIFEST), load.bytes(FILTERS)]);
  if (!isManifest(manifest)) throw new Error(`${MANIFEST}: not a check index of format ${CHECK_INDEX_FORMAT}`);
  const shards = manifest.textShards.length;
  const expected = manifest.blocks * BLOCK_BITS * rowWords(shards) * 4;
  if (filters.length !== expected) throw new Error(`${FILTERS}: ${filters.length} bytes where the manifest gives ${expected}`);
  // A paragraph's own shards: those that hold it word for word (its exact key and all its fingerprints), all
  // fetched first (one of them may be a false hit). Then its best others: those that hold the most of its
  // fingerprints, where the earlier wordings of a paragraph the draft repeats from an earlier version of it lie.
  // These are chosen as a greedy cover: the shard that serves the most paragraphs not yet served, then the next; a
  // corpus that repeats a paragraph in many series thus serves a draft from the shards that hold many of its
  // paragraphs together. What the budget leaves, up to WEIGHT_FILL shards in all, goes by weight: the share of
  // fingerprints each paragraph finds in a shard, summed.
  const draft = paragraphsOf(record).map((u) => wordsOf(u.fullText));
  const { held, best, weight } = scanFilters(
    filterWords(filters),
    shards,
    manifest.blocks,
    draft,
  );
  const chosen = new Set<number>();
  coverGreedily(held, chosen, budget, true, shards);
  coverGreedily(best, chosen, budget, false, shards);
  for (const [s] of [...weight.entries()].filter(([, w]) => w > 0).sort((x, y) => y[1] - x[1] || x[0] - y[0])) {
    if (chosen.size >= Math.min(budget, WEIGHT_FILL)) break;
    chosen.add(s);
  }
  const picked = [...chosen].sort((a, b) => a - b);
  // Each shard's texts are prepared as it arrives (their length and the draft's shingles among theirs), while the
  // others are on their way; then they are added in the order of the shards.
  const lookups = draftLookups(draft);
  const texts = await Promise.all(
    picked.map(async (s) => {
      const rows = (await load.json(textPath(s))) as TextRow[];
      if (!Array.isArray(rows)) throw new Error(`${textPath(s)}: not a text shard`);
      return rows.map(([text, occurrences]) => ({ text: prepareText(text, lookups), occurrences }));
    }),
  );
  // Postings only for the draft's own shingles: the lookups the check will make.
  const index = emptyCheckIndex(true, lookups);
  index.versions = manifest.versions.map(([slug, symbol, year, date, stage, paragraphs]): IndexedVersion => ({ slug, symbol, year, date, stage, paragraphs }));
  for (const rows of texts) {
    for (const { text, occurrences } of rows) {
      const k = addPreparedText(index, text);
      for (let i = 0; i + 1 < occurrences.length; i += 2) addOccurrence(index, k, occurrences[i] as number, occurrences[i + 1] as string);
    }
  }
  return { index, files: [MANIFEST, FILTERS, ...picked.map(textPath)] };
}
