/**
 * The training worker: runs one TrainingRun at a time off the main thread. A new 'train' request
 * cancels the current run first, so moving the slider mid-training restarts cleanly. When a
 * backend fails mid-run (a lost WebGL context, say), training continues on the next backend from
 * the last weights read back, and the page is told. On a backend that stores half-precision floats
 * (many phone GPUs) the run trains with a larger Adam ε, and a run that diverges is reported with
 * its likely cause (precision.ts).
 */
/// <reference lib="webworker" />
import * as tf from '@tensorflow/tfjs-core';
import type { NetworkWeights } from '../model/network';
import { selectBackend, type BackendName } from './backend';
import { createTrainingEngine } from './engine';
import type { RunEnd, TrainRequest, WorkerEvent, WorkerRequest } from './protocol';
import { type RunOutcome, TrainingRun } from './run';
import { snapshotOf } from './snapshot';
import { configForPrecision, likelyDivergenceCause } from './precision';
import type { BackendChoice } from './backend';
import { WASM_BINARY_URLS } from './wasm-urls';

declare const self: DedicatedWorkerGlobalScope;

let current: { runId: number; run: TrainingRun | null } | null = null;
let queue: Promise<void> = Promise.resolve();
/** Backends that failed in this worker; never chosen again. */
const broken = new Set<BackendName>();

const post = (event: WorkerEvent): void => self.postMessage(event);

/** The active WebGL context, if the backend is WebGL. */
function webglContext(): WebGLRenderingContext | WebGL2RenderingContext | null {
  if (tf.getBackend() !== 'webgl') return null;
  const backend = tf.backend() as unknown as { gpgpu?: { gl?: WebGLRenderingContext | WebGL2RenderingContext } };
  return backend.gpgpu?.gl ?? null;
}

/** Settles when the active WebGL context is lost; never for other backends. */
function contextLoss(): Promise<string> {
  const gl = webglContext();
  return new Promise((resolve) => {
    if (!gl) return;
    if (gl.isContextLost()) resolve('the WebGL context was lost');
    gl.canvas.addEventListener('webglcontextlost', () => resolve('the WebGL context was lost'), { once: true });
  });
}

/** A finished run as the page hears it, its weights analysed here. */
function runEnd(request: TrainRequest, outcome: Exclude<RunOutcome, { status: 'failed' }>, choice: BackendChoice): RunEnd {
  const { config } = request;
  switch (outcome.status) {
    case 'completed':
      return {
        status: 'completed',
        step: outcome.step,
        losses: outcome.losses,
        snapshot: snapshotOf(config, outcome.step, outcome.weights, outcome.losses),
      };
    case 'cancelled':
      return outcome;
    case 'diverged': {
      const { lastGoodWeights, lastGoodStep } = outcome;
      const lastGood = lastGoodWeights.length > 0 ? snapshotOf(config, lastGoodStep, lastGoodWeights) : null;
      return {
        status: 'diverged',
        step: outcome.step,
        losses: outcome.losses,
        lastGood,
        likelyCause: likelyDivergenceCause(choice.precision),
      };
    }
  }
}

async function train(request: TrainRequest): Promise<void> {
  const { runId } = request;
  current = { runId, run: null };
  let initial: readonly NetworkWeights[] | undefined = request.initial;
  let startStep = 0;
  try {
    for (;;) {
      const choice = await selectBackend({
        forced: request.backend,
        exclude: [...broken],
        wasmUrls: WASM_BINARY_URLS,
        ...(request.wasmThreads !== undefined ? { wasmThreads: request.wasmThreads } : {}),
      });
      post({ type: 'backend', runId, choice });
      if (current?.runId !== runId) return;
      const config = configForPrecision(request.config, choice.precision);
      const engine = createTrainingEngine(config, { ...(initial ? { initial } : {}), startStep });
      const run = new TrainingRun(engine, {
        reportEvery: request.reportEvery,
        snapshotEveryReports: request.snapshotEveryReports,
        minReportIntervalMs: request.minReportIntervalMs,
        onProgress: ({ weights, ...progress }) =>
          post({
            type: 'progress',
            runId,
            ...progress,
            ...(weights ? { snapshot: snapshotOf(request.config, progress.step, weights, progress.losses) } : {}),
          }),
        backendLost: contextLoss(),
      });
      current.run = run;
      const outcome = await run.done;
      try {
        engine.dispose();
      } catch {
        // A lost WebGL context can refuse to free its textures; they went with the context anyway.
      }
      if (outcome.status !== 'failed') {
        post({ type: 'outcome', runId, outcome: runEnd(request, outcome, choice), tensors: tf.memory().numTensors });
        return;
      }
      broken.add(choice.backend);
      post({ type: 'fallback', runId, from: choice.backend, reason: outcome.reason, resumeStep: outcome.lastGoodStep });
      if (outcome.lastGoodWeights.length > 0) {
        initial = outcome.lastGoodWeights;
        startStep = outcome.lastGoodStep;
      }
    }
  } catch (error) {
    post({ type: 'error', runId, message: error instanceof Error ? error.message : String(error) });
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
  if (request.type === 'lose-webgl-context') {
    webglContext()?.getExtension('WEBGL_lose_context')?.loseContext();
    return;
  }
  if (current?.runId !== request.runId) return;
  if (request.type === 'pause') current.run?.pause();
  else if (request.type === 'resume') current.run?.resume();
  else current.run?.cancel();
};
