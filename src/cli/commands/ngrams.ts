/** `speeches ngrams`: n-grams inside sentences, with PMI, t-score, G² and logDice for bigrams. */

import { InvalidArgumentError, type Command } from 'commander';
import { mergeLangs, type Counted } from '../../analyze/jobs.js';
import { countNgrams, ngramsFromCounts, type NgramCounts, type NgramResult, type NgramSort } from '../../analyze/ngrams.js';
import { envelope, toJson, toNdjson } from '../../report/json.js';
import { fixed } from '../../report/numbers.js';
import { renderTable } from '../../report/table.js';
import { Run } from '../context.js';
import { addOptions, choiceArg, INPUT_OPTIONS, TERM_OPTIONS } from '../options.js';
import { countArgs, stemWarnings, type TermFlags } from '../terms-options.js';

interface NgramsOptions extends TermFlags {
  n: [number, number];
  top: number;
  minCount?: number;
  sort: NgramSort;
  strict?: boolean;
}

const JOBS = 'analyze/jobs';

/** "2", "2-4" → an inclusive range within 2..5. */
export function parseN(v: string): [number, number] {
  const m = /^([2-5])(?:-([2-5]))?$/.exec(v.trim());
  if (!m) throw new InvalidArgumentError(`-n takes a size from 2 to 5 or a range like 2-4, not '${v}'.`);
  const lo = Number(m[1]);
  const hi = m[2] ? Number(m[2]) : lo;
  if (hi < lo) throw new InvalidArgumentError(`-n range must go up, as in 2-4, not '${v}'.`);
  return [lo, hi];
}

/** Register the command. */
export function ngramsCommand(program: Command): void {
  const cmd = program
    .command('ngrams')
    .summary('n-grams and collocation measures (PMI, t-score, G², logDice)')
    .description(
      'Count n-grams that stay inside one sentence and never bridge a removed word or a clause break. Stopwords may stand inside an n-gram ("responsibility to protect") but not at its ends, unless --strict.',
    )
    .argument('[inputs...]', 'files, directories, quoted globs, or - for stdin (default: the bundled seeds)')
    .addHelpText(
      'before',
      `Examples:
  speeches ngrams seeds -n 2-4
  speeches ngrams seeds -n 2 --sort g2 --min-count 2
  speeches ngrams seeds -n 3 --json | jq -r '.results.rows[].display'
`,
    );
  cmd.option('-n <n>', 'n-gram size 2-5, or a range like 2-4', parseN, [2, 2] as [number, number]);
  addOptions(cmd, ['json', 'ndjson', 'top', 'minCount', ...TERM_OPTIONS, ...INPUT_OPTIONS]);
  cmd.option('--strict', 'no stopwords anywhere in an n-gram');
  cmd.option('--sort <key>', 'count | pmi | g2 | tscore | logdice (measures rank the bigrams)', choiceArg('--sort', ['count', 'pmi', 'g2', 'tscore', 'logdice'] as const), 'count');
  cmd.action(async (inputs: string[], opts: NgramsOptions) => {
    opts.top ??= 20;
    const run = new Run(opts);
    const args = { ...countArgs(opts), ngrams: { n: opts.n, strict: Boolean(opts.strict) } };
    const { values } = await run.loadWith<Counted<NgramCounts>>(inputs, { module: JOBS, fn: 'countDocNgrams', reduce: 'mergeCountedNgrams', accumulator: 'ngramAccumulator', args });
    // The job's reduce leaves at most one value, already merged (none when nothing was read).
    const counts = values[0]?.value ?? countNgrams([], args.ngrams);
    for (const w of stemWarnings(opts, mergeLangs(values))) run.note(w);
    const result = ngramsFromCounts(counts, { minCount: opts.minCount ?? 2, sort: opts.sort, top: opts.top });
    run.out(render(run, result, opts, Object.values(mergeLangs(values)).reduce((a, n) => a + n, 0)));
  });
}

function render(run: Run, result: NgramResult, opts: NgramsOptions, documents: number): string {
  // The analysis keys rows by terms joined with U+0001; scripts get the `terms` array instead, and CSV
  // readers no invisible control character.
  const rows = result.rows.map(({ key: _key, ...row }) => row);
  if (opts.ndjson) return toNdjson(rows);
  if (opts.json) {
    const params = { ...result.params, stopwordRule: result.params.stopwords, lang: opts.lang, stopwords: opts.stopwords, stem: Boolean(opts.stem), compounds: opts.compounds };
    return toJson(envelope('ngrams', params, { documents, tokens: result.tokens, types: result.types, occurrences: result.occurrences }, { rows }, []));
  }
  const bigrams = result.params.n[0] === 2;
  const table = renderTable(
    [
      { header: 'rank', align: 'right' },
      { header: 'n-gram', shrink: true, min: 16, weight: 3 },
      { header: 'n', align: 'right' },
      { header: 'count', align: 'right' },
      ...(bigrams
        ? [
            { header: 'PMI', align: 'right' as const },
            { header: 't', align: 'right' as const },
            { header: 'G²', align: 'right' as const },
            { header: 'logDice', align: 'right' as const },
          ]
        : []),
    ],
    result.rows.map((r) => [
      String(r.rank),
      run.style.chalk.bold(r.display),
      String(r.n),
      String(r.count),
      ...(bigrams ? [fixed(r.pmi, 2), fixed(r.tScore, 2), fixed(r.g2, 1), fixed(r.logDice, 2)] : []),
    ]),
    run.style,
  );
  const note = `${result.occurrences} n-gram occurrences of ${result.types} types; min count ${result.params.minCount}; measures for bigrams only`;
  return `${table}\n${run.style.chalk.dim(note)}`;
}
