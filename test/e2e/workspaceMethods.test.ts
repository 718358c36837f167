import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../../src/emulator/index.js";
import { Workspace } from "../../src/index.js";
import type { ArmClient } from "../../src/index.js";
import {
  API,
  createOptions,
  endpointConfig,
  exists,
  idInGroup,
  quiet,
  read,
  startE2e,
  writesSince,
} from "./emulatorReads.js";

let emulator: RunningEmulator;
let arm: ArmClient;
let ws: Workspace;

const endpointId = (name: string) =>
  idInGroup(emulator, "Microsoft.Network/privateEndpoints", name);

/** Every key of a JSON value, at any depth. */
function keysDeep(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(keysDeep);
  if (value === null || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([key, v]) => [key, ...keysDeep(v)]);
}

beforeEach(async () => {
  ({ emulator, arm } = await startE2e());
  ws = await Workspace.create(createOptions(emulator, "methodsws"));
});

afterEach(async () => {
  await emulator?.stop();
});

describe("Workspace.get", () => {
  it("returns the workspace with its id, name, group and normalised location", async () => {
    const got = await Workspace.get("methodsws", {
      ...emulator.clientOptions,
      subscriptionId: emulator.world.subscriptionId,
      resourceGroup: emulator.world.resourceGroup,
    });

    expect(got).toMatchObject({
      id: ws.id,
      name: "methodsws",
      subscriptionId: emulator.world.subscriptionId,
      resourceGroup: emulator.world.resourceGroup,
      location: emulator.world.location,
    });
  });

  it("throws WorkspaceNotFoundError naming the id for a workspace that does not exist", async () => {
    const error = await Workspace.get("nosuchws", {
      ...emulator.clientOptions,
      subscriptionId: emulator.world.subscriptionId,
      resourceGroup: emulator.world.resourceGroup,
    }).catch((e: unknown) => e);

    expect(error).toMatchObject({
      name: "WorkspaceNotFoundError",
      workspaceId: idInGroup(emulator, "Microsoft.MachineLearningServices/workspaces", "nosuchws"),
    });
  });
});

describe("Workspace.fromConfig and writeConfig", () => {
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "azureml-e2e-"));
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("finds the file writeConfig wrote from a folder three levels below, and reads the workspace", async () => {
    const written = await ws.writeConfig({ path: dir });
    const deep = join(dir, "a", "b", "c");
    await mkdir(deep, { recursive: true });

    const found = await Workspace.fromConfig({ ...emulator.clientOptions, path: deep });

    expect(written).toBe(join(dir, ".azureml", "config.json"));
    expect(found.id).toBe(ws.id);
    const get = emulator.requests.at(-1)!;
    expect(`${get.method} ${get.path}`).toBe(`GET ${ws.id}`);
  });

  it("reads a file given by its path, under the file name given to writeConfig", async () => {
    const written = await ws.writeConfig({ path: dir, fileName: "ws.json" });

    const found = await Workspace.fromConfig({ ...emulator.clientOptions, path: written });

    expect(found.name).toBe("methodsws");
  });

  it("throws ConfigNotFoundError listing the paths tried when no file is found", async () => {
    const error = await Workspace.fromConfig({
      ...emulator.clientOptions,
      path: dir,
      fileName: "no-such-config-file-anywhere.json",
    }).catch((e: unknown) => e);

    expect(error).toMatchObject({ name: "ConfigNotFoundError" });
    expect((error as { searchedPaths: string[] }).searchedPaths[0]).toBe(
      join(dir, ".azureml", "no-such-config-file-anywhere.json"),
    );
  });
});

describe("getDetails and privateEndpoints", () => {
  it("getDetails gives the workspace camelCase at every depth, connections also at the top level", async () => {
    await ws.addPrivateEndpoint(endpointConfig(emulator, "details-pe"), quiet);

    const details = await ws.getDetails();

    expect(details.privateEndpointConnections).toHaveLength(1);
    expect(details.privateEndpointConnections).toEqual(
      details.properties?.privateEndpointConnections,
    );
    const [connection] = details.privateEndpointConnections;
    expect(connection!.properties?.privateEndpoint?.id).toBe(endpointId("details-pe"));
    expect(connection!.properties?.privateLinkServiceConnectionState?.status).toBe("Approved");
    expect(keysDeep(details).filter((k) => k.includes("_"))).toEqual([]);
  });

  it("getDetails gives an empty privateEndpointConnections for a workspace without any", async () => {
    expect((await ws.getDetails()).privateEndpointConnections).toEqual([]);
  });

  it("privateEndpoints lists each connection with its endpoint's id and name", async () => {
    await ws.addPrivateEndpoint(endpointConfig(emulator, "list-pe1"), quiet);
    await ws.addPrivateEndpoint(endpointConfig(emulator, "list-pe2"), {
      ...quiet,
      privateEndpointAutoApproval: false,
    });

    const listed = await ws.privateEndpoints();

    const byEndpoint = Object.fromEntries(listed.map((c) => [c.privateEndpointName, c]));
    expect(Object.keys(byEndpoint).sort()).toEqual(["list-pe1", "list-pe2"]);
    expect(byEndpoint["list-pe1"]).toMatchObject({
      privateEndpointId: endpointId("list-pe1"),
      status: "Approved",
    });
    expect(byEndpoint["list-pe2"]!.status).toBe("Pending");
    for (const c of listed) expect(c.id).toBe(`${ws.id}/privateEndpointConnections/${c.name}`);
  });
});

describe("deletePrivateEndpointConnection", () => {
  it("removes the connection with one DELETE and leaves the endpoint, Disconnected", async () => {
    const connection = await ws.addPrivateEndpoint(endpointConfig(emulator, "conn-pe"), quiet);
    const before = emulator.requests.length;

    await ws.deletePrivateEndpointConnection(connection.name);

    expect(writesSince(emulator, before).map((r) => `${r.method} ${r.path}`)).toEqual([
      `DELETE ${connection.id}`,
    ]);
    expect(await ws.privateEndpoints()).toEqual([]);
    const endpoint = await read(arm, endpointId("conn-pe"), API.network);
    expect(
      endpoint.properties.privateLinkServiceConnections[0].properties
        .privateLinkServiceConnectionState.status,
    ).toBe("Disconnected");
    const zoneGroup = `${endpointId("conn-pe")}/privateDnsZoneGroups/default`;
    expect(await exists(arm, zoneGroup, API.network)).toBe(true);
  });
});

describe("update", () => {
  it("opens a private workspace with one PATCH of publicNetworkAccess Enabled and returns the result", async () => {
    await ws.addPrivateEndpoint(endpointConfig(emulator, "upd-pe"), quiet);
    expect((await ws.getDetails()).properties?.publicNetworkAccess).toBe("Disabled");
    const before = emulator.requests.length;

    const updated = await ws.update({ ...quiet, allowPublicAccessWhenBehindVnet: true });

    expect(updated.properties?.publicNetworkAccess).toBe("Enabled");
    expect(updated.privateEndpointConnections).toHaveLength(1);
    const sent = emulator.requests.slice(before);
    const patches = sent.filter((r) => r.method === "PATCH");
    expect(patches).toHaveLength(1);
    expect(patches[0]!.path).toBe(ws.id);
    expect(patches[0]!.requestBody).toEqual({ properties: { publicNetworkAccess: "Enabled" } });
    // ARM's rule for PATCH: the operation ends with a read of the resource. That read is the
    // result; nothing reads the workspace after it.
    const reads = sent.filter((r) => r.method === "GET" && r.path === ws.id);
    expect(reads).toHaveLength(1);
    expect(sent.at(-1)).toBe(reads[0]);
    expect(updated).toEqual({
      ...(reads[0]!.responseBody as object),
      privateEndpointConnections: (reads[0]!.responseBody as any).properties
        .privateEndpointConnections,
    });
    const stored = await read(arm, ws.id, API.machineLearning);
    expect(stored.properties.publicNetworkAccess).toBe("Enabled");
  });

  it("with nothing to change sends no write and returns the current details", async () => {
    const before = emulator.requests.length;

    const details = await ws.update(quiet);

    expect(details.id).toBe(ws.id);
    expect(writesSince(emulator, before)).toEqual([]);
  });
});

describe("delete", () => {
  it("with deleteDependentResources removes the workspace, storage account, key vault and Application Insights", async () => {
    const { storageAccount, keyVault, applicationInsights } = (await ws.getDetails()).properties!;
    const component = await read(arm, applicationInsights!, API.applicationInsights);
    const logs: string = component.properties.WorkspaceResourceId;
    expect(await exists(arm, logs, API.logAnalytics)).toBe(true);

    await ws.delete({ ...quiet, deleteDependentResources: true });

    expect(await exists(arm, ws.id, API.machineLearning)).toBe(false);
    expect(await exists(arm, storageAccount!, API.storage)).toBe(false);
    expect(await exists(arm, keyVault!, API.keyVault)).toBe(false);
    expect(await exists(arm, applicationInsights!, API.applicationInsights)).toBe(false);
    // create made this Log Analytics workspace for the component alone.
    expect(await exists(arm, logs, API.logAnalytics)).toBe(false);
  });

  it("without options removes only the workspace", async () => {
    const { storageAccount, keyVault } = (await ws.getDetails()).properties!;

    await ws.delete(quiet);

    expect(await exists(arm, ws.id, API.machineLearning)).toBe(false);
    expect(await exists(arm, storageAccount!, API.storage)).toBe(true);
    expect(await exists(arm, keyVault!, API.keyVault)).toBe(true);
  });

  it("with permanentlyDelete asks ARM to purge the workspace", async () => {
    await ws.delete({ ...quiet, permanentlyDelete: true });

    const deletion = emulator.requests.find((r) => r.method === "DELETE" && r.path === ws.id);
    expect(new URL(deletion!.url).searchParams.get("forceToPurge")).toBe("true");
  });
});
