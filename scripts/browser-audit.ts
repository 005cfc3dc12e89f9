// Runs axe-core on one page of each kind of the built site (dist/) and prints the time it took and any violation.
import AxeBuilder from '@axe-core/playwright';
import { serve, launch } from '../tests/browser/helpers.ts';
const s = await serve(); const b = await launch();
const p = await (await b.newContext()).newPage();
const slug = 'strengthening-the-united-nations-crime-prevention-and-criminal-justice-programme';
for (const url of ['/', `/versions/a-c-3-74-l-18-rev-1/`, `/series/${slug}/compare/a-c-3-74-l-18-rev-1..a-c-3-75-l-8-rev-1/`, `/series/${slug}/`, `/series/${slug}/history/`]) {
  await p.goto(s.url + url);
  const t = Date.now();
  const r = await new AxeBuilder({ page: p }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  console.log(url, Date.now() - t, 'ms', await p.evaluate(() => document.getElementsByTagName('*').length), 'nodes');
  for (const v of r.violations) console.log('  ', v.id, v.help, v.nodes.length, v.nodes.slice(0,2).map(n=>n.target.join(' ')+' '+(n.failureSummary??'').slice(0,200)));
}
await b.close(); await s.close();
