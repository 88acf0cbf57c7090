import { afterEach, describe, expect, it, vi } from 'vitest';
import { ImportClient, READ_TIMEOUT_MS } from '../../../../../src/article/sections/your-model/import-client';
import type { ImportEvent, ImportRequest, ModelSummary } from '../../../../../src/article/sections/your-model/import-protocol';
import type { YourInstanceView } from '../../../../../src/article/sections/your-model/view';

/** Enough of a Worker for the import client: records requests, answers on demand, can crash. */
class FakeWorker {
  readonly sent: ImportRequest[] = [];
  terminated = false;
  onmessage: ((message: MessageEvent<ImportEvent>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  postMessage(request: ImportRequest): void {
    this.sent.push(request);
  }
  terminate(): void {
    this.terminated = true;
  }
  answer(event: ImportEvent): void {
    this.onmessage?.({ data: event } as MessageEvent<ImportEvent>);
  }
  crash(message: string): void {
    this.onerror?.({ message, preventDefault() {} } as ErrorEvent);
  }
  last(): ImportRequest {
    return this.sent.at(-1)!;
  }
}

function client(): { client: ImportClient; workers: FakeWorker[] } {
  const workers: FakeWorker[] = [];
  return {
    workers,
    client: new ImportClient(() => {
      workers.push(new FakeWorker());
      return workers.at(-1) as unknown as Worker;
    }),
  };
}

const summary = {
  n: 3,
  m: 2,
  instances: 1,
  densities: [null],
  importanceDecay: null,
  recordedLosses: [null],
  reading: ['x'],
} satisfies ModelSummary;
const file = { name: 'm.npz', bytes: new ArrayBuffer(4) };
const view = (index: number) => ({ index }) as unknown as YourInstanceView;

afterEach(() => {
  vi.useRealTimers();
});

describe('the import client', () => {
  it('answers a read with the summary or the refusal', async () => {
    const { client: c, workers } = client();
    const good = c.read([file]);
    workers[0]!.answer({ type: 'read', id: workers[0]!.last().id, summary });
    expect(await good).toEqual({ ok: true, summary });
    const bad = c.read([file]);
    workers[0]!.answer({ type: 'refused', id: workers[0]!.last().id, error: 'W1 holds NaN at [0, 1].' });
    expect(await bad).toEqual({ ok: false, error: 'W1 holds NaN at [0, 1].' });
  });

  it('gives up on a read that takes too long, and reads the last good model into a new worker', async () => {
    vi.useFakeTimers();
    const { client: c, workers } = client();
    const good = c.read([file]);
    workers[0]!.answer({ type: 'read', id: workers[0]!.last().id, summary });
    await good;
    const slow = c.read([{ name: 'slow.npz', bytes: new ArrayBuffer(8) }]);
    vi.advanceTimersByTime(READ_TIMEOUT_MS);
    expect(await slow).toEqual({ ok: false, error: 'Reading the file took longer than 60 s, so the page stopped.' });
    expect(workers[0]!.terminated).toBe(true);
    expect(workers[1]!.sent).toEqual([{ type: 'read', id: 0, files: [file], options: {} }]);
  });

  it('streams an analysis’s instances; a newer analysis supersedes it; a failure is a message', async () => {
    const { client: c, workers } = client();
    const seen: number[] = [];
    const first = c.analyse({ densities: [0.1], importanceDecay: 0.8 }, (v) => seen.push(v.index));
    const firstId = workers[0]!.last().id;
    workers[0]!.answer({ type: 'instance', id: firstId, view: view(0) });
    const second = c.analyse({ densities: [0.2], importanceDecay: 0.8 }, (v) => seen.push(10 + v.index));
    expect(await first).toBe('superseded');
    // The first analysis's late reports are not heard.
    workers[0]!.answer({ type: 'instance', id: firstId, view: view(1) });
    const secondId = workers[0]!.last().id;
    workers[0]!.answer({ type: 'instance', id: secondId, view: view(0) });
    workers[0]!.answer({ type: 'analysed', id: secondId });
    expect(await second).toBe('analysed');
    expect(seen).toEqual([0, 10]);
    const third = c.analyse({ densities: [0.2], importanceDecay: 0.8 }, () => {});
    workers[0]!.answer({ type: 'failed', id: workers[0]!.last().id, error: 'Instance 0 could not be analysed (x).' });
    expect(await third).toEqual({ error: 'Instance 0 could not be analysed (x).' });
  });

  it('a crashed worker refuses the read waiting on it, and the next read gets a new worker', async () => {
    const { client: c, workers } = client();
    const read = c.read([file]);
    workers[0]!.crash('out of memory');
    expect(await read).toEqual({ ok: false, error: 'The import worker failed (out of memory).' });
    void c.read([file]);
    expect(workers).toHaveLength(2);
  });

  it('fails a read and an analysis with why when the browser refuses to start the import worker', async () => {
    const refusing = new ImportClient(() => {
      throw new TypeError("Failed to construct 'Worker': This document requires 'TrustedScriptURL' assignment.");
    });
    const reason = /^The browser refused to start the import worker \(.*TrustedScriptURL.*\); models cannot be read on this page\.$/;
    const read = await refusing.read([{ name: 'model.npz', bytes: new ArrayBuffer(4) }]);
    expect(read.ok).toBe(false);
    expect(!read.ok && read.error).toMatch(reason);
    const analysed = await refusing.analyse({} as Parameters<ImportClient['analyse']>[0], () => {});
    expect(typeof analysed === 'object' && analysed.error).toMatch(reason);
  });
});
