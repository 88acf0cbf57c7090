/**
 * <figure-download>: "SVG" and "PNG" buttons that save a figure's <svg> as a standalone file.
 * The figure is named like a <label>'s control, `for="figure-id"`, and looked up here at click time
 * (it may render after the buttons); one panel of a figure of several is chosen with `panel`.
 * Dispatches `figure-download` (detail: { format, filename }) after a save, so pages and tests can
 * observe it; failures are announced in a polite live region.
 */
import { css, html, LitElement } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { downloadFilename, figureSvg, saveBlob, serializeSvg, svgSize, svgToPng } from './svg-export';

/** What a `figure-download` event says: the format saved and the file name given to it. */
export interface FigureDownloadDetail {
  readonly format: 'svg' | 'png';
  readonly filename: string;
}

/** Set `for` (the figure's id), `filename`, and `panel` for one panel of a sweep. */
@customElement('figure-download')
export class FigureDownload extends LitElement {
  static override styles = css`
    :host {
      display: inline-flex;
      align-items: center;
      gap: 6px;
      font: 12px system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
      color: #555;
    }
    button {
      font: inherit;
      color: #222;
      background: #fff;
      border: 1px solid #9a9a9a;
      border-radius: 3px;
      padding: 2px 8px;
      cursor: pointer;
    }
    button:hover {
      background: #f2f2f2;
    }
    button:focus-visible {
      outline: 2px solid #1a5fb4;
      outline-offset: 1px;
    }
    button:disabled {
      cursor: progress;
      color: #555;
    }
    .status:empty {
      display: none;
    }
  `;

  /** Id of the figure to save, in this element's document or shadow root (see FigureSvgSource in svg-export.ts). */
  @property({ attribute: 'for' }) htmlFor = '';

  /** Which panel of a figure of several to save (<sweep-figure>: the index of a stack plot). */
  @property({ type: Number }) panel = 0;

  /** File name without extension. */
  @property() filename = 'figure';

  @state() private busy = false;
  @state() private status = '';

  protected override render() {
    return html`<span aria-hidden="true">Download</span>
      <button type="button" aria-label="Download SVG" ?disabled=${this.busy} @click=${() => this.save('svg')}>SVG</button>
      <button type="button" aria-label="Download PNG" ?disabled=${this.busy} @click=${() => this.save('png')}>PNG</button>
      <span class="status" role="status">${this.status}</span>`;
  }

  private async save(format: 'svg' | 'png'): Promise<void> {
    const svg = figureSvg(this.getRootNode() as Document | DocumentFragment, this.htmlFor, this.panel);
    if (!svg) {
      this.status = 'Nothing to download yet.';
      return;
    }
    const filename = downloadFilename(this.filename, format);
    this.busy = true;
    this.status = '';
    try {
      const text = serializeSvg(svg);
      if (format === 'svg') {
        saveBlob(new Blob([text], { type: 'image/svg+xml;charset=utf-8' }), filename);
      } else {
        const { width, height } = svgSize(svg);
        saveBlob(await svgToPng(text, width, height, 2), filename);
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
