/**
 * The "Your model" section's two small controls beside the result: the question a file's reading
 * asks (W1 or the tied W?) as buttons, and the loaded model's downloads (weights as .npz and
 * .safetensors, the analysis as JSON and CSV). The question's text comes from the file's name and
 * shape and is bound as text.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { LoneArrayReading, ReadQuestion } from '../../../model/import';
import type { ExportKind } from './import-protocol';

/** The question with one button per answer; each reads the same files again with that answer. */
export function readingQuestion(
  question: ReadQuestion | null,
  onAnswer: (answer: LoneArrayReading) => void,
): TemplateResult | typeof nothing {
  if (!question) return nothing;
  return html`<div class="notice reading-question" id="your-model-question" role="group" aria-label="How to read the file">
    <p>${question.text}</p>
    ${question.choices.map(
      (c) => html`<button type="button" data-answer=${c.answer} @click=${() => onAnswer(c.answer)}>${c.label}</button> `,
    )}
  </div>`;
}

/** The loaded model's downloads; the analysis is the one shown, under the settings applied. */
export function loadedDownloads(onDownload: (what: ExportKind) => void): TemplateResult {
  const button = (what: ExportKind, label: string) =>
    html`<button type="button" data-download=${what} @click=${() => onDownload(what)}>${label}</button> `;
  return html`<p class="small controls your-downloads" id="your-model-downloads">
    Download its weights: ${button('npz', '.npz')}${button('safetensors', '.safetensors')}
    Download analysis: ${button('analysis-json', 'JSON')}${button('analysis-csv', 'CSV (.zip of four tables)')}
  </p>`;
}
