/**
 * Chooses the TF.js backend: WebGL where the browser has it on a hardware GPU with 32-bit floats,
 * then wasm, then cpu. WebGPU is only used when asked for by name (it is not measured faster than
 * WebGL for this model's small matrices). The caller learns which backend was picked, the precision
 * of its floats, and which backends were tried and why they were passed over.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-webgl';
import { setThreadsCount, setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { reportedCores } from './parallelism';
import { type FloatPrecision, measureFloatPrecision } from './precision';
import { softwareRendererOf, softwareWebGLRenderer } from './renderer';

export const BACKEND_NAMES = ['webgl', 'webgpu', 'wasm', 'cpu'] as const;
export type BackendName = (typeof BACKEND_NAMES)[number];

/** The automatic order. */
export const BACKEND_PREFERENCE: readonly BackendName[] = ['webgl', 'wasm', 'cpu'];

export function isBackendName(value: unknown): value is BackendName {
  return typeof value === 'string' && (BACKEND_NAMES as readonly string[]).includes(value);
}

/** Where the browser finds the wasm binaries (Vite asset URLs); Node finds them itself. */
export type WasmBinaryUrls = Parameters<typeof setWasmPaths>[0];

export interface BackendChoice {
  readonly backend: BackendName;
  /**
   * Bits of the floats the backend stores tensors in: 16 on GPUs that render only half floats
   * (many phones), where training needs a larger Adam ε (precision.ts), else 32.
   */
  readonly precision: FloatPrecision;
  /** Backends tried before it, with the reason each was passed over. */
  readonly skipped: readonly { backend: BackendName; reason: string }[];
}

async function register(name: BackendName): Promise<void> {
  if (name === 'webgpu' && !tf.findBackendFactory('webgpu')) {
    await import('@tensorflow/tfjs-backend-webgpu');
  }
}

/**
 * How long a backend may take to start. A start can hang rather than fail (WebGL over SwiftShader
 * now and then; wasm threads whose workers cannot load), and a hung start would leave the page
 * waiting for ever; after this long the backend is dropped and the next one tried.
 */
export const BACKEND_START_TIMEOUT_MS = 30_000;

/** Starts backend `name`: null when it is active, else why not. Never hangs past `timeoutMs`. */
export async function startBackend(name: string, timeoutMs = BACKEND_START_TIMEOUT_MS): Promise<string | null> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<'timed out'>((resolve) => (timer = setTimeout(() => resolve('timed out'), timeoutMs)));
  try {
    const ok = await Promise.race([
      tf.setBackend(name).then(async (set) => {
        await tf.ready();
        return set;
      }),
      timedOut,
    ]);
    if (ok === 'timed out') {
      // Removing it also makes TF.js forget the pending start, so the next backend can start.
      tf.removeBackend(name);
      return `did not start within ${timeoutMs / 1000} s`;
    }
    if (!ok) return 'failed to initialise';
    return tf.getBackend() === name ? null : 'not active after initialisation';
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    clearTimeout(timer);
  }
}

async function trySet(name: BackendName): Promise<string | null> {
  try {
    await register(name);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  return startBackend(name);
}

/**
 * The active backend's renderer when it is a software rasteriser (WebGL or WebGPU on SwiftShader,
 * llvmpipe), else null, as for the CPU backends. There arithmetic, not dispatches, is the cost.
 */
export function activeSoftwareRenderer(): string | null {
  return softwareRendererOf(tf.backend());
}

let wasmPathsSet = false;

/**
 * The wasm threads to ask TF.js for: `requested` (the pool's share of the cores) as a whole number
 * ≥ 1, else every core the browser reports. TF.js reads it once, when wasm first starts.
 */
export function wasmThreadCount(requested?: number): number {
  if (requested !== undefined && Number.isFinite(requested) && requested >= 1) return Math.floor(requested);
  return reportedCores();
}

/**
 * Why a GPU that stores only 16-bit floats is passed over: measured with forced half-precision
 * textures, the live model at 1 − S = 0.01 ends with 16× the 32-bit model's loss and computes 8
 * features instead of 17–18 (docs/performance.md, "Half-precision GPUs").
 */
export const HALF_PRECISION_REASON = 'stores only 16-bit floats, too coarse to train this model';

/**
 * The backends to try, in order: `forced` first when given, then the automatic order without it.
 * A forced backend that fails thus falls back exactly as the automatic choice would.
 */
export function backendOrder(forced?: BackendName): BackendName[] {
  return [...(forced ? [forced] : []), ...BACKEND_PREFERENCE.filter((b) => b !== forced)];
}

/**
 * Activates `forced` if given, otherwise the first backend of `BACKEND_PREFERENCE` that initialises;
 * a forced backend that fails falls back along that same order (`backendOrder`). WebGL on a
 * software renderer, or on a GPU that stores only 16-bit floats, is used only when it is itself the
 * backend asked for by name: in every other case it is passed over for wasm, as in the automatic
 * order (a forced half-precision backend trains with a larger Adam ε, precision.ts). `exclude`
 * skips backends known to be broken here (for instance WebGL after its context was lost).
 * `wasmUrls` (browser only) with `wasmThreads` set where the wasm binaries load from and how many
 * threads wasm may start, the first time only (wasmThreadCount). Throws when no backend starts.
 */
export async function selectBackend(
  options: { forced?: BackendName; exclude?: readonly BackendName[]; wasmUrls?: WasmBinaryUrls; wasmThreads?: number } = {},
): Promise<BackendChoice> {
  if (options.wasmUrls && !wasmPathsSet) {
    setWasmPaths(options.wasmUrls);
    const threads = wasmThreadCount(options.wasmThreads);
    // One thread: the single-threaded binary, without the threaded build's pool of 8 Emscripten
    // workers (pthreadPoolSize, compiled in), which it starts whatever the thread count.
    if (threads === 1) tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    setThreadsCount(threads);
    wasmPathsSet = true;
  }
  const excluded = new Set(options.exclude ?? []);
  const skipped: { backend: BackendName; reason: string }[] = [];
  for (const backend of backendOrder(options.forced)) {
    if (excluded.has(backend)) {
      skipped.push({ backend, reason: 'excluded' });
      continue;
    }
    const software = backend === 'webgl' && backend !== options.forced ? softwareWebGLRenderer() : null;
    if (software) {
      skipped.push({ backend, reason: `software renderer (${software}), slower than wasm` });
      continue;
    }
    const reason = await trySet(backend);
    if (reason !== null) {
      skipped.push({ backend, reason });
      continue;
    }
    let precision: FloatPrecision;
    try {
      precision = await measureFloatPrecision();
    } catch (error) {
      skipped.push({ backend, reason: `its precision probe failed (${error instanceof Error ? error.message : String(error)})` });
      continue;
    }
    if (precision === 16 && backend !== options.forced) {
      skipped.push({ backend, reason: HALF_PRECISION_REASON });
      continue;
    }
    return { backend, precision, skipped };
  }
  throw new Error(`No TF.js backend could be initialised: ${skipped.map((s) => `${s.backend} (${s.reason})`).join(', ')}`);
}
