/**
 * `astro build` with the site's log level, run by scripts/build.ts in a
 * process of its own: the memory the site build holds (the records, the
 * lineages it read) is given back when it ends, before the search index is
 * built, so that the two never add up.
 */
import { build } from 'astro';

await build({ logLevel: 'warn' });
