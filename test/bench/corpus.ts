/** The full General Debate corpus for benchmarks, unpacked once into a cache outside git. */

import { createHash } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tar from 'tar';

export const REPO = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const SHARED = resolve(REPO, '../shared');
export const TARBALL = join(SHARED, 'corpus/ungdc-full.tar.gz');

async function sha256(path: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of createReadStream(path)) h.update(chunk as Buffer);
  return h.digest('hex');
}

/** Unpack the tarball (once) and return the directory that holds the speeches. */
export async function fullCorpus(): Promise<string> {
  if (!existsSync(TARBALL)) throw new Error(`missing ${TARBALL}: the benchmarks need ../shared beside the checkout`);
  const digest = (await sha256(TARBALL)).slice(0, 12);
  const base = process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache');
  const dir = join(base, 'speeches-bench', `ungdc-${digest}`);
  if (!existsSync(join(dir, '.complete'))) {
    mkdirSync(dir, { recursive: true });
    process.stderr.write(`unpacking ${TARBALL} into ${dir} (once)…\n`);
    await tar.x({ file: TARBALL, cwd: dir });
    writeFileSync(join(dir, '.complete'), new Date().toISOString());
  }
  return join(dir, 'UNGDC');
}

/** Every speech file under a directory, sorted. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.txt')) out.push(p);
    }
  };
  walk(dir);
  return out;
}
