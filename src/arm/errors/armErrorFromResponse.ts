import type { ArmResponse } from "../armRequest.js";
import { redact } from "../redact.js";
import { ArmError, type ArmErrorAdditionalInfo, type ArmErrorDetail } from "./armError.js";

const statusCodes: Record<number, string> = {
  400: "BadRequest",
  401: "Unauthorized",
  403: "Forbidden",
  404: "NotFound",
  405: "MethodNotAllowed",
  408: "RequestTimeout",
  409: "Conflict",
  412: "PreconditionFailed",
  429: "TooManyRequests",
  500: "InternalServerError",
  502: "BadGateway",
  503: "ServiceUnavailable",
  504: "GatewayTimeout",
};

/** ARM's error object, from either `{ error: {...} }` (ErrorResponse, CloudError) or a bare one. */
interface ArmErrorBody {
  code?: unknown;
  message?: unknown;
  target?: unknown;
  details?: unknown;
  additionalInfo?: unknown;
}

/**
 * Builds the error for a non-2xx ARM answer.
 *
 * @internal
 */
export function armErrorFromResponse(
  method: string,
  url: string,
  response: ArmResponse<unknown>,
): ArmError {
  const error = findErrorObject(response.body);
  const code = stringOr(
    error?.code,
    statusCodes[response.status] ?? `HttpStatus${response.status}`,
  );
  const armMessage = stringOr(error?.message, describeBody(response.body));
  return buildArmError({
    summary: `${method} ${url} failed with ${response.status} ${code}: ${armMessage}`,
    hint: hintFor(response.status),
    code,
    error,
    response,
    method,
    url,
    statusCode: response.status,
  });
}

/**
 * Builds the error for a long-running operation that ended `Failed` or `Canceled`, from the
 * last status (or resource) answer.
 *
 * @param statusCode - the HTTP status that reported the outcome, when it was an error status
 * (a `Location` poll answering 4xx); absent when a status or resource answered 200
 * @internal
 */
export function armErrorFromOperation(
  method: string,
  url: string,
  status: "failed" | "canceled",
  lastResponse: ArmResponse<unknown> | undefined,
  statusCode?: number,
): ArmError {
  const error = findErrorObject(lastResponse?.body);
  const state = status === "failed" ? "Failed" : "Canceled";
  const code = stringOr(error?.code, status === "failed" ? "OperationFailed" : "OperationCanceled");
  const armMessage = stringOr(error?.message, `ARM reported no error details`);
  return buildArmError({
    summary: `${method} ${url} ended ${state}: ${code}: ${armMessage}`,
    hint:
      status === "failed"
        ? "Fix the cause ARM names, then retry; quote the ids below in a support request."
        : "Someone or something canceled the operation in Azure; retry it if that was not intended.",
    code,
    error,
    response: lastResponse,
    method,
    url,
    statusCode,
  });
}

function buildArmError(inputs: {
  summary: string;
  hint: string | undefined;
  code: string;
  error: ArmErrorBody | undefined;
  response: ArmResponse<unknown> | undefined;
  method: string;
  url: string;
  statusCode?: number;
}): ArmError {
  const { summary, hint, code, error, response, method, statusCode } = inputs;
  const url = redact(inputs.url);
  const target = typeof error?.target === "string" ? error.target : undefined;
  const details = Array.isArray(error?.details) ? (error.details as ArmErrorDetail[]) : undefined;
  const additionalInfo = Array.isArray(error?.additionalInfo)
    ? (error.additionalInfo as ArmErrorAdditionalInfo[])
    : undefined;

  const lines = [summary.replace(/\s+$/, "")];
  if (target) lines.push(`Target: ${target}.`);
  for (const detail of details ?? []) {
    lines.push(`Detail: ${detail.code ?? "?"}: ${detail.message ?? ""}`.trimEnd());
  }
  if (hint) lines.push(hint);
  lines.push(
    `x-ms-request-id: ${response?.requestId ?? "none"}, ` +
      `x-ms-correlation-request-id: ${response?.correlationRequestId ?? "none"}`,
  );

  return new ArmError({
    code,
    message: lines.join("\n"),
    statusCode,
    target,
    details,
    additionalInfo,
    requestId: response?.requestId,
    correlationRequestId: response?.correlationRequestId,
    method,
    url,
  });
}

function hintFor(status: number): string | undefined {
  if (status === 401)
    return "Check the credential and that it belongs to the subscription's tenant.";
  if (status === 403)
    return "Grant the signed-in identity a role that allows this action on the scope.";
  if (status === 404) return "Check the subscription, resource group and resource names.";
  if (status === 409) return "Another operation may hold the resource; retry once it has finished.";
  if (status === 429)
    return "ARM kept throttling after the retries; wait and retry, or send fewer requests.";
  if (status >= 500)
    return "ARM failed after the retries; retry later and quote the ids below if it persists.";
  return undefined;
}

function findErrorObject(body: unknown): ArmErrorBody | undefined {
  if (typeof body !== "object" || body === null) return undefined;
  const wrapped = (body as { error?: unknown }).error;
  if (typeof wrapped === "object" && wrapped !== null) return wrapped as ArmErrorBody;
  const bare = body as ArmErrorBody;
  return typeof bare.code === "string" ? bare : undefined;
}

function describeBody(body: unknown): string {
  if (body === undefined) return "no response body";
  const text = typeof body === "string" ? body : JSON.stringify(body);
  const flat = text
    .replace(/<[^>]*>/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  return flat.length > 300 ? `${flat.slice(0, 300)}…` : flat || "empty response body";
}

function stringOr(value: unknown, fallback: string): string {
  return typeof value === "string" && value !== "" ? value : fallback;
}
