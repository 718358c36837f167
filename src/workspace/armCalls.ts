import type { AbortSignalLike } from "@azure/abort-controller";
import { isArmError } from "../arm/index.js";
import type { ArmClient, FinalStateVia } from "../arm/index.js";
import type { ProgressReporter } from "./progress.js";

/**
 * What every step of a workspace operation needs.
 *
 * @internal
 */
export interface OperationContext {
  client: ArmClient;
  progress: ProgressReporter;
  abortSignal?: AbortSignalLike;
  /** Poll interval of long-running operations when ARM sends no Retry-After. */
  updateIntervalInMs?: number;
}

/** GET a resource; `undefined` when ARM answers 404. @internal */
export async function getIfExists<T>(
  ctx: OperationContext,
  path: string,
  apiVersion: string,
): Promise<T | undefined> {
  try {
    return await get<T>(ctx, path, apiVersion);
  } catch (e) {
    if (isArmError(e, 404)) return undefined;
    throw e;
  }
}

/** @internal */
export async function get<T>(ctx: OperationContext, path: string, apiVersion: string): Promise<T> {
  const response = await ctx.client.sendRequest<T>({
    method: "GET",
    path,
    apiVersion,
    abortSignal: ctx.abortSignal,
  });
  return response.body;
}

/** @internal */
export interface PutOptions {
  finalStateVia?: FinalStateVia;
  headers?: Record<string, string>;
  /**
   * Called once ARM accepted the request (the resource now exists in some state), before the
   * operation finished: the moment it must be recorded for rollback.
   */
  onAccepted?: () => void;
}

/**
 * PUT (or PATCH) a resource and wait for the operation to finish; returns the final resource.
 *
 * @internal
 */
export async function writeAndWait<T>(
  ctx: OperationContext,
  method: "PUT" | "PATCH",
  path: string,
  apiVersion: string,
  body: unknown,
  options: PutOptions = {},
): Promise<T> {
  const poller = ctx.client.beginRequest<T>({
    method,
    path,
    apiVersion,
    body,
    headers: options.headers,
    finalStateVia: options.finalStateVia,
    updateIntervalInMs: ctx.updateIntervalInMs,
    abortSignal: ctx.abortSignal,
  });
  const done = poller.pollUntilDone({ abortSignal: ctx.abortSignal });
  // Observed below; this only keeps an early failure from surfacing as an unhandled rejection.
  done.catch(() => undefined);
  await poller.submitted();
  options.onAccepted?.();
  return await done;
}

/**
 * DELETE a resource and wait until it is gone. A resource that is already gone counts as
 * deleted.
 *
 * @internal
 */
export async function deleteAndWait(
  ctx: Pick<OperationContext, "client" | "updateIntervalInMs" | "abortSignal">,
  path: string,
  apiVersion: string,
  query?: Record<string, string>,
): Promise<void> {
  try {
    const poller = ctx.client.beginRequest<unknown>({
      method: "DELETE",
      path,
      apiVersion,
      query,
      updateIntervalInMs: ctx.updateIntervalInMs,
      abortSignal: ctx.abortSignal,
    });
    await poller.pollUntilDone({ abortSignal: ctx.abortSignal });
  } catch (e) {
    if (!isArmError(e, 404)) throw e;
  }
}
