import { invalidRequestFormat, resourceNotFoundById } from "../armError.js";
import type { EmulatorResponse, RequestContext, Route, RouteParams } from "../context.js";
import type { StoredResource } from "../store.js";
import { copy, listAnswer, requireBody } from "./common.js";
import { connectionType, workspaceGroupId } from "./privateLink.js";
import { requireWorkspace } from "./workspaces.js";

const workspace =
  "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.MachineLearningServices/workspaces/{workspaceName}";

/** The private DNS zones a workspace private endpoint needs in the public cloud. */
const requiredZoneNames = ["privatelink.api.azureml.ms", "privatelink.notebooks.azure.net"];

function connectionId(ctx: RequestContext, p: RouteParams): string {
  return `${requireWorkspace(ctx, p).id}/privateEndpointConnections/${p.privateEndpointConnectionName}`;
}

function requireConnection(ctx: RequestContext, p: RouteParams): StoredResource {
  const id = connectionId(ctx, p);
  const connection = ctx.state.store.get(id);
  if (!connection) throw resourceNotFoundById(id);
  return connection;
}

/** Approves or rejects a connection; its private endpoint shows the new state at once. */
function setState(ctx: RequestContext, p: RouteParams): EmulatorResponse {
  const connection = requireConnection(ctx, p);
  const body = requireBody(ctx, connectionType);
  const requested = body.properties.privateLinkServiceConnectionState;
  const status = String(requested.status ?? "");
  const allowed = ["Approved", "Rejected"];
  const match = allowed.find((s) => s.toLowerCase() === status.toLowerCase());
  if (!match) {
    throw invalidRequestFormat(
      `A private endpoint connection can only be set to Approved or Rejected, not '${status}'.`,
      "properties.privateLinkServiceConnectionState.status",
    );
  }
  connection.body.properties.privateLinkServiceConnectionState = {
    status: match,
    description: requested.description ?? "",
    actionsRequired: requested.actionsRequired ?? "None",
  };
  return { status: 200, body: copy(connection.body) };
}

/** Deletes a connection; its private endpoint stays, Disconnected. */
function remove(ctx: RequestContext, p: RouteParams): EmulatorResponse {
  const id = connectionId(ctx, p);
  return { status: ctx.state.store.delete(id) ? 200 : 204 };
}

/** Private endpoint connections and private link resources of a workspace (all synchronous). */
export const workspaceConnectionRoutes: Route[] = [
  {
    method: "GET",
    pattern: `${workspace}/privateEndpointConnections`,
    handle: (ctx, p) =>
      listAnswer(
        ctx.state.store.list(connectionType, requireWorkspace(ctx, p).id).map((c) => copy(c.body)),
      ),
  },
  {
    method: "GET",
    pattern: `${workspace}/privateEndpointConnections/{privateEndpointConnectionName}`,
    handle: (ctx, p) => ({ status: 200, body: copy(requireConnection(ctx, p).body) }),
  },
  {
    method: "PUT",
    pattern: `${workspace}/privateEndpointConnections/{privateEndpointConnectionName}`,
    handle: setState,
  },
  {
    method: "DELETE",
    pattern: `${workspace}/privateEndpointConnections/{privateEndpointConnectionName}`,
    handle: remove,
  },
  {
    method: "GET",
    pattern: `${workspace}/privateLinkResources`,
    handle: (ctx, p) => {
      const id = `${requireWorkspace(ctx, p).id}/privateLinkResources/${workspaceGroupId}`;
      return listAnswer([
        {
          id,
          name: workspaceGroupId,
          type: "Microsoft.MachineLearningServices/workspaces/privateLinkResources",
          properties: {
            groupId: workspaceGroupId,
            requiredMembers: ["default"],
            requiredZoneNames: [...requiredZoneNames],
          },
        },
      ]);
    },
  },
];
