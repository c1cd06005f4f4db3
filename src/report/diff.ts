/** How a vocabulary diff looks: the summary, the two lists (side by side when the terminal is wide), evidence, JSON rows. */

import { correctionName, featureKey, type DiffResult, type DiffRow, type Evidence } from '../analyze/keyness.js';
import { fixed } from './numbers.js';
import { truncate } from './table.js';
import type { Style } from './style.js';

/** Side by side from this many columns up; narrower terminals (and pipes, 120) get one list after the other. */
export const SIDE_BY_SIDE_WIDTH = 140;

/** What the report needs besides the result: names of the sides, and the evidence of --explain. */
export interface DiffView {
  labelA: string;
  labelB: string;
  /** Evidence per feature (`featureKey`) on each side, with --explain. */
  evidence?: { a: ReadonlyMap<string, Evidence>; b: ReadonlyMap<string, Evidence> };
}

/** A p-value for reading: three decimals, or two significant digits in exponent form when tiny. */
export function formatP(p: number): string {
  if (!Number.isFinite(p)) return '—';
  if (p >= 0.001 || p === 0) return p >= 0.9995 ? '1' : p.toFixed(3);
  return p.toExponential(1);
}

/** Groups digits by thousands with a comma, for counts in prose. */
function thousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function plural(n: number, one: string, many = one + 's'): string {
  return `${thousands(n)} ${n === 1 ? one : many}`;
}

/** About n, to two significant digits (580, 1,300, 45,000). */
function about(n: number): string {
  if (n < 100) return String(Math.round(n));
  const k = 10 ** (Math.floor(Math.log10(n)) - 1);
  return thousands(Math.round(n / k) * k);
}

const MEASURE_NAMES = { fw: "Fightin' Words z", g2: 'signed G²', logratio: 'log ratio' } as const;

/** The verdict line: how many features pass the corrected test, said plainly. */
export function verdict(result: DiffResult): string {
  const s = result.significance;
  const { a, b } = result.summary;
  const what = result.params.ngrams[1] >= 2 ? 'term or phrase' : 'term';
  const whats = result.params.ngrams[1] >= 2 ? 'terms and phrases' : 'terms';
  const corr = s.correction === 'none' ? 'without correction' : `after ${correctionName(s.correction)} correction`;
  const emptySide = a.tokens === 0 ? 'A' : b.tokens === 0 ? 'B' : null;
  if (emptySide) return `side ${emptySide} has no tokens left after filtering: nothing to compare.`;
  if (s.tested === 0) return `nothing to test: no ${what} reaches the min count of ${result.params.minCount}.`;
  if (s.tested === result.listedSame && result.params.p === null && !result.params.only) {
    return `A and B use every ${what} tested at the same rate (${plural(s.tested, what, whats)}): nothing sets them apart.`;
  }
  if (s.passing > 0) {
    return `${thousands(s.passing)} of ${plural(s.tested, what, whats)} tested pass${s.passing === 1 ? 'es' : ''} p < ${s.level} ${corr} (${s.passingB} more in B, ${s.passingA} more in A).`;
  }
  const lo = Math.min(a.tokens, b.tokens);
  const hi = Math.max(a.tokens, b.tokens);
  const size = hi <= 2 * lo ? `~${about((a.tokens + b.tokens) / 2)} tokens a side` : `${thousands(a.tokens)} tokens in A and ${thousands(b.tokens)} in B`;
  return `no ${what} passes p < ${s.level} ${corr} (${plural(s.tested, what, whats)} tested); with ${size}, differences this small are noise: read the lists as leads, not findings.`;
}

/** The block above the lists: the sides, their overlap, the method and the verdict. */
export function renderSummary(result: DiffResult, view: DiffView, style: Style): string {
  const { chalk } = style;
  const { a, b } = result.summary;
  const side = (s: typeof a): string =>
    `${plural(s.documents, 'document')} · ${plural(s.units, 'unit')} · ${plural(s.tokens, 'token')} · ${plural(s.types, 'type')}`;
  const labelWidth = Math.max(12, Math.min(60, style.width - 70));
  const la = truncate(view.labelA, labelWidth);
  const lb = truncate(view.labelB, labelWidth);
  const w = Math.max(Array.from(la).length, Array.from(lb).length);
  const p = result.params;
  const s = result.significance;
  const priorName = p.prior.startsWith('reference') ? 'the UN General Debate corpus' : 'the two sides pooled';
  const prior = p.measure === 'fw' ? ` (prior: ${priorName}, α0 = ${thousands(p.alpha0)})` : '';
  const filters = [
    `min count ${p.minCount}`,
    p.ngrams[1] >= 2 ? `${p.ngrams[0] === p.ngrams[1] ? p.ngrams[0] : `${p.ngrams[0]}–${p.ngrams[1]}`}-grams` : null,
    p.only ? 'one side only' : null,
    p.p !== null ? `corrected p < ${p.p}` : null,
  ].filter((x) => x !== null);
  const lines = [
    `${chalk.bold('A')} ${chalk.red('−')} ${la.padEnd(w)}  ${side(a)}`,
    `${chalk.bold('B')} ${chalk.green('+')} ${lb.padEnd(w)}  ${side(b)}`,
    `overlap  ${plural(result.summary.sharedTypes, 'shared type')} · Jaccard ${fixed(result.summary.jaccard, 3)} · cosine ${fixed(result.summary.cosine, 3)}`,
    chalk.dim(
      `ranked by ${MEASURE_NAMES[p.measure]}${prior} · ${filters.join(' · ')} · p: ${s.test}, ${s.correction === 'none' ? 'uncorrected' : `${correctionName(s.correction)} over ${thousands(s.tested)} tested`}`,
    ),
    s.passing > 0 ? verdict(result) : chalk.yellow(verdict(result)),
  ];
  return lines.join('\n');
}

/** The header of one list. */
function listTitle(result: DiffResult, sign: 1 | -1, style: Style): string {
  const { chalk } = style;
  const rows = sign > 0 ? result.more : result.less;
  const total = sign > 0 ? result.listedMore : result.listedLess;
  const only = result.params.only;
  const title = sign > 0 ? (only ? '+ only in B, added' : '+ more in B') : only ? '− only in A, dropped' : '− more in A';
  const count = total === 0 ? 'none' : total === rows.length ? plural(total, 'row') : `top ${rows.length} of ${thousands(total)}`;
  return `${(sign > 0 ? chalk.green : chalk.red).bold(title)} ${chalk.dim(`(${count})`)}`;
}

/** The score column of the compact layout: the ranking measure, or G² beside the log ratio. */
function scoreColumn(result: DiffResult): { header: string; value: (r: DiffRow) => string } {
  return result.params.measure === 'fw' ? { header: 'z', value: (r) => fixed(r.z, 2) } : { header: 'G²', value: (r) => fixed(r.g2, 1) };
}

/** A table cell: plain text, or text with a paint applied after it is cut to fit (so no colour code is ever cut). */
type Cell = string | { text: string; paint: (s: string) => string };

interface GridColumn {
  header: string;
  align?: 'left' | 'right';
  /** The one column that gives up width when the table is too wide, down to `min`. */
  shrink?: boolean;
  min?: number;
}

/** Columns two spaces apart, one space in; the shrinking column cut with "…" to fit `width`. */
function grid(columns: readonly GridColumn[], rows: readonly (readonly Cell[])[], width: number, style: Style): string[] {
  const text = (c: Cell): string => (typeof c === 'string' ? c : c.text);
  const widths = columns.map((col, i) => Math.max(visible(col.header), ...rows.map((r) => visible(text(r[i] ?? '')))));
  const total = (): number => 1 + widths.reduce((a, b) => a + b, 0) + 2 * (columns.length - 1);
  columns.forEach((col, i) => {
    if (col.shrink) widths[i] = Math.max(col.min ?? 8, (widths[i] as number) - Math.max(0, total() - width));
  });
  const line = (cells: readonly Cell[], head: boolean): string => {
    const parts = columns.map((col, i) => {
      const w = widths[i] as number;
      const c = cells[i] ?? '';
      const cut = truncate(text(c), w);
      const pad = ' '.repeat(Math.max(0, w - visible(cut)));
      const painted = head ? style.chalk.bold(cut) : typeof c === 'string' ? cut : c.paint(cut);
      return col.align === 'right' ? pad + painted : painted + pad;
    });
    return (' ' + parts.join('  ')).replace(/\s+$/, '');
  };
  return [line(columns.map((c) => c.header), true), ...rows.map((r) => line(r, false))];
}

/** One list as a table: full columns, or compact for side by side. */
function listTable(result: DiffResult, sign: 1 | -1, style: Style, compact: boolean): string[] {
  const { chalk } = style;
  const rows = sign > 0 ? result.more : result.less;
  const colour = sign > 0 ? chalk.green : chalk.red;
  const mark = sign > 0 ? '+' : '−';
  if (rows.length === 0) return [listTitle(result, sign, style), chalk.dim(result.params.p !== null ? '  (none passes the --p filter)' : '  (none)')];
  const many = result.summary.a.documents > 1 || result.summary.b.documents > 1;
  const spread = many ? 'docs' : '¶';
  const level = result.significance.level;
  const pCell = (r: DiffRow): Cell => (r.pAdjusted < level ? { text: formatP(r.pAdjusted), paint: (s) => chalk.bold(s) } : formatP(r.pAdjusted));
  const score = scoreColumn(result);
  const columns: GridColumn[] = compact
    ? [
        { header: 'term', shrink: true, min: 10 },
        { header: 'A', align: 'right' },
        { header: 'B', align: 'right' },
        { header: 'log2', align: 'right' },
        { header: score.header, align: 'right' },
        { header: 'p adj', align: 'right' },
      ]
    : [
        { header: 'term', shrink: true, min: 12 },
        { header: 'A', align: 'right' },
        { header: 'B', align: 'right' },
        { header: 'A/10k', align: 'right' },
        { header: 'B/10k', align: 'right' },
        { header: `${spread} A`, align: 'right' },
        { header: `${spread} B`, align: 'right' },
        { header: 'log2', align: 'right' },
        { header: 'G²', align: 'right' },
        { header: 'z', align: 'right' },
        { header: 'p', align: 'right' },
        { header: 'p adj', align: 'right' },
      ];
  const cells = rows.map((r): Cell[] => {
    const term: Cell = { text: `${mark} ${r.term}`, paint: (s) => colour(s) };
    if (compact) return [term, String(r.countA), String(r.countB), fixed(r.logRatio, 2), score.value(r), pCell(r)];
    return [
      term,
      String(r.countA),
      String(r.countB),
      fixed(r.rateA, 1),
      fixed(r.rateB, 1),
      String(many ? r.documentsA : r.unitsA),
      String(many ? r.documentsB : r.unitsB),
      fixed(r.logRatio, 2),
      fixed(r.g2, 1),
      fixed(r.z, 2),
      formatP(r.p),
      pCell(r),
    ];
  });
  return [listTitle(result, sign, style), ...grid(columns, cells, style.width, style)];
}

/** Strips ANSI codes, for measuring what a terminal shows. */
function visible(s: string): number {
  // eslint-disable-next-line no-control-regex
  return Array.from(s.replace(/\x1b\[[0-9;]*m/g, '')).length;
}

/** A sentence cut to `width` around the feature, the feature highlighted. */
function evidenceText(e: Evidence, width: number, style: Style, colour: (s: string) => string): string {
  const chars = Array.from(e.sentence.replace(/\s+/g, ' '));
  // Offsets are UTF-16; rebuild them in code points over the whitespace-collapsed sentence.
  const norm = (s: string): number => Array.from(s.replace(/\s+/g, ' ')).length;
  const start = norm(e.sentence.slice(0, e.start));
  const end = Math.max(start, norm(e.sentence.slice(0, e.end)));
  let from = 0;
  let to = chars.length;
  if (to - from > width) {
    const room = Math.max(0, width - (end - start));
    from = Math.max(0, Math.min(start - Math.floor(room / 3), chars.length - width));
    to = Math.min(chars.length, from + width);
  }
  const cut = (i: number, j: number): string => chars.slice(Math.max(from, i), Math.min(to, j)).join('');
  const head = (from > 0 ? '…' : '') + cut(from, start);
  const mid = style.chalk.bold(colour(cut(start, end)));
  const tail = cut(end, to) + (to < chars.length ? '…' : '');
  return `“${head}${mid}${tail}”`;
}

function basename(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}

/** The evidence lines under one row. */
function evidenceLines(row: DiffRow, view: DiffView, style: Style): string[] {
  const ev = view.evidence;
  if (!ev) return [];
  const key = featureKey(row.terms);
  const out: string[] = [];
  for (const side of ['a', 'b'] as const) {
    const e = (side === 'a' ? ev.a : ev.b).get(key);
    const tag = side === 'a' ? style.chalk.red('A') : style.chalk.green('B');
    if (!e) {
      out.push(`    ${tag} ${style.chalk.dim('(not used)')}`);
      continue;
    }
    const where = `${basename(e.file)}:${e.line}`;
    const room = Math.max(30, style.width - 8 - where.length - 3);
    const colour = side === 'a' ? style.chalk.red : style.chalk.green;
    out.push(`    ${tag} ${evidenceText(e, room, style, colour)} ${style.chalk.dim(where)}`);
  }
  return out;
}

/** The whole table report: summary, then the lists side by side (wide terminals) or one after the other. */
export function renderDiff(result: DiffResult, view: DiffView, style: Style): string {
  const summary = renderSummary(result, view, style);
  const sideBySide = style.width >= SIDE_BY_SIDE_WIDTH && !view.evidence;
  if (sideBySide) {
    const gap = 3;
    const half = Math.floor((style.width - gap) / 2);
    const halfStyle: Style = { ...style, width: half };
    const left = listTable(result, 1, halfStyle, true);
    const right = listTable(result, -1, halfStyle, true);
    const n = Math.max(left.length, right.length);
    const lines: string[] = [];
    for (let i = 0; i < n; i++) {
      const l = left[i] ?? '';
      const r = right[i] ?? '';
      lines.push(r === '' ? l : l + ' '.repeat(Math.max(1, half + gap - visible(l))) + r);
    }
    return `${summary}\n\n${lines.map((l) => l.replace(/\s+$/, '')).join('\n')}`;
  }
  const parts: string[] = [summary];
  for (const sign of [1, -1] as const) {
    const lines = listTable(result, sign, style, false);
    const rows = sign > 0 ? result.more : result.less;
    if (view.evidence && rows.length > 0) {
      // lines: title, header, then one line per row
      const out = lines.slice(0, 2);
      rows.forEach((r, i) => out.push(lines[i + 2] ?? '', ...evidenceLines(r, view, style)));
      parts.push(out.join('\n'));
    } else parts.push(lines.join('\n'));
  }
  return parts.join('\n\n');
}

/** A row for JSON: every number, and the evidence when there is some. */
export function rowJson(row: DiffRow, view: DiffView): Record<string, unknown> {
  const ev = view.evidence;
  if (!ev) return { ...row };
  const key = featureKey(row.terms);
  return { ...row, evidenceA: ev.a.get(key) ?? null, evidenceB: ev.b.get(key) ?? null };
}

/** The `results` of `speeches diff --json`. */
export function diffResults(result: DiffResult, view: DiffView, files: { a: string[]; b: string[] }): Record<string, unknown> {
  return {
    sides: {
      a: { label: view.labelA, ...result.summary.a, files: files.a },
      b: { label: view.labelB, ...result.summary.b, files: files.b },
    },
    overlap: { sharedTypes: result.summary.sharedTypes, jaccard: result.summary.jaccard, cosine: result.summary.cosine },
    significance: { ...result.significance, verdict: verdict(result) },
    more: result.more.map((r) => rowJson(r, view)),
    less: result.less.map((r) => rowJson(r, view)),
    same: result.same.map((r) => rowJson(r, view)),
    listed: { more: result.listedMore, less: result.listedLess, same: result.listedSame },
  };
}

/** The records of `speeches diff --ndjson`: one per listed term, B's list first, then A's, then the same-rate ones. */
export function diffRecords(result: DiffResult, view: DiffView): Record<string, unknown>[] {
  return [...result.more, ...result.less, ...result.same].map((r) => rowJson(r, view));
}
