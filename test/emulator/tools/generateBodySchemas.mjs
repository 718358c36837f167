// Regenerates src/emulator/validation/bodySchemas.ts from the Azure REST API specifications.
//
// Usage: node test/emulator/tools/generateBodySchemas.mjs <azure-rest-api-specs>/specification [out]
// (out defaults to src/emulator/validation/bodySchemas.ts)
//
// The emulator must run from an installed package, without the specifications, so this script
// reduces each request-body schema it validates to the few facts the validator checks (types,
// enums, required keys, declared keys, read-only flags) and writes them as TypeScript data.
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const specRoot = process.argv[2];
if (!specRoot) {
  console.error("usage: generateBodySchemas.mjs <specification folder> [output file]");
  process.exit(1);
}

/** [key, spec file (relative to the specification folder), definition name]. */
const bodies = [
  [
    "Microsoft.Resources/resourceGroups",
    "resources/resource-manager/Microsoft.Resources/stable/2021-04-01/resources.json",
    "ResourceGroup",
  ],
  [
    "Microsoft.Resources/resourceGroups#PATCH",
    "resources/resource-manager/Microsoft.Resources/stable/2021-04-01/resources.json",
    "ResourceGroupPatchable",
  ],
  [
    "Microsoft.Storage/storageAccounts",
    "storage/resource-manager/Microsoft.Storage/stable/2023-05-01/storage.json",
    "StorageAccountCreateParameters",
  ],
  [
    "Microsoft.Storage/storageAccounts#PATCH",
    "storage/resource-manager/Microsoft.Storage/stable/2023-05-01/storage.json",
    "StorageAccountUpdateParameters",
  ],
  [
    "Microsoft.KeyVault/vaults",
    "keyvault/resource-manager/Microsoft.KeyVault/stable/2024-11-01/keyvault.json",
    "VaultCreateOrUpdateParameters",
  ],
  [
    "Microsoft.Insights/components",
    "applicationinsights/resource-manager/Microsoft.Insights/stable/2020-02-02/components_API.json",
    "ApplicationInsightsComponent",
  ],
  [
    "Microsoft.OperationalInsights/workspaces",
    "operationalinsights/resource-manager/Microsoft.OperationalInsights/stable/2022-10-01/Workspaces.json",
    "Workspace",
  ],
  [
    "Microsoft.MachineLearningServices/workspaces",
    "machinelearningservices/resource-manager/Microsoft.MachineLearningServices/stable/2024-10-01/workspaceRP.json",
    "Workspace",
  ],
  [
    "Microsoft.MachineLearningServices/workspaces#PATCH",
    "machinelearningservices/resource-manager/Microsoft.MachineLearningServices/stable/2024-10-01/workspaceRP.json",
    "WorkspaceUpdateParameters",
  ],
  [
    "Microsoft.MachineLearningServices/workspaces/privateEndpointConnections",
    "machinelearningservices/resource-manager/Microsoft.MachineLearningServices/stable/2024-10-01/workspaceRP.json",
    "PrivateEndpointConnection",
  ],
  [
    "Microsoft.Network/virtualNetworks",
    "network/resource-manager/Microsoft.Network/stable/2024-07-01/virtualNetwork.json",
    "VirtualNetwork",
  ],
  [
    "Microsoft.Network/virtualNetworks/subnets",
    "network/resource-manager/Microsoft.Network/stable/2024-07-01/virtualNetwork.json",
    "Subnet",
  ],
  [
    "Microsoft.Network/privateEndpoints",
    "network/resource-manager/Microsoft.Network/stable/2024-07-01/privateEndpoint.json",
    "PrivateEndpoint",
  ],
  [
    "Microsoft.Network/privateEndpoints/privateDnsZoneGroups",
    "network/resource-manager/Microsoft.Network/stable/2024-07-01/privateEndpoint.json",
    "PrivateDnsZoneGroup",
  ],
  [
    "Microsoft.Network/privateDnsZones",
    "privatedns/resource-manager/Microsoft.Network/stable/2020-06-01/privatedns.json",
    "PrivateZone",
  ],
  [
    "Microsoft.Network/privateDnsZones/virtualNetworkLinks",
    "privatedns/resource-manager/Microsoft.Network/stable/2020-06-01/privatedns.json",
    "VirtualNetworkLink",
  ],
];

/** Beyond this depth a value is accepted as is: deep network graphs are read-only anyway. */
const maxDepth = 5;
const files = new Map();

function load(file) {
  if (!files.has(file)) files.set(file, JSON.parse(readFileSync(file, "utf8")));
  return files.get(file);
}

function resolveRef(ref, fromFile) {
  const [path, pointer] = ref.split("#");
  const file = path ? resolve(dirname(fromFile), path) : fromFile;
  let node = load(file);
  for (const part of pointer.split("/").filter(Boolean)) node = node[part];
  return { node, file };
}

/** Reduces a swagger schema to `{ type?, enum?, properties?, required?, items?, additionalProperties?, readOnly? }`. */
function reduce(schema, file, depth, seen) {
  if (schema.$ref) {
    const key = `${resolve(file)}${schema.$ref.includes("#") ? "" : "#"}${schema.$ref}`;
    if (seen.has(key) || depth > maxDepth) return {};
    const { node, file: next } = resolveRef(schema.$ref, file);
    const out = reduce(node, next, depth, new Set([...seen, key]));
    return schema.readOnly ? { ...out, readOnly: true } : out;
  }
  const out = {};
  const properties = {};
  const required = new Set(schema.required ?? []);
  for (const part of schema.allOf ?? []) {
    const base = reduce(part, file, depth, seen);
    Object.assign(properties, base.properties ?? {});
    for (const r of base.required ?? []) required.add(r);
    if (base.type) out.type = base.type;
  }
  if (schema.type) out.type = schema.type;
  if (schema.enum) out.enum = schema.enum.map(String);
  if (schema.readOnly) out.readOnly = true;
  if (depth <= maxDepth) {
    for (const [name, prop] of Object.entries(schema.properties ?? {})) {
      properties[name] = reduce(prop, file, depth + 1, seen);
    }
  }
  if (Object.keys(properties).length > 0) {
    out.type ??= "object";
    out.properties = properties;
  }
  if (required.size > 0) out.required = [...required];
  if (schema.items) out.items = reduce(schema.items, file, depth + 1, seen);
  if (schema.additionalProperties !== undefined && schema.additionalProperties !== false) {
    out.additionalProperties =
      schema.additionalProperties === true
        ? {}
        : reduce(schema.additionalProperties, file, depth + 1, seen);
  }
  return out;
}

const result = {};
for (const [key, relative, definition] of bodies) {
  const file = resolve(join(specRoot, relative));
  result[key] = reduce({ $ref: `#/definitions/${definition}` }, file, 0, new Set());
}

const target =
  process.argv[3] ??
  fileURLToPath(new URL("../../../src/emulator/validation/bodySchemas.ts", import.meta.url));
const header = `// Generated by test/emulator/tools/generateBodySchemas.mjs from the Azure REST API specifications
// (Storage 2023-05-01, Key Vault 2024-11-01, Insights 2020-02-02, Log Analytics 2022-10-01,
// Machine Learning 2024-10-01, Network 2024-07-01, private DNS 2020-06-01, Resources 2021-04-01).
// Do not edit by hand: regenerate instead.
import type { BodySchema } from "./bodySchema.js";

/** Request-body schemas by resource type (\`#PATCH\` for the update body). */
export const bodySchemas: Record<string, BodySchema> = ${JSON.stringify(result)};
`;
writeFileSync(target, header);
// The repository's prettier settings, wherever the output goes.
const prettierConfig = fileURLToPath(new URL("../../../.prettierrc.json", import.meta.url));
execFileSync("npx", ["prettier", "--config", prettierConfig, "--write", target], {
  stdio: "inherit",
});
console.log(`wrote ${target}`);
