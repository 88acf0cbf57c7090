import { html, type TemplateResult } from 'lit';

export function referencesSection(): TemplateResult {
  return html`
    <section id="references" class="prose">
      <h2>References</h2>
      <ol class="references">
        <li id="ref-toy">
          N. Elhage, T. Hume, C. Olsson, N. Schiefer, T. Henighan, S. Kravec, Z. Hatfield-Dodds, R. Lasenby, D. Drain,
          C. Chen, R. Grosse, S. McCandlish, J. Kaplan, D. Amodei, M. Wattenberg, C. Olah.
          <a href="https://transformer-circuits.pub/2022/toy_model/index.html#computation">Toy Models of Superposition</a>,
          Transformer Circuits Thread, 2022. Sections “Computation in Superposition”, “Superposition vs sparsity” and
          “The asymmetric superposition motif”.
        </li>
        <li id="ref-tfjs">
          D. Smilkov et al. <a href="https://arxiv.org/abs/1901.05350">TensorFlow.js: Machine Learning for the Web and Beyond</a>, SysML 2019.
          The library that trains the model on this page.
        </li>
      </ol>
    </section>
  `;
}
