/**
 * Hands the newest of a stream of values to `show` in a task of its own, dropping values that a
 * newer one replaced before that task ran. The live figure draws new weights this way, apart from
 * the task that received them (which updates the status line and the loss curve), so that no one
 * task holds the page for long.
 */
export class NextTask<T> {
  private pending: T | null = null;

  constructor(private readonly show: (value: T) => void) {}

  /** Schedules `value` unless it is already waiting. */
  schedule(value: T): void {
    if (this.pending === value) return;
    this.pending = value;
    setTimeout(() => {
      if (this.pending !== value) return;
      this.pending = null;
      this.show(value);
    });
  }

  /** Drops the value waiting, if any. */
  clear(): void {
    this.pending = null;
  }
}
