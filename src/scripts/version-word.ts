/**
 * The "Word" download of a version page: the version's clean text as a Word
 * document, made here from its record (data/records/<slug>.json) by the same
 * core function as `palimpsest export --format docx` (src/lib/export/docx.ts),
 * loaded on the first click. The site does not carry a prebuilt .docx of
 * every version (issue 14: a 10,000-version site must fit GitHub Pages).
 * Without JavaScript the link stays hidden.
 */
import type { ResolutionRecord } from '../lib/model.ts';
import { paths } from '../site/paths.ts';
import { saveFile } from './save-file.ts';

for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-word-of]')) {
  const slug = button.dataset.wordOf!;
  const item = button.closest<HTMLElement>('.word-download') ?? button;
  item.hidden = false;
  button.addEventListener('click', async () => {
    try {
      const res = await fetch(paths.record(slug));
      if (!res.ok) throw new Error(`${res.status} ${res.statusText}`);
      const record = (await res.json()) as ResolutionRecord;
      const [{ versionDocx }, { DOCX_TYPE }] = await Promise.all([import('../lib/export/docx.ts'), import('../lib/export/docx-package.ts')]);
      saveFile(versionDocx(record), `${slug}.docx`, DOCX_TYPE);
    } catch (err) {
      button.title = `The Word document could not be made (${err instanceof Error ? err.message : String(err)}).`;
    }
  });
}
