// data/index.schema.json: the JSON Schema of data/index.json (src/lib/export/schema/).
import type { APIRoute } from 'astro';
import { TYPES, schemaText, textResponse } from '../../site/open-data.ts';

export const GET: APIRoute = () => textResponse(schemaText.index(), TYPES.schema);
