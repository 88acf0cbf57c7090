/**
 * A weights file's training, as the sentences captions quote: the budget it trained with and,
 * where the file records it, the backend.
 */
import type { WeightsFile } from '../../model/weights-file';
import { formatCount } from '../../viz/core/format';

/** "Trained for 10,000 Adam steps of batch 1,024 at learning rate 0.001, seed 0, on the wasm backend." */
export function trainingBudget(file: WeightsFile): string {
  const c = file.config;
  return `Trained for ${formatCount(c.steps)} Adam steps of batch ${formatCount(c.batch)} at learning rate ${c.learningRate}, seed ${c.seed}${file.provenance ? `, on the ${file.provenance.backend} backend` : ''}.`;
}

/** The budget of a sweep retrained here, which may have stopped short of it: "Retrained here with the replication budget: up to …". */
export function retrainBudget(file: WeightsFile): string {
  const c = file.config;
  return `Retrained here with the replication budget: up to ${formatCount(c.steps)} Adam steps of batch ${formatCount(c.batch)} at learning rate ${c.learningRate}, seed ${c.seed}.`;
}
