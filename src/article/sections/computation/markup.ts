/**
 * The computation section's markup: a short lead, the model picker, the figure and its caption.
 * The figure's properties come from view.ts; the section element owns the handlers.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { Computation } from '../../../model/analysis/computation';
import { EMBED_CLASSES } from '../../page/embed';
import { SECTION_TITLES } from '../contents/markup';
import type { ComputationView } from './view';

export interface ComputationSectionProps {
  /** Null until a model has loaded. */
  readonly view: ComputationView | null;
  readonly computation: Computation | null;
  /** What is shown while the model loads (view.ts's loadingSentence). */
  readonly loading: string;
  /** The hidden band's half-range (view.ts's steadyHiddenMax). */
  readonly hiddenMax: number;
  readonly onModelChange: (key: string) => void;
}

function picker(view: ComputationView, onModelChange: (key: string) => void): TemplateResult {
  return html`<div class="controls ${EMBED_CLASSES.keep}">
    <label
      >Model
      <select id="computation-model-select" @change=${(e: Event) => onModelChange((e.target as HTMLSelectElement).value)}>
        ${view.choices.map((c) => html`<option value=${c.key} .selected=${live(c.key === view.key)}>${c.label}</option>`)}
      </select></label
    >
  </div>`;
}

/** The section: lead, picker, figure. */
export function computationSection(props: ComputationSectionProps): TemplateResult {
  const { view, computation } = props;
  return html`
    <section id="computation" data-section="computation">
      <div class="prose">
        <h2>${SECTION_TITLES.computation}</h2>
        <p>
          Each model here takes n features x<sub>i</sub> in [−1, 1], mostly zero, and is trained to output |x<sub>i</sub>|
          for each one through fewer hidden neurons than features. Set an input below and watch it flow through a trained
          model: each neuron’s bar stacks the terms W1[j,i]·x<sub>i</sub>, coloured by feature, and the ReLU keeps only
          what is above zero; each output is drawn against its target |x<sub>i</sub>|.
        </p>
      </div>
      ${view ? picker(view, props.onModelChange) : nothing}
      ${view && view.notes.length > 0 ? html`<p class="notice ${EMBED_CLASSES.keep}" role="status">${view.notes.join(' ')}</p>` : nothing}
      ${
        view && computation
          ? html`<figure>
            <computation-figure
              id="computation-figure"
              .computation=${computation}
              .order=${view.order}
              .budget=${view.budget}
              .seed=${view.seed}
              .density=${view.density}
              .inhibition=${view.inhibition}
              .hiddenMax=${props.hiddenMax}
            ></computation-figure>
            <figcaption>
              Drag a feature up or down on the input strip (or focus it and use the arrow keys), or press “Random input” for an
              input at the model’s density. Where a neuron reads several features, one feature’s input moves other
              features’ outputs: that is interference, and its size is marked on the output.
            </figcaption>
          </figure>`
          : html`<p class="small">${props.loading}</p>`
      }
    </section>
  `;
}
