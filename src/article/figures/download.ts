import { html, type TemplateResult } from 'lit';
import type { ExportLabels } from './figure-exports';

/** SVG and PNG buttons for the figure `id`, its file named and headed by `labels`. */
export function download(id: string, labels: ExportLabels, what: string, panel: number | 'all' = 0): TemplateResult {
  return html`<figure-download
    for=${id}
    .panel=${panel}
    filename=${labels.filename}
    heading=${labels.heading}
    subheading=${labels.subheading}
    what=${what}
  ></figure-download>`;
}
