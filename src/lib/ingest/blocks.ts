/**
 * The front end: remark-parse reads the normalized text, and the mdast tree is
 * flattened into a list of blocks (one per paragraph-like unit, with its source
 * line and its phrasing content in our node types).
 *
 * Markdown structure is treated as a hint only: converters put "#" in front of
 * titles, turn "1." paragraphs into lists and wrap sub-paragraphs into one
 * paragraph. A block is what starts on a line of its own in the source.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import type * as md from 'mdast';
import type { Phrasing } from '../model.ts';
import { FOOTNOTE_TOKEN } from './normalize.ts';
import { phrasingToText } from '../text.ts';
import { sliceInline } from '../parse/inline.ts';

export type BlockKind = 'paragraph' | 'heading' | 'item' | 'rule' | 'html' | 'code';

export interface Block {
  kind: BlockKind;
  /** First and last source line (1-based). */
  line: number;
  endLine: number;
  /** The list marker as printed ("1.", "-"), for blocks that were list items. */
  marker: string | null;
  /** Heading level, for headings. */
  depth: number | null;
  inline: Phrasing[];
  /** Plain text of `inline`, footnote calls as tokens. */
  text: string;
}

const processor = unified().use(remarkParse);

/** Parse normalized text into blocks, in source order. */
export function textToBlocks(text: string, report: BlockReport = { joinedLines: 0, splitLines: 0, gluedNumbers: 0 }): Block[] {
  const tree = processor.parse(text);
  const out: Block[] = [];
  for (const child of tree.children) collect(child, text, out, null);
  // The number of the last numbered paragraph so far: a heading glued onto the next one is found by it.
  let last: number | null = null;
  return out.flatMap((b) => {
    const blocks = splitRunTogether(b, report, last);
    for (const x of blocks) last = paragraphNumber(x.marker, x.text) ?? last;
    return blocks;
  });
}

function lineOf(node: md.Node): number {
  return node.position?.start.line ?? 1;
}
function endLineOf(node: md.Node): number {
  return node.position?.end.line ?? lineOf(node);
}

function collect(node: md.RootContent, source: string, out: Block[], marker: string | null): void {
  switch (node.type) {
    case 'paragraph':
      out.push(makeBlock('paragraph', node, convertPhrasing(node.children), marker, null));
      return;
    case 'heading': {
      const start = node.position?.start.offset ?? 0;
      if (!/^[ \t]{0,3}#/.test(source.slice(start, start + 8)) && node.depth === 2) {
        // A setext heading: text lines over a line of "---". In PDF text that line is the rule that ends a
        // page's text before its footnotes, not a heading: the lines stay a paragraph, the rule a rule.
        const block = makeBlock('paragraph', node, convertPhrasing(node.children), marker, null);
        out.push({ ...block, endLine: Math.max(block.line, block.endLine - 1) });
        out.push({ ...makeBlock('rule', node, [], null, null), line: block.endLine });
        return;
      }
      out.push(makeBlock('heading', node, convertPhrasing(node.children), marker, node.depth));
      return;
    }
    case 'thematicBreak':
      out.push(makeBlock('rule', node, [], marker, null));
      return;
    case 'html':
      out.push(makeBlock('html', node, textNodes(node.value), marker, null));
      return;
    case 'code':
      out.push(makeBlock('code', node, textNodes(node.value), marker, null));
      return;
    case 'definition':
      // "[label]: url" on a line of its own: keep it as the text it was.
      out.push(makeBlock('paragraph', node, textNodes(source.slice(node.position?.start.offset ?? 0, node.position?.end.offset ?? 0)), marker, null));
      return;
    case 'blockquote':
      for (const child of node.children) collect(child, source, out, marker);
      return;
    case 'list':
      for (const item of node.children) {
        const start = item.position?.start.offset ?? 0;
        const first = item.children[0];
        const contentStart = first?.position?.start.offset ?? item.position?.end.offset ?? start;
        const printed = source.slice(start, contentStart).trim() || (node.ordered ? `${node.start ?? 1}.` : '-');
        if (item.children.length === 0) {
          out.push(makeBlock('item', item, [], printed, null));
          continue;
        }
        item.children.forEach((child, i) => collect(child, source, out, i === 0 ? printed : null));
      }
      return;
    default: {
      // Tables, footnote definitions and other extensions: keep their text.
      const value = 'value' in node && typeof node.value === 'string' ? node.value : '';
      if (value) out.push(makeBlock('paragraph', node, textNodes(value), marker, null));
      else if ('children' in node) for (const child of node.children as md.RootContent[]) collect(child, source, out, marker);
    }
  }
}

function makeBlock(kind: BlockKind, node: md.Node, inline: Phrasing[], marker: string | null, depth: number | null): Block {
  const k: BlockKind = marker !== null && kind === 'paragraph' ? 'item' : kind;
  return { kind: k, line: lineOf(node), endLine: endLineOf(node), marker, depth, inline, text: phrasingToText(inline) };
}

/** Text with footnote tokens turned into footnote calls. */
export function textNodes(value: string): Phrasing[] {
  const out: Phrasing[] = [];
  let last = 0;
  for (const m of value.matchAll(FOOTNOTE_TOKEN)) {
    if (m.index > last) out.push({ type: 'text', value: value.slice(last, m.index) });
    out.push({ type: 'footnoteReference', number: Number(m[1]) });
    last = m.index + m[0].length;
  }
  if (last < value.length) out.push({ type: 'text', value: value.slice(last) });
  return out;
}

/** Only web links survive; "#", relative and script links become plain text. */
export function safeUrl(url: string): string | null {
  const u = url.trim();
  return /^https?:\/\/[^\s<>"']+$/i.test(u) ? u : null;
}

function convertPhrasing(nodes: readonly md.PhrasingContent[]): Phrasing[] {
  const out: Phrasing[] = [];
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        out.push(...textNodes(node.value));
        break;
      case 'emphasis':
        out.push({ type: 'emphasis', children: convertPhrasing(node.children) });
        break;
      case 'strong':
        out.push({ type: 'strong', children: convertPhrasing(node.children) });
        break;
      case 'link':
        out.push({ type: 'link', url: safeUrl(node.url), children: convertPhrasing(node.children) });
        break;
      case 'inlineCode':
      case 'html':
        out.push(...textNodes(node.value));
        break;
      case 'break':
        out.push({ type: 'text', value: '\n' });
        break;
      case 'image':
        if (node.alt) out.push(...textNodes(node.alt));
        break;
      default:
        if ('children' in node) out.push(...convertPhrasing(node.children as md.PhrasingContent[]));
        else if ('value' in node && typeof node.value === 'string') out.push(...textNodes(node.value));
    }
  }
  return mergeText(out);
}

function mergeText(nodes: Phrasing[]): Phrasing[] {
  const out: Phrasing[] = [];
  for (const n of nodes) {
    const prev = out[out.length - 1];
    if (n.type === 'text' && prev?.type === 'text') prev.value += n.value;
    else if (n.type !== 'text' || n.value !== '') out.push(n);
  }
  return out;
}

// ---------------------------------------------------------------------------
// Lines that run together

/**
 * Does a source line start a block of its own even without a blank line before
 * it? Numbered paragraphs, sub-paragraph labels, footnote texts, the opening
 * words and the headings of a report's draft resolutions.
 */
export function startsBlock(lineText: string): boolean {
  const t = lineText.replace(/^[\s“”"'‘*_#>-]+/, '');
  return (
    /^\d{1,4}\.\s+\S/.test(t) ||
    /^\((?:[a-z]{1,2}|[ivxl]{1,6})\)\s+\S/.test(t) ||
    /^\uE000\d+\uE001/.test(t) ||
    /^The General Assembly\b/.test(t) ||
    /^Draft (?:resolution|decision)\b/i.test(t)
  );
}

/** Split one phrasing list into lines at "\n", cloning containers that span lines. */
export function splitLines(nodes: readonly Phrasing[]): Phrasing[][] {
  const lines: Phrasing[][] = [[]];
  const push = (n: Phrasing) => lines[lines.length - 1]!.push(n);
  for (const node of nodes) {
    if (node.type === 'text') {
      const parts = node.value.split('\n');
      parts.forEach((part, i) => {
        if (i > 0) lines.push([]);
        if (part) push({ type: 'text', value: part });
      });
    } else if (node.type === 'footnoteReference') {
      push(node);
    } else {
      const inner = splitLines(node.children);
      inner.forEach((children, i) => {
        if (i > 0) lines.push([]);
        if (children.length) push({ ...node, children } as Phrasing);
      });
    }
  }
  return lines;
}

/**
 * A numbered paragraph glued onto the end of the one before, on one line:
 * "… Sustainable Development.2 2. We acknowledge …". Only the next number
 * in sequence counts, after a sentence's end (and a footnote call), before a
 * capital: "paragraph 2. The" or "resolution 70/1. 2." are not.
 */
function gluedNumberAt(text: string, expected: number): number {
  const re = new RegExp(`([.;:](?:\\uE000\\d+\\uE001|\\d{1,3})*[ \\t]+)${expected}\\.[ \\t]+(?=[“"‘*_]*\\p{Lu})`, 'u');
  const m = re.exec(text);
  return m ? m.index + m[1]!.length : -1;
}

const HEADING_WORDS = String.raw`\p{Lu}[^.;:,\uE000]{0,150}?\s+`;
const HEADING_AFTER_NUMERAL = new RegExp(String.raw`^([\s*_]*${HEADING_WORDS})\d{1,3}\.\s+(?=[“"‘*_]*\p{Lu})`, 'u');
const HEADING_WITH_NUMERAL = new RegExp(String.raw`^([\s*_]*[IVXLC]+\.\s+${HEADING_WORDS})\d{1,3}\.\s+(?=[“"‘*_]*\p{Lu})`, 'u');

/**
 * A section heading glued onto the numbered paragraph under it: "I. Global
 * context and shared commitments 3. We gather …". The heading is a roman
 * numeral and title words with no punctuation; the paragraph opens with a
 * number and a capital. Without a numeral ("Governance, accountability and
 * monitoring 20. We underscore …") the number must be the next in sequence.
 */
function headingGluedAt(text: string, afterNumeral = false, expected: number | null = null): number {
  const re = expected !== null ? new RegExp(String.raw`^([\s*_]*\p{Lu}[^.;:\uE000]{0,150}?\s+)${expected}\.\s+(?=[“"‘*_]*\p{Lu})`, 'u') : afterNumeral ? HEADING_AFTER_NUMERAL : HEADING_WITH_NUMERAL;
  const m = re.exec(text);
  return m ? m[1]!.length : -1;
}

/** A preambular paragraph's lead at the start of a line: "Recalling also its resolution", not "Beijing Declaration". */
const PREAMBULAR_LINE = /^[\s“"‘*_]*(?:[A-Z][a-z]+ly\s+)?[A-Z][a-z]+(?:ing|ed)\b[*_]*(?:\s+(?:also|further|again|moreover))?[*_]*\s+(?:[a-z]|\uE000)/;

/**
 * Where a line break inside a paragraph is a paragraph boundary: the line
 * starts a block of its own (a number, a label, a footnote text), or the line
 * before closes a preambular paragraph (a comma) and this one opens with a
 * preambular lead. Every other line break is joined.
 */
export function opensParagraph(previousLine: string, lineText: string): boolean {
  if (startsBlock(lineText)) return true;
  return /,[\s*_”’"\uE000-\uE001\d]*$/.test(previousLine.replace(/\uE000\d+\uE001/g, '')) && PREAMBULAR_LINE.test(lineText) && !/^[\s“"‘*_]*The\b/.test(lineText);
}

/** The number of a paragraph that opens with one ("12. ..." or the list marker "12."), or null. */
function paragraphNumber(marker: string | null, text: string): number | null {
  const m = /^(\d{1,4})[.)]/.exec(marker ?? '') ?? /^[\s*_]*(\d{1,4})\.\s/.exec(text);
  return m ? Number(m[1]) : null;
}

/** Counts of what splitRunTogether did, for the parse summary. */
export interface BlockReport {
  /** Line breaks inside a paragraph that were joined. */
  joinedLines: number;
  /** Paragraphs cut apart at a line break (a number, a label or a preambular lead opening a line). */
  splitLines: number;
  /** Numbered paragraphs found glued onto the end of the one before. */
  gluedNumbers: number;
}

/** A paragraph whose later lines start blocks of their own becomes several blocks. */
function splitRunTogether(block: Block, report: BlockReport, last: number | null): Block[] {
  if (block.kind !== 'paragraph' && block.kind !== 'item' && block.kind !== 'code') return [block];
  // Source lines, with numbered paragraphs glued onto a line cut off as lines of their own (same line number).
  const lines: { no: number; nodes: Phrasing[]; glued: boolean }[] = [];
  let number = paragraphNumber(block.marker, block.text);
  splitLines(block.inline).forEach((nodes, i) => {
    let rest = nodes;
    let glued = false;
    for (;;) {
      const text = phrasingToText(rest);
      number = paragraphNumber(null, text) ?? number;
      // A heading's numeral may stand on a line of its own ("I." / "Global context … 3. We gather").
      const afterNumeral = i > 0 && !glued && /^[\s*_]*[IVXLC]+\.[\s*_]*$/.test(phrasingToText(lines[lines.length - 1]?.nodes ?? []));
      let at = number === null || afterNumeral ? headingGluedAt(text, afterNumeral) : gluedNumberAt(text, number + 1);
      if (at <= 0 && number === null && i === 0 && !glued && last !== null) at = headingGluedAt(text, false, last + 1);
      if (at <= 0) break;
      lines.push({ no: block.line + i, nodes: sliceInline(rest, 0, at), glued });
      rest = sliceInline(rest, at);
      glued = true;
      report.gluedNumbers++;
    }
    lines.push({ no: block.line + i, nodes: rest, glued });
  });
  if (lines.length === 1) return [block];
  const out: Block[] = [];
  let current: Phrasing[] = [];
  let currentLine = block.line;
  let currentMarker = block.marker;
  const flush = (endLine: number) => {
    const inline = mergeText(current);
    if (inline.length || currentMarker) {
      out.push({ ...block, kind: currentMarker ? block.kind : block.kind === 'item' ? 'paragraph' : block.kind, line: currentLine, endLine, marker: currentMarker, inline, text: phrasingToText(inline) });
    }
  };
  let previous = '';
  lines.forEach((line, i) => {
    const text = phrasingToText(line.nodes);
    if (i > 0 && (line.glued || opensParagraph(previous, text))) {
      if (!line.glued) report.splitLines++;
      flush(line.glued ? line.no : line.no - 1);
      current = [];
      currentLine = line.no;
      currentMarker = null;
    } else if (i > 0 && current.length) {
      current.push({ type: 'text', value: ' ' });
      report.joinedLines++;
    }
    current.push(...line.nodes);
    if (text.trim()) previous = text;
  });
  flush(block.endLine);
  return out;
}
