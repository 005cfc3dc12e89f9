/**
 * Akoma Ntoso 3.0 export: every version of the corpus validates against the
 * OASIS schema (vendored in tests/export/schemas) with xmllint, and the
 * markup says what the texts say. Expectations come from reading content/.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import type { ResolutionRecord, OperativeParagraphNode } from '../../src/lib/index.ts';
import { versionToAkn } from '../../src/lib/export/akn.ts';
import { aknNaming } from '../../src/lib/export/akn-meta.ts';
import { xmlSafe } from '../../src/lib/export/akn-text.ts';
import { uniqueSlugs } from '../../src/lib/export/version-json.ts';
import { footnotesOf, operativeOf } from '../../src/lib/export/parse-json.ts';
import { byEId, bySymbol, corpus, elements, hasXmllint, parseXml, SCHEMA, textOf } from './helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'palimpsest-akn-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Validate files with xmllint against the vendored schema; the files that failed, with xmllint's words. */
function invalid(files: string[]): string[] {
  const run = spawnSync('xmllint', ['--noout', '--schema', SCHEMA, ...files], { encoding: 'utf8' });
  const lines = run.stderr.split('\n').filter((l) => l && !l.endsWith(' validates'));
  return run.status === 0 ? [] : lines;
}

const NO_XMLLINT = 'xmllint is not installed (Debian: apt-get install libxml2-utils): schema validation skipped';
if (!hasXmllint) console.warn(NO_XMLLINT);

describe('schema validity', () => {
  it.skipIf(!hasXmllint)('every version of the corpus validates against akomantoso30.xsd', () => {
    const records = corpus();
    const slugs = uniqueSlugs(records);
    const files = records.map((r, i) => {
      const file = join(dir, `${slugs[i]}.akn.xml`);
      writeFileSync(file, versionToAkn(r));
      return file;
    });
    expect(files).toHaveLength(30);
    expect(invalid(files)).toEqual([]);
  });

  it.skipIf(!hasXmllint)('xmllint does reject a broken file (the check is not vacuous)', () => {
    const file = join(dir, 'broken.akn.xml');
    writeFileSync(file, versionToAkn(bySymbol('A/RES/76/187')).replace('<mainBody>', '<mainBody><bogus/>'));
    expect(invalid([file]).length).toBeGreaterThan(0);
  });
});

describe('A/RES/76/187', () => {
  const xml = versionToAkn(bySymbol('A/RES/76/187'));
  const tree = parseXml(xml);

  it('is a statement named resolution with AKN4UN identification', () => {
    const statement = elements(tree, 'statement')[0]!;
    expect(statement.attributes.name).toBe('resolution');
    const work = elements(tree, 'FRBRWork')[0]!;
    expect(elements(work, 'FRBRuri')[0]!.attributes.value).toBe('/akn/un/statement/deliberation/unga/2021-12-16/76-187');
    expect(elements(work, 'FRBRthis')[0]!.attributes.value).toBe('/akn/un/statement/deliberation/unga/2021-12-16/76-187/!main');
    expect(elements(work, 'FRBRdate')[0]!.attributes).toEqual({ date: '2021-12-16', name: 'adoption' });
    expect(elements(work, 'FRBRcountry')[0]!.attributes.value).toBe('un');
    expect(elements(work, 'FRBRauthor')[0]!.attributes.href).toBe('#generalAssembly');
    const expression = elements(tree, 'FRBRExpression')[0]!;
    expect(elements(expression, 'FRBRuri')[0]!.attributes.value).toBe('/akn/un/statement/deliberation/unga/2021-12-16/76-187/eng@2021-12-16');
    expect(elements(expression, 'FRBRlanguage')[0]!.attributes.language).toBe('eng');
    const manifestation = elements(tree, 'FRBRManifestation')[0]!;
    expect(elements(manifestation, 'FRBRthis')[0]!.attributes.value).toBe('/akn/un/statement/deliberation/unga/2021-12-16/76-187/eng@2021-12-16/!main.xml');
    const organizations = elements(tree, 'TLCOrganization').map((o) => o.attributes.showAs);
    expect(organizations).toContain('General Assembly');
    expect(organizations).toContain('Third Committee');
  });

  it('has a preface with title, symbol, date and stage', () => {
    expect(textOf(elements(tree, 'docNumber')[0]!)).toBe('A/RES/76/187');
    expect(elements(tree, 'docDate')[0]!.attributes.date).toBe('2021-12-16');
    expect(textOf(elements(tree, 'docDate')[0]!)).toBe('16 December 2021');
    expect(textOf(elements(tree, 'docStage')[0]!)).toBe('Resolution adopted by the General Assembly');
    expect(textOf(elements(tree, 'docTitle')[0]!)).toBe(
      'Strengthening the United Nations crime prevention and criminal justice programme, in particular its technical cooperation capacity',
    );
  });

  it('has the formula and 74 recitals, 77 numbered paragraphs and 46 authorial notes', () => {
    expect(textOf(elements(tree, 'formula')[0]!).trim()).toBe('The General Assembly,');
    expect(elements(tree, 'recital')).toHaveLength(74);
    expect(elements(tree, 'paragraph')).toHaveLength(77);
    expect(elements(tree, 'authorialNote')).toHaveLength(46);
    expect(elements(tree, 'noteRef')).toHaveLength(0);
    const nums = elements(tree, 'paragraph').map((p) => textOf(elements(p, 'num')[0]!));
    expect(nums[0]).toBe('1.');
    expect(nums[76]).toBe('77.');
  });

  it('keeps the words of a recital (line 50 of the file), with its lead words marked', () => {
    const recital = byEId(tree, 'preamble__recital_6')!;
    expect(textOf(recital).trim()).toBe(
      'Expressing its grave concern about the negative effects of transnational organized crime on development, peace, stability and security and human rights, about the increasing vulnerability of States to such crime and about the growing degree of penetration of criminal organizations and their financial and economic resources into the economy,',
    );
    const lead = elements(recital, 'span')[0]!;
    expect(lead.attributes).toEqual({ class: 'preambularLead', refersTo: '#preambularLead' });
    expect(textOf(lead)).toBe('Expressing its grave concern');
  });

  it('marks the operative verb of paragraph 12 ("*Urges* States parties…", line 294)', () => {
    const para = byEId(tree, 'para_12')!;
    const verb = elements(para, 'span').find((s) => s.attributes.class === 'operativeVerb')!;
    expect(verb.attributes.refersTo).toBe('#operativeVerb');
    expect(textOf(verb)).toBe('Urges');
    expect(elements(verb, 'i')).toHaveLength(1);
    expect(textOf(elements(para, 'content')[0]!).trim()).toMatch(/^Urges States parties to the United Nations Convention against Corruption to continue/);
    // Every one of the 77 paragraphs has its verb marked.
    expect(elements(tree, 'span').filter((s) => s.attributes.class === 'operativeVerb')).toHaveLength(77);
  });

  it('puts footnote 40 where it is called, at the end of paragraph 1, with its text', () => {
    const para = byEId(tree, 'para_1')!;
    const note = elements(para, 'authorialNote')[0]!;
    expect(note.attributes).toEqual({ marker: '40', placement: 'bottom', eId: 'para_1__authorialNote_40' });
    expect(textOf(note)).toBe('A/76/122.');
    const p = elements(para, 'p')[0]!;
    expect(textOf(p, ['authorialNote'])).toBe('Takes note with appreciation of the report of the Secretary-General prepared pursuant to resolution 75/196,');
    expect(p.children[p.children.length - 1]).toBe(note);
  });

  it('ends with the meeting and date in the conclusions', () => {
    expect(textOf(elements(tree, 'conclusions')[0]!).trim()).toBe('53rd plenary meeting 16 December 2021');
  });
});

describe('drafts, sub-paragraphs and repeated footnotes', () => {
  it('names a revised committee draft after its L symbol', () => {
    const naming = aknNaming(bySymbol('A/C.3/74/L.18/Rev.1'));
    expect(naming.name).toBe('resolutionDraft');
    expect(naming.work).toBe('/akn/un/statement/deliberation/unga-c3/2019-11-19/A-C.3-74-L.18-Rev.1');
    const tree = parseXml(versionToAkn(bySymbol('A/C.3/74/L.18/Rev.1')));
    expect(elements(tree, 'statement')[0]!.attributes.name).toBe('resolutionDraft');
    expect(textOf(elements(tree, 'docCommittee')[0]!)).toBe('Third Committee');
  });

  it('names a text without a symbol after its file and position', () => {
    const draft = corpus().find((r) => r.id === 'ga72-2017-draft-resolution/1')!;
    expect(aknNaming(draft).work).toBe('/akn/un/statement/deliberation/unga-c3/2017-10-13/ga72-2017-draft-resolution-1');
    const decision = corpus().find((r) => r.stage === 'decision')!;
    expect(aknNaming(decision).name).toBe('decision');
  });

  it('writes operative sub-paragraphs as intro, list and points (A/C.3/75/L.5, paragraph 3)', () => {
    const tree = parseXml(versionToAkn(bySymbol('A/C.3/75/L.5')));
    const para = byEId(tree, 'para_3')!;
    expect(textOf(elements(para, 'intro')[0]!, ['authorialNote']).trim()).toMatch(/^Urges Member States to consider adopting the following measures related to organ transplantation/);
    const point = byEId(tree, 'para_3__list_1__point_a')!;
    expect(point.name).toBe('point');
    expect(textOf(elements(point, 'num')[0]!)).toBe('(a)');
    expect(textOf(elements(point, 'content')[0]!).trim()).toMatch(/^Strengthening legislative frameworks, including by reviewing/);
  });

  it('writes preambular sub-paragraphs as a block list (A/C.3/74/L.10/Rev.1, eighth recital)', () => {
    const tree = parseXml(versionToAkn(bySymbol('A/C.3/74/L.10/Rev.1')));
    const list = byEId(tree, 'preamble__recital_8__list_1')!;
    expect(list.name).toBe('blockList');
    expect(textOf(elements(list, 'listIntroduction')[0]!)).toBe('Reaffirming that the Global Plan of Action was developed:');
    expect(textOf(byEId(tree, 'preamble__recital_8__list_1__item_a')!)).toMatch(/^\s*\(a\)\s*To promote universal ratification/);
  });

  it('writes each footnote once, at its first call, and later calls as noteRef to it', () => {
    for (const record of corpus()) {
      const tree = parseXml(versionToAkn(record));
      const notes = elements(tree, 'authorialNote');
      expect(notes.map((n) => Number(n.attributes.marker)).sort((a, b) => a - b), record.id).toEqual(
        footnotesOf(record.tree).map((f) => f.number).sort((a, b) => a - b),
      );
      const ids = new Set(notes.map((n) => n.attributes.eId));
      for (const ref of elements(tree, 'noteRef')) expect(ids.has(ref.attributes.href!.slice(1)), `${record.id} ${ref.attributes.href}`).toBe(true);
    }
    // A/C.3/74/L.18/Rev.1 calls 46 times its 36 footnotes.
    expect(elements(parseXml(versionToAkn(bySymbol('A/C.3/74/L.18/Rev.1'))), 'noteRef')).toHaveLength(10);
  });
});

describe('determinism', () => {
  it('gives byte-identical XML for the same record, and for the record parsed again', () => {
    const first = corpus().map(versionToAkn);
    expect(corpus().map(versionToAkn)).toEqual(first);
    expect(first.every((x) => !/\d{4}-\d{2}-\d{2}T\d{2}:/.test(x))).toBe(true);
  });
});

describe('hostile text', () => {
  function withHostileText(): ResolutionRecord {
    const record = structuredClone(bySymbol('A/RES/76/187'));
    const op1 = operativeOf(record.tree)[0] as OperativeParagraphNode;
    op1.children.push(
      { type: 'text', value: ' <script>alert("x")</script> & ]]> \u0000\u0007 "quoted" \uD800 ' },
      { type: 'link', url: 'javascript:alert(1)', children: [{ type: 'text', value: 'click' }] },
      { type: 'link', url: 'https://undocs.org/A/RES/75/196?a=1&b="2"', children: [{ type: 'text', value: '75/196' }] },
    );
    record.title = '</docTitle><evil/>';
    return record;
  }

  it('comes out escaped: text stays text, only web links become refs', () => {
    const xml = versionToAkn(withHostileText());
    expect(xml).not.toContain('<script');
    expect(xml).not.toContain('javascript:');
    expect(xml).not.toContain('\u0000');
    const para = byEId(parseXml(xml), 'para_1')!;
    expect(textOf(para)).toContain('<script>alert("x")</script> & ]]>');
    expect(elements(para, 'script')).toHaveLength(0);
    const refs = elements(para, 'ref');
    expect(refs).toHaveLength(1);
    expect(refs[0]!.attributes.href).toBe('https://undocs.org/A/RES/75/196?a=1&b=%222%22');
  });

  it.skipIf(!hasXmllint)('still validates', () => {
    const file = join(dir, 'hostile.akn.xml');
    writeFileSync(file, versionToAkn(withHostileText()));
    expect(invalid([file])).toEqual([]);
  });

  it('drops only the code points XML cannot carry', () => {
    expect(xmlSafe('a\u0000b\u0008c\td\ne\uFFFEf\uD83D\uDE00g\uDC00')).toBe('abc\td\nef\uD83D\uDE00g');
  });
});

describe('who and how: sponsors, oral revisions and the vote', () => {
  it('names the 17 states that submitted A/C.3/74/L.18/Rev.1 and the 96 that joined later as proponents (2019 report, para. 26)', () => {
    const tree = parseXml(versionToAkn(bySymbol('A/C.3/74/L.18/Rev.1')));
    const sponsors = elements(tree, 'docProponent').filter((e) => e.attributes.as === '#sponsor').map((e) => textOf(e));
    const joined = elements(tree, 'docProponent').filter((e) => e.attributes.as === '#joinedSponsor').map((e) => textOf(e));
    expect(sponsors).toHaveLength(17);
    expect(sponsors[0]).toBe('Austria');
    expect(sponsors.at(-1)).toBe('Zimbabwe');
    expect(joined).toHaveLength(96);
    expect(joined[0]).toBe('Albania');
    expect(joined.at(-1)).toBe('Zambia');
    expect(joined).toContain('Micronesia (Federated States of)');
    // Each proponent points to a state among the references.
    const states = new Map(elements(tree, 'TLCOrganization').map((e) => [`#${e.attributes.eId}`, e.attributes.showAs]));
    for (const p of elements(tree, 'docProponent')) expect(states.get(String(p.attributes.refersTo))).toBe(textOf(p));
    // Adopted at the 52nd meeting on 19 November, the report stating no vote (para. 28).
    expect(elements(tree, 'step').map((s) => s.attributes)).toEqual([{ date: '2019-11-19', by: '#thirdCommittee', outcome: '#adopted' }]);
    expect(elements(tree, 'voting')).toEqual([]);
  });

  it('writes the oral revision read out by Colombia before the adoption of A/C.3/68/L.21/Rev.1 (2013 report, paras. 43 and 44)', () => {
    const tree = parseXml(versionToAkn(bySymbol('A/C.3/68/L.21/Rev.1')));
    expect(elements(tree, 'step').map((s) => [s.attributes.by, s.attributes.outcome])).toEqual([['#state_colombia', '#orallyRevised'], ['#thirdCommittee', '#adopted']]);
    expect(elements(tree, 'TLCConcept').map((c) => c.attributes.eId)).toEqual(expect.arrayContaining(['orallyRevised', 'adopted']));
  });

  it.skipIf(!hasXmllint)('writes a recorded vote as counts that validate, and a resolution without a stated vote as "adopted"', () => {
    const base = bySymbol('A/RES/76/187');
    const voted: ResolutionRecord = { ...base, adoption: { ...base.adoption!, vote: { method: 'recorded', inFavour: 121, against: 35, abstaining: 28, lists: null } } };
    const xml = versionToAkn(voted);
    const tree = parseXml(xml);
    expect(elements(tree, 'step').map((s) => s.attributes.outcome)).toEqual(['#adoptedByRecordedVote']);
    expect(elements(tree, 'count').map((c) => [c.attributes.refersTo, c.attributes.value])).toEqual([['#inFavour', '121'], ['#against', '35'], ['#abstaining', '28']]);
    const file = join(dir, 'voted.akn.xml');
    writeFileSync(file, xml);
    expect(invalid([file])).toEqual([]);
    expect(elements(parseXml(versionToAkn(base)), 'step').map((s) => s.attributes)).toEqual([{ date: '2021-12-16', by: '#generalAssembly', outcome: '#adopted' }]);
  });
});
