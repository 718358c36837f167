import type { AbortSignalLike } from "@azure/abort-controller";
import type { TokenCredential } from "@azure/core-auth";
import {
  bearerTokenAuthenticationPolicy,
  createDefaultHttpClient,
  createPipelineFromOptions,
  createPipelineRequest,
  isRestError,
  proxyPolicyName,
  type HttpClient,
  type Pipeline,
  type PipelineResponse,
} from "@azure/core-rest-pipeline";
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
  private readonly pipeline: Pipeline;
  private readonly httpClient: HttpClient;

  constructor(options: ArmTransportOptions) {
    this.endpoint = options.endpoint;
    const url = new URL(options.endpoint);
    this.origin = url.origin;
    // The endpoint was validated: http here means an allowed loopback address.
    this.insecure = url.protocol === "http:";

    const prefix = [options.userAgentPrefix, `azureml-workspace/${SDK_VERSION}`]
      .filter(Boolean)
      .join(" ");
    this.pipeline = createPipelineFromOptions({
      retryOptions: options.retryOptions,
      userAgentOptions: { userAgentPrefix: prefix },
      loggingOptions: { logger: createWireLogger() },
    });
    if (this.insecure) {
      // A proxy has no business in a loopback conversation, and would see the token in clear.
      this.pipeline.removePolicy({ name: proxyPolicyName });
    }
    this.pipeline.addPolicy(
      this.insecure
        ? loopbackAuthenticationPolicy(options.credential, options.tokenScope, this.origin)
        : bearerTokenAuthenticationPolicy({
            credential: options.credential,
            scopes: options.tokenScope,
          }),
      { phase: "Sign" },
    );
    this.httpClient = createDefaultHttpClient();
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
    const request = createPipelineRequest({
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
      response = await this.pipeline.sendRequest(this.httpClient, request);
    } catch (error) {
      throw this.transportError(error, method, url);
    }

    const armResponse = toArmResponse<T>(response);
    if (response.status < 200 || response.status > 299) {
      throw armErrorFromResponse(method, url, armResponse);
    }
    return armResponse;
  }

  private transportError(error: unknown, method: string, url: string): unknown {
    // Aborts and credential failures are the caller's to see as they are; only errors of the
    // pipeline itself are replaced, because they hold the request, headers included.
    if (!isRestError(error)) return error;
    return new ArmError({
      code: error.code ?? "RequestFailed",
      message:
        `${method} ${redact(url)} got no answer from ARM: ${error.message}. ` +
        `Check the network, the proxy settings and the endpoint.`,
      method,
      url: redact(url),
    });
  }
}
