/**
 * The live model controller through its transitions, with the TrainingController it drives (on
 * fake workers) and a fake article: navigations, the live section coming into and out of view, the
 * reader's buttons and other runs starting and ending become start, pause, resume and cancel; and
 * the live weights drawn follow the live run, each new set in a task of its own.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type LiveModelHost, LiveModelController } from '../../../../src/article/live/live-model-controller';
import { liveConfig } from '../../../../src/article/state/live-settings';
import type { ShippedFile } from '../../../../src/article/shipped/shipped-models';
import { TrainingController } from '../../../../src/article/training/training-controller';
import { type ArticleState, DEFAULT_STATE } from '../../../../src/article/state/url-state';
import type { ModelConfig } from '../../../../src/model/config';
import type { BackendName } from '../../../../src/training/backend';
import { initialWeights } from '../../../../src/training/initial-weights';
import { snapshotOf } from '../../../../src/training/snapshot';
import { type FakeBrowser, FakeHost, installBrowser } from '../../support/fake-browser';
import { fakeWorkers } from '../../support/fake-worker';

vi.mock('@lit-labs/observers/intersection-controller.js', () => import('../../support/fake-intersection-controller'));

class FakeArticle extends FakeHost {
  articleState: ArticleState = DEFAULT_STATE;
  backendChoice: BackendName | 'auto' = 'auto';
  /** The live section, once the shipped figures have rendered. */
  live: Element | null = null;
  querySelector(selector: string): Element | null {
    if (selector === '#live') return this.live;
    throw new Error(`the fake article does not answer ${selector}`);
  }
}

/** The replication sweep, holding the default live configuration among its densities. */
/** A live configuration the shipped files do not hold. */
const tenth: ModelConfig = liveConfig({ ...DEFAULT_STATE, density: 0.1 });

const replication = {
  file: { config: { ...liveConfig(DEFAULT_STATE), densities: [0.01, 0.03, 0.1] } },
} as unknown as ShippedFile;

let browser: FakeBrowser;

beforeEach(() => {
  vi.useFakeTimers();
  browser = installBrowser('/');
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

function setUp() {
  const article = new FakeArticle();
  const { workers, create } = fakeWorkers();
  const training = new TrainingController(article, (change) => liveModel.onRunChange(change), create);
  const liveModel = new LiveModelController(article as unknown as LiveModelHost, training);
  article.connect();
  const spies = {
    start: vi.spyOn(training, 'start'),
    pause: vi.spyOn(training, 'pause'),
    resume: vi.spyOn(training, 'resume'),
    cancel: vi.spyOn(training, 'cancel'),
  };
  /** What the live model asked of the training controller, in order. */
  const asked = (): string[] =>
    Object.entries(spies)
      .flatMap(([name, spy]) => spy.mock.invocationCallOrder.map((order) => [order, name] as const))
      .sort(([a], [b]) => a - b)
      .map(([, name]) => name);
  const worker = () => {
    const last = workers.at(-1);
    if (!last) throw new Error('no worker was made');
    return last;
  };
  /** The worker reports its backend: the run is training. */
  const backendChosen = () => worker().answer({ type: 'backend', runId: worker().runId, choice: { backend: 'cpu', skipped: [] } as never });
  /** The shipped figures render: the live section is in the page and watched. */
  const renderFigures = () => {
    article.live = {} as Element;
    liveModel.observeSection();
  };
  const section = (visible: boolean) => {
    if (!article.live) throw new Error('the live section is not rendered');
    browser.intersections[0]!.report(article.live, visible);
  };
  /** The reader navigates (a link, back/forward) and the article asks for the live model. */
  const navigate = (patch: Partial<ArticleState>, shipped: ShippedFile | null = null) => {
    article.articleState = { ...DEFAULT_STATE, ...patch };
    liveModel.request(true, shipped);
  };
  return { article, training, liveModel, spies, asked, worker, backendChosen, renderFigures, section, navigate };
}

describe('the live model controller: when it trains', () => {
  it('asks nothing before the replication sweep has loaded or failed', () => {
    const { liveModel, renderFigures, section, asked } = setUp();
    renderFigures();
    section(true);
    liveModel.request(false, null);
    expect(liveModel.state.phase).toBe('idle');
    expect(asked()).toEqual([]);
  });

  it('trains nothing for a configuration the shipped files hold', () => {
    const { liveModel, renderFigures, section, navigate, asked } = setUp();
    renderFigures();
    section(true);
    navigate({}, replication);
    expect(liveModel.state.phase).toBe('idle');
    expect(asked()).toEqual([]);
  });

  it('a configuration to train waits off screen, and starts when the live section comes into view', () => {
    const { liveModel, spies, renderFigures, section, navigate, asked } = setUp();
    navigate({ density: 0.1 });
    expect(liveModel.state.phase).toBe('waiting');
    renderFigures();
    section(false);
    expect(asked()).toEqual([]);
    section(true);
    expect(liveModel.state.phase).toBe('training');
    expect(spies.start).toHaveBeenCalledWith('live', liveConfig({ ...DEFAULT_STATE, density: 0.1 }), {});
  });

  it('watches the live section only once it is in the page, and only once', () => {
    const { liveModel, article } = setUp();
    liveModel.observeSection();
    expect(browser.intersections[0]!.targets.size).toBe(0);
    const observe = vi.spyOn(browser.intersections[0]!, 'observe');
    article.live = {} as Element;
    liveModel.observeSection();
    liveModel.observeSection();
    expect(observe).toHaveBeenCalledTimes(1);
    expect(browser.intersections[0]!.targets.has(article.live)).toBe(true);
  });

  it('scrolling away pauses the run, coming back resumes it', () => {
    const { liveModel, training, renderFigures, section, navigate, backendChosen, asked } = setUp();
    renderFigures();
    section(true);
    navigate({ density: 0.1 });
    backendChosen();
    section(false);
    expect(liveModel.state.phase).toBe('autoPaused');
    expect(training.status.phase).toBe('paused');
    section(true);
    expect(liveModel.state.phase).toBe('training');
    expect(training.status.phase).toBe('training');
    expect(asked()).toEqual(['start', 'pause', 'resume']);
  });

  it('the reader’s pause and resume buttons pause and resume the run', () => {
    const { liveModel, renderFigures, section, navigate, backendChosen, asked } = setUp();
    renderFigures();
    section(true);
    navigate({ density: 0.1 });
    backendChosen();
    liveModel.dispatch({ type: 'pause' });
    expect(liveModel.state.phase).toBe('pausedByReader');
    // Scrolling away and back does not undo the reader's pause.
    section(false);
    section(true);
    expect(liveModel.state.phase).toBe('pausedByReader');
    liveModel.dispatch({ type: 'resume' });
    expect(liveModel.state.phase).toBe('training');
    expect(asked()).toEqual(['start', 'pause', 'resume']);
  });

  it('the reader’s own start (a slider release, Train) trains at once, even off screen, on the backend they chose', () => {
    const { liveModel, article, spies } = setUp();
    article.backendChoice = 'wasm';
    article.articleState = { ...DEFAULT_STATE, density: 0.3 };
    liveModel.dispatch({ type: 'start' });
    expect(liveModel.state.phase).toBe('training');
    expect(spies.start).toHaveBeenCalledWith('live', liveConfig(article.articleState), { backend: 'wasm' });
  });

  it('a navigation to the configuration already training leaves the run alone', () => {
    const { renderFigures, section, navigate, asked } = setUp();
    renderFigures();
    section(true);
    navigate({ density: 0.1 });
    navigate({ density: 0.1 });
    expect(asked()).toEqual(['start']);
  });

  it('a navigation to another configuration replaces the run; one to a shipped configuration cancels it', () => {
    const { liveModel, spies, renderFigures, section, navigate, asked } = setUp();
    renderFigures();
    section(true);
    navigate({ density: 0.1 });
    navigate({ density: 0.3 });
    expect(spies.start).toHaveBeenLastCalledWith('live', liveConfig({ ...DEFAULT_STATE, density: 0.3 }), {});
    navigate({}, replication);
    expect(liveModel.state.phase).toBe('idle');
    expect(asked()).toEqual(['start', 'start', 'cancel']);
  });

  it('a navigation back to a configuration whose run was stopped trains it again', () => {
    const { renderFigures, section, navigate, asked } = setUp();
    renderFigures();
    section(true);
    navigate({ density: 0.1 });
    navigate({}, replication);
    navigate({ density: 0.1 });
    expect(asked()).toEqual(['start', 'cancel', 'start']);
  });

  it('never replaces a run the reader started for another figure: it waits for it to end, then trains', () => {
    const { liveModel, training, renderFigures, section, navigate, asked } = setUp();
    renderFigures();
    section(true);
    training.start('sweep', liveConfig(DEFAULT_STATE));
    navigate({ density: 0.1 });
    expect(liveModel.state).toMatchObject({ phase: 'waiting', otherRun: true });
    training.cancel();
    expect(liveModel.state.phase).toBe('training');
    expect(asked()).toEqual(['start', 'cancel', 'start']);
    expect(training.status).toMatchObject({ target: 'live', config: liveConfig({ ...DEFAULT_STATE, density: 0.1 }) });
  });

  it('a live run that the sweep replaced goes back to waiting, and trains again once the sweep is over', () => {
    const { liveModel, training, renderFigures, section, navigate } = setUp();
    renderFigures();
    section(true);
    navigate({ density: 0.1 });
    training.start('sweep', liveConfig(DEFAULT_STATE));
    expect(liveModel.state.phase).toBe('waiting');
    training.cancel();
    expect(liveModel.state.phase).toBe('training');
    expect(training.status.target).toBe('live');
  });

  it('a live run that completes is done, and scrolling no longer touches it', () => {
    const { liveModel, renderFigures, section, navigate, backendChosen, worker, asked } = setUp();
    renderFigures();
    section(true);
    navigate({ density: 0.1 });
    backendChosen();
    worker().answer({
      type: 'outcome',
      runId: worker().runId,
      outcome: { status: 'completed', step: 10, losses: [0.1], snapshot: snapshotOf(tenth, 10, [initialWeights(tenth, 0)]) },
      tensors: 0,
    });
    expect(liveModel.state.phase).toBe('done');
    section(false);
    section(true);
    expect(asked()).toEqual(['start']);
  });
});

describe('the live model controller: the weights it draws', () => {
  const config = tenth;
  const report = (worker: ReturnType<ReturnType<typeof setUp>['worker']>, step: number) => {
    const snapshot = snapshotOf(config, step, [initialWeights(config, 0)]);
    worker.answer({ type: 'progress', runId: worker.runId, step, totalSteps: 1000, losses: [0.1], stepsPerSecond: 100, snapshot });
    return snapshot;
  };

  it('draws a live run’s new weights in a task of its own, then asks the article to render', () => {
    const { article, liveModel, worker } = setUp();
    article.articleState = { ...DEFAULT_STATE, density: 0.1 };
    liveModel.dispatch({ type: 'start' });
    const snapshot = report(worker(), 100);
    article.update();
    expect(liveModel.shown).toBeNull();
    const updates = article.updates;
    vi.runAllTimers();
    expect(liveModel.shown).toEqual({ config, frame: snapshot.frame });
    expect(liveModel.shown?.frame).toBe(snapshot.frame);
    expect(article.updates).toBe(updates + 1);
  });

  it('draws only the newest of weights that arrive faster than the page draws', () => {
    const { article, liveModel, worker } = setUp();
    article.articleState = { ...DEFAULT_STATE, density: 0.1 };
    liveModel.dispatch({ type: 'start' });
    report(worker(), 100);
    article.update();
    const newest = report(worker(), 200);
    article.update();
    const updates = article.updates;
    vi.runAllTimers();
    // One draw, of the newest weights.
    expect(article.updates).toBe(updates + 1);
    expect(liveModel.shown?.frame).toBe(newest.frame);
  });

  it('a new live run drops the previous run’s weights at once, and a draw still waiting for them', () => {
    const { article, liveModel, worker } = setUp();
    article.articleState = { ...DEFAULT_STATE, density: 0.1 };
    liveModel.dispatch({ type: 'start' });
    report(worker(), 100);
    article.update();
    vi.runAllTimers();
    expect(liveModel.shown?.frame.step).toBe(100);
    report(worker(), 200);
    article.update();
    article.articleState = { ...DEFAULT_STATE, density: 0.3 };
    liveModel.dispatch({ type: 'start' });
    article.update();
    expect(liveModel.shown).toBeNull();
    vi.runAllTimers();
    expect(liveModel.shown).toBeNull();
  });

  it('another figure’s run leaves the live weights as they were', () => {
    const { article, liveModel, training, worker } = setUp();
    article.articleState = { ...DEFAULT_STATE, density: 0.1 };
    liveModel.dispatch({ type: 'start' });
    report(worker(), 100);
    article.update();
    vi.runAllTimers();
    const before = liveModel.shown;
    training.start('sweep', config);
    report(worker(), 50);
    article.update();
    vi.runAllTimers();
    expect(liveModel.shown).toBe(before);
  });
});
