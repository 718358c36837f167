import type { ArmErrorBody } from "./armError.js";
import type { OperationOutcome, OperationRegistry } from "./operations.js";
import type { ResourceStore } from "./store.js";

/** Settings and state shared by every request of one emulator. */
export interface EmulatorState {
  readonly endpoint: string;
  readonly latencyInMs: number;
  readonly retryAfterInSeconds: number;
  readonly store: ResourceStore;
  readonly operations: OperationRegistry;
  /** Subscriptions by lower-case id. */
  readonly subscriptions: Map<string, { subscriptionId: string; tenantId: string }>;
}

/** The outcome a `fail` or `cancel` fault forces on the operation a request starts. */
export interface ForcedOutcome {
  outcome: Exclude<OperationOutcome, "Succeeded">;
  error: ArmErrorBody;
  statusCode: number;
}

/** One request, as handlers see it. */
export interface RequestContext {
  readonly state: EmulatorState;
  readonly method: string;
  /** The decoded path, without the query string. */
  readonly path: string;
  readonly query: URLSearchParams;
  readonly apiVersion: string;
  readonly headers: Readonly<Record<string, string>>;
  /** The parsed JSON body (undefined when empty). */
  readonly body: unknown;
  /** When the request is handled; operations started by it count their latency from here. */
  readonly nowMs: number;
  /** Set by a `fail`/`cancel` fault; taken by the operation the request starts. */
  forcedOutcome?: ForcedOutcome;
}

/** A handler's answer. */
export interface EmulatorResponse {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

/** Path parameters of a matched route, by the names in its pattern. */
export type RouteParams = Readonly<Record<string, string>>;

/** One operation of the emulated REST API. */
export interface Route {
  method: "GET" | "PUT" | "PATCH" | "DELETE" | "POST" | "HEAD";
  /**
   * A path with `{name}` parameters, matched case-insensitively, e.g.
   * "/subscriptions/{subscriptionId}".
   */
  pattern: string;
  /** Whether the operation always runs as a long-running operation (so `fail`/`cancel` apply). */
  longRunning?: boolean;
  handle(ctx: RequestContext, params: RouteParams): EmulatorResponse;
}
