import { ArmHttpError, resourceNotFoundById } from "../armError.js";
import { providerResourceId } from "../armId.js";
import { isoTime } from "../clock.js";
import type { EmulatorResponse, RequestContext, Route, RouteParams } from "../context.js";
import { beginOperation, locationPollPath } from "../lro.js";
import type { JsonObject, StoredResource } from "../store.js";
import {
  copy,
  listAnswer,
  requireBody,
  requireLocation,
  requireResourceGroup,
  sameId,
} from "./common.js";

const storageType = "Microsoft.Storage/storageAccounts";
const site =
  "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Storage/storageAccounts";
const namePattern = /^[a-z0-9]{3,24}$/u;

function accountId(p: RouteParams): string {
  return providerResourceId(p.subscriptionId!, p.resourceGroupName!, "Microsoft.Storage", [
    "storageAccounts",
    p.accountName!,
  ]);
}

function requireAccount(ctx: RequestContext, p: RouteParams): StoredResource {
  requireResourceGroup(ctx, p.subscriptionId!, p.resourceGroupName!);
  const id = accountId(p);
  const account = ctx.state.store.get(id);
  if (!account) throw resourceNotFoundById(id);
  return account;
}

/**
 * Storage account names are global: the same name elsewhere in the subscription or in any
 * other subscription is refused with Storage's own error codes, which name the account as target.
 */
function checkNameAvailable(
  ctx: RequestContext,
  id: string,
  name: string,
  subscriptionId: string,
): void {
  const other = ctx.state.store
    .list(storageType)
    .find((a) => a.body.name.toLowerCase() === name && !sameId(a.id, id));
  if (!other) return;
  if (other.id.toLowerCase().startsWith(`/subscriptions/${subscriptionId.toLowerCase()}/`)) {
    throw new ArmHttpError(
      409,
      "StorageAccountInAnotherResourceGroup",
      `The account ${name} is already in another resource group in this subscription.`,
      name,
    );
  }
  throw new ArmHttpError(
    409,
    "StorageAccountAlreadyTaken",
    `The storage account named ${name} is already taken.`,
    name,
  );
}

function endpoints(name: string): JsonObject {
  const service = (kind: string) => `https://${name}.${kind}.core.windows.net/`;
  return {
    blob: service("blob"),
    queue: service("queue"),
    table: service("table"),
    file: service("file"),
    dfs: service("dfs"),
    web: `https://${name}.z13.web.core.windows.net/`,
  };
}

function createOrUpdate(ctx: RequestContext, p: RouteParams): EmulatorResponse {
  const name = p.accountName!;
  if (!namePattern.test(name)) {
    throw new ArmHttpError(
      400,
      "AccountNameInvalid",
      `${name} is not a valid storage account name. Storage account name must be between 3 and 24 characters in length and use numbers and lower-case letters only.`,
    );
  }
  const group = requireResourceGroup(ctx, p.subscriptionId!, p.resourceGroupName!);
  const body = requireBody(ctx, storageType);
  const location = requireLocation(body, storageType);
  const id = accountId(p);
  checkNameAvailable(ctx, id, name, p.subscriptionId!);
  const existing = ctx.state.store.get(id);
  if (existing && existing.body.location !== location) {
    throw new ArmHttpError(
      409,
      "InvalidResourceLocation",
      `The resource '${name}' already exists in location '${existing.body.location}' in resource group '${group.body.name}'. A resource with the same name cannot be created in location '${location}'. Please select a new resource name.`,
    );
  }

  const resourceId =
    existing?.id ??
    providerResourceId(p.subscriptionId!, group.body.name, "Microsoft.Storage", [
      "storageAccounts",
      name,
    ]);
  const requested: JsonObject = copy(body.properties ?? {});
  const next: JsonObject = {
    id: resourceId,
    name,
    type: storageType,
    location,
    ...(body.tags ? { tags: body.tags } : {}),
    sku: {
      name: body.sku.name,
      tier: String(body.sku.name).startsWith("Premium") ? "Premium" : "Standard",
    },
    kind: body.kind,
    ...(body.identity ? { identity: body.identity } : {}),
    properties: {
      accessTier: "Hot",
      allowBlobPublicAccess: false,
      minimumTlsVersion: "TLS1_2",
      supportsHttpsTrafficOnly: true,
      ...requested,
      creationTime: existing?.body.properties.creationTime ?? isoTime(ctx.nowMs),
      primaryEndpoints: endpoints(name),
      primaryLocation: location,
      statusOfPrimary: "available",
      provisioningState: existing ? "Succeeded" : "Creating",
    },
  };
  if (!existing)
    ctx.state.store.put({ id: resourceId, type: storageType, internal: {}, body: next });

  const { headers } = beginOperation(ctx, {
    pollPaths: locationPollPath(
      p.subscriptionId!,
      "Microsoft.Storage",
      location,
      "asyncoperations",
    ),
    complete: (outcome) => {
      const current = ctx.state.store.get(resourceId);
      if (!current) return;
      // The provisioning states of a storage account have no Failed: a failed creation leaves
      // no account behind, a failed update leaves it as it was.
      if (outcome === "Succeeded") {
        current.body = {
          ...next,
          properties: { ...next.properties, provisioningState: "Succeeded" },
        };
      } else if (!existing) {
        ctx.state.store.delete(resourceId);
      }
    },
    result: () => copy(ctx.state.store.get(resourceId)?.body),
  });
  return { status: 202, headers };
}

function update(ctx: RequestContext, p: RouteParams): EmulatorResponse {
  const account = requireAccount(ctx, p);
  const body = requireBody(ctx, `${storageType}#PATCH`);
  if (body.tags !== undefined) account.body.tags = body.tags;
  if (body.sku !== undefined) account.body.sku = { ...account.body.sku, ...body.sku };
  Object.assign(account.body.properties, body.properties ?? {});
  return { status: 200, body: copy(account.body) };
}

function remove(ctx: RequestContext, p: RouteParams): EmulatorResponse {
  requireResourceGroup(ctx, p.subscriptionId!, p.resourceGroupName!);
  return { status: ctx.state.store.delete(accountId(p)) ? 200 : 204 };
}

/** Storage accounts (2023-05-01): PUT is long-running (202 + `Location`), the rest synchronous. */
export const storageAccountRoutes: Route[] = [
  { method: "PUT", pattern: `${site}/{accountName}`, longRunning: true, handle: createOrUpdate },
  {
    method: "GET",
    pattern: `${site}/{accountName}`,
    handle: (ctx, p) => ({ status: 200, body: copy(requireAccount(ctx, p).body) }),
  },
  { method: "PATCH", pattern: `${site}/{accountName}`, handle: update },
  { method: "DELETE", pattern: `${site}/{accountName}`, handle: remove },
  {
    method: "GET",
    pattern: site,
    handle: (ctx, p) => {
      const group = requireResourceGroup(ctx, p.subscriptionId!, p.resourceGroupName!);
      return listAnswer(ctx.state.store.list(storageType, group.id).map((a) => copy(a.body)));
    },
  },
  {
    method: "GET",
    pattern: "/subscriptions/{subscriptionId}/providers/Microsoft.Storage/storageAccounts",
    handle: (ctx, p) =>
      listAnswer(
        ctx.state.store
          .list(storageType, `/subscriptions/${p.subscriptionId}`)
          .map((a) => copy(a.body)),
      ),
  },
];
