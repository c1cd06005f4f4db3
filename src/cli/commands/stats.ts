/** `speeches stats`: size, vocabulary and readability per group — documents to Flesch, and share of voice. */

import type { Command } from 'commander';
import { mergeLangs, type Counted } from '../../analyze/jobs.js';
import { countStats, statsFromCounts, type GroupStats, type StatsCounts, type StatsResult } from '../../analyze/stats.js';
import { envelope, toJson, toNdjson } from '../../report/json.js';
import { fixed } from '../../report/numbers.js';
import { renderTable, type Column } from '../../report/table.js';
import { Run } from '../context.js';
import { addOptions, INPUT_OPTIONS, TERM_OPTIONS } from '../options.js';
import { countArgs, stemWarnings, type TermFlags, termParams } from '../terms-options.js';

const JOBS = 'analyze/stats-jobs';

/** Register the command. */
export function statsCommand(program: Command): void {
  const cmd = program
    .command('stats')
    .summary('size, vocabulary and readability: tokens, types, TTR, MATTR, Flesch, share of voice')
    .description(
      'Per group: documents, turns, paragraphs, sentences, words, tokens (counted terms, as speeches terms counts them), types, type-token ratio, MATTR (window 100), words per sentence, Flesch reading ease and Flesch–Kincaid grade (English only), and share of all tokens.',
    )
    .argument('[inputs...]', 'files, directories, quoted globs, or - for stdin (default: the bundled seeds)')
    .addHelpText(
      'before',
      `Examples:
  speeches stats seeds --by document
  speeches stats ../corpus/ungd-sample --by year
  speeches stats seeds --by speaker --json | jq '.results.groups[] | {group, share}'
`,
    );
  addOptions(cmd, ['json', 'ndjson', 'by', ...TERM_OPTIONS, ...INPUT_OPTIONS]);
  cmd.action(async (inputs: string[], opts: TermFlags) => {
    const run = new Run(opts);
    const args = countArgs(opts);
    const { values, warnings } = await run.loadWith<Counted<StatsCounts>>(inputs, { module: JOBS, fn: 'countDocStats', reduce: 'mergeCountedStats', accumulator: 'statsAccumulator', args }, { byColumn: true });
    const langs = mergeLangs(values);
    for (const w of stemWarnings(opts, langs)) run.note(w);
    const result = statsFromCounts(values[0]?.value ?? countStats([], Boolean(opts.by)));
    if (opts.ndjson) return run.out(toNdjson(result.groups));
    if (opts.json) {
      const corpus = { documents: result.total.documents, words: result.total.words, tokens: result.total.tokens, types: result.total.types, languages: langs };
      return run.out(toJson(envelope('stats', { ...termParams(opts), ...result.params }, corpus, { groups: result.groups, total: result.total }, warnings)));
    }
    run.out(render(run, result, opts));
  });
}


const n = (x: number | null, digits: number): string => (x === null ? 'n/a' : fixed(x, digits));

function render(run: Run, result: StatsResult, opts: TermFlags): string {
  const right = (header: string): Column => ({ header, align: 'right' });
  const columns: Column[] = [
    ...(opts.by ? [{ header: opts.by, shrink: true, min: 10 } as Column] : []),
    ...['docs', 'turns', 'paras', 'sents', 'words', 'tokens', 'types', 'TTR', 'MATTR', 'w/sent', 'FRE', 'FKG', 'share %'].map(right),
  ];
  const { chalk } = run.style;
  const line = (g: GroupStats, label: string | null): string[] => [
    ...(label !== null ? [label] : []),
    String(g.documents),
    String(g.turns),
    String(g.paragraphs),
    String(g.sentences),
    String(g.words),
    String(g.tokens),
    String(g.types),
    n(g.ttr, 3),
    n(g.mattr, 3),
    n(g.meanSentenceLength, 1),
    n(g.fleschReadingEase, 1),
    n(g.fleschKincaidGrade, 1),
    n(g.share, 1),
  ];
  const rows = result.groups.map((g) => line(g, opts.by ? g.group : null));
  if (opts.by) rows.push(line(result.total, chalk.bold('total')));
  const table = renderTable(columns, rows, run.style);
  const note =
    `tokens: counted terms as speeches terms counts them; words: all word tokens; MATTR window ${result.params.window} tokens, documents in input order; ` +
    'FRE/FKG: Flesch reading ease / Flesch–Kincaid grade over English documents (n/a otherwise)';
  return `${table}\n${chalk.dim(note)}`;
}
