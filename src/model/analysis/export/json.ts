/**
 * The analysis report as one JSON document (docs/analysis-export.md): the source, then per
 * instance the counts, the eval loss, and the neurons, features (with their carriers) and motif
 * instances with every field the analysis computes. The weights themselves are not repeated.
 */
import type { FeatureAnalysis } from '../features';
import type { ModelCounts } from '../model-analysis';
import type { MotifInstance } from '../motif';
import type { NeuronAnalysis } from '../neurons';
import type { Carrier } from '../pairs';
import type { AnalysisReport, ReportSource } from './report';

/** The `format` field of every analysis JSON, and its version: a reader checks both. */
export const ANALYSIS_FORMAT = 'superposition-explorable/analysis';
export const ANALYSIS_VERSION = 1;

export interface AnalysisJson {
  readonly format: typeof ANALYSIS_FORMAT;
  readonly version: typeof ANALYSIS_VERSION;
  readonly source: ReportSource;
  readonly instances: readonly {
    readonly index: number;
    readonly density: number | null;
    readonly counts: ModelCounts;
    /** The eval loss estimate; null without a density. */
    readonly loss: { readonly loss: number; readonly standardError: number; readonly examples: number } | null;
    readonly references: { readonly zeroModel: number; readonly clean: number } | null;
    readonly recordedLoss: number | null;
    /** Neuron indices in the stack plot's left-to-right order. */
    readonly plotOrder: readonly number[];
    readonly neurons: readonly NeuronAnalysis[];
    readonly features: readonly (FeatureAnalysis & {
      readonly computed: boolean;
      readonly carriers: { readonly positive: readonly Carrier[]; readonly negative: readonly Carrier[] };
    })[];
    readonly motifs: readonly MotifInstance[];
  }[];
}

/** The report as an AnalysisJson object (plain data, JSON-safe where every number is finite). */
export function analysisObject(report: AnalysisReport): AnalysisJson {
  return {
    format: ANALYSIS_FORMAT,
    version: ANALYSIS_VERSION,
    source: report.source,
    instances: report.instances.map(({ index, density, analysis, loss, references, recordedLoss }) => {
      const pairs = new Map(analysis.pairs.map((p) => [p.feature, p]));
      return {
        index,
        density,
        counts: analysis.counts,
        loss: loss && { loss: loss.loss, standardError: loss.standardError, examples: loss.examples },
        references,
        recordedLoss,
        plotOrder: analysis.order,
        neurons: analysis.neurons,
        features: analysis.features.map((f) => ({
          ...f,
          computed: f.representation === 'both',
          carriers: { positive: pairs.get(f.feature)?.positive ?? [], negative: pairs.get(f.feature)?.negative ?? [] },
        })),
        motifs: analysis.motifs,
      };
    }),
  };
}

/** The report's JSON text, indented by two spaces. */
export const analysisJson = (report: AnalysisReport): string => `${JSON.stringify(analysisObject(report), null, 2)}\n`;

/** Reads an analysis JSON back; throws an Error when it is not one (wrong format or version, no instances). */
export function parseAnalysisJson(text: string): AnalysisJson {
  const value: unknown = JSON.parse(text);
  if (typeof value !== 'object' || value === null) throw new Error('analysis JSON: not an object');
  const { format, version, instances } = value as Partial<AnalysisJson>;
  if (format !== ANALYSIS_FORMAT) throw new Error(`analysis JSON: format is not ${ANALYSIS_FORMAT}`);
  if (version !== ANALYSIS_VERSION) throw new Error(`analysis JSON: version ${String(version)}, this reader knows ${ANALYSIS_VERSION}`);
  if (!Array.isArray(instances)) throw new Error('analysis JSON: no instances');
  return value as AnalysisJson;
}
