import type { WorkerEvent, WorkerRequest } from '../../../src/training/protocol';

/** Enough of a Worker for the trainer client: records messages, and can crash or answer. */
export class FakeWorker {
  readonly sent: WorkerRequest[] = [];
  terminated = false;
  onmessage: ((message: MessageEvent<WorkerEvent>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  postMessage(request: WorkerRequest): void {
    this.sent.push(request);
  }
  terminate(): void {
    this.terminated = true;
  }
  answer(event: WorkerEvent): void {
    this.onmessage?.({ data: event } as MessageEvent<WorkerEvent>);
  }
  crash(message: string): void {
    this.onerror?.({ message, preventDefault() {} } as ErrorEvent);
  }
  /** The run id of the last 'train' request. */
  get runId(): number {
    const train = this.sent.filter((r) => r.type === 'train').at(-1);
    if (!train) throw new Error('no run was started');
    return train.runId;
  }
}

/** A worker factory that keeps every worker it makes. */
export function fakeWorkers(): { workers: FakeWorker[]; create: () => Worker } {
  const workers: FakeWorker[] = [];
  return {
    workers,
    create: () => {
      workers.push(new FakeWorker());
      return workers.at(-1) as unknown as Worker;
    },
  };
}
