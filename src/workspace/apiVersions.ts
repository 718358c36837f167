/**
 * The api-version sent for each kind of resource. One table so that a version bump is one edit
 * and a test can assert every request against it.
 *
 * @internal
 */
export const API_VERSIONS = {
  /** Workspaces, their private endpoint connections and private link resources. */
  machineLearning: "2024-10-01",
  /** Virtual networks, subnets, private endpoints and private DNS zone groups. */
  network: "2024-07-01",
  /** Private DNS zones and their virtual network links. */
  privateDns: "2020-06-01",
  storage: "2023-05-01",
  keyVault: "2024-11-01",
  applicationInsights: "2020-02-02",
  logAnalytics: "2022-10-01",
  /** Subscriptions, resource groups and resource providers. */
  resources: "2021-04-01",
} as const;
