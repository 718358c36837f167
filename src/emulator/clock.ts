/** Epoch milliseconds with sub-millisecond precision, so recorded exchanges order exactly. */
export function nowMs(): number {
  return performance.timeOrigin + performance.now();
}

/** An ISO 8601 timestamp for `systemData` and operation status bodies. */
export function isoTime(epochMs: number): string {
  return new Date(epochMs).toISOString();
}
