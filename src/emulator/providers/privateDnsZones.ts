import { ArmHttpError, invalidResourceName, resourceNotFoundById } from "../armError.js";
import { providerResourceId } from "../armId.js";
import type { EmulatorResponse, RequestContext, Route, RouteParams } from "../context.js";
import { newGuid } from "../guid.js";
import { beginOperation, privateDnsPollPaths } from "../lro.js";
import type { OperationOutcome } from "../operations.js";
import type { JsonObject, StoredResource } from "../store.js";
import {
  copy,
  failedPrecondition,
  listAnswer,
  requireBody,
  requireLocation,
  requireResourceGroup,
} from "./common.js";
import { privateDnsZoneType, putSoaRecord, recordSetsOf } from "./dnsRecords.js";

export const virtualNetworkLinkType = `${privateDnsZoneType}/virtualNetworkLinks`;
const site =
  "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Network/privateDnsZones";
const zoneNamePattern =
  /^(?=.{1,253}$)(?:[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?\.)+[a-z0-9-]{2,63}$/iu;

function zoneId(p: RouteParams): string {
  return providerResourceId(p.subscriptionId!, p.resourceGroupName!, "Microsoft.Network", [
    "privateDnsZones",
    p.privateZoneName!,
  ]);
}

/** The private zone a request names; 404 `ResourceNotFound` when it does not exist. */
export function requireZone(ctx: RequestContext, p: RouteParams): StoredResource {
  requireResourceGroup(ctx, p.subscriptionId!, p.resourceGroupName!);
  const id = zoneId(p);
  const zone = ctx.state.store.get(id);
  if (!zone) throw resourceNotFoundById(id);
  return zone;
}

/** A zone as answered, with its record-set and link counts. */
export function zoneView(ctx: RequestContext, zone: StoredResource): JsonObject {
  const body = copy(zone.body);
  const links = ctx.state.store.list(virtualNetworkLinkType, zone.id);
  const registering = links.filter((l) => l.body.properties.registrationEnabled === true);
  Object.assign(body.properties, {
    numberOfRecordSets: recordSetsOf(ctx.state, zone.id).length,
    numberOfVirtualNetworkLinks: links.length,
    numberOfVirtualNetworkLinksWithRegistration: registering.length,
  });
  return body;
}

/**
 * Checks `If-Match` / `If-None-Match: *` the way private DNS does: 412 `PreconditionFailed`
 * when the zone's etag differs or a zone that must be new exists.
 */
export function checkPreconditions(
  ctx: RequestContext,
  existing: StoredResource | undefined,
  what: string,
) {
  const failed = failedPrecondition(ctx, existing);
  if (failed?.header === "If-None-Match") {
    throw new ArmHttpError(
      412,
      "PreconditionFailed",
      `The ${what} exists already and hence cannot be created again.`,
    );
  }
  if (failed) {
    throw new ArmHttpError(
      412,
      "PreconditionFailed",
      `The ${what} has been modified (etag mismatch).`,
    );
  }
}

/** Starts a private DNS operation: 202 with `Azure-AsyncOperation`, `Location` and `Retry-After`. */
export function answerPrivateDnsOperation(
  ctx: RequestContext,
  p: RouteParams,
  complete: (outcome: OperationOutcome) => void,
  result?: () => unknown,
): EmulatorResponse {
  const { headers } = beginOperation(ctx, {
    pollPaths: privateDnsPollPaths(p.subscriptionId!, p.resourceGroupName!),
    complete,
    result,
  });
  return { status: 202, headers };
}

function settle(ctx: RequestContext, id: string, outcome: OperationOutcome): void {
  const zone = ctx.state.store.get(id);
  if (zone) zone.body.properties.provisioningState = outcome;
}

function createOrUpdate(ctx: RequestContext, p: RouteParams): EmulatorResponse {
  const name = p.privateZoneName!;
  if (!zoneNamePattern.test(name)) {
    throw invalidResourceName(
      name,
      "A private zone name must be a DNS name with at least two labels, without a trailing dot.",
    );
  }
  const group = requireResourceGroup(ctx, p.subscriptionId!, p.resourceGroupName!);
  const body = requireBody(ctx, privateDnsZoneType);
  requireLocation(body, privateDnsZoneType);
  const existing = ctx.state.store.get(zoneId(p));
  checkPreconditions(ctx, existing, `zone ${name}`);
  const id =
    existing?.id ??
    providerResourceId(p.subscriptionId!, group.body.name, "Microsoft.Network", [
      "privateDnsZones",
      name,
    ]);

  ctx.state.store.put({
    id,
    type: privateDnsZoneType,
    internal: {},
    body: {
      id,
      name: existing?.body.name ?? name,
      type: privateDnsZoneType,
      location: "global",
      ...(body.tags
        ? { tags: body.tags }
        : existing?.body.tags
          ? { tags: existing.body.tags }
          : {}),
      etag: newGuid(),
      properties: {
        maxNumberOfRecordSets: 25000,
        maxNumberOfVirtualNetworkLinks: 1000,
        maxNumberOfVirtualNetworkLinksWithRegistration: 100,
        provisioningState: existing ? "Updating" : "Creating",
        internalId: existing?.body.properties.internalId ?? Buffer.from(id).toString("base64url"),
      },
    },
  });
  if (!existing) putSoaRecord(ctx.state, id, name);

  return answerPrivateDnsOperation(
    ctx,
    p,
    (outcome) => settle(ctx, id, outcome),
    () => zoneView(ctx, ctx.state.store.get(id)!),
  );
}

function update(ctx: RequestContext, p: RouteParams): EmulatorResponse {
  const zone = requireZone(ctx, p);
  const body = requireBody(ctx, privateDnsZoneType);
  checkPreconditions(ctx, zone, `zone ${zone.body.name}`);
  if (body.tags !== undefined) zone.body.tags = body.tags;
  zone.body.etag = newGuid();
  zone.body.properties.provisioningState = "Updating";
  return answerPrivateDnsOperation(
    ctx,
    p,
    (outcome) => settle(ctx, zone.id, outcome),
    () => zoneView(ctx, ctx.state.store.get(zone.id)!),
  );
}

/** Deletes a zone: 409 `CannotDeleteResource` while virtual network links remain. */
function remove(ctx: RequestContext, p: RouteParams): EmulatorResponse {
  requireResourceGroup(ctx, p.subscriptionId!, p.resourceGroupName!);
  const zone = ctx.state.store.get(zoneId(p));
  if (!zone) return { status: 204 };
  checkPreconditions(ctx, zone, `zone ${zone.body.name}`);
  const links = ctx.state.store.list(virtualNetworkLinkType, zone.id);
  if (links.length > 0) {
    const nested = links
      .map(
        (l) =>
          `Microsoft.Network/privateDnsZones/${zone.body.name}/virtualNetworkLinks/${l.body.name}`,
      )
      .join("', '");
    throw new ArmHttpError(
      409,
      "CannotDeleteResource",
      `Cannot delete resource while nested resources exist. Some existing nested resource IDs include: '${nested}'. ` +
        "Please delete all nested resources before deleting this resource.",
    );
  }
  zone.body.properties.provisioningState = "Deleting";
  return answerPrivateDnsOperation(ctx, p, (outcome) => {
    if (outcome === "Succeeded") ctx.state.store.deleteTree(zone.id);
    else settle(ctx, zone.id, outcome);
  });
}

/** Private DNS zones (2020-06-01): create, read, update, delete and list. */
export const privateDnsZoneRoutes: Route[] = [
  {
    method: "PUT",
    pattern: `${site}/{privateZoneName}`,
    longRunning: true,
    handle: createOrUpdate,
  },
  {
    method: "GET",
    pattern: `${site}/{privateZoneName}`,
    handle: (ctx, p) => ({ status: 200, body: zoneView(ctx, requireZone(ctx, p)) }),
  },
  { method: "PATCH", pattern: `${site}/{privateZoneName}`, longRunning: true, handle: update },
  { method: "DELETE", pattern: `${site}/{privateZoneName}`, longRunning: true, handle: remove },
  {
    method: "GET",
    pattern: site,
    handle: (ctx, p) => {
      const group = requireResourceGroup(ctx, p.subscriptionId!, p.resourceGroupName!);
      return listAnswer(
        ctx.state.store.list(privateDnsZoneType, group.id).map((z) => zoneView(ctx, z)),
      );
    },
  },
  {
    method: "GET",
    pattern: "/subscriptions/{subscriptionId}/providers/Microsoft.Network/privateDnsZones",
    handle: (ctx, p) =>
      listAnswer(
        ctx.state.store
          .list(privateDnsZoneType, `/subscriptions/${p.subscriptionId}`)
          .map((z) => zoneView(ctx, z)),
      ),
  },
];
