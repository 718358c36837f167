import {
  ArmHttpError,
  invalidRequestFormat,
  invalidResourceReference,
  resourceNotFoundById,
} from "../armError.js";
import { providerResourceId } from "../armId.js";
import type { EmulatorResponse, RequestContext, Route, RouteParams } from "../context.js";
import { newGuid } from "../guid.js";
import { nextFreeAddress, parsePrefix } from "../network/ipv4.js";
import type { JsonObject, StoredResource } from "../store.js";
import {
  copy,
  listAnswer,
  requireBody,
  requireLocation,
  requireResourceGroup,
  sameId,
} from "./common.js";
import { namesCoveredByZoneGroups, removeRecordsOwnedBy } from "./dnsRecords.js";
import {
  answerNetworkDelete,
  answerNetworkPut,
  checkNetworkName,
  networkEtag,
} from "./networkCommon.js";
import {
  closeConnections,
  connectionStateOf,
  openConnection,
  privateEndpointType,
  requireLinkTarget,
  settleConnections,
  workspaceDnsConfigs,
  workspaceEndpointAddressCount,
  type RequestedConnection,
} from "./privateLink.js";
import { endpointsInSubnet, prefixesOf, subnetType } from "./subnetModel.js";

const site =
  "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Network/privateEndpoints";
const connectionKinds = [
  "privateLinkServiceConnections",
  "manualPrivateLinkServiceConnections",
] as const;

function endpointId(p: RouteParams): string {
  return providerResourceId(p.subscriptionId!, p.resourceGroupName!, "Microsoft.Network", [
    "privateEndpoints",
    p.privateEndpointName!,
  ]);
}

/** The private endpoint a request names; 404 `ResourceNotFound` when it does not exist. */
export function requirePrivateEndpoint(ctx: RequestContext, p: RouteParams): StoredResource {
  requireResourceGroup(ctx, p.subscriptionId!, p.resourceGroupName!);
  const id = endpointId(p);
  const endpoint = ctx.state.store.get(id);
  if (!endpoint) throw resourceNotFoundById(id);
  return endpoint;
}

/**
 * A private endpoint as answered, each connection showing the workspace side's state. As in
 * Azure, a name a zone group of the endpoint has written into its zone leaves `customDnsConfigs`
 * (which keeps only what DNS must still be told by hand); it comes back if the group goes.
 */
export function privateEndpointView(ctx: RequestContext, endpoint: StoredResource): JsonObject {
  const body = copy(endpoint.body);
  const covered = namesCoveredByZoneGroups(ctx.state, endpoint.id);
  body.properties.customDnsConfigs = (body.properties.customDnsConfigs ?? []).filter(
    (config: JsonObject) => !covered(String(config.fqdn)),
  );
  const links: Record<string, string> = endpoint.internal.connectionIds ?? {};
  for (const kind of connectionKinds) {
    for (const connection of body.properties[kind] ?? []) {
      connection.properties.privateLinkServiceConnectionState = connectionStateOf(
        ctx.state,
        links[String(connection.name).toLowerCase()],
      );
    }
  }
  return body;
}

function requestedConnections(body: JsonObject): RequestedConnection[] {
  return connectionKinds.flatMap((kind) =>
    ((body.properties?.[kind] ?? []) as JsonObject[]).map((c, index) => ({
      name: String(
        c.name ?? `${kind === "privateLinkServiceConnections" ? "connection" : "manual"}${index}`,
      ),
      privateLinkServiceId: String(c.properties?.privateLinkServiceId ?? ""),
      groupIds: (c.properties?.groupIds ?? []) as string[],
      requestMessage: c.properties?.requestMessage,
      manual: kind === "manualPrivateLinkServiceConnections",
    })),
  );
}

/** The subnet a new endpoint goes into, refused when its network policies are Enabled. */
function requireSubnet(
  ctx: RequestContext,
  id: string,
  subnetId: string,
  location: string,
): StoredResource {
  const subnet = ctx.state.store.get(subnetId);
  if (!subnet || subnet.type !== subnetType) throw invalidResourceReference(subnetId, id);
  const vnet = ctx.state.store.get(subnetId.split("/subnets/")[0]!);
  if (vnet && vnet.body.location !== location) throw invalidResourceReference(subnetId, id);
  if (subnet.body.properties.privateEndpointNetworkPolicies === "Enabled") {
    throw new ArmHttpError(
      400,
      "PrivateEndpointCannotBeCreatedInSubnetThatHasNetworkPoliciesEnabled",
      `Private endpoint ${id} cannot be created in a subnet ${subnet.id} since it has private endpoint network policies enabled.`,
    );
  }
  return subnet;
}

function allocateAddresses(ctx: RequestContext, subnet: StoredResource, count: number): string[] {
  const used = new Set<string>(
    endpointsInSubnet(ctx.state, subnet.id).flatMap((pe) => pe.internal.addresses ?? []),
  );
  const prefix = parsePrefix(prefixesOf(subnet.body.properties)[0] ?? "");
  const addresses: string[] = [];
  for (let i = 0; i < count; i++) {
    const address = prefix && nextFreeAddress(prefix, used);
    if (!address) {
      throw new ArmHttpError(
        400,
        "SubnetIsFull",
        `Subnet ${subnet.body.name} has no free address left for the private endpoint.`,
      );
    }
    used.add(address);
    addresses.push(address);
  }
  return addresses;
}

function createOrUpdate(ctx: RequestContext, p: RouteParams): EmulatorResponse {
  const name = p.privateEndpointName!;
  checkNetworkName(name);
  const group = requireResourceGroup(ctx, p.subscriptionId!, p.resourceGroupName!);
  const body = requireBody(ctx, privateEndpointType);
  const location = requireLocation(body, privateEndpointType);
  const existing = ctx.state.store.get(endpointId(p));
  const id =
    existing?.id ??
    providerResourceId(p.subscriptionId!, group.body.name, "Microsoft.Network", [
      "privateEndpoints",
      name,
    ]);

  const subnetId = body.properties?.subnet?.id;
  if (typeof subnetId !== "string") {
    throw invalidRequestFormat(
      "A private endpoint needs properties.subnet.id.",
      "properties.subnet.id",
    );
  }
  if (existing && !sameId(existing.body.properties.subnet.id, subnetId)) {
    throw invalidRequestFormat(
      "The subnet of an existing private endpoint cannot change.",
      "properties.subnet.id",
    );
  }
  const subnet = requireSubnet(ctx, id, subnetId, location);
  const connections = requestedConnections(body);
  if (connections.length !== 1) {
    throw invalidRequestFormat(
      "A private endpoint needs exactly one connection in privateLinkServiceConnections or manualPrivateLinkServiceConnections.",
      "properties.privateLinkServiceConnections",
    );
  }
  const [requested] = connections as [RequestedConnection];
  const workspace = requireLinkTarget(ctx.state, id, requested);

  // Keep the connection of an endpoint PUT again with the same target; otherwise start over.
  const previousLinks: Record<string, string> = existing?.internal.connectionIds ?? {};
  const previousId = previousLinks[requested.name.toLowerCase()];
  const previousConnection = previousId ? ctx.state.store.get(previousId) : undefined;
  const keep =
    previousConnection &&
    sameId(previousConnection.body.properties.privateEndpoint.id, id) &&
    previousId!.toLowerCase().startsWith(`${workspace.id.toLowerCase()}/`);
  if (existing && !keep) closeConnections(ctx.state, id);
  const connectionId = keep ? previousId! : openConnection(ctx.state, workspace, id, requested);
  const opened = keep ? [] : [connectionId];

  const addresses: string[] =
    existing?.internal.addresses ?? allocateAddresses(ctx, subnet, workspaceEndpointAddressCount);
  const nicName = body.properties?.customNetworkInterfaceName ?? `${name}.nic.${newGuid()}`;
  const nicId =
    existing?.body.properties.networkInterfaces[0].id ??
    providerResourceId(p.subscriptionId!, group.body.name, "Microsoft.Network", [
      "networkInterfaces",
      nicName,
    ]);
  const connectionBody = (c: RequestedConnection) => ({
    id: `${id}/${c.manual ? "manualPrivateLinkServiceConnections" : "privateLinkServiceConnections"}/${c.name}`,
    name: c.name,
    type: "Microsoft.Network/privateEndpoints/privateLinkServiceConnections",
    etag: networkEtag(),
    properties: {
      provisioningState: "Succeeded",
      privateLinkServiceId: workspace.id,
      groupIds: c.groupIds,
      ...(c.requestMessage !== undefined ? { requestMessage: c.requestMessage } : {}),
    },
  });

  ctx.state.store.put({
    id,
    type: privateEndpointType,
    internal: { connectionIds: { [requested.name.toLowerCase()]: connectionId }, addresses },
    body: {
      id,
      name: existing?.body.name ?? name,
      type: privateEndpointType,
      location,
      ...(body.tags ? { tags: body.tags } : {}),
      etag: networkEtag(),
      properties: {
        provisioningState: "Updating",
        subnet: { id: subnet.id },
        privateLinkServiceConnections: requested.manual ? [] : [connectionBody(requested)],
        manualPrivateLinkServiceConnections: requested.manual ? [connectionBody(requested)] : [],
        networkInterfaces: [{ id: nicId }],
        customDnsConfigs: workspaceDnsConfigs(workspace, addresses),
        ipConfigurations: body.properties?.ipConfigurations ?? [],
        applicationSecurityGroups: body.properties?.applicationSecurityGroups ?? [],
        ...(body.properties?.customNetworkInterfaceName
          ? { customNetworkInterfaceName: nicName }
          : {}),
      },
    },
  });

  return answerNetworkPut(ctx, {
    subscriptionId: p.subscriptionId!,
    location,
    created: !existing,
    view: () => privateEndpointView(ctx, ctx.state.store.get(id)!),
    complete: (outcome) => {
      settleConnections(ctx.state, opened, outcome);
      const current = ctx.state.store.get(id);
      if (current) current.body.properties.provisioningState = outcome;
    },
  });
}

function remove(ctx: RequestContext, p: RouteParams): EmulatorResponse {
  requireResourceGroup(ctx, p.subscriptionId!, p.resourceGroupName!);
  const endpoint = ctx.state.store.get(endpointId(p));
  if (!endpoint) return { status: 204 };
  endpoint.body.properties.provisioningState = "Deleting";
  return answerNetworkDelete(ctx, {
    subscriptionId: p.subscriptionId!,
    location: endpoint.body.location,
    complete: (outcome) => {
      const current = ctx.state.store.get(endpoint.id);
      if (!current) return;
      if (outcome !== "Succeeded") {
        current.body.properties.provisioningState = outcome;
        return;
      }
      closeConnections(ctx.state, endpoint.id);
      removeRecordsOwnedBy(ctx.state, endpoint.id);
      ctx.state.store.deleteTree(endpoint.id);
    },
  });
}

/** Private endpoints (Network 2024-07-01): create, read, delete and list. */
export const privateEndpointRoutes: Route[] = [
  {
    method: "PUT",
    pattern: `${site}/{privateEndpointName}`,
    longRunning: true,
    handle: createOrUpdate,
  },
  {
    method: "GET",
    pattern: `${site}/{privateEndpointName}`,
    handle: (ctx, p) => ({
      status: 200,
      body: privateEndpointView(ctx, requirePrivateEndpoint(ctx, p)),
    }),
  },
  { method: "DELETE", pattern: `${site}/{privateEndpointName}`, longRunning: true, handle: remove },
  {
    method: "GET",
    pattern: site,
    handle: (ctx, p) => {
      const group = requireResourceGroup(ctx, p.subscriptionId!, p.resourceGroupName!);
      return listAnswer(
        ctx.state.store.list(privateEndpointType, group.id).map((e) => privateEndpointView(ctx, e)),
      );
    },
  },
  {
    method: "GET",
    pattern: "/subscriptions/{subscriptionId}/providers/Microsoft.Network/privateEndpoints",
    handle: (ctx, p) =>
      listAnswer(
        ctx.state.store
          .list(privateEndpointType, `/subscriptions/${p.subscriptionId}`)
          .map((e) => privateEndpointView(ctx, e)),
      ),
  },
];
