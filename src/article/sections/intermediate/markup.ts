import { html, type TemplateResult } from 'lit';
import type { Carrier } from '../../../model/analysis';
import { formatDensity, formatNumber, plural } from '../../../viz/core/format';
import { FIGURE_NUMBER } from '../../page/article-meta';
import { noted } from '../../page/margin-note';
import { tex } from '../../math';
import type { IntermediateView } from './view';
import { SECTION_TITLES } from '../contents/markup';
import type { StackColouring } from '../../../viz/stack-plot/stack-colouring';

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** "all 20 are", "none is", "1 is", "16 are": how many of a half's neurons are monosemantic. */
const ofHalf = (count: number, half: number): string =>
  count === half && half > 1 ? `all ${half} are` : count === 0 ? 'none is' : `${count} ${count === 1 ? 'is' : 'are'}`;

/** "a, b and c". */
const listed = (items: readonly string[]): string =>
  items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;

const carriers = (list: readonly Carrier[]): string =>
  listed(list.map((c) => `neuron ${c.neuron} (input weight ${formatNumber(c.inputWeight)}, output ${formatNumber(c.outputWeight)})`)) ||
  'no neuron';

/** How many polysemantic neurons have one dominant feature, as a sentence; none when there are no polysemantic neurons. */
function dominantSentence(polysemantic: number, dominated: number): string {
  if (polysemantic === 0) return 'None of its neurons is polysemantic.';
  if (polysemantic === 1) return `Its one polysemantic neuron ${dominated === 1 ? 'has' : 'does not have'} one dominant`;
  const who = dominated === polysemantic ? `all ${polysemantic}` : dominated === 0 ? 'none' : `${dominated}`;
  return `Of its ${polysemantic} polysemantic neurons, ${who} ${dominated === 1 || dominated === 0 ? 'has' : 'have'} one dominant`;
}

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
        Figure ${figure} draws ${view.source} at 1 − S = ${formatDensity(facts.density)} at full size, from the middle of
        the sweep, where the model mixes both strategies. Its left half, the ${facts.halfSize} neurons that hold features 0
        to ${facts.leftLastFeature}, is where the important features live: ${ofHalf(facts.leftMonosemantic, facts.halfSize)}
        monosemantic. In the right half, which holds less important features,
        ${ofHalf(facts.rightMonosemantic, facts.halfSize)}.
        ${
          cleanerLeft
            ? html`Sharing a neuron costs interference, and the model spends that cost where it matters least: its most
              important features keep neurons of their own, as the paper found (Elhage et al. 2022)<sup
                ><a href="#ref-toy" aria-label="Reference 1">[1]</a></sup
              >.`
            : html`In this model the split does not favour the important features, unlike in the paper.`
        }
      </p>
      </div>
      <figure>
        <neuron-stack-plot
          id="intermediate-plot"
          colouring=${colouring}
          data-budget=${view.budget}
          data-seed=${view.seed}
          data-density=${facts.density}
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
        ${dominantSentence(facts.polysemantic, facts.primaryDominated)}${
          facts.polysemantic === 0
            ? ''
            : html` <a class="term" href="#term-primary">primary</a> feature, with every other
              (<a class="term" href="#term-secondary">secondary</a>) feature at less than half its weight.`
        }
        ${
          facts.example
            ? html`Neuron ${facts.example.neuron}, for example, reads
              ${listed([`feature ${facts.example.primary} at full strength (weight ${formatNumber(facts.example.primaryWeight)})`, ...facts.example.secondary.map((s) => `feature ${s.feature} at ${formatNumber(s.weight)}`)])}.`
            : ''
        }
        Point at or tap a column in any stack plot, or focus one with Tab and move with the arrow keys, to read its
        neuron this way.
      </p>
      ${noted(
        facts.featureZero
          ? html`<aside class="margin-note" id="intermediate-pair-note">
              Feature 0’s positive side is carried by ${carriers(facts.featureZero.positive)}; its negative side by
              ${carriers(facts.featureZero.negative)}.
            </aside>`
          : '',
        html`<p>
        Shared or not, the neurons still compute ${tex('|x_i| = \\operatorname{ReLU}(x_i) + \\operatorname{ReLU}(-x_i)')}.
        ${
          facts.represented === 1
            ? 'The one feature this model'
            : facts.pairedBothSides === facts.represented
              ? `Every one of the ${plural(facts.represented, 'feature')} this model`
              : `Of the ${plural(facts.represented, 'feature')} this model`
        } <a class="term" href="#term-computed">computes</a>${
          facts.pairedBothSides === facts.represented
            ? ' has'
            : `, ${facts.pairedBothSides} ${facts.pairedBothSides === 1 ? 'has' : 'have'}`
        } a neuron that fires for ${tex('x_i > 0')} and one that fires for ${tex('x_i < 0')}, both writing onto output
        ${tex('i')}: the ± pairs of the clean solution, now shared with other features.
      </p>`,
      )}
      </div>
    </section>
  `;
}
