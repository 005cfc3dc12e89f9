/**
 * The filters of operative paragraphs by what they ask and of whom, on the
 * compare and history pages (src/components/FactFilters.astro): an item
 * (a compare row, a paragraph history) carries data-asks and data-kinds,
 * space-separated tokens written by the core (src/lib/parse/addressees.ts,
 * factTokens); items without them are not operative paragraphs. The choice
 * is kept in the URL (?asks=secretary-general&kind=report-request), so that
 * a filtered view can be linked to.
 */

/**
 * Hides (class "filtered-out") the items that do not match: an item matches
 * when its data-asks holds the chosen addressee and its data-kinds the chosen
 * kind; with nothing chosen every item shows. Returns how many operative
 * items there are and how many of them show.
 */
export function applyFactFilters(items: Iterable<HTMLElement>, asks: string, kind: string): { shown: number; operative: number } {
  let shown = 0;
  let operative = 0;
  const has = (attr: string | undefined, token: string) => !token || (attr ?? '').split(' ').includes(token);
  for (const item of items) {
    const facts = item.dataset.asks !== undefined;
    const match = (!asks && !kind) || (facts && has(item.dataset.asks, asks) && has(item.dataset.kinds, kind));
    item.classList.toggle('filtered-out', !match);
    if (facts) {
      operative++;
      if (match) shown++;
    }
  }
  return { shown, operative };
}

/**
 * Runs the two selects over the items `items()` returns (called again on
 * each change, and by the returned function when the items were rendered
 * again). Returns that function, or null when the page has no selects.
 */
export function initFactFilters(items: () => Iterable<HTMLElement>): (() => void) | null {
  const asks = document.getElementById('filter-asks') as HTMLSelectElement | null;
  const kind = document.getElementById('filter-kind') as HTMLSelectElement | null;
  const count = document.getElementById('filter-count') as HTMLOutputElement | null;
  if (!asks || !kind) return null;
  const params = new URLSearchParams(location.search);
  for (const [key, select] of [['asks', asks], ['kind', kind]] as const) {
    const v = params.get(key);
    if (v && [...select.options].some((o) => o.value === v)) select.value = v;
  }
  const apply = () => {
    const { shown, operative } = applyFactFilters(items(), asks.value, kind.value);
    const scope = count?.dataset.scope ? ` ${count.dataset.scope}` : '';
    if (count) count.textContent = asks.value || kind.value ? `${shown} of ${operative} operative paragraphs${scope}` : '';
  };
  const onChange = () => {
    apply();
    const p = new URLSearchParams(location.search);
    for (const [key, select] of [['asks', asks], ['kind', kind]] as const) {
      if (select.value) p.set(key, select.value);
      else p.delete(key);
    }
    const q = p.toString();
    history.replaceState(null, '', `${location.pathname}${q ? `?${q}` : ''}${location.hash}`);
  };
  asks.addEventListener('change', onChange);
  kind.addEventListener('change', onChange);
  apply();
  return apply;
}
