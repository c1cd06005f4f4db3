/** End-to-end: `speeches kwic`. */

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const pv = fileURLToPath(new URL('../../../shared/corpus/unsc/pv', import.meta.url));

function run(...args: string[]): { stdout: string; stderr: string; status: number | null } {
  const r = spawnSync(process.execPath, ['bin/speeches.js', ...args], { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', maxBuffer: 1 << 26, timeout: 60000 });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

interface Hit {
  match: string;
  left: string;
  right: string;
  paragraph: number;
  speaker: { name: string | null; role: string | null; country: { code: string } | null };
  meeting: { symbol: string | null };
}

const hits = (...args: string[]): Hit[] => (JSON.parse(run('kwic', ...args, '--json').stdout) as { results: { hits: Hit[] } }).results.hits;

describe('speeches kwic', () => {
  it('"responsibility to protect" finds the R2P statement\'s uses, R2P and RtoP included, with speaker and ¶', () => {
    const h = hits('responsibility to protect', 'seeds');
    expect(h.map((x) => x.match)).toEqual(['Responsibility to Protect', 'Responsibility to Protect', 'R2P', 'RtoP']);
    for (const x of h) {
      expect(x.speaker.country?.code).toBe('KAZ');
      expect(x.paragraph).toBeGreaterThan(0);
    }
    const table = run('kwic', 'responsibility to protect', 'seeds');
    expect(table.status).toBe(0);
    expect(table.stdout).toContain('Delegation of Kazakhstan');
    expect(table.stdout).toMatch(/¶\d+/);
  });

  it.skipIf(!existsSync(pv))('"peace*" over the Security Council records: JSON parses, every hit has its meeting symbol and speaker', () => {
    const h = hits('peace*', pv);
    expect(h.length).toBeGreaterThan(20);
    for (const x of h) {
      expect(x.meeting.symbol).toMatch(/^S\/PV\.87\d\d/);
      expect(x.speaker.name ?? x.speaker.role).toBeTruthy();
      expect(x.match.toLowerCase().startsWith('peace')).toBe(true);
    }
  });

  it('exits 1 and prints nothing when nothing matches', () => {
    const r = run('kwic', 'zzzz', 'seeds');
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
  });

  it('refuses a regex with nested repetition, promptly, even on a long line of a\'s', { timeout: 60000 }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'kwic-'));
    try {
      writeFileSync(join(dir, 'a.txt'), `${'a'.repeat(100000)}b\n`);
      const t0 = Date.now();
      const r = run('kwic', '/(a+)+$/', join(dir, 'a.txt'));
      expect(Date.now() - t0).toBeLessThan(20000);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/^speeches: .*exponential time/);
      // A safe regex over the same line answers (and finds nothing: the line ends in b).
      const ok = run('kwic', '/a+$/', join(dir, 'a.txt'));
      expect(ok.status).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('--sort right orders hits by the words after the match; --case matches as written', () => {
    const h = hits('prevention', 'seeds', '--sort', 'right');
    const keys = h.map((x) => x.right.toLowerCase().replace(/^[^\p{L}\p{N}]+/u, ''));
    expect([...keys].sort()).toEqual(keys);
    expect(hits('UN', 'seeds', '--case').every((x) => x.match === 'UN')).toBe(true);
    expect(hits('UN', 'seeds').length).toBeGreaterThan(hits('UN', 'seeds', '--case').length);
  });
});
