import { ArmHttpError, invalidResourceName, resourceNotFoundById } from "../armError.js";
import { providerResourceId } from "../armId.js";
import type { EmulatorResponse, RequestContext, Route, RouteParams } from "../context.js";
import { newGuid } from "../guid.js";
import { beginOperation, locationPollPath } from "../lro.js";
import type { OperationOutcome } from "../operations.js";
import type { JsonObject, StoredResource } from "../store.js";
import {
  copy,
  listAnswer,
  requireBody,
  requireLocation,
  requireResourceGroup,
  systemData,
} from "./common.js";
import { connectionType, workspaceType } from "./privateLink.js";

const namespace = "Microsoft.MachineLearningServices";
const namePattern = /^[a-zA-Z0-9][a-zA-Z0-9_-]{2,32}$/u;

/** Properties the service computes; values sent by a client are ignored. */
const readOnlyProperties = [
  "workspaceId",
  "discoveryUrl",
  "provisioningState",
  "tenantId",
  "mlFlowTrackingUri",
  "privateEndpointConnections",
  "privateLinkCount",
  "notebookInfo",
  "serviceProvisionedResourceGroup",
  "storageHnsEnabled",
];

/** Linked resources that must exist when given; the first two never change after creation. */
const linkedResources = [
  ["storageAccount", "Microsoft.Storage/storageAccounts", true],
  ["keyVault", "Microsoft.KeyVault/vaults", true],
  ["applicationInsights", "Microsoft.Insights/components", false],
] as const;

const site =
  "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.MachineLearningServices/workspaces";

function workspaceId(p: RouteParams): string {
  return providerResourceId(p.subscriptionId!, p.resourceGroupName!, namespace, [
    "workspaces",
    p.workspaceName!,
  ]);
}

/** The workspace a request names; 404 `ResourceNotFound` when it does not exist. */
export function requireWorkspace(ctx: RequestContext, p: RouteParams): StoredResource {
  requireResourceGroup(ctx, p.subscriptionId!, p.resourceGroupName!);
  const id = workspaceId(p);
  const workspace = ctx.state.store.get(id);
  if (!workspace) throw resourceNotFoundById(id);
  return workspace;
}

/**
 * A workspace as ARM answers it. The connections, their count and — unless set explicitly —
 * `publicNetworkAccess` are derived: a workspace behind a private endpoint is closed to the
 * public network unless `allowPublicAccessWhenBehindVnet` or `publicNetworkAccess` opens it.
 */
export function workspaceView(ctx: RequestContext, workspace: StoredResource): JsonObject {
  const body = copy(workspace.body);
  const connections = ctx.state.store.list(connectionType, workspace.id).map((c) => copy(c.body));
  const properties = body.properties;
  properties.privateEndpointConnections = connections;
  properties.privateLinkCount = connections.length;
  properties.publicNetworkAccess ??=
    connections.length > 0 && !properties.allowPublicAccessWhenBehindVnet ? "Disabled" : "Enabled";
  return body;
}

function checkLinkedResources(
  ctx: RequestContext,
  properties: JsonObject,
  existing?: StoredResource,
) {
  for (const [key, type, immutable] of linkedResources) {
    const value = properties[key];
    if (typeof value !== "string") continue;
    const previous = existing?.body.properties[key];
    if (immutable && previous && previous.toLowerCase() !== value.toLowerCase()) {
      throw new ArmHttpError(
        400,
        "BadRequest",
        `properties.${key} cannot be changed after the workspace is created (it is '${previous}').`,
      );
    }
    const linked = ctx.state.store.get(value);
    if (!linked || linked.type !== type) {
      throw new ArmHttpError(
        400,
        "BadRequest",
        `The resource '${value}' given as properties.${key} does not exist. Create it first.`,
      );
    }
  }
}

function identityOf(ctx: RequestContext, requested: JsonObject | undefined, tenantId: string) {
  const identity = copy(requested ?? { type: "SystemAssigned" });
  if (String(identity.type).includes("SystemAssigned")) {
    identity.principalId ??= newGuid();
    identity.tenantId = tenantId;
  }
  for (const key of Object.keys(identity.userAssignedIdentities ?? {})) {
    identity.userAssignedIdentities[key] = { principalId: newGuid(), clientId: newGuid() };
  }
  return identity;
}

function settleState(
  ctx: RequestContext,
  id: string,
  outcome: OperationOutcome,
): StoredResource | undefined {
  const workspace = ctx.state.store.get(id);
  if (workspace) workspace.body.properties.provisioningState = outcome;
  return workspace;
}

function createOrUpdate(ctx: RequestContext, p: RouteParams): EmulatorResponse {
  const name = p.workspaceName!;
  if (!namePattern.test(name)) {
    throw invalidResourceName(
      name,
      "Workspace names must be 3 to 33 characters long, start with a letter or digit, and contain only letters, digits, '-' and '_'.",
    );
  }
  const group = requireResourceGroup(ctx, p.subscriptionId!, p.resourceGroupName!);
  const body = requireBody(ctx, workspaceType);
  const location = requireLocation(body, workspaceType);
  const id = workspaceId(p);
  const existing = ctx.state.store.get(id);
  const properties: JsonObject = copy(body.properties ?? {});
  for (const key of readOnlyProperties) delete properties[key];
  checkLinkedResources(ctx, properties, existing);

  const tenantId = ctx.state.subscriptions.get(p.subscriptionId!.toLowerCase())!.tenantId;
  const resourceId =
    existing?.id ??
    providerResourceId(p.subscriptionId!, group.body.name, namespace, ["workspaces", name]);
  const workspaceGuid = existing?.body.properties.workspaceId ?? newGuid();
  const resourceName = existing?.body.name ?? name;
  if (properties.allowPublicAccessWhenBehindVnet === true)
    properties.publicNetworkAccess ??= "Enabled";

  const next: JsonObject = {
    id: resourceId,
    name: resourceName,
    type: workspaceType,
    location,
    ...(body.tags ? { tags: body.tags } : {}),
    sku: body.sku ?? { name: "Basic", tier: "Basic" },
    kind: body.kind ?? "Default",
    identity: identityOf(ctx, body.identity, tenantId),
    systemData: systemData(ctx, existing?.body.systemData?.createdAt),
    properties: {
      friendlyName: resourceName,
      hbiWorkspace: false,
      allowPublicAccessWhenBehindVnet: false,
      v1LegacyMode: false,
      enableDataIsolation: false,
      ...properties,
      workspaceId: workspaceGuid,
      tenantId,
      discoveryUrl: `https://${location}.api.azureml.ms/discovery`,
      mlFlowTrackingUri: `azureml://${location}.api.azureml.ms/mlflow/v1.0${resourceId}`,
      notebookInfo: {
        fqdn: `ml-${resourceName.toLowerCase()}-${location}-${workspaceGuid}.${location}.notebooks.azure.net`,
        resourceId: newGuid().replaceAll("-", ""),
      },
      storageHnsEnabled: false,
      provisioningState: existing ? "Updating" : "Creating",
    },
  };

  // A new workspace is visible at once (Creating); an update shows when it has succeeded.
  if (existing) existing.body.properties.provisioningState = "Updating";
  else ctx.state.store.put({ id: resourceId, type: workspaceType, internal: {}, body: next });

  const { headers } = beginOperation(ctx, {
    pollPaths: locationPollPath(p.subscriptionId!, namespace, location, "operationResults"),
    complete: (outcome) => {
      const current = ctx.state.store.get(resourceId);
      if (current && outcome === "Succeeded")
        current.body = { ...next, properties: { ...next.properties } };
      settleState(ctx, resourceId, outcome);
    },
    result: () => {
      const current = ctx.state.store.get(resourceId);
      return current ? workspaceView(ctx, current) : undefined;
    },
  });
  return { status: 202, headers };
}

function update(ctx: RequestContext, p: RouteParams): EmulatorResponse {
  const workspace = requireWorkspace(ctx, p);
  const body = requireBody(ctx, `${workspaceType}#PATCH`);
  const changes: JsonObject = copy(body.properties ?? {});
  checkLinkedResources(ctx, changes, workspace);
  if (changes.publicNetworkAccess !== undefined) {
    changes.allowPublicAccessWhenBehindVnet = changes.publicNetworkAccess === "Enabled";
  }
  workspace.body.properties.provisioningState = "Updating";

  const { headers } = beginOperation(ctx, {
    pollPaths: locationPollPath(
      p.subscriptionId!,
      namespace,
      workspace.body.location,
      "operationResults",
    ),
    complete: (outcome) => {
      const current = settleState(ctx, workspace.id, outcome);
      if (!current || outcome !== "Succeeded") return;
      Object.assign(current.body.properties, changes);
      if (body.tags !== undefined) current.body.tags = body.tags;
      if (body.sku !== undefined) current.body.sku = body.sku;
      if (body.identity !== undefined)
        current.body.identity = identityOf(ctx, body.identity, current.body.properties.tenantId);
      current.body.systemData = systemData(ctx, current.body.systemData?.createdAt);
    },
    result: () => {
      const current = ctx.state.store.get(workspace.id);
      return current ? workspaceView(ctx, current) : undefined;
    },
  });
  return { status: 202, headers };
}

function remove(ctx: RequestContext, p: RouteParams): EmulatorResponse {
  requireResourceGroup(ctx, p.subscriptionId!, p.resourceGroupName!);
  const workspace = ctx.state.store.get(workspaceId(p));
  if (!workspace) return { status: 204 };
  workspace.body.properties.provisioningState = "Deleting";
  const { headers } = beginOperation(ctx, {
    pollPaths: locationPollPath(
      p.subscriptionId!,
      namespace,
      workspace.body.location,
      "operationResults",
    ),
    complete: (outcome) => {
      if (outcome === "Succeeded") ctx.state.store.deleteTree(workspace.id);
      else settleState(ctx, workspace.id, outcome);
    },
  });
  return { status: 202, headers };
}

/** Machine Learning workspaces (2024-10-01): create, read, update, delete and list. */
export const workspaceRoutes: Route[] = [
  { method: "PUT", pattern: `${site}/{workspaceName}`, longRunning: true, handle: createOrUpdate },
  {
    method: "GET",
    pattern: `${site}/{workspaceName}`,
    handle: (ctx, p) => ({ status: 200, body: workspaceView(ctx, requireWorkspace(ctx, p)) }),
  },
  { method: "PATCH", pattern: `${site}/{workspaceName}`, longRunning: true, handle: update },
  { method: "DELETE", pattern: `${site}/{workspaceName}`, longRunning: true, handle: remove },
  {
    method: "GET",
    pattern: site,
    handle: (ctx, p) => {
      const group = requireResourceGroup(ctx, p.subscriptionId!, p.resourceGroupName!);
      return listAnswer(
        ctx.state.store.list(workspaceType, group.id).map((w) => workspaceView(ctx, w)),
      );
    },
  },
  {
    method: "GET",
    pattern:
      "/subscriptions/{subscriptionId}/providers/Microsoft.MachineLearningServices/workspaces",
    handle: (ctx, p) =>
      listAnswer(
        ctx.state.store
          .list(workspaceType, `/subscriptions/${p.subscriptionId}`)
          .map((w) => workspaceView(ctx, w)),
      ),
  },
];
