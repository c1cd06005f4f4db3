/**
 * Keyphrase quality on the Inspec test split (../shared/eval/keyphrases), scored with the protocol in its
 * README: lower-case, Porter-stem every word, exact match of stemmed phrases. Reports F@5 and F@10
 * averaged per document (pke) and F1@5 micro-averaged (SIFRank), next to the published systems.
 */

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { referenceBackground } from '../../src/analyze/background.js';
import { countedUnits } from '../../src/analyze/jobs.js';
import { keyphrases, type TextUnit } from '../../src/analyze/keyphrases.js';
import { parseDocument } from '../../src/load/document.js';
import { stemmerFor } from '../../src/text/index.js';
import { SHARED } from './corpus.js';

const dir = join(SHARED, 'eval/keyphrases/inspec-test');
const stem = stemmerFor('en') as (w: string) => string;
const norm = (phrase: string): string =>
  phrase
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => stem(w))
    .join(' ');

const bg = referenceBackground();
const args = { terms: { lang: 'en' as const, stopwords: 'default' as const, stem: false, numbers: false, compounds: true }, allUnits: false };
const ids = readdirSync(join(dir, 'docs')).filter((f) => f.endsWith('.txt')).sort();
let f5 = 0;
let f10 = 0;
let microCorrect = 0;
let microPredicted = 0;
let microGold = 0;
const f = (p: number, r: number): number => (p + r > 0 ? (2 * p * r) / (p + r) : 0);
for (const id of ids) {
  const text = readFileSync(join(dir, 'docs', id), 'utf8');
  const gold = new Set(readFileSync(join(dir, 'gold', id), 'utf8').split('\n').map((l) => l.trim()).filter(Boolean).map(norm));
  const doc = parseDocument({ id: 'd1', file: id, text, encoding: 'utf-8', kind: 'plain' });
  const units = countedUnits(doc, args).map((u, i) => ({ ...u, text: doc.units[i]?.text ?? '' })) as TextUnit[];
  const ranked = keyphrases(units, bg, { top: 10 }).rows.map((r) => norm(r.terms.join(' ')));
  const seen = new Set<string>();
  const predicted = ranked.filter((p) => !seen.has(p) && seen.add(p));
  const at = (k: number): [number, number] => {
    const top = predicted.slice(0, k);
    const correct = top.filter((p) => gold.has(p)).length;
    return [top.length ? correct / top.length : 0, gold.size ? correct / gold.size : 0];
  };
  f5 += f(...at(5));
  f10 += f(...at(10));
  const top5 = predicted.slice(0, 5);
  microCorrect += top5.filter((p) => gold.has(p)).length;
  microPredicted += top5.length;
  microGold += gold.size;
}
const n = ids.length;
const microP = microCorrect / microPredicted;
const microR = microCorrect / microGold;
process.stdout.write(
  [
    `Inspec test (${n} abstracts), keyphrases against the UN reference model`,
    `F@5  (pke, per document): ${((100 * f5) / n).toFixed(2)}   SingleRank 27.40, TF-IDF 28.37`,
    `F@10 (pke, per document): ${((100 * f10) / n).toFixed(2)}   SingleRank 34.15, TF-IDF 35.00`,
    `F1@5 (SIFRank, micro):    ${(100 * f(microP, microR)).toFixed(2)}   SingleRank 24.69, SIFRank 29.11`,
  ].join('\n') + '\n',
);
