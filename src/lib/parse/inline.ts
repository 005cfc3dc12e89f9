/**
 * Cutting phrasing content by offsets of its plain text (as given by
 * phrasingToText, where a footnote call counts as its token). Lets the parser
 * take a label, a number or a quote mark off the front of a paragraph without
 * losing its emphasis, links or footnote calls.
 */
import type { Phrasing } from '../model.ts';
import { footnoteToken } from '../ingest/normalize.ts';
import { phrasingToText } from '../text.ts';

function lengthOf(node: Phrasing): number {
  if (node.type === 'text') return node.value.length;
  if (node.type === 'footnoteReference') return footnoteToken(node.number).length;
  return node.children.reduce((n, c) => n + lengthOf(c), 0);
}

/** The part of `nodes` between plain-text offsets [start, end). A footnote call is kept whole or not at all. */
export function sliceInline(nodes: readonly Phrasing[], start: number, end = Infinity): Phrasing[] {
  const out: Phrasing[] = [];
  let pos = 0;
  for (const node of nodes) {
    const len = lengthOf(node);
    const from = pos;
    const to = pos + len;
    pos = to;
    if (to <= start || from >= end) continue;
    if (node.type === 'text') {
      const value = node.value.slice(Math.max(0, start - from), Math.min(len, end - from));
      if (value) out.push({ type: 'text', value });
    } else if (node.type === 'footnoteReference') {
      if (from >= start && to <= end) out.push(node);
    } else {
      const children = sliceInline(node.children, Math.max(0, start - from), end - from);
      if (children.length) out.push({ ...node, children } as Phrasing);
    }
  }
  return out;
}

/** Remove leading and trailing white space from phrasing content. */
export function trimInline(nodes: readonly Phrasing[]): Phrasing[] {
  const text = phrasingToText(nodes);
  const start = text.length - text.trimStart().length;
  const end = text.trimEnd().length;
  return sliceInline(nodes, start, end);
}

/** Join two runs of phrasing with a separator (a space, or nothing for a word cut by a hyphen). */
export function joinInline(a: readonly Phrasing[], b: readonly Phrasing[], separator = ' '): Phrasing[] {
  const out: Phrasing[] = [...a];
  if (separator) out.push({ type: 'text', value: separator });
  out.push(...b);
  return mergeAdjacentText(out);
}

export function mergeAdjacentText(nodes: readonly Phrasing[]): Phrasing[] {
  const out: Phrasing[] = [];
  for (const n of nodes) {
    const prev = out[out.length - 1];
    if (n.type === 'text' && prev?.type === 'text') out[out.length - 1] = { type: 'text', value: prev.value + n.value };
    else if (n.type !== 'text' || n.value !== '') out.push(n);
  }
  return out;
}

/** The first node that carries text, skipping leading white space. */
export function leadingEmphasis(nodes: readonly Phrasing[]): string | null {
  for (const n of nodes) {
    if (n.type === 'text') {
      if (n.value.trim() === '') continue;
      return null;
    }
    if (n.type === 'emphasis') return phrasingToText(n.children);
    if (n.type === 'strong') return leadingEmphasis(n.children);
    return null;
  }
  return null;
}
