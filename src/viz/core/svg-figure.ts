/**
 * The base of every figure drawn with d3 into one <svg> (<neuron-stack-plot>, <loss-chart>,
 * <motif-closeup>), so that each figure's file holds only what it draws. The base renders the <svg>
 * with its accessible name and a visually hidden text alternative, tracks the element's width with
 * a ResizeObserver, redraws after every update, and sizes the <svg> to what was drawn.
 */
import { ResizeController } from '@lit-labs/observers/resize-controller.js';
import { select, type Selection } from 'd3';
import { html, LitElement, nothing, type CSSResultGroup, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { vizStyles } from './viz-styles';

/** A d3 selection of a figure's root <svg>. */
export type SvgSelection = Selection<SVGSVGElement, unknown, null, undefined>;

/**
 * Extend it with a `description()` (the text alternative) and a `draw(svg, width)` that returns the
 * height drawn, px; set `label`, and `fallbackWidth` where 640 px is not a good first guess.
 */
export abstract class SvgFigure extends LitElement {
  static override styles: CSSResultGroup = vizStyles;

  /** Accessible name of the figure (the <svg>'s aria-label). */
  @property() label = '';

  /**
   * Width in CSS px drawn at until the ResizeObserver has reported one, and where layout gives
   * none (an element in a hidden or not yet laid-out subtree).
   */
  protected fallbackWidth = 640;

  /**
   * The <svg>'s role: 'img' (one image, named by `label`, its words in the text alternative), or
   * 'group' for a figure that holds controls of its own (<density-curve>'s columns), which an image
   * may not (axe: nested-interactive). A group's drawing should be aria-hidden by the figure.
   */
  protected svgRole: 'img' | 'group' = 'img';

  /**
   * The element's content width, px, as last reported. A report of 0 (the element is not laid out)
   * keeps the width drawn before, so a figure scrolled out of a `content-visibility: auto` section
   * does not redraw at the fallback width.
   */
  private readonly observedWidth: ResizeController<number | undefined> = new ResizeController(this, {
    callback: (entries) => {
      const width = entries.at(-1)?.contentRect.width ?? 0;
      return width > 0 ? width : this.observedWidth.value;
    },
    skipInitial: true,
  });

  /** Width the <svg> was last drawn at, px (−1 before the first draw). */
  private drawnWidth = -1;

  /** The figure's <svg> (for <figure-download> and for pointer geometry); null before the first render. */
  svgElement(): SVGSVGElement | null {
    return this.renderRoot.querySelector('svg');
  }

  /**
   * Width to draw at now, px: as the ResizeObserver last reported it; before any report, as laid
   * out now (clientWidth), and only where layout gives none, the fallback. Chromium delivers no
   * observation for an element in a `content-visibility: auto` section off screen, and none later
   * if its width is the same once the section is on screen (a one-column sweep on a phone), so
   * waiting for a report alone left such a figure at the fallback width, cut by the viewport.
   */
  protected get width(): number {
    const observed = this.observedWidth.value;
    if (observed !== undefined) return observed;
    return this.clientWidth > 0 ? this.clientWidth : this.fallbackWidth;
  }

  /** The figure's text alternative for screen readers: what it shows, in numbers. */
  protected abstract description(): string;

  /**
   * Draws (or updates in place) the figure into `svg` at `width` px and returns the height it
   * used, px. Runs after every update, many times a second while a model trains, so elements are
   * best kept stable and only their attributes changed.
   */
  protected abstract draw(svg: SvgSelection, width: number): number;

  /** The <svg>'s accessible name; the `label` unless a figure derives one from its data. */
  protected accessibleName(): string {
    return this.label;
  }

  /** HTML rendered after the <svg> and its description, e.g. a tooltip. */
  protected renderOverlay(): TemplateResult | typeof nothing {
    return nothing;
  }

  protected override render(): TemplateResult {
    return html`<svg role=${this.svgRole} aria-label=${this.accessibleName()} aria-describedby="description"></svg>
      <p id="description" class="sr-only">${this.description()}</p>
      ${this.renderOverlay()}`;
  }

  /**
   * A ResizeObserver report asks for an update on any change of size, the figure's own new height
   * included: redraw only when a property changed or the width moved by a pixel or more.
   */
  protected override shouldUpdate(changed: PropertyValues): boolean {
    return changed.size > 0 || Math.abs(this.width - this.drawnWidth) >= 1;
  }

  protected override updated(_changed: PropertyValues): void {
    const element = this.svgElement();
    if (!element) return;
    const width = this.width;
    this.drawnWidth = width;
    const svg = select(element);
    const height = this.draw(svg, width);
    svg.attr('width', width).attr('height', height).attr('viewBox', `0 0 ${width} ${height}`).attr('xmlns', 'http://www.w3.org/2000/svg');
  }
}
