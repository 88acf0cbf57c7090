/**
 * Loads the shipped models for its host with two @lit/task Tasks: the converged sweep and the
 * motif model first (what the default view draws), then the replication sweep, fetched only once
 * those are in so the first figure never waits for it. `onSettled` hears when the replication
 * sweep has loaded or failed: only then can a link be told whether a shipped file holds its model.
 */
import { Task, TaskStatus } from '@lit/task';
import { html, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { loadReplicationSweep, loadShippedModels, type ShippedFile, type ShippedModels } from './shipped-models';

export class ShippedLoader {
  private readonly defaults: Task<readonly [], ShippedModels>;
  private readonly replicationTask: Task<readonly [boolean], ShippedFile | null>;
  /** Whether the replication sweep has loaded or failed. */
  settled = false;

  constructor(host: ReactiveControllerHost, onSettled: (replication: ShippedFile | null) => void) {
    this.defaults = new Task(host, {
      task: () => loadShippedModels(),
      args: () => [] as const,
    });
    this.replicationTask = new Task(host, {
      task: async ([ready]) => (ready ? loadReplicationSweep() : null),
      args: () => [this.defaults.status === TaskStatus.COMPLETE] as const,
      // onComplete runs before `value` is set, so the sweep is passed along.
      onComplete: (sweep) => {
        if (!sweep) return;
        this.settled = true;
        onSettled(sweep);
      },
      onError: () => {
        this.settled = true;
        onSettled(null);
      },
    });
  }

  /** The converged sweep's seeds and the motif model; undefined until they have loaded. */
  get models(): ShippedModels | undefined {
    return this.defaults.value;
  }

  get replication(): ShippedFile | null {
    return this.replicationTask.value ?? null;
  }

  /** Why the replication sweep is not there, for the reader; null once it has loaded. */
  get replicationMissing(): string | null {
    if (this.replicationTask.status === TaskStatus.ERROR) {
      const { error } = this.replicationTask;
      return error instanceof Error ? error.message : String(error);
    }
    return this.replication ? null : 'Loading the replication-budget sweep…';
  }

  /** The default models' loading notice, then one alert per file that failed. */
  renderNotices(): TemplateResult | unknown {
    return this.defaults.render({
      pending: () => html`<p class="notice" role="status">Loading the shipped models…</p>`,
      complete: (loaded) => loaded.errors.map((e) => html`<div class="notice error" role="alert">${e}</div>`),
      error: (e) => html`<div class="notice error" role="alert">The shipped models could not be read (${String(e)}).</div>`,
    });
  }
}
