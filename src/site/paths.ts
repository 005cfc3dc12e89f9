/** Links inside the site, under the configured base (PALIMPSEST_BASE). */
const BASE = (import.meta.env.BASE_URL ?? '/').replace(/\/?$/, '/');

/** "versions/a-res-76-187/" → "/palimpsest/versions/a-res-76-187/". */
export function href(path = ''): string {
  return BASE + path.replace(/^\//, '');
}

export const paths = {
  home: () => href(''),
  search: () => href('search/'),
  /** The check-a-draft page, and the folder of its index (src/lib/check/shards.ts). */
  check: () => href('check/'),
  checkIndex: () => href('data/check/'),
  /** The page that explains the open-data files. */
  data: () => href('data/'),
  /** A data file, from its path relative to the base (src/lib/export/data-index.ts: dataPaths). */
  file: (path: string) => href(path),
  version: (slug: string, anchor?: string) => href(`versions/${slug}/`) + (anchor ? `#${anchor}` : ''),
  series: (slug: string, anchor?: string) => href(`series/${slug}/`) + (anchor ? `#${anchor}` : ''),
  history: (slug: string, anchor?: string) => href(`series/${slug}/history/`) + (anchor ? `#${anchor}` : ''),
  /** Page `n` (1-based) of the home page: page 1 is the home page itself. */
  homePage: (n: number) => (n <= 1 ? href('') : href(`page/${n}/`)),
  /** Part `part` (1-based) of the paragraph histories of a series: part 1 is history/ itself. */
  historyPart: (slug: string, part: number, anchor?: string) => (part <= 1 ? href(`series/${slug}/history/`) : href(`series/${slug}/history/${part}/`)) + (anchor ? `#${anchor}` : ''),
  /** The lineage chart of a series for versions start+1 to end (0-based, end exclusive). */
  lineageWindow: (slug: string, start: number, end: number) => href(`series/${slug}/lineages/${start + 1}-${end}/`),
  compare: (series: string, a: string, b: string, anchor?: string) => href(`series/${series}/compare/${a}..${b}/`) + (anchor ? `#${anchor}` : ''),
  /** The compare page for any two versions of a series; with both, the permalink of that pair (?a=<older>&b=<newer>). */
  compareAny: (series: string, a?: string, b?: string) => href(`series/${series}/compare/`) + (a && b ? `?a=${encodeURIComponent(a)}&b=${encodeURIComponent(b)}` : ''),
  /** The record of a version as the core aligns it (ResolutionRecord JSON), for the compare page of any pair. */
  record: (slug: string) => href(`data/records/${slug}.json`),
};
