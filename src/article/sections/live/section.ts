/**
 * The live section: the slider, the run's controls and status, the advanced settings, and the
 * live figure (decided in view.ts) with its loss curve.
 */
import { customElement, state } from 'lit/decorators.js';
import type { BackendName } from '../../../training/backend';
import type { ArticleContext } from '../../context';
import { useCurrentRecipe } from '../../page/older-link-notice';
import { formatState } from '../../state/url-state';
import { ArticleSection } from '../article-section';
import { liveSection } from './markup';
import { liveFigure, liveLossSeries } from './view';

@customElement('article-live')
export class ArticleLive extends ArticleSection {
  @state() private linkMessage = '';

  private readonly onTrain = (): void => this.context?.liveModel.dispatch({ type: 'start' });

  private readonly onPauseResume = (): void => {
    const context = this.context;
    if (context) context.liveModel.dispatch({ type: context.training.status.phase === 'paused' ? 'resume' : 'pause' });
  };

  /** A new backend restarts a live run in flight on it. */
  private readonly onBackendChange = (backend: BackendName | 'auto'): void => {
    const context = this.context;
    if (!context) return;
    context.setBackendChoice(backend);
    if (context.training.running && context.training.status.target === 'live') context.liveModel.dispatch({ type: 'start' });
  };

  private readonly onCopyLink = async (): Promise<void> => {
    const context = this.context;
    if (!context) return;
    // A model loaded from a file has no link: the copied link leaves out model=local.
    const { pathname, hash, origin } = window.location;
    const link = `${origin}${pathname}${formatState({ ...context.state, model: undefined })}${hash}`;
    try {
      await navigator.clipboard.writeText(link);
      this.linkMessage = 'Link copied.';
    } catch {
      this.linkMessage = `Copy this link: ${link}`;
    }
  };

  /** The older link's one-click way to today's defaults: the live recipe, and Figure 1's converged budget, in one history entry. */
  private readonly onUseLiveRecipe = (): void => {
    if (this.context) useCurrentRecipe(this.context);
  };

  private readonly onTimelineSeek = (step: number | null): void => this.context?.seek('live', step);

  protected renderSection(context: ArticleContext): unknown {
    const { state: articleState, training, liveModel, liveInput } = context;
    const { workerTensors } = training;
    // A finished run shown again after Back/Forward stands in for the training controller's.
    const status = liveModel.restored?.status ?? training.status;
    return liveSection({
      state: articleState,
      view: liveFigure({
        state: articleState,
        status,
        shown: liveModel.shown,
        reference: context.converged,
        replication: context.replication,
        selectedStep: context.chosenStep('live'),
        curve: context.curve.value,
      }),
      onTimelineSeek: this.onTimelineSeek,
      status,
      workerTensors,
      liveRun: liveModel.state.phase,
      lossSeries: liveLossSeries(status),
      backendChoice: context.backendChoice,
      linkMessage: this.linkMessage,
      settingErrors: liveInput.settingErrors,
      formGeneration: liveInput.navigations,
      onSliderInput: liveInput.onSliderInput,
      onSliderCommit: liveInput.onSliderCommit,
      onSliderKey: liveInput.onSliderKey,
      onSliderBlur: liveInput.onSliderBlur,
      onTrain: this.onTrain,
      onPauseResume: this.onPauseResume,
      onBackendChange: this.onBackendChange,
      onAdvancedApply: liveInput.onAdvancedApply,
      onSettingInput: liveInput.onSettingInput,
      onCopyLink: () => void this.onCopyLink(),
      onUseLiveRecipe: this.onUseLiveRecipe,
    });
  }
}
