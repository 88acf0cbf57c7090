import { html, type TemplateResult } from 'lit';
import type { Carrier } from '../../../model/analysis';
import { formatDensity, formatNumber, plural } from '../../../viz/core/format';
import { FIGURE_NUMBER } from '../../page/article-meta';
import { tex } from '../../math';
import type { IntermediateView } from './view';
import { SECTION_TITLES } from '../contents/markup';
import type { StackColouring } from '../../../viz/stack-plot/stack-colouring';

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

const isAre = (count: number): string => (count === 1 ? 'is' : 'are');

const carriers = (list: readonly Carrier[]): string =>
  list.map((c) => `neuron ${c.neuron} (in ${formatNumber(c.inputWeight)}, out ${formatNumber(c.outputWeight)})`).join(', ') || 'none';

/** The intermediate regime, read off the shipped model at one middle level and drawn at full size; nothing until the sweep loads. */
export function intermediateSection(view: IntermediateView | null, colouring: StackColouring = 'superposition'): TemplateResult {
  if (!view) return html``;
  const { facts } = view;
  const cleanerLeft = facts.leftMonosemantic > facts.rightMonosemantic;
  const figure = FIGURE_NUMBER.intermediate;
  return html`
    <section id="intermediate" data-section="intermediate">
      <div class="prose">
      <h2>${SECTION_TITLES.intermediate}</h2>
      <p>
        The middle of the sweep mixes both strategies. Figure ${figure} draws ${view.source} at 1 − S =
        ${formatDensity(facts.density)} at full size. Split it down the middle: of the ${facts.halfSize} neurons on the
        left, which hold features 0 to ${facts.leftLastFeature}, ${facts.leftMonosemantic} ${isAre(facts.leftMonosemantic)}
        monosemantic; of the ${facts.halfSize} on the right, which hold less important features,
        ${facts.rightMonosemantic} ${isAre(facts.rightMonosemantic)}.
        ${
          cleanerLeft
            ? html`Sharing a neuron costs interference, and the model spends that cost where it matters least: its most
              important features stay clean and the less important ones share.`
            : html`In this model the split does not favour the important features, unlike in the paper.`
        }
      </p>
      </div>
      <figure>
        <neuron-stack-plot
          id="intermediate-plot"
          colouring=${colouring}
          .data=${view.plot}
          label=${`Neuron weights of ${view.source} at 1 − S = ${formatDensity(facts.density)}`}
        ></neuron-stack-plot>
        <figure-download filename=${`stack-plot-density-${formatDensity(facts.density)}-shipped`} for="intermediate-plot"></figure-download>
        <figcaption>
          <span class="figure-number">Figure ${figure}.</span> ${capitalise(view.source)} at 1 − S = ${formatDensity(facts.density)},
          the model of Figure ${FIGURE_NUMBER.sweep}’s ${formatDensity(facts.density)} panel drawn larger. The left ${facts.halfSize} columns hold
          features 0 to ${facts.leftLastFeature}; the right ${facts.halfSize}, the less important ones.
        </figcaption>
      </figure>
      <div class="prose">
      <p>
        Of its ${plural(facts.polysemantic, 'polysemantic neuron')}, ${facts.primaryDominated}
        ${facts.primaryDominated === 1 ? 'has' : 'have'} one dominant <a class="term" href="#term-primary">primary</a>
        feature and only <a class="term" href="#term-secondary">secondary</a> features with less than half the
        primary’s weight.
        ${
          facts.example
            ? html`For example, neuron ${facts.example.neuron} reads feature ${facts.example.primary} at full weight and
              also ${facts.example.secondary.map((s) => `feature ${s.feature} at ${formatNumber(s.weight)}`).join(', ')}.`
            : ''
        }
        Point at or tap a column in any stack plot, or focus one with Tab and move with the arrow keys, to read its
        neuron this way.
      </p>
      <p>
        Polysemantic or not, the neurons keep computing ${tex('|x_i| = \\operatorname{ReLU}(x_i) + \\operatorname{ReLU}(-x_i)')}.
        Of the ${plural(facts.represented, 'feature')} this model <a class="term" href="#term-computed">computes</a>, ${facts.pairedBothSides}
        ${facts.pairedBothSides === 1 ? 'has' : 'have'} at least one neuron that
        fires for ${tex('x_i > 0')} and at least one that fires for ${tex('x_i < 0')}, each writing positively onto output
        ${tex('i')}: the ± pairs the paper describes. ${
          facts.featureZero
            ? html`Feature 0’s positive side is carried by ${carriers(facts.featureZero.positive)}; its negative side by
              ${carriers(facts.featureZero.negative)}.`
            : ''
        }
      </p>
      </div>
    </section>
  `;
}
