/**
 * The check-a-draft page (/check/): the pasted or dropped text is parsed and
 * checked here, by the core (src/lib/parse, src/lib/check), against the
 * shards of the index the draft needs (data/check/, src/lib/check/shards.ts).
 * The text is never sent anywhere and never set as markup: every text of the
 * result is written with textContent. The permalink carries the draft,
 * compressed, after the "#", which a browser does not send to the server.
 * The index's two fixed files are fetched as the page opens.
 */
import { UnreadableDocumentError } from '../lib/ingest/decode.ts';
import { parseDocument } from '../lib/parse/document.ts';
import { checkRecord, type CheckedParagraph, type CheckResult } from '../lib/check/agreed.ts';
import type { PhraseSource } from '../lib/check/phrases.ts';
import { FILTERS, loadCheckIndex, MANIFEST, type ShardLoader } from '../lib/check/shards.ts';
import { checkJson } from '../lib/check/json.ts';
import { redline } from '../lib/diff/redline.ts';

const STATUS_NAME = { agreed: 'Agreed language', modified: 'Modified agreed language', new: 'New' } as const;
const SOURCES_SHOWN = 3;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (className) e.className = className;
  return e;
}

function sourceName(s: PhraseSource): string {
  return `${s.symbol ?? s.version}${s.year ? ` (${s.year})` : ''}, ${s.paragraph}`;
}

/** A link to a source's paragraph on its version page (a check source is a phrase source too). */
function sourceLink(s: PhraseSource, pattern: string): HTMLAnchorElement {
  const a = el('a', sourceName(s));
  a.href = `${pattern.replace('@slug@', encodeURIComponent(s.version))}#${encodeURIComponent(s.paragraph)}`;
  return a;
}

function redlineNode(from: string, to: string): HTMLElement {
  const p = el('p', undefined, 'redline');
  for (const seg of redline(from, to)) p.append(seg.kind === 'equal' ? document.createTextNode(seg.text) : el(seg.kind === 'delete' ? 'del' : 'ins', seg.text));
  return p;
}

function paragraphItem(p: CheckedParagraph, pattern: string): HTMLLIElement {
  const li = el('li', undefined, `check-${p.status}`);
  li.id = `check-${p.id}`;
  li.dataset.status = p.status;
  const head = el('h3');
  head.append(el('span', p.id, 'check-id'), ' ', el('span', STATUS_NAME[p.status], `badge badge-${p.status}`));
  li.append(head);
  const best = p.sources[0];
  if (p.status === 'modified' && best) {
    const lead = el('p');
    lead.append(`${Math.round(best.similarity * 100)}% the same words as `, sourceLink(best, pattern), ':');
    li.append(lead, redlineNode(best.text, p.text));
  } else {
    li.append(el('p', p.text, 'check-text'));
    if (p.status === 'agreed' && best) {
      const from = el('p');
      from.append('The same words as ', sourceLink(best, pattern), '.');
      li.append(from);
    }
  }
  if (p.verb) li.append(el('p', `Verb: “${p.verb.from}” in the source, “${p.verb.to}” here (${p.verb.direction === 'unranked' ? 'not on the scale' : p.verb.direction}).`, `verb-${p.verb.direction}`));
  const others = p.sources.slice(p.status === 'new' ? 0 : 1, SOURCES_SHOWN + 1);
  if (others.length) {
    const d = el('details');
    d.append(el('summary', p.status === 'new' ? `Closest earlier paragraphs (${others.length})` : `Other sources (${others.length})`));
    const ul = el('ul');
    for (const s of others) {
      const item = el('li');
      item.append(sourceLink(s, pattern), `: ${Math.round(s.similarity * 100)}% the same words`);
      ul.append(item);
    }
    d.append(ul);
    li.append(d);
  }
  if (p.phrases.length) {
    const d = el('details');
    d.append(el('summary', `Phrases of eight words or more found earlier (${p.phrases.length})`));
    const ul = el('ul');
    for (const ph of p.phrases) {
      const item = el('li');
      item.append(el('q', ph.text), ' first in ', sourceLink(ph.source, pattern));
      ul.append(item);
    }
    d.append(ul);
    li.append(d);
  }
  return li;
}

function summaryText(r: CheckResult): string {
  const s = r.summary;
  const n = r.paragraphs.length;
  return `${n} paragraph${n === 1 ? '' : 's'}: ${s.agreed} agreed, ${s.modified} modified, ${s.new} new. Operative verbs: ${s.stronger} stronger and ${s.weaker} weaker than in their source.`;
}

async function pack(text: string): Promise<string> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

async function unpack(packed: string): Promise<string> {
  const bin = atob(packed.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  return new Response(stream).text();
}

export function initCheckPage(): void {
  const form = document.getElementById('check-form') as HTMLFormElement | null;
  const input = document.getElementById('check-text') as HTMLTextAreaElement | null;
  const file = document.getElementById('check-file') as HTMLInputElement | null;
  const status = document.getElementById('check-status');
  const section = document.getElementById('check-result');
  const summary = document.getElementById('check-summary');
  const list = document.getElementById('check-paragraphs');
  if (!form || !input || !file || !status || !section || !summary || !list) return;
  const base = form.dataset.index!;
  const pattern = form.dataset.version!;
  const say = (t: string) => {
    status.textContent = t;
  };
  let last: { name: string; result: CheckResult } | null = null;
  const get = async (path: string) => {
    const res = await fetch(base + path);
    if (!res.ok) throw new Error(`${path}: ${res.status} ${res.statusText}`);
    return res;
  };
  // The two files every check reads (the manifest and the filters: some 3 MB at 10,000 versions) are fetched as the
  // page opens, while the draft is pasted, and kept for the next check; a fetch that failed is made again.
  const kept = new Map<string, Promise<unknown>>();
  const keep = <T>(path: string, read: (res: Response) => Promise<T>): Promise<T> => {
    let p = kept.get(path) as Promise<T> | undefined;
    if (!p) {
      p = get(path).then(read);
      kept.set(path, p);
      p.catch(() => kept.delete(path));
    }
    return p;
  };
  const loader: ShardLoader = {
    json: (path) => (path === MANIFEST ? keep(path, (res) => res.json()) : get(path).then((res) => res.json())),
    bytes: (path) => (path === FILTERS ? keep(path, async (res) => new Uint8Array(await res.arrayBuffer())) : get(path).then(async (res) => new Uint8Array(await res.arrayBuffer()))),
  };
  void loader.json(MANIFEST).catch(() => {});
  void loader.bytes(FILTERS).catch(() => {});

  async function run(text: string, name: string): Promise<void> {
    section!.hidden = true;
    list!.replaceChildren();
    if (!text.trim()) return say('Paste a draft, or open a file, first.');
    const started = performance.now();
    say('Checking…');
    const doc = parseDocument(text, name);
    const record = doc.resolutions[0];
    const parsedAt = performance.now();
    if (!record) return say(`No resolution text found in ${name}: paste it from “The General Assembly,” on, with its numbered paragraphs.`);
    try {
      const { index, files } = await loadCheckIndex(record, loader);
      const loaded = performance.now();
      const result = checkRecord(record, index);
      const checked = performance.now();
      last = { name, result };
      summary!.textContent = summaryText(result);
      list!.append(...result.paragraphs.map((p) => paragraphItem(p, pattern)));
      section!.hidden = false;
      const more = doc.resolutions.length > 1 ? ` The text holds ${doc.resolutions.length} resolutions: the first was checked.` : '';
      say(`Checked ${result.paragraphs.length} paragraphs in ${((performance.now() - started) / 1000).toFixed(1)} s, reading ${files.length} files of the index.${more}`);
      document.body.dataset.checked = String(result.paragraphs.length);
      // The phases, for the benchmark (scripts/bench-check.ts --browser) and the browser's performance panel.
      performance.measure('check:parse', { start: started, end: parsedAt });
      performance.measure('check:index', { start: parsedAt, end: loaded });
      performance.measure('check:check', { start: loaded, end: checked });
      performance.measure('check:render', { start: checked, end: performance.now() });
    } catch (e) {
      say(`The check index could not be read (${e instanceof Error ? e.message : String(e)}).`);
    }
  }

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void run(input.value, 'the pasted text');
  });
  async function openFile(f: File): Promise<void> {
    try {
      // A Word document (.docx) becomes the text the parser reads: numbers, italics, footnotes. The reader
      // (a zip reader and an XML parser, some 30 kB) is loaded only when a file is opened.
      const { documentText } = await import('../lib/ingest/docx.ts');
      const { text } = documentText(new Uint8Array(await f.arrayBuffer()), f.name);
      input!.value = text;
      await run(text, f.name);
    } catch (e) {
      say(e instanceof UnreadableDocumentError ? e.message : `${f.name}: cannot be read (${e instanceof Error ? e.message : String(e)})`);
    }
  }
  file.addEventListener('change', () => {
    if (file.files?.[0]) void openFile(file.files[0]);
  });
  input.addEventListener('dragover', (e) => e.preventDefault());
  input.addEventListener('drop', (e) => {
    const f = e.dataTransfer?.files[0];
    if (!f) return;
    e.preventDefault();
    void openFile(f);
  });
  document.getElementById('check-permalink')?.addEventListener('click', async () => {
    const url = `${location.origin}${location.pathname}#text=${await pack(input.value)}`;
    history.replaceState(null, '', url);
    try {
      await navigator.clipboard.writeText(url);
      say('The permalink is in the address bar and copied.');
    } catch {
      say('The permalink is in the address bar.');
    }
  });
  document.getElementById('check-download')?.addEventListener('click', () => {
    if (!last) return;
    const a = el('a');
    a.href = URL.createObjectURL(new Blob([`${JSON.stringify(checkJson(last.result), null, 2)}\n`], { type: 'application/json' }));
    a.download = 'check.json';
    a.click();
    URL.revokeObjectURL(a.href);
  });
  document.getElementById('check-print')?.addEventListener('click', () => window.print());
  const m = /^#text=([A-Za-z0-9_-]+)$/.exec(location.hash);
  if (m) {
    unpack(m[1]!).then(
      (text) => {
        input.value = text;
        return run(text, 'the text of the permalink');
      },
      () => say('The permalink’s text cannot be read: it may have been cut short.'),
    );
  }
}
