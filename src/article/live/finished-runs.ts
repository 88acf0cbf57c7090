/**
 * The live runs that finished, kept by configuration so that Back and Forward show one again at
 * once instead of retraining it (7–53 s each). Bounded: the `capacity` most recently finished or
 * shown; each keeps its status (the timeline's frames included) and its drawn weights.
 */
import type { ModelConfig } from '../../model/config';

/** How many finished live runs are kept: a few Back/Forward steps' worth, a few MB of frames. */
export const FINISHED_RUNS_KEPT = 8;

/** A bounded map from a configuration to what its finished run showed; the least recently used goes first. */
export class FinishedRuns<T> {
  private readonly runs = new Map<string, T>();

  constructor(readonly capacity: number = FINISHED_RUNS_KEPT) {}

  private static key(config: ModelConfig): string {
    return JSON.stringify(config);
  }

  /** Keeps `run` as `config`'s, dropping the least recently used run beyond the capacity. */
  put(config: ModelConfig, run: T): void {
    const key = FinishedRuns.key(config);
    this.runs.delete(key);
    this.runs.set(key, run);
    for (const oldest of this.runs.keys()) {
      if (this.runs.size <= this.capacity) break;
      this.runs.delete(oldest);
    }
  }

  /** `config`'s finished run, if kept (and now the most recently used); undefined otherwise. */
  get(config: ModelConfig): T | undefined {
    const key = FinishedRuns.key(config);
    const run = this.runs.get(key);
    if (run === undefined) return undefined;
    this.runs.delete(key);
    this.runs.set(key, run);
    return run;
  }

  get size(): number {
    return this.runs.size;
  }
}
