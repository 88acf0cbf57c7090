/** The step from URL state to a training configuration: the live model is one instance at the reader's settings. */
import { makeConfig, type ModelConfig } from '../model/config';
import type { ArticleState } from './url-state';

export function liveConfig(state: ArticleState): ModelConfig {
  return makeConfig({
    densities: [state.density],
    seed: state.seed,
    steps: state.steps,
    learningRate: state.learningRate,
    m: state.m,
    importanceDecay: state.importanceDecay,
  });
}
