/**
 * How many training workers a machine runs, and how many wasm threads each may start, so that
 * together they never ask for more threads than the machine has cores.
 *
 * Each worker holds its own TF.js and wasm heap, and each wasm thread is one more Emscripten worker
 * with its own JS heap. One worker per core and every worker threaded to every core asked for
 * workers × cores threads: at 16 cores, 4 workers of 8 threads each (36 workers in all) held 683 MB
 * against 213 MB for one worker (issue 27; docs/performance.md, "Workers, threads and memory").
 *
 * Every worker gets the same share, the warm first worker included. Its wasm thread count is fixed
 * when its backend first starts (TF.js reads setThreadsCount once), and a later split run adds the
 * other workers beside it, so a first worker given every core would break the bound in every split
 * run. A single-worker run on wasm (one instance) therefore uses cores / workers threads at most,
 * not every core: for this model's small matrices two threads were worth 50–61 against 42 steps/s
 * on one (docs/performance.md), while splitting the instances over workers scales with the cores,
 * and each threaded worker costs its pool of 8 more workers' memory.
 */

/**
 * Workers TF.js's threaded wasm build starts in each training worker, whatever thread count it is
 * given (Emscripten's pthreadPoolSize, compiled in). Measured: 4 workers given 4 or 16 threads each
 * both ran 36 dedicated workers (docs/performance.md, "Workers, threads and memory").
 */
export const WASM_THREAD_POOL = 8;

/** At most this many workers: four already run the 7-instance sweep in two rounds of its costliest instances. */
export const MAX_TRAINING_WORKERS = 4;

export interface TrainingParallelism {
  /** Training workers a run may be spread over, 1 … MAX_TRAINING_WORKERS. */
  readonly workers: number;
  /** Wasm threads each worker's backend may start, at least 1. */
  readonly threadsPerWorker: number;
}

/**
 * The pool's shape on a machine with `cores` logical cores (navigator.hardwareConcurrency; a
 * missing, zero or non-finite count reads as 1, a fractional one is rounded down): one worker per core up to
 * MAX_TRAINING_WORKERS, and the cores left over shared out as wasm threads where a worker's share
 * reaches WASM_THREAD_POOL (threadsPerWorker), so that workers × threadsPerWorker ≤ cores (and both
 * are at least 1).
 */
export function trainingParallelism(cores: number): TrainingParallelism {
  const workers = Math.min(MAX_TRAINING_WORKERS, wholeCores(cores));
  return { workers, threadsPerWorker: threadsPerWorker(cores, workers) };
}

/**
 * Wasm threads for each of `workers` workers on `cores` cores: the cores shared out when each
 * share covers the threaded build's pool of WASM_THREAD_POOL workers, else 1 (the single-threaded
 * binary, no pool): a share of 2–7 would still start 8 threads per worker. So a machine below
 * 8 × MAX_TRAINING_WORKERS = 32 cores runs its workers single-threaded, and the bound
 * workers × threads ≤ cores holds for the threads actually started.
 */
export function threadsPerWorker(cores: number, workers: number): number {
  const share = Math.floor(wholeCores(cores) / Math.max(1, Math.floor(workers)));
  return share >= WASM_THREAD_POOL ? share : 1;
}

/** A core count as a whole number ≥ 1: missing, zero, fractional or non-finite counts read as 1. */
function wholeCores(cores: number): number {
  return Number.isFinite(cores) && cores >= 1 ? Math.floor(cores) : 1;
}

/** The logical cores the browser (or Node, as navigator) reports; 1 where it reports none. */
export function reportedCores(): number {
  return typeof navigator === 'undefined' ? 1 : navigator.hardwareConcurrency || 1;
}
