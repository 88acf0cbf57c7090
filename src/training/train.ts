/**
 * Trains a configuration to the end on the active backend and frees every tensor it made: the
 * library entry point used by the CLI, the benchmark and the tests.
 */
import type { ModelConfig } from '../model/config';
import type { NetworkWeights } from '../model/network';
import { createTrainingEngine } from './engine';
import { TrainingRun, type RunOptions, type RunOutcome } from './run';

export async function train(
  config: ModelConfig,
  options: Partial<RunOptions> & { initial?: readonly NetworkWeights[] } = {},
): Promise<RunOutcome> {
  const engine = createTrainingEngine(config, options.initial ? { initial: options.initial } : {});
  try {
    const run = new TrainingRun(engine, { reportEvery: options.reportEvery ?? 100, ...options });
    return await run.done;
  } finally {
    engine.dispose();
  }
}
