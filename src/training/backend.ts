/**
 * Chooses the TF.js backend: WebGL where the browser has it, then wasm, then cpu. WebGPU is only
 * used when asked for by name (it is not measured faster than WebGL for this model's small matrices).
 * The caller learns which backend was picked and which were tried and why they failed.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-webgl';
import { setThreadsCount, setWasmPaths } from '@tensorflow/tfjs-backend-wasm';

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

const SOFTWARE_RENDERER = /swiftshader|llvmpipe|softpipe|software/i;

function glRenderer(gl: WebGLRenderingContext | WebGL2RenderingContext): string {
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  return String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
}

/**
 * The active backend's renderer when it is a software rasteriser (WebGL or WebGPU on SwiftShader,
 * llvmpipe), else null, as for the CPU backends. There arithmetic, not dispatches, is the cost.
 */
export function activeSoftwareRenderer(): string | null {
  const backend = tf.backend() as unknown as {
    gpgpu?: { gl?: WebGLRenderingContext | WebGL2RenderingContext };
    adapterInfo?: { vendor?: string; architecture?: string };
  };
  const gl = backend.gpgpu?.gl;
  const info = backend.adapterInfo;
  const renderer = gl ? glRenderer(gl) : info ? `${info.vendor ?? ''} ${info.architecture ?? ''}` : '';
  return SOFTWARE_RENDERER.test(renderer) ? renderer.trim() : null;
}

/**
 * The WebGL renderer's name when it is a software rasteriser (SwiftShader, llvmpipe), else null.
 * There WebGL runs the model several times slower than wasm (SPEC §5), so the automatic order
 * skips it.
 */
export function softwareWebGLRenderer(): string | null {
  if (typeof OffscreenCanvas === 'undefined') return null;
  try {
    const gl = new OffscreenCanvas(1, 1).getContext('webgl2') ?? new OffscreenCanvas(1, 1).getContext('webgl');
    if (!gl) return null;
    const renderer = glRenderer(gl);
    return SOFTWARE_RENDERER.test(renderer) ? renderer : null;
  } catch {
    return null;
  }
}

let wasmPathsSet = false;

/**
 * Activates `forced` if given (falling back through the preference order if it fails), otherwise
 * the first backend of `BACKEND_PREFERENCE` that initialises. `exclude` skips backends known to be
 * broken here (for instance WebGL after its context was lost).
 */
export async function selectBackend(
  options: { forced?: BackendName; exclude?: readonly BackendName[]; wasmUrls?: WasmBinaryUrls } = {},
): Promise<BackendChoice> {
  if (options.wasmUrls && !wasmPathsSet) {
    setWasmPaths(options.wasmUrls);
    setThreadsCount(navigator.hardwareConcurrency || 1);
    wasmPathsSet = true;
  }
  const excluded = new Set(options.exclude ?? []);
  const order = [...(options.forced ? [options.forced] : []), ...BACKEND_PREFERENCE.filter((b) => b !== options.forced)];
  const skipped: { backend: BackendName; reason: string }[] = [];
  for (const backend of order) {
    if (excluded.has(backend)) {
      skipped.push({ backend, reason: 'excluded' });
      continue;
    }
    const software = backend === 'webgl' && !options.forced ? softwareWebGLRenderer() : null;
    if (software) {
      skipped.push({ backend, reason: `software renderer (${software}), slower than wasm` });
      continue;
    }
    const reason = await trySet(backend);
    if (reason === null) return { backend, skipped };
    skipped.push({ backend, reason });
  }
  throw new Error(`No TF.js backend could be initialised: ${skipped.map((s) => `${s.backend} (${s.reason})`).join(', ')}`);
}
