import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { stemmerFor } from '../../src/text/natural.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SRC_TEXT = new URL('../../src/text/', import.meta.url);

/** Run a module in a fresh node with tsx and return its stdout. */
function importOutput(modulePath: string): { stdout: string; status: number | null; stderr: string } {
  const url = new URL(modulePath, SRC_TEXT).href;
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', `await import(${JSON.stringify(url)});`], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  return { stdout: r.stdout, status: r.status, stderr: r.stderr };
}

describe('natural adapter: the behaviour we rely on', () => {
  it('English Porter', () => {
    const stem = stemmerFor('en')!;
    expect(stem('development')).toBe('develop');
    expect(stem('developing')).toBe('develop');
    expect(stem('nations')).toBe('nation');
    expect(stem('countries')).toBe('countri');
    expect(stem('security')).toBe('secur');
    expect(stem('peacekeeping')).toBe('peacekeep');
    expect(stem('responsibility')).toBe('respons');
    expect(stem('un')).toBe('un');
  });

  it('French, Spanish and Russian Snowball ports', () => {
    expect(stemmerFor('fr')!('développement')).toBe('développ');
    expect(stemmerFor('fr')!('nations')).toBe('nation');
    expect(stemmerFor('fr')!('sécurité')).toBe('sécur');
    expect(stemmerFor('es')!('desarrollo')).toBe('desarroll');
    expect(stemmerFor('es')!('naciones')).toBe('nacion');
    expect(stemmerFor('ru')!('безопасности')).toBe('безопасност');
    expect(stemmerFor('ru')!('объединённых')).toBe('объединен'); // ё becomes е
  });

  it('has no stemmer for Arabic and Chinese', () => {
    expect(stemmerFor('ar')).toBeNull();
    expect(stemmerFor('zh')).toBeNull();
  });

  it('prints nothing on stdout when imported', () => {
    const r = importOutput('natural.ts');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
  });

  it('the whole text layer prints nothing on stdout when imported', () => {
    const r = importOutput('index.ts');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
  });

  it('natural is imported in natural.ts only, and never by its package root', () => {
    const files = readdirSync(SRC_TEXT).filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'));
    for (const f of files) {
      const src = readFileSync(new URL(f, SRC_TEXT), 'utf8');
      // Any module path naming natural: static imports, and the lazily required submodules in natural.ts.
      const specs = [...src.matchAll(/['"](natural(?:\/[^'"]*)?)['"]/g)].map((m) => m[1]!);
      if (f === 'natural.ts') {
        expect(specs.length).toBeGreaterThan(0);
        for (const s of specs) expect(s).toMatch(/^natural\/lib\/natural\/stemmers\/[a-z_]+\.js$/);
      } else {
        expect(specs).toEqual([]);
      }
    }
  });
});
