// data/check/…: the index of the check page (src/pages/check/index.astro) in shards, so that a draft fetches only
// what it needs (src/lib/check/shards.ts: the layout). Also read by `palimpsest check --index dist/data/check`.
import type { APIRoute } from 'astro';
import { siteData } from '../../../site/data.ts';
import { checkIndexFiles } from '../../../site/check.ts';
import { TYPES, textResponse } from '../../../site/open-data.ts';

export async function getStaticPaths() {
  const files = checkIndexFiles(await siteData());
  return [...files.keys()].map((file) => ({ params: { file } }));
}

export const GET: APIRoute = async ({ params }) => {
  const body = checkIndexFiles(await siteData()).get(params.file ?? '');
  if (body === undefined) return new Response('not found', { status: 404 });
  if (typeof body !== 'string') return new Response(new Blob([body as Uint8Array<ArrayBuffer>]), { headers: { 'content-type': 'application/octet-stream' } });
  return textResponse(body.replace(/</g, '\\u003c'), TYPES.json);
};
