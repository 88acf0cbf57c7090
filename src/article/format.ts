/**
 * The formatters live in src/viz/format.ts (viz is imported by the article, never the reverse).
 * This re-export serves superposition-article.ts alone, whose imports change with its rewrite;
 * every other importer reads ../viz/format directly. Delete this file when that import moves.
 */
export { formatDensity, plural } from '../viz/format';
