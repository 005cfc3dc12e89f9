// data/series/<slug>.json: a series' versions, alignments and lineages (core: src/lib/export/series-json.ts).
import type { APIRoute } from 'astro';
import type { SeriesData } from '../../../site/data.ts';
import { TYPES, seriesJson, seriesPaths, textResponse } from '../../../site/open-data.ts';

export const getStaticPaths = seriesPaths;

export const GET: APIRoute = ({ props }) => textResponse(seriesJson((props as { series: SeriesData }).series), TYPES.json);
