/** The motif sentence, on the shipped motif model: the asymmetric neuron's input weights as the bars show them. */
import { describe, expect, it } from 'vitest';
import { motifSentence } from '../../../../../src/article/sections/motif/text';
import { formatNumber } from '../../../../../src/viz/core/format';
import { motif } from '../../fixtures';

describe('the motif sentence', () => {
  const instances = motif.models[0]!.analysis.motifs;

  it('gives both input weights with their signs, and says where a is read on its negative side', () => {
    expect(instances.length).toBeGreaterThan(0);
    for (const m of instances) {
      const text = motifSentence(m, 'instance 1');
      const w = m.asymmetricWeights;
      expect(text).toContain(`feature ${m.featureA} (a) at full strength (weight ${formatNumber(w.inA)})`);
      expect(text).toContain(`feature ${m.featureB} (b) at weight ${formatNumber(w.inB)}`);
      expect(text.includes('at xₐ = −1')).toBe(m.signA < 0);
    }
  });
});
