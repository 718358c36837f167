import {
  createHttpPoller,
  type OperationState,
  type ResourceLocationConfig,
} from "@azure/core-lro";
import type { ArmLongRunningRequest, ArmPoller, FinalStateVia } from "../armRequest.js";
import type { ArmTransport } from "../armTransport.js";
import type { ArmError } from "../errors/armError.js";
import { armErrorFromOperation } from "../errors/armErrorFromResponse.js";
import { logger } from "../logger.js";
import { combineSignals } from "./abort.js";
import { describeStatus, LroRunner } from "./lroRunner.js";
import { readRestoredConfig } from "./restoredState.js";

/** @internal */
export interface ArmPollerOptions {
  transport: ArmTransport;
  request: ArmLongRunningRequest;
  /** The initial URL, checked; ignored when restoring. */
  url: string;
  intervalInMs: number;
}

/**
 * Starts (or resumes) a long-running operation and returns its poller: core-lro's HTTP poller
 * over an {@link LroRunner}, wrapped so that `Failed` and `Canceled` reject with an `ArmError`
 * carrying ARM's error, the abort signal reaches every request, and each poll is logged.
 *
 * @internal
 */
export function createArmPoller<T>(options: ArmPollerOptions): ArmPoller<T> {
  const { transport, request, intervalInMs } = options;
  const restored = request.restoreFrom
    ? readRestoredConfig(request.restoreFrom, transport)
    : undefined;
  const method = (restored?.requestMethod ?? request.method).toUpperCase();
  const resourceLocationConfig = resourceLocationConfigFor(method, request.finalStateVia);
  const runner = new LroRunner({
    transport,
    method,
    url: restored?.initialRequestUrl ?? options.url,
    send: { body: request.body, headers: request.headers, abortSignal: request.abortSignal },
    intervalInMs,
    finalGetOnOriginalUri: resourceLocationConfig === "original-uri",
    locationPolling: restored?.metadata?.["mode"] === "ResourceLocation",
  });
  const startedAt = Date.now();
  let failure: ArmError | undefined;
  let completionLogged = false;

  const failureOf = (status: "failed" | "canceled"): ArmError =>
    (failure ??= armErrorFromOperation(runner.method, runner.url, status, runner.lastResponse));

  const inner = createHttpPoller<T, OperationState<T>>(runner, {
    intervalInMs,
    restoreFrom: request.restoreFrom,
    resourceLocationConfig,
    // core-lro reads a PUT's resource after success whatever the final-state-via; with
    // azure-async-operation the result is the operation status, and that read would be wasted.
    skipFinalGet: request.finalStateVia === "azure-async-operation",
    // The outcome is judged below, so that a failure carries ARM's error instead of a summary.
    resolveOnUnsuccessful: true,
    updateState: (state) => {
      if (state.status === "failed" || state.status === "canceled") {
        state.error = failureOf(state.status);
      } else if (state.status === "running") {
        logger.info(
          `${runner.label}: ${describeStatus(runner.lastResponse)} after poll ${runner.pollCount}, ` +
            `next poll in ${runner.nextWaitInMs} ms`,
        );
      }
    },
  });
  // core-lro sends the initial request at once; its failure is reported to whoever awaits the
  // poller, so it must not also surface as an unhandled rejection.
  inner.submitted().catch(() => undefined);

  const settle = (state: OperationState<T> | undefined): void => {
    if (state === undefined || !["succeeded", "failed", "canceled"].includes(state.status)) return;
    if (!completionLogged) {
      completionLogged = true;
      logger.info(
        `${runner.label}: ${state.status} in ${Date.now() - startedAt} ms, ` +
          `${runner.pollCount} polling request(s)`,
      );
    }
    if (state.status === "failed" || state.status === "canceled") {
      state.error = failureOf(state.status);
      throw state.error;
    }
  };

  const poller: ArmPoller<T> = {
    get isDone() {
      return inner.isDone;
    },
    get operationState() {
      return inner.operationState;
    },
    get result() {
      return inner.result;
    },
    onProgress: (callback) => inner.onProgress(callback),
    serialize: () => inner.serialize(),
    submitted: () => inner.submitted(),
    async poll(pollOptions) {
      const combined = combineSignals(request.abortSignal, pollOptions?.abortSignal);
      runner.activeSignal = combined.signal;
      try {
        const state = await inner.poll({ abortSignal: combined.signal });
        settle(state);
        return state;
      } finally {
        combined.dispose();
        runner.activeSignal = undefined;
      }
    },
    async pollUntilDone(pollOptions) {
      const combined = combineSignals(request.abortSignal, pollOptions?.abortSignal);
      runner.activeSignal = combined.signal;
      try {
        await inner.pollUntilDone({ abortSignal: combined.signal });
      } finally {
        combined.dispose();
        runner.activeSignal = undefined;
      }
      settle(inner.operationState);
      return inner.result as T;
    },
    then(onfulfilled, onrejected) {
      return poller.pollUntilDone().then(onfulfilled, onrejected);
    },
    catch(onrejected) {
      return poller.pollUntilDone().catch(onrejected);
    },
    finally(onfinally) {
      return poller.pollUntilDone().finally(onfinally);
    },
    [Symbol.toStringTag]: "Poller",
  };
  return poller;
}

/**
 * Where the result is read after success, per ARM's rules: PUT and PATCH from the resource,
 * POST from `Location`, DELETE nowhere (core-lro's own default for PATCH would follow
 * `Location`).
 */
function resourceLocationConfigFor(
  method: string,
  finalStateVia: FinalStateVia | undefined,
): ResourceLocationConfig | undefined {
  if (finalStateVia !== undefined) return finalStateVia;
  if (method === "PATCH" || method === "PUT") return "original-uri";
  if (method === "POST") return "location";
  return undefined;
}
