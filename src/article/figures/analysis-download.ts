/**
 * "Download analysis": a model's analysis report (src/model/analysis/export) as the files a reader
 * takes away, named after the model. JSON is analysisJson of the report; CSV is one .zip holding
 * the four tables (summary, neurons, features, motifs), one CSV file each, so one click gives one
 * file however many tables there are. Pure (no DOM): the import worker and the tests call it.
 */
import { strToU8, zipSync } from 'fflate';
import { type AnalysisReport, analysisJson, analysisTables, toCsv } from '../../model/analysis/export';

/** A file to save: its name and its bytes. */
export interface DownloadFile {
  readonly name: string;
  readonly mimeType: string;
  readonly bytes: Uint8Array<ArrayBuffer>;
}

export type AnalysisFormat = 'json' | 'csv';

/**
 * "sweep-converged-seed0.npz (shipped)" → "sweep-converged-seed0": a file stem safe on every
 * system (letters, digits, `.`, `_` and `-`; the extension of a model file dropped).
 */
export function analysisStem(modelName: string): string {
  const base = modelName
    .split(',')[0]!
    .trim()
    .replace(/\s*\(.*\)\s*$/, '');
  const stem = base
    .replace(/\.(npz|npy|json|safetensors)$/i, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return stem === '' ? 'model' : stem;
}

/** The four CSV tables as `<stem>-analysis-<table>.csv` files (what the .zip holds). */
export function analysisCsvFiles(report: AnalysisReport, stem: string): { readonly name: string; readonly text: string }[] {
  return analysisTables(report).map((table) => ({ name: `${stem}-analysis-${table.name}.csv`, text: toCsv(table) }));
}

/**
 * The analysis of the model `modelName` as one file: `<stem>-analysis.json` (analysisJson) or
 * `<stem>-analysis-csv.zip` (the four tables of analysisCsvFiles, stored uncompressed-or-deflated
 * by fflate, readable by any unzip).
 */
export function analysisDownload(report: AnalysisReport, modelName: string, format: AnalysisFormat): DownloadFile {
  const stem = analysisStem(modelName);
  if (format === 'json') {
    return { name: `${stem}-analysis.json`, mimeType: 'application/json', bytes: strToU8(analysisJson(report)) as Uint8Array<ArrayBuffer> };
  }
  const entries = Object.fromEntries(analysisCsvFiles(report, stem).map((f) => [f.name, strToU8(f.text)]));
  return {
    name: `${stem}-analysis-csv.zip`,
    mimeType: 'application/zip',
    bytes: zipSync(entries, { level: 6 }) as Uint8Array<ArrayBuffer>,
  };
}
