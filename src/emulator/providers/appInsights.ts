import { resourceNotFoundById } from "../armError.js";
import { providerResourceId } from "../armId.js";
import { isoTime } from "../clock.js";
import type { EmulatorResponse, RequestContext, Route, RouteParams } from "../context.js";
import { newGuid } from "../guid.js";
import type { StoredResource } from "../store.js";
import { copy, listAnswer, requireBody, requireLocation, requireResourceGroup } from "./common.js";

const componentType = "Microsoft.Insights/components";
const site =
  "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Insights/components";

function componentId(p: RouteParams): string {
  return providerResourceId(p.subscriptionId!, p.resourceGroupName!, "Microsoft.Insights", [
    "components",
    p.resourceName!,
  ]);
}

function requireComponent(ctx: RequestContext, p: RouteParams): StoredResource {
  requireResourceGroup(ctx, p.subscriptionId!, p.resourceGroupName!);
  const id = componentId(p);
  const component = ctx.state.store.get(id);
  if (!component) throw resourceNotFoundById(id);
  return component;
}

/** Creates or replaces a component: synchronous, 200 with the component, as the spec defines. */
function createOrUpdate(ctx: RequestContext, p: RouteParams): EmulatorResponse {
  const name = p.resourceName!;
  const group = requireResourceGroup(ctx, p.subscriptionId!, p.resourceGroupName!);
  const body = requireBody(ctx, componentType);
  const location = requireLocation(body, componentType);
  const existing = ctx.state.store.get(componentId(p));
  const id =
    existing?.id ??
    providerResourceId(p.subscriptionId!, group.body.name, "Microsoft.Insights", [
      "components",
      name,
    ]);
  const instrumentationKey = existing?.body.properties.InstrumentationKey ?? newGuid();
  const component = ctx.state.store.put({
    id,
    type: componentType,
    internal: {},
    body: {
      id,
      name: existing?.body.name ?? name,
      type: componentType,
      location,
      ...(body.tags ? { tags: body.tags } : {}),
      kind: body.kind,
      etag: `"${newGuid()}"`,
      properties: {
        IngestionMode: body.properties.WorkspaceResourceId ? "LogAnalytics" : "ApplicationInsights",
        publicNetworkAccessForIngestion: "Enabled",
        publicNetworkAccessForQuery: "Enabled",
        RetentionInDays: 90,
        ...copy(body.properties),
        ApplicationId: name,
        AppId: existing?.body.properties.AppId ?? newGuid(),
        Name: name,
        InstrumentationKey: instrumentationKey,
        ConnectionString: `InstrumentationKey=${instrumentationKey};IngestionEndpoint=https://${location}-0.in.applicationinsights.azure.com/`,
        CreationDate: existing?.body.properties.CreationDate ?? isoTime(ctx.nowMs),
        TenantId: p.subscriptionId,
        provisioningState: "Succeeded",
      },
    },
  });
  return { status: 200, body: copy(component.body) };
}

function remove(ctx: RequestContext, p: RouteParams): EmulatorResponse {
  requireResourceGroup(ctx, p.subscriptionId!, p.resourceGroupName!);
  return { status: ctx.state.store.delete(componentId(p)) ? 200 : 204 };
}

/** Application Insights components (2020-02-02), all synchronous. */
export const appInsightsRoutes: Route[] = [
  { method: "PUT", pattern: `${site}/{resourceName}`, handle: createOrUpdate },
  {
    method: "GET",
    pattern: `${site}/{resourceName}`,
    handle: (ctx, p) => ({ status: 200, body: copy(requireComponent(ctx, p).body) }),
  },
  { method: "DELETE", pattern: `${site}/{resourceName}`, handle: remove },
  {
    method: "GET",
    pattern: site,
    handle: (ctx, p) => {
      const group = requireResourceGroup(ctx, p.subscriptionId!, p.resourceGroupName!);
      return listAnswer(ctx.state.store.list(componentType, group.id).map((c) => copy(c.body)));
    },
  },
];
