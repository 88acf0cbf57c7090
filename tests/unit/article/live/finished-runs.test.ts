/** The finished live runs kept for Back/Forward: by configuration, at most `capacity`, least recently used dropped first. */
import { describe, expect, it } from 'vitest';
import { FINISHED_RUNS_KEPT, FinishedRuns } from '../../../../src/article/live/finished-runs';
import { makeConfig } from '../../../../src/model/config';

const at = (density: number) => makeConfig({ densities: [density], steps: 300 });

describe('the finished live runs', () => {
  it('gives back a run by an equal configuration, and nothing for another', () => {
    const runs = new FinishedRuns<string>();
    runs.put(at(0.1), 'run at 0.1');
    expect(runs.get(at(0.1))).toBe('run at 0.1');
    expect(runs.get(at(0.03))).toBeUndefined();
    expect(runs.get(makeConfig({ densities: [0.1], steps: 301 }))).toBeUndefined();
  });

  it(`keeps at most ${FINISHED_RUNS_KEPT}, dropping the least recently used`, () => {
    const runs = new FinishedRuns<number>();
    const densities = Array.from({ length: FINISHED_RUNS_KEPT + 1 }, (_, k) => 0.01 * (k + 1));
    runs.put(at(densities[0]!), 0);
    runs.put(at(densities[1]!), 1);
    expect(runs.get(at(densities[0]!))).toBe(0); // used again: now the newest
    for (const [k, d] of densities.slice(2).entries()) runs.put(at(d), k + 2);
    expect(runs.size).toBe(FINISHED_RUNS_KEPT);
    expect(runs.get(at(densities[1]!))).toBeUndefined();
    expect(runs.get(at(densities[0]!))).toBe(0);
    expect(runs.get(at(densities.at(-1)!))).toBe(FINISHED_RUNS_KEPT);
  });
});
