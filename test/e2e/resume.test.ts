import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startEmulator } from "../../src/emulator/index.js";
import type { RunningEmulator } from "../../src/emulator/index.js";
import { ArmClient, PrivateEndpointConfig, Workspace } from "../../src/index.js";
import type { CreateWorkspaceOptions } from "../../src/index.js";

const quiet = { showOutput: false, updateIntervalInMs: 0 } as const;

let emulator: RunningEmulator;

/** A client of its own, as a new process would have. */
function freshClient(): ArmClient {
  return new ArmClient(emulator.credential, {
    endpoint: emulator.endpoint,
    allowInsecureLoopback: true,
  });
}

function createOptions(name: string): CreateWorkspaceOptions {
  return {
    ...emulator.clientOptions,
    ...quiet,
    name,
    subscriptionId: emulator.world.subscriptionId,
    resourceGroup: emulator.world.resourceGroup,
    privateEndpointConfig: new PrivateEndpointConfig({
      name: `${name}-pe`,
      vnetName: emulator.world.vnetName,
    }),
  };
}

/** How many times each path was written with PUT, from the emulator's record. */
function putsByPath(since = 0): Map<string, number> {
  const counts = new Map<string, number>();
  for (const r of emulator.requests.slice(since)) {
    if (r.method !== "PUT") continue;
    counts.set(r.path.toLowerCase(), (counts.get(r.path.toLowerCase()) ?? 0) + 1);
  }
  return counts;
}

/** Ids of the resources of a type in the demo resource group, read from ARM. */
async function listed(type: string, apiVersion: string): Promise<string[]> {
  const { subscriptionId, resourceGroup } = emulator.world;
  const { body } = await freshClient().sendRequest<{ value: Array<{ id: string }> }>({
    method: "GET",
    path: `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/${type}`,
    apiVersion,
  });
  return body.value.map((r) => r.id);
}

beforeEach(async () => {
  emulator = await startEmulator({ seed: true });
});

afterEach(async () => {
  await emulator?.stop();
});

describe("Workspace.resumeCreate", () => {
  it("finishes a create serialized after two polls, in a fresh client, writing each resource once", async () => {
    const first = Workspace.beginCreate(createOptions("resumews"));
    await first.poll(); // checks
    await first.poll(); // resource group (exists: nothing to write)
    const saved = await first.serialize();

    const ws = await Workspace.resumeCreate(saved, { ...quiet, client: freshClient() });

    expect(ws.name).toBe("resumews");
    const [connection] = await ws.privateEndpoints();
    expect(connection).toMatchObject({ privateEndpointName: "resumews-pe", status: "Approved" });
    const puts = putsByPath();
    expect(puts.size).toBeGreaterThanOrEqual(10);
    expect([...puts].filter(([, count]) => count !== 1)).toEqual([]);
  });

  it("resumes in the middle of the private endpoint, one phase per poll", async () => {
    const first = Workspace.beginCreate(createOptions("midpews"));
    while (!first.operationState!.created.some((c) => c.resourceType === "PrivateEndPoint")) {
      await first.poll();
    }
    expect(first.operationState!.step).toBe("privateEndpoint");
    const saved = await first.serialize();

    const ws = await Workspace.resumeCreate(saved, { ...quiet, client: freshClient() });

    expect((await ws.getPrivateEndpointDnsRecords("midpews-pe")).length).toBe(4);
    expect([...putsByPath()].filter(([, count]) => count !== 1)).toEqual([]);
  });

  it("finishes the create of a process that stopped after its last saved state, creating nothing twice", async () => {
    const crashed = Workspace.beginCreate(createOptions("crashws"));
    // The process saves the state after every poll, as an application would, and stops during
    // the poll that writes the endpoint and its DNS zones, before it could save again.
    let lastSaved = await crashed.serialize();
    for (;;) {
      await crashed.poll();
      if (crashed.operationState!.created.some((c) => c.resourceType === "PrivateDnsZone")) break;
      lastSaved = await crashed.serialize();
    }

    const ws = await Workspace.resumeCreate(lastSaved, { ...quiet, client: freshClient() });

    // The zones written after the last save were found in place and used, not created again.
    expect(emulator.requests.filter((r) => r.status === 412)).toHaveLength(2);
    expect(await ws.privateEndpoints()).toHaveLength(1);
    expect(await listed("Microsoft.Network/privateEndpoints", "2024-07-01")).toHaveLength(1);
    expect(await listed("Microsoft.Network/privateDnsZones", "2020-06-01")).toHaveLength(2);
    expect(await listed("Microsoft.Storage/storageAccounts", "2023-05-01")).toHaveLength(1);
    expect(await listed("Microsoft.KeyVault/vaults", "2024-11-01")).toHaveLength(1);
    expect(await ws.getPrivateEndpointDnsRecords()).toHaveLength(4);
  });

  it.each([
    ["not JSON", "{oops"],
    ["an empty string", ""],
    ["JSON of something else", JSON.stringify({ kind: "other", version: 1 })],
    ["null", "null"],
  ])("refuses %s with a ValidationError before any request", async (_what, state) => {
    const before = emulator.requests.length;
    await expect(
      Workspace.resumeCreate(state, { ...emulator.clientOptions, ...quiet }),
    ).rejects.toMatchObject({ name: "ValidationError", code: "InvalidRestoreState" });
    expect(emulator.requests.length).toBe(before);
  });

  it("refuses a state of another workspace when a name is given", async () => {
    const first = Workspace.beginCreate(createOptions("onews"));
    const saved = await first.serialize();
    await expect(
      Workspace.resumeCreate(saved, { ...emulator.clientOptions, ...quiet, name: "otherws" }),
    ).rejects.toMatchObject({ name: "ValidationError", parameter: "restoreFrom" });
  });
});

describe("Workspace.beginAddPrivateEndpoint and resumeAddPrivateEndpoint", () => {
  let ws: Workspace;
  beforeEach(async () => {
    ws = await Workspace.create({
      ...emulator.clientOptions,
      ...quiet,
      name: "addws",
      subscriptionId: emulator.world.subscriptionId,
      resourceGroup: emulator.world.resourceGroup,
    });
  });

  const config = () =>
    new PrivateEndpointConfig({ name: "addpe", vnetName: emulator.world.vnetName });

  it("resumes an add serialized after two polls in a fresh client, writing each resource once", async () => {
    const since = emulator.requests.length;
    const first = ws.beginAddPrivateEndpoint(config(), quiet);
    await first.poll(); // checks
    await first.poll(); // prepare
    expect(first.operationState!.step).toBe("subnet");
    const saved = await first.serialize();
    expect(putsByPath(since).size).toBe(0);

    const again = await Workspace.get("addws", {
      ...emulator.world,
      client: freshClient(),
    });
    const connection = await again.resumeAddPrivateEndpoint(saved, quiet);

    expect(connection).toMatchObject({ privateEndpointName: "addpe", status: "Approved" });
    const puts = putsByPath(since);
    expect([...puts.keys()].filter((p) => p.includes("/privatednszones/"))).toHaveLength(4);
    expect([...puts].filter(([, count]) => count !== 1)).toEqual([]);
    expect(puts.size).toBe(6); // endpoint, 2 zones, 2 links, zone group
  });

  it("runs one step per poll and reports each in the state", async () => {
    const poller = ws.beginAddPrivateEndpoint(config(), quiet);
    const steps: string[] = [];
    poller.onProgress((state) => steps.push(state.step));
    const connection = await poller;

    expect(connection.status).toBe("Approved");
    expect(steps[0]).toBe("prepare");
    expect(steps.at(-1)).toBe("done");
    expect(steps).toContain("connection");
    expect(poller.operationState!.created.map((c) => c.resourceType)).toContain("PrivateEndPoint");
  });

  it("resumes the wait for approval and returns the connection once approved", async () => {
    const poller = ws.beginAddPrivateEndpoint(config(), {
      ...quiet,
      privateEndpointAutoApproval: false,
      waitForApproval: true,
    });
    while (poller.operationState!.step !== "approval") await poller.poll();
    const saved = await poller.serialize();
    const [pending] = await ws.privateEndpoints();
    expect(pending?.status).toBe("Pending");

    await ws.approvePrivateEndpointConnection(pending!.name);
    const connection = await ws.resumeAddPrivateEndpoint(saved, quiet);

    expect(connection).toMatchObject({ name: pending!.name, status: "Approved" });
  });

  it("gives the same connection again from a state saved after it finished, writing nothing", async () => {
    const poller = ws.beginAddPrivateEndpoint(config(), quiet);
    const done = await poller;
    const saved = await poller.serialize();
    const since = emulator.requests.length;

    expect(await ws.resumeAddPrivateEndpoint(saved, quiet)).toEqual(done);
    expect(putsByPath(since).size).toBe(0);
  });

  it.each([
    ["not JSON", "{oops"],
    ["an empty string", ""],
    ["a create state", JSON.stringify({ kind: "azureml-workspace/create", version: 1 })],
  ])("refuses %s with a ValidationError before any request", async (_what, state) => {
    const before = emulator.requests.length;
    await expect(ws.resumeAddPrivateEndpoint(state, quiet)).rejects.toMatchObject({
      name: "ValidationError",
      code: "InvalidRestoreState",
    });
    expect(emulator.requests.length).toBe(before);
  });

  it("refuses a state of another workspace, and another endpoint's state in restoreFrom", async () => {
    const poller = ws.beginAddPrivateEndpoint(config(), quiet);
    const saved = await poller.serialize();
    const other = await Workspace.create({
      ...emulator.clientOptions,
      ...quiet,
      name: "otherws",
      subscriptionId: emulator.world.subscriptionId,
      resourceGroup: emulator.world.resourceGroup,
    });

    await expect(other.resumeAddPrivateEndpoint(saved, quiet)).rejects.toMatchObject({
      name: "ValidationError",
      message: expect.stringContaining("addws"),
    });
    const renamed = new PrivateEndpointConfig({ name: "otherpe", vnetName: "myvnet" });
    expect(() => ws.beginAddPrivateEndpoint(renamed, { ...quiet, restoreFrom: saved })).toThrow(
      expect.objectContaining({ name: "ValidationError", parameter: "restoreFrom" }),
    );
  });
});
