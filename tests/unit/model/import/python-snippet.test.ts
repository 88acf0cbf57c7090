/**
 * The Python snippet the page and docs/your-model.md give for saving a PyTorch replication: run
 * against stand-in tensors (torch is not needed to check the NumPy side), its file loads.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PYTORCH_SNIPPET } from '../../../../src/article/sections/your-model/markup';
import { readModelFiles } from '../../../../src/model/import';
import { expectedInstance } from './make-files';

const hasNumpy = spawnSync('python3', ['-c', 'import numpy'], { stdio: 'ignore' }).status === 0;

/** Tensors with torch's .detach().cpu().numpy(), and an ARENA-like model of 3 instances, n = 7, m = 4. */
const STAND_IN = `
import numpy as np
class T:
    def __init__(self, a): self.a = np.asarray(a)
    def detach(self): return self
    def cpu(self): return self
    def numpy(self): return self.a
K, N, M = 3, 7, 4
k = np.arange(K)[:, None, None]
class Model:
    W1 = T((k + 1) * 0.5 - 0.1 * np.arange(M)[None, :, None] + 0.01 * np.arange(N)[None, None, :])
    W2 = T(0.2 * k + 0.03 * np.arange(N)[None, :, None] - 0.05 * np.arange(M)[None, None, :])
    b_final = T(0.01 * (np.arange(N)[None, :] - np.arange(K)[:, None]))
    # ARENA broadcasts both to [instances, features].
    feature_probability = T(np.broadcast_to(np.array([[1.0], [0.1], [0.01]]), (K, N)))
    importance = T(np.broadcast_to(0.75 ** np.arange(1, N + 1), (K, N)))
    def named_parameters(self):
        return [("W1", self.W1), ("W2", self.W2), ("b_final", self.b_final)]
model = Model()
`;

describe('the PyTorch snippet', () => {
  it('is the one docs/your-model.md shows', () => {
    expect(readFileSync('docs/your-model.md', 'utf8')).toContain(PYTORCH_SNIPPET);
  });

  it.skipIf(!hasNumpy)('writes an .npz the page loads, with the densities and the decay', () => {
    const dir = mkdtempSync(join(tmpdir(), 'snippet-'));
    const run = spawnSync('python3', ['-c', `${STAND_IN}\n${PYTORCH_SNIPPET}`], { cwd: dir, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    const outcome = readModelFiles([{ name: 'my-model.npz', bytes: new Uint8Array(readFileSync(join(dir, 'my-model.npz'))) }]);
    if (!outcome.ok) throw new Error(outcome.error);
    expect(outcome.model.instances).toEqual([0, 1, 2].map((k) => expectedInstance(k, 7, 4)));
    expect(outcome.model.densities).toEqual([1, 0.1, 0.01]);
    expect(outcome.model.importanceDecay).toBe(0.75);
  });
});
