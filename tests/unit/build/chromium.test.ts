import { afterEach, describe, expect, it } from 'vitest';
import { chromiumExecutable } from '../../../build/chromium';

describe('the Chromium the browser tests launch', () => {
  const saved = process.env['CHROMIUM_PATH'];
  afterEach(() => {
    if (saved === undefined) delete process.env['CHROMIUM_PATH'];
    else process.env['CHROMIUM_PATH'] = saved;
  });

  it('is $CHROMIUM_PATH when that names a file', async () => {
    process.env['CHROMIUM_PATH'] = process.execPath;
    await expect(chromiumExecutable()).resolves.toEqual({ path: process.execPath, source: 'CHROMIUM_PATH', args: [] });
  });

  it('refuses a $CHROMIUM_PATH that names nothing, saying which path', async () => {
    process.env['CHROMIUM_PATH'] = '/nonexistent/chromium';
    await expect(chromiumExecutable()).rejects.toThrow('CHROMIUM_PATH names /nonexistent/chromium, which does not exist');
  });
});
