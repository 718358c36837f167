import { logger } from "../arm/logger.js";
import { API_VERSIONS } from "./apiVersions.js";
import { deleteAndWait } from "./armCalls.js";
import type { OperationContext } from "./armCalls.js";
import type { DeployedResourceType } from "./progress.js";
import { lastSegment } from "./resourceIds.js";

/**
 * A resource an operation created, recorded as soon as ARM accepted its creation so that a
 * failure, or a resumed run, can delete it again.
 *
 * @public
 */
export interface CreatedResource {
  resourceType: DeployedResourceType;
  /** ARM id. */
  id: string;
}

/** How each kind of resource is deleted. */
const DELETION: Record<
  DeployedResourceType,
  { apiVersion: string; query?: Record<string, string> }
> = {
  ResourceGroup: { apiVersion: API_VERSIONS.resources },
  StorageAccount: { apiVersion: API_VERSIONS.storage },
  KeyVault: { apiVersion: API_VERSIONS.keyVault },
  // Without force the workspace stays soft-deleted for 14 days under its name.
  LogAnalyticsWorkspace: { apiVersion: API_VERSIONS.logAnalytics, query: { force: "true" } },
  AppInsights: { apiVersion: API_VERSIONS.applicationInsights },
  // A Machine Learning workspace too is only soft-deleted unless purged: its name would stay
  // taken, so that retrying the create fails, and it cannot be recovered once the rollback has
  // deleted its storage account and key vault.
  Workspace: { apiVersion: API_VERSIONS.machineLearning, query: { forceToPurge: "true" } },
  Subnet: { apiVersion: API_VERSIONS.network },
  PrivateEndPoint: { apiVersion: API_VERSIONS.network },
  PrivateDnsZone: { apiVersion: API_VERSIONS.privateDns },
  VirtualNetworkLink: { apiVersion: API_VERSIONS.privateDns },
  PrivateDnsZoneGroup: { apiVersion: API_VERSIONS.network },
};

/** @internal */
export interface RollbackResult {
  rolledBack: string[];
  leftBehind: string[];
}

/**
 * Deletes `created` in reverse order of creation (zone group, links, zones, endpoint, workspace,
 * dependent resources, resource group), one at a time because later resources depend on earlier
 * ones (a zone cannot go while it has links). Carries on past failures and reports them.
 *
 * The caller's abort signal is deliberately not used: a rollback that stops halfway leaves more
 * behind than one that finishes.
 *
 * @internal
 */
export async function rollback(
  ctx: OperationContext,
  created: readonly CreatedResource[],
): Promise<RollbackResult> {
  const result: RollbackResult = { rolledBack: [], leftBehind: [] };
  const cleanup = { client: ctx.client, updateIntervalInMs: ctx.updateIntervalInMs };
  for (const resource of [...created].reverse()) {
    const name = lastSegment(resource.id);
    const { apiVersion, query } = DELETION[resource.resourceType];
    ctx.progress.emit({
      kind: "deleting",
      resourceType: resource.resourceType,
      name,
      resourceId: resource.id,
    });
    try {
      await deleteAndWait(cleanup, resource.id, apiVersion, query);
      result.rolledBack.push(resource.id);
      ctx.progress.emit({
        kind: "deleted",
        resourceType: resource.resourceType,
        name,
        resourceId: resource.id,
      });
    } catch (e) {
      logger.warning(
        `Could not delete ${resource.id}: ${e instanceof Error ? e.message : String(e)}`,
      );
      result.leftBehind.push(resource.id);
    }
  }
  return result;
}
