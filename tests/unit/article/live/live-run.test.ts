/**
 * The live-run state machine through its transitions: when the live model starts by itself, when
 * it waits, and that it never replaces a run the reader started.
 */
import { describe, expect, it } from 'vitest';
import {
  INITIAL_LIVE_RUN,
  type LiveRunAction,
  type LiveRunEvent,
  type LiveRunState,
  nextLiveRun,
} from '../../../../src/article/live/live-run';

/** Runs events from `state`, returning the final state and every action taken. */
function run(events: readonly LiveRunEvent[], state: LiveRunState = INITIAL_LIVE_RUN): { state: LiveRunState; actions: LiveRunAction[] } {
  const actions: LiveRunAction[] = [];
  for (const event of events) {
    const next = nextLiveRun(state, event);
    state = next.state;
    if (next.action) actions.push(next.action);
  }
  return { state, actions };
}

const train: LiveRunEvent = { type: 'request', needsTraining: true };
const shipped: LiveRunEvent = { type: 'request', needsTraining: false };
const otherStarted: LiveRunEvent = { type: 'runStarted', live: false };
const otherEnded: LiveRunEvent = { type: 'runEnded', live: false, replaced: false, replacedByOther: false };
const liveEnded: LiveRunEvent = { type: 'runEnded', live: true, replaced: false, replacedByOther: false };
/** The controller reports the replaced run's end before the new run's start. */
const replacedBySweep: LiveRunEvent = { type: 'runEnded', live: true, replaced: true, replacedByOther: true };

describe('the live run', () => {
  it('a configuration that needs training waits off screen and starts when its section comes into view', () => {
    const waiting = run([train]);
    expect(waiting.state.phase).toBe('waiting');
    expect(waiting.actions).toEqual([]);
    const seen = run([{ type: 'visible' }], waiting.state);
    expect(seen.state.phase).toBe('training');
    expect(seen.actions).toEqual(['start']);
  });

  it('starts at once when its section is already on screen', () => {
    expect(run([{ type: 'visible' }, train]).actions).toEqual(['start']);
  });

  it('a shipped configuration trains nothing, and cancels a live run for another configuration', () => {
    expect(run([{ type: 'visible' }, shipped])).toEqual({ state: { phase: 'idle', visible: true, otherRun: false }, actions: [] });
    expect(run([{ type: 'visible' }, train, shipped]).actions).toEqual(['start', 'cancel']);
  });

  it('waits while a run the reader started is in flight, and starts when it ends with the section in view', () => {
    const blocked = run([otherStarted, { type: 'visible' }, train]);
    expect(blocked.state.phase).toBe('waiting');
    expect(blocked.actions).toEqual([]);
    const after = run([otherEnded], blocked.state);
    expect(after.state.phase).toBe('training');
    expect(after.actions).toEqual(['start']);
  });

  it('the stopped-sweep sequence: sweep started, section seen, sweep stopped → the live model starts', () => {
    // Load with a configuration to train, start the sweep, scroll to the live section, stop the sweep.
    const { state, actions } = run([train, otherStarted, { type: 'visible' }, otherEnded]);
    expect(actions).toEqual(['start']);
    expect(state.phase).toBe('training');
  });

  it('the stopped-sweep sequence with the section scrolled away at the stop starts it when the section returns', () => {
    const { state, actions } = run([train, otherStarted, { type: 'visible' }, { type: 'hidden' }, otherEnded, { type: 'visible' }]);
    expect(actions).toEqual(['start']);
    expect(state.phase).toBe('training');
  });

  it('pauses off screen and resumes on screen, but never resumes a run the reader paused', () => {
    const training = run([{ type: 'visible' }, train]).state;
    expect(run([{ type: 'hidden' }, { type: 'visible' }], training).actions).toEqual(['pause', 'resume']);
    const readerPaused = run([{ type: 'pause' }, { type: 'hidden' }, { type: 'visible' }], training);
    expect(readerPaused.actions).toEqual(['pause']);
    expect(readerPaused.state.phase).toBe('pausedByReader');
    expect(run([{ type: 'resume' }], readerPaused.state).actions).toEqual(['resume']);
  });

  it('the reader resuming an auto-paused run resumes it', () => {
    const autoPaused = run([{ type: 'visible' }, train, { type: 'hidden' }]).state;
    expect(autoPaused.phase).toBe('autoPaused');
    expect(run([{ type: 'resume' }], autoPaused)).toMatchObject({ state: { phase: 'training' }, actions: ['resume'] });
  });

  it('a live run replaced by a run the reader started goes back to waiting, and trains again once that run is over', () => {
    const replaced = run([{ type: 'visible' }, train, replacedBySweep, otherStarted]);
    expect(replaced.state).toMatchObject({ phase: 'waiting', otherRun: true });
    expect(replaced.actions).toEqual(['start']);
    expect(run([otherEnded], replaced.state).actions).toEqual(['start']);
  });

  it('the race found in the browser: started while the page was short, auto-paused, replaced by the sweep, stopped → starts again', () => {
    const events: LiveRunEvent[] = [
      { type: 'visible' },
      train,
      { type: 'hidden' },
      replacedBySweep,
      otherStarted,
      { type: 'visible' },
      otherEnded,
    ];
    const { state, actions } = run(events);
    expect(actions).toEqual(['start', 'pause', 'start']);
    expect(state.phase).toBe('training');
  });

  it('the reader restarting the live model replaces the live run with a live run, which goes on training', () => {
    const { state, actions } = run([
      { type: 'visible' },
      train,
      { type: 'start' },
      { type: 'runEnded', live: true, replaced: true, replacedByOther: false },
      { type: 'runStarted', live: true },
    ]);
    expect(actions).toEqual(['start', 'start']);
    expect(state).toMatchObject({ phase: 'training', otherRun: false });
  });

  it('ends as done when the live run ends, and an end heard twice changes nothing', () => {
    const done = run([{ type: 'visible' }, train, liveEnded]);
    expect(done.state.phase).toBe('done');
    expect(run([liveEnded, { type: 'visible' }], done.state).actions).toEqual([]);
  });

  it('the reader can always start the live model, even while another run is in flight', () => {
    const { state, actions } = run([otherStarted, { type: 'start' }]);
    expect(actions).toEqual(['start']);
    expect(state).toMatchObject({ phase: 'training', otherRun: false });
  });

  it('never starts by itself while another run is in flight, whatever happens to visibility', () => {
    const events: LiveRunEvent[] = [otherStarted, train, { type: 'visible' }, { type: 'hidden' }, { type: 'visible' }, shipped, train];
    expect(run(events).actions.filter((a) => a === 'start')).toEqual([]);
  });
});
