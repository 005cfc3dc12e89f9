/**
 * From the text of one file to every resolution text in it.
 *
 * A file holds one resolution (an adopted resolution, a draft L-document) or a
 * report of the Third Committee with many: the recommended draft resolutions
 * and decisions of section III, and, in some reports, original drafts quoted
 * in full in section II. Every text starts with "The General Assembly"; the
 * parser finds those openings, reads the title and heading above each, and
 * ends each text where the next one, a section heading or the narration
 * begins. Whatever is not part of a resolution text is kept as a passage.
 */
import type { Diagnostic, DocumentForm, DocumentKind, ParsedDocument, Passage, Phrasing, ResolutionRecord, Stage } from '../model.ts';
import { normalizeText } from '../ingest/normalize.ts';
import type { DecodedText } from '../ingest/decode.ts';
import { textToBlocks, type Block, type BlockReport } from '../ingest/blocks.ts';
import { catalogueTitle, field, splitFrontMatter, type FrontMatter as YamlFrontMatter } from '../ingest/front-matter.ts';
import { markFootnotes } from '../ingest/footnotes.ts';
import { comparable, dropPageRules, findFurniture, PAGE_MARK } from './furniture.ts';
import { countCoverageWords, foldSpace, missingWords, phrasingToText, readableText, stripFootnoteTokens, coverageWords, WordBalance } from '../text.ts';
import { sliceInline, trimInline } from './inline.ts';
import { buildResolution } from './resolution.ts';
import { readDraftHistory, type DraftHistory } from './history.ts';
import { splitStateList } from './states.ts';
import { DATE_PATTERN, lSymbols, parseDate, parseSession, romanToNumber } from './meta.ts';
import { treeWords } from './words.ts';

const OPENING = /^[\s“"‘*_]*The General Assembly\s*(,|[*_]*\s*$|decides\b|takes note\b|requests\b|approves\b|recalls\b|welcomes\b|reaffirms\b)/;
const DRAFT_HEADING = /^[\s*_#]*Draft (resolution|decision)\b(?:\s+([IVXLC]+)\b)?[\s*_]*/i;
const SECTION_HEADING = /^[\s*_#]*(?:[IVX]+\.\s+[A-Z]|[A-Z]\.\s+Draft (?:resolution|decision)s?\b|Annex\b)/;
const ANNEX_START = /^[\s*_#]*Annex\b/;
const SINGLE_SYMBOL_TITLE = /^[\s*_]*(\d{1,3}\/\d{1,4})\.\s+/;

interface Span {
  /** Index of the opening block. */
  opening: number;
  /** Index of the first block of the title (or the opening when untitled). */
  start: number;
  /** Index after the last block. */
  end: number;
  title: Phrasing[];
  titleLine: number;
  /** Blocks (or parts of blocks) above the title that belong to the report's structure. */
  heading: { index: number; text: string } | null;
  numeral: string | null;
  kind: 'resolution' | 'decision';
  quoted: boolean;
  /** The narration block that introduced a quoted draft. */
  introduction: number | null;
  symbolFromTitle: string | null;
  /** The title stands on two blocks. */
  wrappedTitle?: boolean;
}

function joinInlineText(a: Phrasing[], b: Phrasing[]): Phrasing[] {
  return [...a, { type: 'text', value: ' ' }, ...b];
}

function isRule(b: Block | undefined): boolean {
  return b?.kind === 'rule';
}

function plainOf(b: Block): string {
  return foldSpace(stripFootnoteTokens(b.text));
}

function isFootnoteBlock(b: Block): boolean {
  return /^[\s“"]*\uE000\d+\uE001/.test(b.text);
}

/** Does the block look like a title: short, no closing punctuation of a paragraph, not numbered narration? */
function looksLikeTitle(b: Block): boolean {
  const t = plainOf(b);
  return b.kind !== 'html' && b.kind !== 'code' && t.length > 0 && t.length < 600 && b.marker === null && !/[,;:]$/.test(t) && !isFootnoteBlock(b) && !OPENING.test(b.text);
}

/** Find each resolution text: its opening, title, heading and extent. */
function findSpans(blocks: readonly Block[], annexes: boolean): Span[] {
  const spans: Span[] = [];
  blocks.forEach((b, i) => {
    if (b.marker !== null && /^\d/.test(b.marker)) return; // numbered narration such as "27. The General Assembly ..."
    const m = OPENING.exec(b.text);
    if (!m) return;
    // "The General Assembly" on a line of its own opens a resolution with no preamble ("Adopts the Declaration …").
    const isDecisionText = m[1] !== ',' && m[1]!.trim().replace(/[*_]/g, '') !== '';
    const quoted = /^[\s*_]*[“"‘]/.test(b.text);
    let j = i - 1;
    while (j >= 0 && (isRule(blocks[j]) || isFootnoteBlock(blocks[j]!))) j--;
    const prev = blocks[j];
    const span: Span = {
      opening: i, start: i, end: blocks.length, title: [], titleLine: b.line, heading: null, numeral: null,
      kind: isDecisionText ? 'decision' : 'resolution', quoted, introduction: null, symbolFromTitle: null,
    };
    if (isDecisionText && !quoted) {
      // A decision needs a heading or a recommendation above it, or it is narration.
      const above = [blocks[j], blocks[j - 1]].filter((x): x is Block => !!x).map(plainOf).join(' ');
      if (!/draft decision|Draft decision|decision/.test(above) && !looksLikeTitle(prev ?? b)) return;
    }
    if (prev && quoted && /which read:?$/.test(plainOf(prev))) {
      span.introduction = j;
      const entitled = /entitled [“"]([^”"]+)[”"]/.exec(prev.text);
      if (entitled) span.title = [{ type: 'text', value: entitled[1]! }];
      span.titleLine = prev.line;
    } else if (prev) {
      const head = DRAFT_HEADING.exec(prev.text);
      if (head && !prev.marker) {
        // "Draft resolution I **Title**" on one line.
        const rest = trimInline(sliceInline(prev.inline, head[0].length));
        span.heading = { index: j, text: plainOf(prev).slice(0, foldSpace(head[0]).length) };
        span.numeral = head[2] ?? null;
        span.kind = /decision/i.test(head[1]!) ? 'decision' : span.kind;
        if (rest.length && foldSpace(phrasingToText(rest)).replace(/[*_\s]/g, '')) {
          span.title = rest;
          span.titleLine = prev.line;
        }
        span.start = j;
      } else if (looksLikeTitle(prev) && !SINGLE_SYMBOL_TITLE.test(prev.text) && j >= 1 && SINGLE_SYMBOL_TITLE.test(blocks[j - 1]!.text) && looksLikeTitle(blocks[j - 1]!)) {
        // "80/8. Building a peaceful and better world through sport and the" / "Olympic ideal": a title wrapped onto a block of its own.
        const first = blocks[j - 1]!;
        const symbolTitle = SINGLE_SYMBOL_TITLE.exec(first.text)!;
        span.title = joinInlineText(trimInline(sliceInline(first.inline, symbolTitle[0].length)), trimInline(prev.inline));
        span.symbolFromTitle = `A/RES/${symbolTitle[1]}`;
        span.titleLine = first.line;
        span.start = j - 1;
        span.wrappedTitle = true;
      } else if (looksLikeTitle(prev)) {
        const symbolTitle = SINGLE_SYMBOL_TITLE.exec(prev.text);
        span.title = symbolTitle ? trimInline(sliceInline(prev.inline, symbolTitle[0].length)) : trimInline(prev.inline);
        span.symbolFromTitle = symbolTitle ? `A/RES/${symbolTitle[1]}` : null;
        span.titleLine = prev.line;
        span.start = j;
        let k = j - 1;
        while (k >= 0 && isRule(blocks[k])) k--;
        const above = blocks[k];
        const head2 = above ? DRAFT_HEADING.exec(above.text) : null;
        if (above && head2 && !above.marker && plainOf(above).length < 40) {
          span.heading = { index: k, text: plainOf(above) };
          span.numeral = head2[2] ?? null;
          span.kind = /decision/i.test(head2[1]!) ? 'decision' : span.kind;
          span.start = k;
        }
      }
    }
    spans.push(span);
  });

  // Where each text ends: before the next text's heading, at a section heading, or, for a quoted draft, after the closing quote.
  spans.forEach((span, n) => {
    const limit = spans[n + 1]?.start ?? blocks.length;
    let end = limit;
    let inAnnex = false;
    for (let i = span.opening + 1; i < limit; i++) {
      const b = blocks[i]!;
      if (span.quoted) {
        if (isFootnoteBlock(b) || isRule(b)) continue;
        if (b.marker !== null && /^\d/.test(b.marker) && !/^[\s*_]*[“"]/.test(b.text)) { end = i; break; }
        if (/[”"][\s*_]*$/.test(b.text)) { end = i + 1; break; }
        continue;
      }
      if (annexes && ANNEX_START.test(b.text) && !b.marker) inAnnex = true;
      // Inside an annex of the text, its own section headings ("I. Global context") do not end it.
      if (SECTION_HEADING.test(b.text) && !b.marker && !inAnnex) { end = i; break; }
      if (DRAFT_HEADING.test(b.text) && !b.marker && plainOf(b).length < 600 && !/[;,]$/.test(plainOf(b))) { end = i; break; }
      if (b.marker !== null && /^\d+\.$/.test(b.marker) && /^\s*(?:At|The Third Committee|After|Before|Also at)\b/.test(b.text) && /Committee/.test(b.text)) { end = i; break; }
    }
    // Footnote texts right after a quoted draft's closing quote still belong to it.
    span.end = end;
  });
  return spans;
}

interface FrontMatter {
  kind: DocumentKind;
  symbol: string | null;
  session: number | null;
  date: string | null;
  agendaItem: number | null;
  committee: string | null;
  adoptedOn: string | null;
  adoptedAtMeeting: string | null;
  sponsors: string[];
  revised: boolean;
  /** "Third Committee (A/76/463, para. 26)" from "[on the report of the Third Committee (A/76/463, para. 26)]". */
  onReport: string | null;
}

/** The text of the line that closes the first text ("51st plenary meeting …"), wherever annexes and footnotes put it. */
function closingText(blocks: readonly Block[], spans: readonly Span[]): string {
  const from = spans[0]?.opening ?? 0;
  const to = spans[1]?.start ?? blocks.length;
  for (let i = from; i < to; i++) if (/\d+(?:st|nd|rd|th) plenary meeting/.test(blocks[i]!.text)) return plainOf(blocks[i]!);
  return '';
}

/**
 * A title the converter cut ("… through sport and the"), completed from a
 * text of the document that holds it whole: a running header, the catalogue
 * title. Only a longer text whose first words are the whole title counts.
 */
export function completeTitle(title: string, candidates: readonly string[]): string {
  const t = comparable(title);
  if (!t || /[.;]$/.test(t)) return title;
  for (const c of candidates) {
    const printed = foldSpace(c.replace(PAGE_MARK, ' '));
    const k = comparable(printed);
    if (k.length > t.length && k.startsWith(`${t} `)) return printed;
  }
  return title;
}

function readFrontMatter(blocks: readonly Block[], firstSpan: Span | undefined, lastBlockText: string, yaml: YamlFrontMatter | null): FrontMatter {
  const head = blocks.slice(0, firstSpan?.start ?? Math.min(blocks.length, 20)).map(plainOf);
  const headText = head.join('\n');
  const fm: FrontMatter = {
    kind: 'unknown', symbol: null, session: parseSession(headText), date: null, agendaItem: null, committee: null,
    adoptedOn: null, adoptedAtMeeting: null, sponsors: [], revised: false, onReport: null,
  };
  const onReport = /on the report of the (\w+ Committee \([^)]*\))/.exec(headText);
  if (onReport) fm.onReport = onReport[1]!;
  const distr = head.findIndex((t) => /^Distr\.?:/.test(t));
  if (distr !== -1) fm.date = parseDate(head[distr]!) ?? parseDate(head[distr + 1] ?? '');
  fm.date ??= parseDate(headText);
  const agenda = /Agenda items? (\d+)/.exec(headText);
  if (agenda) fm.agendaItem = Number(agenda[1]);
  const committee = /\b(First|Second|Third|Fourth|Fifth|Sixth) Committee\b/.exec(headText);
  if (committee) fm.committee = `${committee[1]} Committee`;
  if (/Report of the \w+ Committee/.test(headText)) fm.kind = 'report';
  const adopted = /Resolution adopted by the General Assembly on (\d{1,2} \w+ \d{4})/.exec(headText);
  if (adopted) {
    fm.kind = 'resolution';
    fm.adoptedOn = parseDate(adopted[1]!);
  }
  const sponsorsLine = head.find((t) => /:\s*(?:revised\s+)?draft resolution\s*$/i.test(t));
  if (sponsorsLine) {
    fm.kind = 'draft';
    fm.revised = /revised draft/i.test(sponsorsLine);
    fm.sponsors = splitStateList(sponsorsLine.replace(/:\s*(?:revised\s+)?draft resolution\s*$/i, ''));
  }
  if (fm.kind === 'unknown' && /Distr\.?:\s*Limited/.test(headText)) fm.kind = 'draft';
  const sym = /\bA\/(?:C\.\d\/)?(?:RES\/)?\d{1,3}\/(?:L\.\d+(?:\/Rev\.\d+)?|\d+(?:\/Rev\.\d+)?)\b/.exec(headText.split('\n').filter((t) => !/report of the/i.test(t) || t.length < 40).join('\n'));
  if (sym && fm.kind !== 'resolution') fm.symbol = sym[0];
  const meeting = /(\d+(?:st|nd|rd|th) plenary meeting)/.exec(lastBlockText);
  if (meeting && fm.kind === 'resolution') fm.adoptedAtMeeting = meeting[1]!;
  // Front matter fills what the printed head does not say.
  const yamlSymbol = field(yaml, 'symbol');
  if (yamlSymbol && !fm.symbol) fm.symbol = yamlSymbol;
  const yamlDate = field(yaml, 'date');
  if (!fm.date && yamlDate && /^\d{4}-\d{2}-\d{2}$/.test(yamlDate)) fm.date = yamlDate;
  if (fm.kind === 'resolution' && !fm.adoptedOn && yamlDate && /^\d{4}-\d{2}-\d{2}$/.test(yamlDate)) fm.adoptedOn = yamlDate;
  return fm;
}

/** Parse a decoded file (ingest/decode.ts, ingest/docx.ts): its text, with the decode's diagnostics before the parse's. */
export function parseDecoded({ text, diagnostics }: DecodedText, file: string): ParsedDocument {
  const doc = parseDocument(text, file);
  return diagnostics.length ? { ...doc, diagnostics: [...diagnostics, ...doc.diagnostics] } : doc;
}

/** Parse the text of one file. Pure: the same text and name give the same result. */
export function parseDocument(text: string, file: string): ParsedDocument {
  // Line-preserving passes over the text: converter noise, front matter, footnotes printed as digits, page rules.
  const split = splitFrontMatter(normalizeText(text));
  const footnoteMarks = markFootnotes(split.text);
  const pageRules = dropPageRules(footnoteMarks.text);
  const blockReport: BlockReport = { joinedLines: 0, splitLines: 0, gluedNumbers: 0 };
  const allBlocks = textToBlocks(pageRules.text, blockReport);
  // Running headers and footers out of the stream, on the evidence of the document's own titles.
  const printedTitle = allBlocks.map((b) => SINGLE_SYMBOL_TITLE.exec(b.text) ? plainOf(b).replace(SINGLE_SYMBOL_TITLE, '') : null).find((t) => t) ?? null;
  const catalogue = catalogueTitle(split.frontMatter);
  const furniture = findFurniture(allBlocks, { titles: [printedTitle, catalogue].filter((t): t is string => !!t) });
  const blocks = allBlocks.filter((_, i) => !furniture.has(i));
  const furniturePassages: Passage[] = [...furniture.keys()].map((i) => ({ line: allBlocks[i]!.line, role: 'page-furniture', text: foldSpace(allBlocks[i]!.text) }));

  const diagnostics: Diagnostic[] = [];
  for (const g of footnoteMarks.report.guesses) {
    diagnostics.push({ file, line: g.line + 1, severity: 'info', code: 'footnote-call-guessed', message: `the number ${g.number}, printed apart from the word before it, is read as the call of footnote ${g.number}` });
  }
  if (split.frontMatter?.error) diagnostics.push({ file, line: 1, severity: 'warning', code: 'front-matter', message: split.frontMatter.error });
  const isReport = blocks.slice(0, 40).some((b) => /Report of the \w+ Committee/.test(b.text));
  const spans = findSpans(blocks, !isReport);
  const lastText = blocks.length ? plainOf(blocks[blocks.length - 1]!) : '';
  const fm = readFrontMatter(blocks, spans[0], closingText(blocks, spans) || lastText, split.frontMatter);
  let guessed = footnoteMarks.report.guessed;
  let mended = 0;
  const year = fm.date ? Number(fm.date.slice(0, 4)) : null;
  const stem = file.replace(/^.*\//, '').replace(/\.[^.]+$/, '');

  // Section II history, by sub-section.
  const histories = fm.kind === 'report' ? readHistories(blocks, spans, year) : [];
  const byNumeral = new Map<string, DraftHistory>();
  for (const h of histories) if (h.recommendedAs) byNumeral.set(h.recommendedAs.toUpperCase(), h);

  // Blocks owned by resolution texts; the rest become passages.
  const owned = new Array<boolean>(blocks.length).fill(false);
  const passages: Passage[] = [];
  const resolutions: ResolutionRecord[] = [];
  let decisionsSeen = 0;
  const recordNotes: string[] = [];

  spans.forEach((span, n) => {
    for (let i = span.start; i < span.end; i++) owned[i] = true;
    if (span.heading) {
      passages.push({ line: blocks[span.heading.index]!.line, role: 'heading', text: span.heading.text });
    }
    const built = buildResolution({
      file,
      title: span.title,
      titleLine: span.titleLine,
      opening: blocks[span.opening]!,
      // Footnote texts and rules between the title and the opening belong to the text too.
      body: [...blocks.slice(span.start, span.opening).filter((b) => isFootnoteBlock(b) || isRule(b)), ...blocks.slice(span.opening + 1, span.end)],
      quoted: span.quoted,
      annexes: !isReport,
    });
    mended += built.mended;
    guessed += built.guessed;

    let stage: Stage;
    let symbol: string | null = null;
    let date: string | null = fm.date;
    let sponsors: string[] = [];
    let joinedSponsors: string[] = [];
    let submittedBy: string | null = null;
    let adoption: ResolutionRecord['adoption'] = null;
    let origin: string;
    const notes: string[] = [];
    if (fm.kind === 'report') {
      if (span.quoted) {
        const intro = span.introduction !== null ? blocks[span.introduction]! : null;
        const syms = intro ? lSymbols(intro.text) : [];
        symbol = syms[syms.length - 1] ?? null;
        stage = symbol && /\/Rev\.\d+$/.test(symbol) ? 'revised-draft' : 'draft';
        const h = histories.find((x) => x.introduced.some((i) => i.symbol === symbol));
        const introduced = h?.introduced.find((i) => i.symbol === symbol);
        if (introduced?.date) date = introduced.date;
        sponsors = introduced?.sponsors.length ? introduced.sponsors : (h?.sponsors ?? []);
        if (!sponsors.length) submittedBy = h?.submittedBy ?? null;
        origin = `quoted in section II${intro ? ` (line ${intro.line})` : ''}`;
      } else if (span.kind === 'decision') {
        decisionsSeen++;
        stage = 'decision';
        const h = histories.find((x) => x.kind === 'decision' && (x.recommendedAs === 'decision' || x.recommendedAs === span.numeral));
        if (h) {
          symbol = h.adoptedSymbol;
          adoption = { date: h.adoptedOn, meeting: h.adoptedAtMeeting, vote: h.vote, oralRevisions: h.oralRevisions };
          date = h.adoptedOn ?? date;
        }
        origin = span.numeral ? `draft decision ${span.numeral}` : decisionsSeen > 1 ? `draft decision ${decisionsSeen}` : 'draft decision';
      } else {
        stage = 'recommended';
        const h = span.numeral ? byNumeral.get(span.numeral.toUpperCase()) : undefined;
        if (h) {
          symbol = h.adoptedSymbol;
          sponsors = h.sponsors;
          joinedSponsors = h.joinedSponsors;
          submittedBy = h.submittedBy;
          adoption = { date: h.adoptedOn, meeting: h.adoptedAtMeeting, vote: h.vote, oralRevisions: h.oralRevisions };
          date = h.adoptedOn ?? date;
          if (h.orallyRevised) notes.push('orally revised before adoption in the Committee');
          if (h.orallyCorrected) notes.push('orally corrected before adoption in the Committee');
        } else if (span.numeral) {
          diagnostics.push({ file, line: blocks[span.start]!.line, severity: 'warning', code: 'history-missing', message: `section II does not say which draft became draft resolution ${span.numeral}` });
        }
        origin = span.numeral ? `draft resolution ${span.numeral}` : 'recommended draft resolution';
      }
    } else if (fm.kind === 'resolution' || span.symbolFromTitle) {
      stage = 'adopted';
      symbol = span.symbolFromTitle ?? fm.symbol;
      date = fm.adoptedOn ?? date;
      adoption = { date: fm.adoptedOn, meeting: fm.adoptedAtMeeting ?? closingMeeting(built.tree), vote: null, oralRevisions: [] };
      origin = 'adopted resolution';
      if (fm.onReport) notes.push(`adopted on the report of the ${fm.onReport}`);
    } else {
      stage = span.kind === 'decision' ? 'decision' : fm.revised ? 'revised-draft' : 'draft';
      symbol = fm.symbol;
      sponsors = fm.sponsors;
      origin = fm.kind === 'draft' ? 'draft resolution' : 'resolution text';
    }

    let title = foldSpace(readableText(span.title)).replace(/^[*_\s]+|[*_\s]+$/g, '');
    if (spans.length === 1) {
      // A title the converter cut: completed from the document's running headers or its catalogue title.
      const complete = completeTitle(title, [...furniturePassages.map((p) => p.text), ...(catalogue ? [catalogue] : [])]);
      if (complete !== title) {
        title = complete;
        guessed++;
        recordNotes.push(`title completed from the document's running header or catalogue entry`);
      }
    }
    // Coverage: the words of the span counted up, the words of the tree and the diagnostics counted down, in
    // one map; only when a word is lost are the lists made, for the message (which names them in order).
    const balance = new WordBalance();
    let inputCount = 0;
    for (const t of spanTexts(blocks, span)) inputCount += balance.addText(t, 1);
    for (const w of treeWords(built.tree)) balance.addWord(w, -1);
    for (const d of built.diagnostics) if (d.text) balance.addText(d.text, -1);
    const lost = balance.lost() ? missingWords(spanTexts(blocks, span).flatMap(coverageWords), [...treeWords(built.tree), ...built.diagnostics.flatMap((d) => (d.text ? coverageWords(d.text) : []))]) : [];
    const recordDiagnostics = [...built.diagnostics];
    for (const note of recordNotes.splice(0)) recordDiagnostics.push({ file, line: span.titleLine, severity: 'info', code: 'title-completed', message: note });
    if (lost.length) {
      recordDiagnostics.push({ file, line: blocks[span.opening]!.line, severity: 'warning', code: 'coverage', message: `${lost.length} word(s) of the text are not in the tree: ${lost.slice(0, 12).join(' ')}${lost.length > 12 ? ' …' : ''}`, text: lost.join(' ') });
    }
    const firstLine = blocks[span.start]!.line;
    resolutions.push({
      id: `${stem}/${n + 1}`,
      source: file,
      position: n + 1,
      symbol,
      title,
      session: fm.session,
      year: date ? Number(date.slice(0, 4)) : year,
      date,
      stage,
      committee: fm.committee,
      agendaItem: fm.agendaItem,
      sponsors,
      joinedSponsors,
      submittedBy,
      adoption,
      origin,
      notes,
      lines: { start: firstLine, end: built.endLine },
      tree: built.tree,
      diagnostics: recordDiagnostics,
      coverage: { words: inputCount, covered: inputCount - lost.length },
    });
  });

  // Everything else is a passage: front matter before the first text, narration between, annexes after.
  blocks.forEach((b, i) => {
    if (owned[i] || b.kind === 'rule') return;
    const firstText = spans[0]?.start ?? blocks.length;
    const role: Passage['role'] = isFootnoteBlock(b) ? 'footnote' : i < firstText && fm.kind !== 'report' ? 'front-matter' : /^[\s*_#]*Annex\b/.test(b.text) ? 'annex' : i < firstText && !b.marker && !/^\d/.test(plainOf(b)) && firstSectionIndex(blocks) > i ? 'front-matter' : 'narration';
    passages.push({ line: b.line, role, text: (b.marker ? `${b.marker} ` : '') + foldSpace(b.text) });
  });
  passages.push(...furniturePassages);
  if (split.frontMatter) passages.push({ line: 1, role: 'front-matter', text: split.frontMatter.text });
  passages.sort((a, b) => a.line - b.line);

  if (!spans.length) {
    diagnostics.push({ file, line: null, severity: 'warning', code: 'no-resolution', message: 'no resolution text found (no paragraph opens with "The General Assembly")' });
  }
  if (fm.kind === 'report' && !blocks.some((b) => /^[\s*_#]*III\.\s+Recommendations?\b/.test(b.text))) {
    diagnostics.push({ file, line: null, severity: 'warning', code: 'report-section-missing', message: 'this report has no section III (recommendations of the Committee)' });
  }

  // Whole-file coverage: every word is in a record, a passage or a diagnostic. A block's words are kept once
  // for each record whose lines hold it; a block kept exactly once cancels out of the balance and is only counted.
  const keptBy = new Array<number>(blocks.length).fill(0);
  for (const r of resolutions) {
    blocks.forEach((b, i) => {
      if (owned[i] && b.line >= r.lines.start && b.line <= r.lines.end) keptBy[i]!++;
    });
  }
  const fileBalance = new WordBalance();
  let fileCount = 0;
  blocks.forEach((b, i) => {
    const by = 1 - keptBy[i]!;
    for (const t of blockTexts(b)) fileCount += by ? fileBalance.addText(t, by) : countCoverageWords(t);
  });
  for (const p of furniturePassages) fileCount += fileBalance.addText(p.text, 1);
  if (split.frontMatter) fileCount += fileBalance.addText(split.frontMatter.text, 1);
  for (const r of resolutions) for (const d of r.diagnostics) if (d.text) fileBalance.addText(d.text, -1);
  for (const p of passages) fileBalance.addText(p.text, -1);
  const lostInFile = fileBalance.lost() ? lostWordsOfFile(blocks, owned, resolutions, passages) : [];
  if (lostInFile.length) {
    diagnostics.push({ file, line: null, severity: 'warning', code: 'coverage', message: `${lostInFile.length} word(s) of the file are neither in a resolution nor kept as a passage: ${lostInFile.slice(0, 12).join(' ')}`, text: lostInFile.join(' ') });
  }

  const form: DocumentForm = {
    frontMatter: split.frontMatter ? Object.fromEntries(Object.entries(split.frontMatter.data).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)])) : null,
    footnotes: footnoteMarks.report.style,
    bareFootnoteTexts: footnoteMarks.report.bareDefinitions,
    bareFootnoteCalls: footnoteMarks.report.bareCalls,
    furniture: furniture.size + pageRules.count,
    joinedLines: blockReport.joinedLines,
    splitLines: blockReport.splitLines,
    gluedParagraphs: blockReport.gluedNumbers,
    mended,
    guessed,
  };
  return {
    source: file,
    kind: fm.kind,
    form,
    symbol: fm.kind === 'resolution' ? (resolutions[0]?.symbol ?? null) : fm.symbol,
    session: fm.session,
    date: fm.date,
    agendaItem: fm.agendaItem,
    resolutions,
    passages,
    diagnostics: [...diagnostics, ...resolutions.flatMap((r) => r.diagnostics)],
    coverage: { words: fileCount, covered: fileCount - lostInFile.length },
  };
}

function firstSectionIndex(blocks: readonly Block[]): number {
  const i = blocks.findIndex((b) => /^[\s*_#]*I\.\s+Introduction\b/.test(b.text));
  return i === -1 ? 0 : i;
}

/** The texts whose words a block holds: its text, and its number when numbered. */
function blockTexts(b: Block): string[] {
  return b.marker && /^\d/.test(b.marker) ? [b.marker, b.text] : [b.text];
}

/** The texts whose words a text's tree must hold: title, opening and body blocks, less the heading that belongs to the report. */
function spanTexts(blocks: readonly Block[], span: Span): string[] {
  const out: string[] = [];
  if (span.introduction === null) {
    for (let i = span.start; i < span.opening; i++) {
      const b = blocks[i]!;
      let t = b.text;
      if (span.heading && span.heading.index === i) t = t.replace(DRAFT_HEADING, '');
      const sym = SINGLE_SYMBOL_TITLE.exec(t);
      if (sym) t = t.slice(sym[0].length);
      out.push(t);
    }
  }
  for (let i = span.opening; i < span.end; i++) out.push(...blockTexts(blocks[i]!));
  return out;
}

/** The words of the file in no record, passage or diagnostic, in the file's order (the file-level check, word by word). */
function lostWordsOfFile(blocks: readonly Block[], owned: readonly boolean[], resolutions: readonly ResolutionRecord[], passages: readonly Passage[]): string[] {
  const fileWords = blocks.flatMap((b) => blockTexts(b).flatMap(coverageWords));
  const kept = [
    ...resolutions.flatMap((r) => [...spanWordsByLines(blocks, owned, r), ...r.diagnostics.flatMap((d) => (d.text ? coverageWords(d.text) : []))]),
    ...passages.flatMap((p) => coverageWords(p.text)),
  ];
  return missingWords(fileWords, kept);
}

/** The words of the blocks a record owns (for the file-level check, where headings count as passages). */
function spanWordsByLines(blocks: readonly Block[], owned: readonly boolean[], r: ResolutionRecord): string[] {
  const out: string[] = [];
  blocks.forEach((b, i) => {
    if (!owned[i] || b.line < r.lines.start || b.line > r.lines.end) return;
    for (const t of blockTexts(b)) out.push(...coverageWords(t));
  });
  return out;
}

function closingMeeting(tree: ResolutionRecord['tree']): string | null {
  const closing = tree.children.find((c) => c.type === 'closing');
  if (!closing || closing.type !== 'closing') return null;
  const m = /(\d+(?:st|nd|rd|th) plenary meeting)/.exec(phrasingToText(closing.children));
  return m ? m[1]! : null;
}

/** Split section II into its sub-sections and read each one's history. */
function readHistories(blocks: readonly Block[], spans: readonly Span[], year: number | null): DraftHistory[] {
  const inSpan = (i: number) => spans.some((s) => i >= (s.introduction ?? s.start) + (s.introduction !== null ? 1 : 0) && i < s.end);
  const histories: DraftHistory[] = [];
  let current: { heading: string; line: number; paragraphs: { line: number; text: string }[] } | null = null;
  const flush = () => {
    if (current) histories.push(readDraftHistory(current.heading, current.paragraphs, year, current.line));
    current = null;
  };
  let inSectionTwo = false;
  blocks.forEach((b, i) => {
    const t = plainOf(b);
    if (/^[IVX]+\.\s+Consideration of proposals/.test(t)) { inSectionTwo = true; return; }
    if (/^[IVX]+\.\s+Recommendations?\b/.test(t)) { flush(); inSectionTwo = false; return; }
    if (!inSectionTwo) return;
    if (/^[A-Z]\.\s+Draft (?:resolution|decision)/.test(t) && !b.marker) {
      flush();
      current = { heading: t, line: b.line, paragraphs: [] };
      return;
    }
    if (!current || inSpan(i) || isFootnoteBlock(b) || b.kind === 'rule') return;
    const last = current.paragraphs[current.paragraphs.length - 1];
    // A narration paragraph cut by a page break goes on in the next block.
    if (last && !b.marker && (/^[a-z]/.test(t) || !/[.:;)]$/.test(last.text))) last.text = `${last.text} ${t}`;
    else current.paragraphs.push({ line: b.line, text: t });
  });
  flush();
  return histories;
}

export { DATE_PATTERN, romanToNumber };
