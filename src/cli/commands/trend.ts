/** `speeches trend TERM… [inputs…]`: the rate of terms and phrases per 10,000 tokens in each year, session, meeting or date. */

import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { mergeLangs, type Counted } from '../../analyze/jobs.js';
import type { TrendArgs } from '../../analyze/stats-jobs.js';
import { countTrend, sparkline, trendFromCounts, TREND_PERIODS, type TrendCounts, type TrendPeriod, type TrendResult } from '../../analyze/trend.js';
import { prepareTerms, type TermOptions } from '../../text/index.js';
import { envelope, toJson, toNdjson } from '../../report/json.js';
import { fixed } from '../../report/numbers.js';
import { renderTable, type Column } from '../../report/table.js';
import { Run } from '../context.js';
import { UserError } from '../errors.js';
import { addOptions, choiceArg, INPUT_OPTIONS, TERM_OPTIONS } from '../options.js';
import { countArgs, stemWarnings, type TermFlags } from '../terms-options.js';

interface TrendOptions extends Omit<TermFlags, 'by'> {
  by: TrendPeriod;
  term?: string[];
}

const JOBS = 'analyze/stats-jobs';
const GLOB_CHARS = /[*?[\]{}]/;

/**
 * Split the positional arguments into TERMs and inputs: TERMs come first, and the inputs start at the
 * first argument that is `-`, holds a glob character, or exists as a file or directory. With --term,
 * every positional argument is an input.
 */
export function splitTermArgs(args: readonly string[], termFlags: readonly string[], exists: (path: string) => boolean = existsSync): { terms: string[]; inputs: string[] } {
  if (termFlags.length > 0) return { terms: [...termFlags], inputs: [...args] };
  const at = args.findIndex((a) => a === '-' || GLOB_CHARS.test(a) || exists(a));
  return at < 0 ? { terms: [...args], inputs: [] } : { terms: args.slice(0, at), inputs: args.slice(at) };
}

/** Register the command. */
export function trendCommand(program: Command): void {
  const cmd = program
    .command('trend')
    .summary('how often terms and phrases are used per year, session, meeting or date')
    .description(
      'The rate of each TERM per 10,000 counted tokens in each period, with a sparkline per term. TERMs go through the same pipeline as the text (case, UN names, aliases, --stem); a phrase ("climate change") matches its terms in a row inside one sentence. TERMs come first: the inputs start at the first argument that exists as a file or directory, is -, or is a glob (or give the terms with --term, and every argument is an input).',
    )
    .argument('[terms-and-inputs...]', 'TERMs, then files, directories, quoted globs, or - (default input: the bundled seeds)')
    .addHelpText(
      'before',
      `Examples:
  speeches trend terrorism climate --by year ../corpus/ungd-sample
  speeches trend "climate change" "responsibility to protect" ../corpus/ungd-sample --by session
  speeches trend --term seeds --term peace seeds          # a term that is also a path
  speeches trend terrorism ../corpus/ungd-sample --json | jq '.results.series[0].rates'
`,
    );
  cmd.option('--by <period>', `the period: ${TREND_PERIODS.join(' | ')}`, choiceArg('--by', TREND_PERIODS), 'year');
  cmd.option('--term <term>', 'a term or phrase to follow (repeatable); then every argument is an input', (v: string, prev: string[] = []) => [...prev, v]);
  addOptions(cmd, ['json', 'ndjson', ...TERM_OPTIONS, ...INPUT_OPTIONS]);
  cmd.action(async (positional: string[], opts: TrendOptions) => {
    const run = new Run(opts);
    const { terms, inputs } = splitTermArgs(positional, opts.term ?? []);
    if (terms.length === 0) throw new UserError('trend needs at least one TERM', "put the terms before the inputs (speeches trend terrorism climate corpus/), or give them with --term");
    const base = countArgs({ ...opts, by: undefined });
    const queries = terms.map((t) => queryTerms(t, base.terms));
    const args: TrendArgs = { terms: base.terms, allUnits: base.allUnits, by: opts.by, queries };
    const { values, warnings } = await run.loadWith<Counted<TrendCounts>>(inputs, { module: JOBS, fn: 'countDocTrend', reduce: 'mergeCountedTrend', accumulator: 'trendAccumulator', args });
    const langs = mergeLangs(values);
    for (const w of stemWarnings({ ...opts, by: undefined }, langs)) run.note(w);
    const result = trendFromCounts(values[0]?.value ?? countTrend([], queries), opts.by, terms);
    for (const s of result.series) if (s.total === 0) run.note(`'${s.query}' does not occur in the inputs (as '${s.term}')`);
    if (opts.ndjson) {
      run.out(toNdjson(result.series.flatMap((s) => result.periods.map((p, i) => ({ term: s.query, period: p, count: s.counts[i], tokens: result.tokens[i], rate: s.rates[i] })))));
    } else if (opts.json) {
      const corpus = { documents: result.documents.reduce((a, b) => a + b, 0), tokens: result.totalTokens, languages: langs };
      const params = { lang: opts.lang, stopwords: opts.stopwords, stem: Boolean(opts.stem), compounds: opts.compounds, allUnits: Boolean(opts.allUnits), ...result.params };
      const { periods, documents, tokens, series } = result;
      run.out(toJson(envelope('trend', params, corpus, { periods, documents, tokens, series }, warnings)));
    } else run.out(render(run, result));
  });
}

/** A TERM through the text's pipeline: its term sequence (compounds joined, aliases expanded, stemmed). */
function queryTerms(term: string, opts: TermOptions): string[] {
  const stream = prepareTerms(opts)(term, opts.lang === 'auto' ? 'en' : opts.lang);
  const terms = stream.sentences.flat().flatMap((t) => (t === null ? [] : [t.term]));
  if (terms.length === 0) throw new UserError(`'${term}' has no term to follow`, 'give a word or a phrase');
  return terms;
}

function render(run: Run, result: TrendResult): string {
  const { chalk } = run.style;
  const first = result.periods[0] ?? '';
  const last = result.periods[result.periods.length - 1] ?? '';
  const span = result.periods.length > 1 ? `${first}–${last}` : first || 'trend';
  const summary = renderTable(
    [
      { header: 'term', shrink: true, min: 12, weight: 2 },
      { header: 'count', align: 'right' },
      { header: 'per 10k', align: 'right' },
      { header: span },
      { header: 'peak', shrink: true, min: 8 },
    ],
    result.series.map((s) => [
      chalk.bold(s.query),
      String(s.total),
      fixed(s.rate, 2),
      sparkline(s.rates),
      s.peak === null ? '—' : `${s.peak} (${fixed(s.rates[result.periods.indexOf(s.peak)] ?? null, 2)})`,
    ]),
    run.style,
  );
  const columns: Column[] = [
    { header: result.params.by, shrink: true, min: 10 },
    { header: 'docs', align: 'right' },
    { header: 'tokens', align: 'right' },
    ...result.series.map((s): Column => ({ header: s.query, align: 'right' })),
  ];
  const periods = renderTable(
    columns,
    result.periods.map((p, i) => [p, String(result.documents[i]), String(result.tokens[i]), ...result.series.map((s) => fixed(s.rates[i] ?? null, 2))]),
    run.style,
  );
  const note = `rate per 10,000 counted tokens of each ${result.params.by}; sparklines scaled per term from 0 to its highest rate`;
  return `${summary}\n\n${periods}\n${chalk.dim(note)}`;
}
