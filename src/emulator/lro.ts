import { isoTime } from "./clock.js";
import type { EmulatorResponse, RequestContext } from "./context.js";
import { newGuid } from "./guid.js";
import type { Operation, OperationOutcome, PollStyle } from "./operations.js";

/** Poll paths (without query) of one operation; either may be absent. */
export interface PollPaths {
  asyncOperation?: string;
  location?: string;
}

/** What {@link beginOperation} needs to know about the operation it starts. */
export interface BeginOperationOptions {
  /** The poll paths for a new operation id, or none for an operation polled on the resource. */
  pollPaths?: (operationId: string) => PollPaths;
  /** Applies the operation's effects when it ends, looking resources up by id. */
  complete: (outcome: OperationOutcome) => void;
  /** The body of a finished `Location` poll. */
  result?: () => unknown;
  /**
   * The status of a finished `Location` poll without `result`: 204, or 200 for an operation
   * that declares no 204 (a resource group's deletion).
   * @defaultValue 204
   */
  emptyResultStatus?: 200 | 204;
}

/**
 * Starts a long-running operation that ends `latencyInMs` after this request, and returns the
 * headers the initial answer carries (`Azure-AsyncOperation`, `Location`, `Retry-After`).
 */
export function beginOperation(
  ctx: RequestContext,
  options: BeginOperationOptions,
): { operation: Operation; headers: Record<string, string> } {
  const { state } = ctx;
  const forced = ctx.forcedOutcome;
  ctx.forcedOutcome = undefined;

  const subscriptionId = ctx.path.split("/")[2] ?? "";
  const operation: Operation = {
    id: newGuid(),
    subscriptionId,
    method: ctx.method,
    startedAtMs: ctx.nowMs,
    completesAtMs: ctx.nowMs + state.latencyInMs,
    outcome: forced?.outcome ?? "Succeeded",
    error: forced?.error,
    failureStatusCode: forced?.statusCode ?? 400,
    complete: options.complete,
    result: options.result,
    emptyResultStatus: options.emptyResultStatus ?? 204,
    settled: false,
  };
  state.operations.add(operation);

  const headers: Record<string, string> = { ...retryAfter(ctx) };
  const paths = options.pollPaths?.(operation.id) ?? {};
  const register = (path: string | undefined, style: PollStyle, header: string): void => {
    if (!path) return;
    state.operations.addPollPath(path, operation.id, style);
    headers[header] = `${state.endpoint}${path}?api-version=${encodeURIComponent(ctx.apiVersion)}`;
  };
  register(paths.asyncOperation, "azure-async-operation", "Azure-AsyncOperation");
  register(paths.location, "location", "Location");
  return { operation, headers };
}

/** `Retry-After` when the emulator is configured to send it. */
export function retryAfter(ctx: RequestContext): Record<string, string> {
  const seconds = ctx.state.retryAfterInSeconds;
  return seconds > 0 ? { "Retry-After": String(seconds) } : {};
}

/** Answers a GET on an operation's poll URL. */
export function answerPoll(
  ctx: RequestContext,
  operation: Operation,
  style: PollStyle,
): EmulatorResponse {
  const done = operation.settled;
  if (style === "azure-async-operation") {
    const body: Record<string, unknown> = {
      id: ctx.path,
      name: operation.id,
      status: done ? operation.outcome : "InProgress",
      startTime: isoTime(operation.startedAtMs),
    };
    if (done) body.endTime = isoTime(operation.completesAtMs);
    if (done && operation.outcome !== "Succeeded") body.error = operation.error;
    return { status: 200, headers: done ? {} : retryAfter(ctx), body };
  }

  if (!done) {
    const location = `${ctx.state.endpoint}${ctx.path}?${ctx.query.toString()}`;
    return { status: 202, headers: { Location: location, ...retryAfter(ctx) } };
  }
  if (operation.outcome !== "Succeeded") {
    return { status: operation.failureStatusCode, body: { error: operation.error } };
  }
  return operation.result
    ? { status: 200, body: operation.result() }
    : { status: operation.emptyResultStatus };
}

/** Poll paths of the Network resource provider (status and result under the location). */
export function networkPollPaths(subscriptionId: string, location: string) {
  return (id: string): PollPaths => ({
    asyncOperation: `/subscriptions/${subscriptionId}/providers/Microsoft.Network/locations/${location}/operations/${id}`,
  });
}

/** Network deletes answer with both headers; the final state comes from `Location`. */
export function networkDeletePollPaths(subscriptionId: string, location: string) {
  return (id: string): PollPaths => ({
    asyncOperation: `/subscriptions/${subscriptionId}/providers/Microsoft.Network/locations/${location}/operations/${id}`,
    location: `/subscriptions/${subscriptionId}/providers/Microsoft.Network/locations/${location}/operationResults/${id}`,
  });
}

/** Poll paths of private DNS zones and links (both headers, scoped to the resource group). */
export function privateDnsPollPaths(subscriptionId: string, resourceGroup: string) {
  const base = `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/Microsoft.Network`;
  return (id: string): PollPaths => ({
    asyncOperation: `${base}/privateDnsOperationStatuses/${id}`,
    location: `${base}/privateDnsOperationResults/${id}`,
  });
}

/** A `Location`-only poll path under a provider's location, as Machine Learning and Storage use. */
export function locationPollPath(
  subscriptionId: string,
  namespace: string,
  location: string,
  collection: string,
) {
  return (id: string): PollPaths => ({
    location: `/subscriptions/${subscriptionId}/providers/${namespace}/locations/${location}/${collection}/${id}`,
  });
}
