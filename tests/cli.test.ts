/**
 * The command line: `palimpsest parse <file> [--summary] [--tree]`. Exit 0 when the file was
 * read, 1 with a one-line error naming the file when it could not be, 2 for usage errors.
 * Most cases run main() in process; a few run bin/palimpsest.js as a real process.
 * Bad files are made in a temporary folder from lines of content/ga68-2013-third-committee-report.txt
 * (1745–1753: DR XI OP1–OP6 and footnote ³) and content/ga74-2019-third-committee-report.txt line 193
 * (the "Fédération" of DR I OP3, written in Latin-1 after the line "The General Assembly,").
 */
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { main } from '../src/cli/main.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin', 'palimpsest.js');
const FIXTURES = join(ROOT, 'tests', 'fixtures');
const GA68 = join(ROOT, 'content', 'ga68-2013-third-committee-report.txt');

// content/ga68-2013-third-committee-report.txt lines 1746–1753.
const OPS = [
  '1. *Takes note* of the report of the Secretary-General;³',
  '2. *Condemns* corruption at all levels and in all its forms, including bribery, as well as the laundering of proceeds of corruption and other forms of economic crime;',
  '',
  '³ A/68/127.',
].join('\n');
// content/ga74-2019-third-committee-report.txt line 193, cut after "Fédération Internationale de Football Association".
const FEDERATION = '3. *Invites* the United Nations Office on Drugs and Crime to launch a global awareness-raising and fundraising campaign during the 2020 Olympic and Paralympic Summer Games and the 2022 World Cup competition to promote sport and sports-based learning as part of strategies aimed at addressing the risk factors of youth crime and drug abuse and to provide assistance to requesting Member States in this area, and invites the national organizing committees, the International Olympic Committee and the Fédération Internationale de Football Association';

let dir = '';
const files: Record<string, string> = {};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'palimpsest-cli-'));
  files.empty = join(dir, 'empty.txt');
  writeFileSync(files.empty, '');
  files.binary = join(dir, 'scan.pdf');
  // Text followed by the NUL bytes of a corrupt export.
  writeFileSync(files.binary, Buffer.concat([Buffer.from(`${OPS}\n`), Buffer.from([0x00, 0x01, 0x02, 0x03, 0xff, 0xfe, 0x00])]));
  files.latin1 = join(dir, 'latin1.txt');
  // "The General Assembly," (ga74 line 121), a blank line, then the cut of line 193: the é is on line 3.
  writeFileSync(files.latin1, Buffer.from(`The General Assembly,\n\n${FEDERATION}\n`, 'latin1'));
  files.missing = join(dir, 'no-such-file.txt');
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => { out += t; }, err: (t) => { err += t; } });
  return { code, out, err };
}

/** One line: text ending in a single newline, no other newline. */
function expectOneLine(text: string): void {
  expect(text.endsWith('\n')).toBe(true);
  expect(text.slice(0, -1)).not.toContain('\n');
}

describe('palimpsest parse: files that cannot be read (exit 1, one line naming the file)', () => {
  it('a missing file', async () => {
    const { code, out, err } = await run('parse', files.missing!);
    expect(code).toBe(1);
    expect(out).toBe('');
    expectOneLine(err);
    expect(err).toContain(files.missing!);
    expect(err).toMatch(/no such file/i);
  });

  it('an empty file', async () => {
    const { code, out, err } = await run('parse', files.empty!);
    expect(code).toBe(1);
    expect(out).toBe('');
    expectOneLine(err);
    expect(err).toContain(files.empty!);
    expect(err).toMatch(/empty/);
  });

  it('a binary file', async () => {
    const { code, out, err } = await run('parse', files.binary!);
    expect(code).toBe(1);
    expect(out).toBe('');
    expectOneLine(err);
    expect(err).toContain(files.binary!);
    expect(err).toMatch(/binary/);
  });

  it('a Latin-1 file, with the line of the first byte that is not UTF-8', async () => {
    const { code, out, err } = await run('parse', files.latin1!);
    expect(code).toBe(1);
    expect(out).toBe('');
    expectOneLine(err);
    expect(err).toContain(`${files.latin1!}:3`);
    expect(err).toMatch(/UTF-8/);
  });

  it('a folder', async () => {
    const { code, err } = await run('parse', dir);
    expect(code).toBe(1);
    expectOneLine(err);
    expect(err).toContain(dir);
  });
});

describe('palimpsest: usage errors (exit 2)', () => {
  it('no command at all prints the usage', async () => {
    const { code, out, err } = await run();
    expect(code).toBe(2);
    expect(`${out}${err}`).toMatch(/Usage/);
  });

  it('an unknown command', async () => {
    const { code, err } = await run('parce', files.empty!);
    expect(code).toBe(2);
    expect(err).toMatch(/unknown command/);
  });

  it('parse without a file', async () => {
    const { code, err } = await run('parse');
    expect(code).toBe(2);
    expect(err).toMatch(/Usage/);
  });

  it('parse with two files', async () => {
    const { code } = await run('parse', join(FIXTURES, 'ga68-decision.txt'), join(FIXTURES, 'ga76-closing.txt'));
    expect(code).toBe(2);
  });

  it('an unknown option', async () => {
    const { code, err } = await run('parse', join(FIXTURES, 'ga68-decision.txt'), '--sumary');
    expect(code).toBe(2);
    expect(err).toContain('--sumary');
  });

  it('help exits 0', async () => {
    const { code, out } = await run('help');
    expect(code).toBe(0);
    expect(out).toMatch(/palimpsest parse <file>/);
  });
});

describe('palimpsest parse: JSON output', () => {
  it('prints the reading view of ga68-dr10-dr11-footnotes.txt, resolutions in file order', async () => {
    const file = join(FIXTURES, 'ga68-dr10-dr11-footnotes.txt');
    const { code, out, err } = await run('parse', file);
    expect(code).toBe(0);
    expect(err).toBe('');
    const json = JSON.parse(out) as {
      source: string;
      resolutions: { id: string; title: string; preamble: { id: string; footnotes: number[] }[]; operative: { id: string; number: number }[]; footnotes: { number: number; text: string }[]; tree?: unknown }[];
    };
    expect(json.source).toBe(file);
    expect(json.resolutions).toHaveLength(2);
    expect(json.resolutions[0]!.title).toBe('United Nations African Institute for the Prevention of Crime and the Treatment of Offenders');
    expect(json.resolutions[0]!.preamble.map((p) => p.id)).toEqual(['PP1', 'PP2', 'PP3', 'PP4', 'PP5']);
    expect(json.resolutions[0]!.operative).toMatchObject([{ id: 'OP1', number: 1 }]);
    expect(json.resolutions[1]!.footnotes).toEqual([{ number: 1, text: 'United Nations, Treaty Series, vol. 2349, No. 42146.' }]);
    expect(json.resolutions[0]!.tree).toBeUndefined();
  });

  it('--tree adds the unist tree of each resolution', async () => {
    const { code, out } = await run('parse', join(FIXTURES, 'ga68-decision.txt'), '--tree');
    expect(code).toBe(0);
    const json = JSON.parse(out) as { resolutions: { tree: { type: string; children: { type: string }[] } }[] };
    expect(json.resolutions[0]!.tree.type).toBe('resolution');
    expect(json.resolutions[0]!.tree.children.map((c) => c.type)).toContain('operativePart');
  });
});

describe('palimpsest parse --summary: one line per resolution', () => {
  /** Rows of the table: lines that start with a record's position. */
  const rows = (out: string) => out.split('\n').filter((l) => /^\d+\s{2}/.test(l));

  it('two lines for the two texts of ga68-dr10-dr11-footnotes.txt', async () => {
    const { code, out } = await run('parse', join(FIXTURES, 'ga68-dr10-dr11-footnotes.txt'), '--summary');
    expect(code).toBe(0);
    const r = rows(out);
    expect(r).toHaveLength(2);
    expect(r[0]).toMatch(/United Nations African Institute/);
    expect(r[1]).toMatch(/Preventing and combating corrupt practices/);
    expect(r[0]).toMatch(/100\.0%$/);
  });

  it('sixteen lines for the sixteen texts of the 2013 report (tests/expected/ga68…notes.md)', async () => {
    const { code, out } = await run('parse', GA68, '--summary');
    expect(code).toBe(0);
    const r = rows(out);
    expect(r).toHaveLength(16);
    expect(r[0]).toMatch(/A\/C\.3\/68\/L\.17\b/);
    expect(r[15]).toMatch(/decision/);
  });
});

describe('bin/palimpsest.js as a real process', () => {
  const node = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: ROOT });

  it('exits 0 and prints JSON for a readable file', () => {
    const result = node('parse', join(FIXTURES, 'ga68-decision.txt'));
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).resolutions[0].stage).toBe('decision');
  });

  it('exits 1 with one line on stderr naming a missing file', () => {
    const result = node('parse', join(dir, 'absent.txt'));
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expectOneLine(result.stderr);
    expect(result.stderr).toContain('absent.txt');
  });

  it('exits 1 for the Latin-1 file', () => {
    const result = node('parse', files.latin1!);
    expect(result.status).toBe(1);
    expectOneLine(result.stderr);
    expect(result.stderr).toContain('latin1.txt');
  });

  it('exits 2 for a usage error', () => {
    const result = node('parse');
    expect(result.status).toBe(2);
  });
});

// The machine's own Node, when it is older than 22.12 (this project's CI machines ship Node 20): bin/palimpsest.js
// must load on it, to hand over to the Node 24 that `bash .ci/run` provisions, or to say which Node it needs.
const OLD_NODE = ['/usr/bin/node', '/bin/node', '/usr/local/bin/node'].find((path) => {
  const run = spawnSync(path, ['-e', 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a < 22 || (a === 22 && b < 12) ? 0 : 1)']);
  return run.status === 0;
});

describe.skipIf(!OLD_NODE)(`bin/palimpsest.js started by an older Node (${OLD_NODE ?? 'none on this machine'})`, () => {
  it('parses content/ga72-2017-draft-resolution.txt (60 preambular and 55 operative paragraphs, as tests/expected/ga72-2017-draft-resolution.notes.md counts them by hand) or says which Node it needs', () => {
    const run = spawnSync(OLD_NODE!, [BIN, 'parse', join(ROOT, 'content', 'ga72-2017-draft-resolution.txt'), '--summary'], { encoding: 'utf8', cwd: ROOT });
    expect(run.stderr).not.toMatch(/SyntaxError|does not provide an export/);
    if (run.status === 0) expect(run.stdout).toMatch(/draft\s+—\s+Strengthening the United Nations crime prevention.*\s60\s+55\s/);
    else expect(run.stderr).toMatch(/needs Node >= 22\.12/);
  });
});
