/**
 * "Download analysis" (issue 26): the files a reader takes away are named after the model and
 * hold exactly what the analysis export writes: the JSON is analysisJson of the same report, the
 * CSV .zip the four tables of analysisTables as toCsv writes them.
 */
import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { analysisDownload, analysisStem } from '../../../../src/article/figures/analysis-download';
import { analyseImportedModel, analysisJson, analysisTables, parseAnalysisJson, toCsv } from '../../../../src/model/analysis/export';
import { readModelFiles } from '../../../../src/model/import';

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
