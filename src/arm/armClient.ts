import type { TokenCredential } from "@azure/core-auth";
import type { ArmClientOptions } from "./armClientOptions.js";
import type { ArmLongRunningRequest, ArmPoller, ArmRequest, ArmResponse } from "./armRequest.js";
import { ArmTransport } from "./armTransport.js";
import { resolveCloud, tokenScopeOf, type CloudDefinition } from "./clouds.js";
import { LazyDefaultAzureCredential } from "./credential.js";
import { normalizeEndpoint } from "./endpoint.js";
import { ValidationError } from "./errors/validationError.js";
import { logger } from "./logger.js";
import { createArmPoller } from "./lro/armPoller.js";
import { redact } from "./redact.js";

const DEFAULT_UPDATE_INTERVAL_IN_MS = 2000;
const methods = new Set(["GET", "PUT", "PATCH", "DELETE", "POST", "HEAD"]);

/**
 * Sends requests to Azure Resource Manager and drives its long-running operations, through one
 * core-rest-pipeline pipeline: bearer token for the cloud's scope, retries of 429 and 5xx
 * honouring `Retry-After`, `x-ms-client-request-id`, typed errors.
 *
 * The token only ever goes to the endpoint's origin: URLs on other hosts (polling URLs,
 * `nextLink`s) are refused with `UntrustedHostError` before anything is sent.
 *
 * @example
 * ```ts
 * const arm = new ArmClient(new AzureCliCredential());
 * const { body } = await arm.sendRequest({ method: "GET", path: workspaceId, apiVersion: "2024-10-01" });
 * const created = await arm.beginRequest({ method: "PUT", path: zoneId, apiVersion: "2020-06-01",
 *   body: { location: "global" } });
 * ```
 *
 * @public
 */
export class ArmClient {
  /** The cloud requests are authorised for. */
  readonly cloud: CloudDefinition;
  /** The ARM base URL, without a trailing slash. */
  readonly endpoint: string;
  readonly #transport: ArmTransport;
  readonly #updateIntervalInMs: number;

  /**
   * @param credential - any `TokenCredential`; without one, `DefaultAzureCredential` from
   * `@azure/identity` is loaded at the first request
   * @param options - cloud, endpoint, retries, user agent, loopback http, poll interval
   * @throws {@link ValidationError} for an invalid cloud, endpoint, credential or interval
   */
  constructor(credential?: TokenCredential, options: ArmClientOptions = {}) {
    if (credential !== undefined && typeof credential?.getToken !== "function") {
      throw new ValidationError(
        "InvalidCredential",
        "The credential must be a TokenCredential (an object with getToken), e.g. new DefaultAzureCredential().",
        "credential",
      );
    }
    this.cloud = resolveCloud(options.cloud);
    this.endpoint = normalizeEndpoint(
      options.endpoint ?? this.cloud.resourceManagerEndpoint,
      options.allowInsecureLoopback ?? false,
    );
    this.#updateIntervalInMs = checkInterval(
      options.updateIntervalInMs ?? DEFAULT_UPDATE_INTERVAL_IN_MS,
      "updateIntervalInMs",
    );
    this.#transport = new ArmTransport({
      endpoint: this.endpoint,
      credential: credential ?? new LazyDefaultAzureCredential(),
      tokenScope: tokenScopeOf(this.cloud),
      retryOptions: options.retryOptions,
      userAgentPrefix: options.userAgentPrefix,
    });
  }

  /**
   * Sends one request and returns the answer.
   *
   * @throws {@link ArmError} for any non-2xx answer (after retries);
   * {@link UntrustedHostError} for a `url` on another origin; {@link ValidationError} for a
   * request without `path` or `url`; `AbortError` when aborted
   */
  async sendRequest<T = unknown>(request: ArmRequest): Promise<ArmResponse<T>> {
    const url = this.#resolve(request);
    const startedAt = Date.now();
    const label = `${request.method} ${redact(url)}`;
    let response: ArmResponse<T>;
    try {
      response = await this.#transport.send<T>(request.method, url, request);
    } catch (error) {
      // Failures are logged too: with logging on, the failing request is the one to see.
      const { statusCode, code } = error as { statusCode?: unknown; code?: unknown };
      const outcome = [statusCode, code].filter((part) => part !== undefined).join(" ");
      logger.info(
        `${label}: failed ${outcome || "without an answer"} in ${Date.now() - startedAt} ms`,
      );
      throw error;
    }
    logger.info(`${label}: ${response.status} in ${Date.now() - startedAt} ms`);
    return response;
  }

  /**
   * Starts a long-running operation (or resumes one with `restoreFrom`) and returns its
   * poller at once; the initial request is already on its way. Await the poller for the
   * result. It follows `Azure-AsyncOperation`, `Location` or the resource's
   * `provisioningState`, waits `Retry-After` between polls and reads the result the way ARM
   * prescribes for the method (see {@link ArmLongRunningRequest.finalStateVia}).
   *
   * A PUT answered 200/201 without polling headers is polled on the resource while its
   * `provisioningState` is not terminal; other methods answered that way are complete.
   *
   * @throws {@link ValidationError} (synchronously) for an invalid request or `restoreFrom`;
   * the poller rejects with {@link ArmError} when the operation fails, is canceled or a request
   * is refused, {@link UntrustedHostError} for a polling URL on another origin, `AbortError`
   * when aborted
   */
  beginRequest<T = unknown>(request: ArmLongRunningRequest): ArmPoller<T> {
    const url = request.restoreFrom ? this.endpoint : this.#resolve(request);
    return createArmPoller<T>({
      transport: this.#transport,
      request,
      url,
      intervalInMs: checkInterval(
        request.updateIntervalInMs ?? this.#updateIntervalInMs,
        "updateIntervalInMs",
      ),
    });
  }

  #resolve(request: ArmRequest): string {
    if (!methods.has(request.method)) {
      throw new ValidationError(
        "InvalidRequest",
        `Unsupported method "${String(request.method)}": use one of ${[...methods].join(", ")}.`,
        "method",
      );
    }
    if ((request.path === undefined) === (request.url === undefined)) {
      throw new ValidationError(
        "InvalidRequest",
        "Give exactly one of path (relative to the endpoint) or url (absolute).",
        request.path === undefined ? "path" : "url",
      );
    }
    if (request.path !== undefined && !request.path.startsWith("/")) {
      throw new ValidationError(
        "InvalidRequest",
        `The path must start with "/", e.g. "/subscriptions/…" (got "${request.path}").`,
        "path",
      );
    }
    const target = request.url ?? `${this.endpoint}${request.path}`;
    const url = new URL(this.#transport.trustedUrl(target, `the request URL`));
    if (request.apiVersion !== undefined) url.searchParams.set("api-version", request.apiVersion);
    for (const [name, value] of Object.entries(request.query ?? {})) {
      url.searchParams.set(name, value);
    }
    return url.href;
  }
}

function checkInterval(value: number, parameter: string): number {
  if (!Number.isFinite(value) || value < 0) {
    throw new ValidationError(
      "InvalidRequest",
      `${parameter} must be a non-negative number of milliseconds (got ${value}).`,
      parameter,
    );
  }
  return value;
}
