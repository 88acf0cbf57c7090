/**
 * Spreads a run's instances over several training workers, one TrainerClient each, and speaks to
 * its listener as a single worker would: one backend choice, progress with every instance's
 * losses in the config's order, one outcome.
 *
 * A run is split only where its backend computes on the CPU (wasm, cpu): there each instance's
 * step costs its own arithmetic and dispatches, and k workers on k cores train k instances at
 * once. A GPU backend keeps the run in one worker, where the stacked formulation batches every
 * instance into the same kernels of one context. Each instance's random streams depend only on the
 * seed and its density (data.ts, initial-weights.ts), so a split run trains the same models as the
 * whole run in one worker on the same backend, bit for bit on wasm and cpu.
 *
 *   train ─▶ parts training ─▶ every part completed ─▶ 'completed' (merged)
 *                 │  one part diverges or fails ─▶ the others cancelled, its end reported
 *                 └─ cancel ─▶ every part cancelled ─▶ 'cancelled'
 *
 * Each worker, the warm first one included, gets its share of the cores as wasm threads
 * (parallelism.ts), so that the pool never starts more threads than the machine has cores.
 *
 * Once a run has ended, the workers beyond the first are closed, so that the heaps of a split run
 * are not kept between the rare runs that need them (a sweep retrain); the first worker stays, warm
 * for the next live model.
 */
import type { ModelConfig } from '../model/config';
import { expectedRows, STEP_OVERHEAD_ROWS } from '../model/recipe';
import type { BackendName } from './backend';
import type { RunEnd, WorkerEvent } from './protocol';
import type { WeightsSnapshot } from './snapshot';
import { reportedCores, threadsPerWorker, trainingParallelism } from './parallelism';
import { TrainerClient, type TrainerListener, type TrainOptions } from './trainer-client';

/** The backends whose runs are split over workers. */
const CPU_BACKENDS: readonly BackendName[] = ['wasm', 'cpu'];

/** One worker per logical core the browser reports, at most MAX_TRAINING_WORKERS (parallelism.ts). */
export function defaultTrainingWorkers(): number {
  return trainingParallelism(reportedCores()).workers;
}

/**
 * Splits instances 0 … densities.length − 1 into at most `parts` groups of about equal cost, each
 * in the config's order: the costliest instance first onto the least-loaded group. A step of an
 * instance costs the rows it computes (examples with an active feature, expectedRows) plus a fixed
 * dispatch cost (STEP_OVERHEAD_ROWS). Returns only non-empty groups.
 */
export function splitInstances(config: Pick<ModelConfig, 'densities' | 'batch' | 'n'>, parts: number): number[][] {
  const cost = (k: number): number => STEP_OVERHEAD_ROWS + expectedRows({ density: config.densities[k]!, batch: config.batch }, config.n);
  const groups: { load: number; members: number[] }[] = Array.from(
    { length: Math.max(1, Math.min(parts, config.densities.length)) },
    () => ({ load: 0, members: [] }),
  );
  const byCost = config.densities.map((_, k) => k).sort((a, b) => cost(b) - cost(a) || a - b);
  for (const k of byCost) {
    const lightest = groups.reduce((best, g) => (g.load < best.load ? g : best));
    lightest.load += cost(k);
    lightest.members.push(k);
  }
  return groups.filter((g) => g.members.length > 0).map((g) => g.members.sort((a, b) => a - b));
}

/** One worker's share of the pool's run. */
interface Part {
  readonly client: TrainerClient;
  /** The sub-run id the client gave this part's run. */
  readonly subRunId: number;
  /** Indices into the run's instances. */
  readonly members: readonly number[];
  progress: Extract<WorkerEvent, { type: 'progress' }> | null;
  snapshot: WeightsSnapshot | null;
  outcome: Extract<WorkerEvent, { type: 'outcome' }> | null;
}

interface PoolRun {
  readonly runId: number;
  readonly config: ModelConfig;
  readonly parts: Part[];
  /** The last merged step and snapshot step sent, so that merged reports only move forward. */
  sentStep: number;
  sentSnapshotStep: number;
  ended: boolean;
}

export class TrainerPool {
  private readonly clients: TrainerClient[] = [];
  private runId = 0;
  private run: PoolRun | null = null;
  /** The backend the first worker last trained on: it decides whether the next run is split. */
  private lastBackend: BackendName | null = null;

  /** Wasm threads each worker's backend may start: the cores shared out over `workers`, at least 1. */
  readonly threadsPerWorker: number;

  /**
   * `workers`: the most workers a run is spread over (default: one per core, at most
   * MAX_TRAINING_WORKERS). `cores`: the machine's logical cores (default: what the browser reports).
   * `createWorker` makes each worker; tests pass fakes.
   */
  constructor(
    private readonly listener: TrainerListener,
    private readonly createWorker?: () => Worker,
    readonly workers = defaultTrainingWorkers(),
    cores = reportedCores(),
  ) {
    this.threadsPerWorker = threadsPerWorker(cores, workers);
  }

  /**
   * Starts a run (replacing any current one) and returns its id. Split over the workers when its
   * backend (the one asked for, else the one the first worker last used) is wasm or cpu; every
   * part is then asked for that backend.
   */
  train(config: ModelConfig, options: TrainOptions = {}): number {
    this.stopParts();
    const runId = ++this.runId;
    const backend = options.backend ?? this.lastBackend;
    const groups = backend && CPU_BACKENDS.includes(backend) ? splitInstances(config, this.workers) : [config.densities.map((_, k) => k)];
    const parts = groups.map((members, i): Part => {
      const client = this.clientAt(i);
      const whole = groups.length === 1;
      const partConfig = whole ? config : { ...config, densities: members.map((k) => config.densities[k]!) };
      const initial = options.initial && !whole ? members.map((k) => options.initial![k]!) : options.initial;
      const subRunId = client.train(
        partConfig,
        {
          ...options,
          ...(whole || !backend ? {} : { backend }),
          ...(initial ? { initial } : {}),
        },
        this.threadsPerWorker,
      );
      return { client, subRunId, members, progress: null, snapshot: null, outcome: null };
    });
    this.run = { runId, config, parts, sentStep: -1, sentSnapshotStep: -1, ended: false };
    return runId;
  }

  pause(): void {
    for (const part of this.run?.parts ?? []) part.client.pause();
  }

  resume(): void {
    for (const part of this.run?.parts ?? []) part.client.resume();
  }

  cancel(): void {
    for (const part of this.run?.parts ?? []) part.client.cancel();
  }

  /** Simulates a GPU reset in the first worker (browser tests; GPU runs are never split). */
  loseWebGLContext(): void {
    this.run?.parts[0]?.client.loseWebGLContext();
  }

  dispose(): void {
    for (const client of this.clients) client.dispose();
    this.clients.length = 0;
    this.run = null;
  }

  private clientAt(i: number): TrainerClient {
    if (!this.clients[i]) {
      const client: TrainerClient = new TrainerClient((event) => this.onEvent(client, event), this.createWorker);
      this.clients[i] = client;
    }
    return this.clients[i]!;
  }

  /** Cancels the parts of the run in flight beyond the first worker (the first one's next run replaces its own). */
  private stopParts(): void {
    const run = this.run;
    if (!run || run.ended) return;
    for (const part of run.parts.slice(1)) if (!part.outcome) part.client.cancel();
  }

  private onEvent(client: TrainerClient, event: WorkerEvent): void {
    const first = client === this.clients[0];
    if (first && event.type === 'backend') this.lastBackend = event.choice.backend;
    if (first && event.type === 'fallback') this.lastBackend = null;
    const run = this.run;
    const part = run?.parts.find((p) => p.client === client && p.subRunId === event.runId);
    if (!run || !part || run.ended) return;
    const runId = run.runId;
    switch (event.type) {
      case 'backend':
        // One choice for the run: the first part's (the others were asked for the same backend).
        if (part === run.parts[0]) this.listener({ ...event, runId });
        return;
      case 'fallback':
        this.listener({ ...event, runId });
        return;
      case 'error':
        this.end(run);
        this.listener({ ...event, runId });
        this.releaseExtraWorkers();
        return;
      case 'progress':
        part.progress = event;
        if (event.snapshot) part.snapshot = event.snapshot;
        this.reportProgress(run);
        return;
      case 'outcome':
        part.outcome = event;
        this.onOutcome(run, part);
        return;
    }
  }

  /** Sends the merged progress once every part has reported, when its step or snapshot moved on. */
  private reportProgress(run: PoolRun): void {
    if (run.parts.some((p) => !p.progress)) return;
    const step = Math.min(...run.parts.map((p) => p.progress!.step));
    const snapshot = this.mergedSnapshot(
      run,
      run.parts.map((p) => p.snapshot),
    );
    const freshSnapshot = snapshot && snapshot.frame.step > run.sentSnapshotStep ? snapshot : null;
    if (step <= run.sentStep && !freshSnapshot) return;
    run.sentStep = Math.max(run.sentStep, step);
    if (freshSnapshot) run.sentSnapshotStep = freshSnapshot.frame.step;
    this.listener({
      type: 'progress',
      runId: run.runId,
      step,
      totalSteps: run.parts[0]!.progress!.totalSteps,
      losses: this.merged(run, (p) => p.progress!.losses),
      // The run ends with its slowest part.
      stepsPerSecond: Math.min(...run.parts.map((p) => p.progress!.stepsPerSecond)),
      ...(freshSnapshot ? { snapshot: freshSnapshot } : {}),
    });
  }

  private onOutcome(run: PoolRun, part: Part): void {
    const { outcome } = part.outcome!;
    if (outcome.status === 'diverged') {
      this.end(run);
      // The other parts' last reported weights stand beside the diverged part's last good ones.
      const lastGood = this.mergedSnapshot(
        run,
        run.parts.map((p) => (p === part ? outcome.lastGood : p.snapshot)),
      );
      const losses = this.merged(run, (p) => (p === part ? outcome.losses : (p.progress?.losses ?? p.members.map(() => Number.NaN))));
      this.listener({ ...part.outcome!, runId: run.runId, outcome: { ...outcome, losses, lastGood } });
      this.releaseExtraWorkers();
      return;
    }
    if (run.parts.some((p) => !p.outcome)) return;
    run.ended = true;
    const tensors = run.parts.reduce((sum, p) => sum + p.outcome!.tensors, 0);
    const ends = run.parts.map((p) => p.outcome!.outcome);
    const completed = ends.filter((e): e is Extract<RunEnd, { status: 'completed' }> => e.status === 'completed');
    const merged: RunEnd =
      completed.length === ends.length
        ? {
            status: 'completed',
            step: Math.max(...completed.map((e) => e.step)),
            losses: this.merged(run, (p) => completed[run.parts.indexOf(p)]!.losses),
            snapshot: this.mergedSnapshot(
              run,
              completed.map((e) => e.snapshot),
            )!,
          }
        : { status: 'cancelled', step: Math.min(...ends.map((e) => e.step)) };
    this.listener({ type: 'outcome', runId: run.runId, outcome: merged, tensors });
    this.releaseExtraWorkers();
  }

  /** Closes every worker but the first (a later split run starts them again). */
  private releaseExtraWorkers(): void {
    for (const client of this.clients.splice(1)) client.dispose();
  }

  /** Ends the run for the listener and cancels the parts still training. */
  private end(run: PoolRun): void {
    run.ended = true;
    for (const part of run.parts) if (!part.outcome) part.client.cancel();
  }

  /** Per instance of the run, in the config's order, from each part's per-member values. */
  private merged<T>(run: PoolRun, values: (part: Part) => readonly T[]): T[] {
    const out = new Array<T>(run.config.densities.length);
    for (const part of run.parts) {
      const own = values(part);
      part.members.forEach((k, j) => {
        out[k] = own[j]!;
      });
    }
    return out;
  }

  /** One snapshot of every instance from the parts' snapshots (the earliest step), or null if one is missing. */
  private mergedSnapshot(run: PoolRun, snapshots: readonly (WeightsSnapshot | null)[]): WeightsSnapshot | null {
    if (snapshots.some((s) => !s)) return null;
    if (run.parts.length === 1) return snapshots[0]!;
    const at = (part: Part): WeightsSnapshot => snapshots[run.parts.indexOf(part)]!;
    const step = Math.min(...snapshots.map((s) => s!.frame.step));
    const frame = { step, losses: this.merged(run, (p) => at(p).frame.losses), instances: this.merged(run, (p) => at(p).frame.instances) };
    return { frame, analyses: this.merged(run, (p) => at(p).analyses) };
  }
}
