/** End-to-end: `speeches lexicon check` and `speeches lexicon show`, run as a user runs them. */

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'speeches-lexicon-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(...args: string[]): { stdout: string; stderr: string; status: number | null } {
  const r = spawnSync(process.execPath, ['bin/speeches.js', ...args], { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return path;
}

/** An invalid lexicon: exit 2, nothing on stdout, one clear message on stderr (no internal error). */
function invalid(...args: string[]): string {
  const r = run('lexicon', 'check', ...args);
  expect(r.status).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).toMatch(/^speeches: /);
  expect(r.stderr).not.toMatch(/internal error|at .*\.js:\d+/);
  return r.stderr;
}

describe('speeches lexicon show', () => {
  it('prints each built-in lexicon exactly as it ships, as JSON', () => {
    for (const name of ['un', 'sdg']) {
      const r = run('lexicon', 'show', name);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout.trimEnd()).toBe(readFileSync(join(repo, 'src/data/lexicons', `${name}.json`), 'utf8').trimEnd());
      const json = JSON.parse(r.stdout) as { name: string; themes: unknown[] };
      expect(json.name).toBe(name);
    }
    expect((JSON.parse(run('lexicon', 'show', 'sdg').stdout) as { themes: unknown[] }).themes).toHaveLength(17);
  });

  it('an unknown name: exit 2, naming the built-ins', () => {
    const r = run('lexicon', 'show', 'nope');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/un, sdg/);
  });

  it('what show prints, check accepts (copy and edit)', () => {
    const path = file('copy.json', run('lexicon', 'show', 'un').stdout);
    const a = run('lexicon', 'check', path);
    const b = run('lexicon', 'check', 'un');
    expect(a.status, a.stderr).toBe(0);
    expect(a.stdout.replace(path, 'X')).toBe(b.stdout.replace(/^un/, 'X'));
  });
});

describe('speeches lexicon check', () => {
  it('a valid file: exit 0 and its size', () => {
    const path = file('ok.json', {
      name: 'mine',
      assign: { minDistinct: 2 },
      themes: [
        { label: 'Peace', entries: ['peacekeep*', 'ceasefire'], children: [{ label: 'Mediation', entries: ['good offices', { match: 'mediation', not: ['mediation fee'] }] }] },
        { label: 'Climate', entries: ['climate change', 'emissions'] },
      ],
    });
    const r = run('lexicon', 'check', path);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe(`${path}: valid lexicon 'mine': 3 themes (2 top-level, 2 leaves, depth 2), 6 entries (2 phrases, 1 globs), 1 exclusion\n`);
    const j = JSON.parse(run('lexicon', 'check', path, '--json').stdout) as { schema: string; results: { valid: boolean; size: { entries: number }; themes: { id: string; entries: number }[] } };
    expect(j.schema).toBe('speeches/lexicon/check');
    expect(j.results.valid).toBe(true);
    expect(j.results.size.entries).toBe(6);
    expect(j.results.themes.map((t) => [t.id, t.entries])).toEqual([
      ['peace', 4],
      ['mediation', 2],
      ['climate', 2],
    ]);
  });

  it('the built-ins are valid', () => {
    const un = run('lexicon', 'check', 'un');
    expect(un.status, un.stderr).toBe(0);
    expect(un.stdout).toMatch(/^un: valid lexicon 'un': 20 themes \(14 top-level/);
    const sdg = run('lexicon', 'check', 'sdg');
    expect(sdg.stdout).toMatch(/^sdg: valid lexicon 'sdg': 17 themes/);
  });

  it('a theme with 1,000 entries works', () => {
    const path = file('big.json', { name: 'big', themes: [{ label: 'Big', entries: Array.from({ length: 1000 }, (_, i) => `term${i}`) }] });
    const r = run('lexicon', 'check', path);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/1000 entries/);
  });

  it('a JSON syntax error: the file, the line and the column', () => {
    const path = file('syntax.json', '{\n  "name": "x",\n  "themes": [\n    {"label": "A", "entries": ["a",]}\n  ]\n}\n');
    const err = invalid(path);
    expect(err).toContain(`invalid lexicon '${path}': line 4, column 36: not valid JSON: a comma before ']' (trailing commas are not allowed in JSON)`);
    expect(err).toMatch(/hint: run 'speeches lexicon show un'/);
  });

  it('a malformed tree: the path in the tree and what was expected', () => {
    const path = file('tree.json', { name: 'x', themes: [{ label: 'A', entries: ['a'] }, { label: 'B', entries: ['b'] }, { label: 'C', entries: ['c'] }, { label: 'D', children: [{ label: 'E', entries: ['e', 'f', { not: ['x'] }] }] }] });
    expect(invalid(path)).toContain('themes[3].children[0].entries[2]: expected {"match": "a word or phrase", "not": [optional phrases]}: "match" is missing');
  });

  it('an empty theme, bad globs and a phrase with a comma each get their message', () => {
    const path = file('bad.json', { name: 'x', themes: [{ label: 'Empty' }, { label: 'G', entries: ['*', '**x', 'pe*ce', 'food'] }] });
    const err = invalid(path);
    expect(err).toContain(`invalid lexicon '${path}' (4 problems):`);
    expect(err).toContain('themes[0]: empty theme "Empty"');
    expect(err).toContain(`themes[1].entries[0]: "*": '*' alone would match every word`);
    expect(err).toContain(`themes[1].entries[1]: "**x": '*' may only end a word`);
    expect(err).toContain(`themes[1].entries[2]: "pe*ce": '*' may only end a word`);
    // what the term pipeline makes of an entry is checked once the file's structure is valid
    const comma = file('comma.json', { name: 'x', themes: [{ label: 'G', entries: ['food, water', 'human rights* council'] }] });
    const err2 = invalid(comma);
    expect(err2).toContain('themes[0].entries[0]: "food, water": has clause punctuation');
    expect(err2).toContain(`themes[0].entries[1]: "human rights* council": the '*' falls inside the compound "human rights council"`);
  });

  it('a file that cannot be read, or that is empty', () => {
    expect(invalid(join(dir, 'missing.json'))).toMatch(/cannot read it: no such file/);
    expect(invalid(file('empty.json', ''))).toMatch(/line 1, column 1: not valid JSON: the file ends where a value was expected/);
    expect(invalid(file('array.json', '[]'))).toMatch(/\(top level\): expected an object/);
  });
});
