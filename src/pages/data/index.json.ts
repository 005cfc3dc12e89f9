// data/index.json: every series and version with its files (core: src/lib/export/data-index.ts).
import type { APIRoute } from 'astro';
import { siteData } from '../../site/data.ts';
import { TYPES, indexJson, textResponse } from '../../site/open-data.ts';

export const GET: APIRoute = async () => textResponse(indexJson(await siteData()), TYPES.json);
