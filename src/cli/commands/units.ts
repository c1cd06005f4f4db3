/** `speeches units`: the documents split into meeting › speaker turn › paragraph units, with provenance. */

import type { Command } from 'commander';
import { listUnits, turnCount, type DocumentSummary, type UnitRow } from '../../analyze/units.js';
import type { SpeechDocument } from '../../model/types.js';
import { envelope, toJson, toNdjson } from '../../report/json.js';
import { renderTable } from '../../report/table.js';
import { speakerLabel, unitJson, documentJson, corpusSummary } from '../../report/units.js';
import { Run, type CommonOptions } from '../context.js';
import { addOptions, INPUT_OPTIONS } from '../options.js';

interface UnitsOptions extends CommonOptions {
  dropped?: boolean;
  summary?: boolean;
}

/** Register the command. */
export function unitsCommand(program: Command): void {
  const cmd = program
    .command('units')
    .summary('split documents into speaker turns and paragraphs, with their source lines')
    .description('Split UN documents into units (meeting › speaker turn › paragraph), each with its speaker and source lines.')
    .argument('[inputs...]', 'files, directories, quoted globs, or - for stdin (default: the bundled seeds)')
    .addHelpText(
      'before',
      `Examples:
  speeches units seeds/000_09c7f05abb924c58.txt
  speeches units seeds --json | jq '.results.units[] | {speaker: .speaker.name, text}'
  speeches units seeds/003_0eda7931006bc30a.txt --dropped
`,
    );
  addOptions(cmd, ['json', 'ndjson', 'dropped', 'summary', ...INPUT_OPTIONS]);
  cmd.action(async (inputs: string[], opts: UnitsOptions) => {
    const run = new Run(opts);
    if (opts.summary) {
      const { values } = await run.loadWith<DocumentSummary>(inputs, {
        module: 'analyze/units',
        fn: 'summarizeDocument',
      });
      run.out(renderSummary(run, values, opts));
      return;
    }
    const corpus = await run.load(inputs);
    const rows = listUnits(corpus.documents, { allUnits: Boolean(opts.allUnits) });
    run.out(render(run, corpus.documents, rows, opts));
  });
}

function render(run: Run, documents: readonly SpeechDocument[], rows: readonly UnitRow[], opts: UnitsOptions): string {
  if (opts.ndjson) {
    if (opts.dropped) return toNdjson(documents.flatMap((d) => d.dropped.map((x) => ({ document: d.id, file: d.file, ...x }))));
    return toNdjson(rows.map(unitJson));
  }
  if (opts.json) {
    const results: Record<string, unknown> = { documents: documents.map(documentJson), units: rows.map(unitJson) };
    if (opts.dropped) results.dropped = documents.flatMap((d) => d.dropped.map((x) => ({ document: d.id, file: d.file, ...x })));
    return toJson(envelope('units', { allUnits: Boolean(opts.allUnits), kind: opts.kind ?? 'auto' }, corpusSummary(documents, rows), results, documents.flatMap((d) => d.warnings)));
  }
  const { chalk } = run.style;
  if (opts.dropped) {
    const shown = documents.flatMap((d) => d.dropped.filter((x) => x.reason !== 'blank').map((x) => [d.file, String(x.line), x.reason, JSON.stringify(x.text)]));
    const blanks = documents.reduce((a, d) => a + d.dropped.filter((x) => x.reason === 'blank').length, 0);
    const table = renderTable(
      [{ header: 'file', shrink: true, min: 12 }, { header: 'line', align: 'right' }, { header: 'reason' }, { header: 'text', shrink: true, weight: 2 }],
      shown,
      run.style,
    );
    return `${table}\n${chalk.dim(`${plural(shown.length, 'dropped line')} listed; ${plural(blanks, 'blank line')} not listed`)}`;
  }
  const table = renderTable(
    [
      { header: 'doc', shrink: true, min: 14 },
      { header: 'meeting', shrink: true, min: 12 },
      { header: 'speaker', shrink: true, min: 22, weight: 2 },
      { header: 'turn', align: 'right' },
      { header: '¶', align: 'right' },
      { header: 'words', align: 'right' },
      { header: 'text', shrink: true, min: 20, weight: 4 },
    ],
    rows.map((r) => [
      shortName(r.document.file),
      r.document.meeting.symbol ?? r.document.meeting.title ?? '',
      speakerLabel(r.unit.speaker),
      String(r.unit.turn),
      String(r.unit.paragraph),
      String(r.words),
      (r.unit.kind === 'content' ? '' : chalk.dim(`[${r.unit.kind}] `)) + r.unit.text,
    ]),
    run.style,
  );
  const turns = documents.reduce((a, d) => a + turnCount(d), 0);
  return `${table}\n${chalk.dim(`${plural(rows.length, 'unit')}, ${plural(turns, 'turn')}, ${plural(documents.length, 'document')}`)}`;
}

function renderSummary(run: Run, docs: readonly DocumentSummary[], opts: UnitsOptions): string {
  if (opts.ndjson) return toNdjson(docs);
  const totals = {
    documents: docs.length,
    units: docs.reduce((a, d) => a + (d.units.content ?? 0), 0),
    words: docs.reduce((a, d) => a + d.words, 0),
  };
  if (opts.json) return toJson(envelope('units', { summary: true, kind: opts.kind ?? 'auto' }, totals, { documents: docs }, []));
  const table = renderTable(
    [
      { header: 'doc', shrink: true, min: 14 },
      { header: 'kind' },
      { header: 'meeting', shrink: true, min: 12, weight: 2 },
      { header: 'speaker', shrink: true, min: 16, weight: 2 },
      { header: 'date' },
      { header: 'turns', align: 'right' },
      { header: '¶', align: 'right' },
      { header: 'words', align: 'right' },
      { header: 'dropped', align: 'right' },
    ],
    docs.map((d) => [
      shortName(d.file),
      d.kind,
      d.meeting.symbol ?? d.meeting.title ?? '',
      d.speaker ? speakerLabel(d.speaker) : '',
      d.meeting.date ?? '',
      String(d.turns),
      String(d.units.content ?? 0),
      String(d.words),
      String(d.dropped),
    ]),
    run.style,
  );
  return `${table}\n${run.style.chalk.dim(`${plural(totals.documents, 'document')}, ${plural(totals.units, 'content unit')}, ${plural(totals.words, 'word')}`)}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function shortName(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}
