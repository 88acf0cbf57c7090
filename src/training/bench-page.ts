/**
 * The benchmark page (bench.html): trains the 7-instance sweep for a fixed number of steps with
 * the engine or the baseline on the backend named in the query, and publishes steps/s on
 * `window.benchResult`. Driven by scripts/bench.ts in headless Chromium.
 */
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { makeConfig } from '../model/config';
import { isBackendName, selectBackend } from './backend';
import { BaselineTrainer } from './baseline';
import { SweepEngine } from './engine';
import { WASM_BINARY_URLS } from './wasm-urls';

export interface BenchResult {
  readonly backend: string;
  readonly trainer: 'engine' | 'baseline';
  readonly steps: number;
  readonly stepsPerSecond: number;
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
  const choice = await selectBackend({
    forced: requested,
    wasmUrls: WASM_BINARY_URLS,
  });
  if (choice.backend !== requested) throw new Error(`${requested} unavailable: ${choice.skipped.map((s) => s.reason).join('; ')}`);
  const config = makeConfig({});
  const model = trainer === 'engine' ? new SweepEngine(config) : new BaselineTrainer(config);
  const sync = async (): Promise<void> => {
    if (model instanceof SweepEngine) await model.readWeights();
    else await model.sync();
  };
  for (let s = 0; s < 3; s++) model.trainStep();
  await sync();
  const start = performance.now();
  for (let s = 0; s < steps; s++) model.trainStep();
  await sync();
  const seconds = (performance.now() - start) / 1000;
  model.dispose();
  return { backend: requested, trainer, steps, stepsPerSecond: steps / seconds };
}

main()
  .then((result) => (window.benchResult = result))
  .catch((error: unknown) => {
    window.benchResult = { backend: '', trainer: 'engine', steps: 0, stepsPerSecond: 0, error: error instanceof Error ? error.message : String(error) };
  })
  .finally(() => {
    document.getElementById('result')!.textContent = JSON.stringify(window.benchResult);
  });
