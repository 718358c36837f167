import { ValidationError } from "./errors/validationError.js";

/**
 * The Azure clouds this package knows by name.
 *
 * @public
 */
export type KnownCloudName = "AzureCloud" | "AzureChinaCloud" | "AzureUSGovernment";

/**
 * What the package needs to know about an Azure cloud.
 *
 * @public
 */
export interface CloudDefinition {
  /** A name for messages and logs, e.g. `"AzureCloud"`. */
  name: string;
  /** The ARM base URL, https, e.g. `"https://management.azure.com"`. */
  resourceManagerEndpoint: string;
  /**
   * The private DNS zones of the workspace private link (`amlworkspace`) in this cloud: the API
   * zone and the notebooks zone.
   */
  privateDnsZoneNames: readonly string[];
  /**
   * The OAuth scope of ARM tokens, for clouds whose token audience differs from their endpoint
   * (Azure Stack Hub).
   *
   * @defaultValue `<resourceManagerEndpoint>/.default`
   */
  tokenScope?: string;
}

const knownClouds: Readonly<Record<KnownCloudName, CloudDefinition>> = {
  AzureCloud: Object.freeze({
    name: "AzureCloud",
    resourceManagerEndpoint: "https://management.azure.com",
    privateDnsZoneNames: Object.freeze([
      "privatelink.api.azureml.ms",
      "privatelink.notebooks.azure.net",
    ]),
  }),
  AzureChinaCloud: Object.freeze({
    name: "AzureChinaCloud",
    resourceManagerEndpoint: "https://management.chinacloudapi.cn",
    privateDnsZoneNames: Object.freeze([
      "privatelink.api.ml.azure.cn",
      "privatelink.notebooks.chinacloudapi.cn",
    ]),
  }),
  AzureUSGovernment: Object.freeze({
    name: "AzureUSGovernment",
    resourceManagerEndpoint: "https://management.usgovcloudapi.net",
    privateDnsZoneNames: Object.freeze([
      "privatelink.api.ml.azure.us",
      "privatelink.notebooks.usgovcloudapi.net",
    ]),
  }),
};

/**
 * The cloud names {@link resolveCloud} knows.
 *
 * @public
 */
export const knownCloudNames: readonly KnownCloudName[] = Object.freeze(
  Object.keys(knownClouds) as KnownCloudName[],
);

/**
 * Returns the definition of a cloud: one of the known clouds by name (case-insensitive) or a
 * custom definition, validated and frozen.
 *
 * @param cloud - a known cloud name or a custom definition
 * @defaultValue `"AzureCloud"` for `cloud`
 * @throws {@link ValidationError} `InvalidCloud` for an unknown name or a malformed definition
 *
 * @public
 */
export function resolveCloud(
  cloud: KnownCloudName | CloudDefinition = "AzureCloud",
): CloudDefinition {
  if (typeof cloud === "string") {
    const match = knownCloudNames.find((name) => name.toLowerCase() === cloud.toLowerCase());
    if (match === undefined) {
      throw invalid(
        `Unknown cloud "${cloud}". Use one of ${knownCloudNames.join(", ")}, or pass a cloud ` +
          `object with name, resourceManagerEndpoint and privateDnsZoneNames.`,
      );
    }
    return knownClouds[match];
  }
  return validateCustomCloud(cloud);
}

/**
 * The OAuth scope for ARM tokens in a cloud.
 *
 * @internal
 */
export function tokenScopeOf(cloud: CloudDefinition): string {
  return cloud.tokenScope ?? `${cloud.resourceManagerEndpoint}/.default`;
}

function validateCustomCloud(cloud: CloudDefinition): CloudDefinition {
  if (typeof cloud !== "object" || cloud === null) {
    throw invalid("The cloud must be a known cloud name or an object describing the cloud.");
  }
  if (typeof cloud.name !== "string" || cloud.name.trim() === "") {
    throw invalid("The custom cloud needs a non-empty name.");
  }
  const endpoint = parseHttpsUrl(
    cloud.resourceManagerEndpoint,
    cloud.name,
    "resourceManagerEndpoint",
  );
  const zones = cloud.privateDnsZoneNames;
  if (!Array.isArray(zones) || zones.some((zone) => !isDnsName(zone))) {
    throw invalid(
      `The privateDnsZoneNames of cloud "${cloud.name}" must be an array of DNS names, e.g. ` +
        `["privatelink.api.azureml.ms", "privatelink.notebooks.azure.net"].`,
    );
  }
  if (
    cloud.tokenScope !== undefined &&
    (typeof cloud.tokenScope !== "string" || cloud.tokenScope === "")
  ) {
    throw invalid(`The tokenScope of cloud "${cloud.name}" must be a non-empty string when given.`);
  }
  return Object.freeze({
    name: cloud.name,
    resourceManagerEndpoint: endpoint,
    privateDnsZoneNames: Object.freeze(zones.map((zone) => zone.toLowerCase())),
    ...(cloud.tokenScope !== undefined ? { tokenScope: cloud.tokenScope } : {}),
  });
}

function parseHttpsUrl(value: unknown, cloudName: string, field: string): string {
  let url: URL | undefined;
  try {
    url = typeof value === "string" ? new URL(value) : undefined;
  } catch {
    url = undefined;
  }
  if (
    url === undefined ||
    url.protocol !== "https:" ||
    url.username ||
    url.password ||
    url.search ||
    url.hash
  ) {
    throw invalid(
      `The ${field} of cloud "${cloudName}" must be an https URL without credentials, query or ` +
        `fragment, e.g. "https://management.azure.com".`,
    );
  }
  return `${url.origin}${url.pathname}`.replace(/\/+$/, "");
}

function isDnsName(value: unknown): boolean {
  return (
    typeof value === "string" &&
    value.length <= 253 &&
    /^(?!-)[a-z0-9-]{1,63}(?<!-)(\.(?!-)[a-z0-9-]{1,63}(?<!-))+$/i.test(value)
  );
}

function invalid(message: string): ValidationError {
  return new ValidationError("InvalidCloud", message, "cloud");
}
