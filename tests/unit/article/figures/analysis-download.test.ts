/**
 * "Download analysis" (issue 26): the files a reader takes away are named after the model and
 * hold exactly what the analysis export writes: the JSON is analysisJson of the same report, the
 * CSV .zip the four tables of analysisTables as toCsv writes them.
 */
import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { analysisDownload, analysisStem, sourceReport } from '../../../../src/article/figures/analysis-download';
import { analyseImportedModel, analysisJson, analysisTables, parseAnalysisJson, toCsv } from '../../../../src/model/analysis/export';
import { readModelFiles } from '../../../../src/model/import';
import { parseWeightsFile } from '../../../../src/model/weights-file';

const outcome = readModelFiles([{ name: 'motif.json', bytes: new Uint8Array(readFileSync('public/weights/motif.json')) }]);
if (!outcome.ok) throw new Error(outcome.error);
const report = analyseImportedModel(outcome.model, 'motif.json');

describe('analysisStem', () => {
  it.each([
    ['sweep-converged-seed0.npz (shipped)', 'sweep-converged-seed0'],
    ['my model.safetensors', 'my-model'],
    ['W1.npy, W2.npy, b.npy', 'W1'],
    ['../../<b>evil</b>.json', '..-..-b-evil-b'],
    ['', 'model'],
  ])('%j → %j', (name, stem) => expect(analysisStem(name)).toBe(stem));
});

describe('analysisDownload', () => {
  it('JSON: <stem>-analysis.json holding analysisJson of the same report', () => {
    const file = analysisDownload(report, 'motif.json', 'json');
    expect(file.name).toBe('motif-analysis.json');
    expect(file.mimeType).toBe('application/json');
    const text = new TextDecoder().decode(file.bytes);
    expect(text).toBe(analysisJson(report));
    expect(parseAnalysisJson(text).instances).toHaveLength(report.instances.length);
  });

  it('CSV: one .zip of the four tables, each exactly toCsv of analysisTables', () => {
    const file = analysisDownload(report, 'motif.json', 'csv');
    expect(file.name).toBe('motif-analysis-csv.zip');
    const entries = unzipSync(file.bytes);
    const tables = analysisTables(report);
    expect(Object.keys(entries).sort()).toEqual(tables.map((t) => `motif-analysis-${t.name}.csv`).sort());
    for (const table of tables) expect(strFromU8(entries[`motif-analysis-${table.name}.csv`]!)).toBe(toCsv(table));
  });
});

describe('sourceReport', () => {
  it('a shipped file: the same analysis and eval loss as the file loaded through the import', () => {
    const file = parseWeightsFile(JSON.parse(readFileSync('public/weights/motif.json', 'utf8')));
    const shipped = sourceReport({ kind: 'file', name: 'motif', file });
    expect(shipped.source.file).toBe('motif.json');
    expect(shipped.instances).toHaveLength(report.instances.length);
    shipped.instances.forEach((instance, k) => {
      const loaded = report.instances[k]!;
      expect(instance.density).toBe(loaded.density);
      expect(instance.analysis.counts).toEqual(loaded.analysis.counts);
      expect(instance.loss?.loss).toBeCloseTo(loaded.loss!.loss, 10);
    });
  });

  it('a frame trained here: the analyses drawn, the training loss recorded, no eval loss', () => {
    const file = parseWeightsFile(JSON.parse(readFileSync('public/weights/motif.json', 'utf8')));
    const instances = report.instances.map((r) => ({ density: r.density!, analysis: r.analysis, loss: 0.01 }));
    const frame = sourceReport({ kind: 'frame', name: 'sweep-trained-here', config: file.config, step: 600, instances });
    expect(frame.source.reading[0]).toMatch(/at step 600 of/);
    expect(frame.instances.map((i) => [i.loss, i.recordedLoss])).toEqual(instances.map(() => [null, 0.01]));
    expect(analysisTables(frame).find((t) => t.name === 'summary')!.rows).toHaveLength(instances.length);
  });
});
