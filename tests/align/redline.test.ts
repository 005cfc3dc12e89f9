import { describe, expect, it } from 'vitest';
import { redline, redlineHunks, redlineToText } from '../../src/lib/diff/redline.ts';
import { classifyChange } from '../../src/lib/diff/classify.ts';
import { compareVerbs, rankVerb } from '../../src/lib/diff/verb-scale.ts';

const rebuild = (segs: ReturnType<typeof redline>, side: 'a' | 'b') =>
  segs.filter((s) => s.kind === 'equal' || s.kind === (side === 'a' ? 'delete' : 'insert')).map((s) => s.text).join('');

describe('redline cleaning', () => {
  it('never strikes part of a word: a session ordinal is replaced whole', () => {
    // jsdiff alone keeps "seventy-" and replaces "fourth" with "fifth".
    const segs = redline('at its seventy-fourth session', 'at its seventy-fifth session');
    expect(redlineToText(segs)).toBe('at its [-seventy-fourth-]{+seventy-fifth+} session');
  });

  it('keeps a resolution number whole ("74/177" is one word, not 74, /, 177)', () => {
    expect(redlineToText(redline('pursuant to resolution 73/186;', 'pursuant to resolution 74/177;'))).toBe(
      'pursuant to resolution [-73/186-]{+74/177+};',
    );
  });

  it('absorbs short unchanged islands inside a rewritten date into one change', () => {
    const segs = redline('resolution 74/177 of 18 December 2019 on', 'resolution 75/195 of 16 December 2020 on');
    expect(redlineToText(segs)).toBe('resolution [-74/177 of 18 December 2019-]{+75/195 of 16 December 2020+} on');
    // With islands kept (islandWords: -1) the same diff shows each number on its own.
    expect(redlineToText(redline('resolution 74/177 of 18 December 2019 on', 'resolution 75/195 of 16 December 2020 on', { islandWords: -1 }))).toBe(
      'resolution [-74/177-]{+75/195+} of [-18-]{+16+} December [-2019-]{+2020+} on',
    );
  });

  it('keeps an island that holds clause punctuation: a comma marks a phrase boundary', () => {
    const hunks = redlineHunks('held in 2019, and the people', 'held in 2020, and some people');
    expect(hunks.some((h) => 'equal' in h && h.equal.includes(', and'))).toBe(true);
  });

  it('keeps both texts exactly', () => {
    const a = 'Welcomes the outcome of the high-level meeting of the sixty-seventh session of the General Assembly to appraise progress achieved';
    const b = 'Welcomes the holding of the high-level meeting of the General Assembly during its sixty-seventh session from 13 to 15 May 2013, to appraise the progress achieved';
    const segs = redline(a, b);
    expect(rebuild(segs, 'a')).toBe(a);
    expect(rebuild(segs, 'b')).toBe(b);
  });
});

describe('change classes', () => {
  it('a session ordinal moved forward is a technical update', () => {
    expect(classifyChange('to the General Assembly at its seventy-fifth session on', 'to the General Assembly at its seventy-sixth session on').change).toBe('technical');
  });

  it('a session ordinal moved backwards is substantive', () => {
    expect(classifyChange('at its fifty-eighth session', 'at its fifty-seventh session').change).toBe('substantive');
  });

  it('a newer resolution added to a list of recalled ones is a technical update', () => {
    // As in the first preambular paragraph of A/RES/76/187 against A/C.3/75/L.8/Rev.1.
    const a = 'Reaffirming its resolutions 72/196 of 19 December 2017, 73/186 of 17 December 2018 and 74/177 of 18 December 2019,';
    const b = 'Reaffirming its resolutions 72/196 of 19 December 2017, 73/186 of 17 December 2018, 74/177 of 18 December 2019 and 75/196 of 16 December 2020,';
    expect(classifyChange(a, b).change).toBe('technical');
  });

  it('a changed count of States parties is wording, not a reference', () => {
    expect(classifyChange('the number of States parties has reached 186,', 'the number of States parties has reached 187,').change).toBe('substantive');
  });

  it('a changed word is substantive even next to a technical update', () => {
    expect(classifyChange('at its seventy-fourth session, and the people', 'at its seventy-fifth session, and some people').change).toBe('substantive');
  });
});

describe('operative verb scale', () => {
  it('orders verbs: notes < welcomes < encourages < invites < calls upon < urges < demands', () => {
    const levels = ['Notes', 'Welcomes', 'Encourages', 'Invites', 'Calls upon', 'Urges', 'Demands'].map((v) => rankVerb(v).level!);
    expect([...levels].sort((x, y) => x - y)).toEqual(levels);
    expect(new Set(levels).size).toBe(levels.length);
  });

  it('gives the direction of a change', () => {
    expect(compareVerbs('Urges', 'Calls upon')?.direction).toBe('weaker');
    expect(compareVerbs('Encourages', 'Strongly encourages')?.direction).toBe('stronger');
    expect(compareVerbs('Decides', 'Requests')?.direction).toBe('unranked');
  });

  it('does not count an adverb such as "Also" as a verb change', () => {
    expect(compareVerbs('Also requests', 'Requests')).toBeNull();
  });
});
