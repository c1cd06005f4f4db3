/** End-to-end: corpus files (.csv, .tsv, .jsonl) as input, one document per row. */

import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const sample = fileURLToPath(new URL('../../../shared/corpus/ungd-sample', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'corpus-file-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function run(...args: string[]): { stdout: string; stderr: string; status: number | null } {
  const r = spawnSync(process.execPath, ['bin/speeches.js', ...args], { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', maxBuffer: 1 << 27 });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

const quote = (s: string): string => `"${s.replace(/"/g, '""')}"`;

describe.skipIf(!existsSync(sample))('a CSV of 20 General Debate speeches', () => {
  const files = existsSync(sample) ? readdirSync(sample).sort().slice(0, 20) : [];
  const csv = join(tmp, 'twenty.csv');
  const dir = join(tmp, 'twenty');
  mkdirSync(dir);
  let body = 'session,year,country,text\n';
  for (const f of files) {
    const [country, session, year] = f.replace('.txt', '').split('_');
    body += `${session},${year},${country},${quote(readFileSync(join(sample, f), 'utf8'))}\n`;
    copyFileSync(join(sample, f), join(dir, f));
  }
  writeFileSync(csv, body);

  it('gives the same terms as the 20 files themselves', () => {
    const a = run('terms', csv, '--json', '--top', '100000');
    const b = run('terms', dir, '--json', '--top', '100000');
    expect(a.status, a.stderr).toBe(0);
    const rows = (s: string): unknown => (JSON.parse(s) as { results: { groups: { rows: unknown[] }[] } }).results.groups[0]!.rows;
    expect(rows(a.stdout)).toEqual(rows(b.stdout));
  });

  it('its other columns are metadata for --by and --where', () => {
    const out = JSON.parse(run('terms', csv, '--by', 'year', '--json', '--top', '1').stdout) as { results: { groups: { group: string }[] } };
    expect(out.results.groups.map((g) => g.group)).toEqual([...new Set(files.map((f) => f.split('_')[2]!.replace('.txt', '')))].sort());
    const afg = JSON.parse(run('units', csv, '--where', 'country=AFG', '--summary', '--json').stdout) as { results: { documents: unknown[] } };
    expect(afg.results.documents.length).toBe(files.filter((f) => f.startsWith('AFG_')).length);
  });
});

describe('bad rows', () => {
  it('are reported with their row number, and the rest load', () => {
    const f = join(tmp, 'bad.csv');
    writeFileSync(f, 'year,text\n2001,"Terrorism threatens peace."\n2002,\n2003,"broken "quote" here"\n2004,"Climate change threatens islands."\n');
    const r = run('units', f, '--json');
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/bad\.csv:3: row skipped: no text in column 'text'/);
    expect(r.stderr).toMatch(/bad\.csv:4: row skipped: /);
    const units = (JSON.parse(r.stdout) as { results: { units: { text: string }[] } }).results.units.map((u) => u.text);
    expect(units).toEqual(['Terrorism threatens peace.', 'Climate change threatens islands.']);
  });

  it('a JSON Lines corpus with --text-column', () => {
    const f = join(tmp, 'c.jsonl');
    writeFileSync(f, '{"body": "Peace and security.", "year": 1990}\nnot json\n{"body": "Development goals."}\n');
    const r = run('units', f, '--text-column', 'body', '--json');
    expect(r.stderr).toMatch(/c\.jsonl:2: row skipped: not valid JSON/);
    expect((JSON.parse(r.stdout) as { results: { units: unknown[] } }).results.units.length).toBe(2);
  });
});
