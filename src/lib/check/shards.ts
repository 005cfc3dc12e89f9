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
 *                 fingerprints of the shard's texts (FILTER_BITS bits each,
 *                 FILTER_PROBES probes)
 *   t/<n>.json    consecutive texts: [[text, [version, paragraph, …]], …]
 *
 * A fingerprint is a shingle whose hash is a multiple of SAMPLE, or the
 * smallest shingle of its text: a text the draft repeats word for word always
 * shares its smallest, and a text it edits shares one in about SAMPLE of its
 * unchanged runs. The texts are in the order the corpus is given, series by
 * series, so that the texts close to a draft lie in few shards. A draft's
 * paragraphs look their fingerprints up in every filter, and the shards that
 * serve most paragraphs best are fetched, within a budget. A check thus reads three files and the
 * budget's text shards, whatever the size of the corpus; the filters grow
 * with it by about FILTER_BITS / 8 × (words / SAMPLE) bytes per distinct text.
 */
import type { ResolutionRecord, Stage } from '../model.ts';
import { addOccurrence, addText, emptyCheckIndex, paragraphsOf, shingles, wordsOf, type CheckIndex, type IndexedVersion } from './agreed.ts';

export const CHECK_INDEX_FORMAT = 2;
/** One shingle in SAMPLE is a fingerprint (besides the smallest of each text). */
export const SAMPLE = 8;
/** Filter bits per fingerprint, and probes per lookup: about 2% false hits. */
const FILTER_BITS = 8;
const FILTER_PROBES = 5;
/** A text shard closes once its JSON passes this many characters. */
const TEXT_SHARD_CHARS = 48_000;
/** Text shards fetched at most for one check. */
export const TEXT_SHARD_BUDGET = 32;

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

/** The bit positions of a fingerprint in a filter of `bits` bits (double hashing). */
function probes(h: number, bits: number, out: number[]): number[] {
  const h2 = (Math.imul(h ^ (h >>> 16), 0x45d9f3b) >>> 0) | 1;
  for (let i = 0; i < FILTER_PROBES; i++) out[i] = (h + Math.imul(i, h2)) % bits;
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
  index.texts.forEach((t, k) => {
    if (!rows.length) first = k;
    const json = JSON.stringify([t.text, t.occurrences.flatMap((o) => [o.version, o.paragraph])] satisfies TextRow);
    rows.push(json);
    for (const h of fingerprints(t.words.length ? t.words : wordsOf(t.text))) hashes.add(h);
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
  // Each paragraph's best shards: those that hold the most of its fingerprints. The shards are chosen as a greedy
  // cover: the shard that is best for the most paragraphs not yet served, then the next; a corpus that repeats a
  // paragraph in many series thus serves a draft from the shards that hold many of its paragraphs together. What
  // the budget leaves goes by weight: the share of fingerprints each paragraph finds in a shard, summed.
  const best: Set<number>[] = [];
  const weight = new Map<number, number>();
  const at: number[] = [];
  for (const u of paragraphsOf(record)) {
    const fps = fingerprints(wordsOf(u.fullText));
    if (!fps.length) continue;
    let top = 0;
    const hits: [shard: number, count: number][] = [];
    manifest.textShards.forEach(([, bytes], s) => {
      let n = 0;
      for (const h of fps) if (inFilter(filters, offsets[s]!, bytes, h, at)) n++;
      if (!n) return;
      hits.push([s, n]);
      if (n > top) top = n;
      weight.set(s, (weight.get(s) ?? 0) + n / fps.length);
    });
    if (hits.length) best.push(new Set(hits.filter(([, n]) => n === top).map(([s]) => s)));
  }
  const chosen = new Set<number>();
  let open = best;
  while (chosen.size < budget && open.length) {
    const serves = new Map<number, number>();
    for (const b of open) for (const s of b) serves.set(s, (serves.get(s) ?? 0) + 1);
    let pick = -1;
    for (const [s, n] of serves) if (pick < 0 || n > serves.get(pick)! || (n === serves.get(pick)! && s < pick)) pick = s;
    chosen.add(pick);
    open = open.filter((b) => !b.has(pick));
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
