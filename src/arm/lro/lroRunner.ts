import type { AbortSignalLike } from "@azure/abort-controller";
import type { OperationResponse, RunningOperation } from "@azure/core-lro";
import type { ArmResponse } from "../armRequest.js";
import type { ArmTransport, SendOptions } from "../armTransport.js";
import { armErrorFromOperation, armErrorFromResponse } from "../errors/armErrorFromResponse.js";
import { logger } from "../logger.js";
import { redact } from "../redact.js";
import { sleep } from "./abort.js";
import { retryAfterInMs } from "./retryAfter.js";

/** Headers whose URLs core-lro may follow, checked before anything is sent to them. */
const pollingHeaders = ["azure-asyncoperation", "operation-location", "location"] as const;

/** @internal */
export interface LroRunnerOptions {
  transport: ArmTransport;
  method: string;
  /** The initial request's URL, already checked against the endpoint. */
  url: string;
  send: SendOptions;
  intervalInMs: number;
  /** Read the result from the initial URL once a `Location` poll reports completion. */
  finalGetOnOriginalUri: boolean;
  /** For a restored operation: whether it is polled through `Location` alone. */
  locationPolling?: boolean;
}

/**
 * The wire side of one long-running operation, as core-lro's `RunningOperation`: it sends the
 * initial request and the polls through the ARM transport, refuses polling URLs on other
 * origins, waits the first `Retry-After` (core-lro waits the later ones) and remembers the last
 * answer, whose ARM error a failed operation reports.
 *
 * @internal
 */
export class LroRunner implements RunningOperation {
  /** The most recent answer, initial or poll. */
  lastResponse: ArmResponse | undefined;
  /** The signal of the poll in progress; core-lro sends the final GET without one. */
  activeSignal: AbortSignalLike | undefined;
  /** The wait before the next poll as core-lro computes it, for the logs. */
  nextWaitInMs: number;
  /** How many polling requests were sent, the final read included. */
  pollCount = 0;
  /** The initial request's method. */
  readonly method: string;
  /** The initial request's URL. */
  readonly url: string;
  /** `METHOD url` of the operation, redacted, for logs. */
  readonly label: string;
  private notBefore = 0;
  private locationPolling: boolean;
  private readonly options: LroRunnerOptions;

  constructor(options: LroRunnerOptions) {
    this.options = options;
    this.method = options.method;
    this.url = options.url;
    this.label = `${options.method} ${redact(options.url)}`;
    this.nextWaitInMs = options.intervalInMs;
    this.locationPolling = options.locationPolling ?? false;
  }

  sendInitialRequest = async (): Promise<OperationResponse<unknown>> => {
    const { transport, method, url, send, intervalInMs } = this.options;
    logger.info(`${this.label}: starting the long-running operation`);
    const response = await transport.send(method, url, send);
    this.lastResponse = response;

    for (const header of pollingHeaders) {
      const value = response.headers[header];
      if (value !== undefined) transport.trustedUrl(value, `the ${header} URL of ${this.label}`);
    }
    // ARM asks clients to wait before the first poll too; core-lro polls at once.
    const firstWaitInMs = retryAfterInMs(response.headers["retry-after"]) ?? intervalInMs;
    this.notBefore = Date.now() + firstWaitInMs;

    this.locationPolling =
      response.headers["location"] !== undefined &&
      response.headers["azure-asyncoperation"] === undefined &&
      response.headers["operation-location"] === undefined;

    const pollingUrl = pollingHeaders.map((header) => response.headers[header]).find(Boolean);
    logger.info(
      `${this.label}: answered ${response.status}` +
        (pollingUrl ? `, polling ${redact(pollingUrl)} in ${firstWaitInMs} ms` : ""),
    );
    return toOperationResponse(method, url, response);
  };

  sendPollRequest = async (
    path: string,
    pollOptions?: { abortSignal?: AbortSignalLike },
  ): Promise<OperationResponse<unknown>> => {
    const { transport, send } = this.options;
    const abortSignal = pollOptions?.abortSignal ?? this.activeSignal ?? send.abortSignal;
    const url = transport.trustedUrl(path, `the polling URL of ${this.label}`);

    const waitInMs = this.notBefore - Date.now();
    this.notBefore = 0;
    if (waitInMs > 0) await sleep(waitInMs, abortSignal);

    const response = this.locationPolling
      ? await this.sendLocationPoll(url, abortSignal)
      : await transport.send("GET", url, { abortSignal });
    this.lastResponse = response;
    this.pollCount += 1;
    const retryAfter = retryAfterInMs(response.headers["retry-after"]);
    if (retryAfter !== undefined) this.nextWaitInMs = retryAfter;

    // core-lro takes a finished Location poll's answer as the result. ARM's rule for PUT and
    // PATCH is to read the resource itself, so that read is done here, in the same poll.
    if (this.locationPolling && response.status !== 202 && this.options.finalGetOnOriginalUri) {
      if (url !== this.url) {
        const resource = await transport.send("GET", this.url, { abortSignal });
        this.lastResponse = resource;
        return toOperationResponse("GET", this.url, resource);
      }
    }
    return toOperationResponse("GET", url, response);
  };

  /**
   * A `Location` poll reports the outcome with its status: 202 running, other 2xx done, and a
   * 4xx with ARM's error when the operation failed. That failure is the operation's and is
   * reported as such (method and URL of the initial request), not as a failed GET of an opaque
   * status URL. Answers that say nothing about the operation (credential refused, unknown or
   * expired URL, throttling, server errors after the retries) stay errors of the poll.
   */
  private async sendLocationPoll(
    url: string,
    abortSignal: AbortSignalLike | undefined,
  ): Promise<ArmResponse> {
    const response = await this.options.transport.sendForAnyStatus("GET", url, { abortSignal });
    if (response.status >= 200 && response.status <= 299) return response;
    this.lastResponse = response;
    this.pollCount += 1;
    if (!reportsOperationOutcome(response.status)) {
      throw armErrorFromResponse("GET", url, response);
    }
    const outcome = isCanceledCode(response) ? "canceled" : "failed";
    throw armErrorFromOperation(this.method, this.url, outcome, response, response.status);
  }
}

function reportsOperationOutcome(status: number): boolean {
  return status >= 400 && status < 500 && ![401, 403, 404, 408, 429].includes(status);
}

/** ARM's Location answers carry no status field: a canceled operation shows in the code. */
function isCanceledCode(response: ArmResponse): boolean {
  const code = (response.body as { error?: { code?: unknown } } | undefined)?.error?.code;
  return typeof code === "string" && /^(Operation)?Cancell?ed$/i.test(code);
}

/**
 * The status an answer reports, for the logs: `status` of an operation status body, else the
 * resource's `provisioningState`, else the HTTP status.
 *
 * @internal
 */
export function describeStatus(response: ArmResponse | undefined): string {
  const body = (response?.body ?? {}) as {
    status?: unknown;
    provisioningState?: unknown;
    properties?: { provisioningState?: unknown };
  };
  const status = body.status ?? body.properties?.provisioningState ?? body.provisioningState;
  return typeof status === "string" ? status : `HTTP ${response?.status ?? "?"}`;
}

// TODO: core-lro's verbose log prints the operation's polling URLs as they are (its logger
// cannot be given a redactor); ARM polling URLs carry no signatures today, but a signed one
// would appear at verbose level under azure:core-lro.
function toOperationResponse(
  method: string,
  url: string,
  response: ArmResponse,
): OperationResponse<unknown> {
  return {
    flatResponse: response.body,
    rawResponse: {
      statusCode: response.status,
      headers: response.headers,
      body: response.body,
      request: { method, url },
    },
  };
}
