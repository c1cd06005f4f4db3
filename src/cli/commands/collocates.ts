/** `speeches collocates TERM`: the words that keep company with a term within a window (AntConc's Collocate tool). */

import type { Command } from 'commander';
import { collocates, type CollocateResult, type CollocateSort } from '../../analyze/collocations.js';
import type { CountedUnit } from '../../analyze/corpus.js';
import { mergeLangs, type Counted } from '../../analyze/jobs.js';
import { prepareTerms } from '../../text/index.js';
import { envelope, toJson, toNdjson } from '../../report/json.js';
import { fixed } from '../../report/numbers.js';
import { renderTable } from '../../report/table.js';
import { Run } from '../context.js';
import { UserError } from '../errors.js';
import { addOptions, choiceArg, INPUT_OPTIONS, intArg, TERM_OPTIONS } from '../options.js';
import { countArgs, stemWarnings, type TermFlags } from '../terms-options.js';

interface CollocatesOptions extends TermFlags {
  window: number;
  top: number;
  minCount?: number;
  sort: CollocateSort;
}

const JOBS = 'analyze/jobs';

/** Register the command. */
export function collocatesCommand(program: Command): void {
  const cmd = program
    .command('collocates')
    .summary('the words that keep company with a term, within a window')
    .description('Collocates of TERM within --window terms on either side, inside one sentence, with PMI, t-score, G² and logDice.')
    .argument('<term>', 'the node: a word, or a UN name ("united nations"; aliases such as UN work too)')
    .argument('[inputs...]', 'files, directories, quoted globs, or - for stdin (default: the bundled seeds)')
    .addHelpText(
      'before',
      `Examples:
  speeches collocates prevention seeds
  speeches collocates peace seeds --window 3 --sort logdice
  speeches collocates UN seeds --json | jq '.results.rows[0]'
`,
    );
  cmd.option('--window <n>', 'terms on each side', intArg('--window', 1, 50), 5);
  addOptions(cmd, ['json', 'ndjson', 'top', 'minCount', ...TERM_OPTIONS, ...INPUT_OPTIONS]);
  cmd.option('--sort <key>', 'g2 | count | pmi | tscore | logdice', choiceArg('--sort', ['g2', 'count', 'pmi', 'tscore', 'logdice'] as const), 'g2');
  cmd.action(async (term: string, inputs: string[], opts: CollocatesOptions) => {
    opts.top ??= 20;
    const run = new Run(opts);
    const args = countArgs(opts);
    const node = nodeTerm(term, args.terms);
    const { values } = await run.loadWith<Counted<CountedUnit[]>>(inputs, { module: JOBS, fn: 'docStreams', args, local: true });
    for (const w of stemWarnings(opts, mergeLangs(values))) run.note(w);
    const result = collocates(values.flatMap((v) => v.value), node, {
      window: opts.window,
      minCount: opts.minCount ?? 2,
      sort: opts.sort,
      top: opts.top,
    });
    if (result.nodeFrequency === 0) run.note(`'${term}' does not occur in the inputs (as the term '${node}')`);
    run.out(render(run, result, opts, values.length));
  });
}

/** The user's term, through the same pipeline as the text: case, compounds, aliases, stems. */
function nodeTerm(term: string, opts: Parameters<typeof prepareTerms>[0]): string {
  const terms = prepareTerms(opts)(term, opts.lang === 'auto' ? 'en' : opts.lang)
    .sentences.flat()
    .filter((t) => t !== null);
  if (terms.length !== 1) {
    throw new UserError(`collocates takes one term, and '${term}' is ${terms.length === 0 ? 'no term' : `${terms.length} terms`}`, 'for a phrase, use speeches ngrams; UN names such as "united nations" are one term');
  }
  return (terms[0] as { term: string }).term;
}

function render(run: Run, result: CollocateResult, opts: CollocatesOptions, documents: number): string {
  if (opts.ndjson) return toNdjson(result.rows);
  if (opts.json) {
    const corpus = { documents, tokens: result.tokens, nodeFrequency: result.nodeFrequency, windowPositions: result.windowPositions };
    return toJson(envelope('collocates', { node: result.node, lang: opts.lang, stopwords: opts.stopwords, stem: Boolean(opts.stem), ...result.params }, corpus, { rows: result.rows }, []));
  }
  const table = renderTable(
    [
      { header: 'rank', align: 'right' },
      { header: 'collocate', shrink: true, min: 14, weight: 3 },
      { header: 'count', align: 'right' },
      { header: 'left', align: 'right' },
      { header: 'right', align: 'right' },
      { header: 'freq', align: 'right' },
      { header: 'PMI', align: 'right' },
      { header: 't', align: 'right' },
      { header: 'G²', align: 'right' },
      { header: 'logDice', align: 'right' },
    ],
    result.rows.map((r) => [
      String(r.rank),
      run.style.chalk.bold(r.term),
      String(r.count),
      String(r.left),
      String(r.right),
      String(r.frequency),
      fixed(r.pmi, 2),
      fixed(r.tScore, 2),
      fixed(r.g2, 1),
      fixed(r.logDice, 2),
    ]),
    run.style,
  );
  const note = `'${result.node}': ${result.nodeFrequency} occurrences, window ±${opts.window}; min count ${result.params.minCount}; sorted by ${result.params.sort}`;
  return `${table}\n${run.style.chalk.dim(note)}`;
}
