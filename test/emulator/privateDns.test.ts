import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "../../src/emulator/index.js";
import { loadExample } from "../fixtures/examples.js";
import { armHttp, type ArmHttp } from "./armHttp.js";
import { worldBuilder } from "./world.js";

const zonePutExample = loadExample(
  "Microsoft.Network.privateDnsZones/2020-06-01/PrivateZonePut.json",
);
const linkPutExample = loadExample(
  "Microsoft.Network.privateDnsZones/2020-06-01/VirtualNetworkLinkPut.json",
);
const linkGetExample = loadExample(
  "Microsoft.Network.privateDnsZones/2020-06-01/VirtualNetworkLinkGet.json",
);
const zoneGroupExample = loadExample(
  "Microsoft.Network/2024-07-01/PrivateEndpointDnsZoneGroupCreate.json",
);

const API_ZONE = "privatelink.api.azureml.ms";
const NOTEBOOKS_ZONE = "privatelink.notebooks.azure.net";

let emulator: RunningEmulator;
let arm: ArmHttp;
let world: ReturnType<typeof worldBuilder>;
const zoneUrl = (zone: string) => `${world.net}/privateDnsZones/${zone}`;
const zoneGroupUrl = (group = "default") =>
  `${world.net}/privateEndpoints/pe1/privateDnsZoneGroups/${group}`;

async function aRecords(zone: string): Promise<Array<{ name: string; ips: string[] }>> {
  const answer = await arm.send("GET", `${zoneUrl(zone)}/A`);
  return answer.body.value
    .map((r: any) => ({ name: r.name, ips: r.properties.aRecords.map((a: any) => a.ipv4Address) }))
    .sort((a: any, b: any) => a.name.localeCompare(b.name));
}

beforeEach(async () => {
  emulator = await startEmulator({ seed: true });
  arm = armHttp(emulator);
  world = worldBuilder(arm);
});
afterEach(() => emulator.stop());

describe("private DNS zone PUT", () => {
  it("answers the example's 202 with Azure-AsyncOperation and Location in the resource group", async () => {
    const answer = await arm.send("PUT", zoneUrl(API_ZONE), zonePutExample.parameters.parameters);
    expect(answer.status).toBe(202);
    expect(answer.body).toBeUndefined();
    const base = `${emulator.endpoint}${arm.rg}/providers/Microsoft.Network`;
    const id = "([0-9a-f-]{36})";
    const status = new RegExp(
      `^${base}/privateDnsOperationStatuses/${id}\\?api-version=2020-06-01$`,
    );
    const result = new RegExp(
      `^${base}/privateDnsOperationResults/${id}\\?api-version=2020-06-01$`,
    );
    const statusId = status.exec(answer.headers.get("azure-asyncoperation")!)?.[1];
    const resultId = result.exec(answer.headers.get("location")!)?.[1];
    expect(statusId).toBeDefined();
    expect(resultId).toBe(statusId);
  });

  it("reports Succeeded on the status URL and the zone on the result URL", async () => {
    const put = await arm.send("PUT", zoneUrl(API_ZONE), zonePutExample.parameters.parameters);
    const status = await arm.pollUntilDone(put.headers.get("azure-asyncoperation")!);
    expect(status.body.status).toBe("Succeeded");
    const result = await arm.pollUntilDone(put.headers.get("location")!);
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({
      id: `${arm.rg}/providers/Microsoft.Network/privateDnsZones/${API_ZONE}`,
      name: API_ZONE,
      type: "Microsoft.Network/privateDnsZones",
      location: "global",
      tags: { key1: "value1" },
      properties: { provisioningState: "Succeeded" },
    });
  });

  it("counts the zone's SOA record set and no links when new", async () => {
    const zone = await world.createZone(API_ZONE);
    expect(zone.properties).toMatchObject({
      numberOfRecordSets: 1,
      numberOfVirtualNetworkLinks: 0,
      numberOfVirtualNetworkLinksWithRegistration: 0,
      maxNumberOfRecordSets: 25000,
      maxNumberOfVirtualNetworkLinks: 1000,
    });
    expect(zone.etag).toEqual(expect.any(String));
  });

  it("refuses to create again a zone that exists when the PUT says If-None-Match: *", async () => {
    await world.createZone(API_ZONE);
    const answer = await arm.send(
      "PUT",
      zoneUrl(API_ZONE),
      { location: "global" },
      {
        headers: { "if-none-match": "*" },
      },
    );
    expect(answer.status).toBe(412);
    expect(answer.body.error.code).toBe("PreconditionFailed");
  });

  it("refuses a zone in a region: private zones are global", async () => {
    const answer = await arm.send("PUT", zoneUrl(API_ZONE), { location: "eastus2" });
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe("LocationNotAvailableForResourceType");
  });

  it("refuses a zone name with a single label with InvalidResourceName", async () => {
    const answer = await arm.send("PUT", zoneUrl("localhost"), { location: "global" });
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe("InvalidResourceName");
  });
});

describe("virtual network links", () => {
  const linkUrl = () => `${zoneUrl(API_ZONE)}/virtualNetworkLinks/myvnet-link`;
  beforeEach(() => world.createZone(API_ZONE));

  it("links a virtual network without registration through a 202 with both headers", async () => {
    const body = structuredClone(linkPutExample.parameters.parameters) as any;
    body.properties.virtualNetwork.id = emulator.world.vnetId;
    const put = await arm.send("PUT", linkUrl(), body);
    expect(put.status).toBe(202);
    expect(put.headers.get("azure-asyncoperation")).toMatch(/privateDnsOperationStatuses/);
    expect(put.headers.get("location")).toMatch(/privateDnsOperationResults/);
    await arm.pollUntilDone(put.headers.get("azure-asyncoperation")!);

    const got = await arm.send("GET", linkUrl());
    const expected = linkGetExample.responses["200"]!.body;
    expect(got.body).toMatchObject({
      name: "myvnet-link",
      type: expected.type,
      location: "global",
      tags: { key1: "value1" },
      properties: {
        virtualNetwork: { id: emulator.world.vnetId },
        registrationEnabled: false,
        virtualNetworkLinkState: "Completed",
        provisioningState: "Succeeded",
      },
    });
  });

  it("shows the link in the zone's numberOfVirtualNetworkLinks", async () => {
    await world.createLink(API_ZONE, "myvnet-link", emulator.world.vnetId);
    const zone = (await arm.send("GET", zoneUrl(API_ZONE))).body;
    expect(zone.properties.numberOfVirtualNetworkLinks).toBe(1);
    expect(zone.properties.numberOfVirtualNetworkLinksWithRegistration).toBe(0);
  });

  it("refuses the example's virtual network, which does not exist", async () => {
    const answer = await arm.send("PUT", linkUrl(), linkPutExample.parameters.parameters);
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe("BadRequest");
    expect(answer.body.error.message).toContain("virtualNetworkName");
  });

  it("refuses a second link of the same virtual network to the zone", async () => {
    await world.createLink(API_ZONE, "myvnet-link", emulator.world.vnetId);
    const answer = await arm.send("PUT", `${zoneUrl(API_ZONE)}/virtualNetworkLinks/other`, {
      location: "global",
      properties: { virtualNetwork: { id: emulator.world.vnetId }, registrationEnabled: false },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe("BadRequest");
  });

  it("answers 404 ResourceNotFound for a link that does not exist", async () => {
    const answer = await arm.send("GET", `${zoneUrl(API_ZONE)}/virtualNetworkLinks/nothere`);
    expect(answer.status).toBe(404);
    expect(answer.body.error.code).toBe("ResourceNotFound");
  });
});

describe("private DNS zone groups", () => {
  let endpoint: any;
  let apiZone: any;
  let notebooksZone: any;
  beforeEach(async () => {
    const workspace = await world.createWorkspace();
    endpoint = await world.createPrivateEndpoint("pe1", workspace.id);
    apiZone = await world.createZone(API_ZONE);
    notebooksZone = await world.createZone(NOTEBOOKS_ZONE);
  });

  /** The endpoint's DNS configs as A record sets of a zone: names relative to the zone. */
  function expectedRecords(zone: string) {
    const suffix = `.${zone.slice("privatelink.".length)}`;
    return endpoint.properties.customDnsConfigs
      .filter((c: any) => c.fqdn.endsWith(suffix))
      .map((c: any) => ({ name: c.fqdn.slice(0, -suffix.length), ips: c.ipAddresses }))
      .sort((a: any, b: any) => a.name.localeCompare(b.name));
  }

  it("answers 201 with the group Updating and an Azure-AsyncOperation", async () => {
    const answer = await arm.send("PUT", zoneGroupUrl(), {
      properties: {
        privateDnsZoneConfigs: [{ name: "api", properties: { privateDnsZoneId: apiZone.id } }],
      },
    });
    expect(answer.status).toBe(201);
    expect(answer.body.properties.provisioningState).toBe("Updating");
    expect(answer.headers.get("azure-asyncoperation")).toMatch(
      /\/providers\/Microsoft\.Network\/locations\/eastus2\/operations\/[0-9a-f-]{36}\?api-version=2024-07-01$/,
    );
  });

  it("writes the endpoint's names and addresses as A records into each zone", async () => {
    await world.createZoneGroup("pe1", "default", [apiZone.id, notebooksZone.id]);
    const { workspaceId } = endpoint.properties.customDnsConfigs[0].fqdn.match(
      /^(?<workspaceId>[0-9a-f-]{36})\./,
    ).groups;
    expect(await aRecords(API_ZONE)).toEqual([
      { name: `*.${workspaceId}.inference.eastus2`, ips: ["10.0.0.6"] },
      { name: `${workspaceId}.workspace.eastus2`, ips: ["10.0.0.4"] },
      { name: `${workspaceId}.workspace.eastus2.cert`, ips: ["10.0.0.4"] },
    ]);
    expect(await aRecords(API_ZONE)).toEqual(expectedRecords(API_ZONE));
    expect(await aRecords(NOTEBOOKS_ZONE)).toEqual(expectedRecords(NOTEBOOKS_ZONE));
  });

  it("lists the record sets it wrote in each zone config, as the Network example shows them", async () => {
    const group = await world.createZoneGroup("pe1", "default", [apiZone.id, notebooksZone.id]);
    const exampleRecord =
      zoneGroupExample.responses["201"]!.body.properties.privateDnsZoneConfigs[0].properties
        .recordSets[0];
    const [api, notebooks] = group.properties.privateDnsZoneConfigs;
    expect(group.properties.provisioningState).toBe("Succeeded");
    expect(api.properties.privateDnsZoneId).toBe(apiZone.id);
    expect(api.properties.recordSets).toHaveLength(3);
    expect(Object.keys(notebooks.properties.recordSets[0])).toEqual(
      expect.arrayContaining(Object.keys(exampleRecord)),
    );
    const [notebookName] = expectedRecords(NOTEBOOKS_ZONE);
    expect(notebooks.properties.recordSets[0]).toMatchObject({
      recordType: "A",
      recordSetName: notebookName.name,
      fqdn: `${notebookName.name}.${NOTEBOOKS_ZONE}`,
      ipAddresses: ["10.0.0.5"],
    });
  });

  it("counts the written record sets in the zone's numberOfRecordSets", async () => {
    await world.createZoneGroup("pe1", "default", [apiZone.id, notebooksZone.id]);
    const api = (await arm.send("GET", zoneUrl(API_ZONE))).body;
    const notebooks = (await arm.send("GET", zoneUrl(NOTEBOOKS_ZONE))).body;
    expect(api.properties.numberOfRecordSets).toBe(1 + 3);
    expect(notebooks.properties.numberOfRecordSets).toBe(1 + 1);
  });

  it("writes nothing until its operation has ended", async () => {
    const answer = await arm.send("PUT", zoneGroupUrl(), {
      properties: {
        privateDnsZoneConfigs: [{ name: "api", properties: { privateDnsZoneId: apiZone.id } }],
      },
    });
    expect(answer.body.properties.privateDnsZoneConfigs[0].properties.recordSets).toEqual([]);
  });

  it("deleting the group through a 202 removes the records it wrote", async () => {
    await world.createZoneGroup("pe1", "default", [apiZone.id, notebooksZone.id]);
    const deleted = await arm.send("DELETE", zoneGroupUrl());
    expect(deleted.status).toBe(202);
    expect(deleted.headers.get("azure-asyncoperation")).not.toBeNull();
    const done = await arm.pollUntilDone(deleted.headers.get("location")!);
    expect(done.status).toBe(204);

    expect(await aRecords(API_ZONE)).toEqual([]);
    expect(await aRecords(NOTEBOOKS_ZONE)).toEqual([]);
    const api = (await arm.send("GET", zoneUrl(API_ZONE))).body;
    expect(api.properties.numberOfRecordSets).toBe(1);
    expect((await arm.send("GET", zoneGroupUrl())).status).toBe(404);
  });

  it("deleting the endpoint removes the records its group wrote", async () => {
    await world.createZoneGroup("pe1", "default", [apiZone.id]);
    const deleted = await arm.send("DELETE", `${world.net}/privateEndpoints/pe1`);
    await arm.pollUntilDone(deleted.headers.get("location")!);
    expect(await aRecords(API_ZONE)).toEqual([]);
  });

  it("refuses the example's zone, which does not exist, with InvalidResourceReference", async () => {
    const answer = await arm.send(
      "PUT",
      zoneGroupUrl("testPdnsgroup"),
      zoneGroupExample.parameters.parameters,
    );
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe("InvalidResourceReference");
    expect(answer.body.error.message).toContain("zone1.com");
  });

  it("answers 404 NotFound for a zone group that does not exist", async () => {
    const answer = await arm.send("GET", zoneGroupUrl("nothere"));
    expect(answer.status).toBe(404);
    expect(answer.body.error.code).toBe("NotFound");
  });
});
