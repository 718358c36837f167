import { AzureMLWorkspaceError } from "../arm/index.js";
import { API_VERSIONS } from "./apiVersions.js";
import { get, getIfExists } from "./armCalls.js";
import type { OperationContext } from "./armCalls.js";
import type { CreateInput } from "./createInput.js";
import { dependentResourceName } from "./dependentNames.js";
import {
  LocationNotAvailableError,
  ResourceGroupNotFoundError,
  WorkspaceExistsError,
} from "./errors.js";
import type { WorkspaceDetails } from "./models.js";
import { privateEndpointPreflight } from "./privateEndpointPreflight.js";
import { initialPrivateEndpointState } from "./privateEndpointStep.js";
import type { PrivateEndpointStepState } from "./privateEndpointStep.js";
import { ids } from "./resourceIds.js";
import { settleInOrder } from "./settleInOrder.js";
import { normalizeLocation } from "./validation.js";

/** A dependent resource: its id and whether this operation creates it. @internal */
export interface PlannedResource {
  id: string;
  create: boolean;
}

/**
 * What `create` will do, decided by the read-only checks and stored in the poller state, so that
 * a resumed run uses the same names and knows what it owns.
 *
 * @internal
 */
export interface CreatePlan {
  location: string;
  workspaceId: string;
  /** The workspace exists and `existOk` was given: nothing else is done. */
  existing: boolean;
  createResourceGroup: boolean;
  tenantId?: string;
  storageAccount: PlannedResource;
  keyVault: PlannedResource;
  appInsights: PlannedResource;
  /** Only when the Application Insights component is created. */
  logAnalytics?: PlannedResource;
  privateEndpoint?: PrivateEndpointStepState;
}

/**
 * The checks of `create`, all reads: resource group (and the location it implies), location
 * offered by the provider, no workspace of that name (or `existOk`), the private endpoint's
 * network, the tenant for a new key vault. Errors here are thrown as they are: nothing was
 * created yet. With `existOk` and an existing workspace, `onExisting` receives it as read.
 *
 * Reads that do not depend on each other are sent together, in two rounds: the location and
 * the workspace once the resource group is known, then the private endpoint's network and the
 * tenant once no workspace stands in the way (so that an existing one costs no more reads).
 * Each round reports the failure of the check that comes first in the list above.
 *
 * @internal
 */
export async function planCreate(
  ctx: OperationContext,
  input: CreateInput,
  onExisting?: (workspace: WorkspaceDetails) => void,
): Promise<CreatePlan> {
  const { subscriptionId, resourceGroup, name } = input;
  const workspaceId = ids.workspace(subscriptionId, resourceGroup, name);

  const group = await getIfExists<{ location: string }>(
    ctx,
    ids.resourceGroup(subscriptionId, resourceGroup),
    API_VERSIONS.resources,
  );
  if (!group && !input.createResourceGroup) {
    throw new ResourceGroupNotFoundError(
      `Resource group '${resourceGroup}' was not found in subscription ${subscriptionId}. Create ` +
        `it, or pass createResourceGroup: true.`,
    );
  }
  const location = input.location ?? (group ? normalizeLocation(group.location) : undefined);
  if (location === undefined) {
    throw new ResourceGroupNotFoundError(
      `Resource group '${resourceGroup}' was not found and no location was given. Pass location ` +
        `so that the resource group can be created there.`,
    );
  }
  const [, existing] = await settleInOrder([
    checkLocation(ctx, subscriptionId, location),
    group ? getIfExists<WorkspaceDetails>(ctx, workspaceId, API_VERSIONS.machineLearning) : none,
  ]);
  if (existing && !input.existOk) throw new WorkspaceExistsError(name, resourceGroup, workspaceId);
  if (existing) {
    onExisting?.(existing);
    return {
      location: normalizeLocation(existing.location ?? location),
      workspaceId,
      existing: true,
      createResourceGroup: false,
      storageAccount: { id: existing.properties?.storageAccount ?? "", create: false },
      keyVault: { id: existing.properties?.keyVault ?? "", create: false },
      appInsights: { id: existing.properties?.applicationInsights ?? "", create: false },
    };
  }

  const inGroup = (type: string, kind: Parameters<typeof dependentResourceName>[1]) =>
    ids.inGroup(subscriptionId, resourceGroup, type, dependentResourceName(name, kind));
  const planned = (
    given: string | undefined,
    type: string,
    kind: Parameters<typeof dependentResourceName>[1],
  ) => (given ? { id: given, create: false } : { id: inGroup(type, kind), create: true });
  const keyVault = planned(input.keyVault, "Microsoft.KeyVault/vaults", "keyvault");
  const appInsights = planned(input.appInsights, "Microsoft.Insights/components", "insights");

  const [preflight, tenantId] = await settleInOrder([
    input.privateEndpoint
      ? privateEndpointPreflight(
          ctx,
          input.privateEndpoint,
          location,
          input.disableSubnetNetworkPolicies,
        )
      : none,
    keyVault.create ? readTenantId(ctx, subscriptionId) : none,
  ]);
  const privateEndpoint =
    input.privateEndpoint && preflight
      ? initialPrivateEndpointState({
          config: input.privateEndpoint,
          workspaceId,
          autoApproval: input.privateEndpointAutoApproval,
          tags: input.tags,
          preflight,
        })
      : undefined;

  return {
    location,
    workspaceId,
    existing: false,
    createResourceGroup: !group,
    tenantId,
    storageAccount: planned(input.storageAccount, "Microsoft.Storage/storageAccounts", "storage"),
    keyVault,
    appInsights,
    logAnalytics: appInsights.create
      ? { id: inGroup("Microsoft.OperationalInsights/workspaces", "logs"), create: true }
      : undefined,
    privateEndpoint,
  };
}

/** A check that is not needed. */
const none = Promise.resolve(undefined);

/** The location must be one of the provider's `workspaces` locations ("East US 2" style names). */
async function checkLocation(
  ctx: OperationContext,
  subscriptionId: string,
  location: string,
): Promise<void> {
  const provider = await get<{
    resourceTypes?: Array<{ resourceType?: string; locations?: string[] }>;
  }>(
    ctx,
    ids.provider(subscriptionId, "Microsoft.MachineLearningServices"),
    API_VERSIONS.resources,
  );
  const workspaces = provider.resourceTypes?.find(
    (t) => t.resourceType?.toLowerCase() === "workspaces",
  );
  const available = [...new Set((workspaces?.locations ?? []).map(normalizeLocation))].sort();
  if (!available.includes(location)) throw new LocationNotAvailableError(location, available);
}

/** A key vault must name its tenant: the subscription's. */
async function readTenantId(ctx: OperationContext, subscriptionId: string): Promise<string> {
  const subscription = await get<{ tenantId?: string }>(
    ctx,
    ids.subscription(subscriptionId),
    API_VERSIONS.resources,
  );
  if (!subscription.tenantId) {
    throw new AzureMLWorkspaceError(
      "TenantNotFound",
      `Subscription ${subscriptionId} did not report its tenantId, needed for the new key vault. Pass keyVault with an existing vault.`,
    );
  }
  return subscription.tenantId;
}
