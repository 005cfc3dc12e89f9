/** Reading the facts UN documents state in words: dates, session ordinals, roman numerals, symbols. */

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

export const DATE_PATTERN = /\b(\d{1,2})\s+(January|February|March|April|May|June|July|August|September|October|November|December)\s+(\d{4})\b/;

/** "16 December 2021" → "2021-12-16". */
export function parseDate(text: string): string | null {
  const m = DATE_PATTERN.exec(text);
  if (!m) return null;
  const month = MONTHS.indexOf(m[2]!.toLowerCase()) + 1;
  return `${m[3]}-${String(month).padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
}

/** "5 November" with a known year → "2019-11-05". */
export function parseDayMonth(text: string, year: number | null): string | null {
  const full = parseDate(text);
  if (full) return full;
  const m = /\b(\d{1,2})\s+(January|February|March|April|May|June|July|August|September|October|November|December)\b/.exec(text);
  if (!m || year === null) return null;
  const month = MONTHS.indexOf(m[2]!.toLowerCase()) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
}

const UNITS: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16, seventeenth: 17,
  eighteenth: 18, nineteenth: 19,
};
const TENS: Record<string, number> = {
  twentieth: 20, thirtieth: 30, fortieth: 40, fiftieth: 50, sixtieth: 60, seventieth: 70, eightieth: 80, ninetieth: 90,
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const CARDINAL_UNITS: readonly string[] = ['', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];

/** "Seventy-fourth" → 74, "twelfth" → 12, "hundredth" → 100. */
export function ordinalToNumber(word: string): number | null {
  const w = word.toLowerCase().trim();
  if (w === 'hundredth') return 100;
  if (w in UNITS) return UNITS[w]!;
  if (w in TENS && w.endsWith('ieth')) return TENS[w]!;
  const m = /^([a-z]+)-([a-z]+)$/.exec(w);
  if (m && m[1]! in TENS && m[2]! in UNITS && UNITS[m[2]!]! < 10) return TENS[m[1]!]! + UNITS[m[2]!]!;
  return null;
}

/** 74 → "seventy-fourth". */
export function numberToOrdinal(n: number): string | null {
  const units = Object.entries(UNITS);
  if (n < 20) return units.find(([, v]) => v === n)?.[0] ?? null;
  if (n === 100) return 'hundredth';
  if (n > 100) return null;
  const tens = Math.floor(n / 10) * 10;
  const unit = n % 10;
  const tensOrdinal = Object.entries(TENS).find(([k, v]) => v === tens && k.endsWith('ieth'))?.[0];
  const tensCardinal = Object.entries(TENS).find(([k, v]) => v === tens && !k.endsWith('ieth'))?.[0];
  if (unit === 0) return tensOrdinal ?? null;
  const unitOrdinal = units.find(([, v]) => v === unit)?.[0];
  return tensCardinal && unitOrdinal ? `${tensCardinal}-${unitOrdinal}` : null;
}

export { CARDINAL_UNITS };

/** The session named by "Seventy-fourth session". */
export function parseSession(text: string): number | null {
  const m = /\b([A-Za-z]+(?:-[a-z]+)?)\s+session\b/.exec(text);
  return m ? ordinalToNumber(m[1]!) : null;
}

const ROMAN: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100 };

/** "VIII" → 8; null for anything that is not a well-formed roman numeral. */
export function romanToNumber(text: string): number | null {
  const s = text.toLowerCase();
  if (!/^[ivxlc]+$/.test(s)) return null;
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const v = ROMAN[s[i]!]!;
    const next = ROMAN[s[i + 1] ?? ''] ?? 0;
    total += v < next ? -v : v;
  }
  return numberToRoman(total) === s ? total : null;
}

export function numberToRoman(n: number): string {
  const table: [number, string][] = [[100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];
  let out = '';
  for (const [v, s] of table) while (n >= v) { out += s; n -= v; }
  return out;
}

/** A document symbol such as A/C.3/74/L.18/Rev.1 or A/RES/76/187. */
export const SYMBOL_PATTERN = /\bA\/(?:C\.\d\/)?(?:RES\/)?\d{1,3}\/(?:L\.\d+(?:\/Rev\.\d+)?(?:\/Add\.\d+)?|\d+(?:\/Rev\.\d+)?(?:\/Add\.\d+)?)\b/g;

/** All L-document symbols in a text, such as A/C.3/68/L.17 and A/C.3/68/L.17/Rev.1. "L.17 and Rev.1" gives both. */
export function lSymbols(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/\bA\/C\.\d\/\d{1,3}\/L\.\d+(?:\/Rev\.\d+)?/g)) {
    if (!out.includes(m[0])) out.push(m[0]);
    const tail = /^\s*(?:and|,)\s*\[?(Rev\.\d+)\]?/.exec(text.slice(m.index + m[0].length));
    if (tail) {
      const rev = `${m[0].replace(/\/Rev\.\d+$/, '')}/${tail[1]}`;
      if (!out.includes(rev)) out.push(rev);
    }
  }
  return out;
}
