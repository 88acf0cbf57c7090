import { describe, expect, it } from 'vitest';
import { liveExport, motifExport, sweepExport, sweepLossExport } from '../../../../src/article/figures/figure-exports';
import { DEFAULT_CONFIG, makeConfig } from '../../../../src/model/config';

const shipped = { kind: 'shipped' as const, config: DEFAULT_CONFIG, step: DEFAULT_CONFIG.steps };
const live = { kind: 'trained here' as const, config: makeConfig({ densities: [0.03], steps: 3500, learningRate: 0.003 }), step: 600 };

describe('what downloaded figures say about themselves', () => {
  it('names the sweep, one panel and the whole figure, by level, source, seed and step', () => {
    expect(sweepExport(shipped).filename).toBe('sweep_7-levels_shipped_seed-0_step-10000');
    expect(sweepExport(shipped, 0.03).filename).toBe('sweep_1-S-0.03_shipped_seed-0_step-10000');
    expect(sweepExport(shipped, 0.03).heading).toBe('Neuron weights at 1 − S = 0.03, step 10,000');
    expect(sweepExport(shipped).subheading).toBe(
      'Shipped weights: 10,000 Adam steps of batch 1,024 at learning rate 0.001, seed 0; n = 100 features, m = 40 neurons.',
    );
    expect(sweepLossExport({ ...shipped, kind: 'trained here', step: 2500 }).filename).toBe(
      'sweep-loss_7-levels_seed-0_step-2500-of-10000',
    );
  });

  it('gives the live model’s step of its run', () => {
    expect(liveExport(live, 'weights')).toMatchObject({
      filename: 'live_1-S-0.03_trained-here_seed-0_step-600-of-3500',
      heading: 'Neuron weights of the live model at 1 − S = 0.03, step 600 of 3,500',
    });
    expect(liveExport(live, 'loss').filename).toBe('live-loss_1-S-0.03_trained-here_seed-0_step-600-of-3500');
    expect(liveExport(live, 'weights').subheading).toMatch(/^Trained in the browser: 3,500 Adam steps/);
  });

  it('names the motif model and each close-up', () => {
    const motif = { kind: 'shipped' as const, config: makeConfig({ n: 10, m: 10, densities: [0.25], seed: 3 }), step: 10_000 };
    expect(motifExport(motif).filename).toBe('motif-model_1-S-0.25_shipped_seed-3_step-10000');
    expect(motifExport(motif, { index: 1, title: 'Motif 2: features a = 1 and b = 4' }).heading).toBe(
      'Motif 2: features a = 1 and b = 4 of the motif model at 1 − S = 0.25, step 10,000',
    );
  });
});
