/**
 * The shipped files and run statuses the article's view tests share: the replication sweep, the
 * motif model, the three converged seeds, and a live run's status to patch.
 */
import { readFileSync } from 'node:fs';
import { analyseFile } from '../../../src/article/shipped/shipped-models';
import type { ShownSweep } from '../../../src/article/shipped/shown-sweep';
import { liveConfig } from '../../../src/article/state/live-settings';
import { DEFAULT_STATE } from '../../../src/article/state/url-state';
import { emptyTimeline, MAX_FRAMES } from '../../../src/article/training/timeline';
import type { RunStatus, TrainingStatus } from '../../../src/article/training/training-controller';
import { parseWeightsFile } from '../../../src/model/weights-file';

export const read = (name: string) =>
  analyseFile(parseWeightsFile(JSON.parse(readFileSync(new URL(`../../../public/weights/${name}`, import.meta.url), 'utf8'))));
export const sweep = read('sweep.json');
export const motif = read('motif.json');
export const seeds = [0, 1, 2].map((seed) => read(`sweep-converged-seed${seed}.json`));
export const replicationShown: ShownSweep = { budget: 'replication', drawn: sweep, seed: 0, seeds: [sweep] };
export const convergedShown: ShownSweep = { budget: 'converged', drawn: seeds[1]!, seed: 1, seeds };
export const idle: TrainingStatus = { phase: 'idle', target: null };

export function liveRun(patch: Partial<RunStatus>, density = 0.1): RunStatus {
  const config = liveConfig({ ...DEFAULT_STATE, density, steps: 3_500 });
  return {
    phase: 'training',
    target: 'live',
    config,
    step: 0,
    losses: [],
    lossHistory: [[]],
    snapshot: null,
    timeline: emptyTimeline(MAX_FRAMES),
    backend: 'wasm',
    stepsPerSecond: 0,
    message: null,
    ...patch,
  };
}
