/** Command-line inputs → the files to read: paths, directories (recursive), quoted globs, "-" for stdin, or the seeds. */

import { fstatSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

// Required when a glob needs expanding, not at every start.
const requireLazy = createRequire(import.meta.url);
const globSync = (pattern: string, opts: Record<string, unknown>): string[] =>
  (requireLazy('tinyglobby') as typeof import('tinyglobby')).globSync(pattern, opts);

export type Source = { kind: 'file'; path: string } | { kind: 'stdin' };

export interface InputProblem {
  path: string;
  message: string;
  hint?: string;
}

export interface ResolvedInputs {
  sources: Source[];
  /** Inputs that could not be read: they make the exit code 2. */
  errors: InputProblem[];
  /** Files passed over on purpose (wrong type inside a directory): a note on stderr, exit unchanged. */
  skipped: InputProblem[];
  /** The bundled seeds were used because no input was given. */
  usedSeeds: boolean;
}

const TEXT_FILE = /\.(?:txt|md|markdown|csv|tsv|jsonl|ndjson)$/i;
const GLOB_CHARS = /[*?[\]{}]/;

/** Where the bundled seed documents are. */
export const SEEDS_DIR = fileURLToPath(new URL('../../seeds/', import.meta.url));

/** Whether standard input is a pipe or a redirected file (not a terminal, /dev/null, or closed). */
export function stdinHasData(): boolean {
  try {
    const st = fstatSync(0);
    return st.isFIFO() || st.isFile() || st.isSocket();
  } catch {
    return false;
  }
}

/** Expand the inputs given on the command line. */
export function resolveInputs(args: readonly string[], opts: { stdinHasData: boolean }): ResolvedInputs {
  const out: ResolvedInputs = { sources: [], errors: [], skipped: [], usedSeeds: false };
  if (args.length === 0) {
    if (opts.stdinHasData) {
      out.sources.push({ kind: 'stdin' });
      return out;
    }
    out.usedSeeds = true;
    addDirectory(SEEDS_DIR, out);
    return out;
  }
  // The same file named twice (or as seeds/x and ./seeds/x) is read once.
  const seen = new Set<string>();
  let found = 0;
  const add = (path: string, key = resolve(path)): void => {
    found++;
    if (seen.has(key)) return;
    seen.add(key);
    out.sources.push({ kind: 'file', path });
  };
  for (const arg of args) {
    if (arg === '-') {
      if (!seen.has('-')) out.sources.push({ kind: 'stdin' });
      seen.add('-');
      continue;
    }
    let st;
    try {
      st = statSync(arg);
    } catch (e) {
      if (GLOB_CHARS.test(arg)) {
        const matches = globSync(arg, { onlyFiles: true, dot: false, expandDirectories: false }).sort(byCodeUnit);
        if (matches.length === 0) out.errors.push({ path: arg, message: 'no files match', hint: 'check the pattern, and quote it so the shell leaves it alone' });
        for (const m of matches) if (TEXT_FILE.test(m)) add(m);
        else out.skipped.push({ path: m, message: 'not a .txt, .md, .csv, .tsv or .jsonl file' });
        continue;
      }
      out.errors.push({ path: arg, message: describeError(e) });
      continue;
    }
    if (st.isDirectory()) {
      const before = found;
      addDirectory(arg, out, add);
      if (found === before) out.errors.push({ path: arg, message: 'no .txt, .md, .csv, .tsv or .jsonl files in this directory' });
    } else add(arg);
  }
  return out;
}

/**
 * `dir` with the separator a file name is joined on: `inDir(d) + name` equals `join(d, name)` and
 * `inDir(resolve(d)) + name` equals `resolve(join(d, name))` for any entry name (no separator, not '.'
 * or '..'), without normalising a path per file.
 */
function inDir(dir: string): string {
  return join(dir, '_').slice(0, -1);
}

function addDirectory(dir: string, out: ResolvedInputs, add?: (p: string, key: string) => void): void {
  const push = add ?? ((p: string) => out.sources.push({ kind: 'file', path: p }));
  const shown = inDir(dir);
  const abs = inDir(resolve(dir));
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    out.errors.push({ path: dir, message: describeError(e) });
    return;
  }
  entries.sort((a, b) => byCodeUnit(a.name, b.name));
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const p = shown + e.name;
    if (e.isDirectory()) addDirectory(p, out, add);
    else if (TEXT_FILE.test(e.name)) push(p, abs + e.name);
    else out.skipped.push({ path: p, message: 'not a .txt, .md, .csv, .tsv or .jsonl file' });
  }
}

/** A short, lower-case reason for a file-system error. */
export function describeError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    case 'ENOTDIR':
      return 'a part of the path is not a directory';
    case 'ELOOP':
      return 'too many symbolic links';
    default:
      return (e as Error | undefined)?.message?.toLowerCase() ?? 'cannot be read';
  }
}

/** Plain code-unit order: the same on every machine and locale. */
export function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
