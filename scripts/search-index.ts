/**
 * The search index of a built site, in shards of bounded size.
 *
 * Pagefind holds the whole index in memory while it builds it: about 1 GB per
 * 1,000 version pages, so one index over 10,000 versions needs 8 GB. Here the
 * version pages are cut, in sorted order, into consecutive chunks of at most
 * `pagesPerIndex` pages, and one Pagefind index is built per chunk, one after
 * the other, each in a fresh Pagefind backend process (closed once its index is
 * written, so that its memory is returned before the next chunk starts). The
 * peak memory is that of one chunk, whatever the size of the corpus.
 *
 * Layout in the site (paths relative to the site base):
 *   pagefind/               the first index: pagefind.js, the wasm, the UI files, and its data
 *   pagefind/shard-<k>/     index k (k ≥ 2): its data only (pagefind-entry.json, the .pf_meta,
 *                           index/ and fragment/); merged indexes use the wasm of the first
 *   pagefind/shards.json    the manifest: a JSON array of the bundles to merge into the first,
 *                           e.g. ["pagefind/shard-2/","pagefind/shard-3/"] ([] for a single index)
 * The search page (src/pages/search.astro) loads pagefind/pagefind.js, then merges each bundle
 * of the manifest with `pagefind.mergeIndex`.
 *
 * The vocabulary record. When a word of the query is in no page of an index, Pagefind does not
 * answer "nothing" but falls back to the longest word of that index that begins the query word
 * ("istanbul" → "is"): over one index that only happens when the whole site lacks the word, but
 * merged indexes each decide alone, so a rare word would bring, besides its one true hit, every
 * page with "is" from each index that lacks it. So, when there are several indexes, each also
 * holds one custom record (URL /pagefind/vocabulary/, filter palimpsest_vocabulary: yes) whose
 * text is every word of every version page: each index then knows every word of the site and
 * falls back when one index over the whole site would (the record's words are a superset of the
 * indexed ones: at worst, a query that one index would have answered with prefix matches finds
 * nothing), and the search page leaves the record out of the results with
 * `filters: { not: { palimpsest_vocabulary: 'yes' } }`. The record is counted by Pagefind's
 * ranking like a page (one more page holding each word, a longer average page): a slight shift
 * in scores, the same for every page of an index.
 *
 * While a chunk is indexed, its pages are hard-linked into <outDir>/.pagefind-staging/ (removed
 * afterwards), which Pagefind reads as the CLI read the site.
 *
 * Environment: PALIMPSEST_SEARCH_PAGES_PER_INDEX overrides the default chunk size (2000).
 */
import { copyFile, link, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import * as pagefind from 'pagefind';

/** Pages per index when neither the option nor PALIMPSEST_SEARCH_PAGES_PER_INDEX says otherwise. */
export const DEFAULT_PAGES_PER_INDEX = 2000;
/** The folder of the first index, relative to the site base (where the search page loads pagefind.js). */
export const PAGEFIND_DIR = 'pagefind/';
/** The manifest of the indexes to merge, relative to the site base. */
export const SHARD_MANIFEST = 'pagefind/shards.json';

/** The folder of index `k` (1-based), relative to the site base: pagefind/ for the first. */
export function shardPath(k: number): string {
  return k <= 1 ? PAGEFIND_DIR : `${PAGEFIND_DIR}shard-${k}/`;
}

/** Where the pages of a chunk are linked, in the site (same file system), while Pagefind reads them. */
const STAGING_DIR = '.pagefind-staging';
/** The pages Pagefind reads in a chunk's folder, as the CLI did over the site (`--glob`). */
const PAGES_GLOB = 'versions/**/*.html';

/** The filter that only the vocabulary records carry (src/pages/search.astro leaves them out of results). */
export const VOCABULARY_FILTER = 'palimpsest_vocabulary';
/** The URL of the vocabulary record of each index: no page of the site. */
export const VOCABULARY_URL = '/pagefind/vocabulary/';

/** Files of a Pagefind bundle that only the first index needs (the JS API, the UIs, the wasm). */
const PRIMARY_ONLY = /^(pagefind[\w.-]*\.(js|css)|wasm\.[\w-]+\.pagefind)$/;

export interface SearchIndexOptions {
  /** At most this many pages per index (default: PALIMPSEST_SEARCH_PAGES_PER_INDEX, else 2000). */
  pagesPerIndex?: number;
  /** Progress, one line per index. */
  log?: (line: string) => void;
}

function pagesPerIndexFrom(option: number | undefined): number {
  const env = process.env.PALIMPSEST_SEARCH_PAGES_PER_INDEX;
  const value = option ?? (env ? Number(env) : DEFAULT_PAGES_PER_INDEX);
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(`search index: pages per index must be a whole number ≥ 1, not ${option ?? `PALIMPSEST_SEARCH_PAGES_PER_INDEX=${env}`}`);
  }
  return value;
}

/**
 * The version pages of a built site, as paths relative to it with "/" separators
 * (`versions/<slug>/index.html`), sorted: every .html file under versions/, as the
 * CLI's `--glob 'versions/** /*.html'` read them.
 */
export async function versionPages(outDir: string): Promise<string[]> {
  let entries: string[];
  try {
    entries = await readdir(join(outDir, 'versions'), { recursive: true });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
  return entries
    .filter((p) => p.endsWith('.html'))
    .map((p) => `versions/${p.split(sep).join('/')}`)
    .sort();
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] !== '#') return ENTITIES[e.toLowerCase()] ?? m;
    const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
  });
}

/**
 * Every word of the searchable part of a page (from its data-pagefind-body element on), lower-cased:
 * a superset of the words Pagefind indexes, as words are split at every tag (block elements) and
 * also joined across tags without a space (inline ones: "girls<sup>1</sup>" is "girls1" to Pagefind).
 */
export function pageWords(html: string, into = new Set<string>()): Set<string> {
  const body = html.indexOf('data-pagefind-body');
  let text = body < 0 ? html : html.slice(html.lastIndexOf('<', body));
  text = text.replace(/<script\b[\s\S]*?<\/script\s*>/gi, ' ').replace(/<style\b[\s\S]*?<\/style\s*>/gi, ' ').replace(/<!--[\s\S]*?-->/g, ' ');
  for (const word of decodeEntities(text.replace(/<[^>]*>/g, ' ')).toLowerCase().split(/\s+/)) if (word) into.add(word);
  // (?<!…): from the start of a word only; without it, the search restarts inside every word (5× slower).
  for (const [joined] of text.matchAll(/(?<![^\s<>])[^\s<>]+(?:<[^>]*>[^\s<>]+)+/g)) into.add(decodeEntities(joined.replace(/<[^>]*>/g, '')).toLowerCase());
  return into;
}

/** The language Pagefind files a page under: its <html lang>, lower-cased ("unknown" without one). */
function pageLanguage(html: string): string {
  return /<html\b[^>]*\blang\s*=\s*["']?([^"'\s>]+)/i.exec(html)?.[1]?.toLowerCase() ?? 'unknown';
}

/**
 * Builds the search index of the site in `outDir` (already built by astro): one Pagefind
 * index per chunk of at most `pagesPerIndex` version pages, one after the other, and the
 * manifest that lists the indexes after the first. Replaces any index already there.
 * Rejects, naming the chunk, when Pagefind fails.
 */
export async function buildSearchIndex(outDir: string, options: SearchIndexOptions = {}): Promise<{ pages: number; indexes: number }> {
  const perIndex = pagesPerIndexFrom(options.pagesPerIndex);
  const log = options.log ?? (() => {});
  const site = resolve(outDir);
  const pages = await versionPages(site);
  const chunks: string[][] = [];
  for (let i = 0; i < pages.length; i += perIndex) chunks.push(pages.slice(i, i + perIndex));
  // An empty corpus still gets an (empty) index, so that the search page finds pagefind.js.
  if (!chunks.length) chunks.push([]);

  // Indexes of an earlier build (perhaps with more shards) must not linger.
  await rm(join(site, PAGEFIND_DIR), { recursive: true, force: true });

  // Several indexes: each gets the words of the whole site (see "The vocabulary record" above). They are
  // gathered while the backend reads the pages of the first chunk; that chunk waits for them at its end.
  const vocabulary = chunks.length > 1 ? siteVocabulary(site, pages, log) : null;
  vocabulary?.catch(() => {}); // awaited by the first chunk; this only keeps an early failure from being "unhandled"

  const staging = join(site, STAGING_DIR);
  try {
    for (const [i, chunk] of chunks.entries()) {
      const k = i + 1;
      const name = `chunk ${k}/${chunks.length}${chunk.length ? ` (${chunk[0]} … ${chunk[chunk.length - 1]})` : ''}`;
      const started = performance.now();
      try {
        await indexChunk(site, chunk, staging, join(site, shardPath(k)), k > 1, vocabulary);
      } catch (e) {
        throw new Error(`search index: ${name} failed: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
      }
      log(`search: index ${k}/${chunks.length}: ${chunk.length} pages in ${Math.round(performance.now() - started)} ms → ${shardPath(k)}`);
    }
  } finally {
    await rm(staging, { recursive: true, force: true });
  }

  const extra = chunks.slice(1).map((_, i) => shardPath(i + 2));
  await writeFile(join(site, SHARD_MANIFEST), `${JSON.stringify(extra)}\n`);
  return { pages: pages.length, indexes: chunks.length };
}

interface Vocabulary {
  /** Every word of the version pages, sorted, separated by spaces. */
  content: string;
  /** The language of the pages, so that the record joins their index. */
  language: string;
}

/** The words of every page (pageWords), and the language of the first. */
async function siteVocabulary(site: string, pages: string[], log: (line: string) => void): Promise<Vocabulary> {
  const started = performance.now();
  const words = new Set<string>();
  let language = 'unknown';
  for (const [i, path] of pages.entries()) {
    let html: string;
    try {
      html = await readFile(join(site, path), 'utf8');
    } catch (e) {
      throw new Error(`the vocabulary could not read ${path}: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
    }
    if (i === 0) language = pageLanguage(html);
    pageWords(html, words);
  }
  log(`search: vocabulary: ${words.size} words of ${pages.length} pages in ${Math.round(performance.now() - started)} ms`);
  return { content: [...words].sort().join(' '), language };
}

/** Links (or, where the file system cannot, copies) the pages of a chunk into `staging`, emptied first. */
async function stage(site: string, chunk: string[], staging: string): Promise<void> {
  await rm(staging, { recursive: true, force: true });
  for (const path of chunk) {
    const from = join(site, path);
    const to = join(staging, path);
    await mkdir(dirname(to), { recursive: true });
    try {
      await link(from, to);
    } catch {
      await copyFile(from, to);
    }
  }
}

/**
 * One index over `chunk` (paths relative to `site`), written to `outputPath`, in a Pagefind backend of its own.
 * The pages are linked into `staging` at the same paths, and Pagefind reads that folder as the CLI read the site
 * (`--site <outDir> --glob 'versions/** /*.html'`): the same URLs (/versions/<slug>/), the same byte-identical
 * output from the same pages, and the pages read in parallel (adding them one by one with addHTMLFile took twice
 * as long: the backend parses those one at a time).
 */
async function indexChunk(site: string, chunk: string[], staging: string, outputPath: string, merged: boolean, vocabulary: Promise<Vocabulary> | null): Promise<void> {
  const fail = (what: string, errors: string[]) => {
    throw new Error(`${what}: ${errors.join('; ')}`);
  };
  await stage(site, chunk, staging);
  try {
    const created = await pagefind.createIndex({});
    if (!created.index || created.errors.length) fail('could not create the index', created.errors.length ? created.errors : ['no index returned']);
    const index = created.index!;
    if (chunk.length) {
      const added = await index.addDirectory({ path: staging, glob: PAGES_GLOB });
      if (added.errors.length) fail('could not index the pages', added.errors);
      if (added.page_count !== chunk.length) fail('pages missing from the index', [`${added.page_count} indexed of ${chunk.length}`]);
    }
    if (vocabulary) {
      const record = await index.addCustomRecord({ url: VOCABULARY_URL, ...(await vocabulary), meta: { title: 'Vocabulary' }, filters: { [VOCABULARY_FILTER]: ['yes'] } });
      if (record.errors.length) fail('could not index the vocabulary', record.errors);
    }
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length) fail(`could not write ${outputPath}`, written.errors);
    // The vocabulary only helps in the index of the pages' language: one language, holding pages and record.
    const entry = JSON.parse(await readFile(join(outputPath, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
    const counts = Object.entries(entry.languages).map(([language, l]) => `${language}: ${l.page_count}`);
    const expected = chunk.length + (vocabulary ? 1 : 0);
    if (vocabulary && counts.length > 1) fail('pages in several languages, the vocabulary record in one only', counts);
    if (Object.values(entry.languages).reduce((sum, l) => sum + l.page_count, 0) !== expected) fail(`${expected} records expected in the index`, counts);
    const deleted = (await index.deleteIndex()) as { errors?: string[] } | null;
    if (deleted?.errors?.length) fail('could not delete the index', deleted.errors);
  } finally {
    // Stops the backend process, so that the memory of this chunk is returned to the system; the next
    // createIndex starts a new one.
    await pagefind.close();
  }
  if (merged) {
    // A merged index only needs its data: the search page runs the JS and the wasm of the first.
    for (const name of await readdir(outputPath)) if (PRIMARY_ONLY.test(name)) await rm(join(outputPath, name));
  }
}
