/** The sweep section: Figure 1 of the shown budget and seed, its table, and retraining the replication sweep here. */
import { customElement, state } from 'lit/decorators.js';
import type { ArticleContext } from '../../context';
import { shippedSummary } from '../../shipped/shown-sweep';
import { retrainBudget } from '../../shipped/provenance-text';
import type { SweepBudget } from '../../state/budget';
import { ArticleSection } from '../article-section';
import { measuredSpeed, preRunEstimate } from '../../training/progress';
import { sweepSection } from './markup';
import { budgetSentence } from './text';
import { sweepLossSeries, sweepView } from './view';
import type { StackColouring } from '../../../viz/stack-plot/stack-colouring';
import { colouringOf } from '../../state/colouring-field';

@customElement('article-sweep')
export class ArticleSweep extends ArticleSection {
  /** The panel the download button saves. */
  @state() private selectedPanel = 0;

  /** Retrains the replication-budget sweep (the converged one trains offline), and shows that budget. */
  private readonly onRetrain = (): void => {
    const context = this.context;
    const sweep = context?.replication;
    if (!context || !sweep) return;
    if (context.state.budget !== 'replication') context.setState({ budget: 'replication' });
    context.training.start('sweep', sweep.file.config, { ...context.backendOption(), reportEvery: 50 });
  };

  private readonly onBudgetChange = (budget: SweepBudget): void => this.context?.setState({ budget });
  private readonly onSeedChange = (sweepSeed: number): void => this.context?.setState({ sweepSeed });
  private readonly onSelectPanel = (index: number): void => {
    this.selectedPanel = index;
  };
  /** The stack plots' colouring is the page's (the URL's `colour`): every stack plot follows it. */
  private readonly onColouringChange = (colouring: StackColouring): void => this.context?.setState({ colouring });
  private readonly onCancel = (): void => this.context?.training.cancel();
  /** Forgets the retrained sweep that ended, so the shipped models show again. */
  private readonly onRestore = (): void => this.context?.training.dismiss('sweep');
  private readonly onTimelineSeek = (step: number | null): void => this.context?.seek('sweep', step);

  protected renderSection(context: ArticleContext): unknown {
    const { shown, converged, replication, models, training } = context;
    const status = training.runOf('sweep');
    const figure = sweepView(status, shown, context.chosenStep('sweep'));
    return sweepSection({
      panels: figure?.panels ?? [],
      levels: figure?.levels ?? [],
      shipped: {
        converged: converged ? shippedSummary(converged.seeds) : null,
        replication: replication ? shippedSummary([replication]) : null,
      },
      budget: context.state.budget,
      seed: shown?.seed ?? context.state.sweepSeed,
      seeds: models?.converged.map((s) => s.seed) ?? [],
      replicationMissing: context.shipped.replicationMissing,
      onBudgetChange: this.onBudgetChange,
      onSeedChange: this.onSeedChange,
      source: figure?.source ?? '',
      frame: figure?.frame ?? null,
      exportSource: figure?.exportSource ?? null,
      analysisSource: figure?.analysisSource ?? null,
      lossSeries: sweepLossSeries(status),
      onTimelineSeek: this.onTimelineSeek,
      budgetSentence: figure?.frame ? (replication ? retrainBudget(replication.file) : '') : shown ? budgetSentence(shown) : '',
      status,
      selectedPanel: this.selectedPanel,
      colouring: colouringOf(context.state.colouring),
      onColouringChange: this.onColouringChange,
      onSelectPanel: this.onSelectPanel,
      onRetrain: this.onRetrain,
      onCancel: this.onCancel,
      onRestore: this.onRestore,
      retrainSteps: replication?.file.config.steps ?? 0,
      retrainEstimate: replication ? preRunEstimate(replication.file.config, measuredSpeed(context.training.status)) : null,
    });
  }
}
