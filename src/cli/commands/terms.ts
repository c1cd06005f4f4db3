/** `speeches terms`: term frequencies, rates, dispersion and tf-idf, overall or per group. */

import type { Command } from 'commander';
import type { CountedUnit } from '../../analyze/corpus.js';
import {
  countTerms,
  documentTermMatrix,
  frequencyFromCounts,
  termFrequencies,
  type FreqSort,
  type FrequencyResult,
  type TermCounts,
} from '../../analyze/frequency.js';
import { mergeLangs, type Counted } from '../../analyze/jobs.js';
import { termUnits } from '../../analyze/occurrences.js';
import { toCsv } from '../../report/csv.js';
import { envelope, toJson, toNdjson } from '../../report/json.js';
import { fixed } from '../../report/numbers.js';
import { renderTable, type Column } from '../../report/table.js';
import { Run } from '../context.js';
import { addOptions, choiceArg, INPUT_OPTIONS, TERM_OPTIONS } from '../options.js';
import { countArgs, stemWarnings, type TermFlags, termParams } from '../terms-options.js';

interface TermsOptions extends TermFlags {
  top: number;
  minCount?: number;
  sort: FreqSort;
  matrix?: 'csv' | 'json' | true;
  ids?: boolean;
}

const JOBS = 'analyze/jobs';

/** Register the command. */
export function termsCommand(program: Command): void {
  const cmd = program
    .command('terms')
    .summary('term frequencies: count, rate, dispersion and tf-idf')
    .description('Count the terms of the inputs: UN names joined ("united nations"), acronyms kept apart from words, stopwords and procedural words left out.')
    .argument('[inputs...]', 'files, directories, quoted globs, or - for stdin (default: the bundled seeds)')
    .addHelpText(
      'before',
      `Examples:
  speeches terms seeds --by document --top 10
  speeches terms seeds/003_0eda7931006bc30a.txt --sort tfidf
  speeches terms seeds --json | jq -r '.results.groups[0].rows[] | [.term, .count] | @tsv'
`,
    );
  addOptions(cmd, ['json', 'ndjson', 'by', 'top', 'minCount', 'ids', ...TERM_OPTIONS, ...INPUT_OPTIONS]);
  cmd.option('--sort <key>', 'count | tfidf | term', choiceArg('--sort', ['count', 'tfidf', 'term'] as const), 'count');
  cmd.option('--matrix [format]', 'print the document-term matrix instead: csv (default) or json');
  cmd.action(async (inputs: string[], opts: TermsOptions) => {
    opts.top ??= 20;
    const run = new Run(opts);
    const args = countArgs(opts);
    const freqOpts = { top: opts.top, minCount: opts.minCount ?? 1, sort: opts.sort, by: Boolean(opts.by) };
    if (opts.matrix !== undefined && opts.matrix !== true && opts.matrix !== 'csv' && opts.matrix !== 'json') {
      run.error(`--matrix takes csv or json, not '${String(opts.matrix)}'`);
      return;
    }
    let result: FrequencyResult;
    let units: CountedUnit[] | null = null;
    let langs: Counted<unknown>['langs'];
    if (opts.matrix || opts.ids) {
      const { values } = await run.loadWith<Counted<CountedUnit[]>>(inputs, { module: JOBS, fn: 'docStreams', args, local: true }, { byColumn: true });
      units = values.flatMap((v) => v.value);
      langs = mergeLangs(values);
      result = termFrequencies(units, freqOpts);
    } else {
      const { values } = await run.loadWith<Counted<TermCounts>>(inputs, { module: JOBS, fn: 'countDocTerms', reduce: 'mergeCountedTerms', accumulator: 'termAccumulator', args }, { byColumn: true });
      langs = mergeLangs(values);
      // The job's reduce leaves at most one value, already merged (none when nothing was read).
      const counts = values[0]?.value ?? countTerms([]);
      result = frequencyFromCounts(counts, freqOpts);
    }
    for (const w of stemWarnings(opts, langs)) run.note(w);
    if (opts.matrix && units) {
      const m = documentTermMatrix(units, { minCount: opts.minCount ?? 1, top: opts.top });
      // The matrix is its own format: JSON with --matrix json (or --json), else CSV, or TSV with --format tsv.
      const rows = [['document', ...m.terms], ...m.documents.map((d, i) => [d, ...(m.counts[i] ?? [])])];
      if (opts.matrix === 'json' || run.format === 'json' || run.format === 'ndjson') {
        run.outRaw(toJson(envelope('terms/matrix', termParams(opts), { documents: m.documents.length }, m, [])));
      } else if (run.format === 'tsv') run.outRaw(rows.map((r) => r.join('\t')).join('\n'));
      else run.outRaw(toCsv(rows));
      return;
    }
    const ids = units && opts.ids ? termUnits(units, new Set(result.groups.flatMap((g) => g.rows.map((r) => r.term)))) : null;
    run.out(render(run, result, opts, ids, langs));
  });
}


function render(run: Run, result: FrequencyResult, opts: TermsOptions, ids: Map<string, string[]> | null, langs: Counted<unknown>['langs']): string {
  const rows = result.groups.flatMap((g) =>
    g.rows.map((r) => ({ ...(opts.by ? { group: g.group } : {}), ...r, ...(ids ? { units: r.units, unitIds: ids.get(r.term) ?? [] } : {}) })),
  );
  if (opts.ndjson) return toNdjson(rows);
  if (opts.json) {
    const corpus = { documents: Object.values(langs).reduce((a, n) => a + n, 0), tokens: result.totalTokens, languages: langs };
    const groups = result.groups.map((g) => ({ ...g, rows: g.rows.map((r) => (ids ? { ...r, unitIds: ids.get(r.term) ?? [] } : r)) }));
    return toJson(envelope('terms', { ...termParams(opts), ...result.params }, corpus, { groups }, []));
  }
  const columns: Column[] = [
    ...(opts.by ? [{ header: opts.by, shrink: true, min: 10 } as Column] : []),
    { header: 'rank', align: 'right' },
    { header: 'term', shrink: true, min: 12, weight: 2 },
    { header: 'count', align: 'right' },
    { header: 'per 10k', align: 'right' },
    { header: 'units', align: 'right' },
    { header: 'docs', align: 'right' },
    { header: 'tf-idf', align: 'right' },
  ];
  const { chalk } = run.style;
  const table = renderTable(
    columns,
    result.groups.flatMap((g) =>
      g.rows.map((r, i) => [
        ...(opts.by ? [i === 0 ? g.group : ''] : []),
        String(r.rank),
        chalk.bold(r.term),
        String(r.count),
        fixed(r.rate, 1),
        String(r.units),
        String(r.documents),
        fixed(r.tfidf, 2),
      ]),
    ),
    run.style,
  );
  const note = `${result.totalTokens} counted tokens; tf-idf = ${result.params.tfidf} over ${result.params.idfN} ${result.params.idfOver}`;
  return `${table}\n${chalk.dim(note)}`;
}

