/**
 * The view toggle (inline redline or side by side, kept in the URL as
 * ?view=side) and the filters of a compare page: classes on #rows that the
 * stylesheet reads. Shown only when this script runs; the rows are readable
 * without it.
 *
 * The side-by-side text of a row is written in the page only where it cannot
 * be derived from the row's inline redline (src/lib/compare/view.ts); when
 * the view becomes "side", buildSides derives the others, by the core's rule
 * (src/lib/compare/rows.ts, sideOfInline) mirrored over the DOM, into the
 * markup the core writes.
 */
import { initFactFilters } from './fact-filters.ts';

function isLabel(e: Element): boolean {
  return e.localName === 'span' && e.classList.contains('label');
}

/** Whether a node holds text other than whitespace, not counting labels ("(a)"): rows.ts's hasText. */
function hasText(n: Node): boolean {
  for (let c = n.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === Node.TEXT_NODE ? /\S/.test(c.nodeValue ?? '') : c instanceof Element && !isLabel(c) && hasText(c)) return true;
  }
  return false;
}

/**
 * One side of a row, from its inline redline (div.text.inline): rows.ts's
 * sideOfInline over the DOM. Side A drops every `ins`, side B every `del`;
 * a `p`, `li` or `ol` left with no text but whitespace and labels goes too;
 * nothing left means an empty side (the dash).
 */
export function deriveSide(inline: Element, side: 'a' | 'b'): Node[] {
  const copy = inline.cloneNode(true) as Element;
  for (const m of copy.querySelectorAll(side === 'a' ? 'ins' : 'del')) m.remove();
  // In reverse document order, so that an item is judged after what it holds.
  const blocks = copy.querySelectorAll('p, li, ol');
  for (let k = blocks.length - 1; k >= 0; k--) if (!hasText(blocks[k]!)) blocks[k]!.remove();
  // Adjacent text, as the parser of the page's HTML would have made it.
  copy.normalize();
  return hasText(copy) ? [...copy.childNodes] : [];
}

function column(label: string, nodes: Node[]): HTMLDivElement {
  const div = document.createElement('div');
  const head = document.createElement('p');
  head.className = 'side-label';
  head.textContent = label;
  div.append(head);
  if (nodes.length) div.append(...nodes);
  else {
    const dash = document.createElement('p');
    dash.textContent = '—';
    div.append(dash);
  }
  return div;
}

/**
 * Gives every row of #rows that has none its side-by-side text (div.text.side,
 * as view.ts writes it): the two sides derived from the inline redline, each
 * under its label, the names on #rows (data-side-a, data-side-b). Rows that
 * have one keep it; running twice changes nothing.
 */
export function buildSides(rows: HTMLElement): void {
  const a = rows.dataset.sideA ?? '';
  const b = rows.dataset.sideB ?? '';
  for (const row of rows.querySelectorAll<HTMLElement>(':scope > section.row')) {
    if (row.querySelector(':scope > .text.side')) continue;
    const inline = row.querySelector(':scope > .text.inline');
    if (!inline) continue;
    const side = document.createElement('div');
    side.className = 'text side';
    side.append(column(a, deriveSide(inline, 'a')), column(b, deriveSide(inline, 'b')));
    row.append(side);
  }
}

/** Runs the fact filters again over rows rendered anew (set on the first call). */
let refilter: (() => void) | null = null;

export function initCompareControls(): void {
  const rows = document.getElementById('rows');
  const controls = document.getElementById('controls');
  if (!rows || !controls) return;
  const rowsOf = () => rows.querySelectorAll<HTMLElement>(':scope > section.row');
  if (controls.dataset.ready) {
    // Rows rendered again under controls already set up.
    if (rows.classList.contains('view-side')) buildSides(rows);
    refilter?.();
    return;
  }
  controls.dataset.ready = 'true';
  controls.hidden = false;
  const params = new URLSearchParams(location.search);
  const buttons = [...controls.querySelectorAll<HTMLButtonElement>('button[data-view]')];
  const setView = (view: string, push: boolean) => {
    if (view === 'side') buildSides(rows);
    rows.classList.toggle('view-side', view === 'side');
    rows.classList.toggle('view-inline', view !== 'side');
    for (const b of buttons) b.setAttribute('aria-pressed', String(b.dataset.view === view));
    if (push) {
      const p = new URLSearchParams(location.search);
      if (view === 'side') p.set('view', 'side');
      else p.delete('view');
      const q = p.toString();
      history.replaceState(null, '', `${location.pathname}${q ? `?${q}` : ''}${location.hash}`);
    }
  };
  for (const b of buttons) b.addEventListener('click', () => setView(b.dataset.view ?? 'inline', true));
  setView(params.get('view') === 'side' ? 'side' : 'inline', false);
  const filter = (id: string, cls: string) => {
    const box = document.getElementById(id) as HTMLInputElement | null;
    if (!box) return;
    const apply = () => rows.classList.toggle(cls, box.checked);
    box.addEventListener('change', apply);
    apply();
  };
  filter('only-changed', 'only-changed');
  filter('only-operative', 'only-operative');
  refilter = initFactFilters(rowsOf);
}
