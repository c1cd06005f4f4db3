/** `speeches themes --lexicon`: dictionary themes, in a module of its own so plain `themes` does not load it. */

import type { Counted } from '../../analyze/jobs.js';
import type { TextUnit } from '../../analyze/keyphrases.js';
import { evidence, lexiconByGroup, matchUnits } from '../../analyze/lexicon.js';
import { envelope, toJson, toNdjson } from '../../report/json.js';
import { lexiconGroupsJson, lexiconResultJson, renderLexiconMatrix, renderLexiconTable, themeJson as lexiconThemeJson } from '../../report/lexicon.js';
import { Run } from '../context.js';
import { countArgs } from '../terms-options.js';
import { lexiconMatcher } from './lexicon.js';
import { JOBS, paragraphLabels, type ThemesOptions } from './themes.js';

/** `themes --lexicon`: how much of each named theme (a UN taxonomy, the SDGs, or the user's) the inputs hold. */
export async function runLexicon(inputs: string[], opts: ThemesOptions): Promise<void> {
  const r = new Run(opts);
  const args = countArgs(opts);
  const matcher = lexiconMatcher(opts.lexicon as string, args.terms);
  const { values } = await r.loadWith<Counted<TextUnit[]>>(inputs, { module: JOBS, fn: 'docStreams', args, local: true }, { byColumn: true });
  const units = values.flatMap((v) => v.value);
  const label = paragraphLabels(new Set(units.map((u) => u.document)).size);
  if (opts.by) {
    const groups = lexiconByGroup(matcher, units);
    for (const g of groups.groups) for (const w of g.result.warnings) r.note(w);
    const ev = opts.explain ? new Map(groups.groups.map((g) => [g.group, evidence(matcher, units.filter((u) => u.group === g.group))])) : undefined;
    if (opts.ndjson) return r.out(toNdjson(groups.groups.flatMap((g) => g.result.themes.map((t) => ({ group: g.group, ...lexiconThemeJson(t) })))));
    if (opts.json) return r.out(toJson(envelope('themes/lexicon', { lexicon: opts.lexicon, by: opts.by }, { units: units.length }, lexiconGroupsJson(groups, ev), [])));
    return r.out(renderLexiconMatrix(groups, r.style, { by: opts.by }));
  }
  const result = matchUnits(matcher, units);
  for (const w of result.warnings) r.note(w);
  const ev = opts.explain ? evidence(matcher, units) : undefined;
  if (opts.ndjson) return r.out(toNdjson(result.themes.map(lexiconThemeJson)));
  if (opts.json) return r.out(toJson(envelope('themes/lexicon', { lexicon: opts.lexicon }, { units: units.length, tokens: result.tokens }, lexiconResultJson(result, ev), [])));
  r.out(renderLexiconTable(result, r.style, { label, ...(ev ? { evidence: ev } : {}) }));
}
