/**
 * YAML front matter: the block between a first line `---` and the next line
 * `---` (or `...`) that converters put at the top of a file, with the
 * catalogue's symbol, date and title. Its fields are read with the `yaml`
 * package and its lines are blanked, so that the text that follows keeps its
 * line numbers and none of the catalogue's words is taken for the document's.
 */
import { parse as parseYaml } from 'yaml';

export interface FrontMatter {
  /** The fields as written, such as symbol, date, title. */
  data: Record<string, unknown>;
  /** First and last line of the block, 1-based, fences included. */
  lines: { start: number; end: number };
  /** The block's own text, fences included, for the record of passages. */
  text: string;
  /** Set when the fields could not be read: the block is still kept out of the text. */
  error: string | null;
}

export interface SplitFrontMatter {
  /** The text with the front matter's lines left empty (same number of lines). */
  text: string;
  frontMatter: FrontMatter | null;
}

const FENCE = /^---\s*$/;
const CLOSE = /^(?:---|\.\.\.)\s*$/;
/** Front matter is short; a first `---` with no close within this many lines is a rule, not a fence. */
const MAX_LINES = 80;

export function splitFrontMatter(text: string): SplitFrontMatter {
  const lines = text.split('\n');
  if (!FENCE.test(lines[0] ?? '')) return { text, frontMatter: null };
  let end = -1;
  for (let i = 1; i < Math.min(lines.length, MAX_LINES); i++) {
    if (CLOSE.test(lines[i]!)) { end = i; break; }
    // Front matter is `key: value` lines (and their indented continuations); prose means this was a rule.
    if (lines[i]!.trim() && !/^(?:[\w-]+\s*:|\s|-\s|#)/.test(lines[i]!)) return { text, frontMatter: null };
  }
  if (end < 1) return { text, frontMatter: null };
  const body = lines.slice(1, end).join('\n');
  let data: Record<string, unknown> = {};
  let error: string | null = null;
  try {
    const parsed: unknown = parseYaml(body, { schema: 'failsafe' });
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) data = parsed as Record<string, unknown>;
    else if (parsed !== null && parsed !== undefined) error = 'the front matter is not a list of fields';
  } catch (e) {
    error = `the front matter cannot be read as YAML (${(e as Error).message.split('\n')[0]})`;
  }
  const blanked = [...lines.slice(0, end + 1).map(() => ''), ...lines.slice(end + 1)].join('\n');
  return { text: blanked, frontMatter: { data, lines: { start: 1, end: end + 1 }, text: lines.slice(0, end + 1).join('\n'), error } };
}

/** A field's value as a string, or null. */
export function field(fm: FrontMatter | null, name: string): string | null {
  const v = fm?.data[name];
  return typeof v === 'string' && v.trim() ? v.trim() : null;
}

/**
 * The catalogue title without the library's trailing " :" (its subtitle
 * separator, "Title : subtitle :").
 */
export function catalogueTitle(fm: FrontMatter | null): string | null {
  const t = field(fm, 'title');
  return t ? t.replace(/\s*[:/]\s*$/, '').replace(/\s+:\s+/g, ': ') : null;
}
