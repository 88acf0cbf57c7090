/**
 * Which Chromium the browser tests and the benchmark drive. In order of preference:
 * 1. `$CHROMIUM_PATH`, when set (the browser tests' global setup sets it for its workers);
 * 2. Debian's Chromium at /usr/bin/chromium (`apt-get install chromium`; what `.ci/run` installs);
 * 3. the Chromium inside the `@sparticuz/chromium` npm package, so that `npm ci && npm test` passes on
 *    a machine with only Node and npm, without root. The package carries its binary brotli-compressed
 *    in the package itself (nothing is downloaded); it is inflated once into
 *    node_modules/.cache/sparticuz-chromium-<version>/ and reused.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SYSTEM_CHROMIUM = '/usr/bin/chromium';
const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Where the packaged Chromium is inflated, one folder per package version. */
const PACKAGED_CACHE = join(ROOT, 'node_modules', '.cache');
const PACKAGED_PREFIX = 'sparticuz-chromium-';

/**
 * The packaged Chromium picks no ANGLE back end by itself that WebGL contexts asked for with
 * `failIfMajorPerformanceCaveat` (as TF.js's WebGL backend asks) accept; naming SwiftShader, the
 * software renderer it ships, makes them work as in Debian's Chromium on a machine with no GPU.
 */
const PACKAGED_ARGS = ['--use-angle=swiftshader'] as const;

/** Which Chromium to launch, where it came from (for the log line a test run prints) and the flags this build needs. */
export interface ChromiumExecutable {
  readonly path: string;
  readonly source: 'CHROMIUM_PATH' | 'system' | '@sparticuz/chromium';
  readonly args: readonly string[];
}

/**
 * Finds (and on first use inflates) the Chromium to launch.
 * Throws when `$CHROMIUM_PATH` names a file that does not exist, or when neither Debian's Chromium
 * nor the npm package is installed, with the command that fixes it.
 */
export async function chromiumExecutable(): Promise<ChromiumExecutable> {
  const fromEnvironment = process.env['CHROMIUM_PATH'];
  if (fromEnvironment) {
    if (!existsSync(fromEnvironment)) throw new Error(`CHROMIUM_PATH names ${fromEnvironment}, which does not exist`);
    const isPackaged = fromEnvironment.startsWith(join(PACKAGED_CACHE, PACKAGED_PREFIX));
    return { path: fromEnvironment, source: 'CHROMIUM_PATH', args: isPackaged ? PACKAGED_ARGS : [] };
  }
  if (existsSync(SYSTEM_CHROMIUM)) return { path: SYSTEM_CHROMIUM, source: 'system', args: [] };
  packaged ??= packagedChromium();
  return { path: await packaged, source: '@sparticuz/chromium', args: PACKAGED_ARGS };
}

/** One inflation per process: the package's inflation goes through the process-wide TMPDIR. */
let packaged: Promise<string> | undefined;

/**
 * The npm package's Chromium, inflated into a folder named by the package's version. The package
 * inflates into `os.tmpdir()` (it is built for AWS Lambda, where /tmp is private); pointing TMPDIR at
 * a fresh folder for the call keeps two versions, or two test processes inflating at once, apart:
 * each inflates into its own folder and the first rename wins.
 */
async function packagedChromium(): Promise<string> {
  const packageFolder = join(ROOT, 'node_modules', '@sparticuz', 'chromium');
  const packageJson = join(packageFolder, 'package.json');
  if (!existsSync(packageJson)) {
    throw new Error(
      `No Chromium found: ${SYSTEM_CHROMIUM} is missing and the npm package @sparticuz/chromium is not installed. Run \`npm ci\` (or \`apt-get install chromium\`), or set CHROMIUM_PATH.`,
    );
  }
  const { version } = JSON.parse(await readFile(packageJson, 'utf8')) as { version: string };
  const cache = join(PACKAGED_CACHE, `${PACKAGED_PREFIX}${version}`);
  const binary = join(cache, 'chromium');
  if (existsSync(binary)) return binary;

  const scratch = `${cache}.inflating-${process.pid}`;
  await rm(scratch, { recursive: true, force: true });
  await mkdir(scratch, { recursive: true });
  const previousTmpdir = process.env['TMPDIR'];
  process.env['TMPDIR'] = scratch;
  try {
    const { default: chromium } = (await import('@sparticuz/chromium')) as typeof import('@sparticuz/chromium');
    await chromium.executablePath(join(packageFolder, 'bin'));
  } finally {
    if (previousTmpdir === undefined) delete process.env['TMPDIR'];
    else process.env['TMPDIR'] = previousTmpdir;
  }
  try {
    await rename(scratch, cache);
  } catch (error) {
    // Another process inflated the same version first: use its copy.
    await rm(scratch, { recursive: true, force: true });
    if (!existsSync(binary)) throw error;
  }
  return binary;
}
