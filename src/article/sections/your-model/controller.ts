/**
 * The "Your model" section's state and its inputs: the "Load weights" file picker, files dropped
 * anywhere on the page, and the reader's training settings. A file is read and analysed in the
 * import worker; the model shown changes only when a file reads cleanly, so a bad file leaves the
 * page as it was and adds one plain-text message.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { DEFAULT_CONFIG } from '../../../model/config';
import { IMPORT_CAPS } from '../../../model/import/caps';
import { formatCount } from '../../../viz/core/format';
import type { LoneArrayReading, ReadOptions, ReadQuestion } from '../../../model/import';
import { loadChunk } from '../../figures/lazy-chunk';
import type { WeightsFile } from '../../../model/weights-file';
import { saveBlob } from '../../../viz/export/svg-export';
import { ImportClient } from './import-client';
import type { ExportKind } from './import-protocol';
import type { LoadedModel, ShippedFormat } from './loaded';

export type { LoadedModel } from './loaded';

/** A file to read: a chosen File (read in the import worker) or bytes. */
type NamedBytes = { readonly name: string; readonly bytes: ArrayBuffer | Blob };

export class YourModelController implements ReactiveController {
  loaded: LoadedModel | null = null;
  /** The file being read now, if any. */
  reading: string | null = null;
  /** Why the last file was refused (cleared by the next file that reads). */
  error: string | null = null;
  /** A question the last file's reading asked (W1 or tied?), with the files to read again with the answer. */
  question: { readonly question: ReadQuestion; readonly fileName: string; readonly files: readonly NamedBytes[] } | null = null;
  /** Tries the failed action again, where it can be retried (a lazy chunk that did not load); null otherwise. */
  retry: (() => void) | null = null;
  /** Why the last settings were refused. */
  settingsError: string | null = null;
  /** True while files are dragged over the page. */
  dragging = false;

  private readonly client = new ImportClient();
  /** The section's redraw: changes only the section shows (an instance analysed, the instance drawn) go there, not to the article. */
  private readonly sectionListeners = new Set<() => void>();
  /** Counts drag enter/leave pairs: `dragleave` fires on every child the pointer crosses. */
  private dragDepth = 0;

  /** `onLoaded` runs once per file that reads cleanly (the article records it in the URL). */
  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly onLoaded: () => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('dragenter', this.onDragEnter);
    window.addEventListener('dragover', this.onDragOver);
    window.addEventListener('dragleave', this.onDragLeave);
    window.addEventListener('drop', this.onDrop);
  }

  hostDisconnected(): void {
    window.removeEventListener('dragenter', this.onDragEnter);
    window.removeEventListener('dragover', this.onDragOver);
    window.removeEventListener('dragleave', this.onDragLeave);
    window.removeEventListener('drop', this.onDrop);
    this.client.dispose();
  }

  /** Reads files chosen in the picker or dropped on the page. */
  async loadFiles(files: readonly File[]): Promise<void> {
    if (files.length === 0) return;
    const total = files.reduce((sum, f) => sum + f.size, 0);
    // Refused before reading: a file of gigabytes is never pulled into memory.
    if (total > IMPORT_CAPS.bytes) {
      return this.refuse(
        `The file is ${formatCount(Math.ceil(total / 2 ** 20))} MiB, over the page’s cap of ${IMPORT_CAPS.bytes / 2 ** 20} MiB for a model file.`,
      );
    }
    // The Files themselves go to the worker, which reads them: a file of up to the cap is never copied on this thread.
    return this.loadBytes(
      files.map((f) => f.name).join(', '),
      files.map((f) => ({ name: f.name, bytes: f })),
    );
  }

  /** Reads a model given as files or bytes (a shipped model's export). */
  async loadBytes(fileName: string, files: readonly NamedBytes[], options: ReadOptions = {}): Promise<void> {
    this.reading = fileName;
    this.question = null;
    this.host.requestUpdate();
    // Files and bytes are kept here to read again if the reading asks a question.
    const answer = await this.client.read(files, options);
    this.reading = null;
    if (!answer.ok) {
      this.question = answer.question ? { question: answer.question, fileName, files } : null;
      return this.refuse(answer.error);
    }
    const { summary } = answer;
    this.error = null;
    this.settingsError = null;
    this.loaded = {
      fileName,
      summary,
      settings: { densities: summary.densities, importanceDecay: summary.importanceDecay ?? DEFAULT_CONFIG.importanceDecay },
      decayFromFile: summary.importanceDecay !== null,
      views: [],
      shown: 0,
      analysing: true,
      analysisError: null,
    };
    this.onLoaded();
    this.analyse();
  }

  /**
   * Runs `listener` at each change only the "Your model" section draws, in place of an update of the
   * whole article (which redraws every section: with 32 instances arriving one by one, long tasks).
   * Returns the unsubscribe.
   */
  onSectionChange(listener: () => void): () => void {
    this.sectionListeners.add(listener);
    return () => this.sectionListeners.delete(listener);
  }

  private sectionChanged(): void {
    if (this.sectionListeners.size === 0) this.host.requestUpdate();
    for (const listener of this.sectionListeners) listener();
  }

  /** Draws instance `k` of the loaded model (one drawn at a time: drawsEveryInstance in loaded.ts). */
  showInstance(k: number): void {
    if (!this.loaded || !(k >= 0 && k < this.loaded.summary.instances)) return;
    this.loaded = { ...this.loaded, shown: k };
    this.sectionChanged();
    this.fetchPlot(k);
  }

  /** Reads the files that asked the question again, with the reader's answer. */
  answer(choice: LoneArrayReading): Promise<void> {
    const asked = this.question;
    if (!asked) return Promise.resolve();
    return this.loadBytes(asked.fileName, asked.files, { loneArray: choice });
  }

  /** Saves the loaded model's weights (.npz, .safetensors) or its analysis under the settings shown (JSON, CSV .zip). */
  async download(what: ExportKind): Promise<void> {
    const loaded = this.loaded;
    if (!loaded) return;
    const answer = await this.client.exportFile(what, loaded.fileName, loaded.settings);
    if (!answer.ok) return this.refuse(answer.error);
    saveBlob(new Blob([answer.bytes], { type: answer.mimeType }), answer.name);
  }

  /**
   * Saves a shipped weights file as `name`.npz or `name`.safetensors (export.ts: the arrays
   * numpy.load or safetensors' load_file gives, float64). The writers load on first use: most
   * readers never download, and the page's first script stays small.
   */
  async downloadShipped(name: string, file: WeightsFile, format: ShippedFormat): Promise<void> {
    const writer = await this.npzWriter(`the ${name}.${format} download`, () => this.downloadShipped(name, file, format));
    if (!writer) return;
    const bytes = format === 'npz' ? writer.weightsFileToNpz(file) : writer.weightsFileToSafetensors(file);
    saveBlob(new Blob([bytes], { type: 'application/octet-stream' }), `${name}.${format}`);
  }

  /** Loads a shipped weights file through its .npz export: the path a reader's own file takes. */
  async loadShipped(name: string, file: WeightsFile): Promise<void> {
    const npz = await this.npzWriter(`loading ${name} here`, () => this.loadShipped(name, file));
    if (npz) return this.loadBytes(`${name}.npz (shipped)`, [{ name: `${name}.npz`, bytes: npz.weightsFileToNpz(file).buffer }]);
  }

  /** The .npz and safetensors writers' chunk, or null after saying (`error`, with `retry`) that it did not load. */
  private async npzWriter(what: string, again: () => Promise<void>): Promise<typeof import('../../../model/import/export') | null> {
    try {
      const npz = await loadChunk(what, () => import('../../../model/import/export'));
      this.retry = null;
      return npz;
    } catch (error) {
      this.refuse(error instanceof Error ? error.message : String(error));
      this.retry = () => void again();
      return null;
    }
  }

  /**
   * Applies the settings form: `densities[k]` and `decay` as typed. Refuses (with a message, the
   * analysis shown unchanged) unless every density given is in (0, 1] and the decay is too; an
   * empty density means "not known".
   */
  applySettings(densities: readonly string[], decay: string): void {
    const loaded = this.loaded;
    if (!loaded) return;
    const parse = (raw: string): number | null | undefined => {
      if (raw.trim() === '') return null;
      const value = Number(raw.trim());
      return Number.isFinite(value) && value > 0 && value <= 1 ? value : undefined;
    };
    const parsed = densities.map(parse);
    const bad = parsed.indexOf(undefined);
    const importanceDecay = parse(decay);
    if (bad >= 0) {
      this.settingsError = `The density of instance ${bad} must be a number in (0, 1], like 0.03.`;
    } else if (importanceDecay === null || importanceDecay === undefined) {
      this.settingsError = 'The importance decay must be a number in (0, 1], like 0.8.';
    } else {
      this.settingsError = null;
      this.loaded = {
        ...loaded,
        settings: { densities: parsed as (number | null)[], importanceDecay },
        decayFromFile: false,
        views: [],
        analysing: true,
        analysisError: null,
      };
      this.analyse();
    }
    this.host.requestUpdate();
  }

  private analyse(): void {
    const loaded = this.loaded;
    if (!loaded) return;
    this.host.requestUpdate();
    void this.client
      .analyse(loaded.settings, (view) => {
        if (!this.loaded || this.loaded.settings !== loaded.settings) return;
        const views = [...this.loaded.views];
        views[view.index] = view;
        this.loaded = { ...this.loaded, views };
        this.sectionChanged();
        if (view.index === this.loaded.shown) this.fetchPlot(view.index);
      })
      .then((end) => {
        if (end === 'superseded' || !this.loaded || this.loaded.settings !== loaded.settings) return;
        this.loaded = { ...this.loaded, analysing: false, analysisError: end === 'analysed' ? null : end.error };
        this.sectionChanged();
      });
  }

  /** Asks the worker for instance `k`'s plot where its view came without one, and draws it when it comes. */
  private fetchPlot(k: number): void {
    const loaded = this.loaded;
    if (loaded?.views[k]?.plot !== null) return;
    void this.client.plot(k).then((plot) => {
      const view = this.loaded?.views[k];
      if (!plot || !view || this.loaded?.settings !== loaded.settings) return;
      const views = [...this.loaded.views];
      views[k] = { ...view, plot };
      this.loaded = { ...this.loaded, views };
      this.sectionChanged();
    });
  }

  private refuse(error: string): void {
    this.reading = null;
    this.retry = null;
    this.error = error;
    this.host.requestUpdate();
  }

  // ---- dropping files on the page --------------------------------------------------------------

  private readonly carriesFiles = (event: DragEvent): boolean => event.dataTransfer?.types.includes('Files') ?? false;

  private readonly onDragEnter = (event: DragEvent): void => {
    if (!this.carriesFiles(event)) return;
    this.dragDepth++;
    if (!this.dragging) {
      this.dragging = true;
      this.host.requestUpdate();
    }
  };

  private readonly onDragOver = (event: DragEvent): void => {
    if (!this.carriesFiles(event)) return;
    // Without this the browser would open the dropped file in place of the article.
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
  };

  private readonly onDragLeave = (event: DragEvent): void => {
    if (!this.carriesFiles(event)) return;
    this.dragDepth = Math.max(0, this.dragDepth - 1);
    if (this.dragDepth === 0) this.endDrag();
  };

  private readonly onDrop = (event: DragEvent): void => {
    if (!this.carriesFiles(event)) return;
    event.preventDefault();
    this.dragDepth = 0;
    this.endDrag();
    void this.loadFiles(Array.from(event.dataTransfer?.files ?? []));
  };

  private endDrag(): void {
    if (!this.dragging) return;
    this.dragging = false;
    this.host.requestUpdate();
  }
}
