import { ArmHttpError, invalidRequestFormat, resourceNotFoundById } from "../armError.js";
import type { EmulatorResponse, RequestContext, Route, RouteParams } from "../context.js";
import { newGuid } from "../guid.js";
import type { JsonObject, StoredResource } from "../store.js";
import { copy, listAnswer, requireBody, requireLocation, sameId } from "./common.js";
import { checkNetworkName } from "./networkCommon.js";
import {
  answerPrivateDnsOperation,
  checkPreconditions,
  requireZone,
  virtualNetworkLinkType,
} from "./privateDnsZones.js";
import { virtualNetworkType } from "./subnetModel.js";

const site =
  "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Network/privateDnsZones/{privateZoneName}/virtualNetworkLinks";

function requireLink(ctx: RequestContext, p: RouteParams): StoredResource {
  const zone = requireZone(ctx, p);
  const id = `${zone.id}/virtualNetworkLinks/${p.virtualNetworkLinkName}`;
  const link = ctx.state.store.get(id);
  if (!link) throw resourceNotFoundById(id);
  return link;
}

/** A link as answered: `virtualNetworkLinkState` is InProgress until its operation ends. */
function linkView(link: StoredResource): JsonObject {
  const body = copy(link.body);
  body.properties.virtualNetworkLinkState =
    body.properties.provisioningState === "Succeeded" ? "Completed" : "InProgress";
  return body;
}

function createOrUpdate(ctx: RequestContext, p: RouteParams): EmulatorResponse {
  const name = p.virtualNetworkLinkName!;
  checkNetworkName(name);
  const zone = requireZone(ctx, p);
  const body = requireBody(ctx, virtualNetworkLinkType);
  requireLocation(body, virtualNetworkLinkType);
  const id = `${zone.id}/virtualNetworkLinks/${name}`;
  const existing = ctx.state.store.get(id);
  checkPreconditions(ctx, existing, `virtual network link ${name}`);

  const vnetId = body.properties?.virtualNetwork?.id;
  if (typeof vnetId !== "string") {
    throw invalidRequestFormat(
      "A virtual network link needs properties.virtualNetwork.id.",
      "properties.virtualNetwork.id",
    );
  }
  const vnet = ctx.state.store.get(vnetId);
  if (!vnet || vnet.type !== virtualNetworkType) {
    throw new ArmHttpError(400, "BadRequest", `The virtual network ${vnetId} does not exist.`);
  }
  const duplicate = ctx.state.store
    .list(virtualNetworkLinkType, zone.id)
    .some((l) => l.id !== existing?.id && sameId(l.body.properties.virtualNetwork.id, vnet.id));
  if (duplicate) {
    throw new ArmHttpError(
      400,
      "BadRequest",
      "A virtual network cannot be linked to the same zone more than once.",
    );
  }

  ctx.state.store.put({
    id: existing?.id ?? id,
    type: virtualNetworkLinkType,
    internal: {},
    body: {
      id: existing?.id ?? id,
      name: existing?.body.name ?? name,
      type: virtualNetworkLinkType,
      location: "global",
      ...(body.tags ? { tags: body.tags } : {}),
      etag: newGuid(),
      properties: {
        virtualNetwork: { id: vnet.id },
        registrationEnabled: body.properties?.registrationEnabled ?? false,
        provisioningState: existing ? "Updating" : "Creating",
      },
    },
  });

  return answerPrivateDnsOperation(
    ctx,
    p,
    (outcome) => {
      const link = ctx.state.store.get(id);
      if (link) link.body.properties.provisioningState = outcome;
    },
    () => linkView(ctx.state.store.get(id)!),
  );
}

function remove(ctx: RequestContext, p: RouteParams): EmulatorResponse {
  const zone = requireZone(ctx, p);
  const link = ctx.state.store.get(`${zone.id}/virtualNetworkLinks/${p.virtualNetworkLinkName}`);
  if (!link) return { status: 204 };
  checkPreconditions(ctx, link, `virtual network link ${link.body.name}`);
  link.body.properties.provisioningState = "Deleting";
  return answerPrivateDnsOperation(ctx, p, (outcome) => {
    if (outcome === "Succeeded") ctx.state.store.delete(link.id);
    else {
      const current = ctx.state.store.get(link.id);
      if (current) current.body.properties.provisioningState = outcome;
    }
  });
}

/** Virtual network links of a private DNS zone (2020-06-01). */
export const virtualNetworkLinkRoutes: Route[] = [
  {
    method: "PUT",
    pattern: `${site}/{virtualNetworkLinkName}`,
    longRunning: true,
    handle: createOrUpdate,
  },
  {
    method: "GET",
    pattern: `${site}/{virtualNetworkLinkName}`,
    handle: (ctx, p) => ({ status: 200, body: linkView(requireLink(ctx, p)) }),
  },
  {
    method: "DELETE",
    pattern: `${site}/{virtualNetworkLinkName}`,
    longRunning: true,
    handle: remove,
  },
  {
    method: "GET",
    pattern: site,
    handle: (ctx, p) => {
      const zone = requireZone(ctx, p);
      return listAnswer(ctx.state.store.list(virtualNetworkLinkType, zone.id).map(linkView));
    },
  },
];
