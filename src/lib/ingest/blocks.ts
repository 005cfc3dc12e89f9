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
export function textToBlocks(text: string): Block[] {
  const tree = processor.parse(text);
  const out: Block[] = [];
  for (const child of tree.children) collect(child, text, out, null);
  return out.flatMap(splitRunTogether);
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
    case 'heading':
      out.push(makeBlock('heading', node, convertPhrasing(node.children), marker, node.depth));
      return;
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

/** A paragraph whose later lines start blocks of their own becomes several blocks. */
function splitRunTogether(block: Block): Block[] {
  if (block.kind !== 'paragraph' && block.kind !== 'item' && block.kind !== 'code') return [block];
  if (!block.text.includes('\n')) return [block];
  const lines = splitLines(block.inline);
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
  lines.forEach((line, i) => {
    const lineNo = block.line + i;
    if (i > 0 && startsBlock(phrasingToText(line))) {
      flush(lineNo - 1);
      current = [];
      currentLine = lineNo;
      currentMarker = null;
    } else if (i > 0 && current.length) {
      current.push({ type: 'text', value: ' ' });
    }
    current.push(...line);
  });
  flush(block.endLine);
  return out;
}
