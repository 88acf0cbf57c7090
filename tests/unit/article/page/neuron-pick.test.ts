import { describe, expect, it } from 'vitest';
import { offerText } from '../../../../src/article/page/neuron-pick';

describe('the offer to see a chosen neuron', () => {
  it('points down or up to the neuron-response section, from where the neuron was chosen', () => {
    expect(offerText(7, true, false)).toBe('See what neuron 7 responds to ↓');
    expect(offerText(7, false, false)).toBe('See what neuron 7 responds to ↑');
  });

  it('says so when the neuron is not one the section can show', () => {
    expect(offerText(52, true, true)).toMatch(/^Neuron 52 is not in the converged models .* \(neurons 0–39\)\.$/);
  });
});
