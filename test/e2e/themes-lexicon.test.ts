/** End-to-end: dictionary themes, `speeches themes --lexicon un|sdg|FILE`. */

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../..', import.meta.url));

function run(...args: string[]): { stdout: string; stderr: string; status: number | null } {
  const r = spawnSync(process.execPath, ['bin/speeches.js', ...args], { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

interface Theme {
  id: string;
  label: string;
  depth: number;
  rank: number;
  hits: number;
  rate: number;
}

const themes = (...args: string[]): Theme[] =>
  (JSON.parse(run('themes', ...args, '--json').stdout) as { results: { themes: Theme[] } }).results.themes;

describe('themes --lexicon un on the seeds', () => {
  it.each(['seeds/000_09c7f05abb924c58.txt', 'seeds/003_0eda7931006bc30a.txt'])('%s: peace and security is the top theme', (seed) => {
    const top = themes(seed, '--lexicon', 'un').filter((t) => t.depth === 1).sort((a, b) => b.rate - a.rate)[0];
    expect(top?.label.toLowerCase()).toBe('peace and security');
  });

  it('R2P statement: human rights and humanitarian affairs have non-zero rates', () => {
    const t = themes('seeds/003_0eda7931006bc30a.txt', '--lexicon', 'un');
    expect(t.find((x) => /^human rights$/i.test(x.label))?.rate).toBeGreaterThan(0);
    expect(t.find((x) => /^humanitarian/i.test(x.label))?.rate).toBeGreaterThan(0);
  });

  it('--explain shows the sentences behind each theme', () => {
    const r = run('themes', 'seeds/003_0eda7931006bc30a.txt', '--lexicon', 'un', '--explain');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/“[^”]*«[^»]+»[^”]*” — Delegation of Kazakhstan/);
  });
});

describe('a lexicon of your own', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lex-'));
  it('works when valid, and is refused with the file, the path and what was expected when not', () => {
    try {
      const good = join(dir, 'mine.json');
      writeFileSync(good, JSON.stringify({ name: 'mine', themes: [{ label: 'Prevention', entries: ['prevent*', 'preventive diplomacy'] }] }));
      const t = themes('seeds/000_09c7f05abb924c58.txt', '--lexicon', good);
      expect(t[0]?.hits).toBeGreaterThan(3);
      const bad = join(dir, 'bad.json');
      writeFileSync(bad, JSON.stringify({ name: 'bad', themes: [{ label: 'Empty', entries: [] }] }));
      const r = run('themes', 'seeds', '--lexicon', bad);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('bad.json');
      expect(r.stderr).toMatch(/themes\[0\]/);
      expect(r.stdout).toBe('');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
