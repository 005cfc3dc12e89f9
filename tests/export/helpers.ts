/** Shared helpers for the export tests: the corpus as records, and small xast queries. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fromXml } from 'xast-util-from-xml';
import type { Element, Nodes, Root } from 'xast';
import { parseBytes } from '../../src/lib/index.ts';
import type { ParsedDocument, ResolutionRecord } from '../../src/lib/index.ts';

export const CONTENT = 'content';
export const SCHEMA = 'tests/export/schemas/akomantoso30.xsd';

export function loadDocument(name: string): ParsedDocument {
  const file = join(CONTENT, name);
  return parseBytes(readFileSync(file), file);
}

/** Every version of the corpus, in file and position order. */
let cached: ResolutionRecord[] | null = null;
export function corpus(): ResolutionRecord[] {
  cached ??= readdirSync(CONTENT)
    .filter((f) => /\.(txt|md)$/.test(f))
    .sort()
    .flatMap((f) => loadDocument(f).resolutions);
  return cached;
}

export function bySymbol(symbol: string): ResolutionRecord {
  const found = corpus().find((r) => r.symbol === symbol);
  if (!found) throw new Error(`no version ${symbol} in the corpus`);
  return found;
}

export const hasXmllint = spawnSync('xmllint', ['--version']).status === 0;

export function parseXml(xml: string): Root {
  return fromXml(xml);
}

export function elements(tree: Nodes, name: string): Element[] {
  const out: Element[] = [];
  const visit = (n: Nodes) => {
    if (n.type === 'element' && n.name === name) out.push(n);
    if ('children' in n) for (const c of n.children) visit(c);
  };
  visit(tree);
  return out;
}

export function byEId(tree: Nodes, eId: string): Element | undefined {
  let found: Element | undefined;
  const visit = (n: Nodes) => {
    if (found) return;
    if (n.type === 'element' && n.attributes.eId === eId) found = n;
    else if ('children' in n) for (const c of n.children) visit(c);
  };
  visit(tree);
  return found;
}

/** Text of a node, optionally leaving out some elements (such as footnotes). */
export function textOf(node: Nodes, skip: readonly string[] = []): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element' && skip.includes(node.name)) return '';
  if ('children' in node) return node.children.map((c) => textOf(c, skip)).join('');
  return '';
}
