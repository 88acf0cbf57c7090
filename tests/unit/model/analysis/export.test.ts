/**
 * Analyses to take away (docs/analysis-export.md): the report holds the page's own numbers, and
 * its JSON and CSV read back into the same values.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { yourInstanceView } from '../../../../src/article/sections/your-model/view';
import {
  type AnalysisReport,
  analyseImportedModel,
  analysisJson,
  analysisObject,
  analysisTables,
  parseAnalysisJson,
  parseCsv,
  parseTable,
  toCsv,
} from '../../../../src/model/analysis/export';
import { readModelFiles } from '../../../../src/model/import';

function reportOf(path: string): AnalysisReport {
  const outcome = readModelFiles([{ name: path.split('/').at(-1)!, bytes: new Uint8Array(readFileSync(path)) }]);
  if (!outcome.ok) throw new Error(outcome.error);
  return analyseImportedModel(outcome.model, 'motif.json');
}

describe('the analysis report of a shipped model (motif.json)', () => {
  const report = reportOf('public/weights/motif.json');
  const outcome = readModelFiles([{ name: 'motif.json', bytes: new Uint8Array(readFileSync('public/weights/motif.json')) }]);
  if (!outcome.ok) throw new Error(outcome.error);
  const model = outcome.model;

  it('has the counts, motifs and eval loss the page shows for it (yourInstanceView)', () => {
    const view = yourInstanceView(model.instances[0]!, 0, { densities: model.densities, importanceDecay: model.importanceDecay! }, null);
    const [instance] = report.instances;
    expect(instance!.analysis.counts).toEqual(view.counts);
    expect(instance!.analysis.motifs).toEqual(view.motifs);
    expect(instance!.loss).toEqual(view.loss);
    expect(instance!.references).toEqual(view.references);
    expect(instance!.analysis.counts.motifs).toBe(2);
  });

  it('JSON: reads back into the same object, and a reader refuses another format', () => {
    const text = analysisJson(report);
    expect(parseAnalysisJson(text)).toEqual(analysisObject(report));
    expect(() => parseAnalysisJson('{"format": "other", "version": 1, "instances": []}')).toThrow(/format is not/);
    const features = parseAnalysisJson(text).instances[0]!.features;
    expect(features.filter((f) => f.computed).length).toBe(report.instances[0]!.analysis.counts.representedFeatures);
  });

  it('CSV: each table reads back into the same cells, numbers exactly', () => {
    for (const table of analysisTables(report)) {
      expect(parseTable(toCsv(table), table.columns), table.name).toEqual(table.rows);
    }
  });

  it('CSV tables agree with the counts: one row per neuron, per feature and per motif, kinds and computed features tallied', () => {
    const [summary, neurons, features, motifs] = analysisTables(report);
    const counts = report.instances[0]!.analysis.counts;
    const column = (t: typeof summary, name: string) => t!.rows.map((r) => r[t!.columns.findIndex((c) => c.name === name)]);
    expect(neurons!.rows).toHaveLength(model.m);
    expect(features!.rows).toHaveLength(model.n);
    expect(motifs!.rows).toHaveLength(counts.motifs);
    expect(column(neurons, 'kind').filter((k) => k === 'monosemantic')).toHaveLength(counts.monosemantic);
    expect(column(features, 'computed').filter(Boolean)).toHaveLength(counts.representedFeatures);
    expect(column(summary, 'features_computed')).toEqual([counts.representedFeatures]);
    expect(column(summary, 'eval_loss')).toEqual([report.instances[0]!.loss!.loss]);
    expect([...column(neurons, 'plot_position')].sort((a, b) => Number(a) - Number(b))).toEqual([...Array(model.m).keys()]);
  });
});

describe('CSV as RFC 4180 writes it', () => {
  const columns = [
    { name: 'name', type: 'text' },
    { name: 'value', type: 'number' },
    { name: 'flag', type: 'boolean' },
  ] as const;

  it('quotes fields with a comma, a quote, a line break or edge spaces; CRLF after every record; null as empty', () => {
    const rows = [
      ['a,b', 1.5, true],
      ['say "hi"', null, false],
      ['two\nlines', -0.1, null],
      [' padded', 1e-300, true],
    ];
    const text = toCsv({ columns, rows });
    expect(text).toBe('name,value,flag\r\n"a,b",1.5,true\r\n"say ""hi""",,false\r\n"two\nlines",-0.1,\r\n" padded",1e-300,true\r\n');
    expect(parseTable(text, columns)).toEqual(rows);
  });

  it('parses LF line ends and a missing last line end; refuses a broken quote', () => {
    expect(parseCsv('a,b\n1,"x"')).toEqual([
      ['a', 'b'],
      ['1', 'x'],
    ]);
    expect(() => parseCsv('a,"b')).toThrow(/unterminated/);
    expect(() => parseCsv('a,b"c"')).toThrow(/quote inside an unquoted field/);
    expect(() => parseTable('x,y\r\n', columns)).toThrow(/header/);
  });
});
