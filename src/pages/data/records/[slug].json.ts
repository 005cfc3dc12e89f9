// data/records/<slug>.json: one version exactly as the core reads it (ResolutionRecord, src/lib/model.ts),
// for what the browser makes with the core: the redlines of compare pages (src/scripts/compare-any.ts)
// and the Word documents (src/scripts/version-word.ts). Not one of the documented open-data formats (data/versions/ is).
// Compact and deterministic (src/site/open-data.ts: recordJson).
import type { APIRoute } from 'astro';
import type { Version } from '../../../site/data.ts';
import { TYPES, recordJson, textResponse, versionPaths } from '../../../site/open-data.ts';

export const getStaticPaths = versionPaths;

export const GET: APIRoute = ({ props }) => textResponse(recordJson((props as { version: Version }).version), TYPES.json);
