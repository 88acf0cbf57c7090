/**
 * A reactive controller that tracks its host element's content width with a ResizeObserver and
 * asks the host to update when it changes by a pixel or more, so figures redraw at their size.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class ElementWidthController implements ReactiveController {
  /** Content width in CSS pixels; 0 until the element has been laid out. */
  width = 0;
  private observer: ResizeObserver | undefined;

  constructor(private readonly host: ReactiveControllerHost & Element) {
    host.addController(this);
  }

  hostConnected(): void {
    this.observer = new ResizeObserver((entries) => {
      const width = entries[0]?.contentRect.width ?? 0;
      if (width > 0 && Math.abs(width - this.width) >= 1) {
        this.width = width;
        this.host.requestUpdate();
      }
    });
    this.observer.observe(this.host);
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = undefined;
  }
}
