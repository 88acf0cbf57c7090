/**
 * The shipped models as .npz: what Python users download. Exported and read back, a model gives
 * the same weights, the same analysis and the same figures; NumPy reads the archive too.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stackPlotData } from '../../../../src/article/figures/figure-data';
import { analyseModel } from '../../../../src/model/analysis';
import { importances } from '../../../../src/model/config';
import { readModelFiles, weightsFileArrays, weightsFileToNpz } from '../../../../src/model/import';
import { parseWeightsFile } from '../../../../src/model/weights-file';

const shipped = (name: string) => parseWeightsFile(JSON.parse(readFileSync(`public/weights/${name}.json`, 'utf8')));

const hasNumpy = spawnSync('python3', ['-c', 'import numpy'], { stdio: 'ignore' }).status === 0;

describe('exporting the shipped models as .npz', () => {
  it.each(['sweep', 'motif'])('%s.npz reads back into the same weights, analysis and figures', (name) => {
    const file = shipped(name);
    const outcome = readModelFiles([{ name: `${name}.npz`, bytes: weightsFileToNpz(file) }]);
    if (!outcome.ok) throw new Error(outcome.error);
    const { model } = outcome;
    expect(model.instances).toEqual(file.instances.map(({ W1, W2, b }) => ({ W1, W2, b })));
    expect(model.densities).toEqual(file.config.densities);
    expect(model.importanceDecay).toBe(file.config.importanceDecay);
    expect(model.recordedLosses).toEqual(file.instances.map((i) => i.loss));
    const importance = importances(file.config);
    model.instances.forEach((weights, k) => {
      const before = analyseModel(file.instances[k]!, importance);
      const after = analyseModel(weights, importances({ n: model.n, importanceDecay: model.importanceDecay! }));
      expect(after).toEqual(before);
      expect(stackPlotData(after)).toEqual(stackPlotData(before));
    });
  });

  it('writes the same bytes for the same model', () => {
    expect(weightsFileToNpz(shipped('motif'))).toEqual(weightsFileToNpz(shipped('motif')));
  });

  it.skipIf(!hasNumpy)('numpy.load reads the archive: names, shapes and every number', () => {
    const file = shipped('sweep');
    const dir = mkdtempSync(join(tmpdir(), 'npz-'));
    const path = join(dir, 'sweep.npz');
    writeFileSync(path, weightsFileToNpz(file));
    const script = [
      'import json, sys, numpy as np',
      'z = np.load(sys.argv[1])',
      'import hashlib',
      'print(json.dumps({k: {"shape": list(z[k].shape), "dtype": str(z[k].dtype), "sha256": hashlib.sha256(np.ascontiguousarray(z[k], dtype="<f8").tobytes()).hexdigest()} for k in z.files}))',
    ].join('\n');
    const run = spawnSync('python3', ['-c', script, path], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    const seen = JSON.parse(run.stdout) as Record<string, { shape: number[]; dtype: string; sha256: string }>;
    const arrays = weightsFileArrays(file);
    expect(Object.keys(seen)).toEqual(arrays.map(([name]) => name));
    for (const [name, array] of arrays) {
      expect(seen[name]!.shape).toEqual(array.shape);
      expect(seen[name]!.dtype).toBe('float64');
      // The same float64 bytes (little-endian, as on every machine these tests run on).
      const bytes = new Uint8Array(array.data.buffer, array.data.byteOffset, array.data.byteLength);
      expect(seen[name]!.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    }
    expect(seen['W1']!.shape).toEqual([7, 40, 100]);
  });
});
