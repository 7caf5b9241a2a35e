/** Stops what global-setup started (nothing when E2E_BASE_URL named an outside server). */
export default async function globalTeardown(): Promise<void> {
  await globalThis.__E2E_STACK__?.stop();
}
