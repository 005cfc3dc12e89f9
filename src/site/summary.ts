/** The summary of the corpus and its diagnostics that `npm run build` prints. */
import type { SiteCorpus } from './corpus.ts';

const MAX_LISTED = 40;

export function corpusSummary(site: SiteCorpus): string[] {
  const { corpus, records, grouping } = site;
  const stages = new Map<string, number>();
  for (const r of records) stages.set(r.stage, (stages.get(r.stage) ?? 0) + 1);
  const multi = grouping.series.filter((s) => s.versions.length > 1);
  const diagnostics = [...corpus.diagnostics, ...site.overrideDiagnostics];
  const bySeverity = { error: 0, warning: 0, info: 0 };
  for (const d of diagnostics) bySeverity[d.severity]++;
  const lines = [
    `corpus: ${corpus.documents.length} documents, ${records.length} texts (${[...stages].map(([s, n]) => `${n} ${s}`).join(', ') || 'none'})`,
    `series: ${grouping.series.length} (${multi.length} with several versions, ${multi.reduce((n, s) => n + s.versions.length, 0)} versions in them)`,
    `diagnostics: ${bySeverity.error} errors, ${bySeverity.warning} warnings, ${bySeverity.info} notes`,
  ];
  const serious = diagnostics.filter((d) => d.severity !== 'info');
  for (const d of serious.slice(0, MAX_LISTED)) lines.push(`  ${d.severity}: ${d.file}${d.line ? `:${d.line}` : ''}: ${d.message} [${d.code}]`);
  if (serious.length > MAX_LISTED) lines.push(`  … and ${serious.length - MAX_LISTED} more`);
  return lines;
}
