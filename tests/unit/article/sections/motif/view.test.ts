/** The motif section's view: the shipped motif model, its motifs outlined, one close-up each. */
import { describe, expect, it } from 'vitest';
import { motifView } from '../../../../../src/article/sections/motif/view';
import { idle, motif } from '../../fixtures';

describe('the motif view', () => {
  it('shows the shipped motif model with its motifs outlined and one close-up per instance', () => {
    const view = motifView(idle, motif)!;
    expect(view.source).toBe('as shipped');
    expect(view.closeups).toHaveLength(view.analysis.motifs.length);
    expect(view.plot.neurons.filter((n) => n.highlight).length).toBe(2 * view.analysis.motifs.length);
  });
});
