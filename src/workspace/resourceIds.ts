import { parseResourceId, ValidationError } from "../arm/index.js";
import type { ResolvedPrivateEndpointConfig } from "./privateEndpointConfig.js";

/**
 * ARM ids of everything the workspace layer touches. Names reaching these helpers were validated
 * first, so they need no escaping.
 *
 * @internal
 */
export const ids = {
  subscription: (subscriptionId: string) => `/subscriptions/${subscriptionId}`,
  resourceGroup: (subscriptionId: string, resourceGroup: string) =>
    `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}`,
  provider: (subscriptionId: string, namespace: string) =>
    `/subscriptions/${subscriptionId}/providers/${namespace}`,
  inGroup: (subscriptionId: string, resourceGroup: string, type: string, name: string) =>
    `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/${type}/${name}`,
  workspace: (subscriptionId: string, resourceGroup: string, name: string) =>
    ids.inGroup(
      subscriptionId,
      resourceGroup,
      "Microsoft.MachineLearningServices/workspaces",
      name,
    ),
  virtualNetwork: (pe: ResolvedPrivateEndpointConfig) =>
    ids.inGroup(
      pe.vnetSubscriptionId,
      pe.vnetResourceGroup,
      "Microsoft.Network/virtualNetworks",
      pe.vnetName,
    ),
  subnet: (pe: ResolvedPrivateEndpointConfig) =>
    `${ids.virtualNetwork(pe)}/subnets/${pe.vnetSubnetName}`,
  privateEndpoint: (pe: ResolvedPrivateEndpointConfig) =>
    ids.inGroup(
      pe.vnetSubscriptionId,
      pe.vnetResourceGroup,
      "Microsoft.Network/privateEndpoints",
      pe.name,
    ),
  privateDnsZone: (pe: ResolvedPrivateEndpointConfig, zone: string) =>
    ids.inGroup(
      pe.vnetSubscriptionId,
      pe.vnetResourceGroup,
      "Microsoft.Network/privateDnsZones",
      zone,
    ),
};

/** The last segment of an ARM id. */
export function lastSegment(id: string): string {
  return id.slice(id.lastIndexOf("/") + 1);
}

/**
 * Checks that `id` is the ARM id of a resource of `resourceType` (compared case-insensitively,
 * as ARM does) and returns it unchanged.
 *
 * @internal
 */
export function validateResourceIdOfType(
  id: unknown,
  resourceType: string,
  parameter: string,
): string {
  const expected = `an ARM id of a ${resourceType} (/subscriptions/…/resourceGroups/…/providers/${resourceType}/…)`;
  if (typeof id !== "string") {
    throw new ValidationError("InvalidResourceId", `${parameter} must be ${expected}.`, parameter);
  }
  let parsed;
  try {
    parsed = parseResourceId(id);
  } catch {
    throw new ValidationError(
      "InvalidResourceId",
      `${parameter} must be ${expected}; got ${JSON.stringify(id)}.`,
      parameter,
    );
  }
  if (parsed.resourceType?.toLowerCase() !== resourceType.toLowerCase() || !parsed.resourceGroup) {
    throw new ValidationError(
      "InvalidResourceId",
      `${parameter} must be ${expected}; got ${JSON.stringify(id)}.`,
      parameter,
    );
  }
  return id;
}
