import type { CloudDefinition, KnownCloudName } from "./clouds.js";

/**
 * How often and how patiently failed requests are retried. 429 and 503 answers with
 * `Retry-After` wait as long as ARM asks; 408 and other retryable 5xx answers and connection
 * failures back off exponentially.
 *
 * @public
 */
export interface ArmRetryOptions {
  /**
   * How many times one request is retried.
   *
   * @defaultValue 3
   */
  maxRetries?: number;
  /**
   * The first back-off delay, doubled on each retry (with jitter).
   *
   * @defaultValue 1000
   */
  retryDelayInMs?: number;
  /**
   * The longest back-off delay.
   *
   * @defaultValue 64000
   */
  maxRetryDelayInMs?: number;
}

/**
 * Options of {@link ArmClient}.
 *
 * @public
 */
export interface ArmClientOptions {
  /**
   * The Azure cloud: its ARM endpoint, token scope and private DNS zone names.
   *
   * @defaultValue `"AzureCloud"`
   */
  cloud?: KnownCloudName | CloudDefinition;
  /**
   * The ARM base URL, overriding the cloud's, e.g. a local emulator. Tokens are still requested
   * for the cloud's scope (`<cloud.resourceManagerEndpoint>/.default`); to change the scope too,
   * pass a custom cloud instead.
   *
   * @defaultValue the cloud's `resourceManagerEndpoint`
   */
  endpoint?: string;
  /**
   * Retry behaviour for throttled (429) and failed (408, 5xx) requests.
   *
   * @defaultValue 3 retries, 1 s first back-off, 64 s longest
   */
  retryOptions?: ArmRetryOptions;
  /**
   * Put in front of the `User-Agent` header, e.g. `"my-tool/1.2"`.
   *
   * @defaultValue none
   */
  userAgentPrefix?: string;
  /**
   * Accept a plain `http://` endpoint when its host is a loopback address (127.0.0.0/8, ::1,
   * localhost), for a local emulator. Other http endpoints are always refused.
   *
   * @defaultValue false
   */
  allowInsecureLoopback?: boolean;
  /**
   * How long to wait between polls of a long-running operation when ARM sends no
   * `Retry-After`.
   *
   * @defaultValue 2000
   */
  updateIntervalInMs?: number;
}
