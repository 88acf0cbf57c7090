/**
 * The recipe comparison's models (public/weights/recipe-comparison-seed{0,1,2}.json: the same
 * densities trained with recipes A and B, src/model/recipe-comparison.ts), fetched together with
 * the density curve (the curve section shows them) and analysed file by file.
 */
import { html, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { ModelAnalysis } from '../../model/analysis';
import { type ComparedRun, comparedRecipeOf, compareRecipes, type RecipeComparison } from '../../model/recipe-comparison';
import { fetchWeights } from './fetch-weights';
import { FileLoad } from './file-load';
import { analyseFile, type ShippedFile } from './shipped-models';

/** The seeds the comparison ships, one file each (a seed may hold one recipe's runs only). */
export const RECIPE_COMPARISON_SEEDS: readonly number[] = [0, 1, 2];
export const recipeComparisonPath = (seed: number): string => `weights/recipe-comparison-seed${seed}.json`;

/** One run of the comparison with its analysis (for its stack plot). */
export interface ComparedModel {
  readonly run: ComparedRun;
  readonly analysis: ModelAnalysis;
}

export interface RecipeComparisonData {
  readonly comparison: RecipeComparison;
  /** Every run that loaded, with its analysis. */
  readonly models: readonly ComparedModel[];
}

/** The runs of one analysed comparison file; instances of neither recipe, or without an eval loss, are left out. */
export function comparedModels(file: ShippedFile): ComparedModel[] {
  return file.models.flatMap((model, k) => {
    const instance = file.file.instances[k]!;
    const recipe = comparedRecipeOf(instance.recipe);
    if (!recipe || !instance.evaluation) return [];
    const { counts } = model.analysis;
    const run: ComparedRun = {
      recipe,
      density: model.density,
      seed: file.file.config.seed,
      evalLoss: instance.evaluation.loss,
      neurons: counts.neurons,
      monosemantic: counts.monosemantic,
      polysemantic: counts.polysemantic,
      featuresComputed: counts.representedFeatures,
    };
    return [{ run, analysis: model.analysis }];
  });
}

/** The comparison of every loaded file's runs. */
export function recipeComparisonData(files: readonly ShippedFile[]): RecipeComparisonData {
  const models = files.flatMap(comparedModels);
  return { comparison: compareRecipes(models.map((m) => m.run)), models };
}

/**
 * Loads the comparison's files when asked (the curve loader asks when it starts), each on its own
 * with its own failure and Retry; its value is the comparison of the files that loaded, once every
 * file has loaded or failed.
 */
export class RecipeComparisonLoader {
  readonly files: readonly FileLoad<ShippedFile>[];
  private cached: RecipeComparisonData | null = null;

  constructor(private readonly host: ReactiveControllerHost) {
    this.files = RECIPE_COMPARISON_SEEDS.map(
      (seed) =>
        new FileLoad(
          `seed ${seed} of the recipe comparison (${recipeComparisonPath(seed)})`,
          async () => analyseFile(await fetchWeights(recipeComparisonPath(seed))),
          () => {
            this.cached = null;
            this.host.requestUpdate();
          },
        ),
    );
  }

  /** Starts every file's load; files under way or loaded are left alone. */
  readonly request = (): void => {
    for (const file of this.files) void file.start();
  };

  /** The comparison of the files that loaded, once each has loaded or failed and one loaded; null before. */
  get value(): RecipeComparisonData | null {
    if (!this.files.every((f) => f.settled)) return null;
    const loaded = this.files.flatMap((f) => f.value ?? []);
    if (loaded.length === 0) return null;
    this.cached ??= recipeComparisonData(loaded);
    return this.cached;
  }

  /** One alert with a Retry button per file that failed. */
  renderFailures(): TemplateResult {
    return html`${this.files.map((file) => file.renderFailure())}`;
  }
}
