/**
 * Properties of the ingest and parse stages, for any input: they never throw
 * (an unreadable file is refused with UnreadableDocumentError, nothing else),
 * and nothing is lost: every word of the input is in a resolution tree, a
 * passage or a diagnostic. Inputs are arbitrary strings and bytes, and
 * documents assembled from real lines of the seeds with converter noise added.
 */
import { readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeDocument, UnreadableDocumentError } from '../../src/lib/ingest/decode.ts';
import { parseDocument } from '../../src/lib/parse/document.ts';
import type { ParsedDocument } from '../../src/lib/model.ts';

// A fixed seed keeps CI repeatable; PROPERTY_SEED and PROPERTY_RUNS explore further by hand.
fc.configureGlobal({ seed: Number(process.env.PROPERTY_SEED ?? 20261126) });

const contentDir = new URL('../../content/', import.meta.url);
const seedLines = readdirSync(contentDir)
  .sort()
  .flatMap((f) => readFileSync(new URL(f, contentDir), 'utf8').split('\n'))
  .filter((l) => l.trim() !== '');

function assertNothingLost(doc: ParsedDocument): void {
  expect(doc.coverage.covered).toBe(doc.coverage.words);
  for (const r of doc.resolutions) expect(r.coverage.covered).toBe(r.coverage.words);
}

/** Noise a converter adds to a line. */
const noisyLine = fc.tuple(fc.constantFrom(...seedLines), fc.integer({ min: 0, max: 9 }), fc.nat(999)).map(([line, kind, n]) => {
  switch (kind) {
    case 0: return `**${line}**`;
    case 1: return `# ${line}`;
    case 2: return `${line}<sup>${n % 40}</sup>`;
    case 3: return `${line}$^{${n % 40}}$`;
    case 4: return `“${line}`;
    case 5: return `${line}”`;
    case 6: return `> ${line}`;
    case 7: return `    ${line}`;
    case 8: return line.slice(0, n % Math.max(1, line.length));
    default: return line;
  }
});

/** A document of real lines, in any order, with blank lines, rules and noise between them. */
const assembledDocument = fc
  .array(fc.oneof(noisyLine, fc.constant(''), fc.constant('---'), fc.constant('The General Assembly,'), fc.constant('<script>alert(1)</script>')), { maxLength: 60 })
  .map((lines) => lines.join('\n'));

describe('parse properties', () => {
  it('never throws and loses no word, for any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        assertNothingLost(parseDocument(text, 'any.txt'));
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 300) },
    );
  });

  it('never throws and loses no word, for documents assembled from real lines with converter noise', () => {
    fc.assert(
      fc.property(assembledDocument, (text) => {
        assertNothingLost(parseDocument(text, 'assembled.txt'));
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 300) },
    );
  });

  it('gives the same result for the same input (deterministic)', () => {
    fc.assert(
      fc.property(assembledDocument, (text) => {
        expect(JSON.stringify(parseDocument(text, 'a.txt'))).toBe(JSON.stringify(parseDocument(text, 'a.txt')));
      }),
      { numRuns: 50 },
    );
  });
});

describe('decode properties', () => {
  it('for any bytes, returns text or refuses the file with a message naming it', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        try {
          const { text } = decodeDocument(bytes, 'bytes.bin');
          expect(typeof text).toBe('string');
          expect(text.includes('\r')).toBe(false);
        } catch (error) {
          expect(error).toBeInstanceOf(UnreadableDocumentError);
          expect((error as Error).message.startsWith('bytes.bin')).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('limits', () => {
  it('refuses a 50 MB file with a message that names it and the limit', () => {
    const bytes = new Uint8Array(50 * 1024 * 1024).fill(0x61);
    expect(() => decodeDocument(bytes, 'huge.txt')).toThrow(/^huge\.txt: the file is 50\.0 MB; the limit for one document is 16\.0 MB/);
  });

  it('parses a document of 10,000 paragraphs whole', () => {
    // Built from the shape of real paragraphs: 5,000 preambular, 5,000 numbered operative paragraphs.
    const lines = ['The General Assembly,', ''];
    for (let i = 0; i < 5000; i++) lines.push(`Recalling its resolution ${i}/1 of 1 January 2000,`, '');
    for (let i = 1; i <= 5000; i++) lines.push(`${i}. *Requests* the Secretary-General to report on item ${i};`, '');
    const doc = parseDocument(lines.join('\n'), 'long.txt');
    expect(doc.resolutions).toHaveLength(1);
    const json = doc.resolutions[0]!;
    expect(json.coverage.covered).toBe(json.coverage.words);
    expect(json.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });
});
