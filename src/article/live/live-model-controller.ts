/**
 * The live model's side of the article: it feeds the live-run state machine (live-run.ts) its
 * events (navigations, the section coming into and out of view, the reader's buttons, runs
 * starting and ending), performs the action each transition returns with the TrainingController,
 * and keeps the live weights the figure draws, each new set in a task of its own.
 */
import { IntersectionController } from '@lit-labs/observers/intersection-controller.js';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { BackendName } from '../../training/backend';
import { INITIAL_LIVE_RUN, type LiveRunEvent, type LiveRunState, nextLiveRun } from './live-run';
import { liveConfigOf } from '../state/live-settings';
import { NextTask } from './next-task';
import { isShipped, sameConfig, type ShippedFile } from '../shipped/shipped-models';
import type { RunChange, TrainingController, TrainingStatus } from '../training/training-controller';
import { FinishedRuns } from './finished-runs';
import type { ArticleState } from '../state/url-state';
import type { ModelConfig } from '../../model/config';
import type { RunFrame } from '../../training/run-frame';

/** The live run's frame the figure draws (its newest, as reported), with the configuration that trained it. */
export interface LiveShown {
  readonly config: ModelConfig;
  readonly frame: RunFrame;
}

/** A finished live run as it was shown: its status (frames included) and its drawn weights. */
export interface FinishedRun {
  readonly status: TrainingStatus;
  readonly shown: LiveShown;
}

/** What the controller reads of the article. */
export interface LiveModelHost extends ReactiveControllerHost, Element {
  readonly articleState: ArticleState;
  /** The backend the reader chose ('auto': the automatic order). */
  readonly backendChoice: BackendName | 'auto';
}

export class LiveModelController implements ReactiveController {
  /** When the live model trains; the status line shows its phase. */
  state: LiveRunState = INITIAL_LIVE_RUN;
  /** The newest live weights drawn, shown until newer ones are. */
  shown: LiveShown | null = null;
  /** A finished run shown again (Back/Forward), in place of the training controller's; null otherwise. */
  restored: FinishedRun | null = null;
  private readonly finished = new FinishedRuns<FinishedRun>();
  private observed = false;
  private readonly draw = new NextTask<LiveShown>((shown) => {
    this.shown = shown;
    this.host.requestUpdate();
  });
  private readonly visibility: IntersectionController;

  constructor(
    private readonly host: LiveModelHost,
    private readonly training: TrainingController,
  ) {
    host.addController(this);
    this.visibility = new IntersectionController(host, {
      target: null,
      callback: (entries) => {
        const last = entries.at(-1);
        if (last) this.dispatch({ type: last.isIntersecting ? 'visible' : 'hidden' });
      },
    });
  }

  /**
   * After loading or a navigation: trains the configuration unless the replication sweep holds it
   * or it already trains. Nothing before the replication sweep has loaded or failed (`ready`).
   */
  request(ready: boolean, replication: ShippedFile | null): void {
    if (!ready) return;
    const config = liveConfigOf(this.host.articleState);
    const { status } = this.training;
    if (status.target === 'live' && sameConfig(status.config, config) && this.training.running) return;
    // A run of this configuration finished before (Back/Forward): show it again instead of retraining.
    const finished = status.target === 'live' && sameConfig(status.config, config) ? undefined : this.finished.get(config);
    this.restored = finished ?? null;
    if (finished) {
      this.draw.clear();
      this.shown = finished.shown;
      this.dispatch({ type: 'request', needsTraining: false });
      return;
    }
    this.dispatch({ type: 'request', needsTraining: !isShipped(replication, config) });
  }

  dispatch(event: LiveRunEvent): void {
    const { state, action } = nextLiveRun(this.state, event);
    this.state = state;
    this.host.requestUpdate();
    const { backendChoice } = this.host;
    if (action === 'start')
      this.training.start('live', liveConfigOf(this.host.articleState), backendChoice === 'auto' ? {} : { backend: backendChoice });
    else if (action === 'pause') this.training.pause();
    else if (action === 'resume') this.training.resume();
    else if (action === 'cancel') this.training.cancel();
  }

  /** The TrainingController's run started / ended, as events of the machine. */
  onRunChange(change: RunChange): void {
    const live = change.target === 'live';
    if (change.type === 'started' && live) this.restored = null;
    if (change.type === 'started') this.dispatch({ type: 'runStarted', live });
    else {
      const replaced = change.phase === 'replaced';
      this.dispatch({ type: 'runEnded', live, replaced, replacedByOther: replaced && change.replacedBy !== 'live' });
    }
  }

  hostUpdate(): void {
    const { status } = this.training;
    if (status.target !== 'live' || this.restored) return;
    if (status.phase === 'completed' && this.shown && sameConfig(this.shown.config, status.config) && this.shown.frame.step === status.step)
      this.finished.put(status.config, { status, shown: this.shown });
    const frame = status.snapshot;
    if (!frame || frame.instances.length === 0) {
      // A new run has no weights yet: drop the previous run's model rather than show it as this one's.
      this.draw.clear();
      this.shown = null;
    } else if (this.shown?.frame !== frame) {
      this.draw.schedule({ config: status.config, frame });
    }
  }

  /**
   * Watches the live section once the shipped figures are in the page (the host calls this after
   * they render): before they are, the page is short and the section would count as on screen at
   * the top of the article.
   */
  observeSection(): void {
    const live = this.host.querySelector('#live');
    if (this.observed || !live) return;
    this.observed = true;
    this.visibility.observe(live);
  }
}
