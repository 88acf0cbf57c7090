/** A lazy chunk that fails to load becomes one sentence naming what it was for; calling again retries. */
import { describe, expect, it } from 'vitest';
import { ChunkLoadError, loadChunk } from '../../../../src/article/figures/lazy-chunk';

describe('loading a lazy chunk', () => {
  it('names the action and the reason, and offers a retry, when the import fails', async () => {
    const failing = () =>
      Promise.reject(new TypeError('Failed to fetch dynamically imported module: https://example.org/assets/export-1.js'));
    const error = await loadChunk('the motif.npz download', failing).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChunkLoadError);
    expect((error as Error).message).toBe(
      'The code for the motif.npz download could not be loaded (Failed to fetch dynamically imported module: https://example.org/assets/export-1.js): the connection may have dropped, or the site was updated since this page opened. Retry, or reload the page.',
    );
  });

  it('a second call imports again, and gives the module once it loads', async () => {
    let tries = 0;
    const flaky = async () => {
      tries++;
      if (tries === 1) throw new TypeError('Failed to fetch');
      return { answer: 42 };
    };
    await expect(loadChunk('the download', flaky)).rejects.toThrow(ChunkLoadError);
    await expect(loadChunk('the download', flaky)).resolves.toEqual({ answer: 42 });
    expect(tries).toBe(2);
  });
});
