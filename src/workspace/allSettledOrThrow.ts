/**
 * Waits for every operation (so that all that were accepted are recorded for rollback), then
 * throws the first failure.
 *
 * @internal
 */
export async function allSettledOrThrow(work: Promise<unknown>[]): Promise<void> {
  const results = await Promise.allSettled(work);
  const failure = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
  if (failure) throw failure.reason;
}
