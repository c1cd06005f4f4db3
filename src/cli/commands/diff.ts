/** `speeches diff A B`: the vocabulary diff of two statements (or two sets of them), with significance, effect size and evidence. */

import { InvalidArgumentError, Option, type Command } from 'commander';
import { GROUP_FIELDS, type GroupField } from '../../analyze/groups.js';
import {
  CORRECTIONS,
  DEFAULT_ALPHA0,
  DIFF_MEASURES,
  diffAccumulator,
  diffSides,
  emptySide,
  evidenceUnits,
  findEvidence,
  referencePrior,
  type Correction,
  type DiffCounts,
  type DiffJobArgs,
  type DiffMeasure,
  type EvidenceUnit,
  type PriorModel,
  type SideCounts,
  type SideMatch,
} from '../../analyze/keyness.js';
import { referenceModel } from '../../analyze/reference.js';
import { countryByCode, findCountry } from '../../load/countries.js';
import type { LoadWarning, SpeechDocument } from '../../model/types.js';
import { diffRecords, diffResults, renderDiff, type DiffView } from '../../report/diff.js';
import { envelope, toJson, toNdjson } from '../../report/json.js';
import { Run } from '../context.js';
import { UserError } from '../errors.js';
import { addOptions, choiceArg, INPUT_OPTIONS, TERM_OPTIONS } from '../options.js';
import { countArgs, stemWarnings, type TermFlags } from '../terms-options.js';

interface DiffFlags extends Omit<TermFlags, 'by'> {
  /** Parsed by choiceArg: one of GROUP_FIELDS. */
  by?: GroupField;
  a?: string[];
  b?: string[];
  top?: number;
  minCount?: number;
  measure: DiffMeasure;
  correct: Correction;
  p?: number;
  only?: boolean;
  ngrams: [number, number];
  explain?: boolean;
  alpha0: number;
}

const JOBS = 'analyze/keyness';

/** "1-3", "2", "1..3" → an inclusive range within 1..4 (the reference model holds phrases up to 4 terms). */
export function parseNgrams(v: string): [number, number] {
  const m = /^([1-4])(?:\s*(?:-|\.\.|–)\s*([1-4]))?$/.exec(v.trim());
  if (!m) throw new InvalidArgumentError(`--ngrams takes a size from 1 to 4 or a range like 1-3, not '${v}'.`);
  const lo = Number(m[1]);
  const hi = m[2] ? Number(m[2]) : lo;
  if (hi < lo) throw new InvalidArgumentError(`--ngrams range must go up, as in 1-3, not '${v}'.`);
  return [lo, hi];
}

/** A number within (0, max]. */
function positiveArg(name: string, max = Number.POSITIVE_INFINITY): (v: string) => number {
  return (v) => {
    const n = Number(v.trim());
    if (v.trim() === '' || !Number.isFinite(n) || n <= 0 || n > max) {
      throw new InvalidArgumentError(`${name} takes a number above 0${Number.isFinite(max) ? ` and at most ${max}` : ''}, not '${v}'.`);
    }
    return n;
  };
}

/** "1970..1979", "1970-1979", "1975" → an inclusive range of whole numbers. */
function parseRange(flag: string, field: string, v: string): [number, number] {
  const m = /^(\d{1,4})(?:\s*(?:\.\.|-|–)\s*(\d{1,4}))?$/.exec(v.trim());
  if (!m) throw new UserError(`${flag} takes a ${field} or a range like 1970..1979 with --by ${field}, not '${v}'`);
  const lo = Number(m[1]);
  const hi = m[2] ? Number(m[2]) : lo;
  if (hi < lo) throw new UserError(`${flag}: the range ${v} goes down`, `write it lowest first, as in ${hi}..${lo}`);
  return [lo, hi];
}

/** The values of --a or --b under --by FIELD → a selection of units. */
export function sideMatch(flag: string, field: GroupField, values: readonly string[]): SideMatch {
  switch (field) {
    case 'country':
      return {
        field,
        countries: values.map((v) => {
          const c = countryByCode(v) ?? findCountry(v);
          if (!c) throw new UserError(`${flag}: no country '${v}'`, 'give an ISO 3166 code (KAZ) or a name (Kazakhstan)');
          return c;
        }),
      };
    case 'year':
    case 'session':
      return { field, ranges: values.map((v) => parseRange(flag, field, v)) };
    case 'speaker':
    case 'meeting':
      return { field, substrings: [...values] };
    case 'document':
      return { field, paths: [...values] };
  }
}

/** How a side looks in the summary: its paths, or its --by values. */
function sideLabel(field: GroupField | undefined, values: readonly string[], match: SideMatch | null): string {
  if (!field) return values.map((v) => (v === '-' ? '- (stdin)' : v)).join(' ');
  if (match?.field === 'country') return `country ${match.countries.map((c) => `${c.code} (${c.name})`).join(', ')}`;
  return `${field} ${values.join(', ')}`;
}

/** Register the command. */
export function diffCommand(program: Command): void {
  const cmd = program
    .command('diff')
    .summary('the vocabulary diff of two statements: what B says more, and less, than A')
    .description(
      'Compare the vocabulary of two sides: A (the old) and B (the new). Terms B uses more are marked + (green), terms A uses more − (red), with counts and rates, log ratio, G² and p, the Fightin\' Words z with a prior from the UN General Debate corpus, and p-values corrected over the vocabulary tested.',
    )
    .argument('[inputs...]', 'A and B (each a file, a directory, a quoted glob or -); with --by, the corpus to pick them from')
    .addHelpText(
      'before',
      `Examples:
  speeches diff seeds/000_09c7f05abb924c58.txt seeds/003_0eda7931006bc30a.txt
  speeches diff 'corpus/*_197?.txt' 'corpus/*_201?.txt' --ngrams 1-3
  speeches diff --a corpus/USA_72_2017.txt --b corpus/USA_75_2020.txt corpus/USA_76_2021.txt --explain
  speeches diff corpus/ --by country --a KAZ --b USA
  speeches diff corpus/ --by year --a 1970..1979 --b 2010..2019 --json | jq '.results.more[].term'
`,
    )
    .addHelpText('after', '\n--a and --b take several values each: put the inputs before them, or end them with --.');
  cmd.option('--a <inputs...>', 'side A (old): several paths; with --by, the values that pick it (KAZ, 1970..1979, a speaker)');
  cmd.option('--b <inputs...>', 'side B (new): as --a');
  cmd.option('--by <field>', `pick both sides out of one corpus by ${GROUP_FIELDS.join('|')}`, choiceArg('--by', GROUP_FIELDS));
  cmd.option('--measure <m>', "rank by fw (Fightin' Words z) | g2 | logratio", choiceArg('--measure', DIFF_MEASURES), 'fw');
  cmd.option('--correct <method>', 'correct p over the vocabulary tested: bh | bonferroni | none', choiceArg('--correct', CORRECTIONS), 'bh');
  cmd.option('--p <level>', 'list only terms whose corrected p is below this (e.g. 0.05)', positiveArg('--p', 1));
  cmd.option('--only', 'list only terms one side never uses (added and dropped vocabulary)');
  cmd.addOption(new Option('--ngrams <range>', 'diff phrases too: 1 (words only), 1-3, 2-4 … (up to 4)').argParser(parseNgrams).default([1, 1], '1'));
  cmd.option('--explain', 'under each term, a sentence from each side that uses it');
  cmd.addOption(new Option('--alpha0 <n>', "the Fightin' Words prior size α0 (about eight General Debate speeches)").argParser(positiveArg('--alpha0')).default(DEFAULT_ALPHA0));
  addOptions(cmd, ['json', 'ndjson', 'top', 'minCount', ...TERM_OPTIONS, ...INPUT_OPTIONS]);
  // The shared flags, with what they mean here.
  for (const o of cmd.options) {
    if (o.long === '--top') o.description = 'rows per list (default: 15)';
    if (o.long === '--min-count') o.description = 'test a term only when the side that uses it more uses it this often (default: 2)';
  }
  cmd.action(async (inputs: string[], opts: DiffFlags) => {
    const run = new Run(opts);
    const { by, ...flags } = opts;
    const base = countArgs(flags);
    const args: DiffJobArgs = { terms: base.terms, allUnits: base.allUnits };
    if (opts.ngrams[1] >= 2) args.ngrams = { n: [Math.max(2, opts.ngrams[0]), opts.ngrams[1]], strict: false };
    const sides = chooseSides(inputs, opts, by);
    if (sides.select) args.select = sides.select;

    const counted = await countSides(run, sides, args, Boolean(opts.explain));
    for (const w of stemWarnings(opts, counted.langs)) run.note(w);
    const result = diffSides(counted.a, counted.b, choosePrior(run, opts, counted.langs), {
      measure: opts.measure,
      minCount: opts.minCount ?? 2,
      correct: opts.correct,
      p: opts.p ?? null,
      only: Boolean(opts.only),
      top: opts.top ?? 15,
      alpha0: opts.alpha0,
      ngrams: opts.ngrams,
    });
    const view: DiffView = { labelA: sideLabel(by, sides.a, sides.select?.a ?? null), labelB: sideLabel(by, sides.b, sides.select?.b ?? null) };
    if (counted.evidence) {
      // Evidence for the listed rows only: one pass over each side's units.
      const listed = [...result.more, ...result.less].map((r) => r.terms);
      view.evidence = { a: findEvidence(counted.evidence.a, listed), b: findEvidence(counted.evidence.b, listed) };
    }

    // A side with nothing left to count: say so and exit 2; print no table built on nothing (JSON still parses).
    const empty = (['a', 'b'] as const).filter((s) => counted[s].tokens === 0);
    for (const s of empty) {
      const label = s === 'a' ? view.labelA : view.labelB;
      const message = `side ${s.toUpperCase()} (${label}) has no tokens left after filtering: nothing to compare`;
      counted.warnings.push({ file: label, message });
      run.error(`${message}\n  hint: ${counted[s].units === 0 ? 'it has no text to count' : 'every word in it is a stopword or a number; try --stopwords none or --numbers'}`);
    }
    if (opts.ndjson) run.out(toNdjson(diffRecords(result, view)));
    else if (opts.json) {
      const params = { a: view.labelA, b: view.labelB, by: by ?? null, ...result.params, lang: opts.lang, stopwords: opts.stopwords, stem: Boolean(opts.stem), numbers: Boolean(opts.numbers), compounds: opts.compounds, allUnits: Boolean(opts.allUnits) };
      const { a, b } = result.summary;
      const corpus = { documents: a.documents + b.documents, units: a.units + b.units, tokens: a.tokens + b.tokens, languages: counted.langs };
      run.out(toJson(envelope('diff', params, corpus, diffResults(result, view, { a: counted.a.files, b: counted.b.files }), counted.warnings)));
    } else if (empty.length === 0) run.out(renderDiff(result, view, run.style));
  });
}

interface Sides {
  /** Side A's inputs, or its --by values. */
  a: string[];
  b: string[];
  /** With --by: the corpus, and how each side is picked out of it. */
  corpus: string[] | null;
  select: DiffJobArgs['select'];
}

/** The two sides: A B, or --a PATH… --b PATH…, or a corpus and --by FIELD --a VALUE… --b VALUE…. */
function chooseSides(inputs: string[], opts: DiffFlags, by: GroupField | undefined): Sides {
  if (by) {
    if (!opts.a?.length || !opts.b?.length) throw new UserError(`--by ${by} needs --a VALUE and --b VALUE`, `as in: speeches diff corpus/ --by ${by} --a … --b …`);
    const path = by === 'document' ? undefined : [...opts.a, ...opts.b].find((v) => /[/\\]|\.(?:txt|md)$/i.test(v));
    if (path !== undefined) {
      throw new UserError(`'${path}' looks like an input, not a ${by}`, 'put the inputs before --a and --b (each takes several values), or end the values with --');
    }
    return { a: opts.a, b: opts.b, corpus: inputs, select: { a: sideMatch('--a', by, opts.a), b: sideMatch('--b', by, opts.b) } };
  }
  let sides: Sides;
  if (opts.a || opts.b) {
    if (!opts.a?.length || !opts.b?.length) throw new UserError('give both sides: --a PATH… --b PATH…');
    if (inputs.length > 0) {
      throw new UserError(`'${inputs.join(' ')}' is neither side`, 'give the sides either as two arguments (A B) or with --a and --b; to pick them out of a corpus, add --by FIELD');
    }
    sides = { a: opts.a, b: opts.b, corpus: null, select: undefined };
  } else {
    if (inputs.length !== 2) {
      throw new UserError(
        inputs.length < 2 ? 'diff compares two sides: give A and B' : `diff takes two sides, A and B, and got ${inputs.length} inputs`,
        'quote globs so the shell leaves them alone, or give several paths per side with --a PATH… --b PATH…',
      );
    }
    sides = { a: [inputs[0] as string], b: [inputs[1] as string], corpus: null, select: undefined };
  }
  if (sides.a.includes('-') && sides.b.includes('-')) throw new UserError('only one side can read stdin (-)');
  return sides;
}

interface Counted {
  a: SideCounts;
  b: SideCounts;
  langs: DiffCounts['langs'];
  warnings: LoadWarning[];
  /** With --explain: each side's units with their text. */
  evidence: { a: EvidenceUnit[]; b: EvidenceUnit[] } | null;
}

/**
 * Count both sides: on worker threads with the diff jobs, or, when --explain needs the text, over whole
 * documents in this thread (the same accumulator, so the counts are the same).
 */
async function countSides(run: Run, sides: Sides, args: DiffJobArgs, explain: boolean): Promise<Counted> {
  const warnings: LoadWarning[] = [];
  const load = async (paths: string[]): Promise<{ counts: DiffCounts | null; docs: SpeechDocument[] }> => {
    if (!explain) {
      const r = await run.loadWith<DiffCounts>(paths, { module: JOBS, fn: 'countDiffDoc', reduce: 'mergeDiffCounts', accumulator: 'diffAccumulator', args });
      warnings.push(...r.warnings);
      return { counts: r.values[0] ?? null, docs: [] };
    }
    const c = await run.load(paths);
    warnings.push(...c.warnings);
    const acc = diffAccumulator(args);
    for (const d of c.documents) acc.add(d);
    return { counts: acc.result(), docs: c.documents };
  };
  if (sides.corpus) {
    const { counts, docs } = await load(sides.corpus);
    const out: Counted = { a: counts?.a ?? emptySide(), b: counts?.b ?? emptySide(), langs: counts?.langs ?? {}, warnings, evidence: null };
    if (counts && counts.overlap > 0) run.note(`${counts.overlap} unit${counts.overlap === 1 ? ' is' : 's are'} on both sides (--a and --b overlap)`);
    const field = sides.select?.a.field;
    for (const side of ['a', 'b'] as const) {
      if (out[side].units > 0) continue;
      const seen = [...(counts?.seen ?? [])].sort();
      throw new UserError(
        `no unit of the input has ${field} ${sides[side].join(', ')} (--${side})`,
        seen.length ? `${field} values in the input: ${seen.slice(0, 12).join(', ')}${seen.length > 12 ? `, … (${seen.length} in all)` : ''}` : `no unit of the input has a known ${field}`,
      );
    }
    if (explain) out.evidence = { a: evidenceUnits(docs, args, 'a'), b: evidenceUnits(docs, args, 'b') };
    return out;
  }
  const ra = await load(sides.a);
  const rb = await load(sides.b);
  const langs: DiffCounts['langs'] = { ...ra.counts?.langs };
  for (const [l, n] of Object.entries(rb.counts?.langs ?? {}) as [keyof typeof langs, number][]) langs[l] = (langs[l] ?? 0) + n;
  return {
    a: ra.counts?.a ?? emptySide(),
    b: rb.counts?.a ?? emptySide(),
    langs,
    warnings,
    evidence: explain ? { a: evidenceUnits(ra.docs, args, null), b: evidenceUnits(rb.docs, args, null) } : null,
  };
}

/**
 * The Fightin' Words prior: the UN reference model when the terms are made as it made them (English,
 * default stopwords, compounds, no stems); otherwise, or when it cannot be read, the two sides pooled.
 */
function choosePrior(run: Run, opts: DiffFlags, langs: Partial<Record<string, number>>): PriorModel | null {
  const why = opts.stem
    ? '--stem'
    : opts.stopwords === 'none'
      ? '--stopwords none'
      : opts.compounds === false
        ? '--no-compounds'
        : Object.keys(langs).some((l) => l !== 'en')
          ? `text in ${Object.keys(langs).filter((l) => l !== 'en').sort().join(', ')}`
          : null;
  if (why) {
    run.note(`the UN reference model counts English words as the defaults make them; with ${why}, the Fightin' Words prior is the two sides pooled`);
    return null;
  }
  try {
    return referencePrior(referenceModel());
  } catch (e) {
    run.note(`the UN reference model cannot be read (${(e as Error).message}); the Fightin' Words prior is the two sides pooled`);
    return null;
  }
}
