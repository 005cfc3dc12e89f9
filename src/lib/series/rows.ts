/**
 * The lineage chart of a series: one row per paragraph lineage, one column
 * per version, from the core's seriesLineage (which gives each paragraph its
 * ancestor in the version before) and its alignments (which say whether the
 * step edited or moved it).
 */
import type { BlameSpan, Lineage } from './lineage.ts';

export type CellState = 'new' | 'edited' | 'moved' | 'unchanged' | 'split' | 'merged';

export interface Cell {
  /** Index of the version in the series. */
  version: number;
  /** Paragraph id in that version: "PP3", "OP5". */
  id: string;
  state: CellState;
  /** Where it came from in the version before (several for a merge). */
  from: string[];
  blame: BlameSpan[];
  /** Index of the version in which the paragraph first appeared, and of the one that last changed its words. */
  firstAppeared: number;
  lastChanged: number;
}

export interface Row {
  /** Anchor of the row's history on the series page: "h-<first version index>-<id>". */
  anchor: string;
  cells: (Cell | null)[];
}

/** Rows in reading order: a paragraph new in a version sits after its neighbour above. */
export function lineageRows(lineage: Lineage, versionKeys: readonly string[]): Row[] {
  const order: Row[] = [];
  let prevRowOf = new Map<string, Row>();
  lineage.versions.forEach((v, k) => {
    const al = k > 0 ? lineage.alignments[k - 1] : undefined;
    const change = new Map<string, CellState>();
    if (al) {
      for (const p of al.pairs) change.set(p.b, p.change === 'moved' ? 'moved' : p.change === 'edited' ? 'edited' : 'unchanged');
      for (const s of al.splits) for (const b of s.b) change.set(b, 'split');
      for (const m of al.merges) change.set(m.b, 'merged');
    }
    const rowOf = new Map<string, Row>();
    let above: Row | null = null;
    for (const p of v.paragraphs) {
      const cell: Cell = {
        version: k,
        id: p.id,
        state: p.ancestor === null ? 'new' : (change.get(p.id) ?? 'edited'),
        from: p.ancestors,
        blame: p.blame,
        firstAppeared: p.firstAppearedIndex,
        lastChanged: p.lastChangedIndex,
      };
      let row = p.ancestor !== null ? prevRowOf.get(p.ancestor) : undefined;
      if (row && row.cells[k]) row = undefined; // the second part of a split starts a row of its own
      if (!row) {
        row = { anchor: `h-${versionKeys[k] ?? k}-${p.id}`, cells: new Array(lineage.versions.length).fill(null) };
        const at = above ? order.indexOf(above) + 1 : firstRowOfVersion(order, k);
        order.splice(at, 0, row);
      }
      row.cells[k] = cell;
      rowOf.set(p.id, row);
      above = row;
    }
    prevRowOf = rowOf;
  });
  return order;
}

function firstRowOfVersion(order: readonly Row[], k: number): number {
  const i = order.findIndex((r) => r.cells[k - 1] || r.cells[k]);
  return i === -1 ? order.length : i;
}

/** For each version index and paragraph id, the anchor of its row. */
export function rowAnchors(rows: readonly Row[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const r of rows) for (const c of r.cells) if (c) out.set(`${c.version}:${c.id}`, r.anchor);
  return out;
}
