import { describe, expect, it } from 'vitest';
import { type ClaimFile, type ClaimRecord, parseClaimFile } from '../../../../../src/article/sections/neuron-response/claim';
import {
  chosenNeuron,
  claimRows,
  claimSentences,
  shareRange,
  sourceName,
  sourceNote,
} from '../../../../../src/article/sections/neuron-response/view';

const record = (seed: number, density: number, top: number, rest: number, topNoFloor: number): ClaimRecord => ({
  seed,
  density,
  polysemantic: 20,
  withFloor: { topPrimaryShare: top, restPrimaryShare: rest, restEffectiveFeatures: 3 },
  withoutFloor: { topPrimaryShare: topNoFloor, restPrimaryShare: rest / 2, restEffectiveFeatures: 9 },
});

const file: ClaimFile = {
  provenance: { script: 's', samples: 1_000_000, inputSeed: 1, floorFraction: 0.1, topFraction: 0.01, sources: [] },
  records: [
    record(0, 0.01, 1, 0.31, 0.89),
    record(1, 0.01, 1, 0.35, 0.9),
    record(0, 0.003, 0.968, 0.133, 0.474),
    record(1, 0.003, 0.981, 0.149, 0.486),
  ],
};

describe('the neuron-response text', () => {
  const text = claimSentences(file).join(' ');

  it('states the sample count, the floor rule and the seeds', () => {
    expect(text).toContain('Over 1,000,000 inputs per model');
    expect(text).toContain('at least 0.1 × the neuron’s largest input weight (the floor)');
    expect(text).toContain('seeds 0, 1');
  });

  it('leads with the takeaway: the top activations are the primary’s at every level and seed', () => {
    expect(text).toMatch(
      /^The paper’s claim holds here: at 1 − S = 0\.01 and 0\.003, a polysemantic neuron’s largest activations \(its top 1%\) come almost only from its primary feature, in every seed \(a median share of 0\.97–1\.00\)\./,
    );
    const weak: ClaimFile = { ...file, records: [record(0, 0.01, 0.6, 0.3, 0.5)] };
    expect(claimSentences(weak)[0]).toMatch(/holds only in part/);
  });

  it('says the claim weakens below the top, from the densest level’s share to the sparsest’s, and what the floor does', () => {
    expect(text).toContain(
      'It weakens as features get rarer: below the top, the primary feature’s share falls from 0.31–0.35 at 1 − S = 0.01 to 0.13–0.15 at 0.003',
    );
    expect(text).toContain('without it, the countless tiny activations');
    expect(claimSentences(file)).toHaveLength(3);
  });

  it('makes no caveat when the numbers do not bear one out', () => {
    const strong: ClaimFile = { ...file, records: [record(0, 0.003, 1, 0.5, 0.9)] };
    expect(claimSentences(strong).join(' ')).not.toContain('weakens');
  });

  it('lists a row per level and seed, with and without the floor', () => {
    const rows = claimRows(file);
    expect(rows.map((r) => `${r.density}/${r.seed}`)).toEqual(['0.01/0', '0.01/1', '0.003/0', '0.003/1']);
    expect(rows[2]).toMatchObject({ top: '0.97', rest: '0.13', topWithoutFloor: '0.47' });
  });

  it('ranges collapse when the seeds agree and say none without a value', () => {
    expect(shareRange([1, 1])).toBe('1.00');
    expect(shareRange([null])).toBe('none');
  });
});

describe('the neuron shown', () => {
  it('is the link’s neuron clamped to the model, 0 without one', () => {
    expect(chosenNeuron(undefined, 40)).toBe(0);
    expect(chosenNeuron(5, 40)).toBe(5);
    expect(chosenNeuron(50, 40)).toBe(39);
    expect(chosenNeuron(-3, 40)).toBe(0);
  });
});

describe('reading activation-statistics.json', () => {
  it('refuses a file without provenance or with malformed records, saying which', () => {
    expect(() => parseClaimFile({ records: [] })).toThrow(/provenance/);
    expect(() => parseClaimFile({ provenance: file.provenance, records: [{ seed: 'x' }] })).toThrow(/records/);
    expect(() => parseClaimFile(null)).toThrow(/not a JSON object/);
  });
});

describe('why the section shows another model than the clicked one', () => {
  const shown = { density: 0.01, seed: 0 };

  it('says nothing when no neuron was clicked, or the clicked model is the one shown', () => {
    expect(sourceNote(undefined, 4, shown)).toBeNull();
    expect(sourceNote({ budget: 'converged', seed: 1, density: 0.003 }, 4, { density: 0.003, seed: 1 })).toBeNull();
  });

  it('names the clicked model, the models it measures, and the model it shows instead', () => {
    expect(sourceNote({ budget: 'live' }, 4, shown)).toBe(
      'Neuron 4 was chosen in the live model trained on this page. This section measures only the shipped converged models at 1 − S = 0.03, 0.01, 0.003 (seeds 0, 1, 2), so it shows neuron 4 of the converged model at 1 − S = 0.01, seed 0: a different model, whose neuron 4 is another neuron.',
    );
    expect(sourceNote({ budget: 'converged', seed: 2, density: 0.1 }, 4, shown)).toMatch(
      /^Neuron 4 was chosen in the converged model at 1 − S = 0\.1, seed 2\. /,
    );
    expect(sourceName({ budget: 'motif', seed: 3, density: 0.25 })).toBe('the motif model');
    expect(sourceName({ budget: 'grid', seed: 4, density: 0.003 })).toBe('a model of the density grid at 1 − S = 0.003, seed 4');
    expect(sourceName({ budget: '<img src=x>'.repeat(5) })).toMatch(/^a model this section does not know \(“.{24}”\)$/);
  });
});
