import { parseResourceId } from "../arm/index.js";
import { API_VERSIONS } from "./apiVersions.js";
import { deleteAndWait, get, getIfExists } from "./armCalls.js";
import type { OperationContext } from "./armCalls.js";
import { toWorkspaceDetails } from "./models.js";
import { TOOLKIT_TAG_PREFIX } from "./toolkitTag.js";
import type { DeleteWorkspaceOptions } from "./workspaceOptions.js";

/** @internal */
const CONTAINER_REGISTRY_API_VERSION = "2023-07-01";

/** What an Application Insights component and a Log Analytics workspace show of themselves. */
interface TaggedResource {
  id?: string;
  tags?: Record<string, string>;
  properties?: { WorkspaceResourceId?: string };
}

/**
 * Deletes a workspace and waits until it is gone; with `deleteDependentResources` also the
 * resources it references, and the Log Analytics workspace this package created for its
 * Application Insights component.
 *
 * @internal
 */
export async function deleteWorkspace(
  ctx: OperationContext,
  workspaceId: string,
  options: DeleteWorkspaceOptions,
): Promise<void> {
  const details = options.deleteDependentResources
    ? toWorkspaceDetails(await get(ctx, workspaceId, API_VERSIONS.machineLearning))
    : undefined;
  const component = details?.properties?.applicationInsights;
  // Found before the component goes: afterwards nothing says which workspace it was built on.
  const logs = component ? await logAnalyticsCreatedFor(ctx, component) : undefined;

  await deleteAndWait(
    ctx,
    workspaceId,
    API_VERSIONS.machineLearning,
    options.permanentlyDelete ? { forceToPurge: "true" } : undefined,
  );
  const dependents: Array<[string | null | undefined, string]> = [
    [details?.properties?.storageAccount, API_VERSIONS.storage],
    [details?.properties?.keyVault, API_VERSIONS.keyVault],
    [component, API_VERSIONS.applicationInsights],
    [details?.properties?.containerRegistry, CONTAINER_REGISTRY_API_VERSION],
  ];
  await Promise.all(
    dependents
      .filter((entry): entry is [string, string] => typeof entry[0] === "string" && entry[0] !== "")
      .map(([id, apiVersion]) => deleteAndWait(ctx, id, apiVersion)),
  );
  if (logs) {
    await deleteAndWait(
      ctx,
      logs,
      API_VERSIONS.logAnalytics,
      options.permanentlyDelete ? { force: "true" } : undefined,
    );
  }
}

/**
 * The Log Analytics workspace behind an Application Insights component, when this package made
 * it (`Workspace.create` makes one for each component it makes, where the Python SDK shares
 * `DefaultWorkspace-<region>`) and no other component in the component's resource group sends
 * to it. Anything else is somebody's own and stays.
 */
async function logAnalyticsCreatedFor(
  ctx: OperationContext,
  componentId: string,
): Promise<string | undefined> {
  const component = await getIfExists<TaggedResource>(
    ctx,
    componentId,
    API_VERSIONS.applicationInsights,
  );
  const logsId = component?.properties?.WorkspaceResourceId;
  if (!logsId) return undefined;

  const [logs, siblings] = await Promise.all([
    getIfExists<TaggedResource>(ctx, logsId, API_VERSIONS.logAnalytics),
    get<{ value?: TaggedResource[] }>(
      ctx,
      componentsInGroupOf(componentId),
      API_VERSIONS.applicationInsights,
    ),
  ]);
  if (!logs?.tags?.createdByToolkit?.startsWith(TOOLKIT_TAG_PREFIX)) return undefined;
  const sameLogs = (c: TaggedResource) =>
    c.properties?.WorkspaceResourceId?.toLowerCase() === logsId.toLowerCase();
  const others = (siblings.value ?? []).filter(
    (c) => c.id?.toLowerCase() !== componentId.toLowerCase() && sameLogs(c),
  );
  return others.length === 0 ? logsId : undefined;
}

function componentsInGroupOf(componentId: string): string {
  const { subscriptionId, resourceGroup } = parseResourceId(componentId);
  return `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/Microsoft.Insights/components`;
}
