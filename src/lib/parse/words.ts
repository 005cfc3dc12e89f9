/** The words a paragraph tree holds, for the coverage check. */
import type { ParagraphContent, ResolutionNode } from '../model.ts';
import { phrasingToText, coverageWords } from '../text.ts';

function contentWords(nodes: readonly ParagraphContent[], out: string[]): void {
  out.push(...coverageWords(phrasingToText(nodes)));
  for (const n of nodes) {
    if (n.type === 'subParagraph') {
      out.push(n.label);
      contentWords(n.children, out);
    }
  }
}

/** Every word of the tree, with numbers, labels and footnote numbers counted as words. */
export function treeWords(tree: ResolutionNode): string[] {
  const out: string[] = [];
  for (const child of tree.children) {
    switch (child.type) {
      case 'title':
      case 'opening':
      case 'closing':
        out.push(...coverageWords(phrasingToText(child.children)));
        break;
      case 'preamble':
        for (const p of child.children) contentWords(p.children, out);
        break;
      case 'operativePart':
        for (const p of child.children) {
          if (p.number !== null) out.push(String(p.number));
          contentWords(p.children, out);
        }
        break;
      case 'annex':
        out.push(...coverageWords(child.heading));
        for (const c of child.children) {
          if (c.type === 'annexParagraph' && c.number !== null) out.push(String(c.number));
          if (c.type === 'annexParagraph') contentWords(c.children, out);
          else out.push(...coverageWords(phrasingToText(c.children)));
        }
        break;
      case 'footnotes':
        for (const f of child.children) out.push(`^${f.number}`, ...coverageWords(phrasingToText(f.children)));
        break;
    }
  }
  return out;
}
