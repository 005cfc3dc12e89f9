/**
 * How long lists are split over pages, so that no page grows with the corpus
 * (issue 6: "the home and series pages stay small"). Pure functions of counts
 * and weights, with no framework: the pages call them, the unit tests too.
 *
 * - The home page: series (with a small chart each) and texts with a single
 *   version, a fixed number of each per page; page 1 is the site's root.
 * - The paragraph histories of a series: its lineages in reading order, cut
 *   into consecutive parts of bounded weight (roughly bytes of HTML).
 * - The lineage chart of a series (paragraphs × versions): windows of a
 *   fixed number of versions.
 */

export const SERIES_PER_PAGE = 50;
export const SINGLES_PER_PAGE = 200;

/** A half-open range [start, end) of a list. */
export interface Slice {
  start: number;
  end: number;
}

export interface HomePage {
  /** 1-based. */
  number: number;
  /** Pages in all. */
  count: number;
  /** The series on this page, and the texts with a single version. */
  series: Slice;
  singles: Slice;
}

/** Pages needed for `items` at `perPage` a page: at least 1 (an empty list still has its page). */
export function pageCount(items: number, perPage: number): number {
  if (!(perPage >= 1)) throw new RangeError(`perPage must be at least 1, not ${perPage}`);
  return Math.max(1, Math.ceil(items / perPage));
}

function slice(page: number, perPage: number, items: number): Slice {
  const start = Math.min(items, page * perPage);
  return { start, end: Math.min(items, start + perPage) };
}

/**
 * The pages of the home page: page k holds the k-th slice of the series and
 * the k-th slice of the single texts; there are as many pages as the longer
 * of the two lists needs.
 */
export function homePages(seriesCount: number, singlesCount: number, perSeries = SERIES_PER_PAGE, perSingles = SINGLES_PER_PAGE): HomePage[] {
  const count = Math.max(pageCount(seriesCount, perSeries), pageCount(singlesCount, perSingles));
  return Array.from({ length: count }, (_, k) => ({ number: k + 1, count, series: slice(k, perSeries, seriesCount), singles: slice(k, perSingles, singlesCount) }));
}

/**
 * Cuts a list into consecutive parts of at most `budget` total weight (an
 * item heavier than the budget makes a part of its own): the 0-based part of
 * each item. Deterministic; the same weights always give the same parts.
 */
export function packParts(weights: readonly number[], budget: number): number[] {
  const out: number[] = [];
  let part = 0;
  let used = 0;
  for (const w of weights) {
    if (used > 0 && used + w > budget) {
      part++;
      used = 0;
    }
    out.push(part);
    used += w;
  }
  return out;
}

/** Columns of the lineage chart shown on the series page, and on each page of the chart. */
export const CHART_WINDOW = 10;

/**
 * Windows of `size` versions over a series of `count`, from the first
 * version: [0, size), [size, 2·size), …; none when one window holds them all
 * (the series page then shows the whole chart).
 */
export function chartWindows(count: number, size = CHART_WINDOW): Slice[] {
  if (count <= size) return [];
  const out: Slice[] = [];
  for (let start = 0; start < count; start += size) out.push({ start, end: Math.min(count, start + size) });
  return out;
}

/** The latest `size` versions of a series of `count`: the window the series page shows. */
export function latestWindow(count: number, size = CHART_WINDOW): Slice {
  return { start: Math.max(0, count - size), end: count };
}
