/**
 * Paragraph trees to HTML: our nodes become hast (hastscript), pass through
 * rehype-sanitize with an explicit schema, and rehype-stringify writes them.
 * Nothing from a document reaches a page without the sanitizer: text is text,
 * and the only links are web links and links to UN documents by symbol.
 */
import { unified } from 'unified';
import rehypeSanitize, { type Options as SanitizeSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import { h } from 'hastscript';
import type { ElementContent, Root as HastRoot, Element } from 'hast';
import type {
  AnnexNode,
  AnnexParagraphNode,
  FootnoteDefinitionNode,
  OperativeParagraphNode,
  ParagraphContent,
  Phrasing,
  PreambularParagraphNode,
  ResolutionNode,
  SubParagraphNode,
} from '../model.ts';
import { annexesOf, footnotesOf, operativeOf, preambleOf } from './parse-json.ts';

/** The only markup a page may carry from a document. */
export const SANITIZE_SCHEMA: SanitizeSchema = {
  tagNames: ['div', 'section', 'p', 'span', 'em', 'strong', 'a', 'sup', 'ol', 'li', 'h2', 'h3', 'ins', 'del', 'aside'],
  attributes: {
    '*': ['className', 'id', 'lang', 'dataLabel', 'dataChange', 'ariaLabel'],
    a: ['href', 'rel', 'title', 'ariaLabel'],
    ins: ['title'],
    del: ['title'],
  },
  protocols: { href: ['http', 'https'] },
  clobberPrefix: '',
  clobber: [],
  strip: ['script', 'style'],
  required: {},
  allowComments: false,
  allowDoctypes: false,
};

const processor = unified().use(rehypeSanitize, SANITIZE_SCHEMA).use(rehypeStringify);

/** Serialize hast through the sanitizer. */
export function hastToHtml(nodes: ElementContent[]): string {
  const root: HastRoot = { type: 'root', children: nodes };
  return processor.stringify(processor.runSync(root) as HastRoot);
}

/** Where the official text of a UN document lives, by symbol. */
export function symbolUrl(text: string): string | null {
  const t = text.trim();
  if (/^A\/[A-Z0-9./-]+$/.test(t) || /^(?:CAC|CTOC|E|S|A\/CONF)[A-Z0-9./-]*$/.test(t)) return `https://undocs.org/${t}`;
  // "75/196" cited as "resolution 75/196" is a General Assembly resolution.
  if (/^\d{1,3}\/\d{1,4}$/.test(t)) return `https://undocs.org/A/RES/${t}`;
  return null;
}

export interface RenderOptions {
  /** Prefix for ids, so several versions can share a page. Empty by default. */
  idPrefix?: string;
}

/** A CSS-safe id for a paragraph or sub-paragraph id: "OP3(a)(ii)" → "OP3-a-ii". */
export function anchorId(id: string, prefix = ''): string {
  return `${prefix}${id.replace(/\((\w+)\)/g, '-$1')}`;
}

function plainText(nodes: readonly ParagraphContent[]): string {
  let out = '';
  for (const n of nodes) {
    if (n.type === 'text') out += n.value;
    else if (n.type === 'emphasis' || n.type === 'strong' || n.type === 'link') out += plainText(n.children);
  }
  return out;
}

export function phrasingToHast(nodes: readonly Phrasing[], options: RenderOptions = {}): ElementContent[] {
  const prefix = options.idPrefix ?? '';
  const out: ElementContent[] = [];
  for (const n of nodes) {
    switch (n.type) {
      case 'text':
        out.push({ type: 'text', value: n.value });
        break;
      case 'emphasis':
        out.push(h('em', phrasingToHast(n.children, options)));
        break;
      case 'strong':
        out.push(h('strong', phrasingToHast(n.children, options)));
        break;
      case 'link': {
        const url = n.url ?? symbolUrl(plainText(n.children));
        out.push(url ? h('a', { href: url, rel: 'external noopener' }, phrasingToHast(n.children, options)) : h('span', phrasingToHast(n.children, options)));
        break;
      }
      case 'footnoteReference':
        out.push(h('sup', { className: ['fnref'] }, [h('a', { href: `#${prefix}fn${n.number}`, ariaLabel: `footnote ${n.number}` }, String(n.number))]));
        break;
    }
  }
  return out;
}

function contentToHast(nodes: readonly ParagraphContent[], options: RenderOptions): { lead: ElementContent[]; subs: Element[] } {
  const lead: ElementContent[] = [];
  const subs: Element[] = [];
  for (const n of nodes) {
    if (n.type === 'subParagraph') subs.push(subParagraphToHast(n, options));
    else lead.push(...phrasingToHast([n], options));
  }
  return { lead, subs };
}

function subParagraphToHast(s: SubParagraphNode, options: RenderOptions): Element {
  const { lead, subs } = contentToHast(s.children, options);
  return h('li', { id: anchorId(s.id, options.idPrefix), dataLabel: s.label }, [
    h('span', { className: ['label'] }, `(${s.label})`),
    { type: 'text', value: ' ' },
    ...lead,
    ...(subs.length ? [h('ol', { className: ['subparagraphs'] }, subs)] : []),
  ]);
}

export function paragraphToHast(p: PreambularParagraphNode | OperativeParagraphNode | AnnexParagraphNode, options: RenderOptions = {}): Element {
  const { lead, subs } = contentToHast(p.children, options);
  const number = p.type !== 'preambularParagraph' && p.number !== null ? [h('span', { className: ['number'] }, `${p.number}.`), { type: 'text' as const, value: ' ' }] : [];
  const kind = p.type === 'operativeParagraph' ? 'operative' : p.type === 'annexParagraph' ? 'annex-paragraph' : 'preambular';
  return h('div', { className: ['paragraph', kind], id: anchorId(p.id, options.idPrefix) }, [
    h('p', [...number, ...lead]),
    ...(subs.length ? [h('ol', { className: ['subparagraphs'] }, subs)] : []),
  ]);
}

export function footnoteToHast(f: FootnoteDefinitionNode, options: RenderOptions = {}): Element {
  return h('li', { id: `${options.idPrefix ?? ''}fn${f.number}`, dataLabel: String(f.number) }, [
    h('span', { className: ['label'] }, `${f.number}`),
    { type: 'text', value: ' ' },
    ...phrasingToHast(f.children, options),
  ]);
}

/** An annex: its heading, its title, its section headings and paragraphs, as a section of its own. */
export function annexToHast(annex: AnnexNode, options: RenderOptions = {}): Element {
  const title = annex.children.find((c) => c.type === 'title');
  const headingId = anchorId(annex.id, options.idPrefix);
  return h('section', { className: ['annex'], id: headingId, ariaLabelledby: `${headingId}-heading` }, [
    h('h2', { id: `${headingId}-heading` }, [annex.heading, ...(title ? [h('br'), h('span', { className: ['annex-title'] }, phrasingToHast(title.children, options))] : [])]),
    ...annex.children.flatMap((c): Element[] => {
      if (c.type === 'annexHeading') return [h('h3', { className: ['annex-heading'] }, phrasingToHast(c.children, options))];
      if (c.type === 'annexParagraph') return [paragraphToHast(c, options)];
      return [];
    }),
  ]);
}

/** The reading text of one version: preamble, operative part, annexes, footnotes. */
export function resolutionToHtml(tree: ResolutionNode, options: RenderOptions = {}): string {
  const opening = tree.children.find((c) => c.type === 'opening');
  const closing = tree.children.find((c) => c.type === 'closing');
  const footnotes = footnotesOf(tree);
  const parts: ElementContent[] = [];
  if (opening?.type === 'opening') parts.push(h('p', { className: ['opening'] }, phrasingToHast(opening.children, options)));
  parts.push(h('section', { className: ['preamble'], ariaLabel: 'Preambular paragraphs' }, preambleOf(tree).map((p) => paragraphToHast(p, options))));
  parts.push(h('section', { className: ['operative-part'], ariaLabel: 'Operative paragraphs' }, operativeOf(tree).map((p) => paragraphToHast(p, options))));
  if (closing?.type === 'closing') parts.push(h('p', { className: ['closing'] }, phrasingToHast(closing.children, options)));
  for (const annex of annexesOf(tree)) parts.push(annexToHast(annex, options));
  if (footnotes.length) parts.push(h('section', { className: ['footnotes'] }, [h('h2', 'Footnotes'), h('ol', footnotes.map((f) => footnoteToHast(f, options)))]));
  return hastToHtml(parts);
}
