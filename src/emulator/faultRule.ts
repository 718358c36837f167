/** What a fault rule matches: a method and a request path. */
export interface FaultMatch {
  /**
   * HTTP methods the rule applies to, compared case-insensitively.
   * @defaultValue every method
   */
  method?: string | readonly string[];
  /**
   * The request path (without the query string) the rule applies to: a string matches when the
   * path contains it, compared case-insensitively; a RegExp is tested against the path.
   */
  path: string | RegExp;
  /**
   * How many matching requests the rule applies to before it is removed.
   * @defaultValue unlimited (until `clearFaults()`)
   */
  times?: number;
}

/** Answer 429 `TooManyRequests` with a `Retry-After` header, as ARM throttling does. */
export interface ThrottleFault extends FaultMatch {
  kind: "throttle";
  /**
   * The `Retry-After` value, in seconds.
   * @defaultValue 1
   */
  retryAfterInSeconds?: number;
}

/** Answer a retryable server error (`InternalServerError` or `ServiceUnavailable`). */
export interface TransientFault extends FaultMatch {
  kind: "transient";
  /**
   * The status code to answer with.
   * @defaultValue 503
   */
  statusCode?: 500 | 502 | 503 | 504;
}

/** Destroy the connection without answering, as a network failure would. */
export interface DropFault extends FaultMatch {
  kind: "drop";
}

/**
 * Accept the operation as usual, then end it `Failed` with the given error once its latency
 * has passed. Applies to PUT, PATCH, DELETE and POST only; when the matched operation completes
 * synchronously, the error is answered at once and nothing changes.
 */
export interface FailFault extends FaultMatch {
  kind: "fail";
  /**
   * The ARM error the operation ends with.
   * @defaultValue `{ code: "InternalOperationError", message: "The operation failed." }`
   */
  error?: { code: string; message: string };
  /**
   * The status of a `Location` poll (or of a synchronous answer) that reports the failure.
   * @defaultValue 400
   */
  statusCode?: number;
}

/**
 * Accept the operation as usual, then end it `Canceled`. Applies to PUT, PATCH, DELETE and POST
 * only; when the matched operation completes synchronously, 409 `OperationCanceled` is answered.
 */
export interface CancelFault extends FaultMatch {
  kind: "cancel";
}

/** Answer at once with the given status and ARM error, without touching any resource. */
export interface ErrorFault extends FaultMatch {
  kind: "error";
  /** The HTTP status code, e.g. 409. */
  statusCode: number;
  /** The ARM `error.code`, e.g. "Conflict". */
  code: string;
  /**
   * The ARM `error.message`.
   * @defaultValue "Injected error."
   */
  message?: string;
  /** Extra response headers. */
  headers?: Readonly<Record<string, string>>;
}

/**
 * A fault the emulator injects into matching requests, for testing retries, rollbacks and
 * error handling. Rules are checked in the order they were added; the first match applies.
 */
export type FaultRule =
  ThrottleFault | TransientFault | DropFault | FailFault | CancelFault | ErrorFault;
