import type { ArmTransport } from "../armTransport.js";
import { ValidationError } from "../errors/validationError.js";

/** What a serialized poller must hold for this package to resume it. */
export interface RestoredConfig {
  requestMethod?: string;
  initialRequestUrl?: string;
  operationLocation?: string;
  resourceLocation?: string;
  metadata?: Record<string, string>;
}

/**
 * Reads the configuration out of a serialized poller state and checks that every URL in it is
 * on the client's endpoint, so a state from another client (or a tampered one) cannot send the
 * token elsewhere.
 *
 * @throws {@link ValidationError} `InvalidPollerState`; {@link UntrustedHostError}
 * @internal
 */
export function readRestoredConfig(serialized: string, transport: ArmTransport): RestoredConfig {
  let config: RestoredConfig | undefined;
  try {
    config = (JSON.parse(serialized) as { state?: { config?: RestoredConfig } }).state?.config;
  } catch {
    config = undefined;
  }
  if (typeof config !== "object" || config === null) {
    throw new ValidationError(
      "InvalidPollerState",
      "restoreFrom is not a serialized poller: pass the string returned by poller.serialize().",
      "restoreFrom",
    );
  }
  const urls = [config.initialRequestUrl, config.operationLocation, config.resourceLocation];
  for (const url of urls) {
    if (url !== undefined) transport.trustedUrl(String(url), "a URL of the restored poller");
  }
  return config;
}
