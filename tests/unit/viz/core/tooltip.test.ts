/** Where a figure's tooltip goes: beside the pointer, kept inside the figure. */
import { describe, expect, it } from 'vitest';
import { placeTooltip } from '../../../../src/viz/core/tooltip';

describe('tooltip placement', () => {
  it('centres above the anchor', () => {
    expect(placeTooltip(200, 100, 80, 30, 400)).toEqual({ left: 160, top: 60 });
  });

  it('stays inside the container and flips below near the top', () => {
    expect(placeTooltip(5, 10, 80, 30, 400)).toEqual({ left: 0, top: 20 });
    expect(placeTooltip(395, 100, 80, 30, 400).left).toBe(320);
    expect(placeTooltip(100, 100, 500, 30, 360).left).toBe(0);
  });
});
