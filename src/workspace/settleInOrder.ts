/**
 * Waits for every one of several independent calls, so that none fails unobserved and every
 * write that was accepted is known (for rollback) before anything is reported; then throws the
 * failure of the first call in the order given, or returns their values. The order, not the
 * timing, decides which failure is reported, so the same situation gives the same error.
 *
 * @internal
 */
export async function settleInOrder<T extends readonly unknown[] | []>(
  calls: T,
): Promise<{ -readonly [K in keyof T]: Awaited<T[K]> }> {
  const results = await Promise.allSettled<readonly unknown[]>(calls);
  const failure = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
  if (failure) throw failure.reason;
  return Promise.all(calls);
}
