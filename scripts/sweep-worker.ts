/**
 * One worker thread of the sweep pool (sweep-pool.ts): trains the runs it is sent, one at a time,
 * on the backend it is told, and evaluates each model; posts progress and the results back.
 */
import { parentPort } from 'node:worker_threads';
import { evaluateLoss } from '../src/model/evaluation';
import { selectBackend } from '../src/training/backend';
import { train } from '../src/training/train';
import type { PoolReply, PoolRequest } from './sweep-pool';

const port = parentPort;
if (!port) throw new Error('sweep-worker.ts runs as a worker thread');

port.on('message', async (request: PoolRequest) => {
  const { job, backend, importance, evalExamples } = request;
  try {
    const choice = await selectBackend({ forced: backend });
    if (choice.backend !== backend) throw new Error(`backend ${backend} did not start here`);
    const started = performance.now();
    const outcome = await train(job.config, {
      reportEvery: 100,
      minReportIntervalMs: 500,
      onProgress: (p) =>
        port.postMessage({
          type: 'progress',
          id: job.id,
          step: p.step,
          totalSteps: p.totalSteps,
          stepsPerSecond: p.stepsPerSecond,
          learningRate: p.learningRate ?? 0,
          losses: p.losses,
        } satisfies PoolReply),
    });
    if (outcome.status !== 'completed') throw new Error(`training ${outcome.status} at step ${outcome.step}`);
    const seconds = (performance.now() - started) / 1000;
    const evaluated = performance.now();
    const evaluations =
      evalExamples > 0
        ? outcome.weights.map((weights, k) => evaluateLoss(weights, job.config.densities[k]!, importance, { examples: evalExamples }))
        : null;
    port.postMessage({
      type: 'done',
      id: job.id,
      weights: outcome.weights,
      losses: outcome.losses,
      seconds,
      evaluations,
      evaluationSeconds: (performance.now() - evaluated) / 1000,
    } satisfies PoolReply);
  } catch (error) {
    port.postMessage({ type: 'failed', id: job.id, reason: error instanceof Error ? error.message : String(error) } satisfies PoolReply);
  }
});
