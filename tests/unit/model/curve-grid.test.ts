/**
 * The shipped density-curve grid (public/weights/curve-converged-seed{0,1,2}.json, issue 17): its
 * shape (the 25-level grid with the paper's seven levels, three seeds, evaluated on 10^6 examples)
 * and that no level is left undertrained.
 *
 * "Within 1.25× of the best of its neighbours' recipe runs": each level is trained with its own
 * recipe (the nearest paper level's) and with every other recipe its grid neighbours train with
 * (grid.ts neighbourRecipes); each seed keeps the run with the lower eval loss and records the
 * others as `alternatives`. The tests check that every such run was made and that the kept one is
 * the best. Across densities, with r(d) = (best seed's eval loss at d) ÷ (clean 20×2 loss at d),
 * no level is a quarter above both its neighbours, and the levels a quarter above the better
 * neighbour are pinned with the reason (docs/training.md, "The density curve grid").
 * Skipped where the files have not been produced, or are the issue-25 grid trained with the curve
 * recipe family (curve-family-grid.test.ts checks those).
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importances, PAPER_DENSITIES } from '../../../src/model/config';
import { referenceLosses } from '../../../src/model/evaluation';
import { densityGrid, neighbourRecipes } from '../../../src/model/grid';
import { sameTraining } from '../../../src/model/recipe';
import { parseWeightsFile, type WeightsFile } from '../../../src/model/weights-file';

const SEEDS = [0, 1, 2];
const paths = SEEDS.map((seed) => `public/weights/curve-converged-seed${seed}.json`);
const files: WeightsFile[] = paths.every(existsSync)
  ? paths.map((path) => parseWeightsFile(JSON.parse(readFileSync(path, 'utf8')) as unknown))
  : [];

describe.skipIf(files.length === 0 || files.some((f) => f.recipe !== 'converged'))(
  'the shipped density-curve grid (nearest-level recipes)',
  () => {
    const importance = importances(files[0]?.config ?? { n: 100, importanceDecay: 0.8 });
    const grid = densityGrid(3);

    it('has ≥ 25 levels from 1 to 0.001 with the paper’s seven, three seeds, 10^6 eval examples per run', () => {
      expect(grid.length).toBeGreaterThanOrEqual(25);
      for (const d of PAPER_DENSITIES) expect(grid).toContain(d);
      files.forEach((file, k) => {
        expect(file.recipe).toBe('converged');
        expect(file.config.seed).toBe(SEEDS[k]);
        expect(file.instances.map((i) => i.density)).toEqual(grid);
        for (const instance of file.instances) {
          for (const run of [instance, ...(instance.alternatives ?? [])])
            expect(run.evaluation!.examples).toBeGreaterThanOrEqual(1_000_000);
        }
      });
    });

    it('trains every level with its own recipe and each of its neighbours’ recipes, and keeps the best run of each seed', () => {
      files.forEach((file) => {
        file.instances.forEach((instance, k) => {
          const runs = [instance, ...(instance.alternatives ?? [])];
          const tried = runs.map((run) => run.recipe!);
          const wanted = neighbourRecipes(grid, k);
          const where = `seed ${file.config.seed}, 1 − S = ${instance.density}`;
          expect(tried.length, where).toBe(wanted.length);
          for (const recipe of wanted)
            expect(
              tried.filter((t) => sameTraining(t, recipe) && t.density === recipe.density),
              where,
            ).toHaveLength(1);
          for (const run of runs) expect(instance.evaluation!.loss, where).toBeLessThanOrEqual(run.evaluation!.loss);
        });
      });
      // The seams: ten levels where a neighbour trains with another paper level's recipe.
      expect(grid.filter((_, k) => neighbourRecipes(grid, k).length > 1)).toHaveLength(10);
    });

    it('is within 1.25× of the best of its neighbours’ recipe runs at every level (best seed against best run)', () => {
      grid.forEach((density, k) => {
        const kept = Math.min(...files.map((f) => f.instances[k]!.evaluation!.loss));
        const best = Math.min(
          ...files.flatMap((f) => [f.instances[k]!, ...(f.instances[k]!.alternatives ?? [])].map((r) => r.evaluation!.loss)),
        );
        expect(kept, `1 − S = ${density}`).toBeLessThanOrEqual(1.25 * best);
      });
    });

    const ratio = grid.map((density, k) => {
      const best = Math.min(...files.map((f) => f.instances[k]?.evaluation?.loss ?? Number.NaN));
      return best / referenceLosses(density, importance, files[0]?.config.m ?? 40).clean;
    });
    const neighbours = (k: number): number[] => [ratio[k - 1], ratio[k + 1]].filter((v): v is number => v !== undefined);

    it('leaves no level untrained: within 1.25× of the clean solution, and no level a quarter above both its neighbours', () => {
      ratio.forEach((r, k) => {
        const where = `1 − S = ${grid[k]}: r = ${r.toFixed(3)}, neighbours ${neighbours(k)
          .map((v) => v.toFixed(3))
          .join(', ')}`;
        expect(r, where).toBeLessThanOrEqual(1.25);
        expect(r, where).toBeLessThanOrEqual(1.25 * Math.max(...neighbours(k)));
      });
    });

    it('is within 1.25× of the better neighbour density’s ratio everywhere but at three levels, measured and left as found', () => {
      // 0.004054 (r 0.59; neighbours 0.62 and 0.47) and 0.001732 (0.38; 0.39 and 0.29) lie between
      // their neighbours on a curve that falls faster than a quarter per grid step there: the miss
      // measures the slope, not the training. 0.03 (1.07) sits above 0.04054 (0.93) and 0.0228 (0.68),
      // where the sparse recipe starts to win; 0.01's recipe at 0.03 reached only 3–6% lower losses.
      const beyond = grid.filter((_, k) => ratio[k]! > 1.25 * Math.min(...neighbours(k)));
      expect(beyond).toEqual([0.03, 0.004054, 0.001732]);
    });
  },
);
