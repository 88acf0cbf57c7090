/**
 * The training engine: K independent instances of the model (one per feature density) trained
 * side by side with Adam. Two formulations of the same arithmetic, chosen by backend:
 *
 * - per-instance (wasm, cpu): a compacted batch and 2-D products per instance, small dispatches,
 *   Adam and the sparse levels' input products as loops over host memory (per-instance-engine.ts);
 * - stacked (webgl, webgpu): every instance in one [K, rows, …] tensor, one batched product per
 *   layer, so a step is a few dozen large dispatches instead of several hundred small ones
 *   (stacked-engine.ts).
 *
 * Both draw the same data from the same seeded streams and start from the same weights, so a
 * permalink trains the same model on any backend (up to float rounding). An engine owns its
 * tensors: `dispose()` frees every one, so the tensor count is flat across retrainings. Steps
 * never read back; `readWeights` and the loss tensor a step can return are the only readbacks.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { ModelConfig } from '../model/config';
import { activeSoftwareRenderer } from './backend';
import { PerInstanceEngine } from './per-instance-engine';
import { StackedEngine } from './stacked-engine';
import type { EngineOptions, Formulation, TrainingEngine } from './training-engine';

/**
 * GPU backends pay per dispatch, so they get the stacked formulation; CPU backends pay per flop
 * and take the fast 2-D paths. A GPU backend on a software renderer computes on the CPU too, and
 * there the per-instance formulation measured faster (docs/performance.md).
 */
export function formulationFor(backend: string, softwareRenderer = false): Formulation {
  return (backend === 'webgl' || backend === 'webgpu') && !softwareRenderer ? 'stacked' : 'per-instance';
}

/** A fresh engine for `config` (validated) in the formulation `options` asks for or the backend suits. */
export function createTrainingEngine(config: ModelConfig, options: EngineOptions = {}): TrainingEngine {
  const formulation = options.formulation ?? formulationFor(tf.getBackend(), activeSoftwareRenderer() !== null);
  const Engine = formulation === 'stacked' ? StackedEngine : PerInstanceEngine;
  return new Engine(config, options.initial, options.startStep ?? 0);
}
