/**
 * The `compare` and `series` commands of the command line:
 *
 *   palimpsest compare <fileA>[#<ref>] <fileB>[#<ref>] [--redline] [--format json|docx] [--out FILE]
 *   palimpsest series [<series id>] [--json] [--lineage] [--content <dir>]
 *
 * A ref is a symbol (A/C.3/74/L.18/Rev.1) or the 1-based position of the text
 * in its file; it may be left out when the file holds one text. Both commands
 * take the same io as main.ts and return an exit code.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ResolutionRecord } from '../lib/index.ts';
import { corpusArgs, formatOutArgs, loadDocument, loadRecords, pickRecord, splitRef, type Io } from './io.ts';
import { alignVersions, type ListAlignment, type VersionAlignment } from '../lib/align/align.ts';
import { redlineToText, type Segment } from '../lib/diff/redline.ts';
import { groupSeries, parseOverrides, type OverrideFile } from '../lib/series/group.ts';
import { seriesLineage } from '../lib/series/lineage.ts';
import { comparisonDocx } from '../lib/export/docx.ts';

export const COMPARE_USAGE = `Usage:
  palimpsest compare <fileA>[#<ref>] <fileB>[#<ref>] [--redline] [--format docx --out FILE]
      align two versions; print JSON. <ref> is a symbol (A/C.3/74/L.18/Rev.1)
      or the 1-based position of the text in the file, and may be left out
      when the file holds one text. --redline adds the word diff of each pair.
      --format docx writes FILE, a Word document of the newer text with every
      change tracked (insertions, deletions, moves) against the older one.
`;

export const SERIES_USAGE = `Usage:
  palimpsest series [<series id>] [--json] [--lineage] [--content <dir>]
      list the series of the corpus (content/ by default) with their versions;
      with a series id, that series only; --lineage adds each paragraph's history.
`;

async function readRecords(file: string, io: Io): Promise<ResolutionRecord[] | null> {
  return (await loadDocument(file, io))?.resolutions ?? null;
}

function withTextRedlines(list: ListAlignment): unknown {
  const conv = (r: Segment[] | undefined) => (r ? { redline: r, text: redlineToText(r) } : {});
  return {
    ...list,
    pairs: list.pairs.map(({ redline, subparagraphs, ...p }) => ({ ...p, ...conv(redline), ...(subparagraphs ? { subparagraphs: withTextRedlines(subparagraphs) } : {}) })),
    splits: list.splits.map(({ redline, ...s }) => ({ ...s, ...conv(redline) })),
    merges: list.merges.map(({ redline, ...m }) => ({ ...m, ...conv(redline) })),
  };
}

/** The JSON `compare` prints. */
export function compareJson(al: VersionAlignment, withRedline: boolean): unknown {
  if (!withRedline) return al;
  const { footnotes, ...rest } = al;
  return { ...(withTextRedlines(rest) as object), a: al.a, b: al.b, footnotes: withTextRedlines(footnotes) };
}

/** The arguments of compare: two refs, the flags, --format and --out (as `--out FILE` or `--out=FILE`); a string says what is wrong. */
function compareArgs(args: readonly string[]): { refs: string[]; redline: boolean; format: 'json' | 'docx'; out: string | null } | string {
  const parsed = formatOutArgs(args, ['--redline']);
  if (typeof parsed === 'string') return parsed;
  const { rest: refs, out } = parsed;
  const format = parsed.format ?? 'json';
  const redline = parsed.flags.has('--redline');
  if (refs.length !== 2) return 'give two texts';
  if (format !== 'json' && format !== 'docx') return `unknown format "${format}" (json or docx)`;
  if (format === 'docx' && out === null) return '--format docx writes a file: give --out FILE (such as --out changes.docx)';
  if (format === 'json' && out !== null) return '--out is for --format docx';
  return { refs, redline, format, out };
}

export async function compareCommand(args: readonly string[], io: Io): Promise<number> {
  const parsed = compareArgs(args);
  if (typeof parsed === 'string') {
    io.err(`palimpsest compare: ${parsed}\n${COMPARE_USAGE}`);
    return 2;
  }
  const { refs } = parsed;
  const picked: ResolutionRecord[] = [];
  for (const arg of refs) {
    const { file, ref } = splitRef(arg);
    const records = await readRecords(file, io);
    if (!records) return 1;
    const r = pickRecord(records, file, ref);
    if (typeof r === 'string') {
      io.err(`palimpsest compare: ${r}\n`);
      return 1;
    }
    picked.push(r);
  }
  if (parsed.format === 'docx') {
    try {
      await writeFile(parsed.out!, comparisonDocx(picked[0]!, picked[1]!));
    } catch (error) {
      io.err(`${parsed.out}: cannot write the file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})\n`);
      return 1;
    }
    io.out(`${parsed.out}\n`);
    return 0;
  }
  const withRedline = parsed.redline;
  const al = alignVersions(picked[0]!, picked[1]!, { redline: withRedline });
  io.out(`${JSON.stringify(compareJson(al, withRedline), null, 2)}\n`);
  return 0;
}

/** Every resolution text of the corpus folder; files that cannot be read are reported and skipped. */
async function loadOverrides(dir: string, io: Io): Promise<OverrideFile | null> {
  let text: string;
  try {
    text = await readFile(join(dir, 'series.json'), 'utf8');
  } catch {
    return { overrides: [] };
  }
  try {
    return parseOverrides(text);
  } catch (error) {
    io.err(`${join(dir, 'series.json')}: ${(error as Error).message}\n`);
    return null;
  }
}

export async function seriesCommand(args: readonly string[], io: Io): Promise<number> {
  const parsed = corpusArgs(args, 'series', SERIES_USAGE, io);
  if (!parsed) return 2;
  const { dir, rest, flags } = parsed;
  const unknown = [...flags].filter((f) => f !== '--json' && f !== '--lineage');
  if (unknown.length || rest.length > 1) {
    io.err(`palimpsest series: ${unknown.length ? `unknown option ${unknown.join(' ')}` : 'give at most one series id'}\n${SERIES_USAGE}`);
    return 2;
  }
  const records = await loadRecords(dir, io);
  const overrides = records && (await loadOverrides(dir, io));
  if (!records || !overrides) return 1;
  const result = groupSeries(records, overrides);
  for (const u of result.unmatched) io.err(`${join(dir, 'series.json')}: ${u.entry.action} entry matches nothing: ${u.problem}\n`);
  let series = result.series;
  if (rest[0] !== undefined) {
    series = series.filter((s) => s.id === rest[0]);
    if (!series.length) {
      io.err(`palimpsest series: no series "${rest[0]}"; \`palimpsest series\` lists them\n`);
      return 1;
    }
  }
  const byId = new Map(records.map((r) => [r.id, r]));
  const lineage = (s: (typeof series)[number]) => {
    const l = seriesLineage(s.versions.map((v) => byId.get(v.id)!));
    return l.versions;
  };
  if (flags.has('--json') || flags.has('--lineage')) {
    const out = series.map((s) => (flags.has('--lineage') ? { ...s, lineage: lineage(s) } : s));
    io.out(`${JSON.stringify({ series: out, unmatched: result.unmatched }, null, 2)}\n`);
    return 0;
  }
  const lines: string[] = [];
  for (const s of series) {
    lines.push(`${s.id}  (${s.versions.length} version${s.versions.length === 1 ? '' : 's'}${s.evidence.length ? `; ${s.evidence.join('; ')}` : ''})`, `  ${s.title}`);
    for (const v of s.versions) lines.push(`    ${v.date ?? '—'.padEnd(10)}  ${v.stage.padEnd(13)}  ${(v.symbol ?? '(no symbol)').padEnd(20)}  ${v.id}`);
  }
  io.out(`${lines.join('\n')}\n`);
  return 0;
}
