/**
 * The `export` command of the command line:
 *
 *   palimpsest export <file> [--format akn|json|docx] [--out DIR]
 *
 * Parses one UN document and writes each resolution text in it as open data:
 * the version JSON (default), Akoma Ntoso 3.0 XML or the clean text as a Word
 * document (docx, which needs --out). Without --out the file
 * must hold exactly one text, which goes to standard output; with --out each
 * text is written to DIR/<slug>.json or DIR/<slug>.akn.xml (slugs are safe
 * file names: no slashes, dots or path escapes, at most 80 characters), and
 * the paths written are printed one a line. Same io and exit codes as
 * main.ts: 0 done, 1 the file (or DIR) could not be read or written, 2 usage.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseBytes, UnreadableDocumentError } from '../lib/index.ts';
import type { ParsedDocument } from '../lib/index.ts';
import { versionToAkn } from '../lib/export/akn.ts';
import { uniqueSlugs, versionToJsonText } from '../lib/export/version-json.ts';
import { versionDocx } from '../lib/export/docx.ts';
import { formatOutArgs } from './io.ts';

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

export const EXPORT_USAGE = `Usage:
  palimpsest export <file> [--format akn|json|docx] [--out DIR]
      write each resolution text of a UN document as open data: the version
      JSON (default), Akoma Ntoso 3.0 XML (--format akn) or its clean text as
      a Word document (--format docx, with --out). Without --out the file must
      hold one text, printed to standard output; with --out each text goes to
      DIR/<slug>.json, DIR/<slug>.akn.xml or DIR/<slug>.docx.
`;

type Format = 'akn' | 'json' | 'docx';

interface Options {
  file: string;
  format: Format;
  out: string | null;
}

function parseArgs(args: readonly string[]): Options | string {
  const parsed = formatOutArgs(args);
  if (typeof parsed === 'string') return parsed;
  const { rest: files, format, out } = parsed;
  if (files.length !== 1) return 'give exactly one file';
  if (format !== null && format !== 'akn' && format !== 'json' && format !== 'docx') return `unknown format "${format}" (akn, json or docx)`;
  if (format === 'docx' && out === null) return '--format docx writes files: give --out DIR';
  return { file: files[0]!, format: (format ?? 'json') as Format, out };
}

function why(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'this is a folder, not a file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOTDIR') return 'a part of the path is not a folder';
  return String((error as Error).message).split('\n')[0]!;
}

async function load(file: string, io: Io): Promise<ParsedDocument | null> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    io.err(`${file}: cannot read the file: ${why(error)}\n`);
    return null;
  }
  try {
    return parseBytes(bytes, file);
  } catch (error) {
    if (error instanceof UnreadableDocumentError) {
      io.err(`${error.message.split('\n')[0]}\n`);
      return null;
    }
    throw error;
  }
}

export async function exportCommand(args: readonly string[], io: Io): Promise<number> {
  const options = parseArgs(args);
  if (typeof options === 'string') {
    io.err(`palimpsest export: ${options}\n${EXPORT_USAGE}`);
    return 2;
  }
  const doc = await load(options.file, io);
  if (!doc) return 1;
  const texts = doc.resolutions;
  if (!texts.length) {
    io.err(`${options.file}: no resolution text found in the file\n`);
    return 1;
  }
  const slugs = uniqueSlugs(texts);
  const render = (i: number): string | Uint8Array => (options.format === 'akn' ? versionToAkn(texts[i]!) : options.format === 'docx' ? versionDocx(texts[i]!) : versionToJsonText(texts[i]!, slugs[i]));
  const extension = options.format === 'akn' ? '.akn.xml' : options.format === 'docx' ? '.docx' : '.json';

  if (options.out === null) {
    if (texts.length > 1) {
      io.err(`${options.file}: holds ${texts.length} resolution texts; give --out DIR to write one file each\n`);
      return 2;
    }
    io.out(render(0) as string);
    return 0;
  }

  try {
    await mkdir(options.out, { recursive: true });
  } catch (error) {
    io.err(`${options.out}: cannot make the folder: ${why(error)}\n`);
    return 1;
  }
  for (let i = 0; i < texts.length; i++) {
    const path = join(options.out, `${slugs[i]}${extension}`);
    try {
      await writeFile(path, render(i));
    } catch (error) {
      io.err(`${path}: cannot write the file: ${why(error)}\n`);
      return 1;
    }
    io.out(`${path}\n`);
  }
  return 0;
}
