import { ArmHttpError, resourceNotFoundById } from "../armError.js";
import { providerResourceId } from "../armId.js";
import { isoTime } from "../clock.js";
import type { EmulatorResponse, RequestContext, Route, RouteParams } from "../context.js";
import { newGuid } from "../guid.js";
import { beginOperation } from "../lro.js";
import type { StoredResource } from "../store.js";
import {
  copy,
  listAnswer,
  requireBody,
  requireLocation,
  requireResourceGroup,
  systemData,
} from "./common.js";

const workspaceType = "Microsoft.OperationalInsights/workspaces";
const site =
  "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.OperationalInsights/workspaces";
const namePattern = /^[A-Za-z0-9][A-Za-z0-9-]{2,61}[A-Za-z0-9]$/u;

function workspaceId(p: RouteParams): string {
  return providerResourceId(
    p.subscriptionId!,
    p.resourceGroupName!,
    "Microsoft.OperationalInsights",
    ["workspaces", p.workspaceName!],
  );
}

function requireWorkspace(ctx: RequestContext, p: RouteParams): StoredResource {
  requireResourceGroup(ctx, p.subscriptionId!, p.resourceGroupName!);
  const id = workspaceId(p);
  const workspace = ctx.state.store.get(id);
  if (!workspace) throw resourceNotFoundById(id);
  return workspace;
}

/**
 * 400 `InvalidParameter` for a name Log Analytics refuses: the provider checks names itself (not
 * ARM's `InvalidResourceName`) and ends its messages with the id of the operation.
 */
function checkName(name: string): void {
  const problem =
    name.length < 4 || name.length > 63
      ? "Workspace name must be between 4 and 63 characters."
      : !namePattern.test(name)
        ? "Workspace name must start and end with an alphanumeric character, and may contain only alphanumeric and hyphen characters."
        : undefined;
  if (problem) {
    throw new ArmHttpError(
      400,
      "InvalidParameter",
      `${problem} Operation Id: '${newGuid().replaceAll("-", "")}'`,
    );
  }
}

/**
 * Creates or replaces a Log Analytics workspace: 201 or 200 in state Creating/Updating until the
 * latency has passed, so clients poll the workspace itself.
 */
function createOrUpdate(ctx: RequestContext, p: RouteParams): EmulatorResponse {
  const name = p.workspaceName!;
  checkName(name);
  const group = requireResourceGroup(ctx, p.subscriptionId!, p.resourceGroupName!);
  const body = requireBody(ctx, workspaceType);
  const location = requireLocation(body, workspaceType);
  const existing = ctx.state.store.get(workspaceId(p));
  const id =
    existing?.id ??
    providerResourceId(p.subscriptionId!, group.body.name, "Microsoft.OperationalInsights", [
      "workspaces",
      name,
    ]);
  const now = isoTime(ctx.nowMs);
  ctx.state.store.put({
    id,
    type: workspaceType,
    internal: {},
    body: {
      id,
      name: existing?.body.name ?? name,
      type: workspaceType,
      location,
      ...(body.tags ? { tags: body.tags } : {}),
      systemData: systemData(ctx, existing?.body.systemData?.createdAt),
      properties: {
        sku: { name: "PerGB2018" },
        retentionInDays: 30,
        publicNetworkAccessForIngestion: "Enabled",
        publicNetworkAccessForQuery: "Enabled",
        ...copy(body.properties ?? {}),
        customerId: existing?.body.properties.customerId ?? newGuid(),
        createdDate: existing?.body.properties.createdDate ?? now,
        modifiedDate: now,
        provisioningState: existing ? "Updating" : "Creating",
      },
    },
  });
  const { headers } = beginOperation(ctx, {
    complete: (outcome) => {
      const current = ctx.state.store.get(id);
      if (current) current.body.properties.provisioningState = outcome;
    },
  });
  return { status: existing ? 200 : 201, headers, body: copy(ctx.state.store.get(id)!.body) };
}

function remove(ctx: RequestContext, p: RouteParams): EmulatorResponse {
  requireResourceGroup(ctx, p.subscriptionId!, p.resourceGroupName!);
  return { status: ctx.state.store.delete(workspaceId(p)) ? 200 : 204 };
}

/** Log Analytics workspaces (2022-10-01): create, read, delete and list. */
export const logAnalyticsRoutes: Route[] = [
  { method: "PUT", pattern: `${site}/{workspaceName}`, longRunning: true, handle: createOrUpdate },
  {
    method: "GET",
    pattern: `${site}/{workspaceName}`,
    handle: (ctx, p) => ({ status: 200, body: copy(requireWorkspace(ctx, p).body) }),
  },
  { method: "DELETE", pattern: `${site}/{workspaceName}`, handle: remove },
  {
    method: "GET",
    pattern: site,
    handle: (ctx, p) => {
      const group = requireResourceGroup(ctx, p.subscriptionId!, p.resourceGroupName!);
      return listAnswer(ctx.state.store.list(workspaceType, group.id).map((w) => copy(w.body)));
    },
  },
];
