// data/versions/<slug>.json: one version's metadata and paragraph tree (core: src/lib/export/version-json.ts).
import type { APIRoute } from 'astro';
import type { Version } from '../../../site/data.ts';
import { TYPES, textResponse, versionJson, versionPaths } from '../../../site/open-data.ts';

export const getStaticPaths = versionPaths;

export const GET: APIRoute = ({ props }) => textResponse(versionJson((props as { version: Version }).version), TYPES.json);
