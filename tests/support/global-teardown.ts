// Stops what global-setup.ts started (the embedded PostgreSQL goes with its databases).
export default async function globalTeardown(): Promise<void> {
  for (const stop of (globalThis.parleyTestStops ?? []).reverse()) {
    await stop().catch((error: unknown) => console.error(error));
  }
}
