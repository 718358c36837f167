import { ValidationError } from "../arm/index.js";
import type { CreateWorkspaceOptions } from "./createOptions.js";
import { PrivateEndpointConfig } from "./privateEndpointConfig.js";
import type { ResolvedPrivateEndpointConfig } from "./privateEndpointConfig.js";
import { validateResourceIdOfType } from "./resourceIds.js";
import {
  validateBoolean,
  validateLocation,
  validateResourceGroupName,
  validateSubscriptionId,
  validateTags,
  validateWorkspaceName,
} from "./validation.js";
import { PACKAGE_TOOLKIT_TAG } from "./toolkitTag.js";

/**
 * The create options after validation, JSON-serializable (no credential, no callbacks).
 *
 * @internal
 */
export interface CreateInput {
  name: string;
  subscriptionId: string;
  resourceGroup: string;
  location?: string;
  createResourceGroup: boolean;
  friendlyName: string;
  tags: Record<string, string>;
  sku: string;
  storageAccount?: string;
  keyVault?: string;
  appInsights?: string;
  containerRegistry?: string;
  cmkKeyvault?: string;
  resourceCmkUri?: string;
  hbiWorkspace: boolean;
  userAssignedIdentityForCmkEncryption?: string;
  primaryUserAssignedIdentity?: string;
  systemDatastoresAuthMode?: string;
  v1LegacyMode?: boolean;
  privateEndpoint?: ResolvedPrivateEndpointConfig;
  privateEndpointAutoApproval: boolean;
  disableSubnetNetworkPolicies: boolean;
  existOk: boolean;
}

const IDENTITY_TYPE = "Microsoft.ManagedIdentity/userAssignedIdentities";

/**
 * Validates every create option, before any request: a bad value throws a `ValidationError`
 * naming the option.
 *
 * @internal
 */
export function validateCreateOptions(options: CreateWorkspaceOptions): CreateInput {
  if (options === null || typeof options !== "object") {
    throw new ValidationError(
      "InvalidOption",
      "Workspace.create needs an options object.",
      "options",
    );
  }
  const name = validateWorkspaceName(options.name);
  const subscriptionId = validateSubscriptionId(options.subscriptionId);
  const resourceGroup = validateResourceGroupName(options.resourceGroup);
  const optionalId = (value: string | undefined, type: string, parameter: string) =>
    value === undefined ? undefined : validateResourceIdOfType(value, type, parameter);

  const pe = options.privateEndpointConfig;
  if (pe !== undefined && !(pe instanceof PrivateEndpointConfig)) {
    throw new ValidationError(
      "InvalidOption",
      "privateEndpointConfig must be a PrivateEndpointConfig (new PrivateEndpointConfig({ name, vnetName })).",
      "privateEndpointConfig",
    );
  }
  if ((options.cmkKeyvault === undefined) !== (options.resourceCmkUri === undefined)) {
    throw new ValidationError(
      "InvalidOption",
      "cmkKeyvault and resourceCmkUri go together: give both to encrypt with a customer-managed key, or neither.",
      options.cmkKeyvault === undefined ? "cmkKeyvault" : "resourceCmkUri",
    );
  }
  if (
    options.resourceCmkUri !== undefined &&
    !/^https:\/\/[^/]+\/keys\/[^/]+/.test(options.resourceCmkUri)
  ) {
    throw new ValidationError(
      "InvalidOption",
      `resourceCmkUri must be a key URL such as https://myvault.vault.azure.net/keys/mykey/<version>; ` +
        `got ${JSON.stringify(options.resourceCmkUri)}.`,
      "resourceCmkUri",
    );
  }
  if (options.friendlyName !== undefined && typeof options.friendlyName !== "string") {
    throw new ValidationError("InvalidOption", "friendlyName must be a string.", "friendlyName");
  }
  if (options.sku !== undefined && !/^[a-zA-Z]+$/.test(options.sku)) {
    throw new ValidationError("InvalidOption", `sku must be a SKU name such as "basic".`, "sku");
  }
  const mode = options.systemDatastoresAuthMode;
  if (mode !== undefined && !["accessKey", "identity"].includes(mode)) {
    throw new ValidationError(
      "InvalidOption",
      `systemDatastoresAuthMode must be "accessKey" or "identity"; got ${JSON.stringify(mode)}.`,
      "systemDatastoresAuthMode",
    );
  }
  if (options.updateIntervalInMs !== undefined && !(options.updateIntervalInMs >= 0)) {
    throw new ValidationError(
      "InvalidOption",
      "updateIntervalInMs must be 0 or more.",
      "updateIntervalInMs",
    );
  }
  for (const flag of [
    "createResourceGroup",
    "hbiWorkspace",
    "v1LegacyMode",
    "privateEndpointAutoApproval",
    "disableSubnetNetworkPolicies",
    "existOk",
    "showOutput",
  ] as const) {
    validateBoolean(options[flag], flag);
  }

  const tags = validateTags(options.tags) ?? {};
  return {
    name,
    subscriptionId,
    resourceGroup,
    location: options.location === undefined ? undefined : validateLocation(options.location),
    createResourceGroup: options.createResourceGroup ?? true,
    friendlyName: options.friendlyName ?? name,
    tags: { createdByToolkit: PACKAGE_TOOLKIT_TAG, ...tags },
    sku: options.sku ?? "basic",
    storageAccount: optionalId(
      options.storageAccount,
      "Microsoft.Storage/storageAccounts",
      "storageAccount",
    ),
    keyVault: optionalId(options.keyVault, "Microsoft.KeyVault/vaults", "keyVault"),
    appInsights: optionalId(options.appInsights, "Microsoft.Insights/components", "appInsights"),
    containerRegistry: optionalId(
      options.containerRegistry,
      "Microsoft.ContainerRegistry/registries",
      "containerRegistry",
    ),
    cmkKeyvault: optionalId(options.cmkKeyvault, "Microsoft.KeyVault/vaults", "cmkKeyvault"),
    resourceCmkUri: options.resourceCmkUri,
    hbiWorkspace: options.hbiWorkspace ?? false,
    userAssignedIdentityForCmkEncryption: optionalId(
      options.userAssignedIdentityForCmkEncryption,
      IDENTITY_TYPE,
      "userAssignedIdentityForCmkEncryption",
    ),
    primaryUserAssignedIdentity: optionalId(
      options.primaryUserAssignedIdentity,
      IDENTITY_TYPE,
      "primaryUserAssignedIdentity",
    ),
    systemDatastoresAuthMode: mode === "accessKey" ? undefined : mode,
    v1LegacyMode: options.v1LegacyMode ?? (pe ? true : undefined),
    privateEndpoint: pe?.withDefaults(subscriptionId, resourceGroup),
    privateEndpointAutoApproval: options.privateEndpointAutoApproval ?? true,
    disableSubnetNetworkPolicies: options.disableSubnetNetworkPolicies ?? false,
    existOk: options.existOk ?? false,
  };
}
