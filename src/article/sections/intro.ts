import { html, type TemplateResult } from 'lit';
import { tex } from '../math';

export function introSection(): TemplateResult {
  return html`
    <section id="intro" class="prose" data-section="intro">
      <h1>Computing in superposition, live</h1>
      <p class="byline">An explorable reproduction of one experiment from Elhage et al., “Toy Models of Superposition” (Anthropic, 2022)<sup><a href="#ref-toy">1</a></sup>. The network on this page is trained in your browser.</p>
      <p>
        A neural network often seems to track more properties of its input than it has neurons. One way to do that is
        <em>superposition</em>: giving each property, or <em>feature</em>, a direction in activation space, and letting
        many more directions than dimensions share the space. The directions cannot all be orthogonal, so features
        interfere with each other; but when each feature is rarely active, two of them are seldom active together and the
        interference is a price worth paying.
      </p>
      <p>
        Storing features this way is one thing. The striking result of the paper’s “computation in superposition” section is
        that a network can also <em>compute</em> on features it keeps in superposition. The task is as small as it can be:
        output the absolute value ${tex('|x_i|')} of each of 100 inputs, using a hidden layer of only 40 ReLU neurons.
        Because a clean solution spends two neurons on every feature, 40 neurons can compute 20 features without any
        sharing. What happens to the other 80 depends on how sparse the inputs are, and that is what you can explore here.
      </p>
    </section>
  `;
}
