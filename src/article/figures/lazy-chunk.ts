/**
 * Code loaded on first use (a dynamic `import()`: the .npz writer, the figure downloads' text
 * outliner) can fail to arrive: the site was redeployed since the page opened (the old chunk's name
 * is gone) or the connection dropped. `loadChunk` turns that into one sentence for the reader,
 * naming what could not be loaded, instead of an uncaught "Failed to fetch dynamically imported module".
 */

/** A lazy chunk that did not load; its message is the reader-facing sentence. */
export class ChunkLoadError extends Error {
  override readonly name = 'ChunkLoadError';
}

/** The sentence for a chunk that failed to load: `what` is the action it serves ("the .npz download"). */
export function chunkFailure(what: string, error: unknown): string {
  const reason = error instanceof Error ? error.message : String(error);
  return `The code for ${what} could not be loaded (${reason}): the connection may have dropped, or the site was updated since this page opened. Retry, or reload the page.`;
}

/**
 * The module `importer` loads; throws a ChunkLoadError with chunkFailure's sentence if it does not
 * load. Calling it again retries: browsers that cache a failed import keep failing until a reload,
 * which the sentence offers.
 */
export async function loadChunk<T>(what: string, importer: () => Promise<T>): Promise<T> {
  try {
    return await importer();
  } catch (error) {
    throw new ChunkLoadError(chunkFailure(what, error));
  }
}
