/**
 * The "Your model" controller through its transitions, against a fake import worker and a fake
 * window: a file picked or dropped is read (reading → loaded, or refused with its own message and
 * the model shown left as it was), then analysed instance by instance; the settings form is
 * checked; a drag of files over the page shows the drop target; a shipped file saves as .npz and
 * as .safetensors, bytes that read back to its weights.
 */
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { READ_TIMEOUT_MS } from '../../../../../src/article/sections/your-model/import-client';
import type { ImportEvent, ImportRequest, ModelSummary } from '../../../../../src/article/sections/your-model/import-protocol';
import { YourModelController } from '../../../../../src/article/sections/your-model/controller';
import type { YourInstanceView } from '../../../../../src/article/sections/your-model/view';
import { DEFAULT_CONFIG } from '../../../../../src/model/config';
import { readModelFiles, readNpz, readSafetensors, weightsFileArrays } from '../../../../../src/model/import';
import { parseWeightsFile } from '../../../../../src/model/weights-file';
import { type FakeBrowser, FakeHost, installBrowser } from '../../../support/fake-browser';

/** What the page saved: saveBlob's blobs and names, in order. */
const saved = vi.hoisted(() => [] as { blob: Blob; filename: string }[]);
vi.mock('../../../../../src/viz/export/svg-export', () => ({
  saveBlob: (blob: Blob, filename: string) => saved.push({ blob, filename }),
}));

/** The import worker, as the page makes it (`new Worker(url, options)`): records requests, answers on demand. */
class FakeImportWorker {
  static made: FakeImportWorker[] = [];
  readonly sent: ImportRequest[] = [];
  terminated = false;
  onmessage: ((message: MessageEvent<ImportEvent>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  constructor() {
    FakeImportWorker.made.push(this);
  }
  postMessage(request: ImportRequest): void {
    this.sent.push(request);
  }
  terminate(): void {
    this.terminated = true;
  }
  /** The id of the last request of `type`. */
  idOf(type: ImportRequest['type']): number {
    const request = this.sent.filter((r) => r.type === type).at(-1);
    if (!request) throw new Error(`no ${type} request was sent`);
    return request.id;
  }
  answer(event: ImportEvent): void {
    this.onmessage?.({ data: event } as MessageEvent<ImportEvent>);
  }
}

const summary = (patch: Partial<ModelSummary> = {}): ModelSummary => ({
  n: 5,
  m: 2,
  instances: 2,
  densities: [0.1, null],
  importanceDecay: 0.9,
  recordedLosses: [null, null],
  reading: ['W1 from model.npz'],
  ...patch,
});
const view = (index: number) => ({ index }) as unknown as YourInstanceView;
const npz = (name = 'model.npz') => new File([new Uint8Array([1, 2, 3])], name);

/** Lets the file reads and the promises after them run. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

let browser: FakeBrowser;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  browser = installBrowser('/');
  FakeImportWorker.made = [];
  vi.stubGlobal('Worker', FakeImportWorker);
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

function setUp() {
  const host = new FakeHost();
  let loads = 0;
  const controller = new YourModelController(host, () => loads++);
  host.connect();
  const worker = () => {
    const made = FakeImportWorker.made.at(-1);
    if (!made) throw new Error('no import worker was made');
    return made;
  };
  /** The worker reads the file as `read` (a summary) or refuses it (a message). */
  const answerRead = async (read: ModelSummary | string) => {
    await settle();
    const id = worker().idOf('read');
    worker().answer(typeof read === 'string' ? { type: 'refused', id, error: read } : { type: 'read', id, summary: read });
    await settle();
  };
  return { host, controller, worker, answerRead, loads: () => loads };
}

/** A drag event carrying files (or text) as the browser sends it. */
function drag(type: string, { files = [] as File[], kinds = ['Files'] } = {}): Event & { dataTransfer: { dropEffect: string } } {
  return Object.assign(new Event(type, { cancelable: true }), { dataTransfer: { types: kinds, files, dropEffect: 'none' } });
}

describe('your model: loading a file', () => {
  it('a file picked is read in the import worker: reading, then loaded with the file’s settings, and analysed instance by instance', async () => {
    const { controller, worker, answerRead, loads } = setUp();
    const loading = controller.loadFiles([npz()]);
    await settle();
    expect(controller.reading).toBe('model.npz');
    expect(worker().sent[0]).toMatchObject({ type: 'read', files: [{ name: 'model.npz' }] });
    await answerRead(summary());
    await loading;
    expect(controller.reading).toBeNull();
    expect(controller.error).toBeNull();
    expect(loads()).toBe(1);
    expect(controller.loaded).toMatchObject({
      fileName: 'model.npz',
      settings: { densities: [0.1, null], importanceDecay: 0.9 },
      decayFromFile: true,
      views: [],
      analysing: true,
    });
    expect(worker().sent.at(-1)).toMatchObject({ type: 'analyse', settings: { densities: [0.1, null], importanceDecay: 0.9 } });
    const id = worker().idOf('analyse');
    worker().answer({ type: 'instance', id, view: view(1) });
    expect(controller.loaded?.views[1]).toEqual(view(1));
    worker().answer({ type: 'instance', id, view: view(0) });
    worker().answer({ type: 'analysed', id });
    await settle();
    expect(controller.loaded).toMatchObject({ views: [view(0), view(1)], analysing: false, analysisError: null });
  });

  it('several files chosen together are read as one model, named by all of them', async () => {
    const { controller, worker, answerRead } = setUp();
    void controller.loadFiles([npz('W1.npy'), npz('W2.npy')]);
    await settle();
    expect(controller.reading).toBe('W1.npy, W2.npy');
    expect(worker().sent[0]).toMatchObject({ files: [{ name: 'W1.npy' }, { name: 'W2.npy' }] });
    await answerRead(summary());
    expect(controller.loaded?.fileName).toBe('W1.npy, W2.npy');
  });

  it('a file without an importance decay is analysed at the page’s default, and says so', async () => {
    const { controller, answerRead } = setUp();
    void controller.loadFiles([npz()]);
    await answerRead(summary({ importanceDecay: null }));
    expect(controller.loaded).toMatchObject({ settings: { importanceDecay: DEFAULT_CONFIG.importanceDecay }, decayFromFile: false });
  });

  it('a file the worker refuses leaves the model shown as it was and gives the worker’s message; the next good file clears it', async () => {
    const { controller, answerRead, loads } = setUp();
    void controller.loadFiles([npz('good.npz')]);
    await answerRead(summary());
    const shown = controller.loaded;
    void controller.loadFiles([npz('bad.npz')]);
    await answerRead('bad.npz: W1 has shape [3] where [m, n] was expected.');
    expect(controller.loaded).toBe(shown);
    expect(controller.reading).toBeNull();
    expect(controller.error).toBe('bad.npz: W1 has shape [3] where [m, n] was expected.');
    expect(loads()).toBe(1);
    void controller.loadFiles([npz('better.npz')]);
    await answerRead(summary());
    expect(controller.error).toBeNull();
    expect(controller.loaded?.fileName).toBe('better.npz');
  });

  it('a file over the cap is refused before it is read, with its size and the cap', async () => {
    const { controller } = setUp();
    const arrayBuffer = vi.fn();
    // Not awaited: a page that read the file anyway would wait on the worker.
    void controller.loadFiles([{ name: 'huge.npz', size: 200 * 2 ** 20, arrayBuffer } as unknown as File]);
    await settle();
    expect(controller.error).toBe('The file is 200 MiB, over the page’s cap of 128 MiB for a model file.');
    expect(arrayBuffer).not.toHaveBeenCalled();
    expect(FakeImportWorker.made).toEqual([]);
  });

  it('files chosen together count together against the cap', async () => {
    const { controller } = setUp();
    const half = { name: 'part.npy', size: 100 * 2 ** 20, arrayBuffer: vi.fn() } as unknown as File;
    void controller.loadFiles([half, half]);
    await settle();
    expect(controller.error).toBe('The file is 200 MiB, over the page’s cap of 128 MiB for a model file.');
  });

  it('a chosen file goes to the worker as it is: the page’s thread never reads or copies its bytes', async () => {
    const { controller } = setUp();
    const arrayBuffer = vi.fn();
    const file = { name: 'big.npz', size: 100 * 2 ** 20, arrayBuffer } as unknown as File;
    void controller.loadFiles([file]);
    await settle();
    const worker = FakeImportWorker.made[0]!;
    const read = worker.sent.find((r) => r.type === 'read');
    expect(read?.type === 'read' && read.files).toEqual([{ name: 'big.npz', bytes: file }]);
    expect(arrayBuffer).not.toHaveBeenCalled();
    // The worker could not read it: its message is the page's.
    worker.answer({ type: 'refused', id: worker.idOf('read'), error: 'The browser could not read the file.' });
    await settle();
    expect(controller.error).toBe('The browser could not read the file.');
    expect(controller.reading).toBeNull();
  });

  it('a worker that does not answer within its time limit is stopped, with a message', async () => {
    const { controller } = setUp();
    const loading = controller.loadFiles([npz()]);
    await settle();
    vi.advanceTimersByTime(READ_TIMEOUT_MS);
    await loading;
    expect(controller.error).toBe(`Reading the file took longer than ${READ_TIMEOUT_MS / 1000} s, so the page stopped.`);
    expect(controller.reading).toBeNull();
  });

  it('draws the instance the reader chooses, and ignores one the model does not have', async () => {
    const { controller } = setUp();
    void controller.loadFiles([npz()]);
    await settle();
    const worker = FakeImportWorker.made[0]!;
    worker.answer({ type: 'read', id: worker.idOf('read'), summary: summary() });
    await settle();
    expect(controller.loaded?.shown).toBe(0);
    controller.showInstance(1);
    expect(controller.loaded?.shown).toBe(1);
    controller.showInstance(2);
    controller.showInstance(-1);
    expect(controller.loaded?.shown).toBe(1);
  });

  it('choosing no file does nothing', async () => {
    const { controller, host } = setUp();
    const updates = host.updates;
    void controller.loadFiles([]);
    await settle();
    expect(host.updates).toBe(updates);
    expect(FakeImportWorker.made).toEqual([]);
  });

  it('an analysis that fails says why, and keeps the instances already analysed', async () => {
    const { controller, worker, answerRead } = setUp();
    void controller.loadFiles([npz()]);
    await answerRead(summary());
    const id = worker().idOf('analyse');
    worker().answer({ type: 'instance', id, view: view(0) });
    worker().answer({ type: 'failed', id, error: 'The analysis ran out of memory.' });
    await settle();
    expect(controller.loaded).toMatchObject({ views: [view(0)], analysing: false, analysisError: 'The analysis ran out of memory.' });
  });

  it('a reading that asks (W1 or tied?) keeps the files; the answer reads them again with it, and a read clears the question', async () => {
    const { controller, worker, loads } = setUp();
    const loading = controller.loadFiles([npz('w.npy')]);
    await settle();
    const question = {
      text: 'is it W1 or the tied W?',
      choices: [
        { answer: 'W1', label: 'W1' },
        { answer: 'tied', label: 'tied' },
      ],
    } as const;
    worker().answer({ type: 'refused', id: worker().idOf('read'), error: 'could be either', question });
    await loading;
    expect(controller.question?.question).toEqual(question);
    expect(controller.error).toBe('could be either');
    const answering = controller.answer('tied');
    await settle();
    expect(worker().sent.at(-1)).toMatchObject({ type: 'read', files: [{ name: 'w.npy' }], options: { loneArray: 'tied' } });
    worker().answer({ type: 'read', id: worker().idOf('read'), summary: summary() });
    await answering;
    expect(controller.question).toBeNull();
    expect(controller.loaded?.fileName).toBe('w.npy');
    expect(loads()).toBe(1);
  });
});

describe('your model: its settings', () => {
  async function loaded() {
    const set = setUp();
    void set.controller.loadFiles([npz()]);
    await set.answerRead(summary());
    return set;
  }

  it('valid densities and decay are analysed afresh, an empty density meaning “not known”', async () => {
    const { controller, worker } = await loaded();
    controller.applySettings(['0.3', ' '], '0.7');
    expect(controller.settingsError).toBeNull();
    expect(controller.loaded).toMatchObject({
      settings: { densities: [0.3, null], importanceDecay: 0.7 },
      decayFromFile: false,
      views: [],
      analysing: true,
    });
    expect(worker().sent.at(-1)).toMatchObject({ type: 'analyse', settings: { densities: [0.3, null], importanceDecay: 0.7 } });
  });

  it('a density out of (0, 1] is refused with its instance, the analysis shown unchanged', async () => {
    const { controller, worker } = await loaded();
    const shown = controller.loaded;
    const requests = worker().sent.length;
    controller.applySettings(['0.3', '1.5'], '0.7');
    expect(controller.settingsError).toBe('The density of instance 1 must be a number in (0, 1], like 0.03.');
    expect(controller.loaded).toBe(shown);
    expect(worker().sent).toHaveLength(requests);
    controller.applySettings(['zero', '0.1'], '0.7');
    expect(controller.settingsError).toMatch(/^The density of instance 0 /);
  });

  it('a missing or bad importance decay is refused', async () => {
    const { controller } = await loaded();
    controller.applySettings(['0.3', '0.1'], '');
    expect(controller.settingsError).toBe('The importance decay must be a number in (0, 1], like 0.8.');
    controller.applySettings(['0.3', '0.1'], '0');
    expect(controller.settingsError).toBe('The importance decay must be a number in (0, 1], like 0.8.');
    controller.applySettings(['0.3', '0.1'], '1');
    expect(controller.settingsError).toBeNull();
  });

  it('an analysis the new settings replaced no longer changes what is shown', async () => {
    const { controller, worker } = await loaded();
    const stale = worker().idOf('analyse');
    controller.applySettings(['0.3', '0.1'], '0.7');
    worker().answer({ type: 'instance', id: stale, view: view(0) });
    worker().answer({ type: 'analysed', id: stale });
    await settle();
    expect(controller.loaded).toMatchObject({ views: [], analysing: true });
  });

  it('settings without a model do nothing', () => {
    const { controller } = setUp();
    controller.applySettings(['2'], '0.7');
    expect(controller.settingsError).toBeNull();
    expect(controller.loaded).toBeNull();
  });
});

describe('your model: dropping files on the page', () => {
  it('files dragged over the page show the drop target until the drag leaves the page, however many children it crosses', () => {
    const { controller } = setUp();
    browser.window.dispatchEvent(drag('dragenter'));
    expect(controller.dragging).toBe(true);
    // Into a child: enter the child, then leave the parent.
    browser.window.dispatchEvent(drag('dragenter'));
    browser.window.dispatchEvent(drag('dragleave'));
    expect(controller.dragging).toBe(true);
    browser.window.dispatchEvent(drag('dragleave'));
    expect(controller.dragging).toBe(false);
  });

  it('a drag over the page is taken as a copy, so the browser does not open the file in place of the article', () => {
    setUp();
    const over = drag('dragover');
    browser.window.dispatchEvent(over);
    expect(over.defaultPrevented).toBe(true);
    expect(over.dataTransfer.dropEffect).toBe('copy');
  });

  it('a drag of something other than files (text, a link) is left to the browser', () => {
    const { controller } = setUp();
    const text = { kinds: ['text/plain'] };
    browser.window.dispatchEvent(drag('dragenter', text));
    const over = drag('dragover', text);
    browser.window.dispatchEvent(over);
    const drop = drag('drop', text);
    browser.window.dispatchEvent(drop);
    expect(controller.dragging).toBe(false);
    expect(over.defaultPrevented).toBe(false);
    expect(drop.defaultPrevented).toBe(false);
  });

  it('a drop ends the drag and reads the files dropped', async () => {
    const { controller, answerRead } = setUp();
    browser.window.dispatchEvent(drag('dragenter'));
    browser.window.dispatchEvent(drag('dragenter'));
    const drop = drag('drop', { files: [npz('dropped.npz')] });
    browser.window.dispatchEvent(drop);
    expect(drop.defaultPrevented).toBe(true);
    expect(controller.dragging).toBe(false);
    await settle();
    expect(controller.reading).toBe('dropped.npz');
    await answerRead(summary());
    expect(controller.loaded?.fileName).toBe('dropped.npz');
    // The next drag starts from the page's edge again.
    browser.window.dispatchEvent(drag('dragenter'));
    browser.window.dispatchEvent(drag('dragleave'));
    expect(controller.dragging).toBe(false);
  });

  it('once the article leaves the page, drops are no longer heard and the import worker is ended', async () => {
    const { controller, host, worker, answerRead } = setUp();
    void controller.loadFiles([npz()]);
    await answerRead(summary());
    host.disconnect();
    expect(worker().terminated).toBe(true);
    browser.window.dispatchEvent(drag('dragenter'));
    expect(controller.dragging).toBe(false);
  });
});

describe('your model: the shipped files’ downloads', () => {
  const shipped = parseWeightsFile(JSON.parse(readFileSync('public/weights/sweep-converged-seed1.json', 'utf8')));

  it.each([
    ['npz', readNpz],
    ['safetensors', (bytes: Uint8Array) => readSafetensors(bytes).arrays],
  ] as const)('saves %s bytes holding the file’s arrays exactly, which load back as its model', async (format, read) => {
    const { controller } = setUp();
    saved.length = 0;
    await controller.downloadShipped('sweep-converged-seed1', shipped, format);
    expect(saved.map((s) => s.filename)).toEqual([`sweep-converged-seed1.${format}`]);
    const bytes = new Uint8Array(await saved[0]!.blob.arrayBuffer());
    const arrays = read(bytes);
    for (const [name, array] of weightsFileArrays(shipped)) {
      expect(arrays.get(name)?.shape).toEqual(array.shape);
      expect(Array.from(arrays.get(name)!.data)).toEqual(Array.from(array.data));
    }
    const outcome = readModelFiles([{ name: `sweep-converged-seed1.${format}`, bytes }]);
    expect(outcome.ok && outcome.model.instances).toEqual(shipped.instances.map(({ W1, W2, b }) => ({ W1, W2, b })));
    expect(controller.error).toBeNull();
  });
});
