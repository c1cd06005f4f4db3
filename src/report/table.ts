/** Tables for people: cli-table3 with no colours of its own, text cut with "…" to fit, numbers never cut. */

import Table from 'cli-table3';
import type { Style } from './style.js';

export interface Column {
  header: string;
  align?: 'left' | 'right';
  /** Text columns shrink to fit the terminal; numbers never do. */
  shrink?: boolean;
  /** Smallest width a shrinking column keeps. */
  min?: number;
  /** How strongly a shrinking column keeps its width against the others (default 1). */
  weight?: number;
}

const SURROGATE = /[\ud800-\udfff]/;

/** Cut a string to at most `width` visible characters, marking the cut with "…"; colour codes are kept whole. */
export function truncate(s: string, width: number): string {
  if (!s.includes('\x1b')) {
    // No wider than its UTF-16 length: most strings fit without counting their characters.
    if (s.length <= width) return s;
    if (!SURROGATE.test(s)) return width <= 1 ? '…'.slice(0, width) : `${s.slice(0, width - 1)}…`;
    const chars = Array.from(s);
    if (chars.length <= width) return s;
    if (width <= 1) return '…'.slice(0, width);
    return chars.slice(0, width - 1).join('') + '…';
  }
  if (len(s) <= width) return s;
  // Walk the visible characters, copying escape sequences as they come, and close any colour at the cut.
  let out = '';
  let shown = 0;
  const parts = s.match(/\x1b\[[0-9;]*m|[\s\S]/gu) ?? [];
  for (const p of parts) {
    if (p.startsWith('\x1b')) out += p;
    else if (shown < width - 1) {
      out += p;
      shown++;
    }
  }
  return `${out}…\x1b[0m`;
}

/** Render rows as a table that fits `style.width`. */
export function renderTable(columns: readonly Column[], rows: readonly (readonly string[])[], style: Style): string {
  const natural = columns.map((c, i) => Math.max(len(c.header), ...rows.map((r) => len(r[i] ?? ''))));
  const widths = fit(columns, natural, style.width);
  const table = new Table({
    head: columns.map((c, i) => style.chalk.bold(truncate(c.header, widths[i] as number))),
    style: { head: [], border: [], compact: true, 'padding-left': 1, 'padding-right': 1 },
    colAligns: columns.map((c) => c.align ?? 'left'),
    wordWrap: false,
    chars: {
      top: '', 'top-mid': '', 'top-left': '', 'top-right': '',
      bottom: '', 'bottom-mid': '', 'bottom-left': '', 'bottom-right': '',
      left: '', 'left-mid': '', mid: '', 'mid-mid': '',
      right: '', 'right-mid': '', middle: ' ',
    },
  });
  for (const r of rows) table.push(r.map((cell, i) => truncate(cell, widths[i] as number)));
  return table
    .toString()
    .split('\n')
    .map((l) => l.replace(/\s+$/, ''))
    .join('\n');
}

function len(s: string): number {
  // eslint-disable-next-line no-control-regex
  return Array.from(s.replace(/\x1b\[[0-9;]*m/g, '')).length;
}

/** Shrink the shrinkable columns, widest first, until the table fits. */
function fit(columns: readonly Column[], natural: number[], total: number): number[] {
  const widths = [...natural];
  const overhead = columns.length * 3;
  let excess = widths.reduce((a, b) => a + b, 0) + overhead - total;
  while (excess > 0) {
    let widest = -1;
    for (let i = 0; i < columns.length; i++) {
      const c = columns[i] as Column;
      if (!c.shrink || (widths[i] as number) <= (c.min ?? 8)) continue;
      const share = (widths[i] as number) / (c.weight ?? 1);
      if (widest < 0 || share > (widths[widest] as number) / (columns[widest]?.weight ?? 1)) widest = i;
    }
    if (widest < 0) break;
    widths[widest] = (widths[widest] as number) - 1;
    excess--;
  }
  return widths;
}
