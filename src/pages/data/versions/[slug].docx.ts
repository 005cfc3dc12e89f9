// data/versions/<slug>.docx: one version's clean text as a Word document (core: src/lib/export/docx.ts).
import type { APIRoute } from 'astro';
import type { Version } from '../../../site/data.ts';
import { docxResponse, versionPaths, versionWord } from '../../../site/open-data.ts';

export const getStaticPaths = versionPaths;

export const GET: APIRoute = ({ props }) => docxResponse(versionWord((props as { version: Version }).version));
