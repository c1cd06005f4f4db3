/**
 * Builds src/data/pos-en.txt, the compact English word-class lexicon that key phrases use to keep noun
 * phrases (adjectives and nouns ending on a noun) without running a tagger.
 *
 * Usage: npx tsx src/data/build/pos-lexicon.ts
 *
 * Source: the English lexicon that ships with natural's Brill tagger (brill_pos_tagger/data/English/
 * lexicon_from_posjs.json, from the pos-js project; MIT), read from node_modules. Each word lists its Penn
 * Treebank tags, the most frequent first. We keep, per lower-case word, one class letter for its first tag
 * and upper-case flags for the other classes it can take:
 *   n noun (NN*), j adjective (JJ*), g gerund or present participle (VBG), d past form (VBN, VBD),
 *   v other verb (VB, VBP, VBZ, MD), r adverb (RB*, WRB), p connector (IN, TO, CC), o anything else
 *   (determiners, pronouns, numbers, symbols); flags N = can also be a noun, J = can also be an adjective.
 * A lower-case entry wins over a capitalised one ("Bill" NNP vs "bill" NN); a word known only capitalised
 * is a proper noun. Only words whose code differs from what `guessClass` in src/text/pos.ts says about an
 * unknown word are written (most nouns are not), so the file stays small. Output: `#` header lines, then
 * `word<TAB>code` lines sorted by UTF-16 code units; rebuilding gives the same bytes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { classOfTags, guessCode } from '../../text/pos.js';

const require = createRequire(import.meta.url);
const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const OUT = resolve(REPO_ROOT, 'src/data/pos-en.txt');
const SOURCE = require.resolve('natural/lib/natural/brill_pos_tagger/data/English/lexicon_from_posjs.json');

const lexicon = JSON.parse(readFileSync(SOURCE, 'utf8')) as Record<string, string[]>;
const codes = new Map<string, string>();
const fromLower = new Set<string>();
for (const [word, tags] of Object.entries(lexicon)) {
  if (!Array.isArray(tags) || tags.length === 0) continue;
  const lower = word.toLowerCase();
  // Letters, digits inside, hyphens and apostrophes only: the words our tokenizer makes.
  if (!/^[a-z][a-z0-9'-]*$/.test(lower)) continue;
  const isLower = word === lower;
  if (!isLower && (fromLower.has(lower) || codes.has(lower))) continue;
  const code = classOfTags(tags);
  if (isLower) fromLower.add(lower);
  codes.set(lower, code);
}
const lines: string[] = [];
// Hyphenated words are always written: their guess depends on the lexicon itself.
for (const [word, code] of codes) if (word.includes('-') || code !== guessCode(word)) lines.push(`${word}\t${code}`);
lines.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
writeFileSync(
  OUT,
  [
    `# English word classes from the lexicon of natural's Brill tagger (pos-js lexicon, MIT); built by src/data/build/pos-lexicon.ts`,
    '# word<TAB>code: first-tag class n j g d v r p o, then N/J when the word can also be a noun/adjective; words whose code equals the unknown-word guess are left out',
    ...lines,
    '',
  ].join('\n'),
);
process.stdout.write(`${lines.length} words written to ${OUT}\n`);
