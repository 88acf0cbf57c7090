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
import { DEFAULT_NEURON_MODEL, type NeuronModel, neuronModelValue } from '../../state/neuron-model-field';
import { chosenNeuron, claimRows, claimSentences, DEFAULT_SEED, responseData, sourceNote } from './view';

/** Where the page reads the claim's numbers, relative to the site root. */
export const CLAIM_PATH = 'weights/activation-statistics.json';

@customElement('article-neuron-response')
export class ArticleNeuronResponse extends ArticleSection {
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

  /** The model the section measures: the state's (the URL's `neuron-model`), else the default. */
  private model(context: ArticleContext): NeuronModel {
    return context.state.neuronModel ?? DEFAULT_NEURON_MODEL;
  }

  private instance(context: ArticleContext): TrainedInstance | null {
    const { density, seed } = this.model(context);
    const sweep = context.models?.converged.find((s) => s.seed === seed);
    return sweep?.sweep.file.instances.find((i) => i.density === density) ?? null;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const context = this.context;
    if (context?.models && !this.claimRequested) void this.loadClaim();
    const instance = context ? this.instance(context) : null;
    if (!context || !instance) return;
    const { density, seed } = this.model(context);
    const key = `${seed} ${density}`;
    if (this.measured?.key === key) return;
    this.measured = { key, statistics: null, error: null };
    void this.client.measure(key, instance, density).then((answer) => {
      if (this.measured?.key !== key) return;
      this.measured = answer.ok ? { key, statistics: answer.statistics, error: null } : { key, statistics: null, error: answer.error };
    });
  }

  /** The reader's own choice of model or neuron: the clicked figure's model no longer explains anything. */
  private choose(change: (model: NeuronModel) => NeuronModel, neuron?: number): void {
    const context = this.context;
    if (!context) return;
    const neuronModel = neuronModelValue(change(this.model(context)));
    context.setState(neuron === undefined ? { neuronModel, neuronSource: undefined } : { neuronModel, neuronSource: undefined, neuron });
  }
  private readonly onLevel = (density: number): void => this.choose((m) => ({ ...m, density }));
  private readonly onSeed = (seed: number): void => this.choose((m) => ({ ...m, seed }));
  private readonly onNeuron = (neuron: number): void => this.choose((m) => m, neuron);

  protected renderSection(context: ArticleContext): unknown {
    const instance = this.instance(context);
    const m = instance?.W1.length ?? 40;
    const neuron = chosenNeuron(context.state.neuron, m);
    const { density: level, seed } = this.model(context);
    const stats = this.measured?.statistics ?? null;
    const data = stats && instance ? responseData(stats, neuron, instance.W1[neuron] ?? []) : null;
    const figureStatus = !context.models
      ? 'Loading the converged models…'
      : !instance
        ? `The converged model at 1 − S = ${level}, seed ${seed}, did not load.`
        : (this.measured?.error ?? (data ? null : 'Measuring this model’s activations…'));
    return neuronResponseSection({
      level,
      seed,
      sourceNote: sourceNote(context.state.neuronSource, neuron, { density: level, seed }),
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
