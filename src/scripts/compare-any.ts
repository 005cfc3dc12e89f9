/**
 * The compare page for any two versions of a series (/series/<slug>/compare/
 * ?a=<older>&b=<newer>): fetches the two records (data/records/<slug>.json,
 * the ResolutionRecord the build aligns) and runs the core on them, the same
 * alignment and the same renderer (src/lib/compare/view.ts) as the pages of
 * precomputed pairs, so the same HTML. That HTML is the core's sanitizer
 * output; no text of a record is ever set as markup by this script. Its
 * "Download as Word" makes the pair's .docx here too, by the same core
 * function as the build's (src/lib/export/docx.ts), loaded on the first click.
 */
import type { ResolutionRecord } from '../lib/model.ts';
import { compareRecords, type CompareSide } from '../lib/compare/view.ts';
import { isPrecomputedPair } from '../lib/series/pairs.ts';
import { paths } from '../site/paths.ts';
import { initCompareControls } from './compare-controls.ts';
import { initPairPicker, type PickedVersion } from './compare-picker.ts';

const records = new Map<string, Promise<ResolutionRecord>>();

function record(slug: string): Promise<ResolutionRecord> {
  let r = records.get(slug);
  if (!r) {
    r = fetch(paths.record(slug)).then(async (res) => {
      if (!res.ok) throw new Error(`${res.status} ${res.statusText}`);
      const value = (await res.json()) as ResolutionRecord;
      if (!value || typeof value !== 'object' || !value.tree || !Array.isArray(value.tree.children)) throw new Error('not a record');
      return value;
    });
    records.set(slug, r);
  }
  return r;
}

const side = (v: PickedVersion): CompareSide => ({ name: v.name, detail: v.detail, href: v.href, index: v.index });

/** The "Download as Word" link of the summary: the comparison as tracked changes, made in the browser when clicked. */
function offerWord(ra: ResolutionRecord, rb: ResolutionRecord, a: PickedVersion, b: PickedVersion): void {
  const box = document.getElementById('compare-downloads');
  const link = document.getElementById('compare-docx') as HTMLAnchorElement | null;
  if (!box || !link) return;
  const name = `${a.slug}..${b.slug}.docx`;
  link.download = name;
  link.href = '#';
  box.hidden = false;
  link.addEventListener('click', async (e) => {
    e.preventDefault();
    const { comparisonDocx } = await import('../lib/export/docx.ts');
    const bytes = comparisonDocx(ra, rb, { names: { a: a.name, b: b.name } });
    const file = document.createElement('a');
    file.href = URL.createObjectURL(new Blob([bytes as BlobPart], { type: link.type }));
    file.download = name;
    document.body.append(file);
    file.click();
    file.remove();
    setTimeout(() => URL.revokeObjectURL(file.href), 10_000);
  });
}

async function main(): Promise<void> {
  const picker = initPairPicker();
  const root = document.getElementById('compare-any');
  const status = document.getElementById('compare-status');
  const heading = document.getElementById('compare-heading');
  const summary = document.getElementById('compare-summary');
  const rows = document.getElementById('rows');
  const result = document.getElementById('compare-result');
  if (!picker || !root || !status || !heading || !summary || !rows || !result) return;
  const say = (text: string) => {
    status.textContent = text;
  };

  const params = new URLSearchParams(location.search);
  const qa = params.get('a');
  const qb = params.get('b');
  if (!qa || !qb) {
    // No pair in the URL: the picker is the page.
    if (qa || qb) say('Choose two versions above.');
    return;
  }
  let a = picker.bySlug.get(qa);
  let b = picker.bySlug.get(qb);
  if (!a || !b) {
    say(`This series has no version “${!a ? qa : qb}”. Choose two versions above.`);
    return;
  }
  if (a === b) {
    picker.select(a.slug, b.slug);
    say('Choose two different versions.');
    return;
  }
  if (a.index > b.index) {
    // The permalink of a pair names the older version first.
    [a, b] = [b, a];
    params.set('a', a.slug);
    params.set('b', b.slug);
    history.replaceState(null, '', `${location.pathname}?${params.toString()}${location.hash}`);
  }
  picker.select(a.slug, b.slug);
  say(`Comparing ${a.name} with ${b.name}…`);
  let view;
  let ra: ResolutionRecord;
  let rb: ResolutionRecord;
  try {
    [ra, rb] = await Promise.all([record(a.slug), record(b.slug)]);
    view = compareRecords(ra, rb, { series: root.dataset.seriesTitle ?? '', a: side(a), b: side(b) });
  } catch (e) {
    say(`The two versions could not be loaded (${e instanceof Error ? e.message : String(e)}). Try again later, or choose a pair that has a page of its own.`);
    return;
  }
  // The core's sanitized HTML (src/lib/compare/view.ts).
  heading.innerHTML = view.heading;
  summary.innerHTML = view.summary;
  rows.innerHTML = view.rows;
  // The labels of the side-by-side texts the browser derives (compare-controls.ts).
  rows.dataset.sideA = view.sideLabels.a;
  rows.dataset.sideB = view.sideLabels.b;
  document.title = `Compare ${view.title} · Palimpsest`;
  result.hidden = false;
  // The comparison comes first now; the picker stays one click away.
  const details = root.querySelector<HTMLDetailsElement>('details.pair-picker');
  if (details) details.open = false;
  initCompareControls();
  offerWord(ra, rb, a, b);
  const own = isPrecomputedPair(a.index, b.index, picker.count);
  status.replaceChildren(`Compared in your browser: ${view.changedRows} of ${view.rowCount} paragraphs changed.`);
  if (own) {
    const link = document.createElement('a');
    link.href = paths.compare(picker.series, a.slug, b.slug);
    link.textContent = 'its own page';
    status.append(' This pair also has ', link, '.');
  }
  // An anchor in the permalink (#c-OP6) names a row that did not exist when the page loaded.
  const target = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
  target?.scrollIntoView();
}

void main();
