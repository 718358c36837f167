import type { ArmErrorBody } from "./armError.js";

/** How an operation ends. */
export type OperationOutcome = "Succeeded" | "Failed" | "Canceled";

/** A long-running operation, in progress until `completesAtMs`. */
export interface Operation {
  id: string;
  subscriptionId: string;
  /** The HTTP method that started it; DELETE results answer 204. */
  method: string;
  startedAtMs: number;
  completesAtMs: number;
  outcome: OperationOutcome;
  /** The error reported when the outcome is not Succeeded. */
  error?: ArmErrorBody;
  /** Status of a `Location` poll reporting a failure. */
  failureStatusCode: number;
  /** Applies the operation's effects to the store when it ends (with its outcome). */
  complete: (outcome: OperationOutcome) => void;
  /** The body a finished `Location` poll answers with (the resource, for a PUT). */
  result?: () => unknown;
  /** The status a finished `Location` poll answers with when there is no `result`. */
  emptyResultStatus: 200 | 204;
  settled: boolean;
}

/** How a poll URL reports its operation. */
export type PollStyle = "azure-async-operation" | "location";

/**
 * The long-running operations and their poll URLs. Operations end lazily: before each request
 * the emulator settles every operation whose time has come, so no timer outlives the server and
 * every answer reflects exactly `latencyInMs` of progress.
 */
export class OperationRegistry {
  #operations = new Map<string, Operation>();
  #pollPaths = new Map<string, { operationId: string; style: PollStyle }>();

  add(operation: Operation): void {
    this.#operations.set(operation.id, operation);
  }

  /** Registers a poll path (without query) that reports the operation. */
  addPollPath(path: string, operationId: string, style: PollStyle): void {
    this.#pollPaths.set(path.toLowerCase(), { operationId, style });
  }

  /** The operation a poll path reports, if the path is one. */
  findByPollPath(path: string): { operation: Operation; style: PollStyle } | undefined {
    const entry = this.#pollPaths.get(path.toLowerCase());
    const operation = entry && this.#operations.get(entry.operationId);
    return entry && operation ? { operation, style: entry.style } : undefined;
  }

  /** Ends, in order of completion time, every operation due at `atMs`. */
  settleDue(atMs: number): void {
    const due = [...this.#operations.values()]
      .filter((op) => !op.settled && op.completesAtMs <= atMs)
      .sort((a, b) => a.completesAtMs - b.completesAtMs);
    for (const op of due) {
      op.settled = true;
      op.complete(op.outcome);
    }
  }
}
