/**
 * Footnotes printed as plain digits, found by evidence in the document.
 *
 * Converters that lose superscripts leave footnote calls as bare digits,
 * glued ("session,1", "Nations1 are") or spaced ("Rights, 1 the"), and
 * footnote texts as lines "1 See resolution 2200 A (XXI), annex." in the
 * middle of the text (PDF text) or as `[^1]:` definitions at the end
 * (Markdown). A digit is a footnote call only on evidence:
 *
 * - the document holds a footnote text with that number (rule `definitions`);
 * - footnotes are numbered in order through the document, so the call of
 *   footnote k comes after the call of k - 1 and, where texts stand at the foot
 *   of each page, before the text of k (rule `sequence`);
 * - the digits sit where calls sit: after a word or closing punctuation, not
 *   as a paragraph number, a date, a range or a reference such as
 *   "paragraphs 13 and 14" (rule `position`).
 *
 * Found calls and texts become the same private-use tokens as superscripts
 * (normalize.ts), so the tree builder reads every converter's footnotes alike.
 * The pass keeps the number of lines.
 */
import { FOOTNOTE_TOKEN, footnoteToken } from './normalize.ts';

export type FootnoteStyle = 'none' | 'marked' | 'bare-digits';

export interface FootnoteReport {
  /** How the calls were printed: marked (superscript, HTML, LaTeX, [^n]) or bare digits. */
  style: FootnoteStyle;
  /** Footnote texts in the document. */
  definitions: number;
  /** Footnote texts found as bare "N text" lines. */
  bareDefinitions: number;
  /** Calls found as bare digits. */
  bareCalls: number;
  /** Of those, calls taken on weaker evidence (spaced digits, a number glued to a year): boundaries guessed. */
  guessed: number;
  /** Footnote texts with no call found. */
  uncalled: number[];
  /** The weak calls, by 0-based line: where a person should look. */
  guesses: { line: number; number: number }[];
}

export interface MarkedFootnotes {
  text: string;
  report: FootnoteReport;
}

/** A line that is a footnote text already marked by a token: "\uE000N\uE001 text". */
const TOKEN_DEFINITION = /^(\s*)\uE000(\d+)\uE001/;
/** A bare footnote text: "12 CEDAW/C/GC/39.", "2 Ibid." (a number, a space, no full stop after the number). */
const BARE_DEFINITION = /^(\s*)(\d{1,3})[ \t]+(?=[^\s\d.)])/;
/** The line that ends a page's text before its footnotes: a rule on its own or glued to the end of a line. */
const SEPARATOR = /(?:^|\s)(?:-{3,}|_{3,}|\*\s?\*\s?\*)\s*$/;

const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December';
/** Words before a number that make it a reference, not a call: "paragraphs 13", "resolution 1325", "vol. 660". */
const REFERENCE_BEFORE = /(?:\b(?:paragraphs?|paras?\.|subparagraphs?|resolutions?|decisions?|articles?|arts?\.|Nos?\.|vol\.|volumes?|chap\.|chapters?|sections?|annex(?:es)?|principles?|Goals?|targets?|rules?|pages?|pp?\.|items?|parts?|Conventions? No\.|and|or|to|of|from|between|than|over|under|about|nearly|some|by|at|in|on|with|for|the|least|every|each|all)\s+)$/i;
/** Words after a number that make it a quantity, a date or a range. */
const QUANTITY_AFTER = new RegExp(`^\\s*(?:(?:and|to|or|–|-)\\s*\\d|(?:${MONTHS})\\b|per\\s*cent|percent|%|(?:years?|days?|months?|weeks?|hours?|minutes?|million|billion|thousand|hundred|times|countries|States|Member|members|persons|people|women|men|children|per|of\\s+the\\s+\\d)\\b)`);

interface Candidate {
  /** Offset of the digits in the text. */
  start: number;
  end: number;
  strong: boolean;
  /** Offset from which to replace (takes the space before a spaced call). */
  from: number;
}

/** The footnote texts of a document, by line: marked ones and bare "N text" lines that continue the numbering. */
function findDefinitions(lines: string[]): { defs: Map<number, number>; bare: Set<number>; reverted: Set<number> } {
  const defs = new Map<number, number>(); // number -> line index
  const bare = new Set<number>();
  const reverted = new Set<number>();
  let next = 1;
  let afterSeparator = false;
  let inFootnotes = false;
  let continuing = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line.trim()) { continuing = false; continue; }
    const token = TOKEN_DEFINITION.exec(line);
    if (token && /\S/.test(line.slice(token[0].length))) {
      const n = Number(token[2]);
      if (defs.size && n > next + 20 && n >= 1900 && n <= 2100) {
        // "[^1994]: (United Nations publication ...": a wrapped year taken for a footnote number.
        reverted.add(i);
        continue;
      }
      if (!defs.has(n)) defs.set(n, i);
      next = Math.max(next, n + 1);
      inFootnotes = continuing = true;
      continue;
    }
    const m = BARE_DEFINITION.exec(line);
    const n = m ? Number(m[2]) : 0;
    // The next number, or after a page's rule one a little further on (a converter lost a footnote text).
    if (m && (n === next ? afterSeparator || inFootnotes || gluedCallBefore(lines, i, n) : n > next && n <= next + 2 && afterSeparator && gluedCallBefore(lines, i, n))) {
      defs.set(n, i);
      bare.add(i);
      next = n + 1;
      inFootnotes = continuing = true;
      afterSeparator = false;
      continue;
    }
    // A footnote text wrapped onto the next line goes on; anything else ends the footnotes.
    if (continuing) continue;
    inFootnotes = false;
    afterSeparator = SEPARATOR.test(line);
  }
  return { defs, bare, reverted };
}

/** Is the number printed glued to a word somewhere above line i ("Nations1 are")? Evidence for a bare footnote text. */
function gluedCallBefore(lines: string[], i: number, n: number): boolean {
  const re = new RegExp(`[a-z\\u00df-\\u00ff,;)”’"](${n})(?![\\d\\p{L}/])`, 'u');
  for (let k = i - 1; k >= 0 && k >= i - 400; k--) if (re.test(lines[k]!)) return true;
  return false;
}

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
const isLower = (c: string | undefined) => c !== undefined && /\p{Ll}/u.test(c);
const CLOSERS = ')]”’"';

/** Is text[start, end) a call of a footnote by its position? */
function candidateAt(text: string, start: number, end: number): Candidate | null {
  const before = text[start - 1];
  const after = text[end];
  if (isDigit(after) || (after !== undefined && /[\p{L}/%]/u.test(after))) return null;
  if (after === '.' && isDigit(text[end + 1])) return null;
  if (isDigit(before)) return null;
  // Part of a document symbol or an abbreviated reference: "A/80/L.2/Rev.1", "Corr.1", "para.3".
  const word = /\S*$/.exec(text.slice(Math.max(0, start - 60), start))![0];
  if (word.includes('/') || /(?:^|[^\p{L}])(?:Rev|Corr|Add|Amend|Suppl|Nos?|paras?|vol|chap|arts?|sect|pp?|op)\.$/iu.test(word)) return null;
  // Glued: "Nations1", "Women,5", "girls12", "Development.2", "Treaty”3".
  if (isLower(before) || (before !== undefined && CLOSERS.includes(before))) return { start, end, strong: true, from: start };
  if (before === ',' || before === '.' || before === ';' || before === ':') {
    const b2 = text[start - 2];
    if (isLower(b2) || (b2 !== undefined && CLOSERS.includes(b2))) return { start, end, strong: true, from: start };
    // "for 2024,1", "September 2025;2"; not a decimal ("3.2") or a thousands group ("1,500").
    if (isDigit(b2) && (before === ';' || before === ':' || (before === ',' && end - start !== 3))) return { start, end, strong: true, from: start };
    return null;
  }
  // Spaced: "Rights, 1 the", "Development 11  and"; not a number that reads as part of the sentence.
  if (before !== ' ' && before !== '\t') return null;
  let s = start - 1;
  while (s > 0 && (text[s - 1] === ' ' || text[s - 1] === '\t') && start - s < 3) s--;
  const b = text[s - 1];
  if (!(isLower(b) || (b !== undefined && ',;:.'.includes(b)) || (b !== undefined && CLOSERS.includes(b)))) return null;
  if (b === '.' && !isLower(text[s - 2])) return null;
  const head = text.slice(Math.max(0, s - 40), s + 1);
  if (REFERENCE_BEFORE.test(head)) return null;
  const tail = text.slice(end, end + 40);
  if (QUANTITY_AFTER.test(tail)) return null;
  // A paragraph number glued into the line: "… Development.2 2. We acknowledge".
  if (/^\.\s+\p{Lu}/u.test(tail)) return null;
  return { start, end, strong: false, from: s };
}

/** Every place where the number n could be a call, from `from` on, in order. */
function* candidates(text: string, n: number, from: number): Generator<Candidate> {
  const digits = String(n);
  let i = text.indexOf(digits, from);
  while (i !== -1) {
    const c = candidateAt(text, i, i + digits.length);
    if (c) yield c;
    // A call glued to a year: "2024–203412" is the year 2034 and footnote 12.
    else if (i >= 4 && /^(?:19|20)\d\d$/.test(text.slice(i - 4, i)) && !isDigit(text[i - 5]) && !isDigit(text[i + digits.length])) {
      yield { start: i, end: i + digits.length, strong: false, from: i };
    }
    i = text.indexOf(digits, i + 1);
  }
}

export function markFootnotes(input: string): MarkedFootnotes {
  const lines = input.split('\n');
  const { defs, bare, reverted } = findDefinitions(lines);
  const marked = FOOTNOTE_TOKEN.test(input);
  FOOTNOTE_TOKEN.lastIndex = 0;
  const report: FootnoteReport = { style: defs.size ? (marked ? 'marked' : 'bare-digits') : 'none', definitions: defs.size, bareDefinitions: bare.size, bareCalls: 0, guessed: 0, uncalled: [], guesses: [] };
  if (!defs.size) return { text: input, report };

  // The text to search: every line but the footnote texts, with offsets kept (texts blanked to spaces).
  const defLines = new Set(defs.values());
  for (const i of reverted) lines[i] = lines[i]!.replace(TOKEN_DEFINITION, (_, ws: string, n: string) => `${ws}${n}`);
  for (const i of bare) lines[i] = lines[i]!.replace(BARE_DEFINITION, (_, ws: string, n: string) => `${ws}${footnoteToken(n)} `);
  const offsets: number[] = [];
  let offset = 0;
  for (const line of lines) { offsets.push(offset); offset += line.length + 1; }
  // A footnote text may wrap onto lines of its own; those are searched too, but a call never sits at a text's start.
  const searchable = lines.map((line, i) => (defLines.has(i) ? ' '.repeat(line.length) : line)).join('\n');

  const existing = new Map<number, number[]>();
  for (const m of searchable.matchAll(FOOTNOTE_TOKEN)) {
    const n = Number(m[1]);
    existing.set(n, [...(existing.get(n) ?? []), m.index]);
  }
  const replacements: Candidate[] = [];
  let pos = 0;
  const numbers = [...defs.keys()].sort((a, b) => a - b);
  numbers.forEach((n, k) => {
    const defOffset = offsets[defs.get(n)!]!;
    // Texts at the foot of each page: the call stands before its text.
    const limit = defOffset > pos ? defOffset : searchable.length;
    const marked = (existing.get(n) ?? []).find((o) => o >= pos);
    if (marked !== undefined) {
      // Called by a marked call already (a superscript, [^n]): nothing to guess.
      pos = marked + 1;
      return;
    }
    const tokenAt = (existing.get(n) ?? []).find((o) => o >= pos && o < limit);
    let chosen: Candidate | null = null;
    for (const c of candidates(searchable, n, pos)) {
      if (c.start >= limit || (tokenAt !== undefined && c.start > tokenAt)) break;
      if (c.strong) { chosen = c; break; }
      if (!chosen) {
        chosen = c;
        // A weak place is taken unless a glued call of the same number follows before the next footnote's call.
        const nextNumber = numbers[k + 1];
        const nextAt = nextNumber === undefined ? Infinity : firstCandidate(searchable, nextNumber, c.end);
        for (const d of candidates(searchable, n, c.end)) {
          if (d.start >= limit || d.start >= nextAt) break;
          if (d.strong) { chosen = d; break; }
        }
        break;
      }
    }
    if (tokenAt !== undefined && (!chosen || chosen.start > tokenAt)) {
      pos = tokenAt + 1;
      return;
    }
    if (!chosen) {
      report.uncalled.push(n);
      return;
    }
    replacements.push(chosen);
    report.bareCalls++;
    if (!chosen.strong) {
      report.guessed++;
      let line = 0;
      while (line + 1 < offsets.length && offsets[line + 1]! <= chosen.start) line++;
      report.guesses.push({ line, number: n });
    }
    pos = chosen.end;
  });

  let text = lines.join('\n');
  for (const c of replacements.sort((a, b) => b.start - a.start)) {
    text = text.slice(0, c.from) + footnoteToken(text.slice(c.start, c.end)) + text.slice(c.end);
  }
  return { text, report };
}

function firstCandidate(text: string, n: number, from: number): number {
  for (const c of candidates(text, n, from)) return c.start;
  return Infinity;
}
