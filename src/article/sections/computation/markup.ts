/**
 * The computation section's markup: the article's opening figure first (the intro's few lines lead
 * to it), its model picker under it, then how to read it and what it shows: why 40 neurons would
 * serve only 20 features, what the opening model does instead, and the question the rest of the
 * article asks. The figure's properties come from view.ts; the section element owns the handlers.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { Computation } from '../../../model/analysis/computation';
import { EMBED_CLASSES } from '../../page/embed';
import { tex } from '../../math';
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
  /** text.ts's denseSentence and openingModelSentence; empty until the models load. */
  readonly dense: string;
  readonly opening: string;
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

/** How to read the figure, and its point. */
function explanation(dense: string, opening: string): TemplateResult {
  return html`<div class="prose">
    <p>
      Read the figure from top to bottom. The input strip holds the features present in this input; every other feature
      is zero. Each column of the middle band is one hidden neuron: its bar stacks what each present feature adds to it,
      W1[j,i]·x<sub>i</sub>, in that feature’s colour, and the black bar beside it is what passes the ReLU, the neuron’s
      activation. Columns with an activation of 0.1 or more are shaded, and the neurons stand in the order of the article’s
      stack plots: by the importance of the feature each reads most. The bottom band draws each output y′<sub>i</sub> as a
      bar against its target |x<sub>i</sub>| as a black line; a red number marks an output that misses its target, and by
      how much.
    </p>
    <p>
      The plain way to compute |x| with ReLU neurons uses two of them a feature, one for each sign: ${tex('|x| = \\operatorname{ReLU}(x) + \\operatorname{ReLU}(-x)')}.
      At two neurons a feature, 40 neurons can serve 20 features cleanly and leave the other 80 with nothing.
      <span id="intro-dense">${dense}</span> <span id="opening-model">${opening}</span>
    </p>
    <p>
      Neurons that read several features are called <a class="term" href="#term-polysemantic">polysemantic</a>, and they
      are the mark of <a class="term" href="#term-superposition">superposition</a>: the network gives each feature its
      own direction among its 40 neurons, and with more features than neurons those directions cannot all be at right
      angles. The price is interference. Put two features that share a neuron into one input, and each moves the other’s
      output. But each feature is rarely present, so two that share a neuron are seldom present together, and the price
      is seldom paid.
    </p>
    <p>
      The rest of the article asks how this depends on how sparse the inputs are: when the network starts to share its
      neurons, what a shared neuron responds to, and how the network keeps interference down.
    </p>
  </div>`;
}

/** The section: heading, the figure with its picker under it, then the explanation. */
export function computationSection(props: ComputationSectionProps): TemplateResult {
  const { view, computation } = props;
  return html`
    <section id="computation" data-section="computation">
      <div class="prose"><h2>${SECTION_TITLES.computation}</h2></div>
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
            ${picker(view, props.onModelChange)}
            ${view.notes.length > 0 ? html`<p class="notice ${EMBED_CLASSES.keep}" role="status">${view.notes.join(' ')}</p>` : nothing}
            <figcaption>
              Drag a feature up or down on the input strip (or focus it and use the arrow keys), or press “Random input” for an
              input at the model’s density (never an empty one). Where a neuron reads several features, one feature’s input
              moves other features’ outputs: that is interference, and its size is marked on the output. In the model menu,
              1 − S is the feature density, the chance that a feature is present in an input; “converged” models are trained
              until their loss stops falling (the method section gives the recipes).
            </figcaption>
          </figure>`
          : html`<p class="small">${props.loading}</p>`
      }
      ${explanation(props.dense, props.opening)}
    </section>
  `;
}
