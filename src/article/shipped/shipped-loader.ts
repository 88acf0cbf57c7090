/**
 * Loads the shipped models for its host, each file on its own (file-load.ts), in three waves so the
 * first screen costs little: at once the first view's file (first-view.ts: the computation
 * figure's default model alone, ~35 KB gzipped) and the motif model (~1.5 KB); the converged
 * sweep's seeds only when the host calls `startRest` (once the first figure is drawn, or at once
 * when it cannot be drawn from the first view's file); then the replication sweep, once the
 * converged seeds have loaded or failed. A stalled or failed file holds back nothing else: the
 * motif model never delays the sweep. `onSettled` hears when the replication sweep has loaded or
 * failed: only then can a link be told whether a shipped file holds its model.
 */
import { html, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { SHIPPED_CONVERGED_SEEDS, shippedWeightsPath } from '../../model/weights-file';
import { fetchWeights } from './fetch-weights';
import { FileLoad } from './file-load';
import { FIRST_VIEW_MODEL, FIRST_VIEW_PATH } from './first-view';
import { analyseFile, type SeedSweep, type ShippedFile, type ShippedModels } from './shipped-models';

const load = (path: string) => async (): Promise<ShippedFile> => analyseFile(await fetchWeights(path));

export class ShippedLoader {
  /** The computation figure's default model alone (first-view.ts), fetched first. */
  readonly firstView: FileLoad<ShippedFile>;
  readonly motif: FileLoad<ShippedFile>;
  readonly seeds: readonly { readonly seed: number; readonly file: FileLoad<ShippedFile> }[];
  readonly replicationFile: FileLoad<ShippedFile>;
  private cachedModels: ShippedModels | undefined;
  /** Set once every converged seed has loaded or failed: the sweep draws from then on, also while a failed seed is retried. */
  private seedsAnswered = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly onSettled: (replication: ShippedFile | null) => void,
  ) {
    const changed = (): void => this.changed();
    this.firstView = new FileLoad(
      `the first figure’s model, 1 − S = ${FIRST_VIEW_MODEL.density}, seed ${FIRST_VIEW_MODEL.seed} (${FIRST_VIEW_PATH})`,
      load(FIRST_VIEW_PATH),
      changed,
    );
    this.motif = new FileLoad('the precomputed motif model (weights/motif.json)', load('weights/motif.json'), changed);
    this.seeds = SHIPPED_CONVERGED_SEEDS.map((seed) => {
      const path = shippedWeightsPath('converged', seed);
      return { seed, file: new FileLoad(`the converged sweep’s seed ${seed} (${path})`, load(path), changed) };
    });
    const replicationPath = shippedWeightsPath('replication', 0);
    this.replicationFile = new FileLoad(`the replication-budget sweep (${replicationPath})`, load(replicationPath), () => {
      this.changed();
      if (this.replicationFile.settled) this.onSettled(this.replicationFile.value);
    });
    void this.firstView.start();
    void this.motif.start();
  }

  /**
   * Starts the converged sweep's seeds (the replication sweep follows them); later calls do
   * nothing. The host calls it once the first figure is drawn, or when that figure cannot be drawn
   * from the first view's file (another model is asked for, the file failed, or no such figure).
   */
  startRest(): void {
    for (const { file } of this.seeds) if (file.state.status === 'idle') void file.start();
  }

  /** Whether the converged seeds have been asked for. */
  get restStarted(): boolean {
    return this.seeds.some(({ file }) => file.state.status !== 'idle');
  }

  private changed(): void {
    this.cachedModels = undefined;
    this.seedsAnswered ||= this.seeds.every((s) => s.file.settled);
    if (this.seedsAnswered && this.replicationFile.state.status === 'idle') void this.replicationFile.start();
    this.host.requestUpdate();
  }

  /** Whether the replication sweep has loaded or failed. */
  get settled(): boolean {
    return this.replicationFile.settled;
  }

  /**
   * The converged sweep's seeds that loaded and the motif model (null while it loads or if it
   * failed); undefined until every converged seed has first loaded or failed.
   */
  get models(): ShippedModels | undefined {
    if (!this.seedsAnswered) return undefined;
    this.cachedModels ??= {
      converged: this.seeds.flatMap(({ seed, file }): SeedSweep[] => (file.value ? [{ seed, sweep: file.value }] : [])),
      motif: this.motif.value,
    };
    return this.cachedModels;
  }

  get replication(): ShippedFile | null {
    return this.replicationFile.value;
  }

  /** Why the replication sweep is not there, for the reader; null once it has loaded. */
  get replicationMissing(): string | null {
    return this.replicationFile.failure ?? (this.replication ? null : 'Loading the replication-budget sweep…');
  }

  /** The loading notice while the converged seeds load, then one alert with a Retry button per file that failed. */
  renderNotices(): TemplateResult {
    const loading = this.models ? null : html`<p class="notice" role="status">Loading the shipped models…</p>`;
    const noSweep =
      this.models && this.models.converged.length === 0
        ? html`<div class="notice error" role="alert">No converged sweep loaded. Press Train to train a model here instead.</div>`
        : null;
    // The first view's file only matters while its seed's full file has not replaced it.
    const firstViewCovered = this.seeds.some((s) => s.seed === FIRST_VIEW_MODEL.seed && s.file.value);
    const files = [...(firstViewCovered ? [] : [this.firstView]), ...this.seeds.map((s) => s.file), this.motif, this.replicationFile];
    return html`${loading}${files.map((f) => f.renderFailure())}${noSweep}`;
  }
}
