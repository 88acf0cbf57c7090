/**
 * What each downloaded figure says about itself (docs/figures.md, "Downloads"): a file name that
 * says what it holds, a heading with the level and step, and a line with the training budget and
 * seed. Pure, so the wording is tested in Node; <figure-download> takes the three strings.
 */
import type { ModelConfig } from '../../model/config';
import { type LevelRecipe, recipeConfig } from '../../model/recipe';
import { describeSchedule } from '../../model/schedule';
import { formatCount, formatDensity } from '../../viz/core/format';
import { exportFilename } from '../../viz/export/figure-export';
import { docRefText } from '../page/source-links';

/** The three strings a <figure-download> takes. */
export interface ExportLabels {
  /** Without extension, e.g. "live_1-S-0.03_seed-0_step-600-of-3500". */
  readonly filename: string;
  readonly heading: string;
  readonly subheading: string;
}

/** Which weights a figure draws: the shipped file's, a run in this browser (in flight or ended), at a step. */
export interface ExportSource {
  readonly kind: 'shipped' | 'trained here';
  readonly config: ModelConfig;
  /** The step of the weights drawn. */
  readonly step: number;
  /**
   * Per level, the recipe that trained it, when the levels trained differently (the converged
   * sweep); `config` then holds the shape and the seed.
   */
  readonly levelRecipes?: readonly LevelRecipe[];
}

/** "1 − S = 0.03" in a file name: "1-S-0.03". */
const levelPart = (density: number): string => `1-S-${formatDensity(density)}`;

/** "step 600 of 3,500" (or "step 10,000" at the end of the budget). */
function stepPhrase(source: ExportSource): string {
  return source.step === source.config.steps
    ? `step ${formatCount(source.step)}`
    : `step ${formatCount(source.step)} of ${formatCount(source.config.steps)}`;
}

/** "step-600-of-3500" or "step-10000". */
function stepPart(source: ExportSource): string {
  return source.step === source.config.steps ? `step-${source.step}` : `step-${source.step}-of-${source.config.steps}`;
}

/** The second line: where the weights come from, the budget, the seed and the model's size. */
export function budgetLine(source: ExportSource): string {
  const c = source.config;
  const from = source.kind === 'shipped' ? 'Shipped weights' : 'Trained in the browser';
  const schedule = c.schedule ? ` (peak; ${describeSchedule(c.schedule)})` : '';
  return `${from}: ${formatCount(c.steps)} Adam steps of batch ${formatCount(c.batch)} at learning rate ${c.learningRate}${schedule}, seed ${c.seed}; n = ${c.n} features, m = ${c.m} neurons.`;
}

const kindPart = (source: ExportSource): string => (source.kind === 'shipped' ? 'shipped' : 'trained-here');

/** "batch 128–16,384" over the levels' recipes. */
function rangePhrase(recipes: readonly LevelRecipe[], pick: (r: LevelRecipe) => number): string {
  const values = recipes.map(pick);
  const [low, high] = [Math.min(...values), Math.max(...values)];
  return low === high ? formatCount(low) : `${formatCount(low)}–${formatCount(high)}`;
}

/** A sweep whose levels trained with their own recipes, as a whole: no single step, so the budget is named instead. */
function recipeSweepExport(source: ExportSource, recipes: readonly LevelRecipe[]): ExportLabels {
  const c = source.config;
  return {
    filename: exportFilename(['sweep', `${c.densities.length}-levels`, kindPart(source), `seed-${c.seed}`, 'converged']),
    heading: 'Neuron weights across the sparsity sweep, trained to convergence',
    subheading: `Shipped weights: a recipe per level (batch ${rangePhrase(recipes, (r) => r.batch)}, ${rangePhrase(recipes, (r) => r.steps)} Adam steps; recipes in ${docRefText('docs/training.md')}), seed ${c.seed}; n = ${c.n} features, m = ${c.m} neurons.`,
  };
}

/** The whole sweep (density undefined) or one of its panels. */
export function sweepExport(source: ExportSource, density?: number): ExportLabels {
  const recipes = source.levelRecipes;
  if (recipes) {
    const level = density === undefined ? undefined : recipes.find((r) => r.density === density);
    if (!level) return recipeSweepExport(source, recipes);
    const config = recipeConfig(level, source.config);
    return sweepExport({ kind: source.kind, config, step: level.steps }, density);
  }
  const what = density === undefined ? 'Neuron weights across the sparsity sweep' : `Neuron weights at 1 − S = ${formatDensity(density)}`;
  return {
    filename: exportFilename([
      'sweep',
      density === undefined ? `${source.config.densities.length}-levels` : levelPart(density),
      kindPart(source),
      `seed-${source.config.seed}`,
      stepPart(source),
    ]),
    heading: `${what}, ${stepPhrase(source)}`,
    subheading: budgetLine(source),
  };
}

/** The sweep retrain's loss curves. */
export function sweepLossExport(source: ExportSource): ExportLabels {
  return {
    filename: exportFilename(['sweep-loss', `${source.config.densities.length}-levels`, `seed-${source.config.seed}`, stepPart(source)]),
    heading: `Training loss of the sweep retrained here, marked at ${stepPhrase(source)}`,
    subheading: budgetLine(source),
  };
}

/** The live section's stack plot (a live model or the shipped one shown instead) and its loss chart. */
export function liveExport(source: ExportSource, figure: 'weights' | 'loss'): ExportLabels {
  const density = source.config.densities[0] ?? 1;
  const model = source.kind === 'shipped' ? 'the shipped model' : 'the live model';
  return {
    filename: exportFilename([
      figure === 'loss' ? 'live-loss' : 'live',
      levelPart(density),
      kindPart(source),
      `seed-${source.config.seed}`,
      stepPart(source),
    ]),
    heading:
      figure === 'loss'
        ? `Training loss of ${model} at 1 − S = ${formatDensity(density)}, marked at ${stepPhrase(source)}`
        : `Neuron weights of ${model} at 1 − S = ${formatDensity(density)}, ${stepPhrase(source)}`,
    subheading: budgetLine(source),
  };
}

/** The motif model's stack plot (closeup undefined) or the close-up of its motif `closeup` (0-based). */
export function motifExport(source: ExportSource, closeup?: { readonly index: number; readonly title: string }): ExportLabels {
  const density = source.config.densities[0] ?? 1;
  return {
    filename: exportFilename([
      closeup ? `motif-${closeup.index + 1}-closeup` : 'motif-model',
      levelPart(density),
      kindPart(source),
      `seed-${source.config.seed}`,
      stepPart(source),
    ]),
    heading: closeup
      ? `${closeup.title} of the motif model at 1 − S = ${formatDensity(density)}, ${stepPhrase(source)}`
      : `Neuron weights of the motif model at 1 − S = ${formatDensity(density)}, motif neurons outlined, ${stepPhrase(source)}`,
    subheading: budgetLine(source),
  };
}
