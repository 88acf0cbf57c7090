import { html, type TemplateResult } from 'lit';
import { CARRIER_SHARE, REPRESENTED_GAIN, SECONDARY_WEIGHT } from '../../../model/analysis';
import { DEFAULT_CONFIG } from '../../../model/config';
import { bibtex, citation } from '../../page/article-meta';
import { APPENDIX_TITLES } from '../contents/markup';

/** The footnotes, in the order the text cites them; fnRef('…') numbers a citation by this order. */
const FOOTNOTES = {
  importance: () =>
    html`${DEFAULT_CONFIG.importanceDecay}<sup>99</sup> ≈ ${scientific(DEFAULT_CONFIG.importanceDecay ** 99)}. A common factor
      on every importance would only rescale the loss, so the first feature’s importance is set to 1.`,
  adam: () =>
    html`Adam divides each gradient by a running estimate of its own size, so every weight moves by roughly the learning
      rate per step, whatever the loss’s scale. Steps × learning rate is therefore a rough measure of how far the
      weights can travel.`,
  motifSize: () =>
    html`The paper does not give the small model’s size; public replications used 6 or 10 features and 10 neurons at a
      feature density of 0.25–0.35.`,
} as const;

type FootnoteId = keyof typeof FOOTNOTES;

/** 2.5 × 10⁻¹⁰ as markup, with a true minus sign. */
function scientific(value: number): TemplateResult {
  const [mantissa, exponent] = value.toExponential(1).split('e');
  return html`${mantissa} × 10<sup>${Number(exponent) < 0 ? `−${-Number(exponent)}` : Number(exponent)}</sup>`;
}
const ORDER = Object.keys(FOOTNOTES) as FootnoteId[];

/** A citation of footnote `id` in the text: its number, linked to the note and back. */
export function fnRef(id: FootnoteId): TemplateResult {
  const n = ORDER.indexOf(id) + 1;
  return html`<sup class="fn-ref"><a href=${`#fn-${id}`} id=${`fnref-${id}`} aria-label=${`Footnote ${n}`}>${n}</a></sup>`;
}

/** The glossary's terms, linked from their first use as `#term-…`. */
const GLOSSARY: readonly { id: string; term: string; definition: TemplateResult }[] = [
  {
    id: 'superposition',
    term: 'superposition',
    definition: html`Representing more features than there are dimensions (here, neurons), by giving features directions
      that are not orthogonal. Features then interfere; sparse features rarely do so at the same time.`,
  },
  {
    id: 'feature-density',
    term: 'feature density 1 − S',
    definition: html`The probability that a feature is non-zero in an example. S is the sparsity.`,
  },
  {
    id: 'monosemantic',
    term: 'monosemantic neuron',
    definition: html`A neuron that reads one feature: after rescaling its largest input weight to 1, no other input weight
      reaches ${SECONDARY_WEIGHT}.`,
  },
  {
    id: 'polysemantic',
    term: 'polysemantic neuron',
    definition: html`A neuron with at least one secondary feature: it reads several features, and its activation alone
      cannot say which one is present.`,
  },
  {
    id: 'primary',
    term: 'primary feature',
    definition: html`The feature with a neuron’s largest input weight. Neurons are sorted by it in the stack plots.`,
  },
  {
    id: 'secondary',
    term: 'secondary feature',
    definition: html`Any other feature whose input weight in a neuron is at least ${SECONDARY_WEIGHT} of the primary’s.`,
  },
  {
    id: 'computed',
    term: 'computed feature',
    definition: html`A feature whose absolute value the model actually outputs: with only that feature active, its output
      rises with a gain of at least ${REPRESENTED_GAIN} for both positive and negative inputs.`,
  },
  {
    id: 'carrier',
    term: 'carrier',
    definition: html`A neuron that contributes at least ${CARRIER_SHARE * 100}% of a computed feature’s gain on one side
      (positive or negative input).`,
  },
  {
    id: 'dead',
    term: 'dead neuron',
    definition: html`A neuron whose output weights are all close to zero: it writes nothing, whatever it reads.`,
  },
];

/** The back matter: glossary, footnotes, references and how to cite; `url` is the article's address. */
export function appendix(url: string): TemplateResult {
  return html`
    <footer class="appendix prose">
      <section id="glossary" aria-labelledby="glossary-title">
        <h2 id="glossary-title">${APPENDIX_TITLES.glossary}</h2>
        <dl class="glossary">
          ${GLOSSARY.map((g) => html`<dt id=${`term-${g.id}`}><dfn>${g.term}</dfn></dt><dd>${g.definition}</dd>`)}
        </dl>
      </section>
      <section id="footnotes" aria-labelledby="footnotes-title">
        <h2 id="footnotes-title">${APPENDIX_TITLES.footnotes}</h2>
        <ol class="footnotes">
          ${ORDER.map(
            (id, k) =>
              html`<li id=${`fn-${id}`}>
                ${FOOTNOTES[id]()}
                <a href=${`#fnref-${id}`} class="fn-back" aria-label=${`Back to the text of footnote ${k + 1}`}>↩</a>
              </li>`,
          )}
        </ol>
      </section>
      <section id="references" aria-labelledby="references-title">
        <h2 id="references-title">${APPENDIX_TITLES.references}</h2>
        <ol class="references">
          <li id="ref-toy">
            N. Elhage, T. Hume, C. Olsson, N. Schiefer, T. Henighan, S. Kravec, Z. Hatfield-Dodds, R. Lasenby, D. Drain,
            C. Chen, R. Grosse, S. McCandlish, J. Kaplan, D. Amodei, M. Wattenberg, C. Olah.
            <a href="https://transformer-circuits.pub/2022/toy_model/index.html#computation">Toy Models of Superposition</a>,
            Transformer Circuits Thread, 2022. Sections “Computation in Superposition”, “Superposition vs sparsity” and
            “The asymmetric superposition motif”.
          </li>
          <li id="ref-tfjs">
            D. Smilkov et al. <a href="https://arxiv.org/abs/1901.05350">TensorFlow.js: Machine Learning for the Web and Beyond</a>,
            SysML 2019. Every model on this page trains with its kernels, on the WebGL, WebAssembly or CPU backend; the
            gradients are not its automatic differentiation but written by hand (method section).
          </li>
        </ol>
      </section>
      <section id="cite" aria-labelledby="cite-title">
        <h2 id="cite-title">${APPENDIX_TITLES.cite}</h2>
        <p>${citation(url)}</p>
        <pre class="bibtex" aria-label="BibTeX entry"><code>${bibtex(url)}</code></pre>
        <p class="small">
          Please cite the paper this page reproduces as well: Elhage et al., “Toy Models of Superposition”, Transformer
          Circuits Thread, 2022.
        </p>
      </section>
    </footer>
  `;
}
