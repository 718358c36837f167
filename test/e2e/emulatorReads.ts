import { startEmulator } from "../../src/emulator/index.js";
import type {
  EmulatorOptions,
  RecordedExchange,
  RunningEmulator,
} from "../../src/emulator/index.js";
import { ArmClient, isArmError, PrivateEndpointConfig } from "../../src/index.js";
import type { CreateWorkspaceOptions, WorkspaceProgressEvent } from "../../src/index.js";

/**
 * What the end-to-end tests share: the emulator, a client of their own to read back what the
 * SDK did, and an inventory of every resource the emulator holds. The api-versions are spelled
 * out rather than imported so that a wrong version in the SDK shows up as a failing read.
 */

/** Fast and silent: no poll waits, nothing printed. */
export const quiet = { showOutput: false, updateIntervalInMs: 0 } as const;

/** The api-version of each resource kind, as the REST specifications give them. */
export const API = {
  machineLearning: "2024-10-01",
  network: "2024-07-01",
  privateDns: "2020-06-01",
  storage: "2023-05-01",
  keyVault: "2024-11-01",
  applicationInsights: "2020-02-02",
  logAnalytics: "2022-10-01",
  resources: "2021-04-01",
} as const;

/** The zones the emulator's workspaces require, as in the public cloud. */
export const ZONES = ["privatelink.api.azureml.ms", "privatelink.notebooks.azure.net"] as const;

/** An emulator and a client that reads it independently of the SDK under test. */
export interface E2eContext {
  emulator: RunningEmulator;
  arm: ArmClient;
}

/** Starts an emulator (by default with the demo world) and a reader for it. */
export async function startE2e(options: EmulatorOptions = { seed: true }): Promise<E2eContext> {
  const emulator = await startEmulator(options);
  return { emulator, arm: readerFor(emulator) };
}

/** A client of its own, as another process (or another person) would have. */
export function readerFor(emulator: RunningEmulator): ArmClient {
  return new ArmClient(emulator.credential, {
    endpoint: emulator.endpoint,
    allowInsecureLoopback: true,
    retryOptions: { maxRetries: 0 },
  });
}

/** ARM id of a resource in the demo world's resource group (or `resourceGroup`). */
export function idInGroup(
  emulator: RunningEmulator,
  type: string,
  name: string,
  resourceGroup = emulator.world.resourceGroup,
): string {
  const { subscriptionId } = emulator.world;
  return `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/${type}/${name}`;
}

/** The body ARM answers for a path. */
export async function read<T = any>(arm: ArmClient, path: string, apiVersion: string): Promise<T> {
  return (await arm.sendRequest<T>({ method: "GET", path, apiVersion })).body;
}

/** Whether a GET of the id answers 200 (false on 404). */
export async function exists(arm: ArmClient, id: string, apiVersion: string): Promise<boolean> {
  try {
    await read(arm, id, apiVersion);
    return true;
  } catch (e) {
    if (isArmError(e, 404)) return false;
    throw e;
  }
}

async function list(arm: ArmClient, path: string, apiVersion: string): Promise<any[]> {
  return (await read<{ value: any[] }>(arm, path, apiVersion)).value;
}

/** Resource types listed per resource group, with the api-version of each. */
const GROUP_TYPES: ReadonlyArray<[string, string]> = [
  ["Microsoft.Storage/storageAccounts", API.storage],
  ["Microsoft.KeyVault/vaults", API.keyVault],
  ["Microsoft.Insights/components", API.applicationInsights],
  ["Microsoft.OperationalInsights/workspaces", API.logAnalytics],
  ["Microsoft.MachineLearningServices/workspaces", API.machineLearning],
  ["Microsoft.Network/virtualNetworks", API.network],
  ["Microsoft.Network/privateEndpoints", API.network],
  ["Microsoft.Network/privateDnsZones", API.privateDns],
];

/**
 * Every resource of the subscription, read through ARM and sorted: resource groups, what each
 * holds, and the children this library writes (subnets, workspace connections, zone groups,
 * virtual network links, DNS record sets). Two inventories compare equal when nothing was left
 * behind or removed.
 */
export async function inventory(arm: ArmClient, emulator: RunningEmulator): Promise<string[]> {
  const subscription = `/subscriptions/${emulator.world.subscriptionId}`;
  const ids: string[] = [];
  const groups = await list(arm, `${subscription}/resourcegroups`, API.resources);
  for (const group of groups) {
    ids.push(group.id);
    for (const [type, apiVersion] of GROUP_TYPES) {
      for (const resource of await list(arm, `${group.id}/providers/${type}`, apiVersion)) {
        ids.push(resource.id);
        ids.push(...(await childrenOf(arm, type, resource)));
      }
    }
  }
  return ids.map((id) => id.toLowerCase()).sort();
}

async function childrenOf(arm: ArmClient, type: string, resource: any): Promise<string[]> {
  const ids = (items: any[]) => items.map((item) => String(item.id));
  switch (type) {
    case "Microsoft.MachineLearningServices/workspaces":
      return ids(await list(arm, `${resource.id}/privateEndpointConnections`, API.machineLearning));
    case "Microsoft.Network/virtualNetworks":
      return ids(resource.properties?.subnets ?? []);
    case "Microsoft.Network/privateEndpoints":
      return ids(await list(arm, `${resource.id}/privateDnsZoneGroups`, API.network));
    case "Microsoft.Network/privateDnsZones":
      return [
        ...ids(await list(arm, `${resource.id}/virtualNetworkLinks`, API.privateDns)),
        ...ids(await list(arm, `${resource.id}/ALL`, API.privateDns)),
      ];
    default:
      return [];
  }
}

/** The writes (PUT, PATCH, DELETE, POST) the emulator received since `since`. */
export function writesSince(emulator: RunningEmulator, since = 0): RecordedExchange[] {
  return emulator.requests
    .slice(since)
    .filter((r) => ["PUT", "PATCH", "DELETE", "POST"].includes(r.method));
}

/** Options that create workspace `name` in the demo world, optionally with a private endpoint. */
export function createOptions(
  emulator: RunningEmulator,
  name: string,
  extra: Partial<CreateWorkspaceOptions> = {},
): CreateWorkspaceOptions {
  return {
    ...emulator.clientOptions,
    ...quiet,
    name,
    subscriptionId: emulator.world.subscriptionId,
    resourceGroup: emulator.world.resourceGroup,
    ...extra,
  };
}

/**
 * A private endpoint in the demo world's virtual network and subnet, named in full so that it
 * still points there when the workspace goes into another resource group.
 */
export function endpointConfig(emulator: RunningEmulator, name: string): PrivateEndpointConfig {
  return new PrivateEndpointConfig({
    name,
    vnetName: emulator.world.vnetName,
    vnetSubnetName: emulator.world.subnetName,
    vnetResourceGroup: emulator.world.resourceGroup,
  });
}

/** Collects progress events and printed lines. */
export function progressRecorder(): {
  events: WorkspaceProgressEvent[];
  lines: string[];
  options: { onProgress: (e: WorkspaceProgressEvent) => void; output: (line: string) => void };
} {
  const events: WorkspaceProgressEvent[] = [];
  const lines: string[] = [];
  return {
    events,
    lines,
    // `output` is the internal option the unit tests use to capture what showOutput prints.
    options: { onProgress: (e) => events.push(e), output: (line) => lines.push(line) },
  };
}

/** A virtual network with one subnet in the demo world's resource group. */
export async function putVirtualNetwork(
  arm: ArmClient,
  emulator: RunningEmulator,
  name: string,
  init: { location?: string; prefix?: string } = {},
): Promise<string> {
  const prefix = init.prefix ?? "10.1";
  const id = idInGroup(emulator, "Microsoft.Network/virtualNetworks", name);
  await arm
    .beginRequest({
      method: "PUT",
      path: id,
      apiVersion: API.network,
      updateIntervalInMs: 0,
      body: {
        location: init.location ?? emulator.world.location,
        properties: {
          addressSpace: { addressPrefixes: [`${prefix}.0.0/16`] },
          subnets: [{ name: "default", properties: { addressPrefix: `${prefix}.0.0/24` } }],
        },
      },
    })
    .pollUntilDone();
  return id;
}
