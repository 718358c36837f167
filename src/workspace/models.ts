/**
 * The state of a private endpoint connection as the workspace reports it.
 *
 * @public
 */
export type PrivateEndpointConnectionStatus =
  "Pending" | "Approved" | "Rejected" | "Disconnected" | "Timeout" | (string & {});

/**
 * A private endpoint connection of a workspace, as ARM returns it
 * (`Microsoft.MachineLearningServices/workspaces/privateEndpointConnections`).
 *
 * @public
 */
export interface WorkspacePrivateEndpointConnection {
  id?: string;
  name?: string;
  type?: string;
  location?: string;
  properties?: {
    privateEndpoint?: { id?: string; subnetArmId?: string };
    privateLinkServiceConnectionState?: {
      status?: PrivateEndpointConnectionStatus;
      description?: string;
      actionsRequired?: string;
    };
    provisioningState?: string;
    [key: string]: unknown;
  };
  [key: string]: unknown;
}

/**
 * A workspace exactly as ARM returns it (api-version 2024-10-01): camelCase all the way down,
 * nothing renamed or flattened. The fields this package reads are typed; every other field ARM
 * sends is kept as is.
 *
 * @public
 */
export interface WorkspaceDetails {
  id: string;
  name: string;
  type?: string;
  location?: string;
  tags?: Record<string, string>;
  sku?: { name?: string; tier?: string };
  kind?: string;
  identity?: {
    type?: string;
    principalId?: string;
    tenantId?: string;
    userAssignedIdentities?: Record<string, { principalId?: string; clientId?: string }>;
  };
  systemData?: Record<string, unknown>;
  properties?: {
    workspaceId?: string;
    friendlyName?: string;
    description?: string;
    provisioningState?: string;
    storageAccount?: string;
    keyVault?: string;
    applicationInsights?: string;
    containerRegistry?: string | null;
    discoveryUrl?: string;
    hbiWorkspace?: boolean;
    imageBuildCompute?: string;
    primaryUserAssignedIdentity?: string;
    publicNetworkAccess?: "Enabled" | "Disabled" | (string & {});
    allowPublicAccessWhenBehindVnet?: boolean;
    v1LegacyMode?: boolean;
    privateLinkCount?: number;
    privateEndpointConnections?: WorkspacePrivateEndpointConnection[];
    encryption?: Record<string, unknown>;
    [key: string]: unknown;
  };
  /**
   * The workspace's private endpoint connections: `properties.privateEndpointConnections`, also
   * given at the top level, where the Python SDK's `get_details()` puts them. Empty when there
   * are none.
   */
  privateEndpointConnections: WorkspacePrivateEndpointConnection[];
  [key: string]: unknown;
}

/**
 * The workspace as ARM returns it, with its connections also at the top level.
 *
 * @internal
 */
export function toWorkspaceDetails(body: unknown): WorkspaceDetails {
  const workspace = body as WorkspaceDetails;
  const privateEndpointConnections = workspace.properties?.privateEndpointConnections ?? [];
  return { ...workspace, privateEndpointConnections };
}

/**
 * A private endpoint connection reduced to what identifies it: the connection (on the workspace)
 * and the private endpoint (in the virtual network).
 *
 * @public
 */
export interface PrivateEndpointConnectionInfo {
  /** Name of the connection: what `deletePrivateEndpointConnection` and the approval methods take. */
  name: string;
  /** ARM id of the connection. */
  id: string;
  /** ARM id of the `Microsoft.Network/privateEndpoints` resource. */
  privateEndpointId: string;
  /** Name of the private endpoint (last segment of its id). */
  privateEndpointName: string;
  /** `Approved`, `Pending`, `Rejected`, `Disconnected` or `Timeout`. */
  status: PrivateEndpointConnectionStatus;
  /** The reason given with the status, e.g. "Auto-Approved". */
  description?: string;
}

/** @internal */
export function toConnectionInfo(
  connection: WorkspacePrivateEndpointConnection,
): PrivateEndpointConnectionInfo {
  const id = connection.id ?? "";
  const privateEndpointId = connection.properties?.privateEndpoint?.id ?? "";
  const state = connection.properties?.privateLinkServiceConnectionState;
  return {
    name: connection.name ?? id.slice(id.lastIndexOf("/") + 1),
    id,
    privateEndpointId,
    privateEndpointName: privateEndpointId.slice(privateEndpointId.lastIndexOf("/") + 1),
    status: state?.status ?? "Pending",
    ...(state?.description !== undefined ? { description: state.description } : {}),
  };
}
