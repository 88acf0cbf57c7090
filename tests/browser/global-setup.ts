/**
 * Builds the page once and serves dist/ with `vite preview` for every browser test file, and finds
 * the Chromium they launch once, so that parallel test files never inflate the packaged browser
 * twice (the workers inherit CHROMIUM_PATH).
 */
import type { TestProject } from 'vitest/node';
import { chromiumExecutable } from '../../build/chromium';
import { buildAndServe } from '../../build/site';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const browser = await chromiumExecutable();
  process.env['CHROMIUM_PATH'] = browser.path;
  console.log(`browser tests: Chromium from ${browser.source} (${browser.path})`);
  const site = await buildAndServe();
  project.provide('baseUrl', site.baseUrl);
  return () => site.close();
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
