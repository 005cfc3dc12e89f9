/**
 * A check's result as JSON, the form `palimpsest check --json` prints and the
 * check page downloads: { paragraphs: [{ id, status, sources, verb, phrases }],
 * summary }, sources best first (src/lib/check/agreed.ts).
 */
import type { CheckResult } from './agreed.ts';

export function checkJson(result: CheckResult): unknown {
  return {
    paragraphs: result.paragraphs.map((p) => ({
      id: p.id,
      status: p.status,
      sources: p.sources.map((s) => ({ symbol: s.symbol, version: s.version, paragraph: s.paragraph, year: s.year, stage: s.stage, similarity: s.similarity })),
      verb: p.verb,
      phrases: p.phrases.map((ph) => ({ text: ph.text, words: ph.words, symbol: ph.source.symbol, version: ph.source.version, paragraph: ph.source.paragraph, year: ph.source.year })),
    })),
    summary: result.summary,
  };
}
