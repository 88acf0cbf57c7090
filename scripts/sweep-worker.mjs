// The sweep pool's worker thread entry (sweep-pool.ts): loads the TypeScript worker through tsx,
// since a worker thread does not inherit the loader the CLI or the tests run under.
import { tsImport } from 'tsx/esm/api';

await tsImport('./sweep-worker.ts', import.meta.url);
