/**
 * Lineages: the alignments of consecutive versions of a series chained, so
 * that every paragraph of every version knows its ancestor in the version
 * before, the version in which it first appeared, the version in which its
 * wording last changed, and for each stretch of its words the version that
 * introduced them (a "blame" view).
 *
 * A paragraph split from another inherits its history and counts as changed
 * in the version of the split; a paragraph merged from several takes the
 * first of them as its ancestor (all are listed) and the earliest first
 * appearance. Blame follows jsdiff's word diff (whole words, no islands
 * absorbed, so that no kept word is blamed on a later version).
 */
import type { ResolutionRecord } from '../model.ts';
import { alignUnits, versionLabel, type AlignOptions, type VersionAlignment } from '../align/align.ts';
import { unitsOf, type Unit } from '../align/units.ts';
import { rawHunks, snapToWords } from '../diff/redline.ts';

export interface BlameSpan {
  text: string;
  /** The version (label) that introduced these words. */
  version: string;
  /** Its 0-based index in the series (labels may repeat when two files hold the same symbol). */
  versionIndex: number;
}

export interface ParagraphLineage {
  /** "PP3", "OP5". */
  id: string;
  /** The paragraph it came from in the version before, or null when new. */
  ancestor: string | null;
  /** All it came from (several for a merge). */
  ancestors: string[];
  firstAppeared: string;
  lastChanged: string;
  /** 0-based indices of those versions in the series. */
  firstAppearedIndex: number;
  lastChangedIndex: number;
  blame: BlameSpan[];
}

export interface VersionLineage {
  version: string;
  paragraphs: ParagraphLineage[];
}

export interface Lineage {
  versions: VersionLineage[];
  /** The alignment of each version with the one before (versions.length - 1 of them). */
  alignments: VersionAlignment[];
}

interface Info {
  first: number;
  last: number;
  /** Version index for each character of the paragraph's text. */
  chars: Int32Array;
}

/** Carries character blame from old text to new text through the word diff; new words get `version`. */
export function carryBlame(oldText: string, oldChars: Int32Array, newText: string, version: number): Int32Array {
  const out = new Int32Array(newText.length).fill(version);
  let o = 0;
  let n = 0;
  for (const h of snapToWords(rawHunks(oldText, newText))) {
    if ('equal' in h) {
      for (let k = 0; k < h.equal.length && n < out.length; k++, n++) out[n] = oldChars[Math.min(o + k, oldChars.length - 1)] ?? version;
      o += h.equal.length;
    } else {
      o += h.delete.length;
      n += h.insert.length;
    }
  }
  return out;
}

function spans(text: string, chars: Int32Array, labels: readonly string[]): BlameSpan[] {
  const out: BlameSpan[] = [];
  for (let k = 0; k < text.length; ) {
    let e = k;
    while (e < text.length && chars[e] === chars[k]) e++;
    out.push({ text: text.slice(k, e), version: labels[chars[k]!]!, versionIndex: chars[k]! });
    k = e;
  }
  return out;
}

/** Chains the versions of one series, given in order (see group.ts for the order). */
export function seriesLineage(records: readonly ResolutionRecord[], options: AlignOptions = {}): Lineage {
  const labels = records.map(versionLabel);
  const units = records.map(unitsOf);
  const paragraphs = (k: number): Unit[] => [...units[k]!.preamble, ...units[k]!.operative];
  let prev = new Map<string, Info>();
  const versions: VersionLineage[] = [];
  const alignments: VersionAlignment[] = [];
  records.forEach((_, k) => {
    const now = new Map<string, Info>();
    const out: ParagraphLineage[] = [];
    const origin = new Map<string, string[]>();
    let changed = new Set<string>();
    if (k > 0) {
      const al = alignUnits(units[k - 1]!, units[k]!, options, { a: labels[k - 1]!, b: labels[k]! });
      alignments.push(al);
      for (const p of al.pairs) {
        origin.set(p.b, [p.a]);
        if (p.edited) changed.add(p.b);
      }
      for (const s of al.splits) for (const b of s.b) (origin.set(b, [s.a]), changed.add(b));
      for (const m of al.merges) (origin.set(m.b, m.a), changed.add(m.b));
    } else changed = new Set();
    const before = k > 0 ? new Map(paragraphs(k - 1).map((u) => [u.id, u])) : new Map<string, Unit>();
    for (const u of paragraphs(k)) {
      const from = origin.get(u.id) ?? [];
      const olds = from.map((id) => ({ unit: before.get(id)!, info: prev.get(id)! })).filter((x) => x.unit && x.info);
      let info: Info;
      if (!olds.length) info = { first: k, last: k, chars: new Int32Array(u.text.length).fill(k) };
      else {
        const oldText = olds.map((x) => x.unit.text).join(' ');
        const oldChars = new Int32Array(oldText.length).fill(k);
        let at = 0;
        for (const x of olds) {
          oldChars.set(x.info.chars.subarray(0, x.unit.text.length), at);
          at += x.unit.text.length + 1;
        }
        info = {
          first: Math.min(...olds.map((x) => x.info.first)),
          last: changed.has(u.id) ? k : Math.max(...olds.map((x) => x.info.last)),
          chars: oldText === u.text ? oldChars : carryBlame(oldText, oldChars, u.text, k),
        };
      }
      now.set(u.id, info);
      out.push({
        id: u.id,
        ancestor: from[0] ?? null,
        ancestors: from,
        firstAppeared: labels[info.first]!,
        lastChanged: labels[info.last]!,
        firstAppearedIndex: info.first,
        lastChangedIndex: info.last,
        blame: spans(u.text, info.chars, labels),
      });
    }
    versions.push({ version: labels[k]!, paragraphs: out });
    prev = now;
  });
  return { versions, alignments };
}
