/** `speeches themes` and `speeches keyphrases`: what a statement is about, against how the UN usually speaks. */

import type { Command } from 'commander';
import { referenceBackground } from '../../analyze/background.js';
import { mergeLangs, type Counted } from '../../analyze/jobs.js';
import type { TextUnit } from '../../analyze/keyphrases.js';
import { themeEvidence, themesByGroup, type Theme, type ThemeEvidence } from '../../analyze/themes.js';
import type { GroupCounts, GroupThemesArgs, GroupThemesOut } from '../../analyze/themes-jobs.js';
import { compareCodeUnits, sortGroupKeys } from '../../analyze/corpus.js';
import type { CountArgs } from '../../analyze/jobs.js';
import type { ResolvedInputs, Source } from '../../load/inputs.js';
import { workerThreads, type Share } from '../../load/parallel.js';
import { stemmerFor } from '../../text/index.js';
import { envelope, toJson, toNdjson } from '../../report/json.js';
import { fixed } from '../../report/numbers.js';
import { renderTable } from '../../report/table.js';
import { Run } from '../context.js';
import { addOptions, INPUT_OPTIONS, TERM_OPTIONS } from '../options.js';
import { countArgs, type TermFlags } from '../terms-options.js';

export interface ThemesOptions extends TermFlags {
  top?: number;
  explain?: boolean;
  lexicon?: string;
}

export const JOBS = 'analyze/jobs';
const THEME_JOBS = 'analyze/themes-jobs';
const INPUTS = 'files, directories, quoted globs, or - for stdin (default: the bundled seeds)';

/** Register `themes` and `keyphrases`. */
export function themesCommands(program: Command): void {
  const themes = program
    .command('themes')
    .summary('the key themes of a statement, explained')
    .description(
      'The themes of the inputs: their key phrases (what they say much more than the UN usually does, judged against a model of 9,210 General Debate speeches), grouped as a reader would group them.',
    )
    .argument('[inputs...]', INPUTS)
    .addHelpText(
      'before',
      `Examples:
  speeches themes seeds/000_09c7f05abb924c58.txt
  speeches themes seeds/003_0eda7931006bc30a.txt --explain
  speeches themes corpus/ --by year --top 3 --json | jq '.results.groups[] | {group, themes: [.themes[].label]}'
  speeches themes seeds --lexicon sdg --explain
`,
    );
  addOptions(themes, ['json', 'ndjson', 'by', 'top', ...TERM_OPTIONS, ...INPUT_OPTIONS]);
  themes.option('--explain', 'print under each theme the sentence that best shows it');
  themes.option('--lexicon <name>', 'dictionary themes instead: un (a UN theme taxonomy), sdg (the 17 Goals), or a lexicon FILE (see speeches lexicon)');
  // The dictionary path and its modules load only when asked for: plain `themes` starts faster.
  themes.action(async (inputs: string[], opts: ThemesOptions) =>
    opts.lexicon ? (await import('./themes-lexicon.js')).runLexicon(inputs, opts) : run('themes', inputs, opts),
  );

  const kp = program
    .command('keyphrases')
    .summary('the ranked key phrases, with counts and expected counts')
    .description('The key phrases of the inputs, ranked by how much more they are used than the UN reference model predicts.')
    .argument('[inputs...]', INPUTS)
    .addHelpText(
      'before',
      `Examples:
  speeches keyphrases seeds/003_0eda7931006bc30a.txt
  speeches keyphrases seeds --top 30 --json | jq -r '.results.groups[0].keyphrases[].display'
`,
    );
  addOptions(kp, ['json', 'ndjson', 'by', 'top', ...TERM_OPTIONS, ...INPUT_OPTIONS]);
  kp.action(async (inputs: string[], opts: ThemesOptions) => run('keyphrases', inputs, opts));
}

async function run(command: 'themes' | 'keyphrases', inputs: string[], opts: ThemesOptions): Promise<void> {
  const r = new Run(opts);
  const args = countArgs(opts);
  const top = opts.top ?? (command === 'themes' ? 8 : 20);
  const resolved = r.resolve(inputs, { byColumn: true });
  if (opts.by && resolved.sources.length >= GROUPED_IN_WORKERS && workerThreads() > 1 && !resolved.sources.some((s) => s.kind === 'stdin')) {
    return runGrouped(r, command, resolved, opts, args, top);
  }
  const { values } = await r.loadSources<Counted<TextUnit[]>>(resolved, { module: JOBS, fn: 'docStreams', args, local: true });
  noteLanguages(r, mergeLangs(values));
  const units = values.flatMap((v) => v.value);
  const stem = stemmerFor('en') ?? undefined;
  const groups = themesByGroup(units, referenceBackground(), { top, ...(command === 'keyphrases' ? { keyphrases: top } : {}), ...(stem ? { stem } : {}) });
  const documents = new Set(units.map((u) => u.document)).size;
  const label = paragraphLabels(documents);
  const view: ThemesView = { groups, documents, units: units.length, evidence: (g, i) => themeEvidence(g.themes[i] as Theme, units) };
  r.out(command === 'themes' ? renderThemes(r, view, opts, label) : renderKeyphrases(r, groups, opts, label, top));
}

/**
 * With --by over this many files or more, each worker scores whole groups (see themes-jobs.ts). Below it
 * one pass is faster: each worker of the two passes reads its documents again and opens the reference
 * model again, and ranking phrases allocates so much that on two cores the garbage collector of a single
 * thread already keeps the second core busy. Measured on 2 cores: 300 files --by year, one pass 6.3–7.5 s,
 * two passes 8.5–9.8 s; 1,100 files --by country, one pass 20.2–20.4 s, two passes 19.2–19.6 s.
 */
const GROUPED_IN_WORKERS = Number(process.env.SPEECHES_GROUPED_FILES) || 1000; // (the env: for tests of the two passes)

/**
 * `--by` over many files: pass 1 counts each group's words in the workers; pass 2 gives each worker
 * whole groups (balanced by words) to rank and group, so no term stream is sent between threads.
 */
async function runGrouped(r: Run, command: 'themes' | 'keyphrases', resolved: ResolvedInputs, opts: ThemesOptions, args: CountArgs, top: number): Promise<void> {
  const pass1 = await r.loadSources<Counted<GroupCounts>>(resolved, { module: THEME_JOBS, fn: 'groupCountsDoc', accumulator: 'groupCountsAccumulator', reduce: 'mergeGroupCounts', args });
  noteLanguages(r, mergeLangs(pass1.values));
  const counts = pass1.values[0]?.value ?? { groups: [], docs: [] };
  const totals = new Map<string, number>();
  let tokens = 0;
  for (const g of counts.groups) {
    tokens += g.tokens;
    g.terms.forEach((t, i) => totals.set(t, (totals.get(t) ?? 0) + (g.counts[i] as number)));
  }
  // Groups to workers, biggest first to the lightest; each worker reads every document holding one of its groups.
  const n = Math.max(1, Math.min(workerThreads(), counts.groups.length));
  const owned: string[][] = Array.from({ length: n }, () => []);
  const load = new Array<number>(n).fill(0);
  for (const g of [...counts.groups].sort((a, b) => b.tokens - a.tokens || compareCodeUnits(a.group, b.group))) {
    const k = load.indexOf(Math.min(...load));
    (owned[k] as string[]).push(g.group);
    load[k] = (load[k] as number) + g.tokens;
  }
  const totalsArg = { terms: [...totals.keys()], counts: [...totals.values()], tokens };
  const shares: Share[] = owned.map((keep) => {
    const mine = new Set(keep);
    const indices = [...new Set(counts.docs.filter((d) => d.groups.some((g) => mine.has(g))).map((d) => sourceIndex(d.id)))].sort((a, b) => a - b);
    const pass2: GroupThemesArgs = { ...args, keep, totals: totalsArg, top, ...(command === 'keyphrases' ? { keyphrases: top } : {}), explain: Boolean(opts.explain) };
    return { sources: indices.map((i) => resolved.sources[i] as Source), ids: indices.map((i) => `d${i + 1}`), args: pass2 };
  });
  const parts = await r.loadShares<GroupThemesOut[]>(shares, { module: THEME_JOBS, fn: 'groupThemesDoc', accumulator: 'groupThemesAccumulator' });
  const byKey = new Map(parts.flatMap((p) => p ?? []).map((g) => [g.group, g] as const));
  const groups = sortGroupKeys(byKey.keys()).map((k) => byKey.get(k) as GroupThemesOut);
  const label = paragraphLabels(counts.docs.length);
  const view: ThemesView = {
    groups,
    documents: counts.docs.length,
    units: counts.groups.reduce((a, g) => a + g.units, 0),
    evidence: (g, i) => (g as GroupThemesOut).evidence?.[i] ?? null,
  };
  r.out(command === 'themes' ? renderThemes(r, view, opts, label) : renderKeyphrases(r, groups, opts, label, top));
}

/** The source index of a document id: "d12" and the rows of a corpus file "d12.3" come from source 11. */
function sourceIndex(id: string): number {
  return Number(/^d(\d+)/.exec(id)?.[1] ?? 0) - 1;
}

function noteLanguages(r: Run, langs: Partial<Record<string, number>>): void {
  if (Object.keys(langs).some((l) => l !== 'en')) {
    r.note('the reference model is English UN speech; key phrases of other languages are ranked mostly by their own frequency');
  }
}

/** What the renderers need: the groups' results, the input's size, and each theme's evidence. */
interface ThemesView {
  groups: ThemeGroup[];
  documents: number;
  units: number;
  evidence(group: ThemeGroup, theme: number): ThemeEvidence | null;
}

/** A group's results as both paths give them. */
type ThemeGroup = Pick<GroupThemesOut, 'group' | 'themes' | 'keyphrases'>;

/** "¶7" in one document; "d2¶7" when there are several. */
export function paragraphLabels(documents: number): (id: string) => string {
  return (id) => {
    const [doc, index] = id.split(':');
    return documents > 1 ? `${doc}¶${index}` : `¶${index}`;
  };
}

function bar(share: number, width = 8): string {
  const eighths = Math.round(share * width * 8);
  const full = Math.floor(eighths / 8);
  const part = eighths % 8;
  return '█'.repeat(full) + (part ? (['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'][part] as string) : '');
}

function themeJson(t: Theme, ev: ThemeEvidence | null | undefined): Record<string, unknown> {
  return {
    rank: t.rank,
    label: t.label,
    score: t.score,
    share: t.share,
    units: t.units,
    phrases: t.phrases.map((p) => ({ key: p.key, display: p.display, score: p.score, count: p.count, expected: p.expected, units: p.units })),
    ...(ev !== undefined ? { evidence: ev } : {}),
  };
}

function renderThemes(r: Run, view: ThemesView, opts: ThemesOptions, label: (id: string) => string): string {
  const { groups } = view;
  const ev = (g: ThemeGroup, i: number): ThemeEvidence | null | undefined => (opts.explain ? view.evidence(g, i) : undefined);
  const params = { by: opts.by ?? null, lang: opts.lang, stopwords: opts.stopwords, ...groups[0]?.keyphrases.params, grouping: 'by head stem, then average-linkage clustering while the mean of Jaccard(stems) + 0.5 × Ochiai(sentences) + 0.2 × Jaccard(paragraphs) ≥ 0.2, ≤ 12 phrases a theme (6 shown); pool: 60 strongest informative phrases; score = best + ½ next five', label: 'a phrase of ≤ 4 words (or with an acronym) holding a word under 1 in 1,000 in the reference model (or 8 × as frequent here): most stems shared with the others, then count, then 2–4 words, then score, then key; a single word is named by a phrase holding it' };
  if (opts.ndjson) return toNdjson(groups.flatMap((g) => g.themes.map((t, i) => ({ ...(opts.by ? { group: g.group } : {}), ...themeJson(t, ev(g, i)) }))));
  if (opts.json) {
    const results = { groups: groups.map((g) => ({ group: g.group, tokens: g.keyphrases.tokens, units: g.keyphrases.units, themes: g.themes.map((t, i) => themeJson(t, ev(g, i))) })) };
    return toJson(envelope('themes', params, { documents: view.documents, units: view.units }, results, []));
  }
  const { chalk } = r.style;
  const parts: string[] = [];
  for (const g of groups) {
    if (opts.by) parts.push(chalk.bold(`${opts.by}: ${g.group}`));
    const rows = g.themes.map((t) => [
      String(t.rank),
      chalk.bold(t.label),
      t.phrases
        .slice(1)
        .map((p) => p.display)
        .join('; '),
      fixed(t.score, 1),
      t.units.map(label).join(' '),
      `${bar(t.share)} ${Math.round(t.share * 100)}%`,
    ]);
    parts.push(
      renderTable(
        [
          { header: '#', align: 'right' },
          { header: 'theme', shrink: true, min: 18, weight: 2 },
          { header: 'also', shrink: true, min: 16, weight: 3 },
          { header: 'score', align: 'right' },
          { header: '¶', shrink: true, min: 8 },
          { header: 'share of ¶' },
        ],
        rows,
        r.style,
      ),
    );
    if (!g.themes.length) parts.push(chalk.dim('no theme stands out from usual UN wording'));
    if (opts.explain) {
      g.themes.forEach((t, i) => {
        const e = view.evidence(g, i);
        if (!e) return;
        parts.push(`  ${t.rank}. ${chalk.bold(t.label)}: “${e.sentence}” ${chalk.dim(`— ${e.speaker ? `${e.speaker}, ` : ''}${label(e.unit)}`)}`);
      });
    }
  }
  parts.push(chalk.dim('Scored against how the UN usually speaks (General Debate 1970–2024); see --json for every number.'));
  return parts.join('\n');
}

function renderKeyphrases(r: Run, groups: readonly ThemeGroup[], opts: ThemesOptions, label: (id: string) => string, top: number): string {
  const rows = groups.flatMap((g) => g.keyphrases.rows.slice(0, top).map((p) => ({ ...(opts.by ? { group: g.group } : {}), ...p })));
  if (opts.ndjson) return toNdjson(rows);
  if (opts.json) {
    const results = { groups: groups.map((g) => ({ group: g.group, tokens: g.keyphrases.tokens, units: g.keyphrases.units, keyphrases: g.keyphrases.rows.slice(0, top) })) };
    return toJson(envelope('keyphrases', { by: opts.by ?? null, ...groups[0]?.keyphrases.params }, { groups: groups.length }, results, []));
  }
  const table = renderTable(
    [
      ...(opts.by ? [{ header: opts.by, shrink: true, min: 10 }] : []),
      { header: 'rank', align: 'right' },
      { header: 'key phrase', shrink: true, min: 16, weight: 3 },
      { header: 'score', align: 'right' },
      { header: 'count', align: 'right' },
      { header: 'expected', align: 'right' },
      { header: '¶', shrink: true, min: 8 },
    ],
    groups.flatMap((g) =>
      g.keyphrases.rows.slice(0, top).map((p, i) => [
        ...(opts.by ? [i === 0 ? g.group : ''] : []),
        String(p.rank),
        r.style.chalk.bold(p.display),
        fixed(p.score, 1),
        String(p.count),
        fixed(p.expected, 2),
        p.units.map(label).join(' '),
      ]),
    ),
    r.style,
  );
  return `${table}\n${r.style.chalk.dim('score: keyness of the phrase\'s words against UN speech × spread over paragraphs; expected: count the UN reference model predicts here')}`;
}
