import { AzureMLWorkspaceError } from "./azureMLWorkspaceError.js";

/**
 * One entry of ARM's `error.details`: the same shape as the error itself, recursively.
 *
 * @public
 */
export interface ArmErrorDetail {
  code?: string;
  message?: string;
  target?: string;
  details?: ArmErrorDetail[];
  additionalInfo?: ArmErrorAdditionalInfo[];
}

/**
 * One entry of ARM's `error.additionalInfo`, e.g. a policy violation.
 *
 * @public
 */
export interface ArmErrorAdditionalInfo {
  type?: string;
  info?: unknown;
}

/**
 * What an {@link ArmError} is made of.
 *
 * @public
 */
export interface ArmErrorInit {
  /** ARM's `error.code`, or a code that names the HTTP status when ARM sent none. */
  code: string;
  /** The complete message (already including method, URL, status and request ids). */
  message: string;
  statusCode?: number;
  target?: string;
  details?: ArmErrorDetail[];
  additionalInfo?: ArmErrorAdditionalInfo[];
  requestId?: string;
  correlationRequestId?: string;
  method?: string;
  url?: string;
}

/**
 * ARM refused a request (any non-2xx answer) or a long-running operation ended `Failed` or
 * `Canceled`. Carries ARM's error object and the request ids; the message alone holds what a
 * support request needs.
 *
 * @public
 */
export class ArmError extends AzureMLWorkspaceError {
  /**
   * The HTTP status; for a long-running operation that ended Failed or Canceled, the status of
   * the `Location` poll that reported it, absent when a status poll answered 200. Absent too when
   * no answer arrived at all.
   */
  declare readonly statusCode?: number;
  /** ARM's `error.target`: the property or resource the error is about. */
  declare readonly target?: string;
  /** ARM's `error.details`. */
  declare readonly details?: ArmErrorDetail[];
  /** ARM's `error.additionalInfo`. */
  declare readonly additionalInfo?: ArmErrorAdditionalInfo[];
  /** The `x-ms-request-id` of the answer. */
  declare readonly requestId?: string;
  /** The `x-ms-correlation-request-id` of the answer. */
  declare readonly correlationRequestId?: string;
  /** The HTTP method of the request that failed. */
  declare readonly method?: string;
  /** The URL of the request that failed, with secret query values redacted. */
  declare readonly url?: string;

  constructor(init: ArmErrorInit) {
    super(init.code, init.message);
    this.name = "ArmError";
    // Only defined fields become properties, so inspect() and JSON stay short.
    const optional = {
      statusCode: init.statusCode,
      target: init.target,
      details: init.details,
      additionalInfo: init.additionalInfo,
      requestId: init.requestId,
      correlationRequestId: init.correlationRequestId,
      method: init.method,
      url: init.url,
    };
    for (const [key, value] of Object.entries(optional)) {
      if (value !== undefined) Object.defineProperty(this, key, { value, enumerable: true });
    }
  }
}

/**
 * Whether `error` is an {@link ArmError}, optionally with the given HTTP status, e.g.
 * `isArmError(e, 404)` to treat a missing resource as absent.
 *
 * @public
 */
export function isArmError(error: unknown, statusCode?: number): error is ArmError {
  if (typeof error !== "object" || error === null) return false;
  const candidate = error as { name?: unknown; statusCode?: unknown };
  if (candidate.name !== "ArmError") return false;
  return statusCode === undefined || candidate.statusCode === statusCode;
}
