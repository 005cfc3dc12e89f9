/**
 * The redline of two versions of a series, drawn in the browser from their
 * records (data/records/<slug>.json, the ResolutionRecord the build aligns)
 * by the core (src/lib/compare/view.ts):
 * - on the own page of a precomputed pair (/series/<slug>/compare/<a>..<b>/),
 *   whose heading and summary the build writes from the same core: the rows
 *   are drawn here, so that the site does not carry every pair's full texts
 *   twice more (issue 14: the pages were 1.6 GB of a 10,000-version site);
 * - on the page for any two versions (/series/<slug>/compare/?a=<older>&b=<newer>).
 * The HTML is the core's sanitizer output; no text of a record is ever set as
 * markup by this script. Its "Download as Word" makes the pair's .docx here,
 * by the same core function as the CLI's (src/lib/export/docx.ts), loaded on
 * the first click.
 */
import type { ResolutionRecord } from '../lib/model.ts';
import { compareRecords, type CompareSide, type CompareView } from '../lib/compare/view.ts';
import { isPrecomputedPair } from '../lib/series/pairs.ts';
import { paths } from '../site/paths.ts';
import { initCompareControls } from './compare-controls.ts';
import { initPairPicker, type PickedVersion } from './compare-picker.ts';
import { saveFile } from './save-file.ts';

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

/** The "Download as Word" button of the summary: the comparison as tracked changes, made in the browser when clicked. */
function offerWord(ra: ResolutionRecord, rb: ResolutionRecord, a: PickedVersion, b: PickedVersion): void {
  const box = document.getElementById('compare-downloads');
  const button = document.getElementById('compare-docx');
  if (!box || !button) return;
  box.hidden = false;
  button.addEventListener('click', async () => {
    const [{ comparisonDocx }, { DOCX_TYPE }] = await Promise.all([import('../lib/export/docx.ts'), import('../lib/export/docx-package.ts')]);
    saveFile(comparisonDocx(ra, rb, { names: { a: a.name, b: b.name } }), `${a.slug}..${b.slug}.docx`, DOCX_TYPE);
  });
}

/** The elements a comparison is written into: the same on a pair's own page and on the page for any pair. */
interface PairTargets {
  root: HTMLElement;
  status: HTMLElement;
  heading: HTMLElement;
  summary: HTMLElement;
  rows: HTMLElement;
  result: HTMLElement;
}

function targets(): PairTargets | null {
  const [root, status, heading, summary, rows, result] = ['compare-any', 'compare-status', 'compare-heading', 'compare-summary', 'rows', 'compare-result'].map((id) => document.getElementById(id));
  return root && status && heading && summary && rows && result ? { root, status, heading, summary, rows, result } : null;
}

/**
 * Fetches the two records, renders their comparison with the core and wires
 * the view controls and the Word download. Returns the view, or null when
 * the records could not be loaded (the status says why).
 */
async function showPair(t: PairTargets, a: PickedVersion, b: PickedVersion): Promise<CompareView | null> {
  let view;
  let ra: ResolutionRecord;
  let rb: ResolutionRecord;
  try {
    [ra, rb] = await Promise.all([record(a.slug), record(b.slug)]);
    view = compareRecords(ra, rb, { series: t.root.dataset.seriesTitle ?? '', a: side(a), b: side(b) });
  } catch (e) {
    t.status.textContent = `The two versions could not be loaded (${e instanceof Error ? e.message : String(e)}). Try again later, or read the two versions: ${a.name} and ${b.name}.`;
    return null;
  }
  // The core's sanitized HTML (src/lib/compare/view.ts).
  t.heading.innerHTML = view.heading;
  t.summary.innerHTML = view.summary;
  t.rows.innerHTML = view.rows;
  // The labels of the side-by-side texts the browser derives (compare-controls.ts).
  t.rows.dataset.sideA = view.sideLabels.a;
  t.rows.dataset.sideB = view.sideLabels.b;
  t.result.hidden = false;
  initCompareControls();
  offerWord(ra, rb, a, b);
  // An anchor in the permalink (#c-OP6) names a row that did not exist when the page loaded.
  const target = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
  target?.scrollIntoView();
  return view;
}

/** The two sides of a pair's own page, from the data attributes the page writes on #compare-any. */
function pairOfPage(root: HTMLElement): [PickedVersion, PickedVersion] | null {
  const d = root.dataset;
  if (!d.a || !d.b) return null;
  const picked = (k: 'a' | 'b'): PickedVersion => ({ slug: d[k]!, index: Number(d[`${k}Index`]), name: d[`${k}Name`] ?? d[k]!, detail: d[`${k}Detail`] ?? '', href: d[`${k}Href`] ?? '' });
  return [picked('a'), picked('b')];
}

async function main(): Promise<void> {
  const t = targets();
  if (!t) return;
  const say = (text: string) => {
    t.status.textContent = text;
  };
  const own = pairOfPage(t.root);
  if (own) {
    // A pair's own page: its heading and summary are in the page; the rows are drawn here.
    const [a, b] = own;
    say(`Drawing the redline of ${a.name} and ${b.name}…`);
    const view = await showPair(t, a, b);
    if (view) say('');
    return;
  }
  const picker = initPairPicker();
  if (!picker) return;
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
  const view = await showPair(t, a, b);
  if (!view) return;
  document.title = `Compare ${view.title} · Palimpsest`;
  // The comparison comes first now; the picker stays one click away.
  const details = t.root.querySelector<HTMLDetailsElement>('details.pair-picker');
  if (details) details.open = false;
  t.status.replaceChildren(`Compared in your browser: ${view.changedRows} of ${view.rowCount} paragraphs changed.`);
  if (isPrecomputedPair(a.index, b.index, picker.count)) {
    const link = document.createElement('a');
    link.href = paths.compare(picker.series, a.slug, b.slug);
    link.textContent = 'its own page';
    t.status.append(' This pair also has ', link, '.');
  }
}

void main();
