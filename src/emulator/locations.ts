import { ArmHttpError } from "./armError.js";

/** Public Azure regions the emulator knows: programmatic name and display name. */
export const regions: ReadonlyArray<readonly [name: string, displayName: string]> = [
  ["eastus", "East US"],
  ["eastus2", "East US 2"],
  ["westus", "West US"],
  ["westus2", "West US 2"],
  ["westus3", "West US 3"],
  ["centralus", "Central US"],
  ["northcentralus", "North Central US"],
  ["southcentralus", "South Central US"],
  ["westcentralus", "West Central US"],
  ["canadacentral", "Canada Central"],
  ["canadaeast", "Canada East"],
  ["brazilsouth", "Brazil South"],
  ["northeurope", "North Europe"],
  ["westeurope", "West Europe"],
  ["uksouth", "UK South"],
  ["ukwest", "UK West"],
  ["francecentral", "France Central"],
  ["germanywestcentral", "Germany West Central"],
  ["switzerlandnorth", "Switzerland North"],
  ["norwayeast", "Norway East"],
  ["swedencentral", "Sweden Central"],
  ["uaenorth", "UAE North"],
  ["southafricanorth", "South Africa North"],
  ["centralindia", "Central India"],
  ["southindia", "South India"],
  ["eastasia", "East Asia"],
  ["southeastasia", "Southeast Asia"],
  ["japaneast", "Japan East"],
  ["japanwest", "Japan West"],
  ["koreacentral", "Korea Central"],
  ["australiaeast", "Australia East"],
  ["australiasoutheast", "Australia Southeast"],
  ["eastus2euap", "East US 2 EUAP"],
];

/** ARM's normal form of a location: "East US 2" and "eastus2" are the same region. */
export function normalizeLocation(location: string): string {
  return location.replace(/\s+/g, "").toLowerCase();
}

/** All region display names, as provider registrations list them. */
export function regionDisplayNames(): string[] {
  return regions.map(([, displayName]) => displayName);
}

/** Whether a location (in either form) is a known region. */
export function isKnownRegion(location: string): boolean {
  const wanted = normalizeLocation(location);
  return regions.some(([name]) => name === wanted);
}

/** 400 `LocationNotAvailableForResourceType`, listing the regions that are. */
export function locationNotAvailable(location: string, resourceType: string, available: string[]) {
  return new ArmHttpError(
    400,
    "LocationNotAvailableForResourceType",
    `The provided location '${location}' is not available for resource type '${resourceType}'. ` +
      `List of available regions for the resource type is '${available.join(",")}'.`,
  );
}
