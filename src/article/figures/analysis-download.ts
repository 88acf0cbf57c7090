/**
 * "Download analysis": a model's analysis report (src/model/analysis/export) as the files a reader
 * takes away, named after the model. JSON is analysisJson of the report; CSV is one .zip holding
 * the four tables (summary, neurons, features, motifs), one CSV file each, so one click gives one
 * file however many tables there are. Pure (no DOM): the import worker and the tests call it.
 */
import { strToU8, zipSync } from 'fflate';
import type { ModelAnalysis } from '../../model/analysis';
import { type AnalysisReport, analyseInstance, analysisJson, analysisTables, toCsv } from '../../model/analysis/export';
import { importances, type ModelConfig } from '../../model/config';
import { referenceLosses } from '../../model/evaluation';
import type { WeightsFile } from '../../model/weights-file';

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

/**
 * What a figure's "Download analysis" analyses: a shipped weights file (every instance analysed
 * and evaluated as a loaded file would be), or the frame of a run trained here (the analyses the
 * figure drew; the loss there is the training loss reported at that step, no eval loss).
 */
export type AnalysisSource =
  | { readonly kind: 'file'; readonly name: string; readonly file: WeightsFile }
  | {
      readonly kind: 'frame';
      readonly name: string;
      readonly config: ModelConfig;
      readonly step: number;
      readonly instances: readonly { readonly density: number; readonly analysis: ModelAnalysis; readonly loss: number }[];
    };

/** The report of `source` (see AnalysisSource), as analyseImportedModel would give for the same weights. */
export function sourceReport(source: AnalysisSource): AnalysisReport {
  if (source.kind === 'file') {
    const { config, instances } = source.file;
    return {
      source: {
        file: `${source.name}.json`,
        n: config.n,
        m: config.m,
        importanceDecay: config.importanceDecay,
        reading: [`The shipped weights file ${source.name}.json (seed ${config.seed}, ${config.steps} steps).`],
      },
      instances: instances.map((weights, k) =>
        analyseInstance(weights, k, { density: weights.density, importanceDecay: config.importanceDecay, recordedLoss: weights.loss }),
      ),
    };
  }
  const { config } = source;
  const importance = importances(config);
  return {
    source: {
      file: source.name,
      n: config.n,
      m: config.m,
      importanceDecay: config.importanceDecay,
      reading: [
        `Weights trained in this browser (seed ${config.seed}), at step ${source.step} of ${config.steps}; recorded_loss is the training loss reported at that step, and no eval loss was computed.`,
      ],
    },
    instances: source.instances.map((instance, k) => ({
      index: k,
      density: instance.density,
      analysis: instance.analysis,
      loss: null,
      references: referenceLosses(instance.density, importance, config.m),
      recordedLoss: Number.isFinite(instance.loss) ? instance.loss : null,
    })),
  };
}
