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
        To see what a trained network does, we draw its first layer as a <em>neuron weight stack plot</em>. Each column
        is one hidden neuron, and each coloured bar in it is one input feature’s weight into that neuron:
      </p>
      <figure class="stack-key" aria-label="A sketch of two columns of a stack plot, annotated">
        <svg viewBox="0 0 320 150" role="img" aria-labelledby="stack-key-title">
          <title id="stack-key-title">Sketch: a monosemantic neuron with one bar, a polysemantic neuron with one large bar and small ones, on a grey background</title>
          <line x1="10" y1="90" x2="310" y2="90" class="key-axis" />
          <rect x="40" y="20" width="34" height="70" class="key-dark" />
          <rect x="166" y="6" width="34" height="138" class="key-shade" />
          <rect x="170" y="30" width="26" height="60" class="key-bright" />
          <rect x="170" y="20" width="26" height="10" class="key-mid" />
          <rect x="170" y="90" width="26" height="22" class="key-mid" />
          <text x="84" y="40" class="key-label">one feature,</text>
          <text x="84" y="54" class="key-label">weight 1</text>
          <text x="206" y="50" class="key-label">primary feature</text>
          <text x="206" y="108" class="key-label">negative weight</text>
          <text x="206" y="124" class="key-label">(below the axis)</text>
          <text x="20" y="112" class="key-label">monosemantic</text>
          <text x="150" y="140" class="key-label" text-anchor="end">grey: polysemantic</text>
        </svg>
        <figcaption class="small">A sketch, not a trained model: how to read two columns.</figcaption>
      </figure>
      <ul class="reading-key">
        <li><strong>Height</strong> is the size of the weight: above the axis when it is positive, below when negative.</li>
        <li>
          <strong>Scale</strong>: each neuron is rescaled so that its largest weight is 1 (its output weights by the inverse,
          which leaves the network’s function unchanged).
        </li>
        <li><strong>Order</strong>: neurons run left to right by the importance of their largest feature.</li>
        <li>
          <strong>Colour</strong> says how much a feature shares its direction with others: dark when no other feature
          does, bright when others project onto it as strongly as it does itself.
        </li>
        <li>
          A faint <strong>grey background</strong> marks a <a class="term" href="#term-polysemantic">polysemantic</a>
          neuron, one that reads several features.
        </li>
      </ul>
    </section>
  `;
}
