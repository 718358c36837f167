import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator } from "../../src/emulator/index.js";
import type { RunningEmulator } from "../../src/emulator/index.js";
import { ArmClient, PrivateEndpointConfig, Workspace } from "../../src/index.js";
import type { PrivateEndpointDnsRecord } from "../../src/index.js";

const quiet = { showOutput: false, updateIntervalInMs: 0 } as const;

let emulator: RunningEmulator;
let arm: ArmClient;
let ws: Workspace;
let workspaceGuid: string;

/** What ARM answers for a path, read with a client of its own. */
async function read<T>(path: string, apiVersion: string): Promise<T> {
  return (await arm.sendRequest<T>({ method: "GET", path, apiVersion })).body;
}

function endpointId(name: string): string {
  const { subscriptionId, resourceGroup } = emulator.world;
  return `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/Microsoft.Network/privateEndpoints/${name}`;
}

function byName(records: PrivateEndpointDnsRecord[]): PrivateEndpointDnsRecord[] {
  return [...records].sort((a, b) => a.fqdn.localeCompare(b.fqdn));
}

beforeAll(async () => {
  emulator = await startEmulator({ seed: true });
  arm = new ArmClient(emulator.credential, {
    endpoint: emulator.endpoint,
    allowInsecureLoopback: true,
  });
  const { subscriptionId, resourceGroup, vnetName } = emulator.world;
  ws = await Workspace.create({
    ...emulator.clientOptions,
    ...quiet,
    name: "dnsws",
    subscriptionId,
    resourceGroup,
  });
  workspaceGuid = String((await ws.getDetails()).properties?.workspaceId);
  await ws.addPrivateEndpoint(new PrivateEndpointConfig({ name: "pe-auto", vnetName }), quiet);
  await ws.addPrivateEndpoint(new PrivateEndpointConfig({ name: "pe-manual", vnetName }), {
    ...quiet,
    privateEndpointAutoApproval: false,
  });
});

afterAll(async () => {
  await emulator?.stop();
});

describe("Workspace.getPrivateEndpointDnsRecords", () => {
  it("gives an auto-approved endpoint's records from its zone group, under the public names", async () => {
    const records = byName(await ws.getPrivateEndpointDnsRecords("pe-auto"));
    const region = emulator.world.location;

    expect(records.map((r) => r.fqdn)).toEqual(
      [
        `*.${workspaceGuid}.inference.${region}.api.azureml.ms`,
        `${workspaceGuid}.workspace.${region}.api.azureml.ms`,
        `${workspaceGuid}.workspace.${region}.cert.api.azureml.ms`,
        `ml-dnsws-${region}-${workspaceGuid}.${region}.notebooks.azure.net`,
      ].sort((a, b) => a.localeCompare(b)),
    );
    expect(records.every((r) => r.privateEndpointName === "pe-auto")).toBe(true);
    const api = records.find((r) => r.fqdn.startsWith(`${workspaceGuid}.workspace`))!;
    expect(api).toMatchObject({
      zone: "privatelink.api.azureml.ms",
      recordSetName: `${workspaceGuid}.workspace.${region}`,
      ttl: 10,
    });
    expect(records.find((r) => r.fqdn.includes("notebooks"))?.zone).toBe(
      "privatelink.notebooks.azure.net",
    );
  });

  it("gives the addresses the zone holds for each record", async () => {
    const records = await ws.getPrivateEndpointDnsRecords("pe-auto");
    const group = await read<{
      value: Array<{
        properties: {
          privateDnsZoneConfigs: Array<{
            properties: { recordSets: Array<{ fqdn: string; ipAddresses: string[] }> };
          }>;
        };
      }>;
    }>(`${endpointId("pe-auto")}/privateDnsZoneGroups`, "2024-07-01");
    const fromZones = group.value
      .flatMap((g) => g.properties.privateDnsZoneConfigs)
      .flatMap((c) => c.properties.recordSets)
      .map((r) => [r.fqdn.replace(".privatelink.", "."), r.ipAddresses] as const);

    expect(fromZones).toHaveLength(records.length);
    for (const [fqdn, addresses] of fromZones) {
      expect(records.find((r) => r.fqdn === fqdn)?.ipAddresses).toEqual(addresses);
    }
    expect(records.flatMap((r) => r.ipAddresses).every((ip) => ip.startsWith("10.0.0."))).toBe(
      true,
    );
  });

  it("gives an endpoint without zone group the records of its customDnsConfigs, without zone", async () => {
    const endpoint = await read<{
      properties: { customDnsConfigs: Array<{ fqdn: string; ipAddresses: string[] }> };
    }>(endpointId("pe-manual"), "2024-07-01");
    const records = await ws.getPrivateEndpointDnsRecords("pe-manual");

    expect(endpoint.properties.customDnsConfigs.length).toBeGreaterThan(0);
    expect(records).toEqual(
      endpoint.properties.customDnsConfigs.map((c) => ({
        fqdn: c.fqdn,
        ipAddresses: c.ipAddresses,
        privateEndpointName: "pe-manual",
      })),
    );
  });

  it("gives every endpoint's records without a name, each name once per endpoint", async () => {
    const records = await ws.getPrivateEndpointDnsRecords();
    const auto = records.filter((r) => r.privateEndpointName === "pe-auto");
    const manual = records.filter((r) => r.privateEndpointName === "pe-manual");

    expect(auto).toHaveLength(4);
    expect(manual).toHaveLength(4);
    const keys = records.map((r) => `${r.privateEndpointName} ${r.fqdn.toLowerCase()}`);
    expect(new Set(keys).size).toBe(keys.length);
    // The two endpoints have addresses of their own for the same names.
    const autoApi = auto.find((r) => r.fqdn.includes(".workspace.") && !r.fqdn.includes(".cert."));
    const manualApi = manual.find((r) => r.fqdn === autoApi?.fqdn);
    expect(manualApi?.ipAddresses).not.toEqual(autoApi?.ipAddresses);
  });

  it("honours an abort signal", async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      ws.getPrivateEndpointDnsRecords(undefined, { abortSignal: controller.signal }),
    ).rejects.toMatchObject({ name: "AbortError" });
  });

  it("refuses a name no endpoint of the workspace has, naming the ones it has", async () => {
    await expect(ws.getPrivateEndpointDnsRecords("pe-unknown")).rejects.toMatchObject({
      name: "PrivateEndpointConnectionNotFoundError",
      message: expect.stringContaining("pe-auto"),
    });
  });

  it.each(["", "bad/name", "-starts-with-hyphen"])(
    "refuses the endpoint name %j before sending anything",
    async (name) => {
      const before = emulator.requests.length;
      await expect(ws.getPrivateEndpointDnsRecords(name)).rejects.toMatchObject({
        name: "ValidationError",
        parameter: "privateEndpointName",
      });
      expect(emulator.requests.length).toBe(before);
    },
  );
});

describe("emulator: DNS of a private endpoint", () => {
  it("moves the names a zone group serves out of customDnsConfigs and into the zone's record sets", async () => {
    const endpoint = await read<{ properties: { customDnsConfigs: unknown[] } }>(
      endpointId("pe-auto"),
      "2024-07-01",
    );
    const { subscriptionId, resourceGroup } = emulator.world;
    const zone = `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/Microsoft.Network/privateDnsZones/privatelink.api.azureml.ms`;
    const aRecords = await read<{ value: Array<{ name: string }> }>(`${zone}/A`, "2020-06-01");

    expect(endpoint.properties.customDnsConfigs).toEqual([]);
    expect(aRecords.value.map((r) => r.name)).toContain(`${workspaceGuid}.workspace.eastus2`);
  });

  it("gives the names back in customDnsConfigs once the zone group is gone, and the records from there", async () => {
    await ws.addPrivateEndpoint(
      new PrivateEndpointConfig({ name: "pe-regroup", vnetName: emulator.world.vnetName }),
      quiet,
    );
    const withZones = await ws.getPrivateEndpointDnsRecords("pe-regroup");
    await arm
      .beginRequest({
        method: "DELETE",
        path: `${endpointId("pe-regroup")}/privateDnsZoneGroups/default`,
        apiVersion: "2024-07-01",
        updateIntervalInMs: 0,
      })
      .pollUntilDone();

    const endpoint = await read<{ properties: { customDnsConfigs: unknown[] } }>(
      endpointId("pe-regroup"),
      "2024-07-01",
    );
    const withoutZones = await ws.getPrivateEndpointDnsRecords("pe-regroup");

    expect(endpoint.properties.customDnsConfigs).toHaveLength(4);
    expect(withoutZones.every((r) => r.zone === undefined)).toBe(true);
    expect(byName(withoutZones).map((r) => [r.fqdn, r.ipAddresses])).toEqual(
      byName(withZones).map((r) => [r.fqdn, r.ipAddresses]),
    );
  });
});
