/**
 * "Bring your own model": the section element reads the YourModelController's state, offers the
 * shipped files, and owns the handlers of the picker, the downloads and the settings form. The
 * overlay shown while files are dragged over the page sits beside the section, not in it, so the
 * section's content-visibility never hides it.
 */
import { html } from 'lit';
import { colouringOf } from '../../state/colouring-field';
import { customElement } from 'lit/decorators.js';
import type { ArticleContext } from '../../context';
import { namedFiles, type NamedFile } from '../../shipped/shipped-models';
import type { LoneArrayReading } from '../../../model/import';
import { ArticleSection } from '../article-section';
import type { ExportKind } from './import-protocol';
import { type ShippedFormat, shippedDownloads } from './loaded';
import { dropOverlay, yourModelSection } from './markup';

@customElement('article-your-model')
export class ArticleYourModel extends ArticleSection {
  private files: readonly NamedFile[] = [];
  /** Ends this section's subscription to the controller's own changes. */
  private unsubscribe: (() => void) | null = null;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
    this.unsubscribe = null;
  }

  private fileNamed(name: string) {
    return this.files.find((f) => f.name === name)?.shipped.file;
  }

  private readonly onDownloadShipped = (name: string, format: ShippedFormat): void => {
    const file = this.fileNamed(name);
    if (file) void this.context?.yourModel.downloadShipped(name, file, format);
  };

  private readonly onTryShipped = (name: string): void => {
    const file = this.fileNamed(name);
    if (file) void this.context?.yourModel.loadShipped(name, file);
  };

  private readonly onFiles = (files: File[]): void => void this.context?.yourModel.loadFiles(files);
  private readonly onApplySettings = (densities: string[], decay: string): void => this.context?.yourModel.applySettings(densities, decay);
  private readonly onAnswer = (answer: LoneArrayReading): void => void this.context?.yourModel.answer(answer);
  private readonly onDownload = (what: ExportKind): void => void this.context?.yourModel.download(what);
  private readonly onShowLoaded = (): void => this.context?.showLocalModel();
  private readonly onShowInstance = (k: number): void => this.context?.yourModel.showInstance(k);

  protected renderSection({ yourModel, models, replication, state }: ArticleContext): unknown {
    this.files = namedFiles(models, replication);
    this.unsubscribe ??= yourModel.onSectionChange(() => this.requestUpdate());
    return html`${dropOverlay(yourModel.dragging)}${yourModelSection({
      loaded: yourModel.loaded,
      reading: yourModel.reading,
      error: yourModel.error,
      question: yourModel.question?.question ?? null,
      onAnswer: this.onAnswer,
      onDownload: this.onDownload,
      onRetry: yourModel.retry,
      settingsError: yourModel.settingsError,
      localShown: state.model === 'local',
      colouring: colouringOf(state.colouring),
      shipped: shippedDownloads(this.files),
      onFiles: this.onFiles,
      onApplySettings: this.onApplySettings,
      onDownloadShipped: this.onDownloadShipped,
      onTryShipped: this.onTryShipped,
      onShowLoaded: this.onShowLoaded,
      onShowInstance: this.onShowInstance,
    })}`;
  }
}
