/** Every command honours --format and --fields: JSON and NDJSON parse, CSV round-trips, no ANSI on a pipe. */

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const sample = fileURLToPath(new URL('../../../shared/corpus/ungd-sample', import.meta.url));

function run(...args: string[]): { stdout: string; stderr: string; status: number | null } {
  const r = spawnSync(process.execPath, ['bin/speeches.js', ...args], { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', maxBuffer: 1 << 27 });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

const commands: string[][] = [
  ['units', 'seeds'],
  ['terms', 'seeds'],
  ['ngrams', 'seeds', '-n', '2'],
  ['collocates', 'prevention', 'seeds'],
  ['kwic', 'prevention', 'seeds'],
  ['themes', 'seeds'],
  ['keyphrases', 'seeds'],
  ['stats', 'seeds', '--by', 'document'],
  ['trend', 'peace', 'seeds', '--by', 'year'],
];

describe.each(commands)('speeches %s', (...args) => {
  it('--json is one JSON document, --ndjson one record a line, --format csv the same records; no ANSI', () => {
    const json = run(...args, '--json');
    expect(json.status, json.stderr).toBe(0);
    expect(() => JSON.parse(json.stdout)).not.toThrow();
    const nd = run(...args, '--ndjson');
    const records = nd.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as unknown);
    expect(records.length).toBeGreaterThan(0);
    const csv = run(...args, '--format', 'csv');
    const rows = parse(csv.stdout, { columns: true }) as Record<string, string>[];
    expect(rows.length).toBe(records.length);
    const tsv = run(...args, '--format', 'tsv');
    expect(tsv.stdout.trimEnd().split('\n').length).toBe(records.length + 1);
    for (const out of [json.stdout, nd.stdout, csv.stdout, tsv.stdout, run(...args).stdout]) expect(out).not.toContain('\x1b[');
  });
});

describe('--fields', () => {
  it('chooses and orders the columns of the table and of CSV', () => {
    const csv = run('terms', 'seeds', '--format', 'csv', '--fields', 'count,term', '--top', '2').stdout.split('\r\n');
    expect(csv[0]).toBe('count,term');
    expect(csv[1]).toBe('15,united nations');
    const table = run('terms', 'seeds', '--fields', 'term,count', '--top', '2').stdout.split('\n');
    expect(table[0]).toMatch(/^\s*term\s+count$/);
    const kwic = run('kwic', 'prevention', 'seeds', '--format', 'csv', '--fields', 'speaker').stdout.split('\r\n')[0];
    expect(kwic?.startsWith('speaker.name,speaker.title,speaker.country.name')).toBe(true);
  });

  it('names a field that no record has, on stderr', () => {
    const r = run('terms', 'seeds', '--format', 'csv', '--fields', 'term,colour');
    expect(r.stderr).toMatch(/--fields: no field 'colour'/);
  });
});

describe.skipIf(!existsSync(sample))('stats as CSV', () => {
  it('loads in a CSV reader, and its token totals equal those of terms', () => {
    const rows = parse(run('stats', sample, '--by', 'year', '--format', 'csv').stdout, { columns: true }) as Record<string, string>[];
    expect(rows.length).toBe(54);
    const tokens = rows.reduce((a, r) => a + Number(r.tokens), 0);
    const terms = JSON.parse(run('terms', sample, '--json').stdout) as { corpus: { tokens: number } };
    expect(tokens).toBe(terms.corpus.tokens);
  });
});

describe('a closed pipe', () => {
  it('speeches terms seeds | head -1 ends quietly', () => {
    const r = spawnSync('sh', ['-c', 'node bin/speeches.js terms seeds --top 500 | head -1; exit ${PIPESTATUS:-0}'], { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
    expect(r.stdout.split('\n').filter(Boolean).length).toBe(1);
    expect(r.stderr).toBe('');
  });
});

describe('edge cases a reviewer found', () => {
  it('terms --matrix honours --format tsv and --json instead of failing', () => {
    expect(run('terms', 'seeds', '--matrix', '--format', 'tsv', '--top', '2').stdout.split('\n')[0]).toBe('document\tunited nations\tconflict');
    const j = run('terms', 'seeds', '--matrix', '--json', '--top', '2');
    expect(j.status).toBe(0);
    expect((JSON.parse(j.stdout) as { schema: string }).schema).toBe('speeches/terms/matrix');
  });

  it('a directory or file named twice is read once, without an error', () => {
    const once = run('terms', 'seeds', '--json');
    const twice = run('terms', 'seeds', './seeds', 'seeds/000_09c7f05abb924c58.txt', '--json');
    expect(twice.status, twice.stderr).toBe(0);
    expect(twice.stdout).toBe(once.stdout);
  });

  it('a --fields name no record has is a usage error (exit 2)', () => {
    const r = run('terms', 'seeds', '--format', 'csv', '--fields', 'nosuch');
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
  });

  it('two output formats that disagree are a usage error', () => {
    expect(run('terms', 'seeds', '--json', '--ndjson').status).toBe(2);
    expect(run('terms', 'seeds', '--format', 'csv', '--json').stderr).toMatch(/^speeches: choose one output format/);
    expect(run('terms', 'seeds', '--format', 'json', '--json').status).toBe(0);
  });

  it('speeches with no command shows the help and exits 2', () => {
    const r = run();
    expect(r.status).toBe(2);
    expect(r.stdout + r.stderr).toContain('Usage: speeches');
  });
});
