import type { AbortSignalLike } from "@azure/abort-controller";
import type { OperationState, PollerLike } from "@azure/core-lro";

/**
 * An HTTP method ARM accepts.
 *
 * @public
 */
export type ArmMethod = "GET" | "PUT" | "PATCH" | "DELETE" | "POST" | "HEAD";

/**
 * One ARM request. Give either `path` (relative to the endpoint) or `url` (absolute, on the
 * endpoint's origin, e.g. a `nextLink`).
 *
 * @public
 */
export interface ArmRequest {
  method: ArmMethod;
  /** A path such as `"/subscriptions/…/resourceGroups/…"`, appended to the endpoint. */
  path?: string;
  /** An absolute URL on the ARM endpoint; any other origin is refused. */
  url?: string;
  /** Sent as the `api-version` query parameter. */
  apiVersion?: string;
  /** More query parameters. */
  query?: Record<string, string>;
  /** A JSON body. */
  body?: unknown;
  /** More request headers. */
  headers?: Record<string, string>;
  /** Cancels the request, including retries and any wait in between. */
  abortSignal?: AbortSignalLike;
}

/**
 * A successful (2xx) ARM answer.
 *
 * @public
 */
export interface ArmResponse<T = unknown> {
  status: number;
  /** Response headers, names in lower case. */
  headers: Record<string, string>;
  /** The parsed JSON body; the text when the body is not JSON; `undefined` when empty. */
  body: T;
  /** `x-ms-request-id`. */
  requestId?: string;
  /** `x-ms-correlation-request-id`. */
  correlationRequestId?: string;
}

/**
 * Where the result of a long-running operation is read once it succeeded.
 *
 * @public
 */
export type FinalStateVia = "azure-async-operation" | "location" | "original-uri";

/**
 * A request that starts a long-running operation.
 *
 * @public
 */
export interface ArmLongRunningRequest extends ArmRequest {
  /**
   * Where the result is read after success.
   *
   * @defaultValue PUT and PATCH: `"original-uri"`; POST: `"location"`; DELETE: no final read
   */
  finalStateVia?: FinalStateVia;
  /**
   * Wait between polls when ARM sends no `Retry-After`.
   *
   * @defaultValue the client's `updateIntervalInMs`
   */
  updateIntervalInMs?: number;
  /**
   * A state from `poller.serialize()`: resume that operation instead of sending the request.
   * `method` is still required; `path`, `url` and `body` are ignored.
   */
  restoreFrom?: string;
}

/**
 * A core-lro poller over an ARM long-running operation: await it for the result, or use
 * `onProgress`, `poll`, `serialize` and `pollUntilDone({ abortSignal })`. It rejects with an
 * `ArmError` when the operation ends `Failed` or `Canceled`.
 *
 * @public
 */
export type ArmPoller<T> = PollerLike<OperationState<T>, T>;
