/**
 * The shipped recipe comparison (public/weights/recipe-comparison-seed{0,1,2}.json), recomputed
 * from the files as the page computes it: every run's recipe, eval loss and counts, the closest-loss
 * pairs and the finding the curve section states. Pinned as measured (docs/training.md, "Recipe
 * dependence").
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { recipeComparisonView } from '../../../../src/article/sections/curve/recipe-view';
import {
  comparedModels,
  RECIPE_COMPARISON_SEEDS,
  recipeComparisonData,
  recipeComparisonPath,
} from '../../../../src/article/shipped/recipe-comparison-models';
import { analyseFile } from '../../../../src/article/shipped/shipped-models';
import { parseWeightsFile } from '../../../../src/model/weights-file';

const files = RECIPE_COMPARISON_SEEDS.map((seed) =>
  analyseFile(parseWeightsFile(JSON.parse(readFileSync(`public/${recipeComparisonPath(seed)}`, 'utf8')) as unknown)),
);

/** Pinned as measured: "recipe@density seed: monosemantic / features computed". */
const RUNS = [
  'A@0.03 s0: 22/19',
  'A@0.0228 s0: 29/18',
  'B@0.03 s0: 18/20',
  'B@0.0228 s0: 13/22',
  'A@0.03 s1: 28/19',
  'A@0.0228 s1: 22/18',
  'B@0.03 s1: 18/21',
  'B@0.0228 s1: 12/22',
  'A@0.03 s2: 28/18',
  'A@0.0228 s2: 29/18',
  'B@0.0228 s2: 14/24',
];

describe('the shipped recipe comparison', () => {
  it('holds only recipe A and B runs, each with its recipe and an exact eval loss on ≥ 10^6 examples', () => {
    files.forEach((file, k) => {
      expect(file.file.config.seed).toBe(RECIPE_COMPARISON_SEEDS[k]);
      expect(comparedModels(file)).toHaveLength(file.file.instances.length);
      for (const instance of file.file.instances) expect(instance.evaluation!.examples).toBeGreaterThanOrEqual(1_000_000);
    });
  });

  it('recomputes every run’s counts as pinned', () => {
    const runs = files
      .flatMap(comparedModels)
      .map(({ run }) => `${run.recipe}@${run.density} s${run.seed}: ${run.monosemantic}/${run.featuresComputed}`);
    expect(runs).toEqual(RUNS);
  });

  it('finds every recipe A model with more monosemantic neurons than every recipe B model at each density with both', () => {
    const { comparison } = recipeComparisonData(files);
    expect(comparison.aAlwaysMore).toBe(true);
    for (const pair of comparison.pairs) {
      expect(pair.monosemanticDifference).toBeGreaterThanOrEqual(10);
      expect(pair.lossRatio).toBeLessThan(2);
    }
  });

  it('states the finding and what it means for reading counts, with the pair’s numbers', () => {
    const view = recipeComparisonView(recipeComparisonData(files));
    expect(view.finding).toContain('every recipe A model has more monosemantic neurons than every recipe B model');
    expect(view.finding).toContain('the paper’s');
    expect(view.finding).toContain(
      '1 − S = 0.0228, the closest pair in loss: recipe A (seed 0, eval loss 5.04e-4) has 29 monosemantic neurons',
    );
    expect(view.finding).toContain(
      'At 1 − S = 0.03, the closest pair in loss: recipe A (seed 1, eval loss 6.03e-4) has 28 monosemantic neurons',
    );
    expect(view.finding).toContain('recipe B’s loss is 1.02× lower');
    expect(view.lead).toMatch(/^Here better training means more superposition, not less: at 1 − S = 0\.03 and 0\.0228,/);
    expect(view.pairs.map((p) => p.density)).toEqual([0.03, 0.0228]);
    // the pair's plots share one y range
    for (const p of view.pairs) expect(p.a.plot.yMax).toBe(p.b.plot.yMax);
  });
});
