/** What the commands share: where they print, and reading one document with a one-line error. */
import { readFile } from 'node:fs/promises';
import { decodeDocument, isOle, isZip, UnreadableDocumentError } from '../lib/ingest/decode.ts';
import { parseDecoded } from '../lib/parse/document.ts';
import type { ParsedDocument, ResolutionRecord } from '../lib/model.ts';

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

// A reader that stops early (`palimpsest parse f | head`) closes the pipe: stop quietly, as Unix tools do.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

export const stdio: Io = {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
};

/** Read and parse one file; on failure print one line naming the file and return null. */
export async function loadDocument(file: string, io: Io): Promise<ParsedDocument | null> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'this is a folder, not a file' : code === 'EACCES' ? 'permission denied' : String((error as Error).message);
    io.err(`${file}: cannot read the file: ${why}\n`);
    return null;
  }
  try {
    // The reader of Word documents (a zip, XML) and that of a corpus are loaded only when a command needs them: a
    // check of a text draft starts the sooner.
    if (isZip(bytes) || isOle(bytes)) return (await import('../lib/ingest/parse-bytes.ts')).parseBytes(bytes, file);
    return parseDecoded(decodeDocument(bytes, file), file);
  } catch (error) {
    if (error instanceof UnreadableDocumentError) {
      io.err(`${error.message}\n`);
      return null;
    }
    throw error;
  }
}

/**
 * The arguments of a command that takes `--format` and `--out` (each as
 * `--out X` or `--out=X`) and the bare flags named: the other arguments in
 * order, the two values (null when not given) and the flags given; a string
 * says what is wrong.
 */
export function formatOutArgs(args: readonly string[], bare: readonly string[] = []): { rest: string[]; format: string | null; out: string | null; flags: Set<string> } | string {
  const rest: string[] = [];
  const flags = new Set<string>();
  let format: string | null = null;
  let out: string | null = null;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, null];
    if (flag === '--format' || flag === '--out') {
      const value = inline ?? args[++i];
      if (value === undefined || value === '') return `${flag} needs a value`;
      if (flag === '--format') format = value;
      else out = value;
    } else if (bare.includes(a)) flags.add(a);
    else if (a.startsWith('--')) return `unknown option ${a}`;
    else rest.push(a);
  }
  return { rest, format, out, flags };
}

/** The arguments of a command that reads a corpus folder: `--content <dir>` (content/ by default), other flags, the rest; null (said on stderr) when --content has no folder. */
export function corpusArgs(args: readonly string[], command: string, usage: string, io: Io): { dir: string; rest: string[]; flags: Set<string> } | null {
  let dir = 'content';
  const rest: string[] = [];
  const flags = new Set<string>();
  for (let k = 0; k < args.length; k++) {
    const a = args[k]!;
    if (a === '--content') {
      const next = args[++k];
      if (next === undefined) {
        io.err(`palimpsest ${command}: --content needs a folder\n${usage}`);
        return null;
      }
      dir = next;
    } else if (a.startsWith('--')) flags.add(a);
    else rest.push(a);
  }
  return { dir, rest, flags };
}

/** Splits "file#ref" at the last "#" (a symbol never holds one). */
export function splitRef(arg: string): { file: string; ref: string | null } {
  const at = arg.lastIndexOf('#');
  return at === -1 ? { file: arg, ref: null } : { file: arg.slice(0, at), ref: arg.slice(at + 1) || null };
}

/** The record a ref names in a file's records, or a message saying why there is none. */
export function pickRecord(records: readonly ResolutionRecord[], file: string, ref: string | null): ResolutionRecord | string {
  const texts = records.filter((r) => r.stage !== 'decision');
  if (ref === null) {
    if (texts.length === 1) return texts[0]!;
    const list = records.map((r) => `  #${r.position}  ${r.symbol ?? '(no symbol)'}  ${r.title}`).join('\n');
    return `${file} holds ${records.length} texts; name one with #<symbol> or #<position>:\n${list}`;
  }
  if (/^\d+$/.test(ref)) {
    const r = records.find((x) => x.position === Number(ref));
    return r ?? `${file} has no text at position ${ref} (it holds ${records.length})`;
  }
  const norm = (s: string) => s.replace(/\s+/g, '').toLowerCase();
  const r = records.find((x) => x.symbol !== null && norm(x.symbol) === norm(ref));
  return r ?? `${file} has no text with the symbol ${ref}`;
}

export async function loadRecords(dir: string, io: Io): Promise<ResolutionRecord[] | null> {
  const { loadCorpus } = await import('../lib/ingest/corpus.ts');
  let corpus;
  try {
    corpus = loadCorpus(dir);
  } catch {
    io.err(`${dir}: cannot read the folder\n`);
    return null;
  }
  for (const d of corpus.diagnostics) if (d.severity === 'error') io.err(`${d.file}${d.line === null ? '' : `:${d.line}`}: ${d.message}\n`);
  return corpus.documents.flatMap((doc) => doc.resolutions);
}
