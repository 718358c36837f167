import { networkChildNotFound } from "../armError.js";
import type { EmulatorResponse, RequestContext, Route, RouteParams } from "../context.js";
import type { OperationOutcome } from "../operations.js";
import type { StoredResource } from "../store.js";
import { copy, listAnswer, requireBody } from "./common.js";
import {
  answerNetworkDelete,
  answerNetworkPut,
  checkNetworkName,
  checkNetworkPreconditions,
  subnetInUse,
} from "./networkCommon.js";
import {
  buildSubnet,
  checkSubnetPrefixes,
  endpointsInSubnet,
  prefixesOf,
  subnetType,
  subnetView,
} from "./subnetModel.js";
import { requireVirtualNetwork } from "./virtualNetworks.js";

const site =
  "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Network/virtualNetworks/{virtualNetworkName}/subnets";

function requireSubnet(ctx: RequestContext, p: RouteParams): StoredResource {
  const vnet = requireVirtualNetwork(ctx, p);
  const id = `${vnet.id}/subnets/${p.subnetName}`;
  const subnet = ctx.state.store.get(id);
  if (!subnet) throw networkChildNotFound(id);
  return subnet;
}

function settle(ctx: RequestContext, id: string, outcome: OperationOutcome): void {
  const subnet = ctx.state.store.get(id);
  if (subnet) subnet.body.properties.provisioningState = outcome;
}

function createOrUpdate(ctx: RequestContext, p: RouteParams): EmulatorResponse {
  const name = p.subnetName!;
  checkNetworkName(name);
  const vnet = requireVirtualNetwork(ctx, p);
  const body = requireBody(ctx, subnetType);
  const id = `${vnet.id}/subnets/${name}`;
  const existing = ctx.state.store.get(id);
  // Checked first: a write based on a stale read is refused as stale, whatever its body says.
  checkNetworkPreconditions(ctx, existing, existing?.id ?? id);
  const siblings = ctx.state.store
    .list(subnetType, vnet.id)
    .map((s) => ({ name: String(s.body.name), prefixes: prefixesOf(s.body.properties) }));
  checkSubnetPrefixes(
    name,
    prefixesOf(body.properties),
    vnet.body.name,
    vnet.body.properties.addressSpace?.addressPrefixes ?? [],
    siblings,
  );

  const built = buildSubnet(existing?.id ?? id, existing?.body.name ?? name, body.properties);
  ctx.state.store.put({ id: built.id, type: subnetType, internal: {}, body: built });

  return answerNetworkPut(ctx, {
    subscriptionId: p.subscriptionId!,
    location: vnet.body.location,
    created: !existing,
    view: () => subnetView(ctx.state, ctx.state.store.get(id)!),
    complete: (outcome) => settle(ctx, id, outcome),
  });
}

function remove(ctx: RequestContext, p: RouteParams): EmulatorResponse {
  const vnet = requireVirtualNetwork(ctx, p);
  const subnet = ctx.state.store.get(`${vnet.id}/subnets/${p.subnetName}`);
  if (!subnet) return { status: 204 };
  const users = endpointsInSubnet(ctx.state, subnet.id);
  if (users.length > 0)
    throw subnetInUse(
      subnet.body.name,
      users.map((u) => u.id),
    );
  subnet.body.properties.provisioningState = "Deleting";
  return answerNetworkDelete(ctx, {
    subscriptionId: p.subscriptionId!,
    location: vnet.body.location,
    complete: (outcome) => {
      if (outcome === "Succeeded") ctx.state.store.delete(subnet.id);
      else settle(ctx, subnet.id, outcome);
    },
  });
}

/** Subnets of a virtual network (Network 2024-07-01). */
export const subnetRoutes: Route[] = [
  { method: "PUT", pattern: `${site}/{subnetName}`, longRunning: true, handle: createOrUpdate },
  {
    method: "GET",
    pattern: `${site}/{subnetName}`,
    handle: (ctx, p) => ({ status: 200, body: subnetView(ctx.state, requireSubnet(ctx, p)) }),
  },
  { method: "DELETE", pattern: `${site}/{subnetName}`, longRunning: true, handle: remove },
  {
    method: "GET",
    pattern: site,
    handle: (ctx, p) => {
      const vnet = requireVirtualNetwork(ctx, p);
      return listAnswer(
        ctx.state.store.list(subnetType, vnet.id).map((s) => copy(subnetView(ctx.state, s))),
      );
    },
  },
];
