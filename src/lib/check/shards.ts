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
 *   filters.bin   one Bloom filter per text shard, one after the other: the
 *                 keys of the shard's texts (FILTER_BITS bits each,
 *                 FILTER_PROBES probes)
 *   t/<n>.json    consecutive texts: [[text, [version, paragraph, …]], …]
 *
 * A text's keys are its fingerprints and its exact key. A fingerprint is a
 * shingle whose hash is a multiple of SAMPLE, or the smallest shingle of the
 * text: a text that a draft edits shares one in about SAMPLE of its unchanged
 * runs. The exact key is the hash of all its words: a shard whose filter
 * holds a paragraph's exact key and all its fingerprints almost surely holds
 * the paragraph word for word (a false hit needs every one of them to be one).
 *
 * The texts are in the order of the last version that carries them, in the
 * order the corpus is given (series by series, version by version): the
 * paragraphs of a series' latest version, which next year's draft mostly
 * repeats, lie together in a few shards. A draft's paragraphs look their keys
 * up in every filter; the shards that hold paragraphs word for word are
 * fetched first, then those that serve most paragraphs best, within a budget.
 * A check thus reads the two fixed files and at most the budget's text
 * shards, whatever the size of the corpus; the filters grow with it by about
 * FILTER_BITS / 8 × (1 + words / SAMPLE) bytes per distinct text.
 */
import type { ResolutionRecord, Stage } from '../model.ts';
import { hashWords } from './hash.ts';
import { addOccurrence, addText, emptyCheckIndex, paragraphsOf, shingles, wordsOf, type CheckIndex, type IndexedVersion } from './agreed.ts';

export const CHECK_INDEX_FORMAT = 3;
/** One shingle in SAMPLE is a fingerprint (besides the smallest of each text). */
export const SAMPLE = 8;
/** Filter bits per fingerprint, and probes per lookup: about 2% false hits. */
const FILTER_BITS = 8;
const FILTER_PROBES = 5;
/** A text shard closes once its JSON passes this many characters: small, so that a scattered draft fetches little it does not need. */
const TEXT_SHARD_CHARS = 16_000;
/** Text shards fetched at most for one check (about 1.5 MB). */
export const TEXT_SHARD_BUDGET = 96;
/** Sets the exact key of a text apart from the shingle of the same words (a text of SHINGLE_WORDS words or fewer). */
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
  return (hashWords(words, 0, words.length) ^ EXACT_SALT) >>> 0;
}

/** The bit positions of a fingerprint in a filter of `bits` bits (double hashing). */
function probes(h: number, bits: number, out: number[]): number[] {
  const h2 = Math.imul(h ^ (h >>> 16), 0x45d9f3b) | 1;
  // Unsigned before the modulo: a negative position would fall outside the filter, in its neighbour's bytes.
  for (let i = 0; i < FILTER_PROBES; i++) out[i] = ((h + Math.imul(i, h2)) >>> 0) % bits;
  return out;
}

function filterOf(hashes: ReadonlySet<number>): Uint8Array {
  const bytes = Math.max(8, Math.ceil((hashes.size * FILTER_BITS) / 8));
  const filter = new Uint8Array(bytes);
  const at: number[] = [];
  for (const h of hashes) for (const p of probes(h, bytes * 8, at)) filter[p >> 3]! |= 1 << (p & 7);
  return filter;
}

function inFilter(filters: Uint8Array, offset: number, bytes: number, h: number, at: number[]): boolean {
  for (const p of probes(h, bytes * 8, at)) if (!(filters[offset + (p >> 3)]! & (1 << (p & 7)))) return false;
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
  let chars = 0;
  const close = () => {
    if (!rows.length) return;
    files.set(textPath(textShards.length), `[${rows.join(',')}]`);
    const filter = filterOf(hashes);
    textShards.push([first, filter.length]);
    filters.push(filter);
    rows = [];
    hashes = new Set();
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
    hashes.add(exactKey(words));
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
  // Each paragraph's shards: those that hold it word for word (its exact key and all its fingerprints), or else
  // those that hold the most of its fingerprints. The shards are chosen as a greedy cover, first of the paragraphs
  // held word for word, then of the others: the shard that serves the most paragraphs not yet served, then the
  // next. A corpus that repeats a paragraph in many series thus serves a draft from the shards that hold many of its
  // paragraphs together. What the budget leaves goes by weight: the share of fingerprints each paragraph finds in a
  // shard, summed.
  const exact: Set<number>[] = [];
  const best: Set<number>[] = [];
  const weight = new Map<number, number>();
  const at: number[] = [];
  for (const u of paragraphsOf(record)) {
    const words = wordsOf(u.fullText);
    const fps = fingerprints(words);
    if (!fps.length) continue;
    const key = exactKey(words);
    let top = 0;
    const hits: [shard: number, count: number][] = [];
    const held = new Set<number>();
    manifest.textShards.forEach(([, bytes], s) => {
      let n = 0;
      for (const h of fps) if (inFilter(filters, offsets[s]!, bytes, h, at)) n++;
      if (!n) return;
      hits.push([s, n]);
      if (n > top) top = n;
      weight.set(s, (weight.get(s) ?? 0) + n / fps.length);
      if (n === fps.length && inFilter(filters, offsets[s]!, bytes, key, at)) held.add(s);
    });
    if (held.size) exact.push(held);
    else if (hits.length) best.push(new Set(hits.filter(([, n]) => n === top).map(([s]) => s)));
  }
  const chosen = new Set<number>();
  for (const sets of [exact, best]) {
    let open = sets.filter((b) => ![...b].some((s) => chosen.has(s)));
    while (chosen.size < budget && open.length) {
      const serves = new Map<number, number>();
      for (const b of open) for (const s of b) serves.set(s, (serves.get(s) ?? 0) + 1);
      let pick = -1;
      for (const [s, n] of serves) if (pick < 0 || n > serves.get(pick)! || (n === serves.get(pick)! && s < pick)) pick = s;
      chosen.add(pick);
      open = open.filter((b) => !b.has(pick));
    }
  }
  for (const [s] of [...weight].sort((x, y) => y[1] - x[1] || x[0] - y[0])) {
    if (chosen.size >= budget) break;
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
  const index = emptyCheckIndex();
  index.versions = manifest.versions.map(([slug, symbol, year, date, stage, paragraphs]): IndexedVersion => ({ slug, symbol, year, date, stage, paragraphs }));
  for (const rows of texts) {
    for (const [text, occurrences] of rows) {
      const k = addText(index, text, wordsOf(text));
      for (let i = 0; i + 1 < occurrences.length; i += 2) addOccurrence(index, k, occurrences[i] as number, occurrences[i + 1] as string);
    }
  }
  return { index, files: [MANIFEST, FILTERS, ...shards.map(textPath)] };
}
