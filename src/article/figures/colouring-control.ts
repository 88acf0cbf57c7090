/**
 * The two-option control under a stack-plot figure: colour the segments by superposition or by
 * feature. The choice is the page's (the URL's `colour`, state/colouring-field.ts): every stack
 * plot follows it, so a feature keeps its colour from one figure to the next.
 */
import { html, type TemplateResult } from 'lit';
import { STACK_COLOURINGS, type StackColouring } from '../../viz/stack-plot/stack-colouring';

const COLOURING_LABELS: Readonly<Record<StackColouring, string>> = {
  superposition: 'by superposition (how shared)',
  feature: 'by feature (same colour in every neuron)',
};

/** The control; `id` names its radio group (`${id}-colouring`) and its label (`${id}-colouring-label`). */
export function colouringControl(id: string, colouring: StackColouring, onChange: (colouring: StackColouring) => void): TemplateResult {
  return html`<div class="controls colouring small" role="radiogroup" aria-labelledby=${`${id}-colouring-label`}>
    <span id=${`${id}-colouring-label`}>Colour segments</span>
    ${STACK_COLOURINGS.map(
      (c) => html`<label
        ><input type="radio" name=${`${id}-colouring`} value=${c} .checked=${colouring === c} @change=${() => onChange(c)} />
        ${COLOURING_LABELS[c]}</label
      >`,
    )}
  </div>`;
}
