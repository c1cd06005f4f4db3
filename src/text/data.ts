/**
 * Shipped data files (src/data/*.txt, copied next to dist/data/ by the build). Read lazily on first use,
 * never at import, and cached: the only file reads of the text layer, of package data that never changes.
 */

import { readFileSync } from 'node:fs';

const cache = new Map<string, string>();

/** The text of a shipped data file such as "compounds.txt". */
export function readShippedData(name: string): string {
  let text = cache.get(name);
  if (text === undefined) {
    const url = new URL(`../data/${name}`, import.meta.url);
    try {
      text = readFileSync(url, 'utf8');
    } catch (err) {
      throw new Error(`shipped data file ${url.pathname} is missing: the build must copy src/data/*.txt next to dist/data/`, {
        cause: err,
      });
    }
    cache.set(name, text);
  }
  return text;
}

/** The meaningful lines of a list file: `#` starts a comment (at a line's start or after a space). */
export function listLines(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    let line = raw;
    const h = line.search(/(^|\s)#/);
    if (h >= 0) line = line.slice(0, h);
    line = line.trim();
    if (line !== '') out.push(line);
  }
  return out;
}
