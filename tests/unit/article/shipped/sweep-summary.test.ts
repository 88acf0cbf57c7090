/**
 * The sweep's numbers over seeds, and the text built from them, recomputed from the shipped files:
 * every number the sweep section states must be one the weights give.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { budgetComparison, sweepNarrative, sweepNotes } from '../../../../src/article/sections/sweep/text';
import { denseSentence } from '../../../../src/article/sections/computation/text';
import { analyseFile } from '../../../../src/article/shipped/shipped-models';
import { formatSpread, spreadOf, summariseLevels } from '../../../../src/article/shipped/sweep-summary';
import { importances } from '../../../../src/model/config';
import { referenceLosses } from '../../../../src/model/evaluation';
import { parseWeightsFile } from '../../../../src/model/weights-file';
import { formatLoss } from '../../../../src/viz/core/format';

const read = (name: string) =>
  analyseFile(parseWeightsFile(JSON.parse(readFileSync(new URL(`../../../../public/weights/${name}`, import.meta.url), 'utf8'))));
const seeds = [0, 1, 2].map((seed) => read(`sweep-converged-seed${seed}.json`));
const replication = read('sweep.json');
const converged = summariseLevels(
  seeds.map((s) => s.models),
  seeds[0]!.file.config,
);
const replicated = summariseLevels([replication.models], replication.file.config);

describe('a spread over seeds', () => {
  it('has the median, the smallest and the largest', () => {
    expect(spreadOf([31, 36, 34])).toMatchObject({ median: 34, min: 31, max: 36, values: [31, 36, 34] });
    expect(spreadOf([1, 2, 3, 10]).median).toBe(2.5);
    expect(() => spreadOf([])).toThrow(RangeError);
  });

  it('is written as one number when the seeds agree as written, else the median with the range', () => {
    expect(formatSpread(spreadOf([40, 40, 40]))).toBe('40');
    expect(formatSpread(spreadOf([31, 36, 34]))).toBe('34 (31–36)');
    expect(formatSpread(spreadOf([0.021, 0.019, 0.02]), (v) => v.toFixed(2))).toBe('0.02');
  });
});

describe('the converged sweep summarised over its three seeds', () => {
  it('counts each level from every seed’s analysis', () => {
    converged.forEach((level, k) => {
      expect(level.seeds).toBe(3);
      for (const key of ['monosemantic', 'lowParticipation', 'polysemantic', 'representedFeatures'] as const) {
        expect(level[key].values).toEqual(seeds.map((s) => s.models[k]!.analysis.counts[key]));
      }
    });
  });

  it('reads the eval losses the files record and scales them by the analytic references', () => {
    const importance = importances(seeds[0]!.file.config);
    converged.forEach((level, k) => {
      expect(level.lossKind).toBe('eval');
      expect(level.loss.values).toEqual(seeds.map((s) => s.file.instances[k]!.evaluation!.loss));
      const { clean, zeroModel } = referenceLosses(level.density, importance, 40);
      expect(level.cleanRatio).toBeCloseTo(level.loss.median / clean, 12);
      expect(level.zeroRatio).toBeCloseTo(level.loss.median / zeroModel, 12);
    });
  });

  it('refuses seeds whose levels disagree', () => {
    expect(() => summariseLevels([seeds[0]!.models, seeds[1]!.models.slice(1)], seeds[0]!.file.config)).toThrow(RangeError);
  });
});

describe('the sweep’s text, recomputed from the weights', () => {
  const at = (levels: typeof converged, density: number) => levels.find((l) => l.density === density)!;

  it('states the converged medians it reads, and leaves the ranges and the counting rules to the notes', () => {
    const text = sweepNarrative('converged', converged).join(' ');
    const mid = at(converged, 0.03);
    expect(text).toContain(
      `At 1 − S = 0.03, ${mid.polysemantic.median} of the 40 neurons read several features (the median of 3 seeds, which range from ${mid.polysemantic.min} to ${mid.polysemantic.max}; each panel of Figure 1 counts the one seed it draws).`,
    );
    expect(text).toContain(`The model there computes ${mid.representedFeatures.median} features`);
    expect(text).toMatch(/That is the clean solution/);
    // where the median first turns polysemantic and where a single seed does, said once, in one sentence
    expect(text).toMatch(
      /in the median seed, the first polysemantic neurons appear at 1 − S = 0\.1, though one seed already has \d+ polysemantic neurons? at 1 − S = 0\.3\./,
    );
    expect(sweepNotes('converged', converged).join(' ')).not.toMatch(/first polysemantic/);
    const notes = sweepNotes('converged', converged).join(' ');
    expect(notes).toContain('medians over the 3 seeds');
    const purer = at(converged, 0.01);
    expect(notes).toContain(`${purer.lowParticipation.median} have a participation ratio under 1.5`);
    const dense = at(converged, 1);
    expect(notes).toContain(`The dense model’s loss is ${dense.cleanRatio.toFixed(2)} times the clean solution’s`);
  });

  it('says the replication budget’s dense model has not finished training, with the loss that shows it', () => {
    const text = sweepNarrative('replication', replicated).join(' ');
    const dense = at(replicated, 1);
    expect(text).toContain(`the model computes ${dense.representedFeatures.median} features`);
    expect(dense.cleanRatio).toBeGreaterThan(1.5);
    expect(text).toMatch(/has not finished training/);
    expect(text).not.toMatch(/That is the clean solution/);
  });

  it('compares the budgets with the numbers of both', () => {
    const text = budgetComparison(converged, replicated).join(' ');
    expect(text).toContain(
      `features computed go from ${at(replicated, 1).representedFeatures.median} to ${at(converged, 1).representedFeatures.median}`,
    );
    expect(text).toContain(
      `from ${at(replicated, 0.01).lowParticipation.median} to ${at(converged, 0.01).lowParticipation.median} by the participation-ratio rule`,
    );
    const fold = at(replicated, 0.001).loss.median / at(converged, 0.001).loss.median;
    expect(text).toContain(`falls ${Number(fold.toPrecision(2))}-fold.`);
  });

  it('says where the replication budget’s loss is the lower one, with both losses and counts', () => {
    const text = budgetComparison(converged, replicated).join(' ');
    const r = at(replicated, 0.03);
    const c = at(converged, 0.03);
    expect(r.loss.median).toBeLessThan(c.loss.median);
    expect(text).toContain(
      `At 1 − S = 0.03 the replication model has the lower loss (${formatLoss(r.loss.median)} against ${formatLoss(c.loss.median)})`,
    );
  });

  it('agrees in the intro with what the dense panel of each budget shows', () => {
    expect(denseSentence('converged', at(converged, 1))).toMatch(
      /does exactly that \(Figure 1 below, its left panel\): it computes 20 features/,
    );
    expect(denseSentence('replication', at(replicated, 1))).toBe(
      `When every feature is present in every input, the network, trained with the shorter replication budget, computes ${at(replicated, 1).representedFeatures.median} features rather than 20 (Figure 1 below, its left panel).`,
    );
  });
});
