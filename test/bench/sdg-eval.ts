/**
 * SDG lexicon quality on the SDG classification benchmark's development rows (../shared/eval/sdg, see
 * its README): for each row, is goal `sdg` assigned to `text` by the built-in `sdg` lexicon and its own
 * assign rule? `label` is the truth. Prints precision, recall and F1 per goal and averaged over the 17
 * goals (macro), next to the published systems. Run: `npx tsx test/bench/sdg-eval.ts [file.csv]`;
 * `--lexicon FILE` scores another lexicon, `--json` prints the numbers as JSON.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { countedUnits } from '../../src/analyze/jobs.js';
import { compileLexicon, describeRule, loadLexicon, matchUnits, type Matcher } from '../../src/analyze/lexicon.js';
import { parseDocument } from '../../src/load/document.js';
import { SHARED } from './corpus.js';

/** Parse CSV text (RFC 4180): quoted fields may hold commas, CRLF/LF newlines and doubled quotes. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  const n = text.length;
  let quoted = false;
  if (text.charCodeAt(0) === 0xfeff) i = 1;
  while (i < n) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      field += c;
      i++;
      continue;
    }
    if (c === '"' && field === '') {
      quoted = true;
      i++;
    } else if (c === ',') {
      row.push(field);
      field = '';
      i++;
    } else if (c === '\r' || c === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      field += c;
      i++;
    }
  }
  if (quoted) throw new Error('CSV: a quoted field is not closed at the end of the file');
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Rows as records keyed by the header. */
export function csvRecords(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  if (!header) return [];
  return rows.filter((r) => r.length > 1 || (r[0] ?? '') !== '').map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

const terms = { lang: 'en' as const, stopwords: 'default' as const, stem: false, numbers: false, compounds: true };

/** Whether the lexicon assigns goal `goal` (theme id `sdgN`) to a text. */
export function assigns(matcher: Matcher, text: string, goal: number): boolean {
  const doc = parseDocument({ id: 'd1', file: 'row.txt', text, encoding: 'utf-8', kind: 'plain' });
  const result = matchUnits(matcher, countedUnits(doc, { terms, allUnits: true }));
  const theme = result.themes.find((t) => t.id === `sdg${goal}`);
  if (!theme) throw new Error(`the lexicon has no theme 'sdg${goal}'`);
  return theme.assigned;
}

interface Score {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

const prf = (s: Score): { p: number; r: number; f1: number } => {
  const p = s.tp + s.fp > 0 ? s.tp / (s.tp + s.fp) : 0;
  const r = s.tp + s.fn > 0 ? s.tp / (s.tp + s.fn) : 0;
  return { p, r, f1: p + r > 0 ? (2 * p * r) / (p + r) : 0 };
};

function main(): void {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const li = args.indexOf('--lexicon');
  const lexName = li >= 0 ? (args[li + 1] as string) : 'sdg';
  const file = args.find((a, i) => !a.startsWith('--') && (li < 0 || i !== li + 1)) ?? join(SHARED, 'eval/sdg/dev.csv');
  const lex = loadLexicon(lexName, (f) => readFileSync(f, 'utf8'));
  const matcher = compileLexicon(lex, terms);
  const rows = csvRecords(readFileSync(file, 'utf8'));
  const scores: Score[] = Array.from({ length: 18 }, () => ({ tp: 0, fp: 0, fn: 0, tn: 0 }));
  const t0 = performance.now();
  for (const row of rows) {
    const goal = Number(row.sdg);
    if (!Number.isInteger(goal) || goal < 1 || goal > 17) throw new Error(`row ${row.id}: sdg is '${row.sdg}'`);
    const truth = row.label === 'True';
    if (!truth && row.label !== 'False') throw new Error(`row ${row.id}: label is '${row.label}'`);
    const got = assigns(matcher, row.text ?? '', goal);
    const s = scores[goal] as Score;
    if (got && truth) s.tp++;
    else if (got) s.fp++;
    else if (truth) s.fn++;
    else s.tn++;
  }
  const ms = performance.now() - t0;
  const goals = Array.from({ length: 17 }, (_, i) => ({ goal: i + 1, ...(scores[i + 1] as Score), ...prf(scores[i + 1] as Score) }));
  const mean = (k: 'p' | 'r' | 'f1'): number => goals.reduce((a, g) => a + g[k], 0) / goals.length;
  const macro = { p: mean('p'), r: mean('r'), f1: mean('f1') };
  const micro = prf(goals.reduce((a, g) => ({ tp: a.tp + g.tp, fp: a.fp + g.fp, fn: a.fn + g.fn, tn: a.tn + g.tn }), { tp: 0, fp: 0, fn: 0, tn: 0 }));
  if (json) {
    process.stdout.write(JSON.stringify({ file, lexicon: lex.name, rows: rows.length, goals, macro, micro }, null, 2) + '\n');
    return;
  }
  const pct = (x: number): string => (x * 100).toFixed(1).padStart(5);
  const lines = [
    `SDG benchmark, ${rows.length} rows of ${file}; lexicon '${lex.name}', rule: ${describeRule(lex.assign)} (${ms.toFixed(0)} ms)`,
    '',
    'goal   rows   tp  fp  fn  tn   prec %  rec %    F1',
    ...goals.map((g) => `${String(g.goal).padStart(4)}  ${String(g.tp + g.fp + g.fn + g.tn).padStart(5)}  ${[g.tp, g.fp, g.fn, g.tn].map((x) => String(x).padStart(3)).join(' ')}   ${pct(g.p)}  ${pct(g.r)}  ${g.f1.toFixed(2)}`),
    '',
    `mean over the 17 goals: precision ${pct(macro.p)} %, recall ${pct(macro.r)} %, F1 ${macro.f1.toFixed(2)}   (micro: P ${pct(micro.p)} %, R ${pct(micro.r)} %, F1 ${micro.f1.toFixed(2)})`,
    '',
    'Published averages over the 17 goals on the full benchmark (../shared/eval/sdg/README.md):',
    '  system                   precision %  recall %   F1',
    '  text2sdg queries              84.3      81.4    0.8',
    '  Aurora queries                80.2      78.8    0.8',
    '  OSDG keyword ontology         84.3      53.0    0.6',
    '  JRC SDG Mapper                92.7      58.6    0.7',
    `  speeches sdg lexicon (dev)    ${pct(macro.p)}     ${pct(macro.r)}   ${macro.f1.toFixed(2)}`,
  ];
  process.stdout.write(lines.join('\n') + '\n');
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop() as string)) main();
