/**
 * groupSeries at scale: it no longer compares every pair of texts, and must
 * group exactly as the rule says all the same.
 *
 * - `similarTitleSets` finds the pairs of titles that reach the floor, the
 *   same as comparing every pair, without scoring titles that share only
 *   common words (or nothing);
 * - on synthetic corpora full of the hard cases (titles alike at every
 *   level, renamed series confirmed by their paragraphs, two series of one
 *   session, draft and Rev.1, ordinals, decisions, texts without a symbol),
 *   the grouping is the one of the all-pairs rule, written out plainly below
 *   as the reference;
 * - the grouping does not depend on the order the texts come in;
 * - a corpus of a few thousand texts groups into its series.
 *
 * Records are built directly (a title and operative paragraphs), not parsed.
 */
import { describe, expect, it } from 'vitest';
import type { ResolutionRecord, Stage } from '../../src/lib/model.ts';
import { compareVersions, contentShare, groupSeries, similarTitleSets, titleSimilarity, titleWords } from '../../src/lib/series/group.ts';
import { unitsOf } from '../../src/lib/align/units.ts';
import { TermSpace } from '../../src/lib/align/similarity.ts';

/** mulberry32: a small seeded generator, so that every run sees the same corpora. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Spec {
  id: string;
  title: string;
  session: number | null;
  symbol: string | null;
  stage?: Stage;
  paragraphs: string[];
}

function record(o: Spec): ResolutionRecord {
  const year = o.session === null ? null : 1945 + o.session;
  return {
    id: o.id,
    source: `${o.id.split('/')[0]}.txt`,
    position: Number(o.id.split('/')[1] ?? 1),
    symbol: o.symbol,
    title: o.title,
    session: o.session,
    year,
    date: year === null ? null : `${year}-11-${String(10 + (o.stage === 'revised-draft' ? 5 : 0)).padStart(2, '0')}`,
    stage: o.stage ?? 'draft',
    committee: 'Third Committee',
    agendaItem: null,
    sponsors: [],
    joinedSponsors: [],
    submittedBy: null,
    adoption: null,
    origin: '',
    notes: [],
    lines: { start: 1, end: 1 },
    tree: {
      type: 'resolution',
      children: [
        { type: 'title', children: [{ type: 'text', value: o.title }] },
        {
          type: 'operativePart',
          children: o.paragraphs.map((t, k) => ({ type: 'operativeParagraph', id: `OP${k + 1}`, number: k + 1, verb: null, children: [{ type: 'text', value: t }] })),
        },
      ],
    },
    diagnostics: [],
    coverage: { words: 0, covered: 0 },
  };
}

const ORDINALS = ['Tenth', 'Eleventh', 'Twelfth', 'Thirteenth', 'Fourteenth', 'Fifteenth', 'Sixteenth', 'Seventeenth', 'Eighteenth', 'Nineteenth', 'Twentieth'];
const HEADS = ['Strengthening international cooperation against', 'Technical assistance for preventing', 'Preventing and combating', 'Protection of victims of', 'Follow-up to the # Congress on'];
const COMMON = 'the of and to in States Member United Nations General Assembly Office crime international cooperation national'.split(' ');

/**
 * A corpus of `count` series with the hard cases of grouping. Series draw title words from
 * few heads and topics (so titles are alike at every level); some are renamed midway (the
 * paragraphs carry over); some take paragraphs from a pool shared by all; sessions overlap.
 */
function corpus(seed: number, count: number, options: { topics?: number; sessions?: number } = {}): { records: ResolutionRecord[]; truth: string[][] } {
  const rnd = random(seed);
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const topics = Array.from({ length: options.topics ?? 12 }, (_, k) => `topic${k}`);
  const word = () => (rnd() < 0.45 ? pick(COMMON) : `w${Math.floor(rnd() * 3000)}`);
  const sentence = () => Array.from({ length: int(8, 30) }, word).join(' ') + ';';
  const pool = Array.from({ length: 40 }, sentence);
  const records: ResolutionRecord[] = [];
  const truth: string[][] = [];
  const symbolsOfSession = new Map<number, number>();
  for (let s = 0; s < count; s++) {
    const head = pick(HEADS);
    const topic = [pick(topics), pick(topics)].filter((t, k, a) => a.indexOf(t) === k).join(' and ');
    const region = rnd() < 0.5 ? ` in region${int(0, 5)}` : '';
    let ordinal = int(0, 4);
    const titleAt = (renamed: boolean) => {
      const h = renamed ? pick(HEADS.filter((x) => x !== head)) : head;
      return `${h.replace('#', ORDINALS[ordinal]!)} ${topic}${region}`;
    };
    let paragraphs = Array.from({ length: int(3, 12) }, () => (rnd() < 0.2 ? pick(pool) : sentence()));
    const versions = int(1, 8);
    const renameAt = rnd() < 0.25 ? int(1, versions) : versions + 1;
    let session = int(40, 40 + (options.sessions ?? 30));
    const ids: string[] = [];
    for (let v = 0; v < versions; v++) {
      const title = titleAt(v >= renameAt);
      const kind = rnd();
      const withSymbol = kind > 0.05;
      const k = (symbolsOfSession.get(session) ?? 0) + 1;
      symbolsOfSession.set(session, k);
      const symbol = withSymbol ? `A/C.3/${session}/L.${k}` : null;
      const id = `s${s}v${v}/1`;
      records.push(record({ id, title, session: kind < 0.02 ? null : session, symbol, paragraphs }));
      ids.push(id);
      if (withSymbol && rnd() < 0.3) {
        // The revised draft of the same session, under the same base symbol.
        paragraphs = paragraphs.map((p) => (rnd() < 0.2 ? p.replace(/ \S+;$/, ` ${word()};`) : p));
        const rev = `s${s}v${v}/2`;
        records.push(record({ id: rev, title, session, symbol: `${symbol}/Rev.1`, stage: 'revised-draft', paragraphs }));
        ids.push(rev);
      }
      // The next session: some paragraphs edited, one dropped, one added; ordinals move on.
      paragraphs = paragraphs.filter(() => rnd() > 0.1).map((p) => (rnd() < 0.3 ? p.replace(/^\S+/, word()) : p));
      paragraphs.push(rnd() < 0.2 ? pick(pool) : sentence());
      session += int(1, 2);
      ordinal = Math.min(ordinal + 1, ORDINALS.length - 1);
    }
    if (rnd() < 0.1) records.push(record({ id: `s${s}d/1`, title: titleAt(false), session, symbol: `A/${session}/D.${s}`, stage: 'decision', paragraphs: [] }));
    truth.push(ids);
  }
  return { records, truth };
}

/** The rule, pair by pair, as groupSeries applied it before it grew an index: the reference. */
function allPairs(records: readonly ResolutionRecord[], titleThreshold = 0.85, titleFloor = 0.3, contentThreshold = 0.2) {
  const recs = [...records].sort(compareVersions);
  const n = recs.length;
  const parent = recs.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const base = (s: string) => s.replace(/\/Rev\.\d+$/i, '').replace(/\/Corr\.\d+$/i, '');
  const members = (root: number) => recs.map((_, i) => i).filter((i) => find(i) === root);
  const compatible = (x: number, y: number) => {
    for (const i of members(find(x)))
      for (const j of members(find(y))) {
        const a = recs[i]!;
        const b = recs[j]!;
        if (a.session !== null && a.session === b.session && a.symbol && b.symbol && base(a.symbol) !== base(b.symbol)) return false;
      }
    return true;
  };
  const evidence = new Map<number, Set<string>>();
  const join = (x: number, y: number, why: string) => {
    const [rx, ry] = [find(x), find(y)];
    evidence.set(rx, new Set([...(evidence.get(rx) ?? []), ...(evidence.get(ry) ?? []), why]));
    parent[ry] = rx;
  };
  const texts = (r: ResolutionRecord) => [...unitsOf(r).preamble, ...unitsOf(r).operative].map((u) => u.fullText);
  const space = new TermSpace(recs.flatMap(texts));
  const vectors = recs.map((r) => texts(r).map((t) => space.vector(t)));
  const cands: { i: number; j: number; t: number }[] = [];
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      if (recs[i]!.stage === 'decision' || recs[j]!.stage === 'decision') continue;
      const t = titleSimilarity(recs[i]!.title, recs[j]!.title);
      if (t >= titleFloor) cands.push({ i, j, t });
    }
  cands.sort((x, y) => y.t - x.t || x.i - y.i || x.j - y.j);
  let confirmed = 0;
  for (const c of cands) {
    if (find(c.i) === find(c.j) || !compatible(c.i, c.j)) continue;
    if (c.t >= titleThreshold) join(c.i, c.j, 'title');
    else if (contentShare(vectors[c.i]!, vectors[c.j]!) >= contentThreshold) {
      join(c.i, c.j, 'title+content');
      confirmed++;
    }
  }
  const groups = new Map<number, string[]>();
  recs.forEach((r, i) => (groups.get(find(i)) ?? groups.set(find(i), []).get(find(i))!).push(r.id));
  const series = [...groups].map(([root, ids]) => ({ ids, evidence: [...(evidence.get(root) ?? [])].sort() }));
  return { series: series.sort((a, b) => (a.ids[0]! < b.ids[0]! ? -1 : 1)), confirmed };
}

/** groupSeries' grouping in the reference's terms. */
function grouping(records: readonly ResolutionRecord[], titleThreshold?: number, titleFloor?: number, contentThreshold?: number) {
  const order = new Map([...records].sort(compareVersions).map((r, i) => [r.id, i]));
  return groupSeries(records, undefined, { titleThreshold, titleFloor, contentThreshold })
    .series.map((s) => ({ ids: s.versions.map((v) => v.id).sort((a, b) => order.get(a)! - order.get(b)!), evidence: s.evidence }))
    .sort((a, b) => (a.ids[0]! < b.ids[0]! ? -1 : 1));
}

function shuffled<T>(xs: readonly T[], seed: number): T[] {
  const rnd = random(seed);
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe('similarTitleSets', () => {
  const sets = (titles: readonly string[]) => titles.map((t) => [...new Set(titleWords(t))]);
  const bruteForce = (ws: readonly string[][], floor: number) => {
    const out: string[] = [];
    for (let b = 1; b < ws.length; b++)
      for (let a = 0; a < b; a++) {
        const y = new Set(ws[b]);
        const x = new Set(ws[a]);
        const shared = [...x].filter((w) => y.has(w)).length;
        const t = !x.size && !y.size ? 1 : (2 * shared) / (x.size + y.size);
        if (t >= floor) out.push(`${a}-${b}:${t}`);
      }
    return out.sort();
  };

  it('finds the same pairs, with the same similarity, as comparing every pair', () => {
    const rnd = random(7);
    const vocabulary = Array.from({ length: 40 }, (_, k) => `v${k}`);
    const titles = Array.from({ length: 300 }, () => Array.from({ length: 1 + Math.floor(rnd() * 9) }, () => vocabulary[Math.floor(rnd() ** 2 * vocabulary.length)]!).join(' '));
    const distinct = [...new Map(sets(titles).map((s) => [[...s].sort().join(' '), s])).values()];
    distinct.push([]);
    for (const floor of [0, 0.1, 0.3, 0.5, 0.85, 1, 1.5]) {
      const found = similarTitleSets(distinct, floor).pairs.map((p) => `${p.a}-${p.b}:${p.t}`).sort();
      expect(found, `floor ${floor}`).toEqual(bruteForce(distinct, floor));
    }
  });

  it('never scores titles that share no word, nor titles that share only a word most titles have', () => {
    // 200 titles, each of six words of its own and "international": similarity 2/14 at most.
    const titles = Array.from({ length: 200 }, (_, k) => `International ${['a', 'b', 'c', 'd', 'e', 'f'].map((x) => `${x}${k}`).join(' ')}`);
    const r = similarTitleSets(sets(titles), 0.3);
    expect(r.pairs).toEqual([]);
    expect(r.scored).toBe(0);
  });

  it('scores only titles that share a rare word', () => {
    // Ten topics of twenty titles; a title shares its topic word with 19 others and nothing else.
    const titles = Array.from({ length: 200 }, (_, k) => `Measures on topic${k % 10} x${k} y${k} z${k}`);
    const r = similarTitleSets(sets(titles), 0.3);
    expect(r.scored).toBeLessThanOrEqual(10 * ((20 * 19) / 2));
    expect(r.pairs.length).toBe(10 * ((20 * 19) / 2));
  });
});

describe('groupSeries on synthetic corpora', () => {
  it('groups as the all-pairs rule does, hard cases included', () => {
    let confirmed = 0;
    for (const seed of [1, 2, 3]) {
      const { records } = corpus(seed, 60, { topics: 6, sessions: 20 });
      const reference = allPairs(records);
      confirmed += reference.confirmed;
      expect(grouping(records), `seed ${seed}`).toEqual(reference.series);
    }
    // The corpora exercise the content confirmation, not only the titles.
    expect(confirmed).toBeGreaterThan(0);
  });

  it('groups as the all-pairs rule does with other thresholds', () => {
    const { records } = corpus(4, 40, { topics: 5, sessions: 15 });
    for (const [t, f, c] of [
      [0.6, 0.2, 0.1],
      [1, 0.5, 0.3],
      [0.85, 0.3, 0],
    ] as const)
      expect(grouping(records, t, f, c), `${t} ${f} ${c}`).toEqual(allPairs(records, t, f, c).series);
  });

  it('does not depend on the order of the texts', () => {
    const { records } = corpus(5, 150);
    const once = groupSeries(records);
    for (const seed of [1, 2]) expect(groupSeries(shuffled(records, seed))).toEqual(once);
  });

  it('groups a corpus of a few thousand texts into its series', () => {
    // 600 series with titles of their own words over 70 sessions; one in ten also shares the
    // words of a common head with the others of its kind (a title similarity of 0.5, so their
    // contents are compared).
    const rnd = random(9);
    const records: ResolutionRecord[] = [];
    const truth: string[][] = [];
    for (let s = 0; s < 600; s++) {
      const title = `${s % 10 ? 'Measures on' : 'Strengthening international cooperation on'} r${s}a r${s}b r${s}c`;
      let session = 20 + Math.floor(rnd() * 50);
      const ids: string[] = [];
      const paragraphs = Array.from({ length: 5 }, (_, k) => `Requests the Secretary-General to report on p${s}x${k} p${s}y${k} and q${k};`);
      for (let v = 0; v < 3 + Math.floor(rnd() * 5); v++) {
        const id = `big${s}/${v + 1}`;
        records.push(record({ id, title, session, symbol: `A/C.3/${session}/L.${s + 1}`, paragraphs }));
        ids.push(id);
        session += 1;
      }
      truth.push(ids);
    }
    const { series } = groupSeries(shuffled(records, 3));
    const found = series.map((s) => s.versions.map((v) => v.id).sort().join(' ')).sort();
    expect(found).toEqual(truth.map((ids) => [...ids].sort().join(' ')).sort());
    expect(series.every((s) => s.evidence.join() === 'title')).toBe(true);
  });
});
