// data/series/<slug>.csv: one row per lineage and version (core: src/lib/export/csv.ts).
import type { APIRoute } from 'astro';
import type { SeriesData } from '../../../site/data.ts';
import { TYPES, seriesCsv, seriesPaths, textResponse } from '../../../site/open-data.ts';

export const getStaticPaths = seriesPaths;

export const GET: APIRoute = ({ props }) => textResponse(seriesCsv((props as { series: SeriesData }).series), TYPES.csv);
