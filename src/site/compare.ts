/**
 * Moved to the core: src/lib/compare/rows.ts (rows and summary counts) and
 * src/lib/compare/view.ts (the compare markup, shared with the browser).
 * Kept so that the site's existing imports (data.ts, StepChart, StepCounts,
 * the history page) go on working; new code imports from the core.
 */
export { compareRows, compareEntries, redlineHtml, segmentsToHast, summarize, type CompareEntry, type CompareRow, type RowChange, type StepSummary } from '../lib/compare/rows.ts';
