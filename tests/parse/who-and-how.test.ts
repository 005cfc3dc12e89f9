/**
 * Who and how, beside the text: sponsors who joined or left between two
 * versions, how each draft was adopted, and who each operative paragraph
 * asks to act. Expectations by reading the seeds (lines cited).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseBytes } from '../../src/lib/index.ts';
import { operativeOf } from '../../src/lib/export/parse-json.ts';
import { clauseFacts } from '../../src/lib/parse/addressees.ts';
import { readOralRevision, readVote, voteText } from '../../src/lib/parse/adoption.ts';
import { sponsorChange } from '../../src/lib/series/sponsors.ts';

const parse = (name: string) => parseBytes(readFileSync(new URL(`../../content/${name}`, import.meta.url)), `content/${name}`);
const bySymbol = (name: string, symbol: string) => parse(name).resolutions.find((r) => r.symbol === symbol)!;

describe('adoption of each draft of the 2019 report (ga74, section II)', () => {
  const records = parse('ga74-2019-third-committee-report.txt').resolutions.filter((r) => r.stage === 'recommended');
  it('L.2 to L.7 at the 43rd meeting on 5 November (paras. 7-20), L.10/Rev.1 at the 48th on 15 November (paras. 21-24), L.18/Rev.1 at the 52nd on 19 November (paras. 26-28)', () => {
    expect(records.map((r) => [r.symbol, r.adoption?.meeting, r.adoption?.date])).toEqual([
      ['A/C.3/74/L.2', '43rd meeting', '2019-11-05'],
      ['A/C.3/74/L.3', '43rd meeting', '2019-11-05'],
      ['A/C.3/74/L.4', '43rd meeting', '2019-11-05'],
      ['A/C.3/74/L.5', '43rd meeting', '2019-11-05'],
      ['A/C.3/74/L.6', '43rd meeting', '2019-11-05'],
      ['A/C.3/74/L.7', '43rd meeting', '2019-11-05'],
      ['A/C.3/74/L.10/Rev.1', '48th meeting', '2019-11-15'],
      ['A/C.3/74/L.18/Rev.1', '52nd meeting', '2019-11-19'],
    ]);
  });
  it('the report states no vote and no oral revision for any of them: the vote is "not stated", never guessed', () => {
    for (const r of records) {
      expect(r.adoption?.vote).toBeNull();
      expect(r.adoption?.oralRevisions).toEqual([]);
    }
    expect(voteText(null)).toBe('not stated in the document');
  });
  it('L.2 to L.7 were submitted by the Chair on the recommendation of the Economic and Social Council, so they have no sponsors (paras. 7-20); L.10/Rev.1 and L.18/Rev.1 were submitted by states', () => {
    expect(records.map((r) => r.submittedBy)).toEqual([...Array(6).fill('the Chair on the recommendation of the Council'), null, null]);
    expect(records.slice(0, 6).every((r) => r.sponsors.length === 0 && r.joinedSponsors.length === 0)).toBe(true);
    expect(sponsorChange(records[0]!, records[6]!)).toBeNull();
  });
});

describe('oral revisions before adoption (ga68)', () => {
  it('L.20/Rev.1 was orally corrected by the representative of Uganda (para. 39); L.21/Rev.1 orally revised by the representative of Colombia (para. 43)', () => {
    const l20 = bySymbol('ga68-2013-third-committee-report.txt', 'A/C.3/68/L.20/Rev.1');
    expect(l20.adoption?.oralRevisions.map((o) => [o.kind, o.by])).toEqual([['corrected', 'the representative of Uganda']]);
    const l21 = bySymbol('ga68-2013-third-committee-report.txt', 'A/C.3/68/L.21/Rev.1');
    expect(l21.adoption?.oralRevisions.map((o) => [o.kind, o.by])).toEqual([['revised', 'the representative of Colombia']]);
    expect(l21.adoption?.oralRevisions[0]!.statement).toMatch(/^At the same meeting, the representative of Colombia orally revised the draft resolution by deleting operative paragraph 10/);
  });
  it('"adopted … as orally revised" alone says it was, not who did it', () => {
    expect(readOralRevision('44. Also at its 52nd meeting, the Committee adopted draft resolution A/C.3/68/L.21/Rev.1, as orally revised (see para. 47).')).toMatchObject({ kind: 'revised', by: null });
    expect(readOralRevision('27. At the same meeting, the representative of Italy made a statement.')).toBeNull();
  });
});

describe('votes as UN texts state them', () => {
  it('a recorded vote with counts, names in brackets between them (GA/11035, 2010)', () => {
    expect(readVote('In one such text, adopted by a recorded vote of 169 in favour to 6 against (Israel, Marshall Islands, Federated States of Micronesia, Nauru, Palau, United States), with 3 abstentions (Cameroon, Côte d’Ivoire, Panama), the Assembly demanded')).toEqual({ method: 'recorded', inFavour: 169, against: 6, abstaining: 3, lists: null });
  });
  it('a vote that was not recorded, and none against (GA/SPD/307, GA/10559)', () => {
    expect(readVote('The Committee approved, by a vote of 154 in favour to 1 against (Israel) with 9 abstentions(Albania, Cameroon), a draft')).toMatchObject({ method: 'vote', inFavour: 154, against: 1, abstaining: 9 });
    expect(readVote('By a recorded vote of 159 in favour to none against, with 7 abstentions (Federated States of Micronesia, Fiji), it adopted')).toMatchObject({ method: 'recorded', inFavour: 159, against: 0, abstaining: 7 });
  });
  it('without a vote; and nothing when the sentence says nothing', () => {
    expect(readVote('The Assembly also adopted, without a vote, four plenary-generated texts')).toMatchObject({ method: 'without-vote' });
    expect(readVote('8. At the same meeting, the Committee adopted draft resolution A/C.3/74/L.2 (see para. 29, draft resolution I).')).toBeNull();
    expect(voteText({ method: 'recorded', inFavour: 121, against: 35, abstaining: 28, lists: null })).toBe('by a recorded vote of 121 to 35, with 28 abstentions');
  });
});

describe('sponsors who joined and left between two versions', () => {
  const y2019 = bySymbol('ga74-2019-third-committee-report.txt', 'A/C.3/74/L.18/Rev.1');
  const y2020 = bySymbol('ga75-2020-third-committee-report.md', 'A/C.3/75/L.8/Rev.1');
  it('from L.18/Rev.1 (2019, para. 26) to L.8/Rev.1 (2020, para. 13): Brazil and Palau joined; Malaysia and the United Kingdom left; Zimbabwe stayed', () => {
    const c = sponsorChange(y2019, y2020)!;
    expect(c.joined).toEqual(expect.arrayContaining(['Brazil', 'Palau']));
    expect(c.left).toEqual(expect.arrayContaining(['Malaysia', 'United Kingdom of Great Britain and Northern Ireland']));
    expect(c.joined).not.toContain('Zimbabwe');
    expect(c.left).not.toContain('Zimbabwe');
  });
  it('a version whose document names no sponsors says nothing about who left', () => {
    const adopted = parse('ga76-2021-resolution-76-187.txt').resolutions[0]!;
    expect(adopted.sponsors).toEqual([]);
    expect(sponsorChange(y2020, adopted)).toBeNull();
  });
});

describe('addressees and kinds of the operative paragraphs of 76/187', () => {
  const ops = new Map(operativeOf(parse('ga76-2021-resolution-76-187.txt').resolutions[0]!.tree).map((p) => [p.id, clauseFacts(p)]));
  const categories = (id: string) => ops.get(id)!.addressees.map((a) => a.category);
  it('OP1 "Takes note with appreciation" and OP2 "Reaffirms" state positions and ask no one', () => {
    expect(ops.get('OP1')).toEqual({ addressees: [], kinds: ['recognition'] });
    expect(ops.get('OP2')!.addressees).toEqual([]);
  });
  it('OP3 calls upon all Member States and then requests the United Nations Office on Drugs and Crime (line 268)', () => {
    expect(ops.get('OP3')!.kinds).toEqual(['call', 'request']);
    expect(ops.get('OP3')!.addressees).toEqual([
      { category: 'Member States', name: 'all Member States' },
      { category: 'UN entity', name: 'the United Nations Office on Drugs and Crime' },
    ]);
  });
  it('OP9 encourages States parties to the whole name of the Convention (line 288)', () => {
    expect(ops.get('OP9')!.addressees).toEqual([{ category: 'Member States', name: 'States parties to the United Nations Convention against Transnational Organized Crime' }]);
  });
  it('OP18 calls for coordination among United Nations entities; the stakeholders are partners, not addressees (line 308)', () => {
    expect(ops.get('OP18')).toEqual({ addressees: [{ category: 'UN entity', name: 'United Nations entities' }], kinds: ['call'] });
  });
  it('OP22 invites the President of the General Assembly; the Office is named "in cooperation with", not invited (line 316)', () => {
    expect(ops.get('OP22')!.addressees).toEqual([{ category: 'UN entity', name: 'the President of the General Assembly' }]);
  });
  it('OP36 expresses concern, then requests the Secretary-General to continue to report (line 350)', () => {
    expect(ops.get('OP36')!.kinds[0]).toBe('concern');
    expect(ops.get('OP36')!.kinds).toContain('report-request');
    expect(categories('OP36')).toEqual(['Secretary-General']);
  });
  it('OP37 invites States and other interested parties (line 352)', () => {
    expect(ops.get('OP37')!.addressees).toEqual([
      { category: 'Member States', name: 'States' },
      { category: 'other', name: 'other interested parties' },
    ]);
  });
  it('OP77, the last, requests a report of the Secretary-General (line 452)', () => {
    expect(ops.get('OP77')).toEqual({ addressees: [{ category: 'Secretary-General', name: 'the Secretary-General' }], kinds: ['report-request'] });
  });

  /**
   * Every operative paragraph against labels made by reading alone, by a reader
   * who saw none of the parser (tests/expected/addressees/, with notes on each
   * hard case). Where the two differ, it is listed here with the reason.
   */
  const READ = JSON.parse(readFileSync(new URL('../expected/addressees/A-RES-76-187-addressees.json', import.meta.url), 'utf8')) as Record<string, { addressees: { category: string }[]; kinds: string[] }>;
  const DIFFERENT: Record<string, string> = {
    OP65: '"further encourages the participation of relevant stakeholders": the reader takes the stakeholders whose participation is encouraged as addressed ("other"); the parser reads only actors asked directly',
  };
  it.each(Object.keys(READ))('%s: the categories asked and the kinds of clause agree with the reading', (id) => {
    const set = (xs: string[]) => [...new Set(xs)].sort();
    const read = READ[id]!;
    const got = ops.get(id)!;
    expect(got).toBeDefined();
    expect(got.kinds[0]).toBe(read.kinds[0]);
    expect(set(got.kinds)).toEqual(set(read.kinds));
    if (DIFFERENT[id]) expect(set(categories(id))).not.toEqual(set(read.addressees.map((a) => a.category)));
    else expect(set(categories(id))).toEqual(set(read.addressees.map((a) => a.category)));
  });
});
