import type { AbortSignalLike } from "@azure/abort-controller";
import type { TokenCredential } from "@azure/core-auth";
import type { HttpClient, Pipeline, PipelineResponse } from "@azure/core-rest-pipeline";
import type { ArmRetryOptions } from "./armClientOptions.js";
import type { ArmResponse } from "./armRequest.js";
import { ArmError } from "./errors/armError.js";
import { armErrorFromResponse } from "./errors/armErrorFromResponse.js";
import { UntrustedHostError } from "./errors/untrustedHostError.js";
import { loopbackAuthenticationPolicy } from "./loopbackAuthenticationPolicy.js";
import { toArmResponse } from "./parseResponse.js";
import { redact } from "./redact.js";
import { SDK_VERSION } from "./version.js";
import { createWireLogger } from "./wireLogger.js";

/** @internal */
export interface ArmTransportOptions {
  /** The validated ARM base URL, no trailing slash. */
  endpoint: string;
  credential: TokenCredential;
  tokenScope: string;
  retryOptions?: ArmRetryOptions;
  userAgentPrefix?: string;
}

/** @internal */
export interface SendOptions {
  body?: unknown;
  headers?: Record<string, string>;
  abortSignal?: AbortSignalLike;
}

/**
 * Sends requests to one ARM endpoint through a core-rest-pipeline pipeline (retries, throttling,
 * user agent, `x-ms-client-request-id`, bearer token) and turns non-2xx answers into
 * {@link ArmError}. Every URL is checked against the endpoint's origin first, so the token is
 * only ever sent to that origin.
 *
 * @internal
 */
export class ArmTransport {
  readonly endpoint: string;
  readonly origin: string;
  private readonly insecure: boolean;
  private readonly options: ArmTransportOptions;
  // core-rest-pipeline is most of this package's import cost: it loads with the first request.
  private pipeline?: Promise<PipelineParts>;

  constructor(options: ArmTransportOptions) {
    this.endpoint = options.endpoint;
    this.options = options;
    const url = new URL(options.endpoint);
    this.origin = url.origin;
    // The endpoint was validated: http here means an allowed loopback address.
    this.insecure = url.protocol === "http:";
  }

  /**
   * Resolves a URL or path against the endpoint and checks that it stays on the endpoint's
   * origin.
   *
   * @param purpose - what the URL is, for the error message, e.g. "the Location header"
   * @throws {@link UntrustedHostError}
   */
  trustedUrl(urlOrPath: string, purpose: string): string {
    let url: URL;
    try {
      url = new URL(urlOrPath, `${this.endpoint}/`);
    } catch {
      throw new UntrustedHostError(
        `Refusing ${purpose}: "${urlOrPath}" is not a URL.`,
        "invalid",
        this.origin,
      );
    }
    if (url.origin !== this.origin) {
      throw new UntrustedHostError(
        `Refusing ${purpose} on ${url.origin}: the bearer token is only sent to the ARM endpoint ` +
          `${this.origin}. If that host is legitimate, point the client's endpoint at it.`,
        url.origin,
        this.origin,
      );
    }
    return url.href;
  }

  /**
   * Sends one request to a URL already checked by {@link ArmTransport.trustedUrl}.
   *
   * @throws {@link ArmError} for a non-2xx answer or when no answer arrived
   */
  async send<T>(method: string, url: string, options: SendOptions = {}): Promise<ArmResponse<T>> {
    const response = await this.sendForAnyStatus<T>(method, url, options);
    if (response.status < 200 || response.status > 299) {
      throw armErrorFromResponse(method, url, response);
    }
    return response;
  }

  /**
   * Like {@link ArmTransport.send}, but returns a non-2xx answer (after retries) instead of
   * throwing, for callers to whom the status itself is the news, such as a `Location` poll.
   *
   * @throws {@link ArmError} when no answer arrived
   */
  async sendForAnyStatus<T>(
    method: string,
    url: string,
    options: SendOptions = {},
  ): Promise<ArmResponse<T>> {
    this.pipeline ??= createPipeline(this.options, this.insecure);
    const { core, pipeline, httpClient } = await this.pipeline;
    const request = core.createPipelineRequest({
      url,
      method: method as "GET",
      abortSignal: options.abortSignal,
      allowInsecureConnection: this.insecure,
    });
    request.headers.set("Accept", "application/json");
    for (const [name, value] of Object.entries(options.headers ?? {})) {
      request.headers.set(name, value);
    }
    if (options.body !== undefined) {
      request.headers.set("Content-Type", "application/json");
      request.body = JSON.stringify(options.body);
    }

    let response: PipelineResponse;
    try {
      response = await pipeline.sendRequest(httpClient, request);
    } catch (error) {
      throw transportError(core, error, method, url);
    }

    return toArmResponse<T>(response);
  }
}

type CoreRestPipeline = typeof import("@azure/core-rest-pipeline");

interface PipelineParts {
  core: CoreRestPipeline;
  pipeline: Pipeline;
  httpClient: HttpClient;
}

/** The pipeline: retries, throttling, user agent, `x-ms-client-request-id` and the token. */
async function createPipeline(
  options: ArmTransportOptions,
  insecure: boolean,
): Promise<PipelineParts> {
  const core = await import("@azure/core-rest-pipeline");
  const prefix = [options.userAgentPrefix, `azureml-workspace/${SDK_VERSION}`]
    .filter(Boolean)
    .join(" ");
  const pipeline = core.createPipelineFromOptions({
    retryOptions: options.retryOptions,
    userAgentOptions: { userAgentPrefix: prefix },
    loggingOptions: { logger: createWireLogger() },
  });
  if (insecure) {
    // A proxy has no business in a loopback conversation, and would see the token in clear.
    pipeline.removePolicy({ name: core.proxyPolicyName });
  }
  const origin = new URL(options.endpoint).origin;
  pipeline.addPolicy(
    insecure
      ? loopbackAuthenticationPolicy(options.credential, options.tokenScope, origin)
      : core.bearerTokenAuthenticationPolicy({
          credential: options.credential,
          scopes: options.tokenScope,
        }),
    { phase: "Sign" },
  );
  return { core, pipeline, httpClient: core.createDefaultHttpClient() };
}

function transportError(
  core: CoreRestPipeline,
  error: unknown,
  method: string,
  url: string,
): unknown {
  // Aborts and credential failures are the caller's to see as they are; only errors of the
  // pipeline itself are replaced, because they hold the request, headers included.
  if (!core.isRestError(error)) return error;
  return new ArmError({
    code: error.code ?? "RequestFailed",
    message:
      `${method} ${redact(url)} got no answer from ARM: ${error.message}. ` +
      `Check the network, the proxy settings and the endpoint.`,
    method,
    url: redact(url),
  });
}
