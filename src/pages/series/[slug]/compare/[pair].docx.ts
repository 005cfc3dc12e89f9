// series/<slug>/compare/<a>..<b>.docx: a precomputed pair (beside its page ./[pair]/) as a Word document whose
// changes are tracked (core: src/lib/export/docx.ts). Other pairs are made in the browser (src/scripts/compare-any.ts).
import type { APIRoute } from 'astro';
import type { Version } from '../../../../site/data.ts';
import { comparePaths, comparisonWord, docxResponse } from '../../../../site/open-data.ts';

export const getStaticPaths = comparePaths;

export const GET: APIRoute = ({ props }) => {
  const { a, b } = props as { a: Version; b: Version };
  return docxResponse(comparisonWord(a, b));
};
