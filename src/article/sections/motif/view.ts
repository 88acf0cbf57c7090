/**
 * What the motif section draws: the motif model retraining here once it has weights, else the
 * shipped one, with one close-up per motif instance.
 */
import type { ModelAnalysis } from '../../../model/analysis';
import type { ModelConfig } from '../../../model/config';
import { formatCount } from '../../../viz/core/format';
import type { MotifCloseupData, StackPlotData } from '../../../viz/core/types';
import type { ExportSource } from '../../figures/figure-exports';
import { closeupsOf, motifPlotOf } from '../../figures/view-parts';
import type { ShippedFile } from '../../shipped/shipped-models';
import { runFrame } from '../../training/run-frame';
import type { TrainingStatus } from '../../training/training-controller';

export interface MotifView {
  readonly config: ModelConfig;
  readonly analysis: ModelAnalysis;
  readonly plot: StackPlotData;
  readonly closeups: readonly MotifCloseupData[];
  /** Which weights are drawn, as a phrase. */
  readonly source: string;
  /** Which weights are drawn, for the downloads' names and headings. */
  readonly exportSource: ExportSource;
}

/** The motif figure: the motif model retraining here once it has weights, else the shipped one. */
export function motifView(status: TrainingStatus, motif: ShippedFile | null): MotifView | null {
  if (!motif) return null;
  const retrained = status.target === 'motif' ? status.snapshot : null;
  const frame = retrained && status.target === 'motif' ? runFrame(status, null) : null;
  const analysis = frame?.instances[0]?.analysis ?? motif.models[0]?.analysis;
  if (!analysis) return null;
  return {
    config: motif.file.config,
    analysis,
    plot: frame?.instances[0]?.plot ?? motifPlotOf(analysis),
    closeups: closeupsOf(analysis),
    source: retrained ? `retrained in your browser (step ${formatCount(retrained.step)})` : 'as shipped',
    exportSource: retrained
      ? { kind: 'trained here', config: motif.file.config, step: retrained.step }
      : { kind: 'shipped', config: motif.file.config, step: motif.file.config.steps },
  };
}
