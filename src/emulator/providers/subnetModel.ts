import { ArmHttpError, invalidRequestFormat } from "../armError.js";
import type { EmulatorState } from "../context.js";
import { contains, overlaps, parsePrefix } from "../network/ipv4.js";
import type { JsonObject, StoredResource } from "../store.js";
import { copy, sameId } from "./common.js";
import { networkEtag } from "./networkCommon.js";
import { privateEndpointType } from "./privateLink.js";

export const virtualNetworkType = "Microsoft.Network/virtualNetworks";
export const subnetType = "Microsoft.Network/virtualNetworks/subnets";

/** Subnet properties the resource provider computes. */
const readOnlySubnetProperties = [
  "provisioningState",
  "privateEndpoints",
  "ipConfigurations",
  "ipConfigurationProfiles",
  "resourceNavigationLinks",
  "serviceAssociationLinks",
  "purpose",
];

/** The private endpoints placed in a subnet. */
export function endpointsInSubnet(state: EmulatorState, subnetId: string): StoredResource[] {
  return state.store
    .list(privateEndpointType)
    .filter((pe) => sameId(pe.body.properties.subnet?.id, subnetId));
}

/** A subnet as the Network resource provider answers it, with its private endpoints. */
export function subnetView(state: EmulatorState, subnet: StoredResource): JsonObject {
  const body = copy(subnet.body);
  const endpoints = endpointsInSubnet(state, subnet.id);
  if (endpoints.length > 0)
    body.properties.privateEndpoints = endpoints.map((pe) => ({ id: pe.id }));
  return body;
}

/** The address prefixes of a subnet body (`addressPrefix` or `addressPrefixes`). */
export function prefixesOf(properties: JsonObject | undefined): string[] {
  if (typeof properties?.addressPrefix === "string") return [properties.addressPrefix];
  return Array.isArray(properties?.addressPrefixes) ? properties.addressPrefixes : [];
}

/**
 * Checks a subnet's prefixes against its virtual network's address space and its siblings,
 * with the Network resource provider's error codes.
 */
export function checkSubnetPrefixes(
  subnetName: string,
  prefixes: string[],
  vnetName: string,
  vnetPrefixes: string[],
  siblings: Array<{ name: string; prefixes: string[] }>,
): void {
  if (prefixes.length === 0) {
    throw invalidRequestFormat(
      `Subnet '${subnetName}' needs properties.addressPrefix or properties.addressPrefixes.`,
      "properties.addressPrefix",
    );
  }
  const space = vnetPrefixes.map(parsePrefix);
  for (const text of prefixes) {
    const prefix = parsePrefix(text);
    if (!prefix) {
      throw new ArmHttpError(
        400,
        "InvalidAddressPrefixFormat",
        `Address prefix ${text} of subnet '${subnetName}' does not have a valid format.`,
      );
    }
    if (!space.some((outer) => outer && contains(outer, prefix))) {
      throw new ArmHttpError(
        400,
        "NetcfgSubnetRangeOutsideVnet",
        `Subnet '${subnetName}' is not valid because its IP address range is outside the IP address range of virtual network '${vnetName}'.`,
      );
    }
    for (const sibling of siblings) {
      const clash = sibling.prefixes
        .map(parsePrefix)
        .some((other) => other && overlaps(other, prefix));
      if (clash && sibling.name.toLowerCase() !== subnetName.toLowerCase()) {
        throw new ArmHttpError(
          400,
          "NetcfgSubnetRangesOverlap",
          `Subnet '${subnetName}' is not valid because its IP address range overlaps with that of an existing subnet '${sibling.name}' in virtual network '${vnetName}'.`,
        );
      }
    }
  }
}

/**
 * A subnet body from a request (read-only properties dropped). `privateEndpointNetworkPolicies`
 * defaults to "Disabled" and `privateLinkServiceNetworkPolicies` to "Enabled", as in 2024-07-01.
 */
export function buildSubnet(
  id: string,
  name: string,
  requested: JsonObject | undefined,
): JsonObject {
  const properties: JsonObject = copy(requested ?? {});
  for (const key of readOnlySubnetProperties) delete properties[key];
  return {
    id,
    name,
    etag: networkEtag(),
    type: subnetType,
    properties: {
      privateEndpointNetworkPolicies: "Disabled",
      privateLinkServiceNetworkPolicies: "Enabled",
      ...properties,
      provisioningState: "Updating",
    },
  };
}
