import { invalidRequestFormat, resourceNotFoundById } from "../armError.js";
import { providerResourceId } from "../armId.js";
import type { EmulatorResponse, RequestContext, Route, RouteParams } from "../context.js";
import { newGuid } from "../guid.js";
import type { OperationOutcome } from "../operations.js";
import type { JsonObject, StoredResource } from "../store.js";
import { copy, listAnswer, requireBody, requireLocation, requireResourceGroup } from "./common.js";
import {
  answerNetworkDelete,
  answerNetworkPut,
  checkNetworkName,
  checkNetworkPreconditions,
  networkEtag,
  subnetInUse,
} from "./networkCommon.js";
import {
  buildSubnet,
  checkSubnetPrefixes,
  endpointsInSubnet,
  prefixesOf,
  subnetType,
  subnetView,
  virtualNetworkType,
} from "./subnetModel.js";

const site =
  "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Network/virtualNetworks";

function vnetId(p: RouteParams): string {
  return providerResourceId(p.subscriptionId!, p.resourceGroupName!, "Microsoft.Network", [
    "virtualNetworks",
    p.virtualNetworkName!,
  ]);
}

/** The virtual network a request names; 404 `ResourceNotFound` when it does not exist. */
export function requireVirtualNetwork(ctx: RequestContext, p: RouteParams): StoredResource {
  requireResourceGroup(ctx, p.subscriptionId!, p.resourceGroupName!);
  const id = vnetId(p);
  const vnet = ctx.state.store.get(id);
  if (!vnet) throw resourceNotFoundById(id);
  return vnet;
}

/** A virtual network as answered: its body with its subnets. */
export function virtualNetworkView(ctx: RequestContext, vnet: StoredResource): JsonObject {
  const body = copy(vnet.body);
  body.properties.subnets = ctx.state.store
    .list(subnetType, vnet.id)
    .map((s) => subnetView(ctx.state, s));
  return body;
}

/** Sets the provisioning state of a virtual network and its subnets when an operation ends. */
function settle(ctx: RequestContext, id: string, outcome: OperationOutcome): void {
  const state = outcome === "Succeeded" ? "Succeeded" : outcome;
  const vnet = ctx.state.store.get(id);
  if (!vnet) return;
  vnet.body.properties.provisioningState = state;
  for (const subnet of ctx.state.store.list(subnetType, id)) {
    subnet.body.properties.provisioningState = state;
  }
}

function createOrUpdate(ctx: RequestContext, p: RouteParams): EmulatorResponse {
  const name = p.virtualNetworkName!;
  checkNetworkName(name);
  const group = requireResourceGroup(ctx, p.subscriptionId!, p.resourceGroupName!);
  const body = requireBody(ctx, virtualNetworkType);
  const location = requireLocation(body, virtualNetworkType);
  const vnetPrefixes: string[] = body.properties?.addressSpace?.addressPrefixes ?? [];
  if (vnetPrefixes.length === 0) {
    throw invalidRequestFormat(
      "A virtual network needs at least one prefix in properties.addressSpace.addressPrefixes.",
      "properties.addressSpace.addressPrefixes",
    );
  }

  const existing = ctx.state.store.get(vnetId(p));
  // A virtual network PUT replaces its subnets too: a stale one is refused as a subnet PUT is.
  checkNetworkPreconditions(ctx, existing, existing?.id ?? vnetId(p));
  const id =
    existing?.id ??
    providerResourceId(p.subscriptionId!, group.body.name, "Microsoft.Network", [
      "virtualNetworks",
      name,
    ]);
  const requestedSubnets: JsonObject[] = body.properties?.subnets ?? [];
  const siblings = requestedSubnets.map((s) => ({
    name: String(s.name),
    prefixes: prefixesOf(s.properties),
  }));
  for (const subnet of requestedSubnets) {
    checkSubnetPrefixes(
      String(subnet.name),
      prefixesOf(subnet.properties),
      name,
      vnetPrefixes,
      siblings,
    );
  }

  // PUT replaces the subnet list: subnets left out are deleted, unless something uses them.
  const kept = new Set(requestedSubnets.map((s) => String(s.name).toLowerCase()));
  const dropped = ctx.state.store
    .list(subnetType, id)
    .filter((s) => !kept.has(s.body.name.toLowerCase()));
  for (const subnet of dropped) {
    const users = endpointsInSubnet(ctx.state, subnet.id);
    if (users.length > 0)
      throw subnetInUse(
        subnet.body.name,
        users.map((u) => u.id),
      );
  }
  for (const subnet of dropped) ctx.state.store.delete(subnet.id);

  const properties = copy(body.properties ?? {});
  delete properties.subnets;
  ctx.state.store.put({
    id,
    type: virtualNetworkType,
    internal: {},
    body: {
      id,
      name: existing?.body.name ?? name,
      type: virtualNetworkType,
      location,
      ...(body.tags ? { tags: body.tags } : {}),
      etag: networkEtag(),
      properties: {
        ...properties,
        resourceGuid: existing?.body.properties.resourceGuid ?? newGuid(),
        privateEndpointVNetPolicies: properties.privateEndpointVNetPolicies ?? "Disabled",
        provisioningState: "Updating",
      },
    },
  });
  for (const subnet of requestedSubnets) {
    const subnetName = String(subnet.name);
    const subnetId = `${id}/subnets/${subnetName}`;
    const previous = ctx.state.store.get(subnetId);
    const built = buildSubnet(
      previous?.id ?? subnetId,
      previous?.body.name ?? subnetName,
      subnet.properties,
    );
    ctx.state.store.put({ id: built.id, type: subnetType, internal: {}, body: built });
  }

  return answerNetworkPut(ctx, {
    subscriptionId: p.subscriptionId!,
    location,
    created: !existing,
    view: () => virtualNetworkView(ctx, ctx.state.store.get(id)!),
    complete: (outcome) => settle(ctx, id, outcome),
  });
}

function remove(ctx: RequestContext, p: RouteParams): EmulatorResponse {
  requireResourceGroup(ctx, p.subscriptionId!, p.resourceGroupName!);
  const vnet = ctx.state.store.get(vnetId(p));
  if (!vnet) return { status: 204 };
  for (const subnet of ctx.state.store.list(subnetType, vnet.id)) {
    const users = endpointsInSubnet(ctx.state, subnet.id);
    if (users.length > 0)
      throw subnetInUse(
        subnet.body.name,
        users.map((u) => u.id),
      );
  }
  vnet.body.properties.provisioningState = "Deleting";
  return answerNetworkDelete(ctx, {
    subscriptionId: p.subscriptionId!,
    location: vnet.body.location,
    complete: (outcome) => {
      if (outcome === "Succeeded") ctx.state.store.deleteTree(vnet.id);
      else settle(ctx, vnet.id, outcome);
    },
  });
}

/** Virtual networks (Network 2024-07-01): create, read, delete and list. */
export const virtualNetworkRoutes: Route[] = [
  {
    method: "PUT",
    pattern: `${site}/{virtualNetworkName}`,
    longRunning: true,
    handle: createOrUpdate,
  },
  {
    method: "GET",
    pattern: `${site}/{virtualNetworkName}`,
    handle: (ctx, p) => ({
      status: 200,
      body: virtualNetworkView(ctx, requireVirtualNetwork(ctx, p)),
    }),
  },
  { method: "DELETE", pattern: `${site}/{virtualNetworkName}`, longRunning: true, handle: remove },
  {
    method: "GET",
    pattern: site,
    handle: (ctx, p) => {
      const group = requireResourceGroup(ctx, p.subscriptionId!, p.resourceGroupName!);
      return listAnswer(
        ctx.state.store.list(virtualNetworkType, group.id).map((v) => virtualNetworkView(ctx, v)),
      );
    },
  },
  {
    method: "GET",
    pattern: "/subscriptions/{subscriptionId}/providers/Microsoft.Network/virtualNetworks",
    handle: (ctx, p) =>
      listAnswer(
        ctx.state.store
          .list(virtualNetworkType, `/subscriptions/${p.subscriptionId}`)
          .map((v) => virtualNetworkView(ctx, v)),
      ),
  },
];
