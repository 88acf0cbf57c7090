/**
 * <computation-figure>: one input flowing through one model (issue 23). Top, the input strip the
 * reader sets; middle, each hidden neuron's pre-activation as the stacked contributions W1[j,i]·x_i,
 * coloured by feature (feature-colours.ts), with the ReLU's cut; bottom, each output y'_i against
 * its target |x_i|, the miss shaded and stated. Geometry in computation-layout.ts, words in
 * computation-text.ts, the reader's pointer and keys in computation-interaction.ts.
 *
 * It draws the `computation` it is given (src/model/analysis/computation.ts) and computes nothing:
 * on `input-change` (detail: the new input), `random-input` and `inhibition-toggle` (detail:
 * { removed }) the host recomputes and sets `computation` again. Test attributes (issue 23, item 6):
 * the host carries data-figure="computation", data-budget, data-seed, data-density; each neuron's
 * <g> data-neuron and data-activation, each output's <g> data-feature and data-output, at full
 * precision. A click or Enter/Space on a neuron announces it as `neuron-select` (computation-neurons.ts).
 */
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Computation, InputEntry } from '../../model/analysis/computation';
import { SvgFigure, type SvgSelection } from '../core/svg-figure';
import { part } from '../core/svg-parts';
import { computationStyles } from './computation-styles';
import { drawHidden, drawInput, drawOutputs } from './computation-draw';
import { type ComputationLayout, computationLayout, MARGIN } from './computation-layout';
import { InputStripInteraction } from './computation-interaction';
import { NeuronPick } from './computation-neurons';
import { describeComputation } from './computation-text';

/** The motif model's inhibition neuron, for the toggle that removes it. */
export interface InhibitionToggle {
  readonly neuron: number;
  /** The features of the motif it belongs to: a (which also drives it) and b (whose output it inhibits). */
  readonly featureA: number;
  readonly featureB: number;
}

@customElement('computation-figure')
export class ComputationFigure extends SvgFigure {
  static override styles = computationStyles;

  @property({ attribute: false }) computation: Computation | undefined;
  /** Neuron indices left to right (the stack plot's order); by default model order. */
  @property({ attribute: false }) order: readonly number[] = [];
  /** Which model: `converged`, `replication`, `motif` or `live` (data-budget), its seed and density. */
  @property() budget = '';
  @property({ type: Number }) seed = 0;
  @property({ type: Number }) density = 1;
  /** On the motif model: the inhibition neuron the toggle removes. */
  @property({ attribute: false }) inhibition: InhibitionToggle | undefined;
  /** Half-range of the hidden band, kept steady by a host while the reader drags; auto when unset. */
  @property({ type: Number }) hiddenMax: number | undefined;
  /** A counter the interaction bumps to redraw its focus mark (no meaning outside). */
  @property({ attribute: false }) focusMark = 0;

  override label = 'Computation: an input, the hidden neurons and the outputs';
  protected override fallbackWidth = 720;
  private readonly strip = new InputStripInteraction(this);
  private readonly neurons = new NeuronPick(this);
  private layout: ComputationLayout | undefined;

  currentInput(): readonly InputEntry[] {
    return this.computation?.input ?? [];
  }

  redraw(): void {
    this.focusMark++;
  }

  private summary(): string {
    if (!this.computation) return 'No model loaded.';
    const silenced = this.computation.silenced;
    return describeComputation(this.computation, silenced === undefined ? '' : ` Neuron ${silenced} is removed.`);
  }

  protected override description(): string {
    return `${this.label}. ${this.summary()}`;
  }

  protected override willUpdate(changed: PropertyValues): void {
    this.dataset['figure'] = 'computation';
    this.dataset['budget'] = this.budget;
    this.dataset['seed'] = String(this.seed);
    this.dataset['density'] = String(this.density);
    super.willUpdate(changed);
  }

  private emit(type: string, detail?: unknown): void {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  protected override renderOverlay(): TemplateResult {
    const removed = this.computation?.silenced !== undefined;
    const narrow = this.layout ? !this.layout.allOutputs : false;
    return html`<div class="controls">
        <button type="button" @click=${() => this.emit('random-input')}>Random input at this density</button>
        <button type="button" @click=${() => this.emit('input-change', { input: [] })}>Clear</button>
        ${
          this.inhibition
            ? html`<button type="button" aria-pressed=${removed ? 'true' : 'false'} @click=${() => this.emit('inhibition-toggle', { removed: !removed })}>
              ${removed ? 'Restore' : 'Remove'} inhibition neuron ${this.inhibition.neuron}
            </button>`
            : nothing
        }
      </div>
      ${
        this.inhibition
          ? html`<p class="note">
            Neuron ${this.inhibition.neuron} is the motif’s inhibition neuron: it reads feature ${this.inhibition.featureA} and
            writes a large negative weight onto output ${this.inhibition.featureB}. Set feature ${this.inhibition.featureA} and
            remove it to see the interference it cancels.
          </p>`
          : nothing
      }
      <p class="summary" aria-live="polite">${this.summary()}</p>
      ${narrow ? html`<p class="note">Outputs shown: the active features’ and the largest misses elsewhere.</p>` : nothing}`;
  }

  protected override draw(svg: SvgSelection, width: number): number {
    const computation = this.computation;
    if (!computation) {
      svg.selectAll('*').remove();
      return 40;
    }
    // The input strip inside is a slider: an <svg role="img"> would hide it (axe: nested-interactive).
    svg.attr('role', 'group');
    const layout = computationLayout(computation, this.order, width, this.hiddenMax === undefined ? {} : { hiddenMax: this.hiddenMax });
    this.layout = layout;
    const plot = part(svg, 'g', 'plot').attr('transform', `translate(${MARGIN.left},0)`);
    drawInput(plot, layout, { feature: this.strip.feature, focused: this.strip.focused });
    drawHidden(plot, layout);
    this.neurons.drawn();
    drawOutputs(plot, layout);
    this.strip.drawn(layout);
    return layout.height;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    // The overlay's note depends on the layout drawn: render once more if it changed.
    const narrow = this.layout ? !this.layout.allOutputs : false;
    if (narrow !== this.narrowShown) {
      this.narrowShown = narrow;
      this.focusMark++;
    }
  }

  private narrowShown = false;
}

declare global {
  interface HTMLElementTagNameMap {
    'computation-figure': ComputationFigure;
  }
}
