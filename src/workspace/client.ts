import type { TokenCredential } from "@azure/core-auth";
import { ArmClient } from "../arm/index.js";
import type { ArmClientOptions } from "../arm/index.js";

/**
 * How the workspace methods reach ARM: the {@link ArmClient} options, a credential, or a ready
 * client to share one pipeline between several workspaces.
 *
 * @public
 */
export type WorkspaceClientOptions = ArmClientOptions & {
  /**
   * Any `@azure/identity` credential.
   * @defaultValue `DefaultAzureCredential`, loaded at the first request
   */
  credential?: TokenCredential;
  /**
   * A client to use as is; `credential` and the other client options are then ignored.
   * @defaultValue a new client built from the other options
   */
  client?: ArmClient;
};

/**
 * The client for a set of options. Building it sends nothing; an invalid cloud or endpoint
 * throws a `ValidationError` here, before any request.
 *
 * @internal
 */
export function resolveClient(options: WorkspaceClientOptions): ArmClient {
  if (options.client) return options.client;
  const {
    credential,
    cloud,
    endpoint,
    retryOptions,
    userAgentPrefix,
    allowInsecureLoopback,
    updateIntervalInMs,
  } = options;
  // Only the client's own options: method options must not leak into the client.
  return new ArmClient(credential, {
    cloud,
    endpoint,
    retryOptions,
    userAgentPrefix,
    allowInsecureLoopback,
    updateIntervalInMs,
  });
}
