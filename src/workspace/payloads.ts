/**
 * Request bodies for every resource the workspace layer writes. Pure functions of their inputs
 * so that tests can compare them with what went over the wire.
 *
 * @internal
 */

type Tags = Record<string, string> | undefined;

/** Tags on a resource group created for a workspace, as the Python SDK sets them. */
export function resourceGroupBody(location: string, now: Date): unknown {
  return {
    location,
    tags: { creationTime: now.toISOString(), creationSource: "azureml-workspace" },
  };
}

/** A general-purpose v2 account, locally redundant, HTTPS only, no anonymous blob access. */
export function storageAccountBody(location: string, tags: Tags): unknown {
  return {
    location,
    tags,
    sku: { name: "Standard_LRS" },
    kind: "StorageV2",
    properties: {
      supportsHttpsTrafficOnly: true,
      allowBlobPublicAccess: false,
      minimumTlsVersion: "TLS1_2",
    },
  };
}

/**
 * A standard vault with no access policy: the workspace's managed identity is granted access by
 * the Machine Learning service when the workspace is created.
 */
export function keyVaultBody(location: string, tenantId: string, tags: Tags): unknown {
  return {
    location,
    tags,
    properties: {
      tenantId,
      sku: { family: "A", name: "standard" },
      accessPolicies: [],
    },
  };
}

/** The Log Analytics workspace that backs a workspace-based Application Insights component. */
export function logAnalyticsBody(location: string, tags: Tags): unknown {
  return {
    location,
    tags,
    properties: { sku: { name: "PerGB2018" }, retentionInDays: 30 },
  };
}

export function applicationInsightsBody(
  location: string,
  logAnalyticsWorkspaceId: string,
  tags: Tags,
): unknown {
  return {
    location,
    tags,
    kind: "web",
    properties: { Application_Type: "web", WorkspaceResourceId: logAnalyticsWorkspaceId },
  };
}

/** @internal */
export interface WorkspaceBodyInput {
  location: string;
  tags: Record<string, string>;
  sku: string;
  friendlyName: string;
  description?: string;
  storageAccount: string;
  keyVault: string;
  applicationInsights: string;
  containerRegistry?: string;
  hbiWorkspace: boolean;
  cmkKeyvault?: string;
  resourceCmkUri?: string;
  userAssignedIdentityForCmkEncryption?: string;
  primaryUserAssignedIdentity?: string;
  systemDatastoresAuthMode?: string;
  v1LegacyMode?: boolean;
  publicNetworkAccess?: "Enabled" | "Disabled";
}

/**
 * The workspace PUT body. The identity follows the Python SDK: system-assigned by default,
 * user-assigned when a primary user-assigned identity is given, both when only the identity for
 * customer-managed-key encryption is given.
 */
export function workspaceBody(input: WorkspaceBodyInput): unknown {
  const userAssigned = [
    input.primaryUserAssignedIdentity,
    input.userAssignedIdentityForCmkEncryption,
  ]
    .filter((id): id is string => id !== undefined)
    .reduce<Record<string, object>>((all, id) => ({ ...all, [id]: {} }), {});
  const identity = input.primaryUserAssignedIdentity
    ? { type: "UserAssigned", userAssignedIdentities: userAssigned }
    : input.userAssignedIdentityForCmkEncryption
      ? { type: "SystemAssigned,UserAssigned", userAssignedIdentities: userAssigned }
      : { type: "SystemAssigned" };
  const skuName = input.sku.charAt(0).toUpperCase() + input.sku.slice(1).toLowerCase();

  return {
    location: input.location,
    tags: input.tags,
    sku: { name: skuName, tier: skuName },
    identity,
    properties: dropUndefined({
      friendlyName: input.friendlyName,
      description: input.description,
      storageAccount: input.storageAccount,
      keyVault: input.keyVault,
      applicationInsights: input.applicationInsights,
      containerRegistry: input.containerRegistry,
      hbiWorkspace: input.hbiWorkspace,
      encryption: input.cmkKeyvault
        ? dropUndefined({
            status: "Enabled",
            keyVaultProperties: {
              keyVaultArmId: input.cmkKeyvault,
              keyIdentifier: input.resourceCmkUri,
            },
            identity: input.userAssignedIdentityForCmkEncryption
              ? { userAssignedIdentity: input.userAssignedIdentityForCmkEncryption }
              : undefined,
          })
        : undefined,
      primaryUserAssignedIdentity: input.primaryUserAssignedIdentity,
      systemDatastoresAuthMode: input.systemDatastoresAuthMode,
      v1LegacyMode: input.v1LegacyMode,
      publicNetworkAccess: input.publicNetworkAccess,
    }),
  };
}

/** @internal */
export interface PrivateEndpointBodyInput {
  name: string;
  location: string;
  subnetId: string;
  workspaceId: string;
  groupIds: string[];
  autoApproval: boolean;
  tags: Tags;
}

/**
 * The private endpoint PUT body: the connection goes in `privateLinkServiceConnections` when the
 * caller approves it (auto-approval) and in `manualPrivateLinkServiceConnections` when a
 * workspace owner must.
 */
export function privateEndpointBody(input: PrivateEndpointBodyInput): unknown {
  const connection = {
    name: input.name,
    properties: { privateLinkServiceId: input.workspaceId, groupIds: input.groupIds },
  };
  return {
    location: input.location,
    tags: input.tags,
    properties: {
      subnet: { id: input.subnetId },
      [input.autoApproval
        ? "privateLinkServiceConnections"
        : "manualPrivateLinkServiceConnections"]: [connection],
    },
  };
}

/** Private DNS zones are global resources. */
export function privateDnsZoneBody(tags: Tags): unknown {
  return { location: "global", tags };
}

/** A link without auto-registration: the zone only resolves, VMs do not register in it. */
export function virtualNetworkLinkBody(virtualNetworkId: string, tags: Tags): unknown {
  return {
    location: "global",
    tags,
    properties: { virtualNetwork: { id: virtualNetworkId }, registrationEnabled: false },
  };
}

/** One config per zone, named after the zone with dots turned into dashes. */
export function privateDnsZoneGroupBody(
  zoneIds: ReadonlyArray<{ zone: string; id: string }>,
): unknown {
  return {
    properties: {
      privateDnsZoneConfigs: zoneIds.map(({ zone, id }) => ({
        name: zone.replace(/\./g, "-"),
        properties: { privateDnsZoneId: id },
      })),
    },
  };
}

/** Subnet properties ARM computes; sending them back is pointless and may be refused. */
const SUBNET_READ_ONLY = [
  "provisioningState",
  "privateEndpoints",
  "ipConfigurations",
  "ipConfigurationProfiles",
  "resourceNavigationLinks",
  "serviceAssociationLinks",
  "purpose",
];

/**
 * The subnet as read, with `privateEndpointNetworkPolicies` set to `"Disabled"` and the read-only
 * fields removed. PUT replaces the whole subnet, so everything writable is kept: dropping the
 * network security group, route table, NAT gateway, delegations or service endpoints would
 * detach them.
 */
export function subnetWithPrivateEndpointPoliciesDisabled(subnet: {
  properties?: Record<string, unknown>;
  [key: string]: unknown;
}): unknown {
  const { etag: _etag, properties = {}, ...rest } = subnet;
  const writable = Object.fromEntries(
    Object.entries(properties).filter(([key]) => !SUBNET_READ_ONLY.includes(key)),
  );
  return { ...rest, properties: { ...writable, privateEndpointNetworkPolicies: "Disabled" } };
}

function dropUndefined<T extends Record<string, unknown>>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
