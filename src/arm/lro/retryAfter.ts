/**
 * Reads `Retry-After` (seconds or an HTTP date) as milliseconds; `undefined` when absent,
 * unreadable or zero, as core-lro treats it.
 *
 * @internal
 */
export function retryAfterInMs(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === "") return undefined;
  const seconds = Number(value);
  const delay = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(value) - Date.now();
  return Number.isFinite(delay) && delay > 0 ? delay : undefined;
}
