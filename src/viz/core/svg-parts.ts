/**
 * Small pieces the figures share for drawing into a stable <svg>: elements created once and
 * updated in place, attributes written only when they change, the axis titles, and the 0.1 px
 * rounding every coordinate is written with.
 */
import type { Selection } from 'd3';

/** A coordinate as written into the DOM: 0.1 px is below what the eye sees and keeps strings short. */
export function roundPx(value: number): number {
  return Math.round(value * 10) / 10;
}

/**
 * Sets an attribute only when its value changes (numbers written with roundPx): while a model
 * trains, most elements move little between redraws, and each write costs the browser style and
 * layout work.
 */
export function setIfChanged(element: Element, name: string, value: number | string): void {
  const text = typeof value === 'number' ? String(roundPx(value)) : value;
  if (element.getAttribute(name) !== text) element.setAttribute(name, text);
}

/** The single child `tag` of `parent` with class(es) `cls` (space-separated), created on first use. */
export function part<P extends SVGElement, K extends keyof SVGElementTagNameMap>(
  parent: Selection<P, unknown, null, undefined>,
  tag: K,
  cls: string,
): Selection<SVGElementTagNameMap[K], unknown, null, undefined> {
  const existing = parent.select<SVGElementTagNameMap[K]>(`:scope > ${tag}.${cls.trim().split(/\s+/).join('.')}`);
  if (!existing.empty()) return existing;
  return parent.append<SVGElementTagNameMap[K]>(tag).attr('class', cls);
}

/**
 * The x-axis title under the plot's right end and the y-axis title rotated along its left edge,
 * `yTitleOffset` px left of the axis.
 */
export function drawAxisTitles(
  plot: Selection<SVGGElement, unknown, null, undefined>,
  titles: { readonly x: string; readonly y: string },
  size: { readonly width: number; readonly height: number; readonly yTitleOffset: number },
): void {
  part(plot, 'text', 'axis-title x-title')
    .attr('x', size.width)
    .attr('y', size.height + 30)
    .attr('text-anchor', 'end')
    .text(titles.x);
  part(plot, 'text', 'axis-title y-title')
    .attr('transform', `translate(${-size.yTitleOffset},0) rotate(-90)`)
    .attr('text-anchor', 'end')
    .text(titles.y);
}
