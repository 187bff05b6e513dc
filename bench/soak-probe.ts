/**
 * Loaded into the soak's server (`node --expose-gc --import ./bench/soak-probe.ts`): on SIGUSR2 it runs a
 * full garbage collection and writes one JSON line of `process.memoryUsage()` to stderr, so the soak can
 * tell live heap (what the store keeps) from heap the collector has not reclaimed yet.
 */

const gc = (globalThis as { gc?: () => void }).gc;
process.on("SIGUSR2", () => {
  gc?.();
  process.stderr.write(`soak-probe ${JSON.stringify({ collected: gc !== undefined, ...process.memoryUsage() })}\n`);
});
