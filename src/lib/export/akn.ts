/**
 * One version of a resolution as Akoma Ntoso 3.0 XML (OASIS LegalDocML), the
 * standard the UN's AKN4UN guidelines build on: `data/versions/<slug>.akn.xml`.
 *
 * Our paragraph tree becomes an xast tree (xastscript), which
 * xast-util-to-xml serializes. Both come from the unified ecosystem our own
 * trees live in (unist), so this is one tree-to-tree function and no string
 * concatenation: every text and attribute value is escaped by the serializer,
 * and we only have to drop the code points XML 1.0 cannot carry at all.
 * (A DOM implementation or a template engine would add weight for nothing.)
 *
 * - eIds follow the Naming Convention's path form, with the names asked for
 *   by our issue: "preamble__recital_3", "para_12", "para_12__list_1__point_a",
 *   "para_12__list_1__point_a__list_1__point_ii"; sub-paragraphs of a recital
 *   are a blockList: "preamble__recital_3__list_1__item_a". A footnote is an
 *   `<authorialNote marker="n" placement="bottom">` at its first call,
 *   eId "{parent}__authorialNote_{n}"; later calls of the same footnote are
 *   `<noteRef>` to it.
 * - The operative verb (and a recital's lead words) is wrapped in
 *   `<span class="operativeVerb" refersTo="#operativeVerb">`, pointing to a
 *   TLCConcept in the references (class "preambularLead" for recitals).
 */
import { x } from 'xastscript';
import { toXml } from 'xast-util-to-xml';
import type { Element, ElementContent, Root, Text } from 'xast';
import type {
  FootnoteDefinitionNode,
  ParagraphContent,
  Phrasing,
  ResolutionRecord,
  SubParagraphNode,
} from '../model.ts';
import { footnotesOf, operativeOf, preambleOf } from './parse-json.ts';
import { clean, safeHref, xmlSafe } from './akn-text.ts';
import { analysis, committeeId, committeeNumber, identification, isoDate, ORDINALS, references, sponsorIds, STAGE_TEXT, workflow, aknNaming, type Naming } from './akn-meta.ts';

export const AKN_NAMESPACE = 'http://docs.oasis-open.org/legaldocml/ns/akn/3.0';

// ---------------------------------------------------------------------------
// Inline content

interface State {
  footnotes: Map<number, FootnoteDefinitionNode>;
  /** eId of the authorialNote already written for a footnote number. */
  placed: Map<number, string>;
}

function inline(nodes: readonly Phrasing[], state: State, scope: string): ElementContent[] {
  const out: ElementContent[] = [];
  for (const n of nodes) {
    switch (n.type) {
      case 'text': {
        const value = clean(n.value);
        if (value) out.push({ type: 'text', value });
        break;
      }
      case 'emphasis':
        out.push(x('i', inline(n.children, state, scope)));
        break;
      case 'strong':
        out.push(x('b', inline(n.children, state, scope)));
        break;
      case 'link': {
        const href = safeHref(n.url);
        const children = inline(n.children, state, scope);
        if (href) out.push(x('ref', { href }, children));
        else out.push(...children);
        break;
      }
      case 'footnoteReference':
        out.push(footnoteCall(n.number, state, scope));
        break;
    }
  }
  return out;
}

function footnoteCall(number: number, state: State, scope: string): Element {
  const placed = state.placed.get(number);
  if (placed) return x('noteRef', { href: `#${placed}`, marker: String(number), placement: 'bottom' });
  const definition = state.footnotes.get(number);
  const eId = `${scope}__authorialNote_${number}`;
  state.placed.set(number, eId);
  const text = definition ? trimEdges(inline(definition.children, state, eId)) : [];
  return x('authorialNote', { marker: String(number), placement: 'bottom', eId }, [x('p', text)]);
}

/** Drop white space at the two ends of a run of inline content (the inside is already folded). */
function trimEdges(nodes: ElementContent[]): ElementContent[] {
  const first = nodes[0];
  if (first?.type === 'text') first.value = first.value.replace(/^\s+/, '');
  const last = nodes[nodes.length - 1];
  if (last?.type === 'text') last.value = last.value.replace(/\s+$/, '');
  return nodes.filter((n) => n.type !== 'text' || n.value !== '');
}

/**
 * Split phrasing after the characters of `prefix` (white space matching any
 * white space), keeping emphasis and links whole on both sides. Null when the
 * text does not start with the prefix.
 */
function splitPrefix(nodes: readonly Phrasing[], prefix: string): [Phrasing[], Phrasing[]] | null {
  const want = prefix.replace(/\s+/g, ' ').trim();
  if (!want) return null;
  let i = 0; // position in want
  let started = false;
  const take = (list: readonly Phrasing[]): [Phrasing[], Phrasing[], boolean] => {
    const head: Phrasing[] = [];
    for (let k = 0; k < list.length; k++) {
      const n = list[k]!;
      if (i >= want.length) return [head, list.slice(k), true];
      if (n.type === 'footnoteReference') return [head, list.slice(k), false];
      if (n.type === 'text') {
        let j = 0;
        const v = n.value;
        while (j < v.length && i < want.length) {
          if (/\s/.test(v[j]!)) {
            if (!started) { j++; continue; }
            if (want[i] !== ' ') break;
            while (j < v.length && /\s/.test(v[j]!)) j++;
            i++;
          } else if (v[j] === want[i]) {
            started = true;
            i++;
            j++;
          } else if (want[i] === ' ' && started) {
            break;
          } else {
            return [head, list.slice(k), false];
          }
        }
        if (i < want.length && j < v.length) return [head, list.slice(k), false];
        if (j > 0) head.push({ type: 'text', value: v.slice(0, j) });
        if (j < v.length) return [head, [{ type: 'text', value: v.slice(j) }, ...list.slice(k + 1)], i >= want.length];
        continue;
      }
      const [inner, rest, done] = take(n.children);
      if (inner.length) head.push({ ...n, children: inner } as Phrasing);
      if (rest.length) return [head, [{ ...n, children: rest } as Phrasing, ...list.slice(k + 1)], done];
      if (!done && i < want.length) continue;
    }
    return [head, [], i >= want.length];
  };
  const [head, rest, done] = take(nodes);
  return done ? [head, rest] : null;
}

/** Inline content with its lead words (operative verb, preambular lead) wrapped in a span. */
function markedInline(nodes: readonly Phrasing[], lead: string | null, concept: string, state: State, scope: string): ElementContent[] {
  const split = lead ? splitPrefix(nodes, lead) : null;
  if (!split) return trimEdges(inline(nodes, state, scope));
  const [head, rest] = split;
  const span = x('span', { class: concept, refersTo: `#${concept}` }, trimEdges(inline(head, state, scope)));
  return trimEdges([span, ...inline(rest, state, scope)]);
}

// ---------------------------------------------------------------------------
// Paragraphs

/** Runs of a paragraph's content: phrasing between sub-paragraphs, and runs of sub-paragraphs. */
function runs(children: readonly ParagraphContent[]): ({ kind: 'text'; nodes: Phrasing[] } | { kind: 'subs'; nodes: SubParagraphNode[] })[] {
  const out: ({ kind: 'text'; nodes: Phrasing[] } | { kind: 'subs'; nodes: SubParagraphNode[] })[] = [];
  for (const c of children) {
    const kind = c.type === 'subParagraph' ? 'subs' : 'text';
    const last = out[out.length - 1];
    if (last && last.kind === kind) (last.nodes as ParagraphContent[]).push(c);
    else out.push(kind === 'subs' ? { kind: 'subs', nodes: [c as SubParagraphNode] } : { kind: 'text', nodes: [c as Phrasing] });
  }
  // White space alone between sub-paragraphs is no content.
  return out.filter((r) => r.kind === 'subs' || r.nodes.some((n) => n.type !== 'text' || n.value.trim() !== ''));
}

function phrasingPart(run: { nodes: Phrasing[] }, state: State, scope: string, lead: string | null, concept: string, first: boolean): ElementContent[] {
  return first ? markedInline(run.nodes, lead, concept, state, scope) : trimEdges(inline(run.nodes, state, scope));
}

/**
 * A hierarchical unit (operative paragraph or sub-paragraph): `num`, then
 * either `content`, or `intro`, one `list` of points per run of
 * sub-paragraphs (phrasing between two runs becomes the next list's `intro`),
 * and `wrapUp`.
 */
function hierarchy(
  tag: 'paragraph' | 'point',
  eId: string,
  num: string | null,
  children: readonly ParagraphContent[],
  state: State,
  lead: string | null = null,
): Element {
  const parts = runs(children);
  const out: ElementContent[] = [];
  if (num) out.push(x('num', num));
  if (!parts.some((r) => r.kind === 'subs')) {
    const only = parts[0];
    const content = only?.kind === 'text' ? phrasingPart(only, state, eId, lead, 'operativeVerb', true) : [];
    out.push(x('content', [x('p', content)]));
    return x(tag, { eId }, out);
  }
  let listCount = 0;
  let pendingIntro: ElementContent[] | null = null;
  parts.forEach((r, index) => {
    if (r.kind === 'text') {
      const content = phrasingPart(r, state, eId, lead, 'operativeVerb', index === 0);
      if (index === 0) out.push(x('intro', [x('p', content)]));
      else if (index === parts.length - 1) out.push(x('wrapUp', [x('p', content)]));
      else pendingIntro = content;
      return;
    }
    listCount++;
    const listId = `${eId}__list_${listCount}`;
    const points = r.nodes.map((s) => hierarchy('point', `${listId}__point_${safeLabel(s.label)}`, `(${clean(s.label)})`, s.children, state));
    const intro: ElementContent[] | null = pendingIntro;
    pendingIntro = null;
    out.push(x('list', { eId: listId }, [intro ? x('intro', [x('p', intro)]) : null, ...points]));
  });
  return x(tag, { eId }, out);
}

function safeLabel(label: string): string {
  return label.toLowerCase().replace(/[^a-z0-9]/g, '') || 'x';
}

/**
 * A recital: its text as `p`; sub-paragraphs as a `blockList` of items
 * (phrasing before them is the list's introduction, after them its wrap-up).
 */
function recital(eId: string, children: readonly ParagraphContent[], lead: string | null, state: State): Element {
  return x('recital', { eId }, blocks(eId, children, state, lead));
}

function blocks(eId: string, children: readonly ParagraphContent[], state: State, lead: string | null): ElementContent[] {
  const parts = runs(children);
  const out: ElementContent[] = [];
  let listCount = 0;
  for (let index = 0; index < parts.length; index++) {
    const r = parts[index]!;
    if (r.kind === 'text') {
      const next = parts[index + 1];
      if (next?.kind === 'subs') continue; // becomes the list's introduction
      const prev = parts[index - 1];
      if (prev?.kind === 'subs') continue; // was the list's wrap-up
      out.push(x('p', phrasingPart(r, state, eId, lead, 'preambularLead', index === 0)));
      continue;
    }
    listCount++;
    const listId = `${eId}__list_${listCount}`;
    const before = parts[index - 1];
    const after = parts[index + 1];
    const intro = before?.kind === 'text' ? phrasingPart(before, state, eId, lead, 'preambularLead', index - 1 === 0) : null;
    const items = r.nodes.map((s) => {
      const itemId = `${listId}__item_${safeLabel(s.label)}`;
      const inner = blocks(itemId, s.children, state, null);
      return x('item', { eId: itemId }, [x('num', `(${clean(s.label)})`), ...(inner.length ? inner : [x('p')])]);
    });
    const wrap = after?.kind === 'text' && parts[index + 2]?.kind !== 'subs' ? trimEdges(inline(after.nodes, state, eId)) : null;
    out.push(x('blockList', { eId: listId }, [intro ? x('listIntroduction', intro) : null, ...items, wrap ? x('listWrapUp', wrap) : null]));
  }
  return out;
}

// ---------------------------------------------------------------------------
// The document

const DATE_FORMAT = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

function preface(record: ResolutionRecord, n: Naming, state: State): Element {
  const title = record.tree.children.find((c) => c.type === 'title');
  const titleContent = title?.type === 'title' && title.children.length
    ? trimEdges(inline(title.children, state, 'preface__docTitle'))
    : [{ type: 'text', value: clean(record.title) } satisfies Text];
  const committee = committeeNumber(record);
  const date = isoDate(record);
  return x('preface', [
    record.symbol ? x('p', { class: 'symbol' }, [x('docNumber', xmlSafe(record.symbol))]) : null,
    committee !== null && record.stage !== 'adopted'
      ? x('p', { class: 'committee' }, [x('docCommittee', { refersTo: `#${committeeId(committee)}` }, `${ORDINALS[committee - 1]} Committee`)])
      : null,
    date ? x('p', { class: 'date' }, [x('docDate', { date }, DATE_FORMAT.format(new Date(`${date}T00:00:00Z`)))]) : null,
    x('p', { class: 'stage' }, [x('docStage', { refersTo: `#${n.authorId}` }, STAGE_TEXT[record.stage])]),
    x('p', { class: 'title' }, [x('docTitle', titleContent)]),
    proponents(record, record.sponsors, 'sponsor', 'sponsors'),
    proponents(record, record.joinedSponsors, 'joinedSponsor', 'joinedSponsors'),
  ]);
}

/** The states that submitted the text (or joined later), each a `<docProponent>`, in the document's order. */
function proponents(record: ResolutionRecord, names: readonly string[], role: string, className: string): Element | null {
  if (!names.length) return null;
  const ids = sponsorIds(record);
  const content: ElementContent[] = [];
  names.forEach((name, i) => {
    if (i) content.push({ type: 'text', value: ', ' });
    content.push(x('docProponent', { refersTo: `#${ids.get(name)}`, as: `#${role}` }, clean(name)));
  });
  return x('p', { class: className }, content);
}

function preamble(record: ResolutionRecord, state: State): Element | null {
  const opening = record.tree.children.find((c) => c.type === 'opening');
  const recitals = preambleOf(record.tree);
  const formula = opening?.type === 'opening' ? trimEdges(inline(opening.children, state, 'preamble__formula_1')) : [];
  if (!formula.length && !recitals.length) return null;
  return x('preamble', [
    formula.length ? x('formula', { name: 'enactingFormula', eId: 'preamble__formula_1' }, [x('p', formula)]) : null,
    recitals.length
      ? x('recitals', { eId: 'preamble__recitals' }, recitals.map((p, i) => recital(`preamble__recital_${i + 1}`, p.children, p.lead, state)))
      : null,
  ]);
}

function mainBody(record: ResolutionRecord, state: State): Element {
  const paragraphs = operativeOf(record.tree);
  return x(
    'mainBody',
    paragraphs.map((p, i) => hierarchy('paragraph', `para_${p.number ?? i + 1}`, p.number === null ? null : `${p.number}.`, p.children, state, p.verb)),
  );
}

function conclusions(record: ResolutionRecord, state: State): Element | null {
  const closing = record.tree.children.find((c) => c.type === 'closing');
  const text = closing?.type === 'closing' ? trimEdges(inline(closing.children, state, 'conclusions')) : [];
  // Footnotes defined but never called still belong to the text: they go last.
  const orphans = [...state.footnotes.keys()].filter((k) => !state.placed.has(k)).sort((a, b) => a - b);
  const notes = orphans.map((k) => footnoteCall(k, state, 'conclusions'));
  if (!text.length && !notes.length) return null;
  return x('conclusions', [text.length ? x('p', text) : null, notes.length ? x('p', { class: 'footnotes' }, notes) : null]);
}

/** The xast tree of the Akoma Ntoso document for one version. */
export function versionToAknTree(record: ResolutionRecord): Root {
  const naming = aknNaming(record);
  const state: State = {
    footnotes: new Map(footnotesOf(record.tree).map((f) => [f.number, f])),
    placed: new Map(),
  };
  // Build in reading order, so that a footnote's note sits at its first call.
  const prefaceEl = preface(record, naming, state);
  const preambleEl = preamble(record, state);
  const body = mainBody(record, state);
  const end = conclusions(record, state);
  const statement = x('statement', { name: naming.name, contains: 'originalVersion' }, [
    x('meta', [identification(record, naming), workflow(record), analysis(record), references(record)]),
    prefaceEl,
    preambleEl,
    body,
    end,
  ]);
  return x(null, [
    { type: 'instruction', name: 'xml', value: 'version="1.0" encoding="UTF-8"' },
    { type: 'text', value: '\n' },
    indent(x('akomaNtoso', { xmlns: AKN_NAMESPACE }, [statement]), 0),
    { type: 'text', value: '\n' },
  ]);
}

/** Elements whose element-only children go on lines of their own; mixed content is never touched. */
const BLOCK = new Set([
  'akomaNtoso', 'statement', 'meta', 'identification', 'FRBRWork', 'FRBRExpression', 'FRBRManifestation', 'references',
  'workflow', 'analysis', 'parliamentary', 'voting',
  'preface', 'preamble', 'formula', 'recitals', 'recital', 'blockList', 'item', 'mainBody', 'paragraph', 'point', 'list',
  'intro', 'content', 'wrapUp', 'conclusions',
]);

function indent(node: Element, depth: number): Element {
  if (!BLOCK.has(node.name) || !node.children.length || node.children.some((c) => c.type !== 'element')) return node;
  const pad = (d: number): Text => ({ type: 'text', value: `\n${'  '.repeat(d)}` });
  const children: ElementContent[] = [];
  for (const c of node.children) children.push(pad(depth + 1), indent(c as Element, depth + 1));
  children.push(pad(depth));
  return { ...node, children };
}

/** The Akoma Ntoso 3.0 XML of one version: a pure function, byte-identical for the same record. */
export function versionToAkn(record: ResolutionRecord): string {
  // xast-util-to-xml escapes "<" and "&" in text but not ">", and XML forbids
  // "]]>" in content. We write no CDATA sections, so every "]]>" in the output
  // is inside text or an attribute value, where "]]&#x3E;" means the same.
  return toXml(versionToAknTree(record), { closeEmptyElements: true, tightClose: true }).replace(/\]\]>/g, ']]&#x3E;');
}
