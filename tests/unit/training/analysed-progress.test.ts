import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyseModel } from '../../../src/model/analysis';
import { importances } from '../../../src/model/config';
import { parseWeightsFile } from '../../../src/model/weights-file';
import { analyseProgress } from '../../../src/training/analysed-progress';

const sweep = parseWeightsFile(JSON.parse(readFileSync(new URL('../../../public/weights/sweep.json', import.meta.url), 'utf8')));
const weights = sweep.instances.slice(0, 3);
const config = { ...sweep.config, densities: weights.map((w) => w.density) };

describe('the worker’s analysis of its reports', () => {
  it('a report with weights carries each instance’s analysis, as the page would compute it', () => {
    const report = { step: 100, totalSteps: 200, losses: [0.1, 0.2, 0.3], stepsPerSecond: 50, weights };
    const { progress, summaries } = analyseProgress(config, report);
    expect(progress).toBe(report);
    expect(summaries).toEqual(weights.map((w) => analyseModel(w, importances(config))));
  });

  it('survives the structured clone that carries it to the page', () => {
    const { summaries } = analyseProgress(config, { step: 1, totalSteps: 2, losses: [0, 0, 0], stepsPerSecond: 1, weights });
    expect(structuredClone(summaries)).toEqual(summaries);
  });

  it('a report without weights carries no analysis', () => {
    expect(analyseProgress(config, { step: 25, totalSteps: 200, losses: [0.1, 0.2, 0.3], stepsPerSecond: 50 }).summaries).toBeUndefined();
  });
});
