/** `speeches kwic PATTERN`: every occurrence in context, with who said it, where and when. Exit 1 when nothing matches. */

import type { Command } from 'commander';
import { PatternError, parsePattern, sortHits, type KwicArgs, type KwicHit } from '../../analyze/kwic.js';
import { prepareTerms } from '../../text/index.js';
import { envelope, toJson, toNdjson } from '../../report/json.js';
import { truncate } from '../../report/table.js';
import type { KwicLine } from '../../report/kwic.js';
import { Run } from '../context.js';
import { EXIT_NOTHING_FOUND, UserError } from '../errors.js';
import { addOptions, choiceArg, INPUT_OPTIONS, intArg, TERM_OPTIONS } from '../options.js';
import { countArgs, type TermFlags } from '../terms-options.js';

interface KwicOptions extends TermFlags {
  window: number;
  sentence?: boolean;
  paragraph?: boolean;
  case?: boolean;
  sort: 'doc' | 'left' | 'right';
}

const KWIC = 'analyze/kwic';
const LINES = 'report/kwic';

/** Register the command. */
export function kwicCommand(program: Command): void {
  const cmd = program
    .command('kwic')
    .summary('keyword in context: every occurrence, with speaker, meeting and ¶')
    .description(
      'Find PATTERN — a word, a phrase ("responsibility to protect"), a glob (peace*) or a /regex/ — on terms, so UN names and aliases count ("R2P" is found by "responsibility to protect"). Exit 1 when nothing matches, as grep does.',
    )
    .argument('<pattern>', 'word, "phrase", glob or /regex/flags')
    .argument('[inputs...]', 'files, directories, quoted globs, or - for stdin (default: the bundled seeds)')
    .addHelpText(
      'before',
      `Examples:
  speeches kwic "responsibility to protect" seeds
  speeches kwic 'peace*' seeds --sort right
  speeches kwic prevention seeds --sentence --json | jq '.results.hits[] | {speaker: .speaker.name, match}'
`,
    );
  cmd.option('--window <n>', 'tokens of context on each side', intArg('--window', 1, 200), 7);
  cmd.option('--sentence', 'show the whole sentence as context');
  cmd.option('--paragraph', 'show the whole paragraph as context');
  cmd.option('--case', 'match case exactly (words as written, and globs and regexes on the written form)');
  cmd.option('--sort <key>', 'doc | left | right (the words before or after the match)', choiceArg('--sort', ['doc', 'left', 'right'] as const), 'doc');
  addOptions(cmd, ['json', 'ndjson', ...TERM_OPTIONS, ...INPUT_OPTIONS]);
  cmd.action(async (patternText: string, inputs: string[], opts: KwicOptions) => {
    const run = new Run(opts);
    const { terms, allUnits } = countArgs(opts);
    let pattern;
    try {
      pattern = parsePattern(patternText, prepareTerms(terms), terms.lang === 'auto' ? 'en' : terms.lang);
    } catch (e) {
      if (e instanceof PatternError) throw new UserError(e.message);
      throw e;
    }
    const args: KwicArgs = {
      pattern,
      terms,
      allUnits,
      caseSensitive: Boolean(opts.case),
      context: opts.paragraph ? { kind: 'paragraph' } : opts.sentence ? { kind: 'sentence' } : { kind: 'window', size: opts.window },
    };
    // A table needs only a few strings a hit: the workers make them (see report/kwic.ts).
    const table = !opts.json && !opts.ndjson;
    const { values } = await run.loadWith<KwicHit[] | KwicLine[]>(inputs, table ? { module: LINES, fn: 'kwicLines', args } : { module: KWIC, fn: 'kwicDocument', args });
    const hits = sortHits(values.flat() as (KwicHit | KwicLine)[], opts.sort);
    run.out(table ? renderTable(run, hits as KwicLine[]) : render(hits as KwicHit[], opts, args));
    if (hits.length === 0 && process.exitCode === undefined) process.exitCode = EXIT_NOTHING_FOUND;
  });
}

function render(hits: readonly KwicHit[], opts: KwicOptions, args: KwicArgs): string {
  if (opts.ndjson) return toNdjson(hits);
  const params = { pattern: args.pattern.source, kind: args.pattern.kind, case: args.caseSensitive, context: args.context, sort: opts.sort };
  return toJson(envelope('kwic', params, { hits: hits.length, documents: new Set(hits.map((h) => h.document)).size }, { hits }, []));
}

function renderTable(run: Run, hits: readonly KwicLine[]): string {
  if (hits.length === 0) return '';
  const { chalk } = run.style;
  const width = run.style.width;
  const matchWidth = Math.min(30, Math.max(...hits.map((h) => Array.from(h.match).length)));
  const provenance = hits.map((h) => h.where);
  const provWidth = Math.min(48, Math.max(...provenance.map((p) => p.length)));
  const side = Math.max(12, Math.floor((width - matchWidth - provWidth - 6) / 2));
  const lines = hits.map((h, i) => {
    const l = keepEnd(h.left.replace(/\s+/g, ' '), side);
    const m = truncate(h.match.replace(/\s+/g, ' '), matchWidth);
    const r = truncate(h.right.replace(/\s+/g, ' '), side).padEnd(side);
    return `${l} ${chalk.bold.yellow(m)}${' '.repeat(Math.max(0, matchWidth - Array.from(m).length))} ${r}  ${chalk.dim(truncate(provenance[i] as string, provWidth))}`;
  });
  const docs = new Set(hits.map((h) => h.document)).size;
  return `${lines.join('\n')}\n${chalk.dim(`${hits.length} hit${hits.length === 1 ? '' : 's'} in ${docs} document${docs === 1 ? '' : 's'}`)}`;
}

/** The end of `s` in `width` characters, cut at the left with "…" or padded at the left. */
function keepEnd(s: string, width: number): string {
  if (s.length <= width) return s.padStart(width);
  if (!/[\ud800-\udfff]/.test(s)) return `…${s.slice(s.length - width + 1)}`;
  const chars = Array.from(s);
  return chars.length > width ? `…${chars.slice(chars.length - width + 1).join('')}` : chars.join('').padStart(width);
}

