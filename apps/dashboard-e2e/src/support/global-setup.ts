import { startStack, type Stack } from './stack';

declare global {
  var __E2E_STACK__: Stack | undefined;
}

/**
 * One stack for every browser test file: the fresh database, the API and the worker start once
 * (about 30 s) and each spec reaches them through E2E_BASE_URL.
 */
export default async function globalSetup(): Promise<void> {
  const stack = await startStack();
  globalThis.__E2E_STACK__ = stack;
  process.env['E2E_BASE_URL'] = stack.baseUrl;
}
