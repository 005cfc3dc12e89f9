// data/versions/<slug>.akn.xml: one version in Akoma Ntoso 3.0 (core: src/lib/export/akn.ts).
import type { APIRoute } from 'astro';
import type { Version } from '../../../site/data.ts';
import { TYPES, textResponse, versionAkn, versionPaths } from '../../../site/open-data.ts';

export const getStaticPaths = versionPaths;

export const GET: APIRoute = ({ props }) => textResponse(versionAkn((props as { version: Version }).version), TYPES.akn);
