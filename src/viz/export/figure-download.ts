/**
 * <figure-download>: "SVG" and "PNG" buttons that save a figure as a standalone file with a heading
 * that says what it holds (figure-export.ts). The figure is named like a <label>'s control,
 * `for="figure-id"`, and looked up here at click time (it may render after the buttons); one panel
 * of a figure of several is chosen with `panel`, all of them with panel="all". Text is converted
 * to outlines (svg-text-outlines.ts), so the file looks the same wherever it is opened.
 * Dispatches `figure-download` (detail: { format, filename }) after a save, so pages and tests can
 * observe it; failures are announced in a polite live region.
 */
import { css, html, LitElement } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { figureButtonStyles } from '../core/viz-styles';
import { composeExport, type ExportPanel } from './figure-export';
import { downloadFilename, figureParts, type PanelChoice, saveBlob, serializeSvg, svgToPng } from './svg-export';

/** What a `figure-download` event says: the format saved and the file name given to it. */
export interface FigureDownloadDetail {
  readonly format: 'svg' | 'png';
  readonly filename: string;
}

/** Set `for` (the figure's id), `filename`, and `panel` for one panel of a sweep. */
@customElement('figure-download')
export class FigureDownload extends LitElement {
  static override styles = [
    figureButtonStyles,
    css`
    :host {
      display: inline-flex;
      align-items: center;
      gap: 6px;
      font: 12px system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
      color: #555;
    }
    button:disabled {
      cursor: progress;
      color: #555;
    }
    .status:empty {
      display: none;
    }
    /* Forced colours: the system's text and button colours (vizStyles does the same for the figures). */
    @media (forced-colors: active) {
      :host {
        color: CanvasText;
      }
      button,
      button:disabled {
        color: ButtonText;
        background: ButtonFace;
        border-color: ButtonText;
      }
    }
  `,
  ];

  /** Id of the figure to save, in this element's document or shadow root (see FigureSvgSource in svg-export.ts). */
  @property({ attribute: 'for' }) htmlFor = '';

  /** Which panel of a figure of several to save (<sweep-figure>: the index of a stack plot, or 'all'). */
  @property({ converter: (value) => (value === 'all' ? 'all' : Number(value ?? 0)) }) panel: PanelChoice = 0;

  /** File name without extension; say what the file holds (figure-export.ts, exportFilename). */
  @property() filename = 'figure';

  /** The file's heading: what it shows, e.g. "Neuron weights of the live model at 1 − S = 0.03, step 3,500". */
  @property() heading = '';

  /** The file's second line: training budget, seed and settings. */
  @property() subheading = '';

  /** What the buttons save, for their accessible names, e.g. "all seven panels". */
  @property() what = '';

  @state() private busy = false;
  @state() private status = '';

  protected override render() {
    return html`<span aria-hidden="true">Download</span>
      <button type="button" aria-label=${`Download ${this.what ? `${this.what} as ` : ''}SVG`} ?disabled=${this.busy} @click=${() => this.save('svg')}>SVG</button>
      <button type="button" aria-label=${`Download ${this.what ? `${this.what} as ` : ''}PNG`} ?disabled=${this.busy} @click=${() => this.save('png')}>PNG</button>
      <span class="status" role="status">${this.status}</span>`;
  }

  /** The file's SVG text, or null where the figure has nothing drawn yet. */
  async fileText(): Promise<{ text: string; width: number; height: number } | null> {
    const parts = figureParts(this.getRootNode() as Document | DocumentFragment, this.htmlFor, this.panel);
    if (!parts || parts.panels.length === 0) return null;
    const panel = (svg: SVGSVGElement, title?: string, caption?: string): ExportPanel => ({
      ...serializeSvg(svg),
      ...(title ? { title } : {}),
      ...(caption ? { caption } : {}),
    });
    const composed = composeExport({
      heading: this.heading || this.filename,
      ...(this.subheading ? { subheading: this.subheading } : {}),
      panels: parts.panels.map((p) => panel(p.svg, p.title, p.caption)),
      columns: parts.columns,
      legend: parts.legend ? panel(parts.legend) : null,
    });
    let outlines: typeof import('./svg-text-outlines');
    try {
      outlines = await import('./svg-text-outlines');
    } catch (error) {
      // A lazy chunk gone after a redeploy, or the connection dropped: the buttons stay, so pressing one again retries.
      throw new Error(
        `the code that writes the file could not be loaded (${error instanceof Error ? error.message : String(error)}): the connection may have dropped, or the site was updated since this page opened. Press SVG or PNG to retry, or reload the page.`,
      );
    }
    return outlines.textToOutlines(composed);
  }

  private async save(format: 'svg' | 'png'): Promise<void> {
    const filename = downloadFilename(this.filename, format);
    this.busy = true;
    this.status = '';
    try {
      const file = await this.fileText();
      if (!file) {
        this.status = 'Nothing to download yet.';
        return;
      }
      if (format === 'svg') {
        saveBlob(new Blob([file.text], { type: 'image/svg+xml;charset=utf-8' }), filename);
      } else {
        saveBlob(await svgToPng(file.text, file.width, file.height, 2), filename);
      }
      this.dispatchEvent(
        new CustomEvent<FigureDownloadDetail>('figure-download', { detail: { format, filename }, bubbles: true, composed: true }),
      );
    } catch (error) {
      this.status = `Download failed: ${error instanceof Error ? error.message : String(error)}`;
    } finally {
      this.busy = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'figure-download': FigureDownload;
  }
  interface HTMLElementEventMap {
    'figure-download': CustomEvent<FigureDownloadDetail>;
  }
}
