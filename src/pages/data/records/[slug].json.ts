// data/records/<slug>.json: one version of a series exactly as the core aligns it (ResolutionRecord,
// src/lib/model.ts), for the compare page of any two versions, which aligns them in the browser
// (src/scripts/compare-any.ts). Not one of the documented open-data formats (data/versions/ is).
// Compact and deterministic: the record as the content layer stores it; "<" is written \u003c so
// that no text of a document could ever close a <script> the file is inlined in.
import type { APIRoute } from 'astro';
import { multiSeries, siteData, type Version } from '../../../site/data.ts';
import { TYPES, textResponse } from '../../../site/open-data.ts';

export async function getStaticPaths() {
  const data = await siteData();
  const versions = new Set(multiSeries(data).flatMap((s) => s.versions));
  return [...versions].map((v) => ({ params: { slug: v.slug }, props: { version: v } }));
}

export const GET: APIRoute = ({ props }) => textResponse(`${JSON.stringify((props as { version: Version }).version.record).replace(/</g, '\\u003c')}\n`, TYPES.json);
