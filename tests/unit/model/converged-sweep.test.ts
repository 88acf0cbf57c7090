/**
 * The shipped converged sweeps (public/weights/sweep-converged-seed{0,1,2}.json) against the recipe
 * in code and the targets: each file records the recipe that trained it, its stored
 * evaluation agrees with a fresh one, and every level is within 1.25× of the best loss found
 * (numpy, issue 12) for at least one seed. Skipped where the files have not been produced.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyseModel } from '../../../src/model/analysis';
import { importances, PAPER_DENSITIES } from '../../../src/model/config';
import { evaluateLoss } from '../../../src/model/evaluation';
import { CONVERGED_RECIPE, levelRecipe } from '../../../src/model/recipe';
import { parseWeightsFile, SHIPPED_CONVERGED_SEEDS, shippedWeightsPath, type WeightsFile } from '../../../src/model/weights-file';

const paths = SHIPPED_CONVERGED_SEEDS.map((seed) => `public/${shippedWeightsPath('converged', seed)}`);
const files: WeightsFile[] = paths.every(existsSync)
  ? paths.map((path) => parseWeightsFile(JSON.parse(readFileSync(path, 'utf8')) as unknown))
  : [];
/** The best eval loss found per paper level (issue 12, numpy, 10^6 examples). */
const BEST_FOUND = [4.8e-3, 4.5e-3, 1.4e-3, 5.2e-4, 1.0e-4, 2.9e-5, 5.7e-6];

describe.skipIf(files.length === 0)('the shipped converged sweeps', () => {
  const importance = importances(files[0]?.config ?? { n: 100, importanceDecay: 0.8 });

  it('are seeds 0, 1, 2 of the converged recipe in code, every paper level, evaluated on ≥ 10^5 examples', () => {
    files.forEach((file, seed) => {
      expect(file.recipe).toBe('converged');
      expect(file.config.seed).toBe(seed);
      expect(file.instances.map((i) => i.density)).toEqual([...PAPER_DENSITIES]);
      for (const instance of file.instances) {
        expect(instance.recipe).toEqual(levelRecipe(CONVERGED_RECIPE, instance.density));
        expect(instance.evaluation!.examples).toBeGreaterThanOrEqual(100_000);
      }
    });
  });

  it('store the evaluation that evaluateLoss gives their weights (1 − S = 0.03, seed 0: same examples, 6 digits)', {
    timeout: 60_000,
  }, () => {
    // A fresh sample is no check at sparse levels: the per-example loss is heavy-tailed there
    // (docs/training.md), so 10^5 other examples can land 20% away. The same examples must agree.
    const instance = files[0]!.instances[3]!;
    const again = evaluateLoss(instance, instance.density, importance, { examples: instance.evaluation!.examples });
    expect(again.loss.toPrecision(6)).toBe(instance.evaluation!.loss.toPrecision(6));
  });

  it('reach 1.25× the best loss found at every level for at least one seed', () => {
    PAPER_DENSITIES.forEach((density, k) => {
      const best = Math.min(...files.map((f) => f.instances[k]!.evaluation!.loss));
      expect(best, `1 − S = ${density}`).toBeLessThanOrEqual(1.25 * BEST_FOUND[k]!);
    });
  });

  it('tell the paper’s story in every seed: 40 monosemantic neurons at 1 − S = 1, fewer as features get sparser, none at 0.001', () => {
    for (const file of files) {
      const counts = file.instances.map((i) => analyseModel(i, importance).counts.monosemantic);
      expect(counts[0]).toBe(40);
      counts.slice(1).forEach((c, k) => {
        expect(c).toBeLessThanOrEqual(counts[k]!);
      });
      expect(counts.at(-1)).toBe(0);
    }
  });
});
