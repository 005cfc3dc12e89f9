/**
 * How long lists are split over pages (src/site/paging.ts): the home page,
 * the parts of the paragraph histories and the windows of the lineage chart.
 */
import { describe, expect, it } from 'vitest';
import { chartWindows, homePages, latestWindow, packParts, pageCount, SERIES_PER_PAGE, SINGLES_PER_PAGE } from '../../src/site/paging.ts';
import { paths } from '../../src/site/paths.ts';

describe('the home page', () => {
  it('is one page for a small corpus, and for an empty one', () => {
    expect(homePages(7, 3)).toEqual([{ number: 1, count: 1, series: { start: 0, end: 7 }, singles: { start: 0, end: 3 } }]);
    expect(homePages(0, 0)).toEqual([{ number: 1, count: 1, series: { start: 0, end: 0 }, singles: { start: 0, end: 0 } }]);
  });

  it('has a page 2 at 1,000 versions (59 series of several versions), and page 1 keeps the first 50', () => {
    const pages = homePages(59, 0);
    expect(SERIES_PER_PAGE).toBe(50);
    expect(pages.map((p) => p.number)).toEqual([1, 2]);
    expect(pages[0]!.series).toEqual({ start: 0, end: 50 });
    expect(pages[1]!.series).toEqual({ start: 50, end: 59 });
    expect(pages.every((p) => p.count === 2)).toBe(true);
  });

  it('grows linearly: about 600 series at 10,000 versions make 12 pages of at most 50', () => {
    const pages = homePages(600, 0);
    expect(pages.length).toBe(12);
    expect(Math.max(...pages.map((p) => p.series.end - p.series.start))).toBe(50);
  });

  it('covers every series and every single text once, in order, whichever list is longer', () => {
    for (const [series, singles] of [[120, 5], [3, 450], [100, 400], [101, 401]] as const) {
      const pages = homePages(series, singles);
      expect(pages.length).toBe(Math.max(pageCount(series, SERIES_PER_PAGE), pageCount(singles, SINGLES_PER_PAGE)));
      const seen = (key: 'series' | 'singles') => pages.flatMap((p) => Array.from({ length: p[key].end - p[key].start }, (_, i) => p[key].start + i));
      expect(seen('series')).toEqual(Array.from({ length: series }, (_, i) => i));
      expect(seen('singles')).toEqual(Array.from({ length: singles }, (_, i) => i));
    }
  });

  it('keeps page 1 at the root and puts the others under page/', () => {
    expect(paths.homePage(1)).toBe('/');
    expect(paths.homePage(2)).toBe('/page/2/');
    expect(paths.homePage(12)).toBe('/page/12/');
  });

  it('refuses a page size below 1', () => {
    expect(() => pageCount(10, 0)).toThrow(RangeError);
  });
});

describe('parts of the paragraph histories', () => {
  it('fills each part up to the budget, in order', () => {
    expect(packParts([40, 40, 40, 40, 40], 100)).toEqual([0, 0, 1, 1, 2]);
    expect(packParts([100, 100], 100)).toEqual([0, 1]);
    expect(packParts([], 100)).toEqual([]);
  });

  it('gives an item heavier than the budget a part of its own', () => {
    expect(packParts([10, 500, 10], 100)).toEqual([0, 1, 2]);
  });

  it('keeps part 1 at history/, with the anchors of the lineages unchanged', () => {
    expect(paths.historyPart('s', 1, 'h-v-OP6')).toBe(paths.history('s', 'h-v-OP6'));
    expect(paths.historyPart('s', 1)).toBe('/series/s/history/');
    expect(paths.historyPart('s', 3, 'h-v-OP6')).toBe('/series/s/history/3/#h-v-OP6');
  });
});

describe('windows of the lineage chart', () => {
  it('needs none when one window holds every version', () => {
    expect(chartWindows(10, 10)).toEqual([]);
    expect(latestWindow(7, 10)).toEqual({ start: 0, end: 7 });
  });

  it('cuts a long series from its first version; the series page shows the latest', () => {
    expect(chartWindows(23, 10)).toEqual([{ start: 0, end: 10 }, { start: 10, end: 20 }, { start: 20, end: 23 }]);
    expect(latestWindow(23, 10)).toEqual({ start: 13, end: 23 });
    expect(paths.lineageWindow('s', 20, 23)).toBe('/series/s/lineages/21-23/');
  });
});
