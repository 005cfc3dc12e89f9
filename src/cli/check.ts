/**
 * The `check` command: every paragraph of a draft against agreed language in
 * a corpus (src/lib/check/agreed.ts).
 *
 *   palimpsest check <file>[#<ref>] [--content <dir>] [--json]
 */
import { buildCheckIndex, checkRecord } from '../lib/check/agreed.ts';
import { corpusArgs, loadDocument, type Io } from './io.ts';
import { loadRecords, pickRecord, splitRef } from './compare.ts';

export const CHECK_USAGE = `Usage:
  palimpsest check <file>[#<ref>] [--content <dir>] [--json]
      for every paragraph of a draft, where its wording was agreed before: agreed
      (the same words in an adopted resolution or a recommended draft), modified
      (the closest paragraph, with its similarity) or new, against every version
      of the corpus (content/ by default). A version identical to the draft is
      left out of its sources. --json prints { paragraphs: [{ id, status, sources }] }.
`;

export async function checkCommand(args: readonly string[], io: Io): Promise<number> {
  const parsed = corpusArgs(args, 'check', CHECK_USAGE, io);
  if (!parsed) return 2;
  const { dir, rest, flags } = parsed;
  const unknown = [...flags].filter((f) => f !== '--json');
  if (unknown.length || rest.length !== 1) {
    io.err(`palimpsest check: ${unknown.length ? `unknown option ${unknown.join(' ')}` : 'give exactly one file'}\n${CHECK_USAGE}`);
    return 2;
  }
  const { file, ref } = splitRef(rest[0]!);
  const doc = await loadDocument(file, io);
  if (!doc) return 1;
  const record = pickRecord(doc.resolutions, file, ref);
  if (typeof record === 'string') {
    io.err(`palimpsest check: ${record}\n`);
    return 1;
  }
  const corpus = loadRecords(dir, io);
  if (!corpus) return 1;
  // The draft itself, when it lies in the corpus folder, is not its own source (checkRecord leaves out identical versions).
  const result = checkRecord(record, buildCheckIndex(corpus));
  if (flags.has('--json')) {
    io.out(`${JSON.stringify({ paragraphs: result.paragraphs.map((p) => ({ id: p.id, status: p.status, sources: p.sources.map((s) => ({ symbol: s.symbol, version: s.version, paragraph: s.paragraph, similarity: s.similarity })) })), summary: result.summary }, null, 2)}\n`);
    return 0;
  }
  const lines = [`${record.symbol ?? file}: ${result.summary.agreed} agreed, ${result.summary.modified} modified, ${result.summary.new} new (against ${dir})`];
  for (const p of result.paragraphs) {
    const best = p.sources[0];
    const from = best && p.status !== 'new' ? `  ${best.symbol ?? best.version} ${best.paragraph}${p.status === 'modified' ? ` (${Math.round(best.similarity * 100)}% the same words)` : ''}` : '';
    lines.push(`${p.id.padEnd(8)} ${p.status.padEnd(9)}${from}`);
  }
  io.out(`${lines.join('\n')}\n`);
  return 0;
}
