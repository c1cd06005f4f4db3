/** Markdown inputs: YAML-style front matter, and markup taken off each line so that only the words stay. */

import type { DocBuilder } from './builder.js';

export const FRONT_MATTER_KEYS = ['title', 'body', 'date', 'place', 'speaker', 'country', 'symbol', 'session'] as const;
export type FrontMatter = Partial<Record<(typeof FRONT_MATTER_KEYS)[number], string>>;

/** Read a leading `---` block of `key: value` lines; its lines become front-matter metadata. */
export function readFrontMatter(b: DocBuilder): FrontMatter {
  if (b.line(1).trim() !== '---') return {};
  let end = 0;
  for (let i = 2; i <= Math.min(b.lines.length, 200); i++) {
    if (/^(?:---|\.\.\.)$/.test(b.line(i).trim())) {
      end = i;
      break;
    }
  }
  if (!end) return {};
  const fm: FrontMatter = {};
  for (let i = 1; i <= end; i++) {
    const m = /^([A-Za-z_][\w-]*)\s*:\s*(.*)$/.exec(b.line(i));
    if (m) {
      const key = (m[1] as string).toLowerCase();
      const value = (m[2] as string).trim().replace(/^(["'])(.*)\1$/, '$2');
      if ((FRONT_MATTER_KEYS as readonly string[]).includes(key) && value) fm[key as keyof FrontMatter] = value;
    }
    if (b.line(i).trim() === '') b.drop(i, 'blank');
    else b.markMeta(i, 'front-matter');
  }
  return fm;
}

/**
 * Take Markdown markup off one line and keep its words: heading marks, emphasis, links and images,
 * inline HTML, list bullets, block quotes and code ticks.
 */
export function stripMarkdown(line: string): string {
  let s = line;
  s = s.replace(/<!--.*?-->/g, ' ');
  s = s.replace(/<[^>]+>/g, ' ');
  s = s.replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1');
  s = s.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');
  s = s.replace(/\[([^\]]*)\]\[[^\]]*\]/g, '$1');
  s = s.replace(/^\s{0,3}#{1,6}\s+/, '').replace(/\s+#+\s*$/, '');
  s = s.replace(/^\s{0,3}>\s?/, '');
  s = s.replace(/^\s*(?:[-*+]|\d+[.)])\s+(?=\S)/, (m) => (/\d/.test(m) ? m : ''));
  s = s.replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, '$2');
  s = s.replace(/(\*|_)(?=\S)(.+?)(?<=\S)\1/g, '$2');
  s = s.replace(/`+([^`]*)`+/g, '$1');
  s = s.replace(/&nbsp;/g, ' ').replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;|&rsquo;/g, '’');
  return s.replace(/\s+/g, ' ').trim();
}

/** Whether a line is only markup: a rule, a table rule, an image, an HTML tag. */
export function isMarkupOnly(line: string): boolean {
  const t = line.trim();
  if (t === '') return false;
  if (/^(?:[-*_]\s*){3,}$/.test(t) || (/^\|?[\s:|-]+\|?$/.test(t) && t.includes('-'))) return true;
  return stripMarkdown(t) === '';
}
