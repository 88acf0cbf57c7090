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

const finite = (values: readonly (number | null)[]): number[] => values.filter((v): v is number => v !== null);
const listed = (items: readonly string[]): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;

/**
 * The claim in two or three sentences, takeaway first: whether a polysemantic neuron's top
 * activations belong to its primary feature at every level and seed (with the floor), how the share
 * below the top falls from the densest level to the sparsest (the caveat, when the numbers bear it
 * out), and the sample and the floor rule. The per-seed numbers are claimRows', for the table.
 */
export function claimSentences(file: ClaimFile): string[] {
  const seeds = [...new Set(file.records.map((r) => r.seed))].sort((a, b) => a - b);
  const { samples, floorFraction, topFraction } = file.provenance;
  const levels = CLAIM_LEVELS.filter((d) => recordsAt(file, d).length > 0);
  if (levels.length === 0) return [];
  const top = `top ${formatNumber(topFraction * 100, 0)}%`;
  const tops = finite(file.records.map((r) => r.withFloor.topPrimaryShare));
  const where = `at 1 − S = ${listed(levels.map(formatDensity))}`;
  const sentences =
    tops.length > 0 && Math.min(...tops) >= 0.9
      ? [
          `The paper’s claim holds here: ${where}, a polysemantic neuron’s largest activations (its ${top}) come almost only from its primary feature, in every seed (a median share of ${shareRange(tops)}).`,
        ]
      : [
          `The paper’s claim holds only in part here: ${where}, the primary feature’s median share of a polysemantic neuron’s ${top} of activations is ${shareRange(tops)}.`,
        ];
  const densest = recordsAt(file, levels[0]!);
  const sparsest = recordsAt(file, levels[levels.length - 1]!);
  const rest = finite(pick(sparsest, true, 'restPrimaryShare'));
  const sparseTops = finite(pick(sparsest, true, 'topPrimaryShare'));
  const weakens = levels.length > 1 && rest.length > 0 && (Math.min(...sparseTops) < 0.99 || Math.max(...rest) < 0.25);
  sentences.push(
    weakens
      ? `It weakens as features get rarer: below the top, the primary feature’s share falls from ${shareRange(pick(densest, true, 'restPrimaryShare'))} at 1 − S = ${formatDensity(levels[0]!)} to ${shareRange(rest)} at ${formatDensity(levels[levels.length - 1]!)}, where about ${shareRange(pick(sparsest, true, 'restEffectiveFeatures'), 1)} features share those activations.`
      : `Below the top, the primary feature’s share is ${shareRange(pick(file.records, true, 'restPrimaryShare'))}: several features share those activations.`,
  );
  sentences.push(
    `Over ${formatCount(samples)} inputs per model, drawn at the model’s density (seeds ${seeds.join(', ')} of the converged sweep), the counts include only activations of at least ${formatNumber(floorFraction, 1)} × the neuron’s largest input weight (the floor); without it, the countless tiny activations that stray small weights give swamp the counts (the table’s “no floor” columns).`,
  );
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
