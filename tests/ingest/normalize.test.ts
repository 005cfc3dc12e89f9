/**
 * normalizeText and NORMALIZE_RULES: each rule on real lines of the documents in content/.
 * Where the corpus has no instance of a markup variant (markdown [^n] footnotes, LaTeX
 * \textit, HTML <i>/<b>/<span>/<br>, odd spaces), the test takes a real line and rewrites
 * only its markup in that variant, and says so.
 */
import { describe, it, expect } from 'vitest';
import { normalizeText, NORMALIZE_RULES, footnoteToken, FOOTNOTE_TOKEN } from '../../src/lib/ingest/normalize.ts';
import { fixture } from './helpers.ts';

const T = footnoteToken;

/** Apply only the named rule. */
function rule(name: string, line: string): string {
  const r = NORMALIZE_RULES.find((x) => x.name === name);
  if (!r) throw new Error(`no rule named ${name}`);
  return r.apply(line);
}

// content/ga68-2013-third-committee-report.txt line 1746 (DR XI OP1) and 1753 (its footnote).
const GA68_OP1 = '1. *Takes note* of the report of the Secretary-General;³';
const GA68_FN3 = '³ A/68/127.';
// content/ga76-2021-resolution-76-187.txt line 264 (OP1, a two-digit mark) and line 30 (footnote 1).
const GA76_OP1 = '1. *Takes note with appreciation* of the report of the Secretary-General prepared pursuant to resolution [75/196](#),⁴⁰';
const GA76_FN1 = '¹ United Nations, *Treaty Series*, vols. 2225, 2237, 2241 and 2326, No. 39574.';
// content/ga75-2020-third-committee-report.md lines 813 and 823 (DR III OP1 and footnote 35).
const GA75_OP1 = '1. *Takes note with appreciation* of the report of the Secretary-General prepared pursuant to resolution [74/177](#);<sup>35</sup>';
const GA75_FN35 = '<sup>35</sup> [A/75/125](#).';
// content/ga72-2017-draft-resolution.txt line 211: footnote 23 with a double caret and a leading space.
const GA72_FN23 = ' $^{^{23}}$ See resolution 67/234 B.';
// content/ga68-2013-third-committee-report.txt line 927 (DR V PP1): ¹ ² ² and the combined ^{3,4}.
const GA68_927 =
  'Recalling the Universal Declaration of Human Rights,¹ the International Covenant on Economic, Social and Cultural Rights,² the International Covenant on Civil and Political Rights,² the Convention on the Rights of the Child,^{3,4} and all other relevant international treaties in this regard,';
// content/ga75-2020-third-committee-report.md line 416 (two trailing spaces) and line 7.
const GA75_416 = '**Draft resolution II**  ';
const GA75_7 = 'Distr.: General  ';

describe('footnote token', () => {
  it('is U+E000, the digits, U+E001', () => {
    expect(T(12)).toBe('\uE00012\uE001');
    expect([...T('3').matchAll(FOOTNOTE_TOKEN)].map((m) => m[1])).toEqual(['3']);
  });
});

describe('rule unicode-superscript', () => {
  it('turns a superscript call at the end of an OP into a token', () => {
    expect(rule('unicode-superscript', GA68_OP1)).toBe(`1. *Takes note* of the report of the Secretary-General;${T(3)}`);
  });

  it('turns the superscript that opens a footnote text into a token', () => {
    expect(rule('unicode-superscript', GA68_FN3)).toBe(`${T(3)} A/68/127.`);
    expect(rule('unicode-superscript', GA76_FN1)).toBe(`${T(1)} United Nations, *Treaty Series*, vols. 2225, 2237, 2241 and 2326, No. 39574.`);
  });

  it('reads consecutive superscript digits as one number (⁴⁰ is footnote 40)', () => {
    expect(rule('unicode-superscript', GA76_OP1)).toMatch(new RegExp(`\\[75/196\\]\\(#\\),${T(40)}$`));
  });

  it('reads each separated superscript of one line as its own call', () => {
    const out = normalizeText(GA68_927);
    expect([...out.matchAll(FOOTNOTE_TOKEN)].map((m) => Number(m[1]))).toEqual([1, 2, 2, 3, 4]);
  });
});

describe('rule html-sup', () => {
  it('turns <sup>35</sup> after an OP into a token', () => {
    expect(rule('html-sup', GA75_OP1)).toBe(
      `1. *Takes note with appreciation* of the report of the Secretary-General prepared pursuant to resolution [74/177](#);${T(35)}`,
    );
  });

  it('turns the <sup> that opens a footnote text into a token', () => {
    expect(rule('html-sup', GA75_FN35)).toBe(`${T(35)} [A/75/125](#).`);
  });

  it('accepts upper case and inner spaces (the ga75 line 487 ending ":<sup>10</sup>" rewritten as <SUP> 10 </SUP>)', () => {
    expect(rule('html-sup', 'organ transplantation:<SUP> 10 </SUP>')).toBe(`organ transplantation:${T(10)}`);
  });
});

describe('rule latex-superscript', () => {
  it('turns the double-caret $^{^{23}}$ of ga72 line 211 into a token, keeping the rest of the line', () => {
    expect(rule('latex-superscript', GA72_FN23)).toBe(` ${T(23)} See resolution 67/234 B.`);
  });

  it('turns the combined ^{3,4} of ga68 line 927 into two tokens', () => {
    expect(rule('latex-superscript', GA68_927)).toContain(`the Convention on the Rights of the Child,${T(3)}${T(4)} and all other relevant`);
  });

  it('turns the single-caret form $^{23}$ (ga72 line 211 rewritten) into a token', () => {
    expect(rule('latex-superscript', '$^{23}$ See resolution 67/234 B.')).toBe(`${T(23)} See resolution 67/234 B.`);
  });
});

describe('rule markdown-footnote (ga75 lines 813 and 823 rewritten with [^35])', () => {
  it('turns a call [^35] into a token', () => {
    const line = GA75_OP1.replace('<sup>35</sup>', '[^35]');
    expect(rule('markdown-footnote', line)).toBe(
      `1. *Takes note with appreciation* of the report of the Secretary-General prepared pursuant to resolution [74/177](#);${T(35)}`,
    );
  });

  it('turns a definition "[^35]: text" at the start of a line into a footnote text', () => {
    expect(rule('markdown-footnote', '[^35]: [A/75/125](#).')).toBe(`${T(35)} [A/75/125](#).`);
  });
});

describe('rule latex-emphasis (ga68 line 1746 rewritten with LaTeX emphasis)', () => {
  it('turns \\textit{...} and \\emph{...} into markdown emphasis', () => {
    expect(rule('latex-emphasis', '1. \\textit{Takes note} of the report of the Secretary-General;³')).toBe(GA68_OP1);
    expect(rule('latex-emphasis', '1. \\emph{Takes note} of the report of the Secretary-General;³')).toBe(GA68_OP1);
  });

  it('turns \\textbf{...} into markdown strong', () => {
    expect(rule('latex-emphasis', '\\textbf{Draft resolution II}')).toBe('**Draft resolution II**');
  });
});

describe('rule html-formatting (real lines rewritten with HTML tags)', () => {
  it('turns <i>/<em> into markdown emphasis', () => {
    expect(rule('html-formatting', '1. <i>Takes note</i> of the report of the Secretary-General;³')).toBe(GA68_OP1);
    expect(rule('html-formatting', '1. <em>Takes note</em> of the report of the Secretary-General;³')).toBe(GA68_OP1);
  });

  it('turns <b>/<strong> into markdown strong', () => {
    expect(rule('html-formatting', '<b>Draft resolution II</b>')).toBe('**Draft resolution II**');
    expect(rule('html-formatting', '<strong>Draft resolution II</strong>')).toBe('**Draft resolution II**');
  });

  it('drops <span>, <p>, <font> tags but keeps every word between them', () => {
    const line = '<p><span class="c1">³</span> <font face="Times">A/68/127.</font></p>';
    expect(rule('html-formatting', line)).toBe(GA68_FN3);
  });

  it('turns <br> into a space (ga76 lines 7–8 "Distr.: General" / "11 January 2022" on one line)', () => {
    expect(rule('html-formatting', 'Distr.: General<br/>11 January 2022')).toBe('Distr.: General 11 January 2022');
  });

  it('does not touch tags that are not formatting, such as <script>', () => {
    expect(rule('html-formatting', '<script>alert(1)</script>')).toBe('<script>alert(1)</script>');
  });
});

describe('rule trailing-space', () => {
  it('drops the two trailing spaces of ga75 lines 416 and 7 (markdown hard breaks)', () => {
    expect(rule('trailing-space', GA75_416)).toBe('**Draft resolution II**');
    expect(rule('trailing-space', GA75_7)).toBe('Distr.: General');
  });

  it('keeps a line without trailing space as it is', () => {
    expect(rule('trailing-space', GA68_FN3)).toBe(GA68_FN3);
  });
});

describe('rule odd-spaces (ga68 line 1753 rewritten with odd spaces)', () => {
  it('turns a no-break space into a plain space and drops zero-width characters', () => {
    expect(rule('odd-spaces', '³\u00a0A/68/\u200b127.')).toBe(GA68_FN3);
  });
});

describe('normalizeText', () => {
  it('keeps the number of lines of a whole fixture (ga75 DR III, <sup> markers, --- rules, blank lines)', () => {
    const text = fixture('ga75-dr3-run-together.md');
    const out = normalizeText(text);
    expect(out.split('\n')).toHaveLength(text.split('\n').length);
    expect(out).not.toContain('<sup>');
    expect(out.split('\n')[17]).toBe(`${T(35)} [A/75/125](#).`);
  });

  it('keeps the number of lines of a fixture with Unicode superscripts and changes no line without markers', () => {
    const text = fixture('ga68-dr6-subparagraphs.txt');
    const inLines = text.split('\n');
    const outLines = normalizeText(text).split('\n');
    expect(outLines).toHaveLength(inLines.length);
    inLines.forEach((line, i) => {
      if (!/[⁰¹²³⁴⁵⁶⁷⁸⁹]/.test(line) && !/\s$/.test(line)) expect(outLines[i]).toBe(line);
    });
    expect(outLines[36]).toBe(`${T(15)} E/CN.15/2012/18.`);
  });

  it('applies the rules in order: trailing spaces after a <sup> call go too (ga75 line 813 with two spaces added)', () => {
    expect(normalizeText(`${GA75_OP1}  `)).toBe(rule('html-sup', GA75_OP1));
  });
});
