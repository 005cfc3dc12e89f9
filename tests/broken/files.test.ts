/**
 * Broken files through the path the build takes (ingest/corpus.ts loadCorpus
 * on a folder), each next to a real document that must still load: empty,
 * white space only, binary, UTF-16 LE and BE with a byte-order mark, Latin-1,
 * a UTF-8 byte-order mark, CRLF line ends, a 50 MB file, a file too large to
 * read at all, and a document of 10,000 paragraphs. Each problem is a
 * diagnostic naming the file (and the line where there is one). The files are
 * made here from real text (tests/fixtures/ga76-closing.txt), so that no
 * binary file sits in the repository.
 */
import { closeSync, openSync, ftruncateSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_DOCUMENT_BYTES } from '../../src/lib/ingest/decode.ts';
import { documentToJson } from '../../src/lib/export/parse-json.ts';
import type { Corpus } from '../../src/lib/ingest/corpus.ts';
import type { ParsedDocument } from '../../src/lib/model.ts';
import { diagnosticsOf, SAMPLE, seedLoaded, tempFolder, type Folder } from './helpers.ts';

const utf16 = (s: string, endian: 'le' | 'be'): Uint8Array => {
  const le = Buffer.from(s, 'utf16le');
  if (endian === 'be') le.swap16();
  return new Uint8Array(Buffer.concat([Buffer.from(endian === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]), le]));
};
/** "Fédération" in Latin-1 on a known line. */
const LATIN1_TEXT = `${SAMPLE.trimEnd()}\n\nInvites the Fédération Internationale de Football Association to cooperate;\n`;
const LATIN1_LINE = LATIN1_TEXT.split('\n').findIndex((l) => l.includes('Fédération')) + 1;
/** A PNG header and a few bytes: its first NUL is on line 3 (after the header's two line feeds). */
const BINARY = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x01]);

let folder: Folder;
let corpus: Corpus;
const doc = (name: string): ParsedDocument | undefined => corpus.documents.find((d) => d.source === folder.path(name));
/** What a reader sees of a document: its texts as exported, without the file name. */
const reading = (d: ParsedDocument) =>
  JSON.stringify(documentToJson(d).resolutions.map((r) => ({ ...r, id: undefined, source: undefined, diagnostics: r.diagnostics.map((x) => ({ ...x, file: undefined })) })));

beforeAll(() => {
  folder = tempFolder();
  folder.write('empty.txt', new Uint8Array());
  folder.write('blank.txt', ' \n\t\n  \n');
  folder.write('binary.txt', BINARY);
  folder.write('utf16le.txt', utf16(SAMPLE, 'le'));
  folder.write('utf16be.txt', utf16(SAMPLE, 'be'));
  folder.write('latin1.txt', Buffer.from(LATIN1_TEXT, 'latin1'));
  folder.write('bom.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SAMPLE)]));
  folder.write('crlf.txt', SAMPLE.replace(/\n/g, '\r\n'));
  folder.write('lf.txt', SAMPLE);
  // 50 MB of real text, repeated.
  folder.write('huge.txt', Buffer.alloc(50 * 1024 * 1024, SAMPLE));
  // 3 GB (a sparse file: no disk used): more than Node can read into one buffer.
  const fd = openSync(folder.path('enormous.txt'), 'w');
  ftruncateSync(fd, 3 * 1024 * 1024 * 1024);
  closeSync(fd);
  corpus = folder.load();
});

afterAll(() => folder?.remove());

describe('a folder of broken files', () => {
  it('still loads the real document next to them, and every readable file', () => {
    expect(seedLoaded(corpus, folder)).toBe(true);
    for (const name of ['utf16le.txt', 'utf16be.txt', 'bom.txt', 'crlf.txt', 'lf.txt']) expect(doc(name), name).toBeDefined();
    for (const name of ['empty.txt', 'blank.txt', 'binary.txt', 'latin1.txt', 'huge.txt', 'enormous.txt']) expect(doc(name), name).toBeUndefined();
  });

  it('refuses an empty file, naming it', () => {
    expect(diagnosticsOf(corpus, folder.path('empty.txt'))).toEqual([expect.objectContaining({ severity: 'error', code: 'unreadable', line: null, message: 'the file is empty' })]);
  });

  it('refuses a file of white space only, naming it', () => {
    expect(diagnosticsOf(corpus, folder.path('blank.txt'))).toEqual([expect.objectContaining({ severity: 'error', code: 'unreadable', message: expect.stringMatching(/no text/) })]);
  });

  it('refuses a binary file, naming it and the line of the first NUL byte', () => {
    expect(diagnosticsOf(corpus, folder.path('binary.txt'))).toEqual([expect.objectContaining({ severity: 'error', code: 'unreadable', line: 3, message: expect.stringMatching(/binary/) })]);
  });

  it('refuses Latin-1, naming the file and the line of the first byte that is not UTF-8', () => {
    expect(diagnosticsOf(corpus, folder.path('latin1.txt'))).toEqual([
      expect.objectContaining({ severity: 'error', code: 'unreadable', line: LATIN1_LINE, message: expect.stringMatching(/not UTF-8.*Latin-1/) }),
    ]);
  });

  it('reads UTF-16 with a byte-order mark, little- and big-endian, as the same text as UTF-8, with a note', () => {
    for (const name of ['utf16le.txt', 'utf16be.txt']) {
      expect(reading(doc(name)!), name).toBe(reading(doc('lf.txt')!));
      expect(diagnosticsOf(corpus, folder.path(name)).filter((d) => d.code === 'utf16'), name).toHaveLength(1);
    }
  });

  it('reads a UTF-8 byte-order mark and CRLF line ends as the same text, on the same lines', () => {
    for (const name of ['bom.txt', 'crlf.txt']) {
      const d = doc(name)!;
      expect(reading(d), name).toBe(reading(doc('lf.txt')!));
      expect(d.resolutions[0]!.lines, name).toEqual(doc('lf.txt')!.resolutions[0]!.lines);
      expect(JSON.stringify(d), name).not.toMatch(/\\r|\\ufeff|\uFEFF/);
    }
  });

  it('refuses a 50 MB file without reading it, naming the file and the limit', () => {
    const ds = diagnosticsOf(corpus, folder.path('huge.txt'));
    expect(ds).toHaveLength(1);
    expect(ds[0]).toMatchObject({ severity: 'error', code: 'unreadable', line: null });
    expect(ds[0]!.message).toBe(`the file is 50.0 MB; the limit for one document is ${MAX_DOCUMENT_BYTES / 1024 / 1024}.0 MB (split it into its documents)`);
  });

  it('refuses a file too large to read into memory (3 GB) the same way, rather than failing the whole corpus', () => {
    expect(diagnosticsOf(corpus, folder.path('enormous.txt'))).toEqual([
      expect.objectContaining({ severity: 'error', code: 'unreadable', message: expect.stringMatching(/^the file is 3072\.0 MB; the limit for one document is 16\.0 MB/) }),
    ]);
  });
});

describe('a document of 10,000 paragraphs', () => {
  it('is read whole through the corpus, every word kept (the time is printed, not asserted)', () => {
    const f = tempFolder();
    try {
      // The shape of real paragraphs: 5,000 preambular, 5,000 numbered operative paragraphs, with footnotes.
      const lines = ['Long draft: draft resolution', '', 'A very long resolution', '', 'The General Assembly,', ''];
      for (let i = 0; i < 5000; i++) lines.push(`Recalling its resolution ${i % 80}/${i} of 1 January 2000,${i % 500 === 0 ? '¹' : ''}`, '');
      for (let i = 1; i <= 5000; i++) lines.push(`${i}. *Requests* the Secretary-General to report on item ${i} at its next session;`, '');
      lines.push('¹ A footnote.', '');
      f.write('long.txt', lines.join('\n'));
      const started = performance.now();
      const c = f.load();
      const ms = performance.now() - started;
      console.log(`10,000 paragraphs (${(lines.join('\n').length / 1024).toFixed(0)} kB) and a real draft loaded in ${ms.toFixed(0)} ms`);
      expect(seedLoaded(c, f)).toBe(true);
      const d = c.documents.find((x) => x.source === f.path('long.txt'))!;
      expect(d.resolutions).toHaveLength(1);
      const json = documentToJson(d).resolutions[0]!;
      expect(json.preamble).toHaveLength(5000);
      expect(json.operative).toHaveLength(5000);
      expect(d.coverage.covered).toBe(d.coverage.words);
      expect(c.diagnostics.filter((x) => x.file === f.path('long.txt') && x.severity === 'error')).toEqual([]);
    } finally {
      f.remove();
    }
  });
});
