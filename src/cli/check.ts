/**
 * The `check` command: every paragraph of a draft against agreed language in
 * a corpus (src/lib/check/agreed.ts).
 *
 *   palimpsest check <file>[#<ref>] [--content <dir> | --index <dir>] [--json]
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { checkRecord, type CheckIndex } from '../lib/check/agreed.ts';
import { checkJson } from '../lib/check/json.ts';
import { buildCheckIndex } from '../lib/check/corpus.ts';
import { loadCheckIndex } from '../lib/check/shards.ts';
import { corpusArgs, loadDocument, loadRecords, pickRecord, splitRef, type Io } from './io.ts';

export const CHECK_USAGE = `Usage:
  palimpsest check <file>[#<ref>] [--content <dir> | --index <dir>] [--json]
      for every paragraph of a draft, where its wording was agreed before: agreed
      (the same words in an adopted resolution or a recommended draft), modified
      (the closest paragraph, with its similarity) or new, against every version
      of the corpus (content/ by default, parsed now), or of a built site's check
      index (--index dist/data/check: fast on a large corpus). A version identical
      to the draft is left out of its sources. --json prints
      { paragraphs: [{ id, status, sources, verb, phrases }], summary }.
`;

export async function checkCommand(args: readonly string[], io: Io): Promise<number> {
  const at = args.indexOf('--index');
  const indexDir = at >= 0 ? args[at + 1] : undefined;
  if (at >= 0 && (indexDir === undefined || indexDir.startsWith('--'))) {
    io.err(`palimpsest check: --index needs a folder (a built site's data/check)\n${CHECK_USAGE}`);
    return 2;
  }
  const parsed = corpusArgs(at >= 0 ? [...args.slice(0, at), ...args.slice(at + 2)] : args, 'check', CHECK_USAGE, io);
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
  let index: CheckIndex;
  if (indexDir !== undefined) {
    try {
      index = (await loadCheckIndex(record, { json: async (path) => JSON.parse(await readFile(join(indexDir, path), 'utf8')), bytes: async (path) => new Uint8Array(await readFile(join(indexDir, path))) })).index;
    } catch (e) {
      io.err(`palimpsest check: ${indexDir}: cannot read the check index (${e instanceof Error ? e.message : String(e)}); build the site first (npm run build) and give its data/check folder\n`);
      return 1;
    }
  } else {
    const corpus = await loadRecords(dir, io);
    if (!corpus) return 1;
    index = buildCheckIndex(corpus);
  }
  // The draft itself, when it lies in the corpus, is not its own source (checkRecord leaves out identical versions).
  const result = checkRecord(record, index);
  if (flags.has('--json')) {
    io.out(`${JSON.stringify(checkJson(result), null, 2)}\n`);
    return 0;
  }
  const s = result.summary;
  const lines = [`${record.symbol ?? file}: ${s.agreed} agreed, ${s.modified} modified, ${s.new} new; verbs ${s.stronger} stronger, ${s.weaker} weaker than their source (against ${indexDir ?? dir})`];
  for (const p of result.paragraphs) {
    const best = p.sources[0];
    const from = best && p.status !== 'new' ? `  ${best.symbol ?? best.version} ${best.paragraph}${p.status === 'modified' ? ` (${Math.round(best.similarity * 100)}% the same words)` : ''}` : '';
    const verb = p.verb && p.verb.direction !== 'same' ? `  [${p.verb.from} → ${p.verb.to}: ${p.verb.direction}]` : '';
    lines.push(`${p.id.padEnd(8)} ${p.status.padEnd(9)}${from}${verb}`);
  }
  io.out(`${lines.join('\n')}\n`);
  return 0;
}
