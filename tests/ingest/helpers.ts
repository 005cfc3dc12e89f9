/** Shared helpers for the ingest tests: read a fixture, parse it, look at the reading view. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseDocument } from '../../src/lib/parse/document.ts';
import { documentToJson, type ResolutionJson } from '../../src/lib/export/parse-json.ts';
import type { ParsedDocument } from '../../src/lib/model.ts';

export function fixturePath(name: string): string {
  return fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));
}

export function fixture(name: string): string {
  return readFileSync(fixturePath(name), 'utf8');
}

/** Lines of a fixture, 1-based: lines(text)[1] is the first line. */
export function lineOf(text: string, needle: string): number {
  const i = text.split('\n').findIndex((l) => l.includes(needle));
  if (i === -1) throw new Error(`no line holds ${JSON.stringify(needle)}`);
  return i + 1;
}

export interface Parsed {
  doc: ParsedDocument;
  json: ReturnType<typeof documentToJson>;
  records: ResolutionJson[];
}

export function parse(text: string, file = 'fixture.txt'): Parsed {
  const doc = parseDocument(text, file);
  const json = documentToJson(doc);
  return { doc, json, records: json.resolutions };
}

export function parseFixture(name: string, text = fixture(name)): Parsed {
  return parse(text, `tests/fixtures/${name}`);
}

/** Remove whole lines (1-based, inclusive) from a text: for the minimally edited fixtures. */
export function withoutLines(text: string, from: number, to = from): string {
  const lines = text.split('\n');
  lines.splice(from - 1, to - from + 1);
  return lines.join('\n');
}

/** Replace exactly one occurrence, failing loudly if the fixture does not hold it once. */
export function replaceOnce(text: string, from: string, to: string): string {
  const n = text.split(from).length - 1;
  if (n !== 1) throw new Error(`${JSON.stringify(from)} occurs ${n} times`);
  return text.replace(from, to);
}
