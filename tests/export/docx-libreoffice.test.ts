/**
 * The comparison as a Word document, opened by another program: LibreOffice
 * (headless, one soffice process for every conversion, driven by
 * tests/export/lo/accept-reject.py through python3-uno) accepts every tracked
 * change of our .docx, and rejects every one, and saves each result as a
 * .docx. Accepting must give the newer version's text and rejecting the
 * older's, word for word: the body (symbol, title, opening, every paragraph
 * with its number or label, closing) and the footnotes, as the version's
 * tree holds them.
 *
 * Skipped, with the reason, only where soffice or python3-uno is missing on a
 * developer's machine; under CI (CI=true) a missing LibreOffice fails the
 * test (.ci/run installs it).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { comparisonDocx } from '../../src/lib/export/docx.ts';
import { docxToText } from '../../src/lib/ingest/docx.ts';
import { footnotesOf, operativeOf, preambleOf } from '../../src/lib/export/parse-json.ts';
import { readableText, words } from '../../src/lib/text.ts';
import type { ParagraphContent, ResolutionRecord, SubParagraphNode } from '../../src/lib/model.ts';
import { bySymbol } from './helpers.ts';

const PYTHON = '/usr/bin/python3';
const hasSoffice = spawnSync('soffice', ['--version']).status === 0;
const hasUno = spawnSync(PYTHON, ['-c', 'import uno']).status === 0;
const missing = !hasSoffice ? 'soffice (LibreOffice) is not installed: apt-get install libreoffice-writer-nogui' : !hasUno ? 'python3-uno is not installed: apt-get install python3-uno' : null;

if (missing && process.env.CI === 'true') {
  describe('LibreOffice accepts and rejects our tracked changes', () => {
    it('has LibreOffice under CI', () => {
      throw new Error(`CI needs LibreOffice for this test: ${missing}`);
    });
  });
}

/** Two real steps of one series: a recommended draft to the adopted resolution (edits, insertions, a split and a merge), and 2013 to 2019 (37 paragraphs moved). */
const PAIRS = [
  ['A/C.3/75/L.8/Rev.1', 'A/RES/76/187'],
  ['A/C.3/68/L.18/Rev.1', 'A/C.3/74/L.18/Rev.1'],
] as const;

/** The body of a version as printed: symbol, title, opening, paragraphs with their numbers and labels, closing. */
function bodyWords(r: ResolutionRecord): string[] {
  const lines: string[] = [];
  if (r.symbol) lines.push(r.symbol);
  const text = (nodes: readonly ParagraphContent[]) => readableText(nodes);
  const sub = (s: SubParagraphNode) => {
    lines.push(`(${s.label}) ${text(s.children)}`);
    for (const c of s.children) if (c.type === 'subParagraph') sub(c);
  };
  const [title, opening, closing] = ['title', 'opening', 'closing'].map((t) => r.tree.children.find((c) => c.type === t));
  for (const c of [title, opening]) if (c && 'children' in c) lines.push(text(c.children as ParagraphContent[]));
  for (const p of [...preambleOf(r.tree), ...operativeOf(r.tree)]) {
    lines.push(`${p.type === 'operativeParagraph' && p.number !== null ? `${p.number}. ` : ''}${text(p.children)}`);
    for (const c of p.children) if (c.type === 'subParagraph') sub(c);
  }
  if (closing && 'children' in closing) lines.push(text(closing.children as ParagraphContent[]));
  return words(lines.join('\n'));
}

/** The footnote texts of a version, in the order they are first called. */
function footnoteWords(r: ResolutionRecord): string[][] {
  const order: number[] = [];
  const visit = (nodes: readonly ParagraphContent[]) => {
    for (const n of nodes) {
      if (n.type === 'footnoteReference' && !order.includes(n.number)) order.push(n.number);
      else if ('children' in n) visit(n.children as ParagraphContent[]);
    }
  };
  for (const c of r.tree.children) if (c.type !== 'footnotes' && 'children' in c) visit(c.children as ParagraphContent[]);
  const byNumber = new Map(footnotesOf(r.tree).map((f) => [f.number, f]));
  return order.map((n) => words(readableText(byNumber.get(n)?.children ?? [])));
}

/** A .docx LibreOffice wrote, read by our reader: the body's words (footnote calls and emphasis marks left out) and each footnote's words. */
function docxWords(bytes: Uint8Array): { body: string[]; footnotes: string[][] } {
  const lines = docxToText(bytes, 'libreoffice.docx').text.split('\n').filter((l) => l.trim());
  const clean = (l: string) => l.replace(/\u200b/g, '').replace(/\[\^\d+\]/g, '').replace(/<sup>\d+<\/sup>/g, '').replace(/(?<!\\)\*+/g, '').replace(/\\\*/g, '*');
  const notes = lines.filter((l) => /^\[\^\d+\]: /.test(l));
  const body = lines.filter((l) => !/^\[\^\d+\]: /.test(l));
  return { body: words(body.map(clean).join('\n')), footnotes: notes.map((l) => words(clean(l.replace(/^\[\^\d+\]: /, '')))) };
}

describe.skipIf(missing !== null)('LibreOffice accepts and rejects our tracked changes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'palimpsest-lo-'));
  let seconds = 0;
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  beforeAll(() => {
    const inputs = PAIRS.map(([a, b], k) => {
      const path = join(dir, `pair${k}.docx`);
      writeFileSync(path, comparisonDocx(bySymbol(a), bySymbol(b)));
      return path;
    });
    const started = performance.now();
    const run = spawnSync(PYTHON, ['tests/export/lo/accept-reject.py', inputs[0]!, dir, ...inputs.slice(1)], { encoding: 'utf8', timeout: 180_000 });
    seconds = (performance.now() - started) / 1000;
    if (run.status !== 0) throw new Error(`LibreOffice failed (${run.status}): ${run.stderr}`);
  }, 240_000);

  PAIRS.forEach(([a, b], k) => {
    it(`accepting every change of ${a} → ${b} gives ${b}, word for word`, () => {
      const got = docxWords(readFileSync(join(dir, `pair${k}.accepted.docx`)));
      expect(got.body).toEqual(bodyWords(bySymbol(b)));
      expect(got.footnotes).toEqual(footnoteWords(bySymbol(b)));
    });

    it(`rejecting every change of ${a} → ${b} gives ${a}, word for word`, () => {
      const got = docxWords(readFileSync(join(dir, `pair${k}.rejected.docx`)));
      expect(got.body).toEqual(bodyWords(bySymbol(a)));
      expect(got.footnotes).toEqual(footnoteWords(bySymbol(a)));
    });
  });

  it('runs LibreOffice once for all of them, in reasonable time', () => {
    // One soffice process for the four conversions (measured about 6 s on 2 cores).
    expect(seconds).toBeLessThan(120);
  });
});
