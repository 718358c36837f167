import { vi } from "vitest";

/**
 * Freezes the clock the emulator measures operation latency with (`performance.now`), so an
 * operation stays in progress until the test moves time on: in-progress states can be observed
 * without racing a timer. Timers, `Date` and the sockets keep running for real.
 */
export function freezeClock() {
  vi.useFakeTimers({ toFake: ["performance"] });
  return {
    /** Moves the emulator's clock forward. */
    advance: (ms: number) => vi.advanceTimersByTime(ms),
    /** Gives the real clock back. */
    restore: () => vi.useRealTimers(),
  };
}
