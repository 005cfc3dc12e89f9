/**
 * A synthetic corpus of a given size, made from the real paragraphs of
 * content/, for the benchmark (scripts/bench.ts) and for tests at scale.
 *
 *   node scripts/gen-corpus.ts --versions N [--seed S] --out DIR [--source content]
 *
 * The corpus is a set of series (recurring resolutions) of 5 to 30 versions.
 * The first version of a series draws its preambular and operative paragraphs
 * from the distinct paragraphs of the real corpus (parsed by the core); each
 * later version evolves from the one before by the changes real series show:
 * paragraphs inserted (from elsewhere in the corpus), deleted, moved, split at
 * a comma, merged with ", and", and reworded by phrase-level edits (a run of
 * words replaced, struck or inserted); session ordinals ("seventy-fifth" →
 * "seventy-sixth"), recent resolution numbers (75/196 → 76/187) and years move
 * forward with the session.
 *
 * Each version is written in one of the formats the parser reads:
 *
 * - an adopted resolution (A/RES/s/n), one file;
 * - a draft L-document (A/C.3/s/L.k), one file, and sometimes its revision
 *   (A/C.3/s/L.k/Rev.1) in a second file, in the same session;
 * - a recommended draft in a report of the Third Committee (a revision, Rev.1 or
 *   Rev.2, when the draft was filed on its own earlier in the session): section II tells
 *   each draft's history, section III holds several drafts ("Draft resolution
 *   I", "II", ...), with drafts of several series in one report.
 *
 * Within a session a series may go draft → revised draft → recommended; an
 * adopted resolution is always the only version of its session (the grouping
 * never puts two base symbols of one session together).
 *
 * Deterministic: a seeded PRNG, the source files in name order, no clock and
 * no hash order; the same arguments give byte-identical files. The generator
 * also writes DIR/.palimpsest-gen.json (not a document: the loader reads only
 * .txt and .md) with the truth: each series and, per version, its file,
 * position in the file, symbol and paragraph counts.
 */
import { applyPhraseEdits } from './lib/edits.ts';
import { mulberry32 } from './lib/random.ts';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseBytes } from '../src/lib/index.ts';
import { unitsOf } from '../src/lib/align/units.ts';
import { ordinalValue } from '../src/lib/diff/classify.ts';
import { detectOperativeVerb } from '../src/lib/lexicon.ts';

export interface GenOptions {
  versions: number;
  seed: number;
  /** The real corpus the paragraphs come from. */
  source?: string;
}

export interface GenVersion {
  file: string;
  /** 1-based position of the text in its file (the parser's record position). */
  position: number;
  symbol: string;
  /** The title as printed (ordinals in it move forward too). */
  title: string;
  stage: 'draft' | 'revised-draft' | 'recommended' | 'adopted';
  session: number;
  preamble: number;
  operative: number;
}

export interface GenSeries {
  /** The title of the first version. */
  title: string;
  versions: GenVersion[];
}

export interface GenResult {
  /** File name → text, in name order. */
  files: Map<string, string>;
  series: GenSeries[];
}

// ---------------------------------------------------------------------------
// Randomness

export { mulberry32 };

type Rnd = () => number;
const int = (rnd: Rnd, lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
const pickOne = <T>(rnd: Rnd, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
/** Poisson-like small count with the given mean. */
function count(rnd: Rnd, mean: number): number {
  let n = 0;
  let p = Math.exp(-mean);
  let s = p;
  const u = rnd();
  while (u > s && n < 20) {
    n++;
    p *= mean / n;
    s += p;
  }
  return n;
}

// ---------------------------------------------------------------------------
// Ordinals, years, resolution numbers

const UNIT_ORD = ['', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth'];
const TEEN_ORD = ['tenth', 'eleventh', 'twelfth', 'thirteenth', 'fourteenth', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'nineteenth'];
const TENS_CARD = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const TENS_ORD = ['', '', 'twentieth', 'thirtieth', 'fortieth', 'fiftieth', 'sixtieth', 'seventieth', 'eightieth', 'ninetieth'];

/** 76 → "seventy-sixth" (1..99). */
export function ordinalWord(n: number): string {
  if (n < 10) return UNIT_ORD[n]!;
  if (n < 20) return TEEN_ORD[n - 10]!;
  const t = Math.floor(n / 10);
  const u = n % 10;
  return u === 0 ? TENS_ORD[t]! : `${TENS_CARD[t]}-${UNIT_ORD[u]}`;
}

const upperFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
const matchCase = (like: string, s: string) => (/^[A-Z]/.test(like) ? upperFirst(s) : s);

/** The year a session opens in: the seventy-sixth session opened in 2021. */
export const yearOf = (session: number) => session + 1945;

/**
 * Moves the references of a text by `shift` sessions: ordinal words of
 * sessions between `lo` and `hi` ("seventy-fifth session"), resolution numbers
 * of those sessions ("75/196", renumbered by `renumber`) and their years.
 */
function shiftReferences(text: string, shift: number, lo: number, hi: number, renumber: (session: number, n: number) => number): string {
  if (shift === 0) return text;
  return text
    .replace(/\b([A-Za-z]+(?:-[a-z]+)?)(\s+session)\b/g, (m, word: string, rest: string) => {
      const v = ordinalValue(word);
      if (v === null || v < lo || v > hi || /^\d/.test(word) || v + shift < 1 || v + shift > 99) return m;
      return matchCase(word, ordinalWord(v + shift)) + rest;
    })
    .replace(/\b(\d{2})\/(\d{1,3})\b/g, (m, s: string, n: string) => {
      const v = Number(s);
      if (v < lo || v > hi || v + shift < 10 || v + shift > 99) return m;
      return `${v + shift}/${renumber(v + shift, Number(n))}`;
    })
    .replace(/\b(19[5-9]\d|20\d\d)\b/g, (m, y: string) => {
      const v = Number(y);
      if (v < yearOf(lo) || v > yearOf(hi) + 1) return m;
      return String(v + shift);
    });
}

// ---------------------------------------------------------------------------
// The pool of real paragraphs

interface Pool {
  preamble: string[];
  operative: string[];
  /** Words of all paragraphs, for phrases to insert. */
  words: string[][];
  titles: string[];
  /** The session the pool's texts mostly belong to (references are anchored to it). */
  session: number;
}

const poolCache = new Map<string, Pool>();

export function loadPool(source: string): Pool {
  const dir = resolve(source);
  const hit = poolCache.get(dir);
  if (hit) return hit;
  const files = readdirSync(dir).filter((f) => /\.(txt|md)$/i.test(f)).sort();
  const preamble: string[] = [];
  const operative: string[] = [];
  const titles = new Set<string>();
  const seen = new Set<string>();
  let sessions = 0;
  let texts = 0;
  for (const f of files) {
    const doc = parseBytes(readFileSync(join(dir, f)), f);
    for (const r of doc.resolutions) {
      if (r.stage === 'decision') continue;
      titles.add(r.title);
      if (r.session) (sessions += r.session), texts++;
      const u = unitsOf(r);
      for (const [list, out] of [[u.preamble, preamble], [u.operative, operative]] as const) {
        for (const p of list) {
          const t = p.text.replace(/\s+/g, ' ').trim();
          if (p.subparagraphs.length || t.split(' ').length < 8 || seen.has(t)) continue;
          seen.add(t);
          out.push(t);
        }
      }
    }
  }
  const pool: Pool = {
    preamble,
    operative,
    words: [...preamble, ...operative].map((t) => t.split(' ')),
    titles: [...titles].sort(),
    session: texts ? Math.round(sessions / texts) : 76,
  };
  poolCache.set(dir, pool);
  return pool;
}

// ---------------------------------------------------------------------------
// Paragraph edits

/** A phrase of k words cut from a random paragraph, without clause punctuation. */
function phrase(pool: Pool, k: number, rnd: Rnd): string[] {
  const src = pickOne(rnd, pool.words);
  const at = Math.floor(rnd() * Math.max(1, src.length - k));
  return src.slice(at, at + k).map((w) => w.replace(/[,;:.]+$/, '')).filter(Boolean);
}

/**
 * Phrase-level rewording: runs of 1–4 words replaced by a corpus phrase,
 * struck, or a phrase inserted, until about `level` of the words are struck.
 * The first words (the lead or verb) are left alone most of the time.
 */
function reword(pool: Pool, text: string, level: number, rnd: Rnd): string {
  const words = text.split(' ');
  const n = words.length;
  if (n < 6) return text;
  let budget = Math.max(1, Math.round(n * level));
  const touched = new Uint8Array(n);
  const before = new Map<number, string[]>();
  const replaced = new Map<number, { len: number; by: string[] }>();
  for (let guard = 0; budget > 0 && guard < 200; guard++) {
    const k = Math.min(budget, 1 + Math.floor(rnd() * 4));
    const at = 2 + Math.floor(rnd() * (n - 2));
    const r = rnd();
    if (r < 0.2) {
      if (touched[at] || touched[at - 1] || before.has(at)) continue;
      before.set(at, phrase(pool, k, rnd));
      budget -= 1;
      continue;
    }
    if (at + k > n) continue;
    let free = true;
    for (let x = at; x < at + k; x++) if (touched[x] || before.has(x)) free = false;
    if (!free) continue;
    for (let x = at; x < at + k; x++) touched[x] = 1;
    replaced.set(at, { len: k, by: r < 0.8 ? phrase(pool, Math.max(1, k - 1 + Math.floor(rnd() * 3)), rnd) : [] });
    budget -= k;
  }
  const out = applyPhraseEdits(words, { before, replaced });
  return out.join(' ');
}

/** Splits a text at the comma nearest its middle, or null. */
function splitText(text: string, end: string): [string, string] | null {
  const mid = text.length / 2;
  let best = -1;
  for (let k = text.indexOf(', '); k !== -1; k = text.indexOf(', ', k + 1)) if (best === -1 || Math.abs(k - mid) < Math.abs(best - mid)) best = k;
  if (best < text.length * 0.25 || best > text.length * 0.75) return null;
  const second = text.slice(best + 2);
  // An operative part keeps a verb of its own: "Also requests ...".
  return [`${text.slice(0, best)}${end}`, end === ';' && !detectOperativeVerb(upperFirst(second)) ? `Also stresses that ${second}` : upperFirst(second)];
}

/** Puts the punctuation a paragraph of its section ends with. */
function ending(text: string, end: string): string {
  return text.replace(/[\s,;:.]*$/, '') + end;
}

interface Version {
  session: number;
  preamble: string[];
  operative: string[];
}

function evolveList(pool: Pool, list: string[], source: string[], end: string, rnd: Rnd, scale: number): string[] {
  let items = [...list];
  // Reworded paragraphs: a few per version, each at 5–30% of its words.
  items = items.map((t) => (rnd() < 0.15 ? reword(pool, t, 0.05 + rnd() * 0.25, rnd) : t));
  for (let k = count(rnd, 0.8 * scale); k > 0 && items.length > 4; k--) items.splice(Math.floor(rnd() * items.length), 1);
  if (rnd() < 0.2 && items.length > 4) {
    const at = Math.floor(rnd() * (items.length - 1));
    items.splice(at, 2, `${items[at]!.replace(/[,;.]\s*$/, '')}, and ${lowerFirst(items[at + 1]!)}`);
  }
  if (rnd() < 0.2) {
    const at = Math.floor(rnd() * items.length);
    const parts = splitText(items[at]!, end);
    if (parts) items.splice(at, 1, ...parts);
  }
  for (let k = count(rnd, 0.5 * scale); k > 0 && items.length > 1; k--) {
    const [it] = items.splice(Math.floor(rnd() * items.length), 1);
    items.splice(Math.floor(rnd() * items.length), 0, it!);
  }
  for (let k = count(rnd, 1.2 * scale); k > 0; k--) items.splice(Math.floor(rnd() * (items.length + 1)), 0, pickOne(rnd, source));
  return items.map((t) => ending(t, end));
}

// ---------------------------------------------------------------------------
// Titles

const TITLE_TOPICS = [
  'victims', 'migrants', 'firearms', 'cybercrime', 'corruption', 'piracy', 'wildlife', 'cultural property', 'organs', 'prisons', 'juveniles',
  'legal aid', 'forensic science', 'money-laundering', 'terrorism', 'drugs', 'trafficking in persons', 'women and girls', 'children', 'older persons',
  'persons with disabilities', 'indigenous peoples', 'human rights defenders', 'journalists', 'refugees', 'returnees', 'minorities', 'migrant workers',
  'the rule of law', 'sport', 'education', 'statistics', 'development', 'criminal justice', 'restorative justice', 'alternatives to imprisonment',
  'fisheries crime', 'fraudulent medicines', 'precious metals', 'timber', 'waste', 'kidnapping', 'extortion', 'urban crime', 'road safety',
];
const TITLE_REGIONS = ['', 'in Africa', 'in the Sahel', 'in Central America', 'in the Caribbean', 'in South-East Asia', 'in small island developing States', 'in post-conflict societies', 'at sea', 'online'];
const TITLE_HEADS = [
  'Strengthening international cooperation against crimes affecting',
  'Technical assistance for preventing crimes affecting',
  'Preventing and combating crimes affecting',
  'Protection of',
  'Integrating the protection of',
  'Follow-up to the Conference on',
  'Measures to promote access to justice for',
  'Countering illicit trafficking related to',
];

/** A title for series k: a real title now and then, otherwise a head, a topic and a region. */
function seriesTitle(pool: Pool, k: number, rnd: Rnd): { title: string; ordinal: boolean } {
  if (k < pool.titles.length && rnd() < 0.5) return { title: pool.titles[k]!, ordinal: /\b(?:[A-Z][a-z]+teenth|Twelfth|Eleventh|Tenth)\b/.test(pool.titles[k]!) };
  const head = pickOne(rnd, TITLE_HEADS);
  const topics = [pickOne(rnd, TITLE_TOPICS), pickOne(rnd, TITLE_TOPICS)].filter((t, i, a) => a.indexOf(t) === i);
  const region = pickOne(rnd, TITLE_REGIONS);
  const ordinal = head.startsWith('Follow-up');
  const base = ordinal ? `Follow-up to the ${upperFirst(ordinalWord(int(rnd, 2, 9)))} Conference on ${topics.join(' and ')}` : `${head} ${topics.join(' and ')}`;
  return { title: `${base}${region ? ` ${region}` : ''}`, ordinal };
}

// ---------------------------------------------------------------------------
// Formats

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const STATES = [
  'Argentina', 'Austria', 'Belarus', 'Belize', 'Brazil', 'Chile', 'Colombia', 'Costa Rica', 'Cyprus', 'Egypt', 'France', 'Germany', 'Ghana', 'Greece',
  'Honduras', 'Hungary', 'Italy', 'Japan', 'Kenya', 'Malawi', 'Mexico', 'Morocco', 'Nigeria', 'Norway', 'Peru', 'Philippines', 'Portugal', 'Qatar',
  'Senegal', 'Slovenia', 'Spain', 'Thailand', 'Tunisia', 'Ukraine', 'Uruguay', 'Zambia', 'Zimbabwe',
];
const AGENDA = [
  { item: 108, name: 'Crime prevention and criminal justice' },
  { item: 109, name: 'International drug control' },
  { item: 70, name: 'Promotion and protection of human rights' },
  { item: 27, name: 'Social development' },
];

const dateText = (day: number, month: number, year: number) => `${day} ${MONTHS[month - 1]} ${year}`;
const ordinalSuffix = (n: number) => `${n}${n % 100 >= 11 && n % 100 <= 13 ? 'th' : ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
const listStates = (xs: readonly string[]) => (xs.length === 1 ? xs[0]! : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`);

/** The body of a resolution text: title, opening, preamble, operative part. */
function body(v: Version, italic: boolean): string {
  const out: string[] = ['The General Assembly,', ''];
  for (const p of v.preamble) out.push(p, '');
  v.operative.forEach((p, i) => {
    const text = i === v.operative.length - 1 ? ending(p, '.') : p;
    const verb = italic ? detectOperativeVerb(text) : null;
    out.push(`${i + 1}. ${verb ? `*${verb}*${text.slice(verb.length)}` : text}`, '');
  });
  return out.join('\n');
}

function sponsorsOf(rnd: Rnd): string[] {
  const xs = [...STATES];
  const n = int(rnd, 2, 7);
  const out: string[] = [];
  for (let k = 0; k < n; k++) out.push(xs.splice(Math.floor(rnd() * xs.length), 1)[0]!);
  return out.sort();
}

// ---------------------------------------------------------------------------
// The generator

type Step = 'adopted' | 'draft' | 'revised' | 'report';

interface Planned {
  series: number;
  version: Version;
  title: string;
  step: Step;
  sponsors: string[];
  agenda: (typeof AGENDA)[number];
  italic: boolean;
  /** Set when written. */
  out?: GenVersion;
}

export function generate(options: GenOptions): GenResult {
  const pool = loadPool(options.source ?? join(import.meta.dirname, '..', 'content'));
  const rnd = mulberry32(options.seed);
  const total = Math.max(1, Math.floor(options.versions));

  // Series lengths: 5 to 30, the last one takes what is left.
  const lengths: number[] = [];
  for (let left = total; left > 0; ) {
    let k = int(rnd, 5, 30);
    if (left - k < 5) k = left <= 30 ? left : left - 5;
    lengths.push(k);
    left -= k;
  }

  const planned: Planned[] = [];
  const series: GenSeries[] = [];
  const usedTitles = new Set<string>();
  lengths.forEach((len, s) => {
    let { title, ordinal } = seriesTitle(pool, s, rnd);
    for (let k = 2; usedTitles.has(title); k++) title = `${title.replace(/ \(\d+\)$/, '')} (${k})`;
    usedTitles.add(title);
    series.push({ title, versions: [] });
    // Sessions: the series ends at or before the eightieth session.
    const spanGuess = Math.ceil(len * 0.75);
    let session = Math.max(20, 80 - spanGuess - int(rnd, 0, 15));
    const shift0 = session - pool.session;
    const renumber = (sess: number, n: number) => 100 + ((n * 7919 + sess * 104729) % 200);
    const anchor = (t: string) => shiftReferences(t, shift0, pool.session - 12, pool.session + 2, renumber);
    const nPP = int(rnd, 8, 40);
    const nOP = int(rnd, 10, 60);
    const pp = [...pool.preamble];
    const op = [...pool.operative];
    const draw = (xs: string[], n: number) => Array.from({ length: Math.min(n, xs.length) }, () => anchor(xs.splice(Math.floor(rnd() * xs.length), 1)[0]!));
    let v: Version = { session, preamble: draw(pp, nPP).map((t) => ending(t, ',')), operative: draw(op, nOP).map((t) => ending(t, ';')) };
    const agenda = pickOne(rnd, AGENDA);
    const italic = rnd() < 0.5;
    let sponsors = sponsorsOf(rnd);
    let curTitle = title;
    let made = 0;
    let first = true;
    while (made < len) {
      // What this session holds for the series.
      const left = len - made;
      const r = rnd();
      const steps: Step[] = r < 0.3 ? ['adopted'] : r < 0.55 ? ['report'] : r < 0.7 ? ['draft'] : r < 0.9 ? ['draft', 'report'] : ['draft', 'revised', 'report'];
      const use = steps.slice(0, left);
      if (!first) {
        // A new session: references move forward, the text evolves.
        const gap = rnd() < 0.85 ? 1 : int(rnd, 2, 3);
        const prev = v.session;
        const move = (t: string) => shiftReferences(t, gap, prev - 3, prev + 2, renumber);
        v = { session: prev + gap, preamble: v.preamble.map(move), operative: v.operative.map(move) };
        if (ordinal) curTitle = shiftOrdinalTitle(curTitle, gap);
        if (rnd() < 0.3) sponsors = sponsorsOf(rnd);
      }
      use.forEach((step, k) => {
        if (!first) {
          const scale = k === 0 ? 1 : 0.3;
          const here = (t: string, end: string) => ending(shiftReferences(t, v.session - pool.session, pool.session - 12, pool.session + 2, renumber), end);
          const fresh = (xs: readonly string[], end: string) => (xs.length ? [0, 1, 2].map(() => here(pickOne(rnd, xs), end)) : []);
          v = {
            session: v.session,
            preamble: evolveList(pool, v.preamble, fresh(pool.preamble, ','), ',', rnd, scale),
            operative: evolveList(pool, v.operative, fresh(pool.operative, ';'), ';', rnd, scale),
          };
        }
        first = false;
        planned.push({ series: s, version: { ...v, preamble: [...v.preamble], operative: [...v.operative] }, title: curTitle, step, sponsors, agenda, italic });
        made++;
      });
    }
  });

  // Write: group by session, then give symbols and files.
  const files = new Map<string, string>();
  const sessions = [...new Set(planned.map((p) => p.version.session))].sort((a, b) => a - b);
  for (const session of sessions) {
    const year = yearOf(session);
    const here = planned.filter((p) => p.version.session === session);
    // L numbers per series in this session; resolution numbers from 150.
    const lOf = new Map<number, number>();
    let nextL = 2;
    let nextRes = 150 + int(rnd, 0, 30);
    for (const p of here) if (!lOf.has(p.series)) lOf.set(p.series, nextL++);
    const reportItems: { p: Planned; symbol: string; revised: boolean }[] = [];
    for (const p of here) {
      const L = lOf.get(p.series)!;
      const lSymbol = `A/C.3/${session}/L.${L}`;
      const ext = p.italic && p.step !== 'adopted' && rnd() < 0.3 ? 'md' : 'txt';
      if (p.step === 'adopted') {
        const n = nextRes;
        nextRes += int(rnd, 1, 4);
        const file = `ga${session}-${year}-resolution-${session}-${n}.${ext}`;
        const adoptedDay = int(rnd, 10, 20);
        const text = [
          `United Nations A/RES/${session}/${n}`, '', 'General Assembly', '', 'Distr.: General', dateText(int(rnd, 5, 25), 1, year + 1), '',
          `${upperFirst(ordinalWord(session))} session`, `Agenda item ${p.agenda.item}`, '', p.agenda.name, '',
          `Resolution adopted by the General Assembly on ${dateText(adoptedDay, 12, year)}`, '',
          `[*on the report of the Third Committee (A/${session}/${400 + L}, para. ${int(rnd, 10, 40)})*]`, '',
          `${session}/${n}. ${p.title}`, '', body(p.version, p.italic),
          `${ordinalSuffix(int(rnd, 40, 60))} plenary meeting`, dateText(adoptedDay, 12, year), '',
        ].join('\n');
        files.set(file, text);
        p.out = { file, position: 1, symbol: `A/RES/${session}/${n}`, title: p.title, stage: 'adopted', session, preamble: p.version.preamble.length, operative: p.version.operative.length };
      } else if (p.step === 'draft' || p.step === 'revised') {
        const revised = p.step === 'revised';
        const symbol = revised ? `${lSymbol}/Rev.1` : lSymbol;
        const file = `ga${session}-${year}-draft-resolution-l${L}${revised ? '-rev1' : ''}.${ext}`;
        const text = [
          `United Nations ${symbol}`, '', 'General Assembly', '', 'Distr.: Limited', dateText(revised ? int(rnd, 1, 5) : int(rnd, 10, 30), revised ? 11 : 10, year), '', 'Original: English', '',
          `${upperFirst(ordinalWord(session))} session`, 'Third Committee', `Agenda item ${p.agenda.item}`, p.agenda.name, '',
          `${listStates(p.sponsors)}: ${revised ? 'revised ' : ''}draft resolution`, '', p.title, '', body(p.version, p.italic),
        ].join('\n');
        files.set(file, text);
        p.out = { file, position: 1, symbol, title: p.title, stage: revised ? 'revised-draft' : 'draft', session, preamble: p.version.preamble.length, operative: p.version.operative.length };
      } else {
        // The Committee adopts a revision of what was filed: L.k when nothing was, L.k/Rev.1 after the draft, Rev.2 after Rev.1.
        const filed = here.some((q) => q.series === p.series && q.step === 'revised') ? 2 : here.some((q) => q.series === p.series && q.step === 'draft') ? 1 : 0;
        reportItems.push({ p, symbol: filed ? `${lSymbol}/Rev.${filed}` : lSymbol, revised: filed > 0 });
      }
    }
    // Reports of the Third Committee: up to 8 drafts each, by agenda item.
    for (const agenda of AGENDA) {
      const items = reportItems.filter((x) => x.p.agenda === agenda);
      for (let r = 0; r * 8 < items.length; r++) {
        const chunk = items.slice(r * 8, r * 8 + 8);
        const file = `ga${session}-${year}-third-committee-report-${agenda.item}${r ? `-${r + 1}` : ''}.txt`;
        const recParagraph = 2 + chunk.length * 2;
        const lines: string[] = [
          'General Assembly', '', 'Distr.: General', dateText(int(rnd, 24, 30), 11, year), '', 'Original: English', '',
          `${upperFirst(ordinalWord(session))} session`, `Agenda item ${agenda.item}`, '', agenda.name, '', 'Report of the Third Committee', '',
          `Rapporteur: Ms. ${pickOne(rnd, ['Ana', 'Maria', 'Sara', 'Lena'])} **${pickOne(rnd, ['Silva', 'Novak', 'Haddad', 'Tanaka'])}** (${pickOne(rnd, STATES)})`, '',
          'I. Introduction', '',
          `1. At its 2nd plenary meeting, on ${dateText(int(rnd, 15, 22), 9, year)}, the General Assembly, on the recommendation of the General Committee, decided to include in the agenda of its ${ordinalWord(session)} session the item entitled “${agenda.name}” and to allocate it to the Third Committee.`, '',
          'II. Consideration of proposals', '',
        ];
        const roman = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII'];
        let para = 2;
        chunk.forEach((x, k) => {
          const meeting = ordinalSuffix(40 + k);
          const day = int(rnd, 5, 20);
          lines.push(`${String.fromCharCode(65 + k)}. Draft resolution ${x.symbol}`, '');
          lines.push(`${para++}. At its ${meeting} meeting, on ${day} November, the Committee had before it a ${x.revised ? 'revised ' : ''}draft resolution entitled “${x.p.title}” (${x.symbol}), which was submitted by ${listStates(x.p.sponsors)}.`, '');
          lines.push(`${para++}. At the same meeting, the Committee adopted draft resolution ${x.symbol} (see para. ${recParagraph}, draft resolution ${roman[k]}).`, '');
          x.p.out = { file, position: k + 1, symbol: x.symbol, title: x.p.title, stage: 'recommended', session, preamble: x.p.version.preamble.length, operative: x.p.version.operative.length };
        });
        lines.push('III. Recommendations of the Third Committee', '', `${recParagraph}. The Third Committee recommends to the General Assembly the adoption of the following draft resolutions:`, '');
        chunk.forEach((x, k) => lines.push(`Draft resolution ${roman[k]}`, '', x.p.title, '', body(x.p.version, x.p.italic)));
        files.set(file, lines.join('\n'));
      }
    }
  }
  for (const p of planned) series[p.series]!.versions.push(p.out!);
  const sorted = new Map([...files.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return { files: sorted, series };
}

/** "Follow-up to the Fifth Conference" → "... Sixth ..." (each ordinal word moves by `gap`). */
function shiftOrdinalTitle(title: string, gap: number): string {
  return title.replace(/\b([A-Z][a-z]+(?:-[a-z]+)?)\b/g, (m) => {
    const v = ordinalValue(m);
    return v !== null && v + gap < 100 ? upperFirst(ordinalWord(v + gap)) : m;
  });
}

/** Writes the corpus into `out` (emptied first) with its truth file; returns what it wrote. */
export function writeCorpus(out: string, options: GenOptions): GenResult {
  const result = generate(options);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  for (const [name, text] of result.files) writeFileSync(join(out, name), text);
  writeFileSync(join(out, '.palimpsest-gen.json'), `${JSON.stringify({ seed: options.seed, versions: options.versions, series: result.series }, null, 1)}\n`);
  return result;
}

if (import.meta.main) {
  const args = process.argv.slice(2);
  const value = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
  const versions = Number(value('--versions'));
  const out = value('--out');
  if (!versions || !out) {
    console.error('usage: node scripts/gen-corpus.ts --versions N [--seed S] --out DIR [--source content]');
    process.exit(2);
  }
  const t = performance.now();
  const r = writeCorpus(out, { versions, seed: Number(value('--seed') ?? 1), source: value('--source') });
  const paragraphs = r.series.reduce((s, x) => s + x.versions.reduce((a, v) => a + v.preamble + v.operative, 0), 0);
  console.log(`${out}: ${r.files.size} files, ${r.series.length} series, ${versions} versions, ${paragraphs} paragraphs (${Math.round(performance.now() - t)} ms)`);
}
