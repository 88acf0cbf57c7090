/**
 * The one error type of the import: its message is a plain-text sentence for the reader, naming
 * what is wrong with the file and, where it can, what to do about it. Everything quoted from a file
 * (array names, file names) goes through `quoted`, so a message never carries control characters or
 * an unbounded string; the page renders messages as text, never as markup.
 */
export class ImportError extends Error {
  override readonly name = 'ImportError';
}

/** Throws an ImportError with `message`. */
export function fail(message: string): never {
  throw new ImportError(message);
}

/** A name or string from a file, cleaned for a message: no control characters, at most 40 characters, in quotes. */
export function quoted(raw: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this strips
  const clean = raw.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '');
  return `“${clean.length > 40 ? `${clean.slice(0, 40)}…` : clean}”`;
}

/** "[7, 40, 100]": a shape as NumPy prints it, without the tuple's trailing comma. */
export const shapeText = (shape: readonly number[]): string => `[${shape.join(', ')}]`;

/** 12,345 with thousands separators, the way the article writes counts. */
export const count = (value: number): string => value.toLocaleString('en');
