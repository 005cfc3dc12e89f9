/**
 * Applying phrase edits to the words of a paragraph, shared by the benchmark
 * generators (scripts/bench-align.ts, scripts/gen-corpus.ts): each decides
 * where to edit in its own way; this writes the result, carrying a struck
 * run's closing punctuation over to what replaced it.
 */
export interface PhraseEdits {
  /** Phrases inserted before word k. */
  before: Map<number, string[]>;
  /** Runs of `len` words from word k replaced by `by` (struck when empty). */
  replaced: Map<number, { len: number; by: string[] }>;
}

export function applyPhraseEdits(words: readonly string[], { before, replaced }: PhraseEdits): string[] {
  const out: string[] = [];
  for (let x = 0; x < words.length; ) {
    out.push(...(before.get(x) ?? []));
    const rep = replaced.get(x);
    if (!rep) {
      out.push(words[x]!);
      x++;
      continue;
    }
    const tail = /[,;:.]+$/.exec(words[x + rep.len - 1]!)?.[0] ?? '';
    const by = [...rep.by];
    if (by.length && tail) by[by.length - 1] += tail;
    else if (!by.length && tail && out.length) out[out.length - 1] = out[out.length - 1]!.replace(/[,;:.]*$/, tail);
    out.push(...by);
    x += rep.len;
  }
  return out;
}
