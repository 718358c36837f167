import { providerResourceId } from "./armId.js";
import type { EmulatorState } from "./context.js";
import { newGuid } from "./guid.js";
import { normalizeLocation } from "./locations.js";
import { resourceGroupId, resourceGroupType } from "./providers/common.js";
import { networkEtag } from "./providers/networkCommon.js";
import { buildSubnet, subnetType, virtualNetworkType } from "./providers/subnetModel.js";
import type { DemoWorld, DemoWorldOptions } from "./types.js";

/** The demo world's defaults: the names the how-to uses. */
export const demoWorldDefaults: Required<DemoWorldOptions> = {
  subscriptionId: "00000000-0000-0000-0000-000000000000",
  tenantId: "00000000-0000-0000-0000-0000000000aa",
  resourceGroup: "myresourcegroup",
  location: "eastus2",
  vnetName: "myvnet",
  vnetAddressPrefix: "10.0.0.0/16",
  subnetName: "default",
  subnetAddressPrefix: "10.0.0.0/24",
  privateEndpointNetworkPolicies: "Disabled",
};

/** Resolves the `seed` option into the world's names. */
export function resolveWorld(seed: boolean | DemoWorldOptions | undefined): {
  options: Required<DemoWorldOptions>;
  world: DemoWorld;
} {
  const options = { ...demoWorldDefaults, ...(typeof seed === "object" ? seed : {}) };
  options.location = normalizeLocation(options.location);
  const vnetId = providerResourceId(
    options.subscriptionId,
    options.resourceGroup,
    "Microsoft.Network",
    ["virtualNetworks", options.vnetName],
  );
  return {
    options,
    world: {
      seeded: seed !== undefined && seed !== false,
      subscriptionId: options.subscriptionId,
      tenantId: options.tenantId,
      resourceGroup: options.resourceGroup,
      location: options.location,
      vnetName: options.vnetName,
      subnetName: options.subnetName,
      vnetId,
      subnetId: `${vnetId}/subnets/${options.subnetName}`,
    },
  };
}

/** Creates the resource group, the virtual network and its subnet, all Succeeded. */
export function seedWorld(
  state: EmulatorState,
  options: Required<DemoWorldOptions>,
  world: DemoWorld,
): void {
  const groupId = resourceGroupId(options.subscriptionId, options.resourceGroup);
  state.store.put({
    id: groupId,
    type: resourceGroupType,
    internal: {},
    body: {
      id: groupId,
      name: options.resourceGroup,
      type: resourceGroupType,
      location: options.location,
      properties: { provisioningState: "Succeeded" },
    },
  });
  state.store.put({
    id: world.vnetId,
    type: virtualNetworkType,
    internal: {},
    body: {
      id: world.vnetId,
      name: options.vnetName,
      type: virtualNetworkType,
      location: options.location,
      etag: networkEtag(),
      properties: {
        addressSpace: { addressPrefixes: [options.vnetAddressPrefix] },
        resourceGuid: newGuid(),
        privateEndpointVNetPolicies: "Disabled",
        provisioningState: "Succeeded",
      },
    },
  });
  const subnet = buildSubnet(world.subnetId, options.subnetName, {
    addressPrefix: options.subnetAddressPrefix,
    privateEndpointNetworkPolicies: options.privateEndpointNetworkPolicies,
  });
  subnet.properties.provisioningState = "Succeeded";
  state.store.put({ id: world.subnetId, type: subnetType, internal: {}, body: subnet });
}
