/**
 * One file's load, on its own: loading, loaded or failed, with a retry that fetches only that file.
 * Its host hears every change (`onChange`), so a stalled or failed file never holds back another.
 */
import { html, type TemplateResult } from 'lit';

export type FileLoadState<T> =
  | { readonly status: 'idle' }
  | { readonly status: 'loading' }
  | { readonly status: 'loaded'; readonly value: T }
  | { readonly status: 'failed'; readonly error: string };

export class FileLoad<T> {
  private current: FileLoadState<T> = { status: 'idle' };
  /** Counts the tries, so a late answer to an earlier try is ignored. */
  private attempt = 0;

  /**
   * @param what The file as the reader knows it ("the precomputed motif model"), for the failure sentence.
   * @param load Fetches and analyses the file; throws with a reason that names the file.
   * @param onChange Called after every change of state.
   */
  constructor(
    readonly what: string,
    private readonly load: () => Promise<T>,
    private readonly onChange: () => void,
  ) {}

  get state(): FileLoadState<T> {
    return this.current;
  }

  get value(): T | null {
    return this.current.status === 'loaded' ? this.current.value : null;
  }

  /** True once the file has loaded or failed. */
  get settled(): boolean {
    return this.current.status === 'loaded' || this.current.status === 'failed';
  }

  /** The reader-facing sentence when the file failed; null otherwise. */
  get failure(): string | null {
    return this.current.status === 'failed' ? `${capitalise(this.what)} could not be loaded (${this.current.error}).` : null;
  }

  /** Starts the load; does nothing while one is under way or after it loaded. */
  start(): Promise<void> {
    if (this.current.status === 'loading' || this.current.status === 'loaded') return Promise.resolve();
    return this.run();
  }

  /** Fetches the file again after a failure (the Retry button). */
  readonly retry = (): Promise<void> => (this.current.status === 'failed' ? this.run() : Promise.resolve());

  private async run(): Promise<void> {
    const attempt = ++this.attempt;
    this.set({ status: 'loading' });
    try {
      const value = await this.load();
      if (attempt === this.attempt) this.set({ status: 'loaded', value });
    } catch (error) {
      if (attempt === this.attempt) this.set({ status: 'failed', error: error instanceof Error ? error.message : String(error) });
    }
  }

  private set(state: FileLoadState<T>): void {
    this.current = state;
    this.onChange();
  }

  /** The failure as an alert with a Retry button that refetches only this file; nothing otherwise. */
  renderFailure(): TemplateResult | null {
    const failure = this.failure;
    return failure
      ? html`<div class="notice error" role="alert">${failure} <button type="button" @click=${this.retry}>Retry</button></div>`
      : null;
  }
}

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
