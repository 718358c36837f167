import type { AbortSignalLike } from "@azure/abort-controller";
import { ValidationError } from "../arm/index.js";
import { validateResourceIdOfType } from "./resourceIds.js";
import { validateBoolean, validateTags } from "./validation.js";

/**
 * Options of `Workspace.update`: the parameters of the Python SDK's `update`, camelCased, plus
 * `publicNetworkAccess`. Only the given fields change.
 *
 * @public
 */
export interface UpdateWorkspaceOptions {
  /** New display name. */
  friendlyName?: string;
  /** New description. */
  description?: string;
  /** Replaces all the workspace's tags. */
  tags?: Record<string, string>;
  /** Name of the compute target that builds environment images (needed behind a VNet). */
  imageBuildCompute?: string;
  /** Settings of the resources the service manages for the workspace (e.g. Cosmos DB throughput). */
  serviceManagedResourcesSettings?: Record<string, unknown>;
  /**
   * ARM id of the user-assigned identity to make primary; added to the workspace's identities
   * when missing.
   */
  primaryUserAssignedIdentity?: string;
  /**
   * Open (`true`) or close (`false`) a private-link workspace to the public internet. Sent as
   * `publicNetworkAccess: "Enabled"` / `"Disabled"`, the property that supersedes it in the
   * REST API. Enabling public access does not remove the private endpoints.
   */
  allowPublicAccessWhenBehindVnet?: boolean;
  /** `"Enabled"` or `"Disabled"`; must agree with `allowPublicAccessWhenBehindVnet` if both given. */
  publicNetworkAccess?: "Enabled" | "Disabled";
  /** Keep (`true`) or leave (`false`) the v1 API surface. */
  v1LegacyMode?: boolean;
  /** ARM id of the container registry to use. */
  containerRegistry?: string;
  /** ARM id of the Application Insights component to use. */
  applicationInsights?: string;
  /**
   * Poll interval of the update when ARM sends no `Retry-After`.
   * @defaultValue the client's (2000)
   */
  updateIntervalInMs?: number;
  /** Cancels the update. */
  abortSignal?: AbortSignalLike;
}

/**
 * The PATCH `properties` (and `tags`) for the options; `undefined` when nothing is to change.
 * Throws a `ValidationError` before any request for bad or contradictory values.
 *
 * @internal
 */
export function buildUpdate(options: UpdateWorkspaceOptions):
  | {
      tags?: Record<string, string>;
      properties: Record<string, unknown>;
    }
  | undefined {
  const allow = validateBoolean(
    options.allowPublicAccessWhenBehindVnet,
    "allowPublicAccessWhenBehindVnet",
  );
  const access = options.publicNetworkAccess;
  if (access !== undefined && access !== "Enabled" && access !== "Disabled") {
    throw new ValidationError(
      "InvalidOption",
      `publicNetworkAccess must be "Enabled" or "Disabled"; got ${JSON.stringify(access)}.`,
      "publicNetworkAccess",
    );
  }
  const fromAllow = allow === undefined ? undefined : allow ? "Enabled" : "Disabled";
  if (fromAllow !== undefined && access !== undefined && fromAllow !== access) {
    throw new ValidationError(
      "ConflictingOptions",
      `allowPublicAccessWhenBehindVnet: ${allow} contradicts publicNetworkAccess: "${access}". Give one of them.`,
      "publicNetworkAccess",
    );
  }
  validateBoolean(options.v1LegacyMode, "v1LegacyMode");
  for (const key of ["friendlyName", "description", "imageBuildCompute"] as const) {
    if (options[key] !== undefined && typeof options[key] !== "string") {
      throw new ValidationError("InvalidOption", `${key} must be a string.`, key);
    }
  }
  const tags = validateTags(options.tags);
  const properties = Object.fromEntries(
    Object.entries({
      friendlyName: options.friendlyName,
      description: options.description,
      imageBuildCompute: options.imageBuildCompute,
      serviceManagedResourcesSettings: options.serviceManagedResourcesSettings,
      primaryUserAssignedIdentity:
        options.primaryUserAssignedIdentity &&
        validateResourceIdOfType(
          options.primaryUserAssignedIdentity,
          "Microsoft.ManagedIdentity/userAssignedIdentities",
          "primaryUserAssignedIdentity",
        ),
      publicNetworkAccess: access ?? fromAllow,
      v1LegacyMode: options.v1LegacyMode,
      containerRegistry:
        options.containerRegistry &&
        validateResourceIdOfType(
          options.containerRegistry,
          "Microsoft.ContainerRegistry/registries",
          "containerRegistry",
        ),
      applicationInsights:
        options.applicationInsights &&
        validateResourceIdOfType(
          options.applicationInsights,
          "Microsoft.Insights/components",
          "applicationInsights",
        ),
    }).filter(([, value]) => value !== undefined),
  );
  if (tags === undefined && Object.keys(properties).length === 0) return undefined;
  return { ...(tags !== undefined ? { tags } : {}), properties };
}
