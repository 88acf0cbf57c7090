import { describe, expect, it } from 'vitest';
import { makeConfig } from '../../../src/model/config';
import { selectBackend } from '../../../src/training/backend';
import {
  configForPrecision,
  HALF_PRECISION_ADAM_EPSILON,
  likelyDivergenceCause,
  measureFloatPrecision,
} from '../../../src/training/precision';

describe('training on a backend of a given float precision', () => {
  it('keeps the configuration as it is on 32-bit floats', () => {
    const config = makeConfig({ adamEpsilon: 1e-8 });
    expect(configForPrecision(config, 32)).toBe(config);
  });

  it('raises Adam’s ε to one that 16-bit floats hold, and changes nothing else', () => {
    const config = makeConfig({ adamEpsilon: 1e-8 });
    const half = configForPrecision(config, 16);
    expect(half).toEqual({ ...config, adamEpsilon: HALF_PRECISION_ADAM_EPSILON });
    expect(HALF_PRECISION_ADAM_EPSILON).toBeGreaterThan(6.1e-5); // f16's smallest normal number
  });

  it('keeps a larger ε the reader chose on 16-bit floats', () => {
    const config = makeConfig({ adamEpsilon: 1e-3 });
    expect(configForPrecision(config, 16)).toBe(config);
  });

  it('names half precision as the likely cause of a divergence on 16-bit floats, the learning rate otherwise', () => {
    expect(likelyDivergenceCause(16)).toBe('half-precision');
    expect(likelyDivergenceCause(32)).toBe('learning-rate');
  });

  it('measures 32-bit floats on the CPU backends', async () => {
    for (const backend of ['cpu', 'wasm'] as const) {
      await selectBackend({ forced: backend });
      expect(await measureFloatPrecision()).toBe(32);
    }
  });
});
