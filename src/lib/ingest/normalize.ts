/**
 * Line-preserving clean-up of converter noise before the markdown parser sees
 * the text. Every rule keeps the number of lines, so positions reported by
 * remark still point at the right line of the source file.
 *
 * The main job is footnote markers, which converters write in many ways:
 * Unicode superscripts (¹²), HTML (<sup>12</sup>), LaTeX ($^{12}$, $^{^{12}}$),
 * markdown footnotes ([^12]). All become one private-use token, so the tree
 * builder finds footnote calls and footnote texts with one rule.
 */

/** Start and end of a footnote marker token: U+E000 digits U+E001. */
export const FOOTNOTE_OPEN = '\uE000';
export const FOOTNOTE_CLOSE = '\uE001';

export const footnoteToken = (n: number | string): string => `${FOOTNOTE_OPEN}${n}${FOOTNOTE_CLOSE}`;

/** Matches one footnote token; group 1 is the number. */
export const FOOTNOTE_TOKEN = /\uE000(\d+)\uE001/g;

const SUPERSCRIPT_DIGITS: Record<string, string> = {
  '⁰': '0', '¹': '1', '²': '2', '³': '3', '⁴': '4', '⁵': '5', '⁶': '6', '⁷': '7', '⁸': '8', '⁹': '9',
};

/** "3,4" → two tokens. */
const tokens = (list: string): string => list.split(/\s*,\s*/).map((n) => footnoteToken(n)).join('');

export interface NormalizeRule {
  name: string;
  apply(line: string): string;
}

/** The rules, in order. Each works on one line and never adds or removes lines. */
export const NORMALIZE_RULES: readonly NormalizeRule[] = [
  {
    name: 'html-sup',
    // <sup>12</sup>, <sup> 12 </sup>, <SUP>12</SUP>
    apply: (line) => line.replace(/<sup>\s*(\d{1,4})\s*<\/sup>/gi, (_, n: string) => footnoteToken(n)),
  },
  {
    name: 'latex-superscript',
    // $^{12}$, $^{^{12}}$, $^12$, $\,^{12}$, \textsuperscript{12}
    apply: (line) =>
      line
        .replace(/\$\s*(?:\\,)?\s*\^\s*\{?\s*(?:\^\s*\{?\s*)?(\d{1,4}(?:\s*,\s*\d{1,4})*)\s*\}?\s*\}?\s*\$/g, (_, n: string) => tokens(n))
        .replace(/\^\{\s*(\d{1,4}(?:\s*,\s*\d{1,4})*)\s*\}/g, (_, n: string) => tokens(n))
        .replace(/\\textsuperscript\{\s*(\d{1,4}(?:\s*,\s*\d{1,4})*)\s*\}/g, (_, n: string) => tokens(n)),
  },
  {
    name: 'markdown-footnote',
    // [^12]: at the start of a line is a footnote text; [^12] elsewhere a call.
    apply: (line) =>
      line
        .replace(/^(\s*)\[\^(\d{1,4})\]:\s*/, (_, ws: string, n: string) => `${ws}${footnoteToken(n)} `)
        .replace(/\[\^(\d{1,4})\]/g, (_, n: string) => footnoteToken(n)),
  },
  {
    name: 'unicode-superscript',
    apply: (line) =>
      line.replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹]+/g, (digits) => footnoteToken([...digits].map((d) => SUPERSCRIPT_DIGITS[d]).join(''))),
  },
  {
    name: 'latex-emphasis',
    apply: (line) =>
      line
        .replace(/\\(?:textit|emph)\{([^{}]*)\}/g, '*$1*')
        .replace(/\\textbf\{([^{}]*)\}/g, '**$1**'),
  },
  {
    name: 'html-formatting',
    // Formatting tags carry no words: turn emphasis into markdown, drop the rest.
    apply: (line) =>
      line
        .replace(/<\/?(?:i|em)>/gi, '*')
        .replace(/<\/?(?:b|strong)>/gi, '**')
        .replace(/<br\s*\/?>/gi, ' ')
        .replace(/<\/?(?:span|p|div|font|u|small|big)(?:\s[^<>]*)?>/gi, ''),
  },
  {
    name: 'trailing-space',
    // Trailing double spaces are markdown hard breaks left by converters.
    apply: (line) => line.replace(/[ \t\u00a0]+$/, ''),
  },
  {
    name: 'odd-spaces',
    apply: (line) => line.replace(/[\u00a0\u2000-\u200a\u202f\u205f\u3000]/g, ' ').replace(/[\u200b\u200c\u200d\u2060\ufeff]/g, ''),
  },
];

/** Apply every rule to every line. The result has exactly as many lines as the input. */
export function normalizeText(text: string, rules: readonly NormalizeRule[] = NORMALIZE_RULES): string {
  return text
    .split('\n')
    .map((line) => rules.reduce((acc, rule) => rule.apply(acc), line))
    .join('\n');
}
