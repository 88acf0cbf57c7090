import * as tf from '@tensorflow/tfjs-core';
import { MathBackendCPU } from '@tensorflow/tfjs-backend-cpu';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { backendOrder, HALF_PRECISION_REASON, selectBackend, startBackend } from '../../../src/training/backend';
import { measureFloatPrecision } from '../../../src/training/precision';
import { softwareWebGLRenderer } from '../../../src/training/renderer';

// Node has no WebGL, so the renderer a WebGL context would get is stubbed: by default the
// software rasteriser of a machine without a GPU.
vi.mock('../../../src/training/renderer', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../src/training/renderer')>()),
  softwareWebGLRenderer: vi.fn(() => 'SwiftShader Device (Subzero)'),
}));
// The precision probe is real; a test replaces its answer where Node cannot give it.
vi.mock('../../../src/training/precision', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../src/training/precision')>();
  return { ...actual, measureFloatPrecision: vi.fn(actual.measureFloatPrecision) };
});

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
      precision: 32,
      skipped: [
        { backend: 'webgl', reason: 'excluded' },
        { backend: 'wasm', reason: 'excluded' },
      ],
    });
  });

  it('reports 32-bit floats on the CPU backends', async () => {
    expect((await selectBackend({ forced: 'wasm' })).precision).toBe(32);
    expect((await selectBackend({ forced: 'cpu' })).precision).toBe(32);
  });
});

describe('a GPU that stores only 16-bit floats', () => {
  // Node has no WebGL: a cpu backend stands in for WebGL on a hardware GPU whose probe finds
  // half-precision floats.
  const webgl = tf.findBackendFactory('webgl');
  const unregisterWebGL = (): void => {
    if (tf.findBackendFactory('webgl')) tf.removeBackend('webgl');
  };
  beforeEach(() => {
    vi.mocked(softwareWebGLRenderer).mockReturnValue(null);
    unregisterWebGL();
    tf.registerBackend('webgl', () => new MathBackendCPU());
    vi.mocked(measureFloatPrecision).mockImplementation(async () => (tf.getBackend() === 'webgl' ? 16 : 32));
  });
  afterEach(() => {
    vi.mocked(softwareWebGLRenderer).mockReturnValue('SwiftShader Device (Subzero)');
    vi.mocked(measureFloatPrecision).mockReset();
    unregisterWebGL();
    if (webgl) tf.registerBackend('webgl', webgl);
  });

  it('is passed over for wasm in the automatic order, with the reason', async () => {
    const choice = await selectBackend();
    expect(choice).toEqual({ backend: 'wasm', precision: 32, skipped: [{ backend: 'webgl', reason: HALF_PRECISION_REASON }] });
  });

  it('is passed over when a forced backend falls back', async () => {
    const choice = await selectBackend({ forced: 'webgpu' });
    expect(choice.backend).toBe('wasm');
    expect(choice.skipped[1]).toEqual({ backend: 'webgl', reason: HALF_PRECISION_REASON });
  });

  it('is used when asked for by name, and the choice says its floats have 16 bits', async () => {
    const choice = await selectBackend({ forced: 'webgl' });
    expect(choice).toEqual({ backend: 'webgl', precision: 16, skipped: [] });
  });
});
