/**
 * The opening model's sentence: its numbers are the analysis counts of the model the computation
 * figure opens with (the shipped converged seed-0 model at 1 − S = 0.01), and every case of the
 * generator reads as a sentence.
 */
import { describe, expect, it } from 'vitest';
import { openingModelSentence } from '../../../../../src/article/sections/computation/text';
import { DEFAULT_COMPUTATION_MODEL } from '../../../../../src/article/state/computation-fields';
import type { ModelCounts } from '../../../../../src/model/analysis';
import { seeds } from '../../fixtures';

const counts = (over: Partial<ModelCounts>): ModelCounts => ({
  neurons: 40,
  monosemantic: 0,
  polysemantic: 0,
  dead: 0,
  lowParticipation: 0,
  representedFeatures: 20,
  halfRepresentedFeatures: 0,
  deadOutputs: 0,
  meanPolysemanticity: 0,
  motifs: 0,
  ...over,
});

describe('the sentence on the model the figure opens with', () => {
  it('states the shipped model’s own counts', () => {
    const { density, seed } = DEFAULT_COMPUTATION_MODEL;
    const model = seeds[seed]!.models.find((m) => m.density === density)!;
    const { representedFeatures, halfRepresentedFeatures, polysemantic } = model.analysis.counts;
    const text = openingModelSentence(density, model.analysis.counts);
    expect(text).toContain('present 1% of the time');
    expect(text).toContain(`It computes |x| for ${representedFeatures} features, more than the 20`);
    expect(text).toContain(`for ${halfRepresentedFeatures} more on one side of zero only`);
    expect(text).toContain(polysemantic === 40 ? 'all 40 of its neurons read more than one feature' : `${polysemantic} of its 40 neurons`);
  });

  it('reads for a dense model, a model with one shared neuron and one with dead neurons', () => {
    expect(openingModelSentence(1, counts({ monosemantic: 40 }))).toBe(
      'The model the figure opens with was trained on inputs in which every feature is always present. It computes |x| for 20 features, as many as dedicated pairs of neurons allow; none of its neurons reads more than one feature.',
    );
    expect(openingModelSentence(0.1, counts({ polysemantic: 1, representedFeatures: 19, halfRepresentedFeatures: 1 }))).toContain(
      'fewer than the 20 that dedicated pairs of neurons allow, and for 1 more on one side of zero only; 1 of its 40 neurons reads more than one feature.',
    );
    expect(openingModelSentence(0.003, counts({ polysemantic: 38, dead: 2, representedFeatures: 25 }))).toContain(
      'all 38 of its live neurons read more than one feature',
    );
  });
});
