/**
 * Fetching one shipped weights file with a time limit. The limit is on silence, not on the whole
 * download: the request is aborted (AbortController) when no response, or no further byte of the
 * body, arrives for `SILENCE_LIMIT_MS`. A working connection, even "slow 3G" (about 400 kbit/s),
 * delivers a chunk every fraction of a second, so a 2.4 MB curve file still completes there in about
 * a minute; 15 s without a byte is a stalled server or a dropped connection, and the reader is told
 * so and offered a retry instead of a "Loading…" that never ends.
 */
import { parseWeightsFile, type WeightsFile } from '../../model/weights-file';

/** How long a file may send nothing (no response, or no next chunk of its body) before it is given up. */
export const SILENCE_LIMIT_MS = 15_000;

export interface FetchOptions {
  /** Silence limit in milliseconds; SILENCE_LIMIT_MS unless given. */
  readonly silenceMs?: number;
  /** The fetch to use (tests pass a fake); the global one unless given. */
  readonly fetch?: typeof fetch;
  /** The base a relative path resolves against; document.baseURI unless given. */
  readonly base?: string;
}

/**
 * The text of `path`, fetched with the silence limit. Throws an Error naming the file and the reason
 * (timed out, HTTP status, network error, not JSON).
 */
export async function fetchText(path: string, options: FetchOptions = {}): Promise<string> {
  const silenceMs = options.silenceMs ?? SILENCE_LIMIT_MS;
  const doFetch = options.fetch ?? fetch;
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let timedOut = false;
  const arm = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, silenceMs);
  };
  const silence = `${path} sent nothing for ${Math.round(silenceMs / 1000)} s`;
  try {
    arm();
    const response = await abortable(
      doFetch(new URL(path, options.base ?? document.baseURI), { signal: controller.signal }),
      controller.signal,
    );
    // A static server may answer a missing file with its HTML fallback page: that is "not found" too.
    if (!response.ok || !response.headers.get('content-type')?.includes('json')) {
      throw new Error(`${path} was not found (HTTP ${response.status})`);
    }
    return await readBody(response, arm, controller.signal);
  } catch (error) {
    if (timedOut) throw new Error(silence);
    if (error instanceof Error && error.message.startsWith(path)) throw error;
    throw new Error(`${path} could not be fetched (${error instanceof Error ? error.message : String(error)})`);
  } finally {
    clearTimeout(timer);
  }
}

/** `promise`, or a rejection as soon as `signal` aborts (a fake fetch may ignore the signal). */
function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    signal.addEventListener('abort', () => reject(new Error('aborted')), { once: true });
    promise.then(resolve, reject);
  });
}

/** The body as text, re-arming the silence timer at each chunk. */
async function readBody(response: Response, arm: () => void, signal: AbortSignal): Promise<string> {
  if (!response.body) return abortable(response.text(), signal);
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  for (;;) {
    arm();
    const { done, value } = await abortable(reader.read(), signal);
    if (done) return text + decoder.decode();
    text += decoder.decode(value, { stream: true });
  }
}

/** Fetches and validates a weights file; throws with a reader-facing reason that names the file. */
export async function fetchWeights(path: string, options: FetchOptions = {}): Promise<WeightsFile> {
  const text = await fetchText(path, options);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(`${path} is not valid JSON`);
  }
  return parseWeightsFile(json);
}
