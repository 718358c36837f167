import { ArmHttpError, resourceGroupNotFound } from "../armError.js";
import type { EmulatorResponse, RequestContext, Route, RouteParams } from "../context.js";
import { isKnownRegion, normalizeLocation, regions } from "../locations.js";
import { beginOperation } from "../lro.js";
import type { StoredResource } from "../store.js";
import { copy, listAnswer, requireBody, resourceGroupId, resourceGroupType } from "./common.js";
import { forgetEndpointsUnder } from "./privateLink.js";

const namePattern = /^[-\w._()]{1,90}$/u;

function view(group: StoredResource) {
  return copy(group.body);
}

function requireGroup(ctx: RequestContext, p: RouteParams): StoredResource {
  const group = ctx.state.store.get(resourceGroupId(p.subscriptionId!, p.resourceGroupName!));
  if (!group) throw resourceGroupNotFound(p.resourceGroupName!);
  return group;
}

function checkName(name: string): void {
  if (!namePattern.test(name) || name.endsWith(".")) {
    throw new ArmHttpError(
      400,
      "InvalidResourceGroup",
      `The provided resource group name '${name}' is invalid. The name can only be a letter, ` +
        "digit, '-', '.', '(', ')' or '_', up to 90 characters, and cannot end with a period.",
    );
  }
}

function createOrUpdate(ctx: RequestContext, p: RouteParams): EmulatorResponse {
  const name = p.resourceGroupName!;
  checkName(name);
  const body = requireBody(ctx, resourceGroupType);
  const location = normalizeLocation(String(body.location));
  if (!isKnownRegion(location)) {
    throw new ArmHttpError(
      400,
      "LocationNotAvailableForResourceGroup",
      `The provided location '${body.location}' is not available for resource group. ` +
        `List of available regions is '${regions.map(([n]) => n).join(",")}'.`,
    );
  }

  const id = resourceGroupId(p.subscriptionId!, name);
  const existing = ctx.state.store.get(id);
  if (existing && existing.body.location !== location) {
    throw new ArmHttpError(
      409,
      "InvalidResourceGroupLocation",
      `Invalid resource group location '${location}'. The Resource group already exists in ` +
        `location '${existing.body.location}'.`,
    );
  }
  if (existing?.body.properties.provisioningState === "Deleting") {
    throw new ArmHttpError(
      409,
      "ResourceGroupBeingDeleted",
      `The resource group '${existing.body.name}' is in deprovisioning state and cannot perform this operation.`,
    );
  }

  const group = ctx.state.store.put({
    id: existing?.id ?? id,
    type: resourceGroupType,
    internal: {},
    body: {
      id: existing?.id ?? id,
      name: existing?.body.name ?? name,
      type: resourceGroupType,
      location,
      ...(body.managedBy ? { managedBy: body.managedBy } : {}),
      ...(body.tags ? { tags: body.tags } : {}),
      properties: { provisioningState: "Succeeded" },
    },
  });
  return { status: existing ? 200 : 201, body: view(group) };
}

function update(ctx: RequestContext, p: RouteParams): EmulatorResponse {
  const group = requireGroup(ctx, p);
  const body = requireBody(ctx, `${resourceGroupType}#PATCH`);
  if (body.tags !== undefined) group.body.tags = body.tags;
  if (body.managedBy !== undefined) group.body.managedBy = body.managedBy;
  return { status: 200, body: view(group) };
}

function remove(ctx: RequestContext, p: RouteParams): EmulatorResponse {
  const group = requireGroup(ctx, p);
  group.body.properties.provisioningState = "Deleting";
  const { headers } = beginOperation(ctx, {
    pollPaths: (operationId) => ({
      location: `/subscriptions/${p.subscriptionId}/operationresults/${operationId}`,
    }),
    // ResourceGroups_Delete answers 200 or 202, never 204: ARM ends the deletion with 200.
    emptyResultStatus: 200,
    complete: (outcome) => {
      const current = ctx.state.store.get(group.id);
      if (!current) return;
      if (outcome !== "Succeeded") {
        current.body.properties.provisioningState = "Succeeded";
        return;
      }
      forgetEndpointsUnder(ctx.state, group.id);
      ctx.state.store.deleteTree(group.id);
    },
  });
  return { status: 202, headers };
}

/** Resource groups (Microsoft.Resources 2021-04-01): create, read, update, delete and list. */
export const resourceGroupRoutes: Route[] = [
  {
    method: "GET",
    pattern: "/subscriptions/{subscriptionId}/resourcegroups",
    handle: (ctx, p) =>
      listAnswer(
        ctx.state.store.list(resourceGroupType, `/subscriptions/${p.subscriptionId}`).map(view),
      ),
  },
  {
    method: "PUT",
    pattern: "/subscriptions/{subscriptionId}/resourcegroups/{resourceGroupName}",
    handle: createOrUpdate,
  },
  {
    method: "GET",
    pattern: "/subscriptions/{subscriptionId}/resourcegroups/{resourceGroupName}",
    handle: (ctx, p) => ({ status: 200, body: view(requireGroup(ctx, p)) }),
  },
  {
    method: "HEAD",
    pattern: "/subscriptions/{subscriptionId}/resourcegroups/{resourceGroupName}",
    handle: (ctx, p) => ({
      status: ctx.state.store.has(resourceGroupId(p.subscriptionId!, p.resourceGroupName!))
        ? 204
        : 404,
    }),
  },
  {
    method: "PATCH",
    pattern: "/subscriptions/{subscriptionId}/resourcegroups/{resourceGroupName}",
    handle: update,
  },
  {
    method: "DELETE",
    pattern: "/subscriptions/{subscriptionId}/resourcegroups/{resourceGroupName}",
    longRunning: true,
    handle: remove,
  },
];
