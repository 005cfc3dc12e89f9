/**
 * The names of the groups of pages that an incremental build renders again
 * or keeps (src/site/incremental.ts), shared with the build script that
 * keeps their files (scripts/site-state.ts).
 */
export const seriesKey = (slug: string) => `series:${slug}`;
export const versionKey = (slug: string) => `version:${slug}`;

/** Group hashes by key, as the build's state folder keeps them. */
export type GroupHashes = Record<string, { hash: string; versions: string[] }>;
