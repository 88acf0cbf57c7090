/**
 * The PyTorch and JAX snippets of docs/your-model.md ("Saving in safetensors"), run against small
 * stand-in models where Python has the libraries: the file they write loads in the page. Where a
 * library is missing (the development machine has neither torch nor jax), the test is skipped and
 * says so; the snippets' names and layouts are still covered by safetensors.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readModelFiles } from '../../../../src/model/import';
import { expectedInstance } from './make-files';

const has = (modules: string): boolean => spawnSync('python3', ['-c', `import ${modules}`], { stdio: 'ignore' }).status === 0;
const hasTorch = has('torch, safetensors.torch');
const hasJax = has('jax, numpy, safetensors.numpy');

/** The fenced Python block after `<!-- snippet: name -->` in docs/your-model.md. */
function snippet(name: string): string {
  const doc = readFileSync('docs/your-model.md', 'utf8');
  const match = new RegExp(`<!-- snippet: ${name} -->\\s*\`\`\`python\\n([\\s\\S]*?)\`\`\``).exec(doc);
  if (!match) throw new Error(`docs/your-model.md has no snippet ${name}`);
  return match[1]!;
}

/** ARENA's model family of make-files.ts: 3 instances, n = 7, m = 4. */
const FAMILY = `
import numpy as np
K, N, M = 3, 7, 4
k = np.arange(K)[:, None, None]
W1 = (k + 1) * 0.5 - 0.1 * np.arange(M)[None, :, None] + 0.01 * np.arange(N)[None, None, :]
W2 = 0.2 * k + 0.03 * np.arange(N)[None, :, None] - 0.05 * np.arange(M)[None, None, :]
b_final = 0.01 * (np.arange(N)[None, :] - np.arange(K)[:, None])
`;

function load(dir: string) {
  const outcome = readModelFiles([
    { name: 'my-model.safetensors', bytes: new Uint8Array(readFileSync(join(dir, 'my-model.safetensors'))) },
  ]);
  if (!outcome.ok) throw new Error(outcome.error);
  return outcome.model;
}

describe('the safetensors snippets of docs/your-model.md', () => {
  it('are in the doc', () => {
    expect(snippet('pytorch-safetensors')).toMatch(/save_file\(tensors, "my-model.safetensors"\)/);
    expect(snippet('jax-safetensors')).toMatch(/save_file\(arrays, "my-model.safetensors"\)/);
  });

  it.skipIf(!hasTorch)(
    'PyTorch (skipped: python3 has no torch and safetensors here): writes a file the page loads',
    () => {
      const standIn = `${FAMILY}
import torch
class Model(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.W1 = torch.nn.Parameter(torch.tensor(W1))
        self.W2 = torch.nn.Parameter(torch.tensor(W2))
        self.b_final = torch.nn.Parameter(torch.tensor(b_final))
        self.feature_probability = torch.tensor([[1.0], [0.1], [0.01]]).expand(K, N)
        self.importance = (0.75 ** torch.arange(1, N + 1)).expand(K, N)
model = Model()
`;
      const dir = mkdtempSync(join(tmpdir(), 'torch-snippet-'));
      const run = spawnSync('python3', ['-c', `${standIn}\n${snippet('pytorch-safetensors')}`], { cwd: dir, encoding: 'utf8' });
      expect(run.status, run.stderr).toBe(0);
      const model = load(dir);
      expect(model.instances).toEqual([0, 1, 2].map((k) => expectedInstance(k, 7, 4)));
      expect(model.densities).toEqual([1, 0.1, 0.01]);
      expect(model.importanceDecay).toBe(0.75);
    },
    60_000,
  );

  it.skipIf(!hasJax)(
    'JAX (skipped: python3 has no jax and safetensors here): writes a file the page loads',
    () => {
      const standIn = `${FAMILY}
import jax.numpy as jnp
params = {"W1": jnp.asarray(W1, dtype=jnp.float32), "W2": jnp.asarray(W2, dtype=jnp.float32), "b_final": jnp.asarray(b_final, dtype=jnp.float32)}
`;
      const dir = mkdtempSync(join(tmpdir(), 'jax-snippet-'));
      const run = spawnSync('python3', ['-c', `${standIn}\n${snippet('jax-safetensors')}`], { cwd: dir, encoding: 'utf8' });
      expect(run.status, run.stderr).toBe(0);
      const model = load(dir);
      const expected = [0, 1, 2].map((k) => expectedInstance(k, 7, 4));
      expect(model.instances[2]!.W1[3]![6]).toBe(Math.fround(expected[2]!.W1[3]![6]!));
      expect([model.n, model.m, model.instances.length]).toEqual([7, 4, 3]);
      expect(model.densities).toEqual([0.03, 0.03, 0.03]);
    },
    60_000,
  );
});
