import { AbortError, type AbortSignalLike } from "@azure/abort-controller";

/** @internal */
export interface CombinedSignal {
  signal: AbortSignalLike | undefined;
  /** Stops listening to the inputs; call when the work the signal guarded is over. */
  dispose(): void;
}

/**
 * One signal that aborts when any of the inputs does.
 *
 * @internal
 */
export function combineSignals(...inputs: (AbortSignalLike | undefined)[]): CombinedSignal {
  const signals = inputs.filter((signal): signal is AbortSignalLike => signal !== undefined);
  if (signals.length <= 1) return { signal: signals[0], dispose: () => undefined };

  const controller = new AbortController();
  const abort = (): void => controller.abort();
  for (const signal of signals) {
    if (signal.aborted) controller.abort();
    else signal.addEventListener("abort", abort);
  }
  return {
    signal: controller.signal,
    dispose: () => signals.forEach((signal) => signal.removeEventListener("abort", abort)),
  };
}

/**
 * Waits `delayInMs`, or rejects with an `AbortError` as soon as the signal aborts.
 *
 * @internal
 */
export function sleep(delayInMs: number, abortSignal?: AbortSignalLike): Promise<void> {
  return new Promise((resolve, reject) => {
    if (abortSignal?.aborted) {
      reject(new AbortError("The operation was aborted."));
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(new AbortError("The operation was aborted."));
    };
    const timer = setTimeout(() => {
      abortSignal?.removeEventListener("abort", onAbort);
      resolve();
    }, delayInMs);
    abortSignal?.addEventListener("abort", onAbort, { once: true });
  });
}
