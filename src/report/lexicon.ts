/** Lexicon results for people (tables, sparklines, evidence) and for scripts (plain JSON values). */

import type { LexiconGroups, LexiconResult, LexiconSize, ThemeEvidence, ThemeScore } from '../analyze/lexicon.js';
import { describeRule, rankedThemes } from '../analyze/lexicon.js';
import { fixed } from './numbers.js';
import type { Style } from './style.js';
import { renderTable, truncate, type Column } from './table.js';

const SPARKS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'] as const;

/** A sparkline of values, scaled from 0 (or the smallest value, when all are above 0) to the largest. */
export function sparkline(values: readonly number[]): string {
  if (!values.length) return '';
  const max = Math.max(...values);
  if (!(max > 0)) return SPARKS[0].repeat(values.length);
  return values
    .map((v) => {
      const i = Math.round((Math.max(0, v) / max) * (SPARKS.length - 1));
      return SPARKS[Math.min(SPARKS.length - 1, Math.max(0, i))] as string;
    })
    .join('');
}

export interface LexiconTableOptions {
  /** How to show a unit id ("¶7", "d2¶7"); default as is. */
  label?: (unit: string) => string;
  /** Matching sentences to print under the table (from `evidence`). */
  evidence?: readonly ThemeEvidence[];
  /** Deepest theme level to show (1 = top-level themes only); default all. */
  depth?: number;
  /** Show themes without hits too (default: only those with hits, or all when none has any). */
  all?: boolean;
  /** Matched entries listed per theme (default 4). */
  entries?: number;
}

/** "peacekeeping ×3, blue helmets". */
function entryList(t: ThemeScore, n: number): string {
  const shown = t.entries.slice(0, n).map((e) => (e.count > 1 ? `${e.entry} ×${e.count}` : e.entry));
  if (t.entries.length > n) shown.push(`+${t.entries.length - n}`);
  return shown.join(', ');
}

/** "¶3 ¶7 ¶9 …": the first few units with hits. */
function unitList(t: ThemeScore, label: (u: string) => string, n = 6): string {
  const shown = t.units.slice(0, n).map(label);
  if (t.units.length > n) shown.push(`+${t.units.length - n}`);
  return shown.join(' ');
}

/** One lexicon result as a table: themes ranked (children under their parent), with evidence below. */
export function renderLexiconTable(result: LexiconResult, style: Style, opts: LexiconTableOptions = {}): string {
  const { chalk } = style;
  const label = opts.label ?? ((u: string) => u);
  const ranked = rankedThemes(result, opts.depth ?? Infinity);
  const anyHit = ranked.some((t) => t.hits > 0);
  const shown = opts.all || !anyHit ? ranked : ranked.filter((t) => t.hits > 0);
  const rows = shown.map((t) => [
    `${'  '.repeat(t.depth - 1)}${t.depth === 1 ? chalk.bold(t.label) : t.label}`,
    String(t.hits),
    fixed(t.rate, 1),
    `${Math.round(t.share * 100)}%`,
    t.assigned ? chalk.green('yes') : chalk.dim('no'),
    entryList(t, opts.entries ?? 4),
    unitList(t, label),
  ]);
  const columns: Column[] = [
    { header: 'theme', shrink: true, min: 16, weight: 2 },
    { header: 'hits', align: 'right' },
    { header: 'per 10k', align: 'right' },
    { header: '¶ share', align: 'right' },
    { header: 'assigned' },
    { header: 'matched entries', shrink: true, min: 16, weight: 3 },
    { header: '¶', shrink: true, min: 8 },
  ];
  const parts = [renderTable(columns, rows, style)];
  if (!anyHit) parts.push(chalk.dim(`no entry of the lexicon '${result.lexicon.name}' matched`));
  if (opts.evidence) parts.push(...renderEvidence(opts.evidence, style, label, new Set(shown.map((t) => t.id))));
  const rules = [...new Set(result.themes.map((t) => describeRule(t.assign)))];
  parts.push(
    chalk.dim(
      `lexicon '${result.lexicon.name}': ${result.tokens} content tokens in ${result.units} paragraphs; assigned when ${rules.join(' | ')}; a parent counts its sub-themes' hits`,
    ),
  );
  return parts.join('\n');
}

/** The matching sentences, theme by theme, hits marked in bold (or «» without colour). */
export function renderEvidence(list: readonly ThemeEvidence[], style: Style, label: (u: string) => string = (u) => u, only?: ReadonlySet<string>): string[] {
  const { chalk } = style;
  const out: string[] = [];
  for (const ev of list) {
    if (only && !only.has(ev.theme)) continue;
    if (!ev.sentences.length) continue;
    out.push(chalk.bold(`${ev.label}:`));
    for (const s of ev.sentences) {
      const who = s.speaker ? `${s.speaker}, ` : '';
      out.push(`  “${mark(s.sentence, s.hits, style)}” ${chalk.dim(`— ${who}${label(s.unit)}`)}`);
    }
  }
  return out;
}

function mark(sentence: string, hits: readonly { start: number; end: number }[], style: Style): string {
  const spans = [...hits].sort((a, b) => a.start - b.start || b.end - a.end);
  let out = '';
  let at = 0;
  for (const h of spans) {
    if (h.start < at) continue;
    out += sentence.slice(at, h.start);
    const word = sentence.slice(h.start, h.end);
    out += style.color ? style.chalk.bold.underline(word) : `«${word}»`;
    at = h.end;
  }
  return (out + sentence.slice(at)).replace(/\s+/g, ' ');
}

export interface LexiconMatrixOptions {
  /** The --by field, for the first column's header. */
  by?: string;
  /** Deepest theme level shown as a column (default 1: top-level themes). */
  depth?: number;
  /** Draw a sparkline per theme under the table (default: when the groups are numbers, e.g. years). */
  sparklines?: boolean;
}

/** Short column headers: a theme's label cut to fit. */
function shortLabel(label: string, width = 12): string {
  return truncate(label.replace(/ and /g, ' & '), width);
}

/** The matrix of rates per 10,000 tokens: one row per group, one column per theme; sparklines for years. */
export function renderLexiconMatrix(groups: LexiconGroups, style: Style, opts: LexiconMatrixOptions = {}): string {
  const { chalk } = style;
  const depth = opts.depth ?? 1;
  const cols = groups.themes.map((t, i) => ({ ...t, i })).filter((t) => t.depth <= depth);
  // Theme labels head narrow number columns: cut them so that the table fits when it can.
  const groupWidth = Math.max(8, ...groups.groups.map((g) => Array.from(g.group).length));
  const room = Math.floor((style.width - groupWidth - 3 - 9) / Math.max(1, cols.length)) - 3;
  const headerWidth = Math.max(6, Math.min(14, room));
  const columns: Column[] = [
    { header: opts.by ?? 'group', shrink: true, min: 8, weight: 2 },
    { header: 'tokens', align: 'right' },
    ...cols.map((c) => ({ header: shortLabel(c.label, headerWidth), align: 'right' as const })),
  ];
  const rows = groups.groups.map((g, r) => [g.group, String(g.result.tokens), ...cols.map((c) => fixed(groups.matrix.rates[r]?.[c.i] ?? 0, 1))]);
  const parts = [renderTable(columns, rows, style)];
  const spark = opts.sparklines ?? groups.numeric;
  if (spark && groups.groups.length > 1) {
    const first = groups.groups[0]?.group ?? '';
    const last = groups.groups[groups.groups.length - 1]?.group ?? '';
    parts.push('', chalk.bold(`rate per 10k tokens, ${first}–${last}`));
    const width = Math.max(...cols.map((c) => Array.from(`${'  '.repeat(c.depth - 1)}${c.label}`).length));
    for (const c of cols) {
      const series = groups.matrix.rates.map((row) => row[c.i] ?? 0);
      const name = `${'  '.repeat(c.depth - 1)}${c.label}`;
      const pad = ' '.repeat(Math.max(0, width - Array.from(name).length));
      parts.push(`${name}${pad}  ${sparkline(series)}  ${chalk.dim(`${fixed(Math.min(...series), 1)}–${fixed(Math.max(...series), 1)}`)}`);
    }
  }
  parts.push(chalk.dim(`hits per 10,000 content tokens by ${opts.by ?? 'group'}; lexicon '${groups.lexicon.name}'; a parent counts its sub-themes' hits; see --json for every theme`));
  return parts.join('\n');
}

/** A theme score for JSON (every field; unit ids included). */
export function themeJson(t: ThemeScore): Record<string, unknown> {
  return { ...t };
}

/** The `results` of a JSON envelope for one lexicon result (with evidence when given). */
export function lexiconResultJson(result: LexiconResult, evidence?: readonly ThemeEvidence[]): Record<string, unknown> {
  const ev = evidence ? new Map(evidence.map((e) => [e.theme, e.sentences])) : null;
  return {
    lexicon: result.lexicon,
    tokens: result.tokens,
    units: result.units,
    documents: result.documents,
    themes: result.themes.map((t) => ({ ...themeJson(t), ...(ev ? { evidence: ev.get(t.id) ?? [] } : {}) })),
  };
}

/** The `results` of a JSON envelope for `--by`: the matrix and every group's full result. */
export function lexiconGroupsJson(groups: LexiconGroups, evidenceByGroup?: ReadonlyMap<string, readonly ThemeEvidence[]>): Record<string, unknown> {
  return {
    lexicon: groups.lexicon,
    themes: groups.themes,
    matrix: groups.matrix,
    groups: groups.groups.map((g) => ({ group: g.group, ...lexiconResultJson(g.result, evidenceByGroup?.get(g.group)) })),
  };
}

/** The one-line summary `lexicon check` prints. */
export function renderLexiconSize(name: string, file: string, size: LexiconSize): string {
  const parts = [
    `${size.themes} theme${size.themes === 1 ? '' : 's'} (${size.top} top-level, ${size.leaves} leaves, depth ${size.depth})`,
    `${size.entries} entries (${size.phrases} phrases, ${size.globs} globs)`,
    `${size.exclusions} exclusion${size.exclusions === 1 ? '' : 's'}`,
  ];
  return `${file}: valid lexicon '${name}': ${parts.join(', ')}`;
}
