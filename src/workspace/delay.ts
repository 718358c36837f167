import type { AbortSignalLike } from "@azure/abort-controller";
import { AbortError } from "@azure/abort-controller";

/**
 * Waits `ms` milliseconds, or rejects with an `AbortError` as soon as `abortSignal` fires.
 *
 * @internal
 */
export function delay(ms: number, abortSignal?: AbortSignalLike): Promise<void> {
  if (abortSignal?.aborted) return Promise.reject(new AbortError("The operation was aborted."));
  return new Promise((resolve, reject) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(new AbortError("The operation was aborted."));
    };
    const timer = setTimeout(() => {
      abortSignal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    abortSignal?.addEventListener("abort", onAbort);
  });
}

/** @internal */
export function throwIfAborted(abortSignal?: AbortSignalLike): void {
  if (abortSignal?.aborted) throw new AbortError("The operation was aborted.");
}
