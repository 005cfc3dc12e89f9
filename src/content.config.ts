/**
 * The content layer: our own loader over content/ (or PALIMPSEST_CONTENT).
 * The core parses every document (src/lib/ingest/corpus.ts) and groups the
 * versions into series (src/lib/series/group.ts); the loaders only store what
 * it found, one entry per version, per series and per document. Entries are
 * lean (names, slugs, ids and digests): the records stay in the site corpus,
 * held once. In `astro dev`, a change to a file of content/ reloads all three
 * collections.
 */
import { defineCollection } from 'astro:content';
import type { Loader, LoaderContext } from 'astro/loaders';
import { basename } from 'node:path';
import { contentDir, isContentFile, siteCorpus, type SiteCorpus } from './site/corpus.ts';
import { corpusSummary } from './site/summary.ts';
import { recordDigest } from './lib/stages.ts';

type Fill = (site: SiteCorpus, ctx: LoaderContext) => void;

/** Collections whose loader listens to the watcher already, with the latest context of each. */
const latest = new Map<string, LoaderContext>();

function corpusLoader(name: string, fill: Fill): Loader {
  return {
    name: `palimpsest-${name}`,
    load: async (ctx) => {
      const run = () => {
        const now = latest.get(ctx.collection) ?? ctx;
        const site = siteCorpus();
        now.store.clear();
        fill(site, now);
      };
      const listening = latest.has(ctx.collection);
      latest.set(ctx.collection, ctx);
      run();
      const watcher = ctx.watcher;
      if (watcher && !listening) {
        const dir = contentDir();
        watcher.add(dir);
        let timer: ReturnType<typeof setTimeout> | null = null;
        const onChange = (path: string) => {
          if (!isContentFile(path, dir)) return;
          if (timer) clearTimeout(timer);
          timer = setTimeout(() => {
            ctx.logger.info(`${basename(path)} changed: reloading ${ctx.collection}`);
            run();
          }, 150);
        };
        watcher.on('change', onChange);
        watcher.on('add', onChange);
        watcher.on('unlink', onChange);
      }
    },
  };
}

/** JSON-safe copy (the data store keeps plain data). */
const plain = <T,>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/**
 * One lean entry per version: what lists of versions show, and the record's
 * id. The record itself stays in one place, the site corpus (src/site/corpus.ts),
 * where the pages read it by id (src/site/data.ts): the content layer holds no
 * copy of it. `digest` is the core's hash of the whole record (src/lib/stages.ts),
 * so that the entry, and the pages' memo keyed on it, change whenever the record does.
 */
export type VersionEntry = {
  slug: string;
  /** The record id ("<file stem>/<position>"), the key into siteCorpus().records. */
  id: string;
  /** Series slug, when the version belongs to a series of several versions. */
  series: string | null;
  title: string;
  symbol: string | null;
  stage: string;
  date: string | null;
  digest: string;
};

const versions = defineCollection({
  loader: corpusLoader('versions', (site, { store, generateDigest }) => {
    const seriesOf = new Map<string, string>();
    site.grouping.series.forEach((s, k) => {
      if (s.versions.length > 1) for (const v of s.versions) seriesOf.set(v.id, site.seriesSlugs[k]!);
    });
    for (const record of site.records) {
      const data: VersionEntry = {
        slug: site.slugs.get(record.id)!,
        id: record.id,
        series: seriesOf.get(record.id) ?? null,
        title: record.title,
        symbol: record.symbol,
        stage: record.stage,
        date: record.date,
        digest: recordDigest(record),
      };
      store.set({ id: data.slug, data, digest: generateDigest(data) });
    }
  }),
});

const series = defineCollection({
  loader: corpusLoader('series', (site, { store, generateDigest, logger }) => {
    site.grouping.series.forEach((s, k) => {
      const data = {
        slug: site.seriesSlugs[k]!,
        id: s.id,
        title: s.title,
        evidence: s.evidence,
        /** Version slugs, in the order of the series (date, then stage). */
        versions: s.versions.map((v) => site.slugs.get(v.id)!),
      };
      store.set({ id: data.slug, data, digest: generateDigest(data) });
    });
    for (const d of site.overrideDiagnostics) logger.warn(`${d.file}: ${d.message}`);
  }),
});

const documents = defineCollection({
  loader: corpusLoader('documents', (site, { store, generateDigest, logger }) => {
    for (const doc of site.corpus.documents) {
      const id = basename(doc.source).replace(/\.[^.]+$/, '');
      const data = {
        source: doc.source,
        kind: doc.kind,
        symbol: doc.symbol,
        session: doc.session,
        date: doc.date,
        coverage: doc.coverage,
        versions: doc.resolutions.map((r) => site.slugs.get(r.id)!),
      };
      store.set({ id, data, digest: generateDigest(data) });
    }
    const diagnostics = [...site.corpus.diagnostics, ...site.overrideDiagnostics];
    store.set({ id: '#diagnostics', data: { diagnostics: plain(diagnostics) }, digest: generateDigest({ diagnostics: plain(diagnostics) }) });
    for (const line of corpusSummary(site)) logger.info(line);
  }),
});

export const collections = { versions, series, documents };
