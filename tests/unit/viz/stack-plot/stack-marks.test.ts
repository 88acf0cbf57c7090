import { describe, expect, it } from 'vitest';
import { clipMarks, countBars, NOTE_CHAR_WIDTH, primaryOutlines, scaleNote } from '../../../../src/viz/stack-plot/stack-marks';
import { countBarHeight, stackLayout } from '../../../../src/viz/stack-plot/stack-layout';
import type { StackPlotData, StackPlotNeuron } from '../../../../src/viz/core/types';

function neuron(index: number, inWeights: readonly number[]): StackPlotNeuron {
  return {
    neuron: index,
    polysemanticity: 0,
    kind: 'polysemantic',
    description: `neuron ${index}`,
    weights: inWeights.map((inWeight, feature) => ({ feature, inWeight, outWeight: 1 })),
  };
}

/** Nineteen neurons of one primary and one small secondary, and one that reads five features fully (stack 5). */
const neurons = [...Array.from({ length: 19 }, (_, k) => neuron(k, [1, 0.2])), neuron(19, [1, 1, 1, 1, 1, -0.3])];
const data: StackPlotData = { neurons, superposition: Array(6).fill(0), yMax: 5 };
const layout = stackLayout(data, 400, 200);

describe('stack plot marks', () => {
  it('outlines the primary segment, at the axis, of every column with more than one segment', () => {
    const subpaths = primaryOutlines(layout).split('z').filter(Boolean);
    expect(subpaths).toHaveLength(20);
    const mono = stackLayout({ neurons: [neuron(0, [1]), neuron(1, [0, -1])], superposition: [0, 0] }, 100, 100);
    expect(primaryOutlines(mono)).toBe('');
  });

  it('marks the one clipped stack with a cut, an arrow and its true height, inside the plot', () => {
    const marks = clipMarks(layout, 200);
    expect(marks.labels).toEqual([{ neuron: 19, side: 'up', x: expect.any(Number), y: 15, text: '5.0' }]);
    expect(marks.gaps.match(/M/g)).toHaveLength(1);
    expect(marks.arrows.match(/M/g)).toHaveLength(1);
    // The last column's label is pulled in so that it ends inside the plot's 400 px.
    const column = layout.columns[19]!;
    expect(marks.labels[0]!.x).toBeLessThanOrEqual(column.x + column.w / 2);
    expect(marks.labels[0]!.x + (3 * 5) / 2).toBeLessThanOrEqual(400);
    expect(clipMarks(stackLayout({ ...data, order: 'neuron' }, 400, 200), 200).labels).toEqual([]);
  });

  it('drops a clip label that would overlap its neighbour’s', () => {
    const two = [...neurons, neuron(20, [1, 1, 1, 1, 1, 1])];
    const narrow = stackLayout(
      { neurons: [...Array.from({ length: 20 }, (_, k) => neuron(k + 40, [1])), ...two], superposition: Array(6).fill(0) },
      200,
      200,
    );
    const marks = clipMarks(narrow, 200);
    expect(marks.gaps.match(/M/g)).toHaveLength(2);
    expect(marks.labels).toHaveLength(1);
  });

  it('draws one count bar per column, taller for a neuron that reads more features', () => {
    expect(countBars(layout, 203).match(/M/g)).toHaveLength(20);
    expect(countBarHeight(1)).toBeLessThan(countBarHeight(4));
    expect(countBarHeight(4)).toBeLessThan(countBarHeight(20));
    expect(countBarHeight(400)).toBe(countBarHeight(25));
    expect(countBarHeight(0)).toBe(0);
  });

  it('says in words what the clipped range holds, shorter on a narrow plot and wrapped on a phone', () => {
    expect(scaleNote(1.5, 800)).toEqual([
      'y range ±1.5 holds 9 in 10 columns; taller stacks are cut at the edge, their true height printed',
    ]);
    expect(scaleNote(2, 400)).toEqual(['y range ±2, set by 9 in 10 columns; taller ones cut']);
    // a 320 px phone: the live plot's inner width is about 240 px
    expect(scaleNote(2.5, 238)).toEqual(['y range ±2.5, set by 9 in 10 columns;', 'taller ones cut']);
  });

  it('never writes a line longer than the plot is wide, at any width from a phone to a laptop', () => {
    for (let width = 200; width <= 1000; width += 7) {
      for (const yMax of [1.5, 2.5, 25, 250]) {
        const lines = scaleNote(yMax, width);
        for (const line of lines) expect(line.length * NOTE_CHAR_WIDTH, `${width} px: ${line}`).toBeLessThanOrEqual(width);
        expect(lines.join(' ')).toMatch(/^y range ±[\d.]+.* 9 in 10 columns; taller/);
      }
    }
  });
});
