/**
 * The training worker: runs one TrainingRun at a time off the main thread. A new 'train' request
 * cancels the current run first, so moving the slider mid-training restarts cleanly.
 */
/// <reference lib="webworker" />
import wasmUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { selectBackend } from './backend';
import { SweepEngine } from './engine';
import type { TrainRequest, WorkerEvent, WorkerRequest } from './protocol';
import { TrainingRun } from './run';

declare const self: DedicatedWorkerGlobalScope;

const wasmUrls = {
  'tfjs-backend-wasm.wasm': wasmUrl,
  'tfjs-backend-wasm-simd.wasm': wasmSimdUrl,
  'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedSimdUrl,
};

let current: { runId: number; run: TrainingRun | null } | null = null;
let queue: Promise<void> = Promise.resolve();

const post = (event: WorkerEvent): void => self.postMessage(event);

async function train(request: TrainRequest): Promise<void> {
  const { runId } = request;
  current = { runId, run: null };
  let engine: SweepEngine | null = null;
  try {
    const choice = await selectBackend({ forced: request.backend, wasmUrls });
    post({ type: 'backend', runId, choice });
    if (current?.runId !== runId) return;
    engine = new SweepEngine(request.config, request.initial);
    const run = new TrainingRun(engine, {
      reportEvery: request.reportEvery,
      snapshotEveryReports: request.snapshotEveryReports,
      onProgress: (progress) => post({ type: 'progress', runId, progress }),
    });
    current.run = run;
    post({ type: 'outcome', runId, outcome: await run.done });
  } catch (error) {
    post({ type: 'error', runId, message: error instanceof Error ? error.message : String(error) });
  } finally {
    engine?.dispose();
  }
}

self.onmessage = (message: MessageEvent<WorkerRequest>) => {
  const request = message.data;
  if (request.type === 'train') {
    current?.run?.cancel();
    current = null;
    queue = queue.then(() => train(request));
    return;
  }
  if (current?.runId !== request.runId) return;
  if (request.type === 'pause') current.run?.pause();
  else if (request.type === 'resume') current.run?.resume();
  else current.run?.cancel();
};
