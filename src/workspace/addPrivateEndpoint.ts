import type { AbortSignalLike } from "@azure/abort-controller";
import { ValidationError } from "../arm/index.js";
import type { AddPrivateEndpointInput } from "./addPrivateEndpointOperation.js";
import { PrivateEndpointConfig } from "./privateEndpointConfig.js";
import type { WorkspaceProgressEvent } from "./progress.js";
import { validateBoolean, validateLocation, validateTags } from "./validation.js";

/**
 * Options of `Workspace.addPrivateEndpoint`.
 *
 * @public
 */
export interface AddPrivateEndpointOptions {
  /**
   * Approve the connection while creating it (requires rights on the workspace) and create the
   * private DNS zones, their virtual network links and the endpoint's zone group. Otherwise the
   * connection waits as Pending for a workspace owner and no DNS is created.
   * @defaultValue true
   */
  privateEndpointAutoApproval?: boolean;
  /**
   * Region of the private endpoint. A private endpoint must be in its virtual network's region.
   * @defaultValue the virtual network's region
   */
  location?: string;
  /**
   * Tags of the private endpoint and of the DNS resources created with it.
   * @defaultValue none
   */
  tags?: Record<string, string>;
  /**
   * When the subnet's `privateEndpointNetworkPolicies` is `"Enabled"`, set it to `"Disabled"`
   * (writing back the whole subnet as read) instead of failing.
   * @defaultValue false
   */
  disableSubnetNetworkPolicies?: boolean;
  /**
   * With manual approval, wait until a workspace owner approves or rejects the connection
   * instead of returning it as Pending. A connection deleted or turned `Disconnected` during the
   * wait ends it with a `PrivateEndpointConnectionRemovedError`.
   * @defaultValue false
   */
  waitForApproval?: boolean;
  /**
   * Poll interval of the long-running operations when ARM sends no `Retry-After`, and of the
   * wait for approval.
   * @defaultValue the client's (2000) for operations, 10000 for the approval
   */
  updateIntervalInMs?: number;
  /**
   * Print progress lines to stderr.
   * @defaultValue true
   */
  showOutput?: boolean;
  /** Receives every progress event, whatever `showOutput` says. */
  onProgress?: (event: WorkspaceProgressEvent) => void;
  /** Cancels the operation; what was created stays (no rollback on abort). */
  abortSignal?: AbortSignalLike;
}

/**
 * Options of `Workspace.beginAddPrivateEndpoint`.
 *
 * @public
 */
export interface BeginAddPrivateEndpointOptions extends AddPrivateEndpointOptions {
  /**
   * A state from `poller.serialize()`: continue that operation where it stopped, without writing
   * again what it wrote. The private endpoint name must match it; the other settings come from
   * the saved state.
   * @defaultValue none (start a new operation)
   */
  restoreFrom?: string;
}

/**
 * Checks the config and every option before any request; a bad value throws a `ValidationError`
 * naming it.
 *
 * @internal
 */
export function validateAddOptions(config: unknown, options: AddPrivateEndpointOptions): void {
  if (!(config instanceof PrivateEndpointConfig)) {
    throw new ValidationError(
      "InvalidOption",
      "addPrivateEndpoint needs a PrivateEndpointConfig " +
        "(new PrivateEndpointConfig({ name, vnetName })).",
      "privateEndpointConfig",
    );
  }
  if (options === null || typeof options !== "object") {
    throw new ValidationError("InvalidOption", "The options must be an object.", "options");
  }
  for (const flag of [
    "privateEndpointAutoApproval",
    "disableSubnetNetworkPolicies",
    "waitForApproval",
    "showOutput",
  ] as const) {
    validateBoolean(options[flag], flag);
  }
  if (options.location !== undefined) validateLocation(options.location);
  validateTags(options.tags);
  if (options.waitForApproval && (options.privateEndpointAutoApproval ?? true)) {
    throw new ValidationError(
      "ConflictingOptions",
      "waitForApproval only applies with privateEndpointAutoApproval: false.",
      "waitForApproval",
    );
  }
}

/**
 * The validated options as the JSON-serializable input of the operation, the config's network
 * coordinates defaulting to the workspace's.
 *
 * @internal
 */
export function toAddInput(
  config: PrivateEndpointConfig,
  options: AddPrivateEndpointOptions,
  workspace: { subscriptionId: string; resourceGroup: string },
): AddPrivateEndpointInput {
  return {
    config: config.withDefaults(workspace.subscriptionId, workspace.resourceGroup),
    autoApproval: options.privateEndpointAutoApproval ?? true,
    location: options.location === undefined ? undefined : validateLocation(options.location),
    tags: validateTags(options.tags),
    disableSubnetNetworkPolicies: options.disableSubnetNetworkPolicies ?? false,
    waitForApproval: options.waitForApproval ?? false,
  };
}
