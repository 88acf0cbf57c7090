/**
 * npm run analyse -- <file.npz | file.npy … | file.safetensors | file.json> [--json | --csv] [--out dir]
 *                    [--density 0.1,0.03,…] [--decay 0.9]
 *
 * Reads a model file the way the page's "Bring your own model" section does (src/model/import,
 * the same reader, caps and messages) and analyses every instance the way the page does
 * (src/model/analysis/export: analyseModel and the seeded eval loss), then writes the analysis
 * (docs/analysis-export.md):
 *   --json (default)  one JSON document, to stdout or to <out>/analysis.json;
 *   --csv             summary.csv, neurons.csv, features.csv and motifs.csv into --out <dir>;
 *                     without --out, summary.csv to stdout.
 * --density and --decay stand in for the fields the page asks for when the file lacks them.
 * Several .npy files are read together, each named by its file name, as in the page.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { analyseImportedModel, analysisJson, analysisTables, toCsv } from '../src/model/analysis/export';
import { readModelFiles } from '../src/model/import';

/** The arguments: file paths, then the flags. Throws an Error with the usage on anything else. */
export function parseArguments(argv: readonly string[]): {
  files: string[];
  format: 'json' | 'csv';
  out: string | null;
  densities: number[] | null;
  decay: number | null;
} {
  const usage =
    'usage: npm run analyse -- <file.npz|file.npy…|file.safetensors|file.json> [--json|--csv] [--out dir] [--density d1,d2,…] [--decay x]';
  const files: string[] = [];
  let format: 'json' | 'csv' = 'json';
  let out: string | null = null;
  let densities: number[] | null = null;
  let decay: number | null = null;
  for (let k = 0; k < argv.length; k++) {
    const arg = argv[k]!;
    const value = (): string => {
      const next = argv[++k];
      if (next === undefined) throw new Error(`${arg} needs a value\n${usage}`);
      return next;
    };
    if (arg === '--json' || arg === '--csv') format = arg === '--json' ? 'json' : 'csv';
    else if (arg === '--out') out = value();
    else if (arg === '--density') densities = value().split(',').map(Number);
    else if (arg === '--decay') decay = Number(value());
    else if (arg.startsWith('--')) throw new Error(`unknown flag ${arg}\n${usage}`);
    else files.push(arg);
  }
  if (files.length === 0) throw new Error(usage);
  if (densities?.some((d) => !(d > 0 && d <= 1))) throw new Error('--density takes probabilities in (0, 1], comma-separated');
  if (decay !== null && !(decay > 0 && decay <= 1)) throw new Error('--decay takes a number in (0, 1]');
  return { files, format, out, densities, decay };
}

/** Where the CLI writes: stdout, stderr and files (the tests pass their own). */
export interface Output {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly writeFile: (path: string, text: string) => void;
}

/** Runs the CLI on `argv` (process.argv without node and the script); returns the exit status. */
export function run(argv: readonly string[], io: Output): number {
  const { files, format, out, densities, decay } = parseArguments(argv);
  const outcome = readModelFiles(files.map((path) => ({ name: basename(path), bytes: new Uint8Array(readFileSync(path)) })));
  if (!outcome.ok) {
    io.stderr(`${outcome.error}\n`);
    return 1;
  }
  const report = analyseImportedModel(outcome.model, files.map((f) => basename(f)).join(', '), {
    ...(densities ? { densities: outcome.model.instances.map((_, k) => densities[k] ?? densities.at(-1)!) } : {}),
    ...(decay !== null ? { importanceDecay: decay } : {}),
  });
  if (format === 'json') {
    if (out) io.writeFile(join(out, 'analysis.json'), analysisJson(report));
    else io.stdout(analysisJson(report));
    return 0;
  }
  const tables = analysisTables(report);
  if (!out) {
    io.stdout(toCsv(tables[0]!));
    io.stderr('(summary.csv only; give --out <dir> for neurons.csv, features.csv and motifs.csv)\n');
    return 0;
  }
  for (const table of tables) io.writeFile(join(out, `${table.name}.csv`), toCsv(table));
  io.stderr(`wrote ${tables.map((t) => join(out, `${t.name}.csv`)).join(', ')}\n`);
  return 0;
}

if (process.argv[1]?.endsWith('analyse.ts')) {
  process.exitCode = run(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    writeFile: (path, text) => {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, text);
    },
  });
}
