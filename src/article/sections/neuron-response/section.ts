/**
 * The neuron-response section: the paper's activation claim in numbers (activation-statistics.json,
 * computed by scripts/activation-statistics.ts), and what any neuron of a converged model responds
 * to, measured in a worker (statistics-client.ts) and drawn by <neuron-response>.
 */
import type { PropertyValues } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { ActivationStatistics } from '../../../model/analysis/activation-statistics';
import type { TrainedInstance } from '../../../model/weights-file';
import type { ArticleContext } from '../../context';
import { ArticleSection } from '../article-section';
import { type ClaimFile, parseClaimFile } from './claim';
import { neuronResponseSection } from './markup';
import { BROWSER_INPUT_SEED, BROWSER_SAMPLES, StatisticsClient } from './statistics-client';
import { chosenNeuron, claimRows, claimSentences, DEFAULT_LEVEL, DEFAULT_SEED, responseData } from './view';

/** Where the page reads the claim's numbers, relative to the site root. */
export const CLAIM_PATH = 'weights/activation-statistics.json';

@customElement('article-neuron-response')
export class ArticleNeuronResponse extends ArticleSection {
  @state() private level = DEFAULT_LEVEL;
  @state() private seed = DEFAULT_SEED;
  @state() private claim: ClaimFile | null = null;
  @state() private claimError: string | null = null;
  /** The measured model's key and statistics, or its error. */
  @state() private measured: { key: string; statistics: ActivationStatistics | null; error: string | null } | null = null;

  private readonly client = new StatisticsClient();

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.client.dispose();
    this.measured = null;
  }

  /** Whether the claim's file has been asked for: once the converged sweep is there, so never before the first figure. */
  private claimRequested = false;

  private async loadClaim(): Promise<void> {
    this.claimRequested = true;
    try {
      const response = await fetch(new URL(CLAIM_PATH, document.baseURI));
      if (!response.ok) throw new Error(`${CLAIM_PATH} could not be loaded (HTTP ${response.status})`);
      this.claim = parseClaimFile(await response.json());
    } catch (error) {
      this.claimError = `The activation statistics are missing: ${error instanceof Error ? error.message : String(error)}.`;
    }
  }

  private instance(context: ArticleContext): TrainedInstance | null {
    const sweep = context.models?.converged.find((s) => s.seed === this.seed);
    return sweep?.sweep.file.instances.find((i) => i.density === this.level) ?? null;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const context = this.context;
    if (context?.models && !this.claimRequested) void this.loadClaim();
    const instance = context ? this.instance(context) : null;
    if (!instance) return;
    const key = `${this.seed} ${this.level}`;
    if (this.measured?.key === key) return;
    this.measured = { key, statistics: null, error: null };
    void this.client.measure(key, instance, this.level).then((answer) => {
      if (this.measured?.key !== key) return;
      this.measured = answer.ok ? { key, statistics: answer.statistics, error: null } : { key, statistics: null, error: answer.error };
    });
  }

  private readonly onLevel = (level: number): void => {
    this.level = level;
  };
  private readonly onSeed = (seed: number): void => {
    this.seed = seed;
  };
  private readonly onNeuron = (neuron: number): void => this.context?.setState({ neuron });

  protected renderSection(context: ArticleContext): unknown {
    const instance = this.instance(context);
    const m = instance?.W1.length ?? 40;
    const neuron = chosenNeuron(context.state.neuron, m);
    const stats = this.measured?.statistics ?? null;
    const data = stats && instance ? responseData(stats, neuron, instance.W1[neuron] ?? []) : null;
    const figureStatus = !context.models
      ? 'Loading the converged models…'
      : !instance
        ? `The converged model at 1 − S = ${this.level}, seed ${this.seed}, did not load.`
        : (this.measured?.error ?? (data ? null : 'Measuring this model’s activations…'));
    return neuronResponseSection({
      level: this.level,
      seed: this.seed,
      seeds: context.models?.converged.map((s) => s.seed) ?? [DEFAULT_SEED],
      neuron,
      neurons: m,
      data,
      figureStatus,
      browserSamples: BROWSER_SAMPLES,
      browserSeed: BROWSER_INPUT_SEED,
      claim: this.claim ? claimSentences(this.claim) : [],
      rows: this.claim ? claimRows(this.claim) : [],
      claimStatus: this.claimError ?? (this.claim ? null : 'Loading the activation statistics…'),
      onLevel: this.onLevel,
      onSeed: this.onSeed,
      onNeuron: this.onNeuron,
    });
  }
}
