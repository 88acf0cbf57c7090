/**
 * Small helpers shared by the Node command-line tools: flag parsing and a progress bar on stderr.
 */
import { isBackendName, type BackendName } from '../src/training/backend';

export type Flags = Record<string, string>;

/** `--name value` and `--name=value` pairs; a bare `--name` reads as "true". */
export function parseFlags(argv: readonly string[]): Flags {
  const flags: Flags = {};
  for (let k = 0; k < argv.length; k++) {
    const arg = argv[k]!;
    if (!arg.startsWith('--')) throw new Error(`unexpected argument "${arg}"`);
    const [name, inline] = arg.slice(2).split('=', 2) as [string, string | undefined];
    if (inline !== undefined) flags[name] = inline;
    else if (argv[k + 1] !== undefined && !argv[k + 1]!.startsWith('--')) flags[name] = argv[++k]!;
    else flags[name] = 'true';
  }
  return flags;
}

export function numberFlag(flags: Flags, name: string): number | undefined {
  if (flags[name] === undefined) return undefined;
  const value = Number(flags[name]);
  if (!Number.isFinite(value)) throw new Error(`--${name} must be a number, got "${flags[name]}"`);
  return value;
}

export function backendFlag(flags: Flags): BackendName | undefined {
  const value = flags['backend'];
  if (value === undefined) return undefined;
  if (!isBackendName(value)) throw new Error(`--backend must be one of webgl, webgpu, wasm, cpu; got "${value}"`);
  return value;
}

export function progressBar(step: number, total: number, detail: string): string {
  const width = 30;
  const filled = Math.round((width * step) / total);
  return `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${step}/${total} ${detail}`;
}
