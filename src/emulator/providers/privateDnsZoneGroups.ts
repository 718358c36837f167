import { invalidResourceReference, networkChildNotFound } from "../armError.js";
import type { EmulatorResponse, RequestContext, Route, RouteParams } from "../context.js";
import type { JsonObject, StoredResource } from "../store.js";
import { copy, listAnswer, requireBody } from "./common.js";
import {
  aRecordType,
  privateDnsZoneType,
  putARecord,
  recordsForZone,
  removeRecordsOwnedBy,
} from "./dnsRecords.js";
import {
  answerNetworkDelete,
  answerNetworkPut,
  checkNetworkName,
  networkEtag,
} from "./networkCommon.js";
import { requirePrivateEndpoint } from "./privateEndpoints.js";

const zoneGroupType = "Microsoft.Network/privateEndpoints/privateDnsZoneGroups";
const site =
  "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Network/privateEndpoints/{privateEndpointName}/privateDnsZoneGroups";

/** A zone group as answered: each zone config lists the record sets the group wrote. */
function zoneGroupView(ctx: RequestContext, group: StoredResource): JsonObject {
  const body = copy(group.body);
  const owned = ctx.state.store
    .list(aRecordType)
    .filter((r) => String(r.internal.owner).toLowerCase() === group.id.toLowerCase());
  for (const config of body.properties.privateDnsZoneConfigs) {
    const zoneId = String(config.properties.privateDnsZoneId).toLowerCase();
    const zoneName = zoneId.slice(zoneId.lastIndexOf("/") + 1);
    config.properties.recordSets = owned
      .filter((r) => r.id.toLowerCase().startsWith(`${zoneId}/`))
      .map((r) => ({
        recordType: "A",
        recordSetName: r.body.name,
        fqdn: `${r.body.name}.${zoneName}`,
        ttl: r.body.properties.ttl,
        ipAddresses: r.body.properties.aRecords.map((a: JsonObject) => a.ipv4Address),
        provisioningState: "Succeeded",
      }));
  }
  return body;
}

function requireZoneGroup(ctx: RequestContext, p: RouteParams): StoredResource {
  const endpoint = requirePrivateEndpoint(ctx, p);
  const id = `${endpoint.id}/privateDnsZoneGroups/${p.privateDnsZoneGroupName}`;
  const group = ctx.state.store.get(id);
  if (!group) throw networkChildNotFound(id);
  return group;
}

/** Writes the A records of every zone of a group, from its endpoint's DNS configs. */
function writeRecords(ctx: RequestContext, group: StoredResource, endpoint: StoredResource): void {
  removeRecordsOwnedBy(ctx.state, group.id);
  for (const config of group.body.properties.privateDnsZoneConfigs) {
    const zone = ctx.state.store.get(config.properties.privateDnsZoneId);
    if (!zone) continue;
    for (const record of recordsForZone(
      zone.body.name,
      endpoint.body.properties.customDnsConfigs,
    )) {
      putARecord(ctx.state, zone, record.name, record.addresses, group.id);
    }
  }
}

function createOrUpdate(ctx: RequestContext, p: RouteParams): EmulatorResponse {
  const name = p.privateDnsZoneGroupName!;
  checkNetworkName(name);
  const endpoint = requirePrivateEndpoint(ctx, p);
  const body = requireBody(ctx, zoneGroupType);
  const id = `${endpoint.id}/privateDnsZoneGroups/${name}`;
  const existing = ctx.state.store.get(id);

  const configs = ((body.properties?.privateDnsZoneConfigs ?? []) as JsonObject[]).map((config) => {
    const zoneId = String(config.properties?.privateDnsZoneId ?? "");
    const zone = ctx.state.store.get(zoneId);
    if (!zone || zone.type !== privateDnsZoneType) throw invalidResourceReference(zoneId, id);
    return { name: config.name ?? zone.body.name, properties: { privateDnsZoneId: zone.id } };
  });

  ctx.state.store.put({
    id: existing?.id ?? id,
    type: zoneGroupType,
    internal: {},
    body: {
      id: existing?.id ?? id,
      name: existing?.body.name ?? name,
      etag: networkEtag(),
      properties: { provisioningState: "Updating", privateDnsZoneConfigs: configs },
    },
  });

  return answerNetworkPut(ctx, {
    subscriptionId: p.subscriptionId!,
    location: endpoint.body.location,
    created: !existing,
    view: () => zoneGroupView(ctx, ctx.state.store.get(id)!),
    complete: (outcome) => {
      const group = ctx.state.store.get(id);
      const currentEndpoint = ctx.state.store.get(endpoint.id);
      if (!group) return;
      group.body.properties.provisioningState = outcome;
      if (outcome === "Succeeded" && currentEndpoint) writeRecords(ctx, group, currentEndpoint);
    },
  });
}

function remove(ctx: RequestContext, p: RouteParams): EmulatorResponse {
  const endpoint = requirePrivateEndpoint(ctx, p);
  const group = ctx.state.store.get(
    `${endpoint.id}/privateDnsZoneGroups/${p.privateDnsZoneGroupName}`,
  );
  if (!group) return { status: 204 };
  group.body.properties.provisioningState = "Deleting";
  return answerNetworkDelete(ctx, {
    subscriptionId: p.subscriptionId!,
    location: endpoint.body.location,
    complete: (outcome) => {
      const current = ctx.state.store.get(group.id);
      if (!current) return;
      if (outcome !== "Succeeded") {
        current.body.properties.provisioningState = outcome;
        return;
      }
      removeRecordsOwnedBy(ctx.state, group.id);
      ctx.state.store.delete(group.id);
    },
  });
}

/** Private DNS zone groups of a private endpoint: they write the endpoint's A records. */
export const privateDnsZoneGroupRoutes: Route[] = [
  {
    method: "PUT",
    pattern: `${site}/{privateDnsZoneGroupName}`,
    longRunning: true,
    handle: createOrUpdate,
  },
  {
    method: "GET",
    pattern: `${site}/{privateDnsZoneGroupName}`,
    handle: (ctx, p) => ({ status: 200, body: zoneGroupView(ctx, requireZoneGroup(ctx, p)) }),
  },
  {
    method: "DELETE",
    pattern: `${site}/{privateDnsZoneGroupName}`,
    longRunning: true,
    handle: remove,
  },
  {
    method: "GET",
    pattern: site,
    handle: (ctx, p) => {
      const endpoint = requirePrivateEndpoint(ctx, p);
      return listAnswer(
        ctx.state.store.list(zoneGroupType, endpoint.id).map((g) => zoneGroupView(ctx, g)),
      );
    },
  },
];
