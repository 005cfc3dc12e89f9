/** Links inside the site, under the configured base (PALIMPSEST_BASE). */
const BASE = (import.meta.env.BASE_URL ?? '/').replace(/\/?$/, '/');

/** "versions/a-res-76-187/" → "/palimpsest/versions/a-res-76-187/". */
export function href(path = ''): string {
  return BASE + path.replace(/^\//, '');
}

export const paths = {
  home: () => href(''),
  search: () => href('search/'),
  /** The page that explains the open-data files. */
  data: () => href('data/'),
  /** A data file, from its path relative to the base (src/lib/export/data-index.ts: dataPaths). */
  file: (path: string) => href(path),
  version: (slug: string, anchor?: string) => href(`versions/${slug}/`) + (anchor ? `#${anchor}` : ''),
  series: (slug: string, anchor?: string) => href(`series/${slug}/`) + (anchor ? `#${anchor}` : ''),
  history: (slug: string, anchor?: string) => href(`series/${slug}/history/`) + (anchor ? `#${anchor}` : ''),
  compare: (series: string, a: string, b: string, anchor?: string) => href(`series/${series}/compare/${a}..${b}/`) + (anchor ? `#${anchor}` : ''),
};
