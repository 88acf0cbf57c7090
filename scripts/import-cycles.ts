/**
 * npx tsx scripts/import-cycles.ts [folder …] [--max-lines N]
 *
 * The house rules' two structural checks over TypeScript sources (default folder: src): no import
 * cycle, type-only imports included, and no file longer than N lines (default 300). Prints every
 * cycle and every long file; exits 1 if there is any.
 *
 * An edge is any relative module specifier in a file: `import … from`, `import type … from`,
 * `export … from`, a bare `import '…'` and a dynamic `import('…')`, read by TypeScript's own
 * `preProcessFile` (so specifiers in comments and strings are not mistaken for imports).
 * Specifiers that resolve to no .ts file under the root (packages, assets) are not edges.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

/** Each .ts file (path relative to the scan root, '/'-separated) with the files it imports, sorted. */
export type ImportGraph = ReadonlyMap<string, readonly string[]>;

/** Every .ts file under `dir`, recursively, as absolute paths in sorted order. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return sourceFiles(path);
      return name.endsWith('.ts') ? [path] : [];
    });
}

/** The file a relative specifier names (with or without .ts/.js, or a folder's index.ts), or null. */
function resolveSpecifier(from: string, specifier: string, files: ReadonlySet<string>): string | null {
  if (!specifier.startsWith('.')) return null;
  const base = resolve(dirname(from), specifier.replace(/\?.*$/, ''));
  const stem = base.replace(/\.js$/, '');
  for (const candidate of [base, `${stem}.ts`, join(base, 'index.ts')]) if (files.has(candidate)) return candidate;
  return null;
}

/** The import graph of every .ts file under `root` (an absolute or cwd-relative folder). */
export function importGraph(root: string): ImportGraph {
  const absoluteRoot = resolve(root);
  const paths = sourceFiles(absoluteRoot);
  const files = new Set(paths);
  const name = (path: string) => relative(absoluteRoot, path).split('\\').join('/');
  const graph = new Map<string, string[]>();
  for (const path of paths) {
    const { importedFiles } = ts.preProcessFile(readFileSync(path, 'utf8'), true, true);
    const targets = new Set<string>();
    for (const { fileName } of importedFiles) {
      const target = resolveSpecifier(path, fileName, files);
      if (target) targets.add(name(target));
    }
    graph.set(name(path), [...targets].sort());
  }
  return graph;
}

/** Files that import each other round a loop. */
export interface ImportCycle {
  /** Every file of the loop's strongly connected component, sorted. */
  readonly files: readonly string[];
  /** One shortest closed path [a, b, …, a] through them, from the first file. */
  readonly path: readonly string[];
}

/**
 * The import cycles of `graph`: one per strongly connected component with more than one file (or
 * a file importing itself), ordered by first file. Tarjan's algorithm; deterministic for a graph.
 */
export function findCycles(graph: ImportGraph): ImportCycle[] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, index.size);
    low.set(v, index.get(v) as number);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v) as number, index.get(w) as number));
      }
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string | undefined;
    do {
      w = stack.pop() as string;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || (graph.get(v) ?? []).includes(v)) components.push(component.sort());
  };
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) visit(v);
  return components.map((files) => ({ files, path: cyclePath(graph, files) })).sort((a, b) => (a.files[0]! < b.files[0]! ? -1 : 1));
}

/** A shortest closed path from the component's first file back to itself, inside the component. */
function cyclePath(graph: ImportGraph, component: readonly string[]): string[] {
  const members = new Set(component);
  const start = component[0] as string;
  const previous = new Map<string, string>();
  const queue = [start];
  for (let k = 0; k < queue.length; k++) {
    const v = queue[k] as string;
    for (const w of graph.get(v) ?? []) {
      if (!members.has(w)) continue;
      if (w === start) {
        const path = [start];
        for (let u: string | undefined = v; u !== undefined && u !== start; u = previous.get(u)) path.splice(1, 0, u);
        return [...path, start];
      }
      if (!previous.has(w)) {
        previous.set(w, v);
        queue.push(w);
      }
    }
  }
  return [start, start];
}

/** The cycles with a file under `folder` (relative to the scan root, e.g. 'model/'). */
export const cyclesTouching = (cycles: readonly ImportCycle[], folder: string): ImportCycle[] =>
  cycles.filter((cycle) => cycle.files.some((file) => file.startsWith(folder.endsWith('/') ? folder : `${folder}/`)));

/** Each .ts file under `root` longer than `maxLines` lines, with its length, longest first. */
export function longFiles(root: string, maxLines = 300): { file: string; lines: number }[] {
  const absoluteRoot = resolve(root);
  return sourceFiles(absoluteRoot)
    .map((path) => ({ file: relative(absoluteRoot, path).split('\\').join('/'), lines: readFileSync(path, 'utf8').split('\n').length - 1 }))
    .filter(({ lines }) => lines > maxLines)
    .sort((a, b) => b.lines - a.lines);
}

function main(args: readonly string[]): number {
  const flag = args.indexOf('--max-lines');
  const maxLines = flag >= 0 ? Number(args[flag + 1]) : 300;
  if (!Number.isInteger(maxLines) || maxLines < 1) {
    console.error(`--max-lines must be a positive integer, got ${args[flag + 1]}`);
    return 2;
  }
  const roots = args.filter((a, k) => !a.startsWith('--') && args[k - 1] !== '--max-lines');
  let problems = 0;
  for (const root of roots.length > 0 ? roots : ['src']) {
    for (const { files, path } of findCycles(importGraph(root))) {
      console.log(`cycle in ${root} among ${files.length} files: ${path.join(' → ')}`);
      problems++;
    }
    for (const { file, lines } of longFiles(root, maxLines)) {
      console.log(`over ${maxLines} lines in ${root}: ${file} (${lines})`);
      problems++;
    }
  }
  console.log(problems === 0 ? 'no import cycles, no long files' : `${problems} problem(s)`);
  return problems === 0 ? 0 : 1;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename ?? '')) process.exitCode = main(process.argv.slice(2));
