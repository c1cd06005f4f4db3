/**
 * The built binary, end to end: `speeches units` on the seeds, bad input, encodings, piping and colour.
 * Run `npm run build` first: these tests spawn bin/speeches.js, which runs dist/.
 */

import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const fixtures = fileURLToPath(new URL('../fixtures/real/', import.meta.url));

/** An environment with no colour preference: vitest sets FORCE_COLOR for its workers. */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.FORCE_COLOR;
  delete env.NO_COLOR;
  delete env.CLICOLOR;
  delete env.CLICOLOR_FORCE;
  return { ...env, ...extra };
}

function run(args: string[], opts: { env?: Record<string, string>; cwd?: string; maxBuffer?: number } = {}): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [join(repoRoot, 'bin/speeches.js'), ...args], {
    cwd: opts.cwd ?? repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    env: cleanEnv(opts.env),
    maxBuffer: opts.maxBuffer ?? 64 * 1024 * 1024,
  });
}

interface UnitJson {
  turn: number;
  paragraph: number;
  index: number;
  number: string | null;
  kind: string;
  text: string;
  speaker: { name: string | null; title: string | null; country: { name: string; code: string } | null; role: string | null };
  meeting: { title: string | null; date: string | null; place: string | null; body: string | null };
  span: { file: string; startLine: number; endLine: number };
}
interface DocJson {
  file: string;
  kind: string;
  encoding: string;
  lines: number;
  meeting: { title: string | null; date: string | null; place: string | null; body: string | null };
}
interface UnitsJson {
  schema: string;
  results: { documents: DocJson[]; units: UnitJson[] };
  warnings: { file: string; message: string }[];
}

function json(r: SpawnSyncReturns<string>): UnitsJson {
  return JSON.parse(r.stdout) as UnitsJson;
}

const ESC = '\x1b[';

let tmp = '';
beforeAll(() => {
  if (!existsSync(join(repoRoot, 'dist/cli/main.js'))) throw new Error('dist/ is missing: run `npm run build` before the e2e tests');
  tmp = mkdtempSync(join(tmpdir(), 'speeches-e2e-'));
});
afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

/** Write bytes into the tmp dir and return the path. */
function tmpFile(name: string, bytes: Uint8Array | string): string {
  const p = join(tmp, name);
  mkdirSync(join(p, '..'), { recursive: true });
  writeFileSync(p, bytes);
  return p;
}

/** Windows-1252 bytes of a string holding only ASCII, ’ and é. */
function cp1252(text: string): Buffer {
  const out: number[] = [];
  for (const ch of text) {
    if (ch === '\u2019') out.push(0x92);
    else if (ch === 'é') out.push(0xe9);
    else if (ch.charCodeAt(0) < 0x80) out.push(ch.charCodeAt(0));
    else throw new Error(`no cp1252 byte for ${ch} in this helper`);
  }
  return Buffer.from(out);
}

/** UTF-16BE bytes (no BOM). */
function utf16be(text: string): Buffer {
  const le = Buffer.from(text, 'utf16le');
  const be = Buffer.alloc(le.length);
  for (let i = 0; i + 1 < le.length; i += 2) {
    be[i] = le[i + 1]!;
    be[i + 1] = le[i]!;
  }
  return be;
}

describe('speeches units on the seeds', () => {
  it('seeds/000: 7 content units by Mr. Abdrakhmanov (Kazakhstan), paragraphs 1-7', () => {
    const r = run(['units', 'seeds/000_09c7f05abb924c58.txt', '--json']);
    expect(r.status).toBe(0);
    const units = json(r).results.units;
    expect(units).toHaveLength(7);
    for (const u of units) {
      expect(u.kind).toBe('content');
      expect(u.speaker.name).toBe('Abdrakhmanov');
      expect(u.speaker.title).toBe('Mr.');
      expect(u.speaker.country).toEqual({ name: 'Kazakhstan', code: 'KAZ' });
    }
    expect(units.map((u) => u.paragraph)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(units[0]!.text.startsWith('We believe that we need to strengthen')).toBe(true);
    expect(units[4]!.text).toContain('capacity-building');
  });

  it('seeds/003: a Kazakhstan delegation statement at the R2P dialogue, 6 Sept 2017, New York, 10 content units', () => {
    const r = run(['units', 'seeds/003_0eda7931006bc30a.txt', '--json']);
    expect(r.status).toBe(0);
    const out = json(r);
    const meeting = out.results.documents[0]!.meeting;
    expect(meeting.title).toMatch(/informal interactive dialogue/i);
    expect(meeting.title).toContain('Responsibility to Protect');
    expect(meeting.date).toBe('2017-09-06');
    expect(meeting.place).toBe('New York');
    expect(meeting.body).toBe('General Assembly');
    const units = out.results.units;
    expect(units).toHaveLength(10);
    for (const u of units) {
      expect(u.kind).toBe('content');
      expect(u.speaker.country?.code).toBe('KAZ');
      expect(u.speaker.country?.name).toBe('Kazakhstan');
      expect(u.speaker.name).toContain('Kazakhstan');
    }
    expect(units[0]!.text.startsWith('I would like to thank the President of the General Assembly')).toBe(true);
  });

  it('seeds/003: the sentence cut by page number "2" is mended, page number gone', () => {
    const units = json(run(['units', 'seeds/003_0eda7931006bc30a.txt', '--json'])).results.units;
    const hit = units.filter((u) => u.text.includes('The use of force should be a last resort measure, duly approved by the UN Security Council'));
    expect(hit).toHaveLength(1);
    const t = hit[0]!.text;
    const between = t.slice(t.indexOf('The use of force should'), t.indexOf('be a last resort'));
    expect(between).not.toMatch(/ 2 /);
    expect(t).not.toMatch(/should\s+2\s+be/);
  });

  it('seeds/003: "Mr. President," and "Secretary-General," are salutations, "Thank you, Mr. President" a closing; none is content', () => {
    const r = run(['units', 'seeds/003_0eda7931006bc30a.txt', '--json', '--all-units']);
    expect(r.status).toBe(0);
    const units = json(r).results.units;
    const byText = (t: string): UnitJson[] => units.filter((u) => u.text.trim() === t);
    expect(byText('Mr. President,').map((u) => u.kind)).toEqual(['salutation']);
    expect(byText('Secretary-General,').map((u) => u.kind)).toEqual(['salutation']);
    expect(byText('Thank you, Mr. President').map((u) => u.kind)).toEqual(['closing']);
    expect(units.filter((u) => u.kind === 'content')).toHaveLength(10);
    // Without --all-units none of them is listed.
    const content = json(run(['units', 'seeds/003_0eda7931006bc30a.txt', '--json'])).results.units;
    expect(content.some((u) => /^(?:Mr\. President,|Secretary-General,|Thank you, Mr\. President)$/.test(u.text.trim()))).toBe(false);
  });
});

describe('speeches units on bad input', () => {
  it('a missing file: one exact line on stderr, exit 2, nothing on stdout', () => {
    const r = run(['units', 'missing.txt']);
    expect(r.stderr).toBe("speeches: cannot read 'missing.txt': no such file\n");
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
  });

  it('a PDF is refused by name with a pdftotext hint, exit 2', () => {
    const p = tmpFile('pdf/report.pdf', Buffer.concat([Buffer.from('%PDF-1.4\n%'), Buffer.from([0xe2, 0xe3, 0xcf, 0xd3]), Buffer.from('\n1 0 obj\n<< /Type /Catalog >>\nendobj\n')]));
    const r = run(['units', p]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('report.pdf');
    expect(r.stderr).toContain('pdftotext');
    expect(r.stdout).toBe('');
  });

  it('a binary file (random bytes with NULs) is refused by name, exit 2', () => {
    // A fixed pseudo-random sequence, so the test is the same on every run.
    const bytes = Buffer.alloc(4096);
    let x = 12345;
    for (let i = 0; i < bytes.length; i++) {
      x = (x * 1103515245 + 12345) & 0x7fffffff;
      bytes[i] = i % 7 === 0 ? 0 : (x >> 16) & 0xff;
    }
    const p = tmpFile('bin/blob.txt', bytes);
    const r = run(['units', p]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('blob.txt');
    expect(r.stderr).toMatch(/binary/i);
    expect(r.stdout).toBe('');
  });

  it('an empty .txt file: a warning mentioning "empty", no units, exit 0', () => {
    const p = tmpFile('empty/empty.txt', '');
    const r = run(['units', p, '--json']);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/empty/i);
    expect(r.stderr).toContain('empty.txt');
    expect(json(r).results.units).toHaveLength(0);
  });

  it('a directory with one good and one bad file: the good units on stdout, the bad file named on stderr, exit 2', () => {
    const dir = join(tmp, 'mixed');
    mkdirSync(dir, { recursive: true });
    copyFileSync(join(fixtures, 'BGR_48_1993.txt'), join(dir, 'BGR_48_1993.txt'));
    writeFileSync(join(dir, 'broken.txt'), Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from([0, 1, 2, 3, 0, 0xff])]));
    const r = run(['units', dir, '--json']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('broken.txt');
    expect(r.stderr).not.toContain('BGR_48_1993.txt');
    const out = json(r);
    expect(out.results.documents.map((d) => d.file.split(/[\\/]/).pop())).toEqual(['BGR_48_1993.txt']);
    expect(out.results.units.length).toBeGreaterThanOrEqual(20);
    expect(out.results.units[0]!.text.startsWith('I would first of all like to congratulate you')).toBe(true);
  });

  it('a Windows-1252 file (0x92 for ’, 0xe9 for é) reads correctly, with a warning', () => {
    const text =
      'The Council\u2019s role in the protection of civilians is essential.\n\nWe thank the Special Envoy for his r\u00e9sum\u00e9 of the situation and for his work in the region.\n';
    const p = tmpFile('enc/cp1252.txt', cp1252(text));
    const r = run(['units', p, '--json']);
    expect(r.status).toBe(0);
    const out = json(r);
    expect(out.results.documents[0]!.encoding).toBe('windows-1252');
    const all = out.results.units.map((u) => u.text).join('\n');
    expect(all).toContain('Council\u2019s');
    expect(all).toContain('r\u00e9sum\u00e9');
    expect(all).not.toContain('\ufffd');
    expect(r.stderr).toMatch(/windows-1252|utf-8/i);
    expect(r.stderr).toContain('cp1252.txt');
  });

  it('UTF-16LE without a BOM and UTF-16BE read correctly', () => {
    const text = 'The Secretary-General\u2019s report is welcome.\n\nWe support the r\u00f4le of the Council in this matter and thank the Special Envoy.\n';
    for (const [name, bytes, enc] of [
      ['le.txt', Buffer.from(text, 'utf16le'), 'utf-16le'],
      ['be.txt', utf16be(text), 'utf-16be'],
      ['be-bom.txt', Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(text)]), 'utf-16be'],
    ] as const) {
      const r = run(['units', tmpFile(`utf16/${name}`, bytes), '--json']);
      expect(r.status, name).toBe(0);
      const out = json(r);
      expect(out.results.documents[0]!.encoding, name).toBe(enc);
      expect(out.results.units.map((u) => u.text), name).toEqual([
        'The Secretary-General\u2019s report is welcome.',
        'We support the r\u00f4le of the Council in this matter and thank the Special Envoy.',
      ]);
    }
  });

  it('a CRLF file: no \\r in any unit, and spans count lines as `wc -l` does', () => {
    const lf = readFileSync(join(fixtures, 'BGR_48_1993.txt'), 'utf8');
    const crlf = lf.replace(/\r?\n/g, '\r\n');
    const p = tmpFile('crlf/BGR_48_1993.txt', crlf);
    const q = tmpFile('lf/BGR_48_1993.txt', lf.replace(/\r?\n/g, '\n'));
    const r = run(['units', p, '--json', '--all-units']);
    expect(r.status).toBe(0);
    const out = json(r);
    const wcL = (crlf.match(/\n/g) ?? []).length;
    expect(out.results.documents[0]!.lines).toBe(wcL);
    for (const u of out.results.units) expect(u.text).not.toContain('\r');
    const lastNonBlank = crlf.split('\r\n').reduce((acc, l, i) => (l.trim() ? i + 1 : acc), 0);
    expect(Math.max(...out.results.units.map((u) => u.span.endLine))).toBe(lastNonBlank);
    // The same spans as the LF file.
    const ref = json(run(['units', q, '--json', '--all-units']));
    expect(out.results.units.map((u) => [u.span.startLine, u.span.endLine, u.text])).toEqual(
      ref.results.units.map((u) => [u.span.startLine, u.span.endLine, u.text]),
    );
  });

  it('a 50 MB file that is one line loads without a crash', { timeout: 60_000 }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'speeches-big-'));
    try {
      const sentence = readFileSync(join(fixtures, 'BGR_48_1993.txt'), 'utf8').replace(/\s+/g, ' ').trim() + ' ';
      const target = 50 * 1024 * 1024;
      const big = Buffer.from(sentence.repeat(Math.ceil(target / Buffer.byteLength(sentence))));
      expect(big.length).toBeGreaterThanOrEqual(target);
      expect(big.includes(0x0a)).toBe(false);
      const p = join(dir, 'one-line.txt');
      writeFileSync(p, big);
      const r = run(['units', p, '--ndjson'], { maxBuffer: 256 * 1024 * 1024 });
      expect(r.error).toBeUndefined();
      expect(r.status).toBe(0);
      expect(r.stdout.length).toBeGreaterThan(0);
      const first = JSON.parse(r.stdout.split('\n')[0]!) as UnitJson;
      expect(first.span.startLine).toBe(1);
      expect(first.text.startsWith('I would first of all like to congratulate you')).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('speeches units in pipes', () => {
  it('--json parses and holds no ANSI escape', () => {
    const r = run(['units', 'seeds', '--json']);
    expect(r.status).toBe(0);
    expect(r.stdout).not.toContain(ESC);
    const out = json(r);
    expect(out.schema).toBe('speeches/units');
    expect(out.results.units.length).toBe(17);
  });

  it('the table, piped, holds no ANSI escape', () => {
    const r = run(['units', 'seeds']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Abdrakhmanov');
    expect(r.stdout).not.toContain(ESC);
  });

  it('FORCE_COLOR=1 colours the table', () => {
    const r = run(['units', 'seeds'], { env: { FORCE_COLOR: '1' } });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(ESC);
  });

  it('NO_COLOR=1 (FORCE_COLOR unset) leaves the table plain', () => {
    const r = run(['units', 'seeds'], { env: { NO_COLOR: '1' } });
    expect(r.status).toBe(0);
    expect(r.stdout.length).toBeGreaterThan(0);
    expect(r.stdout).not.toContain(ESC);
  });

  it('--ndjson: every line parses as one unit', () => {
    const r = run(['units', 'seeds', '--ndjson']);
    expect(r.status).toBe(0);
    expect(r.stdout.endsWith('\n')).toBe(true);
    const lines = r.stdout.slice(0, -1).split('\n');
    expect(lines).toHaveLength(17);
    for (const l of lines) {
      const u = JSON.parse(l) as UnitJson;
      expect(typeof u.text).toBe('string');
      expect(u.kind).toBe('content');
    }
  });

  it('no inputs and no stdin: the seeds are analysed, with a one-line note on stderr', () => {
    const r = run(['units', '--json']);
    expect(r.status).toBe(0);
    const lines = r.stderr.split('\n').filter((l) => l !== '');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/seeds/);
    const files = json(r).results.documents.map((d) => d.file.split(/[\\/]/).pop());
    expect(files).toEqual(['000_09c7f05abb924c58.txt', '003_0eda7931006bc30a.txt']);
  });

  it('--kind bogus: exit 2 with a message naming --kind', () => {
    const r = run(['units', 'seeds', '--kind', 'bogus']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--kind');
    expect(r.stdout).toBe('');
  });

  it('`speeches units --json` twice gives identical bytes', () => {
    const a = run(['units', '--json']);
    const b = run(['units', '--json']);
    expect(a.status).toBe(0);
    expect(a.stdout.length).toBeGreaterThan(1000);
    expect(b.stdout).toBe(a.stdout);
  });
});
