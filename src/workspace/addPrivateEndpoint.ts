import type { AbortSignalLike } from "@azure/abort-controller";
import { ValidationError } from "../arm/index.js";
import { API_VERSIONS } from "./apiVersions.js";
import { get } from "./armCalls.js";
import type { OperationContext } from "./armCalls.js";
import { rollback } from "./createdResources.js";
import type { CreatedResource } from "./createdResources.js";
import { delay } from "./delay.js";
import { PrivateEndpointError } from "./errors.js";
import { toConnectionInfo } from "./models.js";
import type {
  PrivateEndpointConnectionInfo,
  WorkspacePrivateEndpointConnection,
} from "./models.js";
import { PrivateEndpointConfig } from "./privateEndpointConfig.js";
import { privateEndpointPreflight } from "./privateEndpointPreflight.js";
import {
  describePhase,
  initialPrivateEndpointState,
  runPrivateEndpointStep,
} from "./privateEndpointStep.js";
import { isAbort } from "./progress.js";
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
   * instead of returning it as Pending.
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

/** @internal */
export interface WorkspaceRef {
  id: string;
  name: string;
  subscriptionId: string;
  resourceGroup: string;
  location: string;
}

/** Approval is a human action: poll it gently unless told otherwise. */
const DEFAULT_APPROVAL_INTERVAL_IN_MS = 10_000;

/** @internal */
export function validateAddOptions(config: unknown, options: AddPrivateEndpointOptions): void {
  if (!(config instanceof PrivateEndpointConfig)) {
    throw new ValidationError(
      "InvalidOption",
      "addPrivateEndpoint needs a PrivateEndpointConfig (new PrivateEndpointConfig({ name, vnetName })).",
      "privateEndpointConfig",
    );
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
 * Adds a private endpoint to an existing workspace: checks (reads only), then subnet policies,
 * endpoint, DNS zones, links and zone group. On failure deletes what it created and throws a
 * {@link PrivateEndpointError}.
 *
 * @internal
 */
export async function addPrivateEndpoint(
  ctx: OperationContext,
  workspace: WorkspaceRef,
  config: PrivateEndpointConfig,
  options: AddPrivateEndpointOptions,
): Promise<PrivateEndpointConnectionInfo> {
  const resolved = config.withDefaults(workspace.subscriptionId, workspace.resourceGroup);
  const preflight = await privateEndpointPreflight(
    ctx,
    resolved,
    workspace.location,
    options.disableSubnetNetworkPolicies ?? false,
  );
  ctx.progress.warn(
    "ComputeTargetsOutsideVirtualNetwork",
    `Compute targets of workspace ${workspace.name} that are not in virtual network ` +
      `${resolved.vnetName} will not work once the private endpoint exists.`,
  );

  const state = initialPrivateEndpointState({
    config: resolved,
    workspaceId: workspace.id,
    autoApproval: options.privateEndpointAutoApproval ?? true,
    location: options.location === undefined ? undefined : validateLocation(options.location),
    tags: validateTags(options.tags),
    preflight,
  });
  const created: CreatedResource[] = [];
  let connection: PrivateEndpointConnectionInfo;
  try {
    connection = await runPrivateEndpointStep(ctx, state, created);
  } catch (error) {
    if (isAbort(error)) throw error;
    const operation = describePhase(state);
    const { rolledBack, leftBehind } = await rollback(ctx, created);
    throw new PrivateEndpointError({ operation, cause: error, rolledBack, leftBehind });
  }

  if (options.waitForApproval && connection.status === "Pending") {
    connection = await waitForApproval(
      ctx,
      workspace.id,
      connection.name,
      options.updateIntervalInMs,
    );
  }
  return connection;
}

/**
 * Polls a connection until it is no longer Pending (Approved, Rejected, Disconnected...).
 *
 * @internal
 */
export async function waitForApproval(
  ctx: OperationContext,
  workspaceId: string,
  connectionName: string,
  intervalInMs = DEFAULT_APPROVAL_INTERVAL_IN_MS,
): Promise<PrivateEndpointConnectionInfo> {
  const path = `${workspaceId}/privateEndpointConnections/${connectionName}`;
  for (;;) {
    await delay(intervalInMs, ctx.abortSignal);
    const connection = await get<WorkspacePrivateEndpointConnection>(
      ctx,
      path,
      API_VERSIONS.machineLearning,
    );
    const info = toConnectionInfo(connection);
    if (info.status !== "Pending") return info;
  }
}
