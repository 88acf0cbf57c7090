/**
 * When the live model trains: a small state machine, pure, so its transitions are tested in Node.
 *
 *                 request(train)              visible, no other run
 *   ┌──────┐ ─────────────────────▶ ┌─────────┐ ─────────────────────▶ ┌──────────┐   hidden    ┌────────────┐
 *   │ idle │                        │ waiting │    other run ended     │ training │ ──────────▶ │ autoPaused │
 *   └──────┘ ◀───────────────────── └─────────┘    (visible)           └──────────┘ ◀────────── └────────────┘
 *            request(shipped)            ▲                                  │  ▲       visible,
 *                                        │ a run the reader started         │  │       reader resumes
 *                                        │ replaced it                      ▼  │ reader pauses/resumes
 *                                        └───────────────────────── ┌────────────────┐
 *                                                                    │ pausedByReader │
 *   training, autoPaused, pausedByReader ── the run ends ──▶ done    └────────────────┘
 *   any state ── the reader starts it (slider, Train, settings) ──▶ training
 *
 * A configuration the shipped files do not hold waits until the live section is on screen and no
 * run the reader started (the sweep, the motif model) is in flight: an automatic start must never
 * replace a run someone asked for, and off screen nobody watches it train. A live run that another
 * run replaced goes back to waiting, so it trains once that run is over and the section is seen.
 * The machine only says what to do; the article does it with its TrainingController.
 */

export type LivePhase = 'idle' | 'waiting' | 'training' | 'pausedByReader' | 'autoPaused' | 'done';

export interface LiveRunState {
  readonly phase: LivePhase;
  /** Whether the live section is on screen. */
  readonly visible: boolean;
  /** Whether a run for another target (sweep, motif) is in flight. */
  readonly otherRun: boolean;
}

export type LiveRunEvent =
  /** After loading or a navigation: whether the configuration needs training here (false: a shipped model shows it). */
  | { readonly type: 'request'; readonly needsTraining: boolean }
  /** The reader asked for the live model now (slider released, Train, new settings or backend). */
  | { readonly type: 'start' }
  | { readonly type: 'pause' }
  | { readonly type: 'resume' }
  | { readonly type: 'visible' }
  | { readonly type: 'hidden' }
  | { readonly type: 'runStarted'; readonly live: boolean }
  /** `replaced`: a new run took this one's place; `replacedByOther`: a run for another target (sweep, motif) took this run's place. */
  | { readonly type: 'runEnded'; readonly live: boolean; readonly replaced: boolean; readonly replacedByOther: boolean };

/** What the article does with its TrainingController after a transition. */
export type LiveRunAction = 'start' | 'pause' | 'resume' | 'cancel' | null;

export const INITIAL_LIVE_RUN: LiveRunState = Object.freeze({ phase: 'idle', visible: false, otherRun: false });

const IN_FLIGHT: readonly LivePhase[] = ['training', 'pausedByReader', 'autoPaused'];

export interface LiveRunTransition {
  readonly state: LiveRunState;
  readonly action: LiveRunAction;
}

/** A waiting model starts as soon as it is on screen and no other run is in flight. */
function startIfReady(state: LiveRunState): LiveRunTransition {
  if (state.phase === 'waiting' && state.visible && !state.otherRun) return { state: { ...state, phase: 'training' }, action: 'start' };
  return { state, action: null };
}

export function nextLiveRun(state: LiveRunState, event: LiveRunEvent): LiveRunTransition {
  const inFlight = IN_FLIGHT.includes(state.phase);
  switch (event.type) {
    case 'request': {
      const cancel: LiveRunAction = inFlight ? 'cancel' : null;
      if (!event.needsTraining) return { state: { ...state, phase: 'idle' }, action: cancel };
      const next = startIfReady({ ...state, phase: 'waiting' });
      return next.action ? next : { state: next.state, action: cancel };
    }
    case 'start':
      return { state: { ...state, phase: 'training', otherRun: false }, action: 'start' };
    case 'pause':
      return state.phase === 'training' ? { state: { ...state, phase: 'pausedByReader' }, action: 'pause' } : { state, action: null };
    case 'resume':
      return state.phase === 'pausedByReader' || state.phase === 'autoPaused'
        ? { state: { ...state, phase: 'training' }, action: 'resume' }
        : { state, action: null };
    case 'visible': {
      const seen = { ...state, visible: true };
      if (state.phase === 'autoPaused') return { state: { ...seen, phase: 'training' }, action: 'resume' };
      return startIfReady(seen);
    }
    case 'hidden': {
      const unseen = { ...state, visible: false };
      if (state.phase === 'training') return { state: { ...unseen, phase: 'autoPaused' }, action: 'pause' };
      return { state: unseen, action: null };
    }
    case 'runStarted':
      return event.live ? { state, action: null } : { state: { ...state, otherRun: true }, action: null };
    case 'runEnded':
      if (!event.live) return startIfReady({ ...state, otherRun: false });
      if (!inFlight) return { state, action: null };
      // A live run replaced by a new live run goes on as that run; one replaced by another target waits for it.
      if (event.replacedByOther) return { state: { ...state, phase: 'waiting', otherRun: true }, action: null };
      return { state: { ...state, phase: event.replaced ? state.phase : 'done' }, action: null };
  }
}
