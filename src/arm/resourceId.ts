import { ValidationError } from "./errors/validationError.js";

/**
 * The parts of an ARM resource id such as
 * `/subscriptions/{s}/resourceGroups/{rg}/providers/Microsoft.Network/virtualNetworks/{v}/subnets/{n}`.
 *
 * @public
 */
export interface ResourceId {
  subscriptionId: string;
  /** Absent for subscription-level ids. */
  resourceGroup?: string;
  /** The resource provider namespace, e.g. `"Microsoft.Network"`. */
  provider?: string;
  /** The resource types from the outermost parent to the resource, e.g. `["virtualNetworks", "subnets"]`. */
  types: string[];
  /** The names matching `types`, e.g. `["myvnet", "default"]`. */
  names: string[];
  /** The full type, e.g. `"Microsoft.Network/virtualNetworks/subnets"`. */
  resourceType?: string;
  /** The resource's own name: the last of `names`. */
  name?: string;
}

/**
 * The parts {@link formatResourceId} puts together.
 *
 * @public
 */
export interface ResourceIdParts {
  subscriptionId: string;
  resourceGroup?: string;
  provider?: string;
  /** @defaultValue `[]` */
  types?: string[];
  /** @defaultValue `[]` */
  names?: string[];
}

/**
 * Splits an ARM resource id into its parts. The keywords `subscriptions`, `resourceGroups` and
 * `providers` are matched case-insensitively, as ARM does; names keep their case.
 *
 * @throws {@link ValidationError} `InvalidResourceId`, naming what is malformed
 * @public
 */
export function parseResourceId(id: string): ResourceId {
  if (typeof id !== "string" || id.trim() === "") {
    throw invalid(String(id), "it is empty");
  }
  if (/[\s?#]/.test(id)) {
    throw invalid(id, "it contains whitespace, a query string or a fragment");
  }
  if (!id.startsWith("/")) {
    throw invalid(id, 'it must start with "/subscriptions/"');
  }
  const segments = id.replace(/\/$/, "").slice(1).split("/");
  if (segments.some((segment) => segment === "")) {
    throw invalid(id, "it contains an empty segment (two slashes in a row)");
  }

  let index = 0;
  const keyword = (expected: string): boolean =>
    segments[index]?.toLowerCase() === expected.toLowerCase();

  if (!keyword("subscriptions")) throw invalid(id, 'it must start with "/subscriptions/"');
  const subscriptionId = segments[index + 1];
  if (subscriptionId === undefined) throw invalid(id, "the subscription id is missing");
  index += 2;

  let resourceGroup: string | undefined;
  if (keyword("resourceGroups")) {
    resourceGroup = segments[index + 1];
    if (resourceGroup === undefined) throw invalid(id, "the resource group name is missing");
    index += 2;
  }

  const result: ResourceId = { subscriptionId, types: [], names: [] };
  if (resourceGroup !== undefined) result.resourceGroup = resourceGroup;
  if (index === segments.length) return result;

  if (!keyword("providers")) {
    throw invalid(id, `expected "providers" but found "${segments[index]}"`);
  }
  const provider = segments[index + 1];
  if (provider === undefined) throw invalid(id, "the provider namespace is missing");
  index += 2;

  const rest = segments.slice(index);
  if (rest.length === 0) throw invalid(id, `no resource type follows the provider "${provider}"`);
  if (rest.length % 2 !== 0) {
    throw invalid(id, `the resource type "${rest[rest.length - 1]}" has no name`);
  }
  for (let i = 0; i < rest.length; i += 2) {
    if (rest[i]!.toLowerCase() === "providers") {
      throw invalid(id, "extension resources (a second /providers/ segment) are not supported");
    }
    result.types.push(rest[i]!);
    result.names.push(rest[i + 1]!);
  }
  result.provider = provider;
  result.resourceType = [provider, ...result.types].join("/");
  result.name = result.names[result.names.length - 1];
  return result;
}

/**
 * Builds an ARM resource id from its parts, the inverse of {@link parseResourceId}.
 *
 * @throws {@link ValidationError} `InvalidResourceId` when a part is empty or contains `/`, or
 * types and names do not pair up
 * @public
 */
export function formatResourceId(parts: ResourceIdParts): string {
  const { subscriptionId, resourceGroup, provider, types = [], names = [] } = parts;
  checkSegment(subscriptionId, "subscriptionId");
  let id = `/subscriptions/${subscriptionId}`;
  if (resourceGroup !== undefined) {
    checkSegment(resourceGroup, "resourceGroup");
    id += `/resourceGroups/${resourceGroup}`;
  }
  if (types.length !== names.length) {
    throw new ValidationError(
      "InvalidResourceId",
      `Cannot format a resource id from ${types.length} types and ${names.length} names: each type needs exactly one name.`,
      "names",
    );
  }
  if (provider === undefined) {
    if (types.length > 0) {
      throw new ValidationError(
        "InvalidResourceId",
        "Cannot format a resource id with resource types but no provider namespace.",
        "provider",
      );
    }
    return id;
  }
  checkSegment(provider, "provider");
  if (types.length === 0) {
    throw new ValidationError(
      "InvalidResourceId",
      `Cannot format a resource id for provider "${provider}" without a resource type and name.`,
      "types",
    );
  }
  id += `/providers/${provider}`;
  types.forEach((type, i) => {
    checkSegment(type, `types[${i}]`);
    checkSegment(names[i], `names[${i}]`);
    id += `/${type}/${names[i]}`;
  });
  return id;
}

function checkSegment(value: unknown, parameter: string): void {
  if (typeof value !== "string" || value === "" || /[/\s?#]/.test(value)) {
    throw new ValidationError(
      "InvalidResourceId",
      `Cannot format a resource id: ${parameter} must be a non-empty string without "/", ` +
        `whitespace, "?" or "#" (got ${JSON.stringify(value)}).`,
      parameter,
    );
  }
}

function invalid(id: string, reason: string): ValidationError {
  return new ValidationError(
    "InvalidResourceId",
    `"${id}" is not a valid ARM resource id: ${reason}. Expected ` +
      "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroup}/providers/{namespace}/{type}/{name}.",
    "resourceId",
  );
}
