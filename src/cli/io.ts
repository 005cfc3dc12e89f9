/** What the commands share: where they print, and reading one document with a one-line error. */
import { readFile } from 'node:fs/promises';
import { parseBytes, UnreadableDocumentError } from '../lib/index.ts';
import type { ParsedDocument } from '../lib/index.ts';

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
    return parseBytes(bytes, file);
  } catch (error) {
    if (error instanceof UnreadableDocumentError) {
      io.err(`${error.message}\n`);
      return null;
    }
    throw error;
  }
}
