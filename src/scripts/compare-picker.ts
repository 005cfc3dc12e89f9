/**
 * The two menus of a compare page's pair picker: a pair with a page of its
 * own (src/lib/series/pairs.ts: successive, or against the latest) opens
 * that page; any other pair opens the series' compare page with its
 * permalink, ?a=<older>&b=<newer>, which compares it in the browser.
 */
import { isPrecomputedPair } from '../lib/series/pairs.ts';
import { paths } from '../site/paths.ts';

export interface PickedVersion {
  slug: string;
  index: number;
  name: string;
  detail: string;
  href: string;
}

export interface PairPicker {
  series: string;
  count: number;
  /** The versions of the series, in order. */
  versions: PickedVersion[];
  bySlug: Map<string, PickedVersion>;
  /** Sets both menus. */
  select: (a: string, b: string) => void;
  note: (text: string) => void;
}

/** The URL of a pair: its own page when precomputed, else the permalink on the series' compare page. */
export function pairUrl(series: string, count: number, a: PickedVersion, b: PickedVersion, view: string | null): string {
  if (isPrecomputedPair(a.index, b.index, count)) return paths.compare(series, a.slug, b.slug);
  return paths.compareAny(series, a.slug, b.slug) + (view === 'side' ? '&view=side' : '');
}

export function initPairPicker(): PairPicker | null {
  const root = document.querySelector<HTMLElement>('.any-pair');
  const selA = document.getElementById('pick-a') as HTMLSelectElement | null;
  const selB = document.getElementById('pick-b') as HTMLSelectElement | null;
  const go = document.getElementById('pick-go') as HTMLButtonElement | null;
  const noteEl = document.getElementById('pick-note');
  if (!root || !selA || !selB || !go || !noteEl) return null;
  const series = root.dataset.series ?? '';
  const count = Number(root.dataset.count);
  const versions: PickedVersion[] = [...selA.options].map((o) => ({
    slug: o.value,
    index: Number(o.dataset.index),
    name: o.dataset.name ?? o.text,
    detail: o.dataset.detail ?? '',
    href: o.dataset.href ?? '',
  }));
  const bySlug = new Map(versions.map((v) => [v.slug, v]));
  const note = (text: string) => {
    noteEl.textContent = text;
  };
  go.addEventListener('click', () => {
    let a = bySlug.get(selA.value);
    let b = bySlug.get(selB.value);
    if (!a || !b) return;
    if (a === b) {
      note('Choose two different versions.');
      return;
    }
    if (a.index > b.index) [a, b] = [b, a];
    note('');
    location.assign(pairUrl(series, count, a, b, new URLSearchParams(location.search).get('view')));
  });
  root.hidden = false;
  return {
    series,
    count,
    versions,
    bySlug,
    select: (a, b) => {
      selA.value = a;
      selB.value = b;
    },
    note,
  };
}
