/**
 * The analysis report as four flat tables, one CSV file each (docs/analysis-export.md defines
 * every column): `summary` (one row per instance), `neurons` (per instance and neuron),
 * `features` (per instance and feature) and `motifs` (per motif instance found). Lists inside a
 * cell (secondary features, carriers, inhibitors) are `feature:value` pairs joined by `;`.
 */
import type { Carrier } from '../pairs';
import type { AnalysisReport } from './report';

/** A cell: numbers as float64 (written in full, so they read back exactly), null where there is no value. */
export type Cell = number | string | boolean | null;

export type ColumnType = 'integer' | 'number' | 'text' | 'boolean';

export interface Column {
  readonly name: string;
  readonly type: ColumnType;
}

export interface Table {
  readonly name: 'summary' | 'neurons' | 'features' | 'motifs';
  readonly columns: readonly Column[];
  /** One array of cells per row, in column order. */
  readonly rows: readonly (readonly Cell[])[];
}

const columns = (spec: Record<string, ColumnType>): Column[] => Object.entries(spec).map(([name, type]) => ({ name, type }));

export const SUMMARY_COLUMNS = columns({
  instance: 'integer',
  density: 'number',
  neurons: 'integer',
  monosemantic: 'integer',
  polysemantic: 'integer',
  dead: 'integer',
  low_participation: 'integer',
  features_computed: 'integer',
  features_one_side: 'integer',
  dead_outputs: 'integer',
  mean_polysemanticity: 'number',
  motifs: 'integer',
  eval_loss: 'number',
  eval_loss_standard_error: 'number',
  eval_examples: 'integer',
  zero_model_loss: 'number',
  clean_solution_loss: 'number',
  recorded_loss: 'number',
});

export const NEURON_COLUMNS = columns({
  instance: 'integer',
  neuron: 'integer',
  plot_position: 'integer',
  kind: 'text',
  primary_feature: 'integer',
  primary_weight: 'number',
  secondary_features: 'text',
  second_ratio: 'number',
  participation_ratio: 'number',
  polysemanticity: 'number',
  scale: 'number',
});

export const FEATURE_COLUMNS = columns({
  instance: 'integer',
  feature: 'integer',
  represented: 'text',
  computed: 'boolean',
  response_positive: 'number',
  response_negative: 'number',
  gain_positive: 'number',
  gain_negative: 'number',
  dead_output: 'boolean',
  superposition: 'number',
  norm: 'number',
  carriers_positive: 'text',
  carriers_negative: 'text',
});

export const MOTIF_COLUMNS = columns({
  instance: 'integer',
  motif: 'integer',
  asymmetric_neuron: 'integer',
  inhibition_neuron: 'integer',
  feature_a: 'integer',
  feature_b: 'integer',
  sign_a: 'integer',
  sign_b: 'integer',
  input_ratio: 'number',
  output_ratio: 'number',
  interference: 'number',
  cancellation: 'number',
  total_cancellation: 'number',
  inhibitors: 'text',
});

/** "neuron:gain;neuron:gain" of a side's carriers, largest gain first. */
const carrierList = (carriers: readonly Carrier[]): string => carriers.map((c) => `${c.neuron}:${c.gain}`).join(';');

/** The four tables of a report, in the order summary, neurons, features, motifs. */
export function analysisTables(report: AnalysisReport): Table[] {
  const summary: Cell[][] = [];
  const neurons: Cell[][] = [];
  const features: Cell[][] = [];
  const motifs: Cell[][] = [];
  for (const { index, density, analysis, loss, references, recordedLoss } of report.instances) {
    const c = analysis.counts;
    summary.push([
      index,
      density,
      c.neurons,
      c.monosemantic,
      c.polysemantic,
      c.dead,
      c.lowParticipation,
      c.representedFeatures,
      c.halfRepresentedFeatures,
      c.deadOutputs,
      c.meanPolysemanticity,
      c.motifs,
      loss?.loss ?? null,
      loss?.standardError ?? null,
      loss?.examples ?? null,
      references?.zeroModel ?? null,
      references?.clean ?? null,
      recordedLoss,
    ]);
    const position = new Map(analysis.order.map((neuron, k) => [neuron, k]));
    for (const s of analysis.neurons) {
      neurons.push([
        index,
        s.neuron,
        position.get(s.neuron) ?? null,
        s.kind,
        s.primary.feature < 0 ? null : s.primary.feature,
        s.primary.weight,
        s.secondary.map((w) => `${w.feature}:${w.weight}`).join(';'),
        s.secondRatio,
        s.participationRatio,
        s.polysemanticity,
        s.scale,
      ]);
    }
    const pairs = new Map(analysis.pairs.map((p) => [p.feature, p]));
    for (const f of analysis.features) {
      const pair = pairs.get(f.feature);
      features.push([
        index,
        f.feature,
        f.representation,
        f.representation === 'both',
        f.responsePositive,
        f.responseNegative,
        f.gainPositive,
        f.gainNegative,
        f.deadOutput,
        f.superposition,
        f.norm,
        pair ? carrierList(pair.positive) : '',
        pair ? carrierList(pair.negative) : '',
      ]);
    }
    analysis.motifs.forEach((motif, k) => {
      motifs.push([
        index,
        k,
        motif.asymmetricNeuron,
        motif.inhibitionNeuron,
        motif.featureA,
        motif.featureB,
        motif.signA,
        motif.signB,
        motif.inputRatio,
        motif.outputRatio,
        motif.interference,
        motif.cancellation,
        motif.totalCancellation,
        motif.inhibitors.map((i) => `${i.neuron}:${i.cancellation}`).join(';'),
      ]);
    });
  }
  return [
    { name: 'summary', columns: SUMMARY_COLUMNS, rows: summary },
    { name: 'neurons', columns: NEURON_COLUMNS, rows: neurons },
    { name: 'features', columns: FEATURE_COLUMNS, rows: features },
    { name: 'motifs', columns: MOTIF_COLUMNS, rows: motifs },
  ];
}
