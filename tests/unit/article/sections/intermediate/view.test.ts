/**
 * The intermediate-regime section's view and facts, on the shipped sweeps: the model at 1 − S = 0.1
 * of the sweep shown, drawn at full size, and what the text states about its halves and ± pairs.
 */
import { describe, expect, it } from 'vitest';
import { INTERMEDIATE_DENSITY, intermediateView } from '../../../../../src/article/sections/intermediate/view';
import { convergedShown, replicationShown } from '../../fixtures';

describe('the intermediate regime', () => {
  it('reads the shown seed’s model at 1 − S = 0.1 and names it', () => {
    const view = intermediateView(convergedShown)!;
    expect(view.facts.density).toBe(INTERMEDIATE_DENSITY);
    expect(view.source).toBe('the shipped converged model (seed 1)');
    expect(intermediateView(replicationShown)!.source).toBe('the shipped replication-budget model');
    expect(intermediateView(null)).toBeNull();
  });

  it('states facts that add up: halves of 20 neurons, dominated neurons among the polysemantic, pairs among the computed', () => {
    for (const shown of [convergedShown, replicationShown]) {
      const { facts } = intermediateView(shown)!;
      const model = shown.drawn.models.find((m) => m.density === INTERMEDIATE_DENSITY)!;
      expect(facts.halfSize).toBe(20);
      expect(facts.leftMonosemantic + facts.rightMonosemantic + facts.polysemantic).toBeLessThanOrEqual(40);
      expect(facts.leftMonosemantic + facts.rightMonosemantic).toBeLessThanOrEqual(model.analysis.counts.monosemantic);
      expect(facts.primaryDominated).toBeLessThanOrEqual(facts.polysemantic);
      expect(facts.pairedBothSides).toBeLessThanOrEqual(facts.represented);
      expect(facts.represented).toBe(model.analysis.counts.representedFeatures);
    }
  });

  it('gives the example neuron’s primary weight with its sign, as the bars draw it', () => {
    for (const shown of [convergedShown, replicationShown]) {
      const { facts } = intermediateView(shown)!;
      if (!facts.example) continue;
      const model = shown.drawn.models.find((m) => m.density === INTERMEDIATE_DENSITY)!;
      const neuron = model.analysis.neurons[facts.example.neuron]!;
      expect(Math.abs(facts.example.primaryWeight)).toBe(1);
      expect(facts.example.primaryWeight).toBe(neuron.primary.weight);
    }
  });

  it('hands the figure the same plot for the same file, so nothing redraws', () => {
    expect(intermediateView(convergedShown)!.plot).toBe(intermediateView(convergedShown)!.plot);
  });
});
