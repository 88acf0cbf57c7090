/**
 * Float precision of the active backend, and what training does about it.
 *
 * Many phone GPUs render only 16-bit floats. TF.js's WebGL backend then stores every tensor in
 * half-precision textures, whose smallest normal number is about 6e-5: Adam's ε = 1e-8 rounds to
 * 0, the first update divides 0 by 0, and nearly every weight is NaN after step 1 (measured with
 * `WEBGL_FORCE_F16_TEXTURES` in Chromium; docs/performance.md, "Half-precision GPUs"). With
 * ε = 1e-4, which half precision holds, the same runs stay finite; dense models train about as on
 * 32 bits, sparse ones barely. So the automatic backend order passes such a GPU over
 * (backend.ts), and only WebGL chosen by name trains there, with the larger ε.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { ModelConfig } from '../model/config';

/** Bits of the floats a backend stores tensors in. */
export type FloatPrecision = 16 | 32;

/** Adam's ε on a half-precision backend: the smallest round power of ten above f16's 6.1e-5. */
export const HALF_PRECISION_ADAM_EPSILON = 1e-4;

/**
 * What most likely made a run diverge: the backend's half-precision floats, or (on 32-bit floats)
 * a learning rate too large for the model.
 */
export type DivergenceCause = 'half-precision' | 'learning-rate';

/** Elements in the probe: at 128 or more TF.js runs the product on the GPU, not on the CPU. */
const PROBE_SIZE = 256;
const PROBE_VALUE = 1e-8;

/**
 * The precision the active backend stores tensors in. wasm, cpu and WebGPU use 32-bit floats.
 * WebGL uses 16-bit ones where the GPU cannot render to 32-bit float textures (TF.js's
 * `WEBGL_RENDER_FLOAT32_ENABLED` is false); where it says it can, a probe checks that Adam's
 * ε = 1e-8 survives one GPU kernel. TF.js's own `backend.floatPrecision()` cannot tell: on WebGL
 * it answers 16 exactly when 32-bit rendering is enabled (tensorflow/tfjs#6980), and its underflow
 * check runs a one-element op that TF.js forwards to the CPU, so it answers 32 on a half-precision
 * GPU. Throws if the probe's kernel fails: a backend that cannot multiply is not usable.
 */
export async function measureFloatPrecision(): Promise<FloatPrecision> {
  if (tf.getBackend() !== 'webgl') return 32;
  if (!tf.env().getBool('WEBGL_RENDER_FLOAT32_ENABLED')) return 16;
  const probe = tf.tidy(() => tf.mul(tf.ones([PROBE_SIZE]), PROBE_VALUE));
  try {
    const [value] = await probe.data();
    return Math.abs(value! - PROBE_VALUE) <= 1e-3 * PROBE_VALUE ? 32 : 16;
  } finally {
    probe.dispose();
  }
}

/**
 * `config` as it trains on a backend of `precision`: on 16 bits with Adam's ε raised to
 * `HALF_PRECISION_ADAM_EPSILON` (a larger ε the reader chose is kept); on 32 bits unchanged. The
 * model then differs from a 32-bit backend's beyond float rounding, and a permalink opened on such
 * a device trains a slightly different model.
 */
export function configForPrecision(config: ModelConfig, precision: FloatPrecision): ModelConfig {
  if (precision === 32 || config.adamEpsilon >= HALF_PRECISION_ADAM_EPSILON) return config;
  return Object.freeze({ ...config, adamEpsilon: HALF_PRECISION_ADAM_EPSILON });
}

/** The likely cause of a divergence on a backend of `precision`. */
export function likelyDivergenceCause(precision: FloatPrecision): DivergenceCause {
  return precision === 16 ? 'half-precision' : 'learning-rate';
}
