/**
 * The benchmark page (bench/index.html): trains the 7-instance sweep for a fixed number of steps with
 * the engine (in the formulation named in the query, else the one the backend gets) or the
 * baseline on the backend named in the query, and publishes steps/s on `window.benchResult`.
 * Driven by bench/bench.ts in headless Chromium. `f16=1` makes WebGL store half-precision floats
 * (`WEBGL_FORCE_F16_TEXTURES`), as on phones whose GPU renders only 16-bit floats; the engine then
 * trains with the configuration the page's worker would use there (precision.ts).
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { makeConfig } from '../src/model/config';
import { isBackendName, selectBackend } from '../src/training/backend';
import { configForPrecision, type FloatPrecision } from '../src/training/precision';
import { BaselineTrainer } from './baseline';
import { createTrainingEngine } from '../src/training/engine';
import type { Formulation } from '../src/training/training-engine';
import { WASM_BINARY_URLS } from '../src/training/wasm-urls';

export interface BenchResult {
  readonly backend: string;
  readonly trainer: 'engine' | 'baseline';
  /** The engine's formulation; absent for the baseline. */
  readonly formulation?: Formulation;
  /** Bits of the backend's floats (BackendChoice.precision). */
  readonly precision?: FloatPrecision;
  readonly steps: number;
  readonly stepsPerSecond: number;
  /** The engine's per-instance batch losses one step after the timed ones (a check that it trains, and agrees across formulations). */
  readonly losses?: readonly number[];
  readonly error?: string;
}

declare global {
  interface Window {
    benchResult?: BenchResult;
  }
}

async function main(): Promise<BenchResult> {
  const query = new URLSearchParams(location.search);
  const requested = query.get('backend');
  const trainer = query.get('trainer') === 'baseline' ? 'baseline' : 'engine';
  const steps = Math.min(500, Math.max(1, Number(query.get('steps') ?? 20)));
  if (!isBackendName(requested)) throw new Error(`unknown backend ${requested}`);
  if (query.get('f16') === '1') tf.env().set('WEBGL_FORCE_F16_TEXTURES', true);
  const choice = await selectBackend({
    forced: requested,
    wasmUrls: WASM_BINARY_URLS,
  });
  if (choice.backend !== requested) throw new Error(`${requested} unavailable: ${choice.skipped.map((s) => s.reason).join('; ')}`);
  const config = configForPrecision(makeConfig({}), choice.precision);
  const formulation = query.get('formulation');
  const engine =
    trainer === 'engine'
      ? createTrainingEngine(config, formulation === 'stacked' || formulation === 'per-instance' ? { formulation } : {})
      : null;
  const model = engine ?? new BaselineTrainer(config);
  const sync = async (): Promise<void> => {
    if (engine) await engine.readWeights();
    else if (model instanceof BaselineTrainer) await model.sync();
  };
  for (let s = 0; s < 3; s++) model.trainStep();
  await sync();
  const start = performance.now();
  for (let s = 0; s < steps; s++) model.trainStep();
  await sync();
  const seconds = (performance.now() - start) / 1000;
  const lossTensor = engine?.trainStep(true);
  const losses = lossTensor ? Array.from(await lossTensor.data()) : undefined;
  lossTensor?.dispose();
  model.dispose();
  return {
    backend: requested,
    trainer,
    precision: choice.precision,
    ...(engine ? { formulation: engine.formulation, losses } : {}),
    steps,
    stepsPerSecond: steps / seconds,
  };
}

main()
  .then((result) => (window.benchResult = result))
  .catch((error: unknown) => {
    window.benchResult = {
      backend: '',
      trainer: 'engine',
      steps: 0,
      stepsPerSecond: 0,
      error: error instanceof Error ? error.message : String(error),
    };
  })
  .finally(() => {
    document.getElementById('result')!.textContent = JSON.stringify(window.benchResult);
  });
