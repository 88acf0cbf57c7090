/**
 * Tensors on the CPU backends live in host memory (wasm's heap, cpu's typed arrays), where a short
 * JavaScript loop can read or write them without a kernel dispatch or a copy: the per-instance
 * engine's Adam and its sparse input products use this (docs/engine-speed.md).
 */
import type { MathBackendCPU } from '@tensorflow/tfjs-backend-cpu';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import * as tf from '@tensorflow/tfjs-core';

/** Whether the active backend keeps tensors in host memory. */
export function hostMemoryBackend(): boolean {
  const backend = tf.getBackend();
  return backend === 'wasm' || backend === 'cpu';
}

/**
 * The float32 storage of `tensor` itself (not a copy) on the CPU backends; null on every other
 * backend. Valid until the next kernel runs (a wasm heap can grow and move).
 */
export function hostStorage(tensor: tf.Tensor): Float32Array | null {
  if (tensor.dtype !== 'float32') return null;
  switch (tf.getBackend()) {
    case 'wasm':
      return (tf.backend() as BackendWasm).typedArrayFromHeap(tensor) as Float32Array;
    case 'cpu':
      return (tf.backend() as MathBackendCPU).data.get(tensor.dataId).values as Float32Array;
    default:
      return null;
  }
}
