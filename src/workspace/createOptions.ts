import type { AbortSignalLike } from "@azure/abort-controller";
import type { WorkspaceClientOptions } from "./client.js";
import type { PrivateEndpointConfig } from "./privateEndpointConfig.js";
import type { WorkspaceProgressEvent } from "./progress.js";

/**
 * Options of `Workspace.create`: the parameters of the Python SDK's `Workspace.create`,
 * camelCased, plus the client options.
 *
 * @public
 */
export interface CreateWorkspaceOptions extends WorkspaceClientOptions {
  /** Workspace name: 3 to 33 letters, digits, hyphens and underscores, starting alphanumeric. */
  name: string;
  /** Subscription to create the workspace in. */
  subscriptionId: string;
  /** Resource group to create the workspace in. */
  resourceGroup: string;
  /**
   * Azure region, e.g. `"eastus2"` or `"East US 2"` (normalised to lowercase without spaces) and
   * checked against the regions where the subscription can create workspaces.
   * @defaultValue the resource group's region (required when the group must be created)
   */
  location?: string;
  /**
   * Create the resource group when it does not exist.
   * @defaultValue true
   */
  createResourceGroup?: boolean;
  /**
   * Display name of the workspace.
   * @defaultValue the workspace name
   */
  friendlyName?: string;
  /**
   * Tags of the workspace and of the resources created with it. A `createdByToolkit` tag is
   * added unless present.
   * @defaultValue none
   */
  tags?: Record<string, string>;
  /**
   * Workspace SKU.
   * @defaultValue `"basic"`
   */
  sku?: string;
  /**
   * ARM id of an existing storage account to use.
   * @defaultValue a new StorageV2 account, Standard_LRS, HTTPS only
   */
  storageAccount?: string;
  /**
   * ARM id of an existing key vault to use.
   * @defaultValue a new standard key vault
   */
  keyVault?: string;
  /**
   * ARM id of an existing Application Insights component to use.
   * @defaultValue a new component backed by a new Log Analytics workspace
   */
  appInsights?: string;
  /**
   * ARM id of an existing container registry to use.
   * @defaultValue none (the service creates one when first needed)
   */
  containerRegistry?: string;
  /**
   * ARM id of the key vault holding the customer-managed key; requires `resourceCmkUri`.
   * @defaultValue none (Microsoft-managed keys)
   */
  cmkKeyvault?: string;
  /**
   * URL of the customer-managed key, e.g. `https://myvault.vault.azure.net/keys/mykey/<version>`.
   * @defaultValue none
   */
  resourceCmkUri?: string;
  /**
   * High business impact: reduces the diagnostic data the service collects.
   * @defaultValue false
   */
  hbiWorkspace?: boolean;
  /**
   * ARM id of the user-assigned identity used to reach the customer-managed key.
   * @defaultValue none
   */
  userAssignedIdentityForCmkEncryption?: string;
  /**
   * ARM id of the user-assigned identity that becomes the workspace's primary identity.
   * @defaultValue none (a system-assigned identity)
   */
  primaryUserAssignedIdentity?: string;
  /**
   * How the workspace's system datastores authenticate: `"accessKey"` or `"identity"`. Sent only
   * when it is not the service default `"accessKey"`.
   * @defaultValue `"accessKey"`
   */
  systemDatastoresAuthMode?: string;
  /**
   * Keep the workspace on the v1 API surface.
   * @defaultValue true with a private endpoint, otherwise unset (service default)
   */
  v1LegacyMode?: boolean;
  /**
   * Create a private endpoint to the workspace in an existing virtual network. The workspace is
   * then created with `publicNetworkAccess: "Disabled"`; `update()` with
   * `allowPublicAccessWhenBehindVnet: true` opens it later.
   * @defaultValue none
   */
  privateEndpointConfig?: PrivateEndpointConfig;
  /**
   * Approve the private endpoint connection while creating it (requires rights on the
   * workspace) and create its private DNS zones; otherwise it waits as Pending for a workspace
   * owner and no DNS is created.
   * @defaultValue true
   */
  privateEndpointAutoApproval?: boolean;
  /**
   * When the subnet's `privateEndpointNetworkPolicies` is `"Enabled"`, set it to `"Disabled"`
   * (writing back the whole subnet as read) instead of failing. The change is not undone if the
   * create fails.
   * @defaultValue false
   */
  disableSubnetNetworkPolicies?: boolean;
  /**
   * Return the workspace if it exists already (without touching it, nor adding a private
   * endpoint) instead of failing with `WorkspaceExistsError`.
   * @defaultValue false
   */
  existOk?: boolean;
  /**
   * Print progress lines ("Deploying StorageAccount with name …") to stderr.
   * @defaultValue true
   */
  showOutput?: boolean;
  /** Receives every progress event, whatever `showOutput` says. */
  onProgress?: (event: WorkspaceProgressEvent) => void;
  /**
   * Poll interval of each long-running ARM operation when ARM sends no `Retry-After`.
   * @defaultValue the client's (2000)
   */
  updateIntervalInMs?: number;
  /**
   * Stops the operation. Nothing is rolled back on abort: the poller of `beginCreate` can be
   * serialized and resumed.
   */
  abortSignal?: AbortSignalLike;
}

/**
 * Options of `Workspace.beginCreate`.
 *
 * @public
 */
export interface BeginCreateWorkspaceOptions extends CreateWorkspaceOptions {
  /**
   * A state from `poller.serialize()`: continue that operation, skipping the steps it completed
   * and reusing the names it chose. `name`, `subscriptionId` and `resourceGroup` must match it.
   * @defaultValue none (start a new operation)
   */
  restoreFrom?: string;
}

/**
 * Options of `Workspace.resumeCreate`: the client and how to run the rest. What to create comes
 * from the saved state; `name`, `subscriptionId` and `resourceGroup` default to the state's and,
 * when given, must match it.
 *
 * @public
 */
export interface ResumeCreateWorkspaceOptions
  extends
    Partial<Pick<CreateWorkspaceOptions, "name" | "subscriptionId" | "resourceGroup">>,
    WorkspaceClientOptions {
  /**
   * Print progress lines to stderr.
   * @defaultValue true
   */
  showOutput?: boolean;
  /** Receives every progress event, whatever `showOutput` says. */
  onProgress?: (event: WorkspaceProgressEvent) => void;
  /**
   * Poll interval of each long-running ARM operation when ARM sends no `Retry-After`.
   * @defaultValue the client's (2000)
   */
  updateIntervalInMs?: number;
  /** Stops the operation; nothing is rolled back, and the state can be resumed again. */
  abortSignal?: AbortSignalLike;
}
