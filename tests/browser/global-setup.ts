/**
 * Builds the page once and serves dist/ with `vite preview` for every browser test file.
 */
import type { TestProject } from 'vitest/node';
import { buildAndServe } from '../../build/site';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const site = await buildAndServe();
  project.provide('baseUrl', site.baseUrl);
  return () => site.close();
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
