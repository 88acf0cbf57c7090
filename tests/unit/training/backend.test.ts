import * as tf from '@tensorflow/tfjs-core';
import { afterAll, describe, expect, it } from 'vitest';
import { selectBackend, startBackend } from '../../../src/training/backend';

describe('starting a backend', () => {
  afterAll(async () => {
    await selectBackend({ forced: 'cpu' });
  });

  it('a backend whose start never settles is given up after the timeout, and the next one starts', async () => {
    tf.registerBackend('never-starts', () => new Promise<tf.KernelBackend>(() => undefined));
    const reason = await startBackend('never-starts', 200);
    expect(reason).toMatch(/did not start within 0.2 s/);
    expect(await startBackend('cpu')).toBeNull();
    expect(tf.getBackend()).toBe('cpu');
  });

  it('a backend whose start fails reports why', async () => {
    tf.registerBackend('fails-to-start', () => {
      throw new Error('no device');
    });
    expect(await startBackend('fails-to-start', 1000)).not.toBeNull();
    expect(await startBackend('cpu')).toBeNull();
  });
});
