import { describe, expect, it } from 'vitest';
import { featureColour } from '../../../../src/viz/core/feature-colours';
import {
  describeResponse,
  inputTerms,
  type NeuronResponseData,
  niceStep,
  RESPONSE_MARGIN,
  responseLayout,
} from '../../../../src/viz/neuron-response/response-layout';

/** A neuron with largest weight 1, floor 0.1 and bins of 0.05: many small activations, few large ones. */
const data: NeuronResponseData = {
  neuron: 5,
  kind: 'polysemantic',
  primary: 3,
  scale: 1,
  floor: 0.1,
  samples: 4096,
  fired: 1111,
  histogram: [
    {
      from: 0,
      to: 0.05,
      total: 1000,
      byFeature: [
        { feature: 7, count: 600 },
        { feature: 3, count: 400 },
      ],
    },
    { from: 0.05, to: 0.1, total: 100, byFeature: [{ feature: 7, count: 100 }] },
    { from: 0.1, to: 0.15, total: 0, byFeature: [] },
    {
      from: 0.15,
      to: 0.2,
      total: 10,
      byFeature: [
        { feature: 3, count: 9 },
        { feature: 12, count: 1 },
      ],
    },
    { from: 0.2, to: 0.25, total: 1, byFeature: [{ feature: 3, count: 1 }] },
  ],
  topInputs: [
    {
      activation: 0.21,
      dominant: 3,
      input: [
        { feature: 3, value: 0.3 },
        { feature: 7, value: -0.5 },
      ],
    },
  ],
  weights: Array.from({ length: 13 }, (_, i) => (i === 3 ? 1 : i === 7 ? 0.2 : 0)),
  topPrimaryShare: 1,
  restPrimaryShare: 0.9,
};

describe('the neuron-response histogram', () => {
  const layout = responseLayout(data, 400);

  it('leaves out empty bins and spans the plot from 0 to the last bin’s right edge', () => {
    expect(layout.bars.map((b) => b.total)).toEqual([1000, 100, 10, 1]);
    expect(layout.innerWidth).toBe(400 - RESPONSE_MARGIN.left - RESPONSE_MARGIN.right);
    expect(layout.bars[0]!.x).toBe(0);
    expect(layout.bars.at(-1)!.x + layout.bars.at(-1)!.width + 1).toBeCloseTo(layout.innerWidth);
  });

  it('puts the floor rule at floor ÷ the largest bin edge of the width and marks the bars below it', () => {
    expect(layout.floorX).toBeCloseTo((0.1 / 0.25) * layout.innerWidth);
    expect(layout.bars.map((b) => b.belowFloor)).toEqual([true, true, false, false]);
  });

  it('draws counts on a log axis: each decade the same height, a count of 1 still visible', () => {
    const heights = layout.bars.map((b) => layout.innerHeight - b.y);
    // 1000, 100, 10, 1 are 4, 3, 2, 1 decades tall.
    expect(heights[0]! / heights[3]!).toBeCloseTo(4);
    expect(heights[1]! / heights[3]!).toBeCloseTo(3);
    expect(heights[3]!).toBeGreaterThan(0);
    expect(layout.yTicks.map((t) => t.value)).toEqual([1, 10, 100, 1000]);
  });

  it('splits each bar by dominant feature in proportion to the counts, largest at the bottom, in the feature’s colour', () => {
    const bar = layout.bars[0]!;
    const height = layout.innerHeight - bar.y;
    expect(bar.segments.map((s) => s.feature)).toEqual([7, 3]);
    expect(bar.segments[0]!.height).toBeCloseTo(0.6 * height);
    expect(bar.segments[0]!.y + bar.segments[0]!.height).toBeCloseTo(layout.innerHeight);
    expect(bar.segments[1]!.y).toBeCloseTo(bar.y);
    expect(bar.segments[1]!.colour).toBe(featureColour(3));
  });

  it('lists a top input’s terms W1[j,i]·x_i, largest contribution first', () => {
    expect(inputTerms(data.topInputs[0]!, data.weights)).toEqual([
      { feature: 3, value: 0.3, contribution: 0.3 },
      { feature: 7, value: -0.5, contribution: -0.1 },
    ]);
  });

  it('says in words what the neuron fired on, its floor, and what dominates above the floor', () => {
    const text = describeResponse(data);
    expect(text).toContain('Neuron 5 (polysemantic, primary feature 3');
    expect(text).toContain('fired on 1,111 of 4,096');
    expect(text).toContain('Above the floor, feature 3 contributes most to 91%');
    expect(text).toContain('came mostly from feature 3');
  });

  it('picks tick steps of 1, 2 or 5 × a power of ten', () => {
    expect(niceStep(0.05)).toBeCloseTo(0.05);
    expect(niceStep(0.13)).toBeCloseTo(0.2);
    expect(niceStep(3)).toBe(5);
  });
});
