/**
 * Fetching a weights file with a time limit on silence, against a fake fetch: a server that never
 * answers, a body that stops half-way, a 404, an HTML fallback page and a network error each become
 * a sentence naming the file; a slow but steady body still arrives.
 */
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fetchWeights, SILENCE_LIMIT_MS } from '../../../../src/article/shipped/fetch-weights';

const MOTIF = readFileSync(new URL('../../../../public/weights/motif.json', import.meta.url), 'utf8');
const BASE = 'https://example.org/';
const JSON_HEADERS = { 'content-type': 'application/json' };

/** A fetch that never settles unless aborted, as a stalled server does. */
const neverAnswers = (_url: URL, init?: RequestInit): Promise<Response> =>
  new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));

/** A body sent in `chunks`, `gapMs` apart, then (if `stall`) nothing more. */
function trickle(chunks: string[], gapMs: number, stall = false): Response {
  const encoder = new TextEncoder();
  let k = 0;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (k === chunks.length) {
        if (stall) return new Promise<void>(() => {});
        controller.close();
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, gapMs));
      controller.enqueue(encoder.encode(chunks[k++]));
    },
  });
  return new Response(body, { headers: JSON_HEADERS });
}

/** The promise's rejection message, with the fake clock run on until it settles. */
async function failure(promise: Promise<unknown>): Promise<string> {
  const caught = promise.then(
    () => 'resolved',
    (e: unknown) => (e instanceof Error ? e.message : String(e)),
  );
  await vi.runAllTimersAsync();
  return caught;
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('fetching a weights file', () => {
  it('gives up on a server that never answers after the silence limit, naming the file', async () => {
    const message = await failure(fetchWeights('weights/motif.json', { fetch: neverAnswers as typeof fetch, base: BASE }));
    expect(message).toBe(`weights/motif.json sent nothing for ${SILENCE_LIMIT_MS / 1000} s`);
  });

  it('is still waiting just before the limit', async () => {
    let settled = false;
    void fetchWeights('weights/motif.json', { fetch: neverAnswers as typeof fetch, base: BASE }).catch(() => (settled = true));
    await vi.advanceTimersByTimeAsync(SILENCE_LIMIT_MS - 1);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(settled).toBe(true);
  });

  it('gives up on a body that stops half-way', async () => {
    const half = MOTIF.slice(0, 100);
    const message = await failure(fetchWeights('weights/motif.json', { fetch: async () => trickle([half], 10, true), base: BASE }));
    expect(message).toBe(`weights/motif.json sent nothing for ${SILENCE_LIMIT_MS / 1000} s`);
  });

  it('waits for a slow but steady body: the limit is on silence, not on the whole download', async () => {
    const pieces = MOTIF.match(/[\s\S]{1,500}/g) ?? [];
    const gap = SILENCE_LIMIT_MS / 2;
    expect(pieces.length * gap).toBeGreaterThan(SILENCE_LIMIT_MS);
    const loaded = fetchWeights('weights/motif.json', { fetch: async () => trickle(pieces, gap), base: BASE });
    await vi.runAllTimersAsync();
    expect((await loaded).instances).toHaveLength(1);
  });

  it('names the file and the status for a 404, and for an HTML fallback page', async () => {
    const notFound = async () => new Response('nope', { status: 404 });
    expect(await failure(fetchWeights('weights/motif.json', { fetch: notFound, base: BASE }))).toBe(
      'weights/motif.json was not found (HTTP 404)',
    );
    const html = async () => new Response('<!doctype html>', { headers: { 'content-type': 'text/html' } });
    expect(await failure(fetchWeights('weights/motif.json', { fetch: html, base: BASE }))).toBe(
      'weights/motif.json was not found (HTTP 200)',
    );
  });

  it('names the file for a network error', async () => {
    const offline = async () => {
      throw new TypeError('Failed to fetch');
    };
    expect(await failure(fetchWeights('weights/motif.json', { fetch: offline, base: BASE }))).toBe(
      'weights/motif.json could not be fetched (Failed to fetch)',
    );
  });

  it('reads a file that answers at once', async () => {
    const ok = async () => new Response(MOTIF, { headers: JSON_HEADERS });
    const file = await fetchWeights('weights/motif.json', { fetch: ok, base: BASE });
    expect(file.config.n).toBe(10);
  });
});
