// The two sides of a comparison as the compare pages name and link them (the core's CompareSide),
// from the site's data: one place for both pages and the picker's options.
import { formatDate, stageName, versionName, type SeriesData, type Version } from '../../../../site/data.ts';
import { paths } from '../../../../site/paths.ts';
import type { CompareSide } from '../../../../lib/compare/view.ts';

export function compareSide(series: SeriesData, v: Version): CompareSide {
  const date = formatDate(v.record.date);
  return {
    name: versionName(v.record),
    detail: `${stageName(v.record.stage).toLowerCase()}${date ? `, ${date}` : ''}`,
    href: paths.version(v.slug),
    index: series.versions.indexOf(v),
  };
}
