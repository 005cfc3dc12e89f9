// data/versions/version.schema.json: the JSON Schema of the version files (src/lib/export/schema/).
import type { APIRoute } from 'astro';
import { TYPES, schemaText, textResponse } from '../../../site/open-data.ts';

export const GET: APIRoute = () => textResponse(schemaText.version(), TYPES.schema);
