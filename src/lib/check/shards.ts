/**
 * The check index in shards, so that a browser fetches only what a draft
 * needs: the build writes them (`shardCheckIndex`), the check page and the CLI
 * read them back (`loadCheckIndex`) into an index of the texts the draft is
 * close to, on which the same check runs (src/lib/check/agreed.ts).
 *
 * Files, relative to the index's folder:
 *   index.json    the manifest: the format, every version of the corpus
 *                 [slug, symbol, year, date, stage, paragraphs], and for each
 *                 text shard its first text and the length of its filter
 *   filters.bin   one blocked Bloom filter per text shard, one after the
 *                 other: the keys of the shard's texts (FILTER_BITS bits
 *                 each, their bits set in one block of BLOCK_BITS)
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
 */
import type { ResolutionRecord, Stage } from '../model.ts';
import { hashWords } from './hash.ts';
import { addOccurrence, addText, emptyCheckIndex, paragraphsOf, shingles, wordsOf, type CheckIndex, type IndexedVersion } from './agreed.ts';

export const CHECK_INDEX_FORMAT = 3;
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
  /** For each text shard: the index of its first text and the bytes of its filter in filters.bin. */
  textShards: [first: number, filterBytes: number][];
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

/** Bits in a block of a filter, and 32-bit words. */
const BLOCK_BITS = 256;
const BLOCK_WORDS = BLOCK_BITS / 32;

/**
 * The bits a key sets in its block: `probes` positions of 8 bits each, from rehashes of the key, as pairs
 * [word, mask, word, mask, …] of the block's words that it touches.
 */
function patternOf(h: number, probes = FILTER_PROBES): number[] {
  const masks = new Array<number>(BLOCK_WORDS).fill(0);
  let g = h;
  for (let i = 0; i < probes; i++) {
    if (i % 4 === 0) g = Math.imul(g ^ (g >>> 16), 0x45d9f3b) ^ Math.imul(i + 1, 0x9e3779b1);
    const position = (g >>> (8 * (i % 4))) & (BLOCK_BITS - 1);
    masks[position >>> 5]! |= 1 << (position & 31);
  }
  const pattern: number[] = [];
  masks.forEach((m, w) => {
    if (m) pattern.push(w, m >>> 0);
  });
  return pattern;
}

/** The first word of the block of a filter of `blocks` blocks that a key falls in (its bits scaled to the range). */
const blockOf = (h: number, blocks: number): number => Math.floor(h * blocks * 2 ** -32) * BLOCK_WORDS;

/** A shard's filter: blocks of 32-bit words, little-endian in the file. */
function filterOf(hashes: ReadonlySet<number>, exact: ReadonlySet<number>): Uint8Array {
  const blocks = Math.max(1, Math.ceil(((hashes.size + EXACT_SLOTS * exact.size) * FILTER_BITS) / BLOCK_BITS));
  const filter = new Uint32Array(blocks * BLOCK_WORDS);
  const set = (h: number, pattern: number[]) => {
    const at = blockOf(h, blocks);
    for (let i = 0; i < pattern.length; i += 2) filter[at + pattern[i]!]! |= pattern[i + 1]!;
  };
  for (const h of hashes) set(h, patternOf(h));
  for (const h of exact) set(h, patternOf(h, EXACT_PROBES));
  const bytes = new Uint8Array(filter.length * 4);
  const view = new DataView(bytes.buffer);
  filter.forEach((w, i) => view.setUint32(i * 4, w, true));
  return bytes;
}

/** The filters' words, read little-endian from the file's bytes. */
function filterWords(bytes: Uint8Array): Uint32Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const words = new Uint32Array(bytes.byteLength >>> 2);
  for (let i = 0; i < words.length; i++) words[i] = view.getUint32(i * 4, true);
  return words;
}

/** Whether the filter of `blocks` blocks at word `offset` may hold the key of that pattern (a miss is certain); `from`: the pairs already tested. */
function inFilter(filters: Uint32Array, offset: number, blocks: number, h: number, pattern: readonly number[], from = 0): boolean {
  const at = offset + blockOf(h, blocks);
  for (let i = from; i < pattern.length; i += 2) if (((filters[at + pattern[i]!]! & pattern[i + 1]!) >>> 0) !== pattern[i + 1]) return false;
  return true;
}

/** The texts' indexes by the last version that carries them, then as first met. */
function textOrder(index: CheckIndex): number[] {
  const last = index.texts.map((t) => t.occurrences.reduce((m, o) => Math.max(m, o.version), -1));
  return index.texts.map((_, k) => k).sort((a, b) => last[a]! - last[b]! || a - b);
}

/** The files of the sharded index: path → JSON text or bytes. Deterministic: the same index gives the same bytes. */
export function shardCheckIndex(index: CheckIndex): Map<string, string | Uint8Array> {
  const files = new Map<string, string | Uint8Array>();
  const textShards: [number, number][] = [];
  const filters: Uint8Array[] = [];
  let rows: string[] = [];
  let hashes = new Set<number>();
  let exact = new Set<number>();
  let chars = 0;
  const close = () => {
    if (!rows.length) return;
    files.set(textPath(textShards.length), `[${rows.join(',')}]`);
    const filter = filterOf(hashes, exact);
    textShards.push([first, filter.length]);
    filters.push(filter);
    rows = [];
    hashes = new Set();
    exact = new Set();
    chars = 0;
  };
  let first = 0;
  textOrder(index).forEach((k, at) => {
    const t = index.texts[k]!;
    if (!rows.length) first = at;
    const json = JSON.stringify([t.text, t.occurrences.flatMap((o) => [o.version, o.paragraph])] satisfies TextRow);
    rows.push(json);
    const words = t.words.length ? t.words : wordsOf(t.text);
    for (const h of fingerprints(words)) hashes.add(h);
    exact.add(exactKey(words));
    chars += json.length + 1;
    if (chars >= TEXT_SHARD_CHARS) close();
  });
  close();
  const all = new Uint8Array(filters.reduce((n, f) => n + f.length, 0));
  let at = 0;
  for (const f of filters) {
    all.set(f, at);
    at += f.length;
  }
  files.set(FILTERS, all);
  const manifest: CheckManifest = {
    format: CHECK_INDEX_FORMAT,
    sample: SAMPLE,
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
  return !!x && typeof x === 'object' && x.format === CHECK_INDEX_FORMAT && Array.isArray(x.versions) && Array.isArray(x.textShards);
}

/**
 * Every paragraph's keys looked up in every shard's filter, a shard at a time (its filter stays in the cache):
 * for each paragraph the shards that hold all its keys (`held`) and, of the others, those that hold the most of its
 * fingerprints (`best`); for each shard the share of fingerprints each paragraph finds in it, summed (`weight`).
 */
function scanFilters(bloom: Uint32Array, offsets: readonly number[], sizes: readonly number[], paragraphs: readonly string[][]): { held: Set<number>[]; best: Set<number>[]; weight: Float64Array } {
  const fps: number[][] = [];
  const exact: number[] = [];
  for (const words of paragraphs) {
    const f = fingerprints(words);
    if (!f.length) continue;
    fps.push(f);
    exact.push(exactKey(words));
  }
  // The fingerprints of all paragraphs in flat arrays, for the inner loop: each key's place in [0, 1), to find its
  // block in a filter of any size, and the first word and mask of its pattern, which most keys fail on.
  const keys = fps.flat();
  const place = Float64Array.from(keys, (h) => h * 2 ** -32);
  const patterns = keys.map((h) => patternOf(h));
  const firstWord = Int32Array.from(patterns, (q) => q[0]!);
  const firstMask = Int32Array.from(patterns, (q) => q[1]! | 0);
  const start = new Int32Array(fps.length + 1);
  fps.forEach((f, p) => (start[p + 1] = start[p]! + f.length));
  const exactPatterns = exact.map((k) => patternOf(k, EXACT_PROBES));
  const own: Set<number>[] = fps.map(() => new Set());
  const hits: number[][] = fps.map(() => []);
  const top = new Int32Array(fps.length);
  const weight = new Float64Array(offsets.length);
  const words = new Int32Array(bloom.buffer, bloom.byteOffset, bloom.length);
  for (let s = 0; s < offsets.length; s++) {
    const offset = offsets[s]!;
    const blocks = sizes[s]!;
    for (let p = 0; p < fps.length; p++) {
      const end = start[p + 1]!;
      let n = 0;
      for (let k = start[p]!; k < end; k++) {
        const at = offset + ((place[k]! * blocks) | 0) * BLOCK_WORDS;
        if ((words[at + firstWord[k]!]! & firstMask[k]!) === firstMask[k]! && inFilter(bloom, offset, blocks, keys[k]!, patterns[k]!, 2)) n++;
      }
      if (!n) continue;
      const all = end - start[p]!;
      weight[s]! += n / all;
      if (n === all && inFilter(bloom, offset, blocks, exact[p]!, exactPatterns[p]!)) own[p]!.add(s);
      else {
        hits[p]!.push(s, n);
        if (n > top[p]!) top[p] = n;
      }
    }
  }
  const best = hits.map((h, p) => {
    const b = new Set<number>();
    for (let i = 0; i < h.length; i += 2) if (h[i + 1] === top[p]) b.add(h[i]!);
    return b;
  });
  return { held: own.filter((o) => o.size), best: best.filter((b) => b.size), weight };
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
  const offsets: number[] = [];
  let end = 0;
  for (const [, bytes] of manifest.textShards) {
    offsets.push(end);
    end += bytes;
  }
  if (end !== filters.length) throw new Error(`${FILTERS}: ${filters.length} bytes where the manifest gives ${end}`);
  if (manifest.textShards.some(([, bytes]) => bytes % (BLOCK_BITS / 8))) throw new Error(`${MANIFEST}: a filter's length is not a whole number of ${BLOCK_BITS}-bit blocks`);
  const bloom = filterWords(filters);
  // A paragraph's own shards: those that hold it word for word (its exact key and all its fingerprints), all
  // fetched first (one of them may be a false hit). Then its best others: those that hold the most of its
  // fingerprints, where the earlier wordings of a paragraph the draft repeats from an earlier version of it lie.
  // These are chosen as a greedy cover: the shard that serves the most paragraphs not yet served, then the next; a
  // corpus that repeats a paragraph in many series thus serves a draft from the shards that hold many of its
  // paragraphs together. What the budget leaves, up to WEIGHT_FILL shards in all, goes by weight: the share of
  // fingerprints each paragraph finds in a shard, summed.
  const { held, best, weight } = scanFilters(
    bloom,
    manifest.textShards.map((_, s) => offsets[s]! >>> 2),
    manifest.textShards.map(([, bytes]) => bytes / (BLOCK_BITS / 8)),
    paragraphsOf(record).map((u) => wordsOf(u.fullText)),
  );
  const chosen = new Set<number>();
  for (const sets of [held, best]) {
    let open = sets.filter((b) => ![...b].every((s) => chosen.has(s)));
    while (chosen.size < budget && open.length) {
      const serves = new Map<number, number>();
      for (const b of open) for (const s of b) if (!chosen.has(s)) serves.set(s, (serves.get(s) ?? 0) + 1);
      let pick = -1;
      for (const [s, n] of serves) if (pick < 0 || n > serves.get(pick)! || (n === serves.get(pick)! && s < pick)) pick = s;
      chosen.add(pick);
      // A paragraph's own shards are all wanted; of its best others, one is enough.
      open = open.filter((b) => (sets === held ? ![...b].every((s) => chosen.has(s)) : !b.has(pick)));
    }
  }
  for (const [s] of [...weight.entries()].filter(([, w]) => w > 0).sort((x, y) => y[1] - x[1] || x[0] - y[0])) {
    if (chosen.size >= Math.min(budget, WEIGHT_FILL)) break;
    chosen.add(s);
  }
  const shards = [...chosen].sort((a, b) => a - b);
  const texts = await Promise.all(
    shards.map(async (s) => {
      const rows = (await load.json(textPath(s))) as TextRow[];
      if (!Array.isArray(rows)) throw new Error(`${textPath(s)}: not a text shard`);
      return rows;
    }),
  );
  // Postings only for the draft's own shingles: the lookups the check will make.
  const index = emptyCheckIndex(true, new Set(paragraphsOf(record).flatMap((u) => shingles(wordsOf(u.fullText)))));
  index.versions = manifest.versions.map(([slug, symbol, year, date, stage, paragraphs]): IndexedVersion => ({ slug, symbol, year, date, stage, paragraphs }));
  for (const rows of texts) {
    for (const [text, occurrences] of rows) {
      const k = addText(index, text, wordsOf(text));
      for (let i = 0; i + 1 < occurrences.length; i += 2) addOccurrence(index, k, occurrences[i] as number, occurrences[i + 1] as string);
    }
  }
  return { index, files: [MANIFEST, FILTERS, ...shards.map(textPath)] };
}
