/**
 * "Download analysis" beside a figure: JSON and CSV (a .zip of the four tables) of the model the
 * figure draws. The analysis and the zip writer load on the first click (analysis-download.ts), so
 * the page's first script stays small; evaluating the loss of a shipped sweep takes a second or two.
 */
import { html, type TemplateResult } from 'lit';
import { saveBlob } from '../../viz/export/svg-export';
import type { AnalysisFormat, AnalysisSource } from './analysis-download';

/** Builds the analysis of `source` and saves it as `format`. */
export async function saveAnalysis(source: AnalysisSource, format: AnalysisFormat): Promise<void> {
  const { analysisDownload, sourceReport } = await import('./analysis-download');
  const file = analysisDownload(sourceReport(source), source.name, format);
  saveBlob(new Blob([file.bytes], { type: file.mimeType }), file.name);
}

/** The two buttons, for the figure `id` (their `data-analysis-for`). */
export function analysisButtons(id: string, source: AnalysisSource): TemplateResult {
  return html`<span class="analysis-download" data-analysis-for=${id}
    >Download analysis:
    <button type="button" data-format="json" @click=${() => void saveAnalysis(source, 'json')}>JSON</button>
    <button type="button" data-format="csv" @click=${() => void saveAnalysis(source, 'csv')}>CSV (.zip)</button></span
  >`;
}
