import { describe, expect, it } from 'vitest';
import {
  barDomain,
  motifBars,
  motifPanels,
  motifSentence,
  describeMotif,
  inhibitionSentence,
  neuronList,
  responseDomain,
  SIDE_BY_SIDE_MIN_WIDTH,
  BAR_CHAR_PX,
  categoryLines,
  placeValueLabels,
} from '../../../../src/viz/motif/motif-layout';
import type { MotifCloseupData } from '../../../../src/viz/core/types';

// The paper's worked example: W1 = [2, −½] and W2 = [½, 2] after rescaling to a largest input of 1.
const data: MotifCloseupData = {
  title: 'Motif 1',
  featureA: 3,
  featureB: 7,
  asymmetric: { neuron: 3, inA: 1, inB: -0.25, outA: 1, outB: 4 },
  inhibition: { neuron: 8, inA: 1, inB: 0, outA: 0, outB: -5 },
  inhibitionOwn: { feature: 3, inWeight: 1, outOwn: 0, outB: -5, push: -5, netOnB: -1 },
  otherInhibitors: [],
  response: [-1, 0, 1].map((xa) => ({
    xa,
    outAWith: Math.max(0, xa),
    outBWith: 0,
    outAWithout: Math.max(0, xa),
    outBWithout: 4 * Math.max(0, xa),
  })),
};

describe('motif close-up', () => {
  it('has four bars per neuron, asymmetric first, coloured by feature', () => {
    const bars = motifBars(data);
    expect(bars.map((b) => `${b.role}:${b.label}=${b.value}`)).toEqual([
      'asymmetric:in a=1',
      'asymmetric:in b=-0.25',
      'asymmetric:out a=1',
      'asymmetric:out b=4',
      'inhibition:in a=1',
      'inhibition:in b=0',
      'inhibition:out a=0',
      'inhibition:out b=-5',
    ]);
    expect(bars.filter((b) => b.feature === 'b').map((b) => b.label)).toEqual(['in b', 'out b', 'in b', 'out b']);
  });

  it('words a neuron as in the article', () => {
    expect(motifSentence('asymmetric', { neuron: 3, inA: 1, inB: -0.31, outA: 0.52, outB: 1.9 })).toBe(
      'asymmetric neuron 3: in a = 1.00, in b = −0.31; out a = 0.52, out b = 1.90',
    );
  });

  it('bar domain contains every value and zero, with room for labels', () => {
    const [lo, hi] = barDomain(motifBars(data));
    expect(lo).toBeLessThan(-5);
    expect(hi).toBeGreaterThan(4);
    expect(barDomain(motifBars({ asymmetric: data.asymmetric, inhibition: { ...data.inhibition, outB: 0 } }))[0]).toBeLessThan(0);
  });

  it('response domain contains the curves, the target and zero', () => {
    expect(responseDomain(data)).toEqual([0, 4]);
    expect(responseDomain({ response: [] })).toEqual([0, 1]);
  });

  it('puts the panels side by side only when wide enough, never overlapping', () => {
    for (const width of [360, SIDE_BY_SIDE_MIN_WIDTH - 1, SIDE_BY_SIDE_MIN_WIDTH, 900]) {
      const p = motifPanels(width);
      expect(p.sideBySide).toBe(width >= SIDE_BY_SIDE_MIN_WIDTH);
      if (p.sideBySide) expect(p.bars.x + p.bars.w).toBeLessThan(p.response.x);
      else expect(p.bars.y + p.bars.h).toBeLessThanOrEqual(p.response.y);
      expect(p.response.x + p.response.w).toBeLessThanOrEqual(width);
      expect(p.response.y + p.response.h).toBeLessThanOrEqual(p.height);
    }
  });

  it('summarises the interference and its cancellation', () => {
    const text = describeMotif(data);
    expect(text).toContain('Feature a is 3, feature b is 7.');
    // a title that names the features already is not followed by the same in words
    const named = describeMotif({ ...data, title: 'Motif 1: features a = 3 and b = 7' });
    expect(named).toContain('Motif 1: features a = 3 and b = 7.');
    expect(named).not.toContain('Feature a is');
    expect(text).toContain('output b peaks at 0.00 with the whole model and at 4.00 with the inhibition neuron removed');
  });

  it('summarises the inhibition neuron’s own feature too', () => {
    expect(describeMotif(data)).toContain('Inhibition neuron 8’s own main feature is a (feature 3) itself');
  });
});

describe('inhibitionSentence', () => {
  const other = { feature: 4, inWeight: -1, outOwn: 1.1, outB: -1.93, push: -1.93, netOnB: -1.8 };

  it('names a as the inhibition neuron’s own feature when it reads a most', () => {
    expect(inhibitionSentence(data)).toBe(
      'Inhibition neuron 8’s own main feature is a (feature 3) itself: it reads a at full weight and writes 0.00 onto a’s output and −5.00 onto b’s.',
    );
  });

  it('names another main feature and says that it pushes b’s output down, by how much', () => {
    const text = inhibitionSentence({ ...data, inhibition: { ...data.inhibition, inA: 0.42 }, inhibitionOwn: other });
    expect(text).toContain(
      'Inhibition neuron 8’s own main feature is not a but feature 4: it reads feature 4 at full weight and a at 0.42 of that.',
    );
    expect(text).toContain(
      'So feature 4 also pushes b’s output down: alone at full size it lowers b’s pre-activation by 1.93 through neuron 8 (1.80 with every neuron counted).',
    );
  });

  it('says when other neurons make up for the push, instead of claiming an inhibition', () => {
    const text = inhibitionSentence({ ...data, inhibitionOwn: { ...other, netOnB: 0.25 } });
    expect(text).toContain('with every neuron counted it moves by +0.25, so feature 4 does not push b’s output down.');
    expect(text).not.toContain('also pushes');
  });

  it('names b when the neuron reads b most', () => {
    expect(inhibitionSentence({ ...data, inhibitionOwn: { ...other, feature: 7 } })).toContain('own main feature is b (feature 7) itself');
  });

  it('lists further inhibitors in the singular and the plural', () => {
    expect(inhibitionSentence({ ...data, otherInhibitors: [5] })).toMatch(/ Neuron 5 also takes back part of a’s push on b\.$/);
    expect(inhibitionSentence({ ...data, otherInhibitors: [5, 9] })).toMatch(/ Neurons 5 and 9 also take back part of a’s push on b\.$/);
    expect(inhibitionSentence(data)).not.toContain('also take');
  });

  it('joins neuron lists', () => {
    expect(neuronList([7])).toBe('neuron 7');
    expect(neuronList([7, 9])).toBe('neurons 7 and 9');
    expect(neuronList([3, 7, 9])).toBe('neurons 3, 7 and 9');
  });
});

describe('the bars’ labels at 320 px', () => {
  it('sets "out a" over two lines where its slot is narrower than the words', () => {
    expect(categoryLines('out a', 60)).toEqual(['out a']);
    expect(categoryLines('out a', 29)).toEqual(['out', 'a']);
  });

  it('keeps every value label inside its group and clear of its neighbour', () => {
    // A 135 px group (a 320 px phone): −10.92 on the last bar would pass the right edge.
    const placed = placeValueLabels(
      [
        { text: '−0.24', x: 14, y: 110 },
        { text: '0.00', x: 44, y: 97 },
        { text: '0.08', x: 89, y: 95 },
        { text: '−10.92', x: 119, y: 180 },
      ],
      135,
      100,
    );
    for (const l of placed) {
      const half = (l.text.length * BAR_CHAR_PX) / 2;
      expect(l.x - half).toBeGreaterThanOrEqual(0);
      expect(l.x + half).toBeLessThanOrEqual(135);
    }
    for (let k = 1; k < placed.length; k++) {
      const [a, b] = [placed[k - 1]!, placed[k]!];
      const apart = Math.abs(a.x - b.x) >= ((a.text.length + b.text.length) * BAR_CHAR_PX) / 2;
      expect(apart || Math.abs(a.y - b.y) >= 11).toBe(true);
    }
  });
});
