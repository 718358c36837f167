import { API_VERSIONS } from "./apiVersions.js";
import { getIfExists } from "./armCalls.js";
import type { OperationContext } from "./armCalls.js";
import { PrivateEndpointPrerequisiteError } from "./errors.js";
import type { ResolvedPrivateEndpointConfig } from "./privateEndpointConfig.js";
import { ids } from "./resourceIds.js";
import { settleInOrder } from "./settleInOrder.js";
import { normalizeLocation } from "./validation.js";

/** A subnet as ARM returns it (only the fields read here are typed). @internal */
export interface SubnetResource {
  id?: string;
  name?: string;
  etag?: string;
  properties?: { privateEndpointNetworkPolicies?: string; [key: string]: unknown };
  [key: string]: unknown;
}

/** What the checks found out. @internal */
export interface PreflightResult {
  vnetId: string;
  vnetLocation: string;
  /** The subnet as read, present only when its policies must be switched off first. */
  subnetToUpdate?: SubnetResource;
}

/**
 * Checks, with reads only, that a private endpoint can be created: the virtual network and
 * subnet exist, no private endpoint of that name exists yet, and the subnet accepts private
 * endpoints. Warns when the virtual network is in another region than the workspace.
 *
 * Subnets whose `privateEndpointNetworkPolicies` is `"Enabled"` are refused (the workspace
 * private-link setup requires the policies off); `"NetworkSecurityGroupEnabled"`,
 * `"RouteTableEnabled"` and `"Disabled"` are accepted. With `disableSubnetNetworkPolicies`
 * the subnet is returned for the caller to update instead.
 *
 * @internal
 */
export async function privateEndpointPreflight(
  ctx: OperationContext,
  config: ResolvedPrivateEndpointConfig,
  workspaceLocation: string | undefined,
  disableSubnetNetworkPolicies: boolean,
): Promise<PreflightResult> {
  const vnetId = ids.virtualNetwork(config);
  const subnetId = ids.subnet(config);
  const where = `in subscription=${config.vnetSubscriptionId}, resource group=${config.vnetResourceGroup}`;

  // Independent reads, sent together; what is missing is then reported outermost first.
  const [vnet, subnet, existing] = await settleInOrder([
    getIfExists<{ location?: string }>(ctx, vnetId, API_VERSIONS.network),
    getIfExists<SubnetResource>(ctx, subnetId, API_VERSIONS.network),
    getIfExists(ctx, ids.privateEndpoint(config), API_VERSIONS.network),
  ]);
  if (!vnet) {
    throw new PrivateEndpointPrerequisiteError(
      "VirtualNetworkNotFound",
      `Virtual network '${config.vnetName}' was not found ${where}. Create it first, or set ` +
        `vnetSubscriptionId and vnetResourceGroup to where it is.`,
      vnetId,
    );
  }
  if (!subnet) {
    throw new PrivateEndpointPrerequisiteError(
      "SubnetNotFound",
      `Subnet '${config.vnetSubnetName}' of virtual network '${config.vnetName}' was not found ` +
        `${where}. Create it first, or set vnetSubnetName to an existing subnet.`,
      subnetId,
    );
  }
  if (existing) {
    throw new PrivateEndpointPrerequisiteError(
      "PrivateEndpointExists",
      `A private endpoint named '${config.name}' already exists ${where}. Choose another name, ` +
        `or delete the existing private endpoint first.`,
      ids.privateEndpoint(config),
    );
  }

  const vnetLocation = normalizeLocation(vnet.location ?? "");
  if (workspaceLocation !== undefined && vnetLocation !== workspaceLocation) {
    ctx.progress.warn(
      "VirtualNetworkInAnotherRegion",
      `Virtual network '${config.vnetName}' is in ${vnetLocation}, the workspace in ` +
        `${workspaceLocation}. The private endpoint is created in ${vnetLocation}; traffic ` +
        `between the regions leaves the region.`,
    );
  }

  const policies = subnet.properties?.privateEndpointNetworkPolicies;
  if (policies !== "Enabled") return { vnetId, vnetLocation };
  if (!disableSubnetNetworkPolicies) {
    throw new PrivateEndpointPrerequisiteError(
      "PrivateEndpointNetworkPoliciesEnabled",
      `Subnet '${config.vnetSubnetName}' of virtual network '${config.vnetName}' ${where} has ` +
        `privateEndpointNetworkPolicies "Enabled", which blocks private endpoints. Set it to ` +
        `"Disabled" (az network vnet subnet update --private-endpoint-network-policies ` +
        `Disabled), or pass disableSubnetNetworkPolicies: true to let this call do it.`,
      subnetId,
    );
  }
  return { vnetId, vnetLocation, subnetToUpdate: subnet };
}
