/**
 * The command line: `palimpsest parse | compare | series | export | check` (see USAGE).
 * A thin layer over the core; it reads files and prints.
 */
import type { ParsedDocument } from '../lib/model.ts';
import { annexesOf, annexParagraphsOf, documentToJson, operativeOf, preambleOf, footnotesOf } from '../lib/export/parse-json.ts';
import { loadDocument, stdio, type Io } from './io.ts';

// Each command's module is loaded when it runs, so that a command starts without loading what the others need.
const commands = {
  compare: async () => (await import('./compare.ts')).compareCommand,
  series: async () => (await import('./compare.ts')).seriesCommand,
  export: async () => (await import('./export.ts')).exportCommand,
  check: async () => (await import('./check.ts')).checkCommand,
} satisfies Record<string, () => Promise<(args: readonly string[], io: Io) => Promise<number>>>;

const PARSE_USAGE = `  palimpsest parse <file> [--summary [--guesses]] [--tree]
      parse a UN document (.txt, .md or .docx); print JSON (or a table with --summary: the form recognised, the counts of each
      text, every problem; --guesses also lists each boundary guessed; --tree adds the paragraph tree)
`;

/** The whole usage text: each command's part comes from its module. */
async function usage(): Promise<string> {
  const [compare, exporting, check] = await Promise.all([import('./compare.ts'), import('./export.ts'), import('./check.ts')]);
  const parts = [compare.COMPARE_USAGE, compare.SERIES_USAGE, exporting.EXPORT_USAGE, check.CHECK_USAGE].map((u) => u.replace(/^Usage:\n/, ''));
  return `Usage:\n${PARSE_USAGE}${parts.join('')}  palimpsest help\n      this text\n`;
}

export async function main(argv: readonly string[], io: Io = stdio): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'parse') return parseCommand(rest, io);
  if (command !== undefined && Object.hasOwn(commands, command)) return (await commands[command as keyof typeof commands]())(rest, io);
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    io.out(await usage());
    return command === undefined ? 2 : 0;
  }
  io.err(`palimpsest: unknown command "${command}"\n${await usage()}`);
  return 2;
}

async function parseCommand(args: readonly string[], io: Io): Promise<number> {
  const files = args.filter((a) => !a.startsWith('--'));
  const flags = new Set(args.filter((a) => a.startsWith('--')));
  const unknown = [...flags].filter((f) => f !== '--summary' && f !== '--tree' && f !== '--guesses');
  if (files.length !== 1 || unknown.length) {
    io.err(`palimpsest parse: ${unknown.length ? `unknown option ${unknown.join(' ')}` : 'give exactly one file'}\n${await usage()}`);
    return 2;
  }
  const doc = await loadDocument(files[0]!, io);
  if (!doc) return 1;
  if (flags.has('--summary')) io.out(summaryTable(doc, flags.has('--guesses')));
  else io.out(`${JSON.stringify(documentToJson(doc, flags.has('--tree')), null, 2)}\n`);
  return 0;
}

function countSubparagraphs(doc: ParsedDocument['resolutions'][number]): number {
  let n = 0;
  const visit = (nodes: readonly { type: string; children?: unknown }[]) => {
    for (const c of nodes) {
      if (c.type === 'subParagraph') n++;
      if (c.type === 'subParagraph' && Array.isArray(c.children)) visit(c.children as { type: string }[]);
    }
  };
  for (const p of [...preambleOf(doc.tree), ...operativeOf(doc.tree), ...annexesOf(doc.tree).flatMap(annexParagraphsOf)]) visit(p.children);
  return n;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** What the parser recognised of the file's form, in a sentence, and how many boundaries it guessed. */
export function formLine(form: ParsedDocument['form']): string {
  const parts: string[] = [];
  if (form.frontMatter) parts.push(`front matter (${Object.keys(form.frontMatter).join(', ')})`);
  parts.push(
    form.footnotes === 'none'
      ? 'no footnotes'
      : form.footnotes === 'bare-digits' || form.bareFootnoteCalls
        ? `footnotes as bare digits (${plural(form.bareFootnoteTexts, 'text')} as "N text" lines, ${plural(form.bareFootnoteCalls, 'call')} found by position and order)`
        : 'footnotes marked (superscripts, HTML, LaTeX or [^n])',
  );
  parts.push(`${plural(form.furniture, 'running header/footer', 'running headers/footers')} removed`);
  parts.push(`${plural(form.joinedLines, 'line break')} joined, ${plural(form.splitLines, 'paragraph')} split at a line, ${plural(form.gluedParagraphs, 'glued paragraph')} cut apart, ${plural(form.mended, 'paragraph')} mended across page breaks`);
  return `form: ${parts.join('; ')}; ${plural(form.guessed, 'boundary', 'boundaries')} guessed${form.guessed ? ' (see the info diagnostics with --summary --guesses)' : ''}`;
}

/** One line a resolution: stage, symbol, title, PP, OP, sub-paragraphs, footnotes, coverage. */
export function summaryTable(doc: ParsedDocument, guesses = false): string {
  const rows = doc.resolutions.map((r) => [
    String(r.position),
    r.stage,
    r.symbol ?? '—',
    r.title.length > 60 ? `${r.title.slice(0, 59)}…` : r.title,
    String(preambleOf(r.tree).length),
    String(operativeOf(r.tree).length),
    String(countSubparagraphs(r)),
    String(footnotesOf(r.tree).length),
    annexesOf(r.tree).map((a) => String(annexParagraphsOf(a).length)).join('+') || '—',
    `${((100 * r.coverage.covered) / Math.max(1, r.coverage.words)).toFixed(1)}%`,
  ]);
  const header = ['#', 'stage', 'symbol', 'title', 'PP', 'OP', 'sub', 'fn', 'annex', 'coverage'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => [...r[i]!].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i >= 4 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  const guessCodes = new Set(['label-inferred', 'number-inferred', 'title-completed', 'footnote-call-guessed']);
  const warnings = doc.diagnostics.filter((d) => d.severity !== 'info' || (guesses && guessCodes.has(d.code)));
  return [
    `${doc.source}: ${doc.kind}${doc.session ? `, session ${doc.session}` : ''}${doc.date ? `, ${doc.date}` : ''}; ${doc.resolutions.length} resolution text(s); coverage ${doc.coverage.covered}/${doc.coverage.words} words`,
    formLine(doc.form),
    line(header),
    ...rows.map(line),
    ...warnings.map((d) => `${d.file}:${d.line ?? 0}: ${d.severity}: ${d.message}`),
    '',
  ].join('\n');
}
