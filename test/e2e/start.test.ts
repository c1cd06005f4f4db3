/** End-to-end: how the built program starts (bin/speeches.js, the bundle, V8's code cache from the build). */

import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const A = 'seeds/000_09c7f05abb924c58.txt';

function speeches(root: string, ...args: string[]): { stdout: string; stderr: string; status: number | null } {
  const r = spawnSync(process.execPath, [join(root, 'bin/speeches.js'), ...args], { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

/** A copy of the built package whose bin and dist/bundle can be changed (data, seeds and packages linked). */
let copy = '';
beforeAll(() => {
  copy = mkdtempSync(join(tmpdir(), 'speeches-start-'));
  cpSync(join(repo, 'bin'), join(copy, 'bin'), { recursive: true });
  cpSync(join(repo, 'dist/bundle'), join(copy, 'dist/bundle'), { recursive: true });
  for (const p of ['dist/data', 'seeds', 'node_modules']) symlinkSync(join(repo, p), join(copy, p));
  copyFileSync(join(repo, 'package.json'), join(copy, 'package.json'));
});
afterAll(() => {
  if (copy) rmSync(copy, { recursive: true, force: true });
});

describe('start-up', () => {
  const cacheUsed = (root: string): string => {
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', `import { loadProgram } from ${JSON.stringify(join(root, 'bin/load-program.js'))}; process.stdout.write(String(loadProgram().cacheUsed));`], { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
    return r.stdout + r.stderr;
  };

  it('the build leaves a code cache that V8 takes on this Node', () => {
    expect(existsSync(join(repo, 'dist/bundle/speeches.cache'))).toBe(true);
    expect(cacheUsed(repo)).toBe('true');
  });

  it('a cache is used only with the bundle it was made for, and never when damaged (V8 would crash on it)', () => {
    const cache = readFileSync(join(repo, 'dist/bundle/speeches.cache'));
    const bundle = readFileSync(join(repo, 'dist/bundle/speeches.js'));
    expect(cacheUsed(copy)).toBe('true');
    // One byte of the compiled code changed.
    const damaged = Buffer.from(cache);
    damaged[damaged.length >> 1] ^= 0x55;
    writeFileSync(join(copy, 'dist/bundle/speeches.cache'), damaged);
    expect(cacheUsed(copy)).toBe('false');
    expect(speeches(copy, 'themes', A, '--json')).toEqual(speeches(repo, 'themes', A, '--json'));
    // Another bundle of the same length.
    writeFileSync(join(copy, 'dist/bundle/speeches.cache'), cache);
    // (a letter of a "// src/…" comment esbuild writes: the code stays the same)
    const other = Buffer.from(bundle);
    other[other.indexOf('// src/') + 3] = 0x53;
    writeFileSync(join(copy, 'dist/bundle/speeches.js'), other);
    const used = cacheUsed(copy);
    writeFileSync(join(copy, 'dist/bundle/speeches.js'), bundle);
    expect(used).toBe('false');
    expect(cacheUsed(copy)).toBe('true');
  });

  it('without a cache, or with one that is not a cache, the program runs the same, only compiling as it starts', () => {
    const expected = speeches(repo, 'themes', A, '--json');
    expect(expected.status).toBe(0);
    rmSync(join(copy, 'dist/bundle/speeches.cache'), { force: true });
    const none = speeches(copy, 'themes', A, '--json');
    expect(none).toEqual(expected);
    writeFileSync(join(copy, 'dist/bundle/speeches.cache'), 'not a code cache');
    expect(speeches(copy, 'themes', A, '--json')).toEqual(expected);
  });

  it('a bundle of an older build (an ES module) says so, with a hint, and exits 2', () => {
    const bundle = readFileSync(join(copy, 'dist/bundle/speeches.js'));
    writeFileSync(join(copy, 'dist/bundle/speeches.js'), "import { x } from './chunk.js';\nexport const y = x;\n");
    const r = speeches(copy, 'themes', A);
    writeFileSync(join(copy, 'dist/bundle/speeches.js'), bundle);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^speeches: the program is not built \(.*older build/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('an unbuilt package says so, with a hint, and exits 2', () => {
    rmSync(join(copy, 'dist/bundle/speeches.js'), { force: true });
    const r = speeches(copy, 'themes', A);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^speeches: the program is not built/);
    expect(r.stderr).toContain('npm run build');
  });

  it.skipIf(availableParallelism() < 2)('worker threads run the bundled worker (CommonJS, as dist/bundle/package.json says) and change nothing', () => {
    // 40 files or more go to worker threads.
    const dir = join(copy, 'many');
    mkdirSync(dir);
    const text = readFileSync(join(repo, 'test/fixtures/real/MAR_70_2015.txt'));
    for (let i = 0; i < 40; i++) writeFileSync(join(dir, `MAR_70_2015_${String(i).padStart(2, '0')}.txt`), text);
    const terms = (threads: string) =>
      spawnSync(process.execPath, [join(repo, 'bin/speeches.js'), 'terms', dir, '--top', '5', '--json'], { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', env: { ...process.env, SPEECHES_THREADS: threads } });
    const two = terms('2');
    const one = terms('1');
    expect(two.stderr).toBe('');
    expect(two.status).toBe(0);
    expect(JSON.parse(two.stdout).results.groups[0].rows.length).toBe(5);
    expect(two.stdout).toBe(one.stdout);
  });
});
