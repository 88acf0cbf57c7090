/**
 * The house rules' structural checks (scripts/import-cycles.ts): no import cycle among src files,
 * type-only imports included, and no file in src over 300 lines.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cyclesTouching, findCycles, type ImportCycle, importGraph, longFiles } from '../../../scripts/import-cycles';

const graphOf = (edges: Record<string, string[]>) => new Map(Object.entries(edges));

describe('finding import cycles', () => {
  it('finds none in a graph that only flows one way', () => {
    expect(findCycles(graphOf({ 'a.ts': ['b.ts', 'c.ts'], 'b.ts': ['c.ts'], 'c.ts': [] }))).toEqual([]);
  });

  it('finds a two-file loop, a longer loop and a file importing itself, each once', () => {
    const cycles = findCycles(
      graphOf({
        'a.ts': ['b.ts'],
        'b.ts': ['a.ts', 'c.ts'],
        'c.ts': ['d.ts'],
        'd.ts': ['e.ts'],
        'e.ts': ['c.ts'],
        'f.ts': ['f.ts'],
        'g.ts': ['a.ts'],
      }),
    );
    expect(cycles).toEqual([
      { files: ['a.ts', 'b.ts'], path: ['a.ts', 'b.ts', 'a.ts'] },
      { files: ['c.ts', 'd.ts', 'e.ts'], path: ['c.ts', 'd.ts', 'e.ts', 'c.ts'] },
      { files: ['f.ts'], path: ['f.ts', 'f.ts'] },
    ]);
  });

  it('reports the cycles that touch a folder', () => {
    const cycles: ImportCycle[] = [
      { files: ['article/a.ts', 'article/b.ts'], path: [] },
      { files: ['model/x.ts', 'viz/y.ts'], path: [] },
    ];
    expect(cyclesTouching(cycles, 'model').map((c) => c.files)).toEqual([['model/x.ts', 'viz/y.ts']]);
    expect(cyclesTouching(cycles, 'viz/')).toHaveLength(1);
    expect(cyclesTouching(cycles, 'training')).toEqual([]);
    expect(cyclesTouching(cycles, 'art')).toEqual([]);
  });
});

describe('reading the import graph from files', () => {
  let root = '';
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'import-cycles-'));
    write('engine.ts', "import type { Engine } from './types';\nimport { A } from './a';\nexport { B } from './b';\n");
    write('types.ts', "import type {\n  Engine,\n} from './engine';\n// import { nope } from './a';\n");
    write('a.ts', "import * as tf from '@tensorflow/tfjs-core';\nimport './side-effect.js';\nconst s = \"import { x } from './b'\";\n");
    write('side-effect.ts', 'export {};\n');
    write('b.ts', "export const load = () => import('./deep');\n");
    write('deep/index.ts', `${'// line\n'.repeat(301)}`);
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('counts type-only, re-export, bare and dynamic imports, and nothing in comments or strings', () => {
    expect(Object.fromEntries(importGraph(root))).toEqual({
      'a.ts': ['side-effect.ts'],
      'b.ts': ['deep/index.ts'],
      'deep/index.ts': [],
      'engine.ts': ['a.ts', 'b.ts', 'types.ts'],
      'side-effect.ts': [],
      'types.ts': ['engine.ts'],
    });
    expect(findCycles(importGraph(root)).map((c) => c.path)).toEqual([['engine.ts', 'types.ts', 'engine.ts']]);
  });

  it('lists the files over the line limit', () => {
    expect(longFiles(root, 300)).toEqual([{ file: 'deep/index.ts', lines: 301 }]);
    expect(longFiles(root, 301)).toEqual([]);
  });
});

describe('src: the import-cycle and file-length rules for every folder', () => {
  it('has no import cycle anywhere, src/article included', () => {
    expect(findCycles(importGraph('src')).map((c) => c.path.join(' → '))).toEqual([]);
  });

  it('has no file over 300 lines anywhere, src/article and src/viz included', () => {
    expect(longFiles('src', 300)).toEqual([]);
  });
});
