import { describe, expect, it } from 'vitest';
import { replayStart } from '../../../../src/viz/training-timeline/timeline-layout';

describe('replayStart', () => {
  it('replays from the frame drawn, or from the first when the last is drawn', () => {
    expect(replayStart(10, 4)).toBe(4);
    expect(replayStart(10, 9)).toBe(0);
    expect(replayStart(10, -1)).toBe(0);
    expect(replayStart(10, Number.NaN)).toBe(0);
  });

  it('has nothing to replay with fewer than two frames', () => {
    expect(replayStart(1, 0)).toBeUndefined();
    expect(replayStart(0, 0)).toBeUndefined();
  });
});
