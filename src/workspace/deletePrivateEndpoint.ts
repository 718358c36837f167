import type { AbortSignalLike } from "@azure/abort-controller";
import { ValidationError } from "../arm/index.js";
import { API_VERSIONS } from "./apiVersions.js";
import { deleteAndWait, getIfExists } from "./armCalls.js";
import type { OperationContext } from "./armCalls.js";
import { PrivateEndpointConnectionNotFoundError, PrivateEndpointDeleteError } from "./errors.js";
import type { PrivateEndpointConnectionInfo } from "./models.js";
import {
  listAll,
  notFoundAsEmpty,
  sameId,
  unique,
  vnetOf,
  whyZoneIsKept,
  zoneIdsOf,
  zoneUsageByOthers,
} from "./privateDnsZoneUsage.js";
import type { EndpointResource, VirtualNetworkLink, ZoneGroup } from "./privateDnsZoneUsage.js";
import { isAbort } from "./progress.js";
import type { DeployedResourceType, WorkspaceProgressEvent } from "./progress.js";
import { ids, lastSegment } from "./resourceIds.js";
import { validateBoolean, validateNetworkName } from "./validation.js";

/**
 * Options of `Workspace.deletePrivateEndpoint`.
 *
 * @public
 */
export interface DeletePrivateEndpointOptions {
  /**
   * Also delete the private DNS zones of the endpoint's zone group and their virtual network
   * links, but only what nothing else uses: a zone stays while another private endpoint's zone
   * group points at it, while it holds other record sets, or while it is linked to another
   * virtual network; a link stays while another private endpoint in its virtual network uses
   * the zone. Private endpoints are looked for in the subscriptions of the workspace, of the
   * endpoint and of the zones, which costs a read of each one's zone groups.
   *
   * Off by default because zones are commonly shared (one zone per service for a whole virtual
   * network or hub), so removing them is something to ask for.
   * @defaultValue false
   */
  deleteDnsZones?: boolean;
  /**
   * Poll interval of the long-running deletes when ARM sends no `Retry-After`.
   * @defaultValue the client's (2000)
   */
  updateIntervalInMs?: number;
  /**
   * Print a line per resource deleted to stderr.
   * @defaultValue true
   */
  showOutput?: boolean;
  /** Receives every progress event (`deleting`, `deleted`), whatever `showOutput` says. */
  onProgress?: (event: WorkspaceProgressEvent) => void;
  /** Cancels the operation; what was deleted stays deleted, and a new call finishes the rest. */
  abortSignal?: AbortSignalLike;
}

/**
 * What `Workspace.deletePrivateEndpoint` did.
 *
 * @public
 */
export interface DeletePrivateEndpointResult {
  /** ARM ids of what was deleted, in order: connection, zone groups, endpoint, links, zones. */
  deleted: string[];
  /** DNS resources left in place because something else uses them, with the reason. */
  kept: Array<{ id: string; reason: string }>;
}

/** @internal */
export function validateDeleteOptions(
  privateEndpointName: unknown,
  options: DeletePrivateEndpointOptions,
): string {
  const name = validateNetworkName(privateEndpointName, "privateEndpointName", "private endpoint");
  if (options === null || typeof options !== "object") {
    throw new ValidationError("InvalidOption", "The options must be an object.", "options");
  }
  validateBoolean(options.deleteDnsZones, "deleteDnsZones");
  validateBoolean(options.showOutput, "showOutput");
  return name;
}

/** The workspace the endpoint connects to. @internal */
export interface DeleteTarget {
  workspaceId: string;
  subscriptionId: string;
  resourceGroup: string;
  connections: readonly PrivateEndpointConnectionInfo[];
}

/**
 * Deletes a private endpoint of the workspace and what belongs to it only: the workspace's
 * connection, the endpoint's zone groups, the endpoint, then (with `deleteDnsZones`) the links
 * and zones no other endpoint needs. Each delete treats "already gone" as done, so a call that
 * failed or was aborted can simply be repeated.
 *
 * @internal
 */
export async function deletePrivateEndpoint(
  ctx: OperationContext,
  target: DeleteTarget,
  privateEndpointName: string,
  options: DeletePrivateEndpointOptions,
): Promise<DeletePrivateEndpointResult> {
  const result: DeletePrivateEndpointResult = { deleted: [], kept: [] };
  const { connection, endpointId, endpoint } = await findEndpoint(ctx, target, privateEndpointName);
  const zoneGroups = endpoint
    ? await listAll<ZoneGroup>(ctx, `${endpointId}/privateDnsZoneGroups`, API_VERSIONS.network)
    : [];
  const zoneIds = unique(zoneGroups.flatMap(zoneIdsOf));
  const vnetId = vnetOf(endpoint?.properties?.subnet?.id);

  const remove = async (
    resourceType: DeployedResourceType | undefined,
    id: string,
    apiVersion: string,
  ) => {
    const name = lastSegment(id);
    if (resourceType) ctx.progress.emit({ kind: "deleting", resourceType, name, resourceId: id });
    try {
      await deleteAndWait(ctx, id, apiVersion);
    } catch (cause) {
      if (isAbort(cause)) throw cause;
      throw new PrivateEndpointDeleteError({ resourceId: id, cause, deleted: result.deleted });
    }
    if (resourceType) ctx.progress.emit({ kind: "deleted", resourceType, name, resourceId: id });
    result.deleted.push(id);
  };

  // The connection first: the workspace stops accepting the endpoint at once.
  if (connection) await remove(undefined, connection.id, API_VERSIONS.machineLearning);
  // Zone groups before the endpoint, so that their records are gone before the zones are judged.
  for (const group of zoneGroups) {
    if (group.id) await remove("PrivateDnsZoneGroup", group.id, API_VERSIONS.network);
  }
  if (endpoint) await remove("PrivateEndPoint", endpointId, API_VERSIONS.network);
  if (!options.deleteDnsZones || zoneIds.length === 0) return result;

  const usage = await zoneUsageByOthers(ctx, target.subscriptionId, endpointId, zoneIds);
  for (const zoneId of zoneIds) {
    const users = usage.get(zoneId.toLowerCase()) ?? new Set<string>();
    const links = await listAll<VirtualNetworkLink>(
      ctx,
      `${zoneId}/virtualNetworkLinks`,
      API_VERSIONS.privateDns,
    ).catch(notFoundAsEmpty);
    const ownLinks = links.filter(
      (l) => vnetId && sameId(vnetOf(l.properties?.virtualNetwork?.id), vnetId),
    );
    for (const link of ownLinks) {
      if (users.has(vnetId!.toLowerCase())) {
        result.kept.push({
          id: link.id!,
          reason: "another private endpoint in this virtual network uses the zone",
        });
      } else {
        await remove("VirtualNetworkLink", link.id!, API_VERSIONS.privateDns);
      }
    }

    const reason = await whyZoneIsKept(ctx, zoneId, users, links.length - ownLinks.length);
    if (reason) result.kept.push({ id: zoneId, reason });
    else await remove("PrivateDnsZone", zoneId, API_VERSIONS.privateDns);
  }
  return result;
}

/**
 * The connection named after the endpoint on the workspace and the endpoint itself. When the
 * connection is gone already (a repeated call), the endpoint is looked for in the workspace's
 * resource group and accepted if it still points at the workspace.
 */
async function findEndpoint(
  ctx: OperationContext,
  target: DeleteTarget,
  name: string,
): Promise<{
  connection?: PrivateEndpointConnectionInfo;
  endpointId: string;
  endpoint?: EndpointResource;
}> {
  const connection = target.connections.find(
    (c) => c.privateEndpointName.toLowerCase() === name.toLowerCase(),
  );
  if (connection) {
    const endpointId = connection.privateEndpointId;
    const endpoint = await getIfExists<EndpointResource>(ctx, endpointId, API_VERSIONS.network);
    return { connection, endpointId, endpoint };
  }

  const endpointId = ids.inGroup(
    target.subscriptionId,
    target.resourceGroup,
    "Microsoft.Network/privateEndpoints",
    name,
  );
  const endpoint = await getIfExists<EndpointResource>(ctx, endpointId, API_VERSIONS.network);
  const links = [
    ...(endpoint?.properties?.privateLinkServiceConnections ?? []),
    ...(endpoint?.properties?.manualPrivateLinkServiceConnections ?? []),
  ];
  if (
    endpoint &&
    links.some((l) => sameId(l.properties?.privateLinkServiceId, target.workspaceId))
  ) {
    return { endpointId, endpoint };
  }
  const known = target.connections.map((c) => c.privateEndpointName).join(", ") || "none";
  throw new PrivateEndpointConnectionNotFoundError(
    `No private endpoint named '${name}' is connected to workspace ` +
      `${lastSegment(target.workspaceId)} (its private endpoints: ${known}). Pass one of those ` +
      `names; an endpoint outside the workspace's resource group is found through its connection.`,
  );
}
