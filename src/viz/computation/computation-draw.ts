/**
 * The drawing of <computation-figure>'s three bands from a ComputationLayout (computation-layout.ts),
 * into stable, keyed elements: a drag redraws only attributes that changed (svg-parts.ts). Every
 * per-element attribute, class and text of the ~250 elements a drag moves goes through setAll /
 * setClass / setText, which leave an unchanged one alone (d3's .attr writes every time, and a write
 * of the same value still costs a mutation and style invalidation): on the 100-feature bench model
 * this halved the DOM writes an update makes, from about 1,070 to 500.
 */
import type { Selection } from 'd3';
import { featureColour } from '../core/feature-colours';
import { formatNumber } from '../core/format';
import { part, setIfChanged } from '../core/svg-parts';
import { type ComputationLayout, type ContributionRect, LABEL_ROW, type NeuronColumn, type OutputSlot } from './computation-layout';
import { inputText, STRONG_ACTIVATION } from './computation-text';

type Group = Selection<SVGGElement, unknown, null, undefined>;

/** Sets each attribute whose value changed (numbers rounded to 0.1 px, svg-parts.ts). */
function setAll(element: Element | undefined, attributes: Readonly<Record<string, string | number>>): void {
  if (element) for (const name in attributes) setIfChanged(element, name, attributes[name]!);
}

/** Turns a class on or off only when it is not already so. */
function setClass(element: Element, name: string, on: boolean): void {
  if (element.classList.contains(name) !== on) element.classList.toggle(name, on);
}

/** Sets an element's text only when it changed. */
function setText(element: Element | undefined, text: string): void {
  if (element && element.textContent !== text) element.textContent = text;
}

/** The input strip, with the keyboard's focus mark on `focus.feature` while the strip has focus. */
export function drawInput(plot: Group, layout: ComputationLayout, focus: { readonly feature: number; readonly focused: boolean }): void {
  const g = part(plot, 'g', 'input-strip');
  const { top, height } = layout.input;
  const focused = layout.inputs[focus.feature];
  g.attr('tabindex', 0)
    .attr('role', 'slider')
    .attr('aria-label', 'Input: feature values, ←/→ choose a feature, ↑/↓ set its value')
    .attr('aria-valuemin', -1)
    .attr('aria-valuemax', 1)
    .attr('aria-valuenow', focused?.value ?? 0)
    .attr('aria-valuetext', focused ? inputText({ feature: focus.feature, value: focused.value }) : '');
  part(g, 'rect', 'strip-bg').attr('x', 0).attr('y', top).attr('width', layout.innerW).attr('height', height);
  part(g, 'line', 'strip-mid')
    .attr('x1', 0)
    .attr('x2', layout.innerW)
    .attr('y1', top + height / 2)
    .attr('y2', top + height / 2);
  part(g, 'text', 'band-title')
    .attr('x', 0)
    .attr('y', top - 6)
    .text(layout.narrow ? 'input x: drag a feature' : 'input x: drag a feature up or down, or use the arrow keys');
  part(g, 'text', 'axis-label up')
    .attr('x', -4)
    .attr('y', top + 8)
    .attr('text-anchor', 'end')
    .text('1');
  part(g, 'text', 'axis-label down')
    .attr('x', -4)
    .attr('y', top + height)
    .attr('text-anchor', 'end')
    .text('−1');
  g.selectAll<SVGRectElement, (typeof layout.inputs)[number]>('rect.input-bar')
    .data(
      layout.inputs.filter((s) => s.active),
      (s) => s.feature,
    )
    .join((enter) => enter.append('rect').attr('class', 'input-bar'))
    .each(function (s) {
      setAll(this, { x: s.x + s.w * 0.1, width: Math.max(1, s.w * 0.8), y: s.y, height: Math.max(1, s.h), fill: featureColour(s.feature) });
    });
  g.selectAll<SVGTextElement, ComputationLayout['inputLabels'][number]>('text.input-label')
    .data(layout.inputLabels, (s) => s.feature)
    .join((enter) => enter.append('text').attr('class', 'input-label').attr('text-anchor', 'middle'))
    .each(function (s) {
      setAll(this, { x: s.x, y: top + height + 11 });
      setText(this, String(s.feature));
    });
  const mark = part(g, 'rect', 'focus-mark').classed('shown', focus.focused);
  if (focused)
    mark
      .attr('x', focused.x)
      .attr('y', top - 1)
      .attr('width', focused.w)
      .attr('height', height + 2);
}

/** The hidden band: per neuron the stacked contributions, the pre-activation tick and the activation bar. */
export function drawHidden(plot: Group, layout: ComputationLayout): void {
  const g = part(plot, 'g', 'hidden');
  const { top, height } = layout.hidden;
  const zero = top + height / 2;
  part(g, 'text', 'band-title')
    .attr('x', 0)
    .attr('y', top - 6)
    .text(
      layout.narrow
        ? 'neurons: W1[j,i]·xᵢ; bar = ReLU'
        : 'hidden neurons: contributions W1[j,i]·xᵢ stacked by feature; black bar = ReLU(their sum)',
    );
  part(g, 'text', 'axis-label up')
    .attr('x', -4)
    .attr('y', top + 8)
    .attr('text-anchor', 'end')
    .text(formatNumber(layout.hiddenMax, 1));
  part(g, 'text', 'axis-label down')
    .attr('x', -4)
    .attr('y', top + height)
    .attr('text-anchor', 'end')
    .text(formatNumber(-layout.hiddenMax, 1));
  part(g, 'line', 'zero').attr('x1', 0).attr('x2', layout.innerW).attr('y1', zero).attr('y2', zero);
  const columns = g
    .selectAll<SVGGElement, NeuronColumn>('g.neuron')
    .data(layout.columns, (c) => c.neuron)
    .join((enter) => {
      const c = enter.append('g').attr('class', 'neuron').attr('role', 'img');
      c.append('rect').attr('class', 'neuron-bg');
      c.append('rect').attr('class', 'activation');
      c.append('line').attr('class', 'pre');
      c.append('text').attr('class', 'neuron-tick').attr('text-anchor', 'middle');
      return c;
    })
    .each(function (c) {
      setAll(this, { 'data-neuron': String(c.neuron), 'data-activation': String(c.activation), 'aria-label': neuronText(c) });
      setClass(this, 'silenced', c.silenced);
      setClass(this, 'strong', c.activation >= STRONG_ACTIVATION);
      // The column's first four children, in the order the enter above appends them (the contributions follow).
      const [bg, bar, pre, tick] = this.children;
      setAll(bg, { x: c.x, y: top, width: c.slot, height });
      setAll(bar, { x: c.barX, y: c.actY, width: Math.max(1, c.barW), height: c.actH });
      const shown = c.rects.length > 0 ? '1' : '0';
      setAll(pre, { x1: c.x, x2: c.barX + c.barW, y1: c.preY, y2: c.preY, opacity: shown });
      setAll(tick, { x: c.x + c.slot / 2, y: top + height + 11 });
      setText(tick, c.tick ? String(c.neuron) : '');
    });
  columns
    .selectAll<SVGRectElement, ContributionRect>('rect.contribution')
    .data(
      (c) => c.rects,
      (r) => r.feature,
    )
    .join((enter) => enter.append('rect').attr('class', 'contribution'))
    .each(function (r) {
      setAll(this, { x: r.x, y: r.y, width: r.w, height: Math.max(0.5, r.h), fill: featureColour(r.feature) });
    });
}

/** The output band: y'_i bars, |x_i| target lines, the misses shaded and labelled. */
export function drawOutputs(plot: Group, layout: ComputationLayout): void {
  const g = part(plot, 'g', 'outputs');
  const { top, height } = layout.output;
  const base = top + height;
  part(g, 'text', 'band-title')
    .attr('x', 0)
    // Above every row of miss labels (two rows' room is always kept).
    .attr('y', top - 6 - LABEL_ROW * Math.max(2, layout.labelRows))
    .text(layout.narrow ? 'outputs y′ against |x| (line)' : 'outputs y′ (bars) against their targets |x| (black lines); misses shaded red');
  part(g, 'text', 'axis-label up')
    .attr('x', -4)
    .attr('y', top + 8)
    .attr('text-anchor', 'end')
    .text(formatNumber(layout.outputMax, 1));
  part(g, 'text', 'axis-label down').attr('x', -4).attr('y', base).attr('text-anchor', 'end').text('0');
  part(g, 'line', 'zero').attr('x1', 0).attr('x2', layout.innerW).attr('y1', base).attr('y2', base);
  const showTicks = layout.outputs.length <= 40;
  g.selectAll<SVGGElement, OutputSlot>('g.output')
    .data(layout.outputs, (o) => o.feature)
    .join((enter) => {
      const o = enter.append('g').attr('class', 'output').attr('role', 'img');
      o.append('rect').attr('class', 'miss');
      o.append('rect').attr('class', 'out-bar');
      o.append('line').attr('class', 'target');
      o.append('text').attr('class', 'output-tick').attr('text-anchor', 'middle');
      return o;
    })
    .each(function (o) {
      setAll(this, {
        'data-feature': String(o.feature),
        'data-output': String(o.output),
        'aria-label': `output ${o.feature}: ${formatNumber(o.output)}, target ${formatNumber(o.target)}`,
      });
      // The output's four children, in the order the enter above appends them.
      const [miss, bar, target, tick] = this.children;
      setAll(miss, { x: o.x - 1, y: o.missY, width: o.w + 2, height: o.missH, class: `miss ${o.miss}` });
      setAll(bar, { x: o.x, y: o.outY, width: o.w, height: o.outH, fill: featureColour(o.feature) });
      const hasTarget = o.target > 0 ? '1' : '0';
      setAll(target, { x1: o.x - 2, x2: o.x + o.w + 2, y1: o.targetY, y2: o.targetY, opacity: hasTarget });
      setAll(tick, { x: o.x + o.w / 2, y: base + 11 });
      setText(tick, showTicks || o.target > 0 ? String(o.feature) : '');
    });
  // Each label a flag (label-flags.ts): its text in its row, a pole from under the text down to its output.
  g.selectAll<SVGGElement, ComputationLayout['labels'][number]>('g.miss-flag')
    .data(layout.labels, (l) => l.feature)
    .join((enter) => {
      const flag = enter.append('g').attr('class', 'miss-flag');
      flag.append('line').attr('class', 'miss-pole');
      flag.append('text').attr('class', 'miss-label').attr('text-anchor', 'start');
      return flag;
    })
    .each(function (l) {
      const baseline = top - 4 - l.row * LABEL_ROW;
      const [pole, text] = this.children;
      setAll(this, { 'data-feature': String(l.feature) });
      setAll(pole, { x1: l.anchor, x2: l.anchor, y1: baseline + 2, y2: Math.max(baseline + 2, l.poleTo) });
      setAll(text, { x: l.x, y: baseline });
      setText(text, l.text);
    });
}

function neuronText(c: NeuronColumn): string {
  const state = c.silenced ? ', removed' : '';
  return `neuron ${c.neuron}${state}: pre-activation ${formatNumber(c.preActivation)}, activation ${formatNumber(c.activation)}`;
}
