import { html, type TemplateResult } from 'lit';
import { tex } from '../../math';
import { fnRef } from '../appendix/markup';
import { SECTION_TITLES } from '../contents/markup';

/** The model: data, network, loss and how a stack plot draws it. */
export function modelSection(): TemplateResult {
  return html`
    <section id="model" class="prose" data-section="model">
      <h2>${SECTION_TITLES.model}</h2>
      <p>
        Each example is a vector ${tex('x \\in \\mathbb{R}^{100}')}. Every coordinate is zero with probability
        ${tex('S')}, the <em>sparsity</em>, and otherwise drawn uniformly from ${tex('[-1, 1]')}; we mostly speak of the
        <a class="term" href="#term-feature-density">feature density</a> ${tex('1-S')}, the chance that a feature is present. The network has one hidden ReLU
        layer with no bias and a ReLU output layer:
      </p>
      ${tex("\\begin{gathered} h = \\operatorname{ReLU}(W_1 x), \\\\ y' = \\operatorname{ReLU}(W_2 h + b), \\\\ W_1 \\in \\mathbb{R}^{40\\times 100},\\quad W_2 \\in \\mathbb{R}^{100\\times 40}. \\end{gathered}", true)}
      <p>
        It is trained to output ${tex('y_i = |x_i|')} under a loss that cares more about some features than others:
      </p>
      ${tex("\\begin{gathered} L = \\mathbb{E}_x \\sum_{i} I_i \\,(|x_i| - y'_i)^2, \\\\ I_i = 0.8^{\\,i}. \\end{gathered}", true)}
      <p>
        Feature 0 is the most important and feature 99 matters about ${tex('10^{-10}')} as much${fnRef('importance')}, so the model has every
        reason to serve the first features first. Since ${tex('|x| = \\operatorname{ReLU}(x) + \\operatorname{ReLU}(-x)')},
        the textbook solution gives feature ${tex('i')} one neuron reading ${tex('+x_i')} and one reading ${tex('-x_i')},
        both writing positively to output ${tex('i')}. The hidden layer has no bias on purpose: with one, the model can
        push its neurons into their linear range and the experiment stops being about ReLUs.
      </p>
      <p>
        We draw a trained network as a <em>neuron weight stack plot</em>. Each column is a hidden neuron; it stacks one
        bar per input feature whose height is the size of that feature’s input weight, above the axis when the weight is
        positive and below when it is negative. Each neuron is first rescaled so that its largest input weight is 1 (its
        output weights are scaled by the inverse, which leaves the network’s function unchanged), and neurons are sorted
        by the importance of their largest feature. A bar’s colour says how much its feature is in superposition: dark
        when no other feature shares its direction, bright when other features project onto it as strongly as it does
        itself. A faint grey background marks a
        <a class="term" href="#term-polysemantic">polysemantic</a> neuron.
      </p>
    </section>
  `;
}
