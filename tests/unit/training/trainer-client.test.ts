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
});
