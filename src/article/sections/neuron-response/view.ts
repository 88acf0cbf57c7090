/**
 * The neuron-response section's view (pure): the figure's data for one neuron of a measured model,
 * and the claim's sentences and table rows from activation-statistics.json (claim.ts). Every
 * number is read off the statistics or the file; nothing here is typed in.
 */
import type { ActivationStatistics } from '../../../model/analysis/activation-statistics';
import { formatCount, formatDensity, formatNumber } from '../../../viz/core/format';
import type { NeuronResponseData } from '../../../viz/neuron-response/response-layout';
import { SHIPPED_CONVERGED_SEEDS } from '../../../model/weights-file';
import {
  DEFAULT_NEURON_MODEL,
  NEURON_MODEL_LEVELS,
  type NeuronModel,
  type NeuronSource,
  offeredNeuronModel,
} from '../../state/neuron-model-field';
import { CLAIM_LEVELS, type ClaimFile, type ClaimRecord, type ClaimShares } from './claim';

/** The model the section opens on: 1 − S = 0.01, seed 0 of the converged sweep (state/neuron-model-field.ts). */
export const DEFAULT_LEVEL = DEFAULT_NEURON_MODEL.density;
export const DEFAULT_SEED = DEFAULT_NEURON_MODEL.seed;

/** A clicked figure's model in words: "the live model", "the converged model at 1 − S = 0.1, seed 2". */
export function sourceName(source: NeuronSource): string {
  const at = source.density === undefined ? '' : ` at 1 − S = ${formatDensity(source.density)}`;
  const seed = source.seed === undefined ? '' : `, seed ${source.seed}`;
  switch (source.budget) {
    case 'converged':
      return `the converged model${at}${seed}`;
    case 'replication':
      return `the replication-budget model${at}${seed}`;
    case 'motif':
      return 'the motif model';
    case 'live':
      return 'the live model trained on this page';
    case 'grid':
      return `a model of the density grid${at}${seed}`;
    case 'retrained':
      return `the sweep retrained on this page${at}`;
    case 'local':
      return 'the model you loaded';
    default:
      return `a model this section does not know (“${source.budget.slice(0, 24)}”)`;
  }
}

/**
 * Why the section shows another model than the one a neuron was clicked in, or null when it
 * shows that model (or no neuron was clicked). `shown`: the section's model.
 */
export function sourceNote(source: NeuronSource | undefined, neuron: number, shown: NeuronModel): string | null {
  if (!source || offeredNeuronModel(source)) return null;
  const levels = NEURON_MODEL_LEVELS.map(formatDensity).join(', ');
  return `Neuron ${neuron} was chosen in ${sourceName(source)}. This section measures only the shipped converged models at 1 − S = ${levels} (seeds ${SHIPPED_CONVERGED_SEEDS.join(', ')}), so it shows neuron ${neuron} of the converged model at 1 − S = ${formatDensity(shown.density)}, seed ${shown.seed}: a different model, whose neuron ${neuron} is another neuron.`;
}

/** The neuron shown: the link's, clamped to the model's m − 1; 0 without one. */
export function chosenNeuron(neuron: number | undefined, m: number): number {
  if (neuron === undefined || !Number.isInteger(neuron)) return 0;
  return Math.min(Math.max(0, m - 1), Math.max(0, neuron));
}

/** The figure's data for neuron j of a measured model; W1row is the neuron's row of W1 ([n]). */
export function responseData(stats: ActivationStatistics, j: number, W1row: readonly number[]): NeuronResponseData | null {
  const s = stats.neurons[j];
  if (!s) return null;
  return {
    neuron: j,
    kind: s.kind,
    primary: s.primary,
    scale: s.scale,
    floor: s.floor,
    samples: stats.samples,
    fired: s.fired,
    histogram: s.histogram,
    topInputs: s.topInputs,
    weights: W1row,
    topPrimaryShare: s.withFloor.topPrimaryShare,
    restPrimaryShare: s.withFloor.restPrimaryShare,
  };
}

/** "1.00" or "0.96–0.98": the range of a share over seeds. */
export function shareRange(values: readonly (number | null)[], digits = 2): string {
  const finite = values.filter((v): v is number => v !== null);
  if (finite.length === 0) return 'none';
  const lo = formatNumber(Math.min(...finite), digits);
  const hi = formatNumber(Math.max(...finite), digits);
  return lo === hi ? lo : `${lo}–${hi}`;
}

const recordsAt = (file: ClaimFile, density: number): ClaimRecord[] => file.records.filter((r) => r.density === density);
const pick = (records: readonly ClaimRecord[], floor: boolean, key: keyof ClaimShares): (number | null)[] =>
  records.map((r) => (floor ? r.withFloor : r.withoutFloor)[key]);

/**
 * The claim as sentences: per level, over the seeds, the top-1% primary share and the rest's, with
 * the floor; the floor's effect; and the caveat at the sparsest level when its numbers bear it out.
 */
export function claimSentences(file: ClaimFile): string[] {
  const seeds = [...new Set(file.records.map((r) => r.seed))].sort((a, b) => a - b);
  const { samples, floorFraction, topFraction } = file.provenance;
  const sentences = [
    `Over ${formatCount(samples)} inputs per model, sampled at the model’s density (seeds ${seeds.join(', ')} of the converged sweep), counting only activations of at least ${formatNumber(floorFraction, 1)} × the neuron’s largest input weight (the floor), the medians over polysemantic neurons are:`,
  ];
  const clauses = CLAIM_LEVELS.flatMap((density) => {
    const at = recordsAt(file, density);
    return at.length === 0
      ? []
      : [
          `at 1 − S = ${formatDensity(density)}, the primary feature dominates ${shareRange(pick(at, true, 'topPrimaryShare'))} of the top ${formatNumber(topFraction * 100, 0)}% of activations and ${shareRange(pick(at, true, 'restPrimaryShare'))} of the rest (about ${shareRange(pick(at, true, 'restEffectiveFeatures'), 1)} features share them)`,
        ];
  });
  sentences[0] = `${sentences[0]} ${clauses.join('; ')}.`;
  const sparsest = recordsAt(file, Math.min(...CLAIM_LEVELS));
  const withFloor = pick(sparsest, true, 'topPrimaryShare').filter((v): v is number => v !== null);
  const without = pick(sparsest, false, 'topPrimaryShare').filter((v): v is number => v !== null);
  if (withFloor.length > 0 && without.length > 0) {
    sentences.push(
      `The floor matters: without it, the countless tiny activations that stray small weights give take over the counts, and at 1 − S = ${formatDensity(Math.min(...CLAIM_LEVELS))} the primary dominates only ${shareRange(without)} of the top ${formatNumber(topFraction * 100, 0)}% instead of ${shareRange(withFloor)}.`,
    );
    const rest = pick(sparsest, true, 'restPrimaryShare').filter((v): v is number => v !== null);
    if (Math.min(...withFloor) < 0.99 || Math.max(...rest) < 0.25) {
      sentences.push(
        `So the paper’s claim holds here, but weakens at the sparsest of these levels: the top activations still belong to the primary feature, while below them it dominates only ${shareRange(rest)} and many features share the rest.`,
      );
    }
  }
  return sentences;
}

/** One row of the claim's table. */
export interface ClaimRow {
  readonly density: string;
  readonly seed: number;
  readonly polysemantic: number;
  readonly top: string;
  readonly rest: string;
  readonly effective: string;
  readonly topWithoutFloor: string;
  readonly restWithoutFloor: string;
}

const cell = (v: number | null, digits = 2): string => (v === null ? '–' : formatNumber(v, digits));

/** The table's rows, level by level, seed by seed. */
export function claimRows(file: ClaimFile): ClaimRow[] {
  return CLAIM_LEVELS.flatMap((density) =>
    recordsAt(file, density)
      .sort((a, b) => a.seed - b.seed)
      .map((r) => ({
        density: formatDensity(density),
        seed: r.seed,
        polysemantic: r.polysemantic,
        top: cell(r.withFloor.topPrimaryShare),
        rest: cell(r.withFloor.restPrimaryShare),
        effective: cell(r.withFloor.restEffectiveFeatures, 1),
        topWithoutFloor: cell(r.withoutFloor.topPrimaryShare),
        restWithoutFloor: cell(r.withoutFloor.restPrimaryShare),
      })),
  );
}
