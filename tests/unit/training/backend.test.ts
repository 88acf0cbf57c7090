import * as tf from '@tensorflow/tfjs-core';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { backendOrder, selectBackend, startBackend } from '../../../src/training/backend';
import { softwareWebGLRenderer } from '../../../src/training/renderer';

// Node has no WebGL, so the renderer a WebGL context would get is stubbed: by default the
// software rasteriser of a machine without a GPU.
vi.mock('../../../src/training/renderer', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../src/training/renderer')>()),
  softwareWebGLRenderer: vi.fn(() => 'SwiftShader Device (Subzero)'),
}));

afterAll(async () => {
  await selectBackend({ forced: 'cpu' });
});

describe('starting a backend', () => {
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

describe('choosing a backend', () => {
  afterEach(() => {
    vi.mocked(softwareWebGLRenderer).mockClear();
  });

  it('tries a backend asked for by name first, then the automatic order without it', () => {
    expect(backendOrder()).toEqual(['webgl', 'wasm', 'cpu']);
    expect(backendOrder('webgpu')).toEqual(['webgpu', 'webgl', 'wasm', 'cpu']);
    expect(backendOrder('wasm')).toEqual(['wasm', 'webgl', 'cpu']);
    expect(backendOrder('cpu')).toEqual(['cpu', 'webgl', 'wasm']);
  });

  it('passes over WebGL on a software renderer in the automatic order', async () => {
    const choice = await selectBackend();
    expect(choice.backend).toBe('wasm');
    expect(choice.skipped).toEqual([{ backend: 'webgl', reason: expect.stringMatching(/software renderer \(SwiftShader/) }]);
  });

  it('falls back from a forced backend that fails along the automatic order: WebGL on a software renderer is passed over for wasm', async () => {
    // WebGPU is not available in Node, as in a browser without it.
    const choice = await selectBackend({ forced: 'webgpu' });
    expect(choice.backend).toBe('wasm');
    expect(choice.skipped.map((s) => s.backend)).toEqual(['webgpu', 'webgl']);
    expect(choice.skipped[1]!.reason).toMatch(/software renderer/);
  });

  it('still tries WebGL on a software renderer when WebGL itself is asked for by name', async () => {
    const choice = await selectBackend({ forced: 'webgl' });
    // Node has no WebGL, so it fails to start, but it was tried rather than passed over.
    expect(choice.skipped[0]).toMatchObject({ backend: 'webgl' });
    expect(choice.skipped[0]!.reason).not.toMatch(/software renderer/);
    expect(choice.backend).toBe('wasm');
  });

  it('skips excluded backends and says so', async () => {
    const choice = await selectBackend({ exclude: ['webgl', 'wasm'] });
    expect(choice).toEqual({
      backend: 'cpu',
      skipped: [
        { backend: 'webgl', reason: 'excluded' },
        { backend: 'wasm', reason: 'excluded' },
      ],
    });
  });
});
