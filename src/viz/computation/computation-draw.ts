/**
 * The drawing of <computation-figure>'s three bands from a ComputationLayout (computation-layout.ts),
 * into stable, keyed elements: a drag redraws only attributes that changed (svg-parts.ts).
 */
import type { Selection } from 'd3';
import { featureColour } from '../core/feature-colours';
import { formatNumber } from '../core/format';
import { part, setIfChanged } from '../core/svg-parts';
import type { ComputationLayout, ContributionRect, NeuronColumn, OutputSlot } from './computation-layout';
import { inputText, STRONG_ACTIVATION } from './computation-text';

type Group = Selection<SVGGElement, unknown, null, undefined>;

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
    .join('rect')
    .attr('class', 'input-bar')
    .each(function (s) {
      setIfChanged(this, 'x', s.x + s.w * 0.1);
      setIfChanged(this, 'width', Math.max(1, s.w * 0.8));
      setIfChanged(this, 'y', s.y);
      setIfChanged(this, 'height', Math.max(1, s.h));
      setIfChanged(this, 'fill', featureColour(s.feature));
    });
  g.selectAll<SVGTextElement, (typeof layout.inputs)[number]>('text.input-label')
    .data(
      layout.inputs.filter((s) => s.active),
      (s) => s.feature,
    )
    .join('text')
    .attr('class', 'input-label')
    .attr('text-anchor', 'middle')
    .attr('x', (s) => s.x + s.w / 2)
    .attr('y', top + height + 11)
    .text((s) => s.feature);
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
    .attr('data-neuron', (c) => c.neuron)
    .attr('data-activation', (c) => String(c.activation))
    .classed('silenced', (c) => c.silenced)
    .classed('strong', (c) => c.activation >= STRONG_ACTIVATION)
    .attr('aria-label', (c) => neuronText(c));
  columns.each(function (c) {
    const bg = this.querySelector('rect.neuron-bg');
    if (bg)
      for (const [k, v] of [
        ['x', c.x],
        ['y', top],
        ['width', c.slot],
        ['height', height],
      ] as const)
        setIfChanged(bg, k, v);
    const bar = this.querySelector('rect.activation');
    if (bar)
      for (const [k, v] of [
        ['x', c.barX],
        ['y', c.actY],
        ['width', Math.max(1, c.barW)],
        ['height', c.actH],
      ] as const)
        setIfChanged(bar, k, v);
    const pre = this.querySelector('line.pre');
    const shown = c.rects.length > 0 ? '1' : '0';
    if (pre)
      for (const [k, v] of [
        ['x1', c.x],
        ['x2', c.barX + c.barW],
        ['y1', c.preY],
        ['y2', c.preY],
        ['opacity', shown],
      ] as const)
        setIfChanged(pre, k, v);
    const tick = this.querySelector('text.neuron-tick');
    if (tick) {
      setIfChanged(tick, 'x', c.x + c.slot / 2);
      setIfChanged(tick, 'y', top + height + 11);
      tick.textContent = c.tick ? String(c.neuron) : '';
    }
  });
  columns
    .selectAll<SVGRectElement, ContributionRect>('rect.contribution')
    .data(
      (c) => c.rects,
      (r) => r.feature,
    )
    .join('rect')
    .attr('class', 'contribution')
    .each(function (r) {
      for (const [k, v] of [
        ['x', r.x],
        ['y', r.y],
        ['width', r.w],
        ['height', Math.max(0.5, r.h)],
      ] as const)
        setIfChanged(this, k, v);
      setIfChanged(this, 'fill', featureColour(r.feature));
    });
}

/** The output band: y'_i bars, |x_i| target lines, the misses shaded and labelled. */
export function drawOutputs(plot: Group, layout: ComputationLayout): void {
  const g = part(plot, 'g', 'outputs');
  const { top, height } = layout.output;
  const base = top + height;
  part(g, 'text', 'band-title')
    .attr('x', 0)
    .attr('y', top - 6 - 24)
    .text(layout.narrow ? 'outputs y′ against |x| (line)' : 'outputs y′ (bars) against their targets |x| (black lines); misses shaded red');
  part(g, 'text', 'axis-label up')
    .attr('x', -4)
    .attr('y', top + 8)
    .attr('text-anchor', 'end')
    .text(formatNumber(layout.outputMax, 1));
  part(g, 'text', 'axis-label down').attr('x', -4).attr('y', base).attr('text-anchor', 'end').text('0');
  part(g, 'line', 'zero').attr('x1', 0).attr('x2', layout.innerW).attr('y1', base).attr('y2', base);
  const outputs = g
    .selectAll<SVGGElement, OutputSlot>('g.output')
    .data(layout.outputs, (o) => o.feature)
    .join((enter) => {
      const o = enter.append('g').attr('class', 'output').attr('role', 'img');
      o.append('rect').attr('class', 'miss');
      o.append('rect').attr('class', 'out-bar');
      o.append('line').attr('class', 'target');
      o.append('text').attr('class', 'output-tick').attr('text-anchor', 'middle');
      return o;
    })
    .attr('data-feature', (o) => o.feature)
    .attr('data-output', (o) => String(o.output))
    .attr('aria-label', (o) => `output ${o.feature}: ${formatNumber(o.output)}, target ${formatNumber(o.target)}`);
  const showTicks = layout.outputs.length <= 40;
  outputs.each(function (o) {
    const miss = this.querySelector('rect.miss');
    if (miss)
      for (const [k, v] of [
        ['x', o.x - 1],
        ['y', o.missY],
        ['width', o.w + 2],
        ['height', o.missH],
      ] as const)
        setIfChanged(miss, k, v);
    miss?.setAttribute('class', `miss ${o.miss}`);
    const bar = this.querySelector('rect.out-bar');
    if (bar) {
      for (const [k, v] of [
        ['x', o.x],
        ['y', o.outY],
        ['width', o.w],
        ['height', o.outH],
      ] as const)
        setIfChanged(bar, k, v);
      setIfChanged(bar, 'fill', featureColour(o.feature));
    }
    const target = this.querySelector('line.target');
    const hasTarget = o.target > 0 ? '1' : '0';
    if (target)
      for (const [k, v] of [
        ['x1', o.x - 2],
        ['x2', o.x + o.w + 2],
        ['y1', o.targetY],
        ['y2', o.targetY],
        ['opacity', hasTarget],
      ] as const)
        setIfChanged(target, k, v);
    const tick = this.querySelector('text.output-tick');
    if (tick) {
      setIfChanged(tick, 'x', o.x + o.w / 2);
      setIfChanged(tick, 'y', base + 11);
      tick.textContent = showTicks || o.target > 0 ? String(o.feature) : '';
    }
  });
  g.selectAll<SVGTextElement, ComputationLayout['labels'][number]>('text.miss-label')
    .data(layout.labels, (l) => l.feature)
    .join('text')
    .attr('class', 'miss-label')
    .attr('text-anchor', 'middle')
    .attr('x', (l) => l.x)
    .attr('y', (l) => top - 4 - l.row * 12)
    .text((l) => l.text);
}

function neuronText(c: NeuronColumn): string {
  const state = c.silenced ? ', removed' : '';
  return `neuron ${c.neuron}${state}: pre-activation ${formatNumber(c.preActivation)}, activation ${formatNumber(c.activation)}`;
}
