import { ArmHttpError, resourceNotFoundById } from "../armError.js";
import { providerResourceId } from "../armId.js";
import type { EmulatorResponse, RequestContext, Route, RouteParams } from "../context.js";
import { beginOperation } from "../lro.js";
import type { JsonObject, StoredResource } from "../store.js";
import {
  copy,
  listAnswer,
  requireBody,
  requireLocation,
  requireResourceGroup,
  sameId,
  systemData,
} from "./common.js";

const vaultType = "Microsoft.KeyVault/vaults";
const site =
  "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.KeyVault/vaults";
const namePattern = /^[a-zA-Z](?!.*--)[a-zA-Z0-9-]{1,22}[a-zA-Z0-9]$/u;

function vaultId(p: RouteParams): string {
  return providerResourceId(p.subscriptionId!, p.resourceGroupName!, "Microsoft.KeyVault", [
    "vaults",
    p.vaultName!,
  ]);
}

function requireVault(ctx: RequestContext, p: RouteParams): StoredResource {
  requireResourceGroup(ctx, p.subscriptionId!, p.resourceGroupName!);
  const id = vaultId(p);
  const vault = ctx.state.store.get(id);
  if (!vault) throw resourceNotFoundById(id);
  return vault;
}

/**
 * Creates or replaces a vault: 201 or 200 with provisioning state `RegisteringDns` until the
 * latency has passed, so clients poll the vault itself. Vault names are globally unique.
 */
function createOrUpdate(ctx: RequestContext, p: RouteParams): EmulatorResponse {
  const name = p.vaultName!;
  if (!namePattern.test(name)) {
    throw new ArmHttpError(
      400,
      "VaultNameNotValid",
      `The vault name '${name}' is invalid. A vault's name must be between 3-24 alphanumeric characters. ` +
        "The name must begin with a letter, end with a letter or digit, and not contain consecutive hyphens. " +
        "Follow this link for more information: https://go.microsoft.com/fwlink/?linkid=2147742",
    );
  }
  const group = requireResourceGroup(ctx, p.subscriptionId!, p.resourceGroupName!);
  const body = requireBody(ctx, vaultType);
  const location = requireLocation(body, vaultType);
  const id = vaultId(p);
  const taken = ctx.state.store
    .list(vaultType)
    .some((v) => v.body.name.toLowerCase() === name.toLowerCase() && !sameId(v.id, id));
  if (taken) {
    throw new ArmHttpError(
      409,
      "VaultAlreadyExists",
      `The vault name '${name}' is already in use. Vault names are globally unique so it is possible that the name is already taken. ` +
        "If you are sure that the vault name was not taken then it is possible that a vault with the same name was recently deleted " +
        "but not purged after being placed in a recoverable state. If the vault is in a recoverable state then the vault will need " +
        "to be purged before reusing the name. For more information about VaultAlreadyExists, soft delete and purging a vault " +
        "follow this link https://go.microsoft.com/fwlink/?linkid=2147740.",
    );
  }
  const existing = ctx.state.store.get(id);
  const resourceId =
    existing?.id ??
    providerResourceId(p.subscriptionId!, group.body.name, "Microsoft.KeyVault", ["vaults", name]);
  const requested: JsonObject = copy(body.properties);
  ctx.state.store.put({
    id: resourceId,
    type: vaultType,
    internal: {},
    body: {
      id: resourceId,
      name: existing?.body.name ?? name,
      type: vaultType,
      location,
      ...(body.tags ? { tags: body.tags } : {}),
      systemData: systemData(ctx, existing?.body.systemData?.createdAt),
      properties: {
        accessPolicies: [],
        enabledForDeployment: false,
        enabledForDiskEncryption: false,
        enabledForTemplateDeployment: false,
        enableSoftDelete: true,
        softDeleteRetentionInDays: 90,
        enableRbacAuthorization: false,
        publicNetworkAccess: "Enabled",
        ...requested,
        vaultUri: `https://${name.toLowerCase()}.vault.azure.net/`,
        provisioningState: "RegisteringDns",
      },
    },
  });
  const { headers } = beginOperation(ctx, {
    complete: (outcome) => {
      const vault = ctx.state.store.get(resourceId);
      // A vault's provisioning states are only Succeeded and RegisteringDns.
      if (vault && outcome === "Succeeded") vault.body.properties.provisioningState = "Succeeded";
      else if (!existing) ctx.state.store.delete(resourceId);
    },
  });
  return {
    status: existing ? 200 : 201,
    headers,
    body: copy(ctx.state.store.get(resourceId)!.body),
  };
}

function remove(ctx: RequestContext, p: RouteParams): EmulatorResponse {
  requireResourceGroup(ctx, p.subscriptionId!, p.resourceGroupName!);
  return { status: ctx.state.store.delete(vaultId(p)) ? 200 : 204 };
}

/** Key vaults (2024-11-01): create, read, delete and list. */
export const keyVaultRoutes: Route[] = [
  { method: "PUT", pattern: `${site}/{vaultName}`, longRunning: true, handle: createOrUpdate },
  {
    method: "GET",
    pattern: `${site}/{vaultName}`,
    handle: (ctx, p) => ({ status: 200, body: copy(requireVault(ctx, p).body) }),
  },
  { method: "DELETE", pattern: `${site}/{vaultName}`, handle: remove },
  {
    method: "GET",
    pattern: site,
    handle: (ctx, p) => {
      const group = requireResourceGroup(ctx, p.subscriptionId!, p.resourceGroupName!);
      return listAnswer(ctx.state.store.list(vaultType, group.id).map((v) => copy(v.body)));
    },
  },
];
