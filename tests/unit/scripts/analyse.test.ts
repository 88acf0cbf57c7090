/**
 * `npm run analyse` (scripts/analyse.ts) on the shipped files prints the numbers the analysis
 * function gives, and the page gives (tests/unit/model/analysis/export.test.ts ties the two).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArguments, run } from '../../../scripts/analyse';
import { analyseImportedModel, analysisObject, analysisTables, parseAnalysisJson, parseTable } from '../../../src/model/analysis/export';
import { readModelFiles } from '../../../src/model/import';

function reportOf(path: string, name: string) {
  const outcome = readModelFiles([{ name, bytes: new Uint8Array(readFileSync(path)) }]);
  if (!outcome.ok) throw new Error(outcome.error);
  return analyseImportedModel(outcome.model, name);
}

/** Runs the CLI in this process, collecting what it writes. */
function runHere(args: string[]) {
  const written = { stdout: '', stderr: '', files: new Map<string, string>() };
  const status = run(args, {
    stdout: (text) => {
      written.stdout += text;
    },
    stderr: (text) => {
      written.stderr += text;
    },
    writeFile: (path, text) => written.files.set(path, text),
  });
  return { status, ...written };
}

describe('npm run analyse', () => {
  it('as a command (tsx), prints the analysis function’s JSON for the shipped motif.json', () => {
    const spawned = spawnSync('npx', ['tsx', 'scripts/analyse.ts', 'public/weights/motif.json', '--json'], {
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(spawned.status, spawned.stderr).toBe(0);
    expect(parseAnalysisJson(spawned.stdout)).toEqual(analysisObject(reportOf('public/weights/motif.json', 'motif.json')));
  }, 120_000);

  it('prints the analysis function’s JSON for the shipped sweep.json, every instance', () => {
    const { status, stdout } = runHere(['public/weights/sweep.json']);
    expect(status).toBe(0);
    const printed = parseAnalysisJson(stdout);
    expect(printed.instances).toHaveLength(7);
    expect(printed).toEqual(analysisObject(reportOf('public/weights/sweep.json', 'sweep.json')));
  }, 120_000);

  it('writes the four CSV tables with --csv --out, the same cells as the analysis function', () => {
    const { status, files } = runHere(['public/weights/motif.json', '--csv', '--out', 'out']);
    expect(status).toBe(0);
    for (const table of analysisTables(reportOf('public/weights/motif.json', 'motif.json'))) {
      expect(parseTable(files.get(join('out', `${table.name}.csv`))!, table.columns), table.name).toEqual(table.rows);
    }
  });

  it('says why a file is refused, with the page’s sentence, and exits 1', () => {
    const { status, stderr } = runHere(['README.md']);
    expect(status).toBe(1);
    expect(stderr).toMatch(/“README.md” is not a model file the page reads/);
  });

  it('reads its flags, and refuses what it does not know', () => {
    expect(parseArguments(['a.npy', 'b.npy', '--csv', '--out', 'dir', '--density', '0.1,0.03', '--decay', '0.9'])).toEqual({
      files: ['a.npy', 'b.npy'],
      format: 'csv',
      out: 'dir',
      densities: [0.1, 0.03],
      decay: 0.9,
    });
    expect(() => parseArguments([])).toThrow(/usage/);
    expect(() => parseArguments(['a.npz', '--bogus'])).toThrow(/unknown flag --bogus/);
    expect(() => parseArguments(['a.npz', '--density', '2'])).toThrow(/probabilities/);
  });
});
