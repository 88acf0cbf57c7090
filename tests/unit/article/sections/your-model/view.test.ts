import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { stackPlotData, motifHighlights } from '../../../../../src/article/figures/figure-data';
import { shippedDownloads } from '../../../../../src/article/sections/your-model/loaded';
import { analyseFile, namedFiles } from '../../../../../src/article/shipped/shipped-models';
import { formatState, parseState } from '../../../../../src/article/state/url-state';
import { yourInstanceView } from '../../../../../src/article/sections/your-model/view';
import { readModelFiles, weightsFileToNpz } from '../../../../../src/model/import';
import { evaluationExamplesFor } from '../../../../../src/model/evaluation';
import { createRng } from '../../../../../src/model/random';
import { parseWeightsFile } from '../../../../../src/model/weights-file';

const motif = parseWeightsFile(JSON.parse(readFileSync('public/weights/motif.json', 'utf8')));

describe('a loaded model’s view', () => {
  it('draws and counts the shipped motif model, loaded from its .npz, exactly as the motif section does', () => {
    const outcome = readModelFiles([{ name: 'motif.npz', bytes: weightsFileToNpz(motif) }]);
    if (!outcome.ok) throw new Error(outcome.error);
    const { model } = outcome;
    const view = yourInstanceView(model.instances[0]!, 0, { densities: model.densities, importanceDecay: model.importanceDecay! }, null);
    const shipped = analyseFile(motif).models[0]!.analysis;
    expect(view.counts).toEqual(shipped.counts);
    expect(view.counts.motifs).toBe(2);
    expect(view.plot).toEqual(stackPlotData(shipped, motifHighlights(shipped.motifs)));
    expect(view.pairs).toEqual(shipped.pairs);
    expect(view.closeups).toHaveLength(2);
    // The motif model was trained at 1 − S = 0.25; its loss sits between the clean solution's order and the zero model's.
    expect(view.density).toBe(0.25);
    expect(view.loss!.loss).toBeLessThan(view.references!.zeroModel);
    expect(view.loss!.standardError).toBeLessThan(0.05 * view.loss!.loss);
  });

  it('without a density: everything but the loss', () => {
    const view = yourInstanceView(motif.instances[0]!, 0, { densities: [null], importanceDecay: 0.8 }, 0.01);
    expect(view.loss).toBeNull();
    expect(view.references).toBeNull();
    expect(view.recordedLoss).toBe(0.01);
    expect(view.counts.neurons).toBe(10);
  });
  it.each([
    [5, 12],
    [1000, 200],
  ])('works for n = %i features and m = %i neurons (up to the caps)', (n, m) => {
    const rng = createRng(7, n);
    const weights = {
      W1: Array.from({ length: m }, () => Array.from({ length: n }, () => (rng.next() < 0.05 ? rng.normal() : 0))),
      W2: Array.from({ length: n }, () => Array.from({ length: m }, () => rng.normal() * 0.1)),
      b: Array.from({ length: n }, () => 0.01),
    };
    const view = yourInstanceView(weights, 0, { densities: [0.01], importanceDecay: 0.9 }, null);
    expect(view.plot?.neurons).toHaveLength(m);
    expect(view.plot?.superposition).toHaveLength(n);
    expect(view.counts.monosemantic + view.counts.polysemantic + view.counts.dead).toBe(m);
    expect(view.loss!.examples).toBe(evaluationExamplesFor(n, m));
    expect(Number.isFinite(view.loss!.loss)).toBe(true);
  });
});

describe('the URL of a local model', () => {
  it('model=local round-trips; any other value is named and dropped', () => {
    const { state, notices } = parseState('?section=your-model&model=local');
    expect(notices).toEqual([]);
    expect(state.model).toBe('local');
    expect(formatState(state)).toMatch(/^\?v=\d+&section=your-model&model=local&budget=/);
    const bad = parseState('?model=%3Cb%3Ex');
    expect(bad.state.model).toBeUndefined();
    expect(bad.notices).toEqual(['There is no model "<b>x"; showing the shipped models.']);
    expect(formatState(bad.state)).not.toMatch(/model=/);
  });

  it('offers the shipped models that loaded as downloads', () => {
    const file = analyseFile(motif);
    expect(shippedDownloads(namedFiles({ converged: [], motif: file }, null))).toEqual([
      { name: 'motif', description: '1 instance, n = 10, m = 10' },
    ]);
  });
});
