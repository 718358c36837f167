import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startEmulator } from "../../src/emulator/index.js";
import type { RunningEmulator } from "../../src/emulator/index.js";
import { ArmClient, isArmError, PrivateEndpointConfig, Workspace } from "../../src/index.js";
import type { WorkspaceProgressEvent } from "../../src/index.js";

const quiet = { showOutput: false, updateIntervalInMs: 0 } as const;
const NETWORK = "2024-07-01";
const PRIVATE_DNS = "2020-06-01";
const ZONES = ["privatelink.api.azureml.ms", "privatelink.notebooks.azure.net"];

let emulator: RunningEmulator;
let arm: ArmClient;
let ws: Workspace;

function inGroup(type: string, name: string): string {
  const { subscriptionId, resourceGroup } = emulator.world;
  return `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/${type}/${name}`;
}
const endpointId = (name: string) => inGroup("Microsoft.Network/privateEndpoints", name);
const zoneId = (zone: string) => inGroup("Microsoft.Network/privateDnsZones", zone);

async function exists(id: string, apiVersion: string): Promise<boolean> {
  try {
    await arm.sendRequest({ method: "GET", path: id, apiVersion });
    return true;
  } catch (e) {
    if (isArmError(e, 404)) return false;
    throw e;
  }
}

async function linksOf(zone: string): Promise<Array<{ id: string; vnet: string }>> {
  const { body } = await arm.sendRequest<{
    value: Array<{ id: string; properties: { virtualNetwork: { id: string } } }>;
  }>({ method: "GET", path: `${zoneId(zone)}/virtualNetworkLinks`, apiVersion: PRIVATE_DNS });
  return body.value.map((l) => ({ id: l.id, vnet: l.properties.virtualNetwork.id }));
}

/** A second virtual network with a subnet, in the demo world's region. */
async function addVnet(name: string, prefix: string): Promise<void> {
  await arm
    .beginRequest({
      method: "PUT",
      path: inGroup("Microsoft.Network/virtualNetworks", name),
      apiVersion: NETWORK,
      updateIntervalInMs: 0,
      body: {
        location: emulator.world.location,
        properties: {
          addressSpace: { addressPrefixes: [`${prefix}.0.0/16`] },
          subnets: [{ name: "default", properties: { addressPrefix: `${prefix}.0.0/24` } }],
        },
      },
    })
    .pollUntilDone();
}

function add(name: string, vnetName = emulator.world.vnetName, autoApproval = true) {
  return ws.addPrivateEndpoint(new PrivateEndpointConfig({ name, vnetName }), {
    ...quiet,
    privateEndpointAutoApproval: autoApproval,
  });
}

beforeEach(async () => {
  emulator = await startEmulator({ seed: true });
  arm = new ArmClient(emulator.credential, {
    endpoint: emulator.endpoint,
    allowInsecureLoopback: true,
  });
  ws = await Workspace.create({
    ...emulator.clientOptions,
    ...quiet,
    name: "delws",
    subscriptionId: emulator.world.subscriptionId,
    resourceGroup: emulator.world.resourceGroup,
  });
});

afterEach(async () => {
  await emulator?.stop();
});

describe("Workspace.deletePrivateEndpoint", () => {
  it("removes the connection, the zone group and the endpoint, and keeps the DNS zones by default", async () => {
    await add("pe1");
    const result = await ws.deletePrivateEndpoint("pe1", quiet);

    expect(await ws.privateEndpoints()).toEqual([]);
    expect(await exists(endpointId("pe1"), NETWORK)).toBe(false);
    expect(result.deleted).toContain(endpointId("pe1"));
    expect(result.deleted).toContain(`${endpointId("pe1")}/privateDnsZoneGroups/default`);
    expect(result.deleted.some((id) => id.includes("/privateEndpointConnections/"))).toBe(true);
    for (const zone of ZONES) {
      expect(await exists(zoneId(zone), PRIVATE_DNS)).toBe(true);
      expect(await linksOf(zone)).toHaveLength(1);
    }
    const dnsDeletes = emulator.requests.filter(
      (r) => r.method === "DELETE" && r.path.includes("privateDnsZones"),
    );
    expect(dnsDeletes).toEqual([]);
  });

  it("with deleteDnsZones deletes the links and zones only that endpoint used, links first", async () => {
    await add("pe1");
    const events: WorkspaceProgressEvent[] = [];
    const result = await ws.deletePrivateEndpoint("pe1", {
      ...quiet,
      deleteDnsZones: true,
      onProgress: (e) => events.push(e),
    });

    for (const zone of ZONES) expect(await exists(zoneId(zone), PRIVATE_DNS)).toBe(false);
    expect(result.kept).toEqual([]);
    const kinds = events.filter((e) => e.kind === "deleted").map((e) => e.resourceType);
    expect(kinds).toEqual([
      "PrivateDnsZoneGroup",
      "PrivateEndPoint",
      "VirtualNetworkLink",
      "PrivateDnsZone",
      "VirtualNetworkLink",
      "PrivateDnsZone",
    ]);
  });

  it("keeps zones and the link while another endpoint in the same virtual network uses them", async () => {
    await add("pe1");
    await add("pe2");
    const result = await ws.deletePrivateEndpoint("pe1", { ...quiet, deleteDnsZones: true });

    for (const zone of ZONES) {
      expect(await exists(zoneId(zone), PRIVATE_DNS)).toBe(true);
      expect(await linksOf(zone)).toHaveLength(1);
    }
    expect(result.kept.map((k) => k.id)).toEqual(
      expect.arrayContaining(ZONES.map((zone) => zoneId(zone))),
    );
    expect(await ws.getPrivateEndpointDnsRecords("pe2")).toHaveLength(4);
    expect(await exists(endpointId("pe2"), NETWORK)).toBe(true);
  });

  it("deletes its own virtual network's link but keeps a zone another network's endpoint uses", async () => {
    await addVnet("othervnet", "10.1");
    await add("pe1");
    await add("pe-other", "othervnet");
    const ownVnet = emulator.world.vnetId.toLowerCase();

    const result = await ws.deletePrivateEndpoint("pe1", { ...quiet, deleteDnsZones: true });

    for (const zone of ZONES) {
      expect(await exists(zoneId(zone), PRIVATE_DNS)).toBe(true);
      const links = await linksOf(zone);
      expect(links.map((l) => l.vnet.toLowerCase())).not.toContain(ownVnet);
      expect(links).toHaveLength(1);
    }
    expect(result.deleted.filter((id) => id.includes("/virtualNetworkLinks/"))).toHaveLength(2);
  });

  it("deletes the zones once the other endpoint's zone group, and its records, are gone", async () => {
    await add("pe1");
    await add("pe2");
    await arm
      .beginRequest({
        method: "DELETE",
        path: `${endpointId("pe2")}/privateDnsZoneGroups/default`,
        apiVersion: NETWORK,
        updateIntervalInMs: 0,
      })
      .pollUntilDone();
    const result = await ws.deletePrivateEndpoint("pe1", { ...quiet, deleteDnsZones: true });

    for (const zone of ZONES) expect(await exists(zoneId(zone), PRIVATE_DNS)).toBe(false);
    expect(result.kept).toEqual([]);
  });

  it("finishes a deletion whose connection is already gone", async () => {
    const connection = await add("pe1");
    await ws.deletePrivateEndpointConnection(connection.name);

    const result = await ws.deletePrivateEndpoint("pe1", { ...quiet, deleteDnsZones: true });

    expect(result.deleted).toContain(endpointId("pe1"));
    expect(await exists(endpointId("pe1"), NETWORK)).toBe(false);
    for (const zone of ZONES) expect(await exists(zoneId(zone), PRIVATE_DNS)).toBe(false);
  });

  it("deletes a Pending endpoint, which has no DNS", async () => {
    await add("pe-manual", undefined, false);
    const result = await ws.deletePrivateEndpoint("pe-manual", {
      ...quiet,
      deleteDnsZones: true,
    });
    expect(result.deleted).toContain(endpointId("pe-manual"));
    expect(await ws.privateEndpoints()).toEqual([]);
  });

  it("refuses an endpoint the workspace does not have, naming the ones it has", async () => {
    await add("pe1");
    await expect(ws.deletePrivateEndpoint("nope", quiet)).rejects.toMatchObject({
      name: "PrivateEndpointConnectionNotFoundError",
      message: expect.stringContaining("pe1"),
    });
    expect(await exists(endpointId("pe1"), NETWORK)).toBe(true);
  });

  it.each([
    ["", {}, "privateEndpointName"],
    ["a/b", {}, "privateEndpointName"],
    ["pe1", { deleteDnsZones: "yes" }, "deleteDnsZones"],
  ])("refuses %j %j before sending anything", async (name, options, parameter) => {
    const before = emulator.requests.length;
    await expect(ws.deletePrivateEndpoint(name, options as never)).rejects.toMatchObject({
      name: "ValidationError",
      parameter,
    });
    expect(emulator.requests.length).toBe(before);
  });
});

describe("emulator: private DNS zone deletion", () => {
  it("refuses to delete a zone that still has virtual network links", async () => {
    await add("pe1");
    const error = await arm
      .beginRequest({
        method: "DELETE",
        path: zoneId(ZONES[0]!),
        apiVersion: PRIVATE_DNS,
        updateIntervalInMs: 0,
      })
      .pollUntilDone()
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ statusCode: 409, code: "CannotDeleteResource" });
    expect(await exists(zoneId(ZONES[0]!), PRIVATE_DNS)).toBe(true);
  });
});
