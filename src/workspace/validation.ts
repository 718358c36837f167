import { ValidationError } from "../arm/index.js";

/** The workspace name rule of the Microsoft.MachineLearningServices REST API. */
const WORKSPACE_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_-]{2,32}$/;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Resource group names: letters, digits, underscores, hyphens, periods and parentheses. */
const RESOURCE_GROUP = /^[-\p{L}\p{N}_.()]{1,90}$/u;
/** Private endpoints and virtual networks share the Microsoft.Network naming rule. */
const NETWORK_NAME = /^[a-zA-Z0-9](?:[a-zA-Z0-9_.-]{0,62}[a-zA-Z0-9_])?$/;
const SUBNET_NAME = /^[a-zA-Z0-9](?:[a-zA-Z0-9_.-]{0,78}[a-zA-Z0-9_])?$/;
const TAG_KEY_FORBIDDEN = /[<>%&\\?/]/;

/** @internal */
export function validateWorkspaceName(name: unknown, parameter = "name"): string {
  if (typeof name !== "string" || !WORKSPACE_NAME.test(name)) {
    throw new ValidationError(
      "InvalidWorkspaceName",
      `Workspace name must be between 3 and 33 characters long, start with a letter or digit ` +
        `and contain only letters, digits, hyphens and underscores; got ${JSON.stringify(name)}.`,
      parameter,
    );
  }
  return name;
}

/** @internal */
export function validateSubscriptionId(id: unknown, parameter = "subscriptionId"): string {
  if (typeof id !== "string" || !GUID.test(id)) {
    throw new ValidationError(
      "InvalidSubscriptionId",
      `${parameter} must be a subscription id (a GUID such as ` +
        `00000000-0000-0000-0000-000000000000); got ${JSON.stringify(id)}.`,
      parameter,
    );
  }
  return id;
}

/** @internal */
export function validateResourceGroupName(name: unknown, parameter = "resourceGroup"): string {
  if (typeof name !== "string" || !RESOURCE_GROUP.test(name) || name.endsWith(".")) {
    throw new ValidationError(
      "InvalidResourceGroupName",
      `${parameter} must be a resource group name of 1 to 90 letters, digits, underscores, ` +
        `hyphens, periods or parentheses, not ending in a period; got ${JSON.stringify(name)}.`,
      parameter,
    );
  }
  return name;
}

/** @internal */
export function validateNetworkName(name: unknown, parameter: string, what: string): string {
  if (typeof name !== "string" || !NETWORK_NAME.test(name)) {
    throw new ValidationError(
      "InvalidNetworkResourceName",
      `${parameter} must be a ${what} name of 1 to 64 letters, digits, underscores, periods or ` +
        `hyphens, starting with a letter or digit and ending with a letter, digit or ` +
        `underscore; got ${JSON.stringify(name)}.`,
      parameter,
    );
  }
  return name;
}

/** @internal */
export function validateSubnetName(name: unknown, parameter = "vnetSubnetName"): string {
  if (typeof name !== "string" || !SUBNET_NAME.test(name)) {
    throw new ValidationError(
      "InvalidSubnetName",
      `${parameter} must be a subnet name of 1 to 80 letters, digits, underscores, periods or ` +
        `hyphens, starting with a letter or digit and ending with a letter, digit or ` +
        `underscore; got ${JSON.stringify(name)}.`,
      parameter,
    );
  }
  return name;
}

/**
 * Lowercases a location and removes its spaces ("East US 2" becomes "eastus2"), as ARM does when
 * it compares locations.
 *
 * @internal
 */
export function normalizeLocation(location: string): string {
  return location.toLowerCase().replace(/\s+/g, "");
}

/** @internal */
export function validateLocation(location: unknown, parameter = "location"): string {
  const normalized = typeof location === "string" ? normalizeLocation(location) : "";
  if (!/^[a-z0-9]{2,40}$/.test(normalized)) {
    throw new ValidationError(
      "InvalidLocation",
      `${parameter} must be an Azure region such as "eastus2" or "East US 2"; got ` +
        `${JSON.stringify(location)}.`,
      parameter,
    );
  }
  return normalized;
}

/**
 * Checks tags against ARM's limits: at most 50, keys of 1 to 512 characters without
 * `< > % & \ ? /`, string values of at most 256 characters.
 *
 * @internal
 */
export function validateTags(
  tags: unknown,
  parameter = "tags",
): Record<string, string> | undefined {
  if (tags === undefined) return undefined;
  if (tags === null || typeof tags !== "object" || Array.isArray(tags)) {
    throw new ValidationError(
      "InvalidTags",
      `${parameter} must be an object of string values.`,
      parameter,
    );
  }
  const entries = Object.entries(tags);
  if (entries.length > 50) {
    throw new ValidationError(
      "InvalidTags",
      `${parameter} has ${entries.length} tags; ARM allows at most 50.`,
      parameter,
    );
  }
  for (const [key, value] of entries) {
    if (key.length === 0 || key.length > 512 || TAG_KEY_FORBIDDEN.test(key)) {
      throw new ValidationError(
        "InvalidTags",
        `Tag name ${JSON.stringify(key)} is invalid: use 1 to 512 characters without < > % & \\ ? /.`,
        parameter,
      );
    }
    if (typeof value !== "string" || value.length > 256) {
      throw new ValidationError(
        "InvalidTags",
        `Tag ${JSON.stringify(key)} must have a string value of at most 256 characters.`,
        parameter,
      );
    }
  }
  return { ...(tags as Record<string, string>) };
}

/** @internal */
export function validateBoolean(value: unknown, parameter: string): boolean | undefined {
  if (value === undefined || typeof value === "boolean") return value;
  throw new ValidationError(
    "InvalidOption",
    `${parameter} must be true or false; got ${JSON.stringify(value)}.`,
    parameter,
  );
}
