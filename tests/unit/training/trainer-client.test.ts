import { describe, expect, it } from 'vitest';
import { makeConfig } from '../../../src/model/config';
import type { WorkerEvent } from '../../../src/training/protocol';
import { TrainerClient } from '../../../src/training/trainer-client';
import { fakeWorkers } from '../support/fake-worker';

const config = makeConfig({ n: 5, m: 2, densities: [0.5], steps: 10 });

describe('the trainer client', () => {
  it('drops events from a run it has replaced', () => {
    const { workers, create } = fakeWorkers();
    const events: WorkerEvent[] = [];
    const client = new TrainerClient((e) => events.push(e), create);
    const first = client.train(config);
    const second = client.train(config);
    workers[0]!.answer({ type: 'error', runId: first, message: 'stale' });
    workers[0]!.answer({ type: 'error', runId: second, message: 'current' });
    expect(events.map((e) => (e.type === 'error' ? e.message : e.type))).toEqual(['current']);
    expect(workers).toHaveLength(1);
  });

  it('reports a crashed worker as an error and starts a fresh worker for the next run', () => {
    const { workers, create } = fakeWorkers();
    const events: WorkerEvent[] = [];
    const client = new TrainerClient((e) => events.push(e), create);
    client.train(config);
    workers[0]!.crash('out of memory');
    expect(events).toHaveLength(1);
    expect(events[0]!.type === 'error' && events[0]!.message).toMatch(/training worker failed: out of memory/);
    expect(workers[0]!.terminated).toBe(true);
    client.train(config);
    expect(workers).toHaveLength(2);
    expect(workers[1]!.sent[0]!.type).toBe('train');
  });

  it('reports a worker the browser refuses to construct as a failed run, after train() returns, and tries again on the next run', async () => {
    const { workers, create } = fakeWorkers();
    let refuse = true;
    const events: WorkerEvent[] = [];
    const client = new TrainerClient(
      (e) => events.push(e),
      () => {
        if (refuse) throw new TypeError("Failed to construct 'Worker': This document requires 'TrustedScriptURL' assignment.");
        return create();
      },
    );
    const runId = client.train(config);
    expect(events).toEqual([]);
    await Promise.resolve();
    expect(events).toEqual([
      {
        type: 'error',
        runId,
        message:
          "the browser refused to start a training worker (Failed to construct 'Worker': This document requires 'TrustedScriptURL' assignment.); training is unavailable on this page",
      },
    ]);
    client.pause();
    client.cancel();
    expect(workers).toHaveLength(0);
    refuse = false;
    const next = client.train(config);
    expect(workers).toHaveLength(1);
    expect(workers[0]!.runId).toBe(next);
  });

  it('says nothing of a refused worker for a run already replaced', async () => {
    const events: WorkerEvent[] = [];
    const client = new TrainerClient(
      (e) => events.push(e),
      () => {
        throw new Error('');
      },
    );
    client.train(config);
    const second = client.train(config);
    await Promise.resolve();
    expect(events).toEqual([
      {
        type: 'error',
        runId: second,
        message: 'the browser refused to start a training worker (no reason given); training is unavailable on this page',
      },
    ]);
  });

  it('passes the wasm threads it is given to the worker', () => {
    const { workers, create } = fakeWorkers();
    const client = new TrainerClient(() => {}, create);
    client.train(config, {}, 3);
    expect(workers[0]!.sent[0]).toMatchObject({ type: 'train', wasmThreads: 3 });
    client.train(config);
    expect(workers[0]!.sent[1]).not.toHaveProperty('wasmThreads');
  });
});
