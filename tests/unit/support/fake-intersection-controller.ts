/**
 * Stands in for `@lit-labs/observers/intersection-controller.js` in Node, where Lit counts as a
 * server and the real controller makes no observer. It keeps the real one's contract: an
 * IntersectionObserver (the global one: installBrowser's fake) whose entries go to `callback`,
 * then a host update. Use with
 * `vi.mock('@lit-labs/observers/intersection-controller.js', () => import('../support/fake-intersection-controller'))`.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface IntersectionControllerConfig {
  target?: Element | null;
  config?: IntersectionObserverInit;
  callback?: (entries: IntersectionObserverEntry[], observer: IntersectionObserver) => unknown;
}

export class IntersectionController implements ReactiveController {
  value: unknown;
  private readonly observer: IntersectionObserver;

  constructor(
    private readonly host: ReactiveControllerHost,
    { config, callback }: IntersectionControllerConfig,
  ) {
    this.observer = new IntersectionObserver((entries, observer) => {
      this.value = callback?.(entries, observer);
      this.host.requestUpdate();
    }, config);
    host.addController(this);
  }

  hostDisconnected(): void {
    this.observer.disconnect();
  }

  observe(target: Element): void {
    this.observer.observe(target);
  }

  unobserve(target: Element): void {
    this.observer.unobserve(target);
  }
}
