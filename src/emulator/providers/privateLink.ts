import { ArmHttpError, invalidResourceReference } from "../armError.js";
import { nameOf } from "../armId.js";
import type { EmulatorState } from "../context.js";
import { newGuid } from "../guid.js";
import type { OperationOutcome } from "../operations.js";
import type { JsonObject, StoredResource } from "../store.js";

/**
 * The link between private endpoints (Microsoft.Network) and the workspace connections they
 * create (Microsoft.MachineLearningServices): what one side does, the other side shows.
 */

export const workspaceType = "Microsoft.MachineLearningServices/workspaces";
export const connectionType = `${workspaceType}/privateEndpointConnections`;
export const privateEndpointType = "Microsoft.Network/privateEndpoints";
/** The only private link resource (group id) of a workspace. */
export const workspaceGroupId = "amlworkspace";

/** A connection requested in a private endpoint's body. */
export interface RequestedConnection {
  name: string;
  privateLinkServiceId: string;
  groupIds: string[];
  requestMessage?: string;
  /** From `manualPrivateLinkServiceConnections`: stays Pending until approved. */
  manual: boolean;
}

/** The workspace a connection targets; 400 when it does not exist or the group id is wrong. */
export function requireLinkTarget(
  state: EmulatorState,
  privateEndpointId: string,
  connection: RequestedConnection,
): StoredResource {
  const target = state.store.get(connection.privateLinkServiceId);
  if (!target || target.type !== workspaceType) {
    throw invalidResourceReference(connection.privateLinkServiceId, privateEndpointId);
  }
  const groups = connection.groupIds.map((g) => g.toLowerCase());
  if (groups.length !== 1 || groups[0] !== workspaceGroupId) {
    throw new ArmHttpError(
      400,
      "PrivateEndpointBadRequest",
      `Call to ${workspaceType} failed. The group ids [${connection.groupIds.join(", ")}] of ` +
        `connection '${connection.name}' are not valid; a workspace offers only '${workspaceGroupId}'.`,
    );
  }
  return target;
}

/**
 * Adds the workspace side of a new connection, in provisioning state Creating: Approved
 * ("Auto-Approved") for an automatic connection, Pending for a manual one.
 */
export function openConnection(
  state: EmulatorState,
  workspace: StoredResource,
  privateEndpointId: string,
  connection: RequestedConnection,
): string {
  const name = `${nameOf(privateEndpointId)}.${newGuid()}`;
  const id = `${workspace.id}/privateEndpointConnections/${name}`;
  const linkState = connection.manual
    ? { status: "Pending", description: connection.requestMessage ?? "", actionsRequired: "None" }
    : { status: "Approved", description: "Auto-Approved", actionsRequired: "None" };
  state.store.put({
    id,
    type: connectionType,
    internal: { privateEndpointId },
    body: {
      id,
      name,
      type: connectionType,
      properties: {
        privateEndpoint: { id: privateEndpointId },
        privateLinkServiceConnectionState: linkState,
        provisioningState: "Creating",
      },
    },
  });
  return id;
}

/** Ends the Creating state of connections once their private endpoint's operation ends. */
export function settleConnections(
  state: EmulatorState,
  connectionIds: readonly string[],
  outcome: OperationOutcome,
): void {
  for (const id of connectionIds) {
    const connection = state.store.get(id);
    if (!connection) continue;
    if (outcome === "Succeeded") connection.body.properties.provisioningState = "Succeeded";
    else state.store.delete(id);
  }
}

/** Removes the workspace connections of a private endpoint that is going away. */
export function closeConnections(state: EmulatorState, privateEndpointId: string): void {
  for (const connection of state.store.list(connectionType)) {
    if (connection.internal.privateEndpointId?.toLowerCase() === privateEndpointId.toLowerCase()) {
      state.store.delete(connection.id);
    }
  }
}

/** Closes the connections of every private endpoint below an id (a resource group). */
export function forgetEndpointsUnder(state: EmulatorState, id: string): void {
  for (const endpoint of state.store.list(privateEndpointType, id)) {
    closeConnections(state, endpoint.id);
  }
}

/**
 * The connection state a private endpoint shows: the workspace connection's, or Disconnected
 * once that connection (or the workspace) is gone.
 */
export function connectionStateOf(
  state: EmulatorState,
  connectionId: string | undefined,
): JsonObject {
  const connection = connectionId ? state.store.get(connectionId) : undefined;
  if (!connection) {
    return {
      status: "Disconnected",
      description: "The private endpoint connection was deleted by the resource owner.",
      actionsRequired: "None",
    };
  }
  return structuredClone(connection.body.properties.privateLinkServiceConnectionState);
}

/**
 * The DNS names a workspace private endpoint serves, with the addresses it was given: the
 * workspace API and certificate names share the first address, notebooks use the second and
 * inference the third.
 */
export function workspaceDnsConfigs(workspace: StoredResource, addresses: string[]): JsonObject[] {
  const workspaceId = String(workspace.body.properties.workspaceId);
  const location = String(workspace.body.location);
  const name = String(workspace.body.name).toLowerCase();
  const [api, notebooks, inference] = addresses;
  return [
    { fqdn: `${workspaceId}.workspace.${location}.api.azureml.ms`, ipAddresses: [api] },
    { fqdn: `${workspaceId}.workspace.${location}.cert.api.azureml.ms`, ipAddresses: [api] },
    {
      fqdn: `ml-${name}-${location}-${workspaceId}.${location}.notebooks.azure.net`,
      ipAddresses: [notebooks],
    },
    { fqdn: `*.${workspaceId}.inference.${location}.api.azureml.ms`, ipAddresses: [inference] },
  ];
}

/** How many addresses a workspace private endpoint takes in its subnet. */
export const workspaceEndpointAddressCount = 3;
