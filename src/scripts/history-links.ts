/**
 * The "History" link of each paragraph of a version page, to its row in the
 * series' paragraph histories. The page names the series once
 * (article[data-history-of]) and each paragraph's history by part and anchor
 * (p.para-tools[data-history="<part> <anchor>"]); the links are made here
 * with the site's own paths. Written out in the page, they were a third of a
 * version page (issue 14: the pages of 10,000 versions must fit GitHub
 * Pages). Without JavaScript, the page links the series' histories once.
 */
import { paths } from '../site/paths.ts';

const article = document.querySelector<HTMLElement>('article[data-history-of]');
const series = article?.dataset.historyOf;
if (article && series) {
  for (const tools of article.querySelectorAll<HTMLElement>('p.para-tools[data-history]')) {
    const [part, anchor] = tools.dataset.history!.split(' ');
    const own = tools.querySelector('a');
    const id = own?.getAttribute('href')?.slice(1);
    if (!own || !part || !anchor || !id) continue;
    const link = document.createElement('a');
    link.href = paths.historyPart(series, Number(part), anchor);
    const vh = document.createElement('span');
    vh.className = 'vh';
    vh.textContent = ` of ${id}`;
    link.append('History', vh);
    own.after(' · ', link);
  }
}
