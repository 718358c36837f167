/**
 * Where the examples run: against Azure when AZURE_SUBSCRIPTION_ID is set (credentials from
 * DefaultAzureCredential, e.g. `az login`), otherwise against the local ARM emulator seeded with
 * a resource group "myresourcegroup" holding a virtual network "myvnet" with subnet "default".
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { WorkspaceClientOptions } from "../src/index.js";
import { startEmulator } from "../src/emulator/index.js";

export interface ExampleTarget {
  subscriptionId: string;
  resourceGroup: string;
  location: string;
  vnetName: string;
  subnetName: string;
  clientOptions: WorkspaceClientOptions;
  /** Folder for the workspace config.json the examples read with Workspace.fromConfig(). */
  configFolder: string;
  /** True against the emulator, where a prerequisite workspace may be created first. */
  local: boolean;
  stop(): Promise<void>;
}

export async function exampleTarget(): Promise<ExampleTarget> {
  const subscriptionId = process.env.AZURE_SUBSCRIPTION_ID;
  if (subscriptionId) {
    return {
      subscriptionId,
      resourceGroup: process.env.AZURE_RESOURCE_GROUP ?? "myresourcegroup",
      location: process.env.AZURE_LOCATION ?? "eastus2",
      vnetName: process.env.AZURE_VNET_NAME ?? "myvnet",
      subnetName: process.env.AZURE_SUBNET_NAME ?? "default",
      clientOptions: {},
      configFolder: process.cwd(),
      local: false,
      stop: async () => undefined,
    };
  }
  const emulator = await startEmulator({ seed: true });
  const { world } = emulator;
  return {
    subscriptionId: world.subscriptionId,
    resourceGroup: world.resourceGroup,
    location: world.location,
    vnetName: world.vnetName,
    subnetName: world.subnetName,
    clientOptions: { ...emulator.clientOptions, updateIntervalInMs: 0 },
    configFolder: mkdtempSync(join(tmpdir(), "azureml-example-")),
    local: true,
    stop: () => emulator.stop(),
  };
}
