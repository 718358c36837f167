import { regionDisplayNames } from "../locations.js";

/** One resource type of a provider registration. */
export interface ResourceTypeRegistration {
  resourceType: string;
  /** Display names ("East US 2"), or "global". */
  locations: string[];
  apiVersions: string[];
}

/** A resource provider: its namespace and the resource types the emulator serves. */
export interface ProviderRegistration {
  namespace: string;
  resourceTypes: ResourceTypeRegistration[];
}

const regional = (resourceType: string, apiVersions: string[]): ResourceTypeRegistration => ({
  resourceType,
  locations: regionDisplayNames(),
  apiVersions,
});

const global = (resourceType: string, apiVersions: string[]): ResourceTypeRegistration => ({
  resourceType,
  locations: ["global"],
  apiVersions,
});

const operationStatus = (apiVersions: string[]) => [
  regional("locations", apiVersions),
  regional("locations/operationResults", apiVersions),
];

const ml = ["2024-10-01", "2024-04-01", "2023-10-01", "2021-07-01", "2021-01-01"];
const network = [
  "2024-07-01",
  "2024-05-01",
  "2024-03-01",
  "2023-11-01",
  "2020-03-01",
  "2019-04-01",
];
const privateDns = ["2024-06-01", "2020-06-01", "2020-01-01", "2018-09-01"];
const storage = ["2023-05-01", "2023-01-01", "2022-09-01", "2021-09-01", "2018-07-01"];
const keyVault = ["2024-11-01", "2023-07-01", "2022-07-01", "2019-09-01", "2015-06-01"];
const insights = ["2020-02-02", "2020-02-02-preview", "2015-05-01"];
const logAnalytics = ["2022-10-01", "2021-06-01", "2020-08-01"];
const resources = ["2021-04-01", "2020-06-01", "2019-10-01", "2017-05-10"];

/** The provider registrations of every emulated subscription. */
export const providerRegistrations: readonly ProviderRegistration[] = [
  {
    namespace: "Microsoft.MachineLearningServices",
    resourceTypes: [
      regional("workspaces", ml),
      regional("workspaces/privateEndpointConnections", ml),
      regional("workspaces/privateLinkResources", ml),
      ...operationStatus(ml),
    ],
  },
  {
    namespace: "Microsoft.Network",
    resourceTypes: [
      regional("virtualNetworks", network),
      regional("virtualNetworks/subnets", network),
      regional("privateEndpoints", network),
      regional("privateEndpoints/privateDnsZoneGroups", network),
      regional("networkInterfaces", network),
      global("privateDnsZones", privateDns),
      global("privateDnsZones/virtualNetworkLinks", privateDns),
      global("privateDnsZones/A", privateDns),
      global("privateDnsZones/ALL", privateDns),
      global("privateDnsOperationStatuses", privateDns),
      global("privateDnsOperationResults", privateDns),
      ...operationStatus(network),
      regional("locations/operations", network),
    ],
  },
  {
    namespace: "Microsoft.Storage",
    resourceTypes: [regional("storageAccounts", storage), ...operationStatus(storage)],
  },
  {
    namespace: "Microsoft.KeyVault",
    resourceTypes: [regional("vaults", keyVault), ...operationStatus(keyVault)],
  },
  {
    namespace: "Microsoft.Insights",
    resourceTypes: [regional("components", insights)],
  },
  {
    namespace: "Microsoft.OperationalInsights",
    resourceTypes: [regional("workspaces", logAnalytics), ...operationStatus(logAnalytics)],
  },
  {
    namespace: "Microsoft.Resources",
    resourceTypes: [
      regional("resourceGroups", resources),
      regional("subscriptions", resources),
      regional("providers", resources),
    ],
  },
];

/** The registration of a namespace, found case-insensitively. */
export function findProvider(namespace: string): ProviderRegistration | undefined {
  const wanted = namespace.toLowerCase();
  return providerRegistrations.find((p) => p.namespace.toLowerCase() === wanted);
}

/** The registration of a full resource type such as "Microsoft.Network/privateEndpoints". */
export function findResourceType(fullType: string): ResourceTypeRegistration | undefined {
  const [namespace, ...rest] = fullType.split("/");
  const type = rest.join("/").toLowerCase();
  return findProvider(namespace ?? "")?.resourceTypes.find(
    (t) => t.resourceType.toLowerCase() === type,
  );
}
