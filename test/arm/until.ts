import { vi } from "vitest";

/**
 * Waits, turn by turn of the event loop, until `condition` holds. Unlike `vi.waitFor` it does
 * not move fake timers forward, so a test can measure waits exactly.
 */
export async function until(condition: () => boolean, maxTurns = 10_000): Promise<void> {
  for (let turn = 0; turn < maxTurns; turn++) {
    if (condition()) return;
    await new Promise((resolve) => setImmediate(resolve));
  }
  throw new Error("The condition did not hold in time");
}

/** Waits until the code under test has scheduled a (fake) timer. */
export async function untilTimerScheduled(): Promise<void> {
  await until(() => vi.getTimerCount() > 0);
}
