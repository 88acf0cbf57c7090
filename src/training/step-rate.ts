/**
 * A run's training speed as the page reports it: steps per second over all the training since the
 * first report, paused time left out. The first report's chunk also paid for the backend's warm-up
 * (kernel compilation, wasm memory growth, first allocations): a first estimate from it said "about
 * 2 min left" for a run that ended 33 s later (issue 27). It alone gives the first report's speed,
 * and no later one. A later speed is thus measured on this machine for this run, and steadies as
 * the run goes instead of following each chunk's noise.
 */
export class StepRate {
  private segment: { step: number; ms: number } | null = null;
  private warmedUp = false;
  private steps = 0;
  private ms = 0;

  /** Training (re)starts at `step` at time `ms` (a resume after a pause, whose time is not counted). */
  start(step: number, ms: number): void {
    this.segment = { step, ms };
  }

  /** Steps per second at a report of step `step` at time `ms` (ms since any fixed origin). */
  report(step: number, ms: number): number {
    const segment = this.segment ?? { step, ms };
    const steps = step - segment.step;
    const elapsed = Math.max(1e-3, ms - segment.ms);
    this.segment = { step, ms };
    if (!this.warmedUp) {
      this.warmedUp = true;
      return (steps * 1000) / elapsed;
    }
    this.steps += steps;
    this.ms += elapsed;
    return (this.steps * 1000) / this.ms;
  }
}
