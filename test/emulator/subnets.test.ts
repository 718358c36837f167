import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "../../src/emulator/index.js";
import { loadExample } from "../fixtures/examples.js";
import { armHttp, type ArmHttp } from "./armHttp.js";
import { worldBuilder } from "./world.js";

const createExample = loadExample("Microsoft.Network/2024-07-01/SubnetCreate.json");
const getExample = loadExample("Microsoft.Network/2024-07-01/SubnetGet.json");

let emulator: RunningEmulator;
let arm: ArmHttp;
let world: ReturnType<typeof worldBuilder>;
const subnetUrl = (name: string) => `${emulator.world.vnetId}/subnets/${name}`;

/** A subnet with everything a PUT that forgets something would detach. */
function fullSubnet(policies: string) {
  const net = `${arm.rg}/providers/Microsoft.Network`;
  return {
    properties: {
      addressPrefix: "10.0.1.0/24",
      networkSecurityGroup: { id: `${net}/networkSecurityGroups/app-nsg` },
      routeTable: { id: `${net}/routeTables/app-routes` },
      serviceEndpoints: [{ service: "Microsoft.Storage", locations: ["eastus2"] }],
      delegations: [{ name: "web", properties: { serviceName: "Microsoft.Web/serverFarms" } }],
      privateEndpointNetworkPolicies: policies,
    },
  };
}

async function putSubnet(name: string, body: unknown) {
  const answer = await arm.send("PUT", subnetUrl(name), body);
  if (answer.status >= 300)
    throw new Error(`subnet PUT answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  await arm.pollUntilDone(answer.headers.get("azure-asyncoperation")!);
  return answer;
}

function endpointPut(name: string, workspaceId: string, subnetId: string) {
  return arm.send("PUT", `${world.net}/privateEndpoints/${name}`, {
    location: "eastus2",
    properties: {
      subnet: { id: subnetId },
      privateLinkServiceConnections: [
        { name, properties: { privateLinkServiceId: workspaceId, groupIds: ["amlworkspace"] } },
      ],
    },
  });
}

beforeEach(async () => {
  emulator = await startEmulator({ seed: true });
  arm = armHttp(emulator);
  world = worldBuilder(arm);
});
afterEach(() => emulator.stop());

describe("subnet GET", () => {
  it("answers the seeded subnet with its prefix and 2024-07-01's policy defaults", async () => {
    const answer = await arm.send("GET", emulator.world.subnetId);
    expect(answer.status).toBe(200);
    const expected = getExample.responses["200"]!.body;
    expect(Object.keys(answer.body)).toEqual(expect.arrayContaining(Object.keys(expected)));
    expect(answer.body).toMatchObject({
      id: emulator.world.subnetId,
      name: "default",
      type: "Microsoft.Network/virtualNetworks/subnets",
      etag: expect.stringMatching(/^W\/"[0-9a-f-]{36}"$/),
      properties: {
        addressPrefix: "10.0.0.0/24",
        privateEndpointNetworkPolicies: "Disabled",
        privateLinkServiceNetworkPolicies: "Enabled",
        provisioningState: "Succeeded",
      },
    });
  });

  it("answers 404 NotFound, in the Network resource provider's words, for a missing subnet", async () => {
    const answer = await arm.send("GET", subnetUrl("nothere"));
    expect(answer.status).toBe(404);
    expect(answer.body.error).toEqual({
      code: "NotFound",
      message: `Resource ${subnetUrl("nothere")} not found.`,
    });
  });

  it("lists the subnets of the virtual network", async () => {
    await putSubnet("second", { properties: { addressPrefix: "10.0.2.0/24" } });
    const answer = await arm.send("GET", `${emulator.world.vnetId}/subnets`);
    expect(answer.body.value.map((s: any) => s.name)).toEqual(["default", "second"]);
  });
});

describe("subnet PUT", () => {
  it("answers 201 for a new subnet and 200 for an existing one, with an Azure-AsyncOperation", async () => {
    const created = await arm.send("PUT", subnetUrl("second"), {
      properties: { addressPrefix: "10.0.2.0/24" },
    });
    expect(created.status).toBe(201);
    expect(created.body.properties.provisioningState).toBe("Updating");
    expect(created.headers.get("azure-asyncoperation")).toMatch(
      /\/providers\/Microsoft\.Network\/locations\/eastus2\/operations\/[0-9a-f-]{36}\?api-version=2024-07-01$/,
    );
    await arm.pollUntilDone(created.headers.get("azure-asyncoperation")!);

    const again = await arm.send("PUT", subnetUrl("second"), {
      properties: { addressPrefix: "10.0.2.0/24" },
    });
    expect(again.status).toBe(200);
  });

  it("keeps the NSG, route table, service endpoints and delegations of a full-body PUT", async () => {
    const body = fullSubnet("Enabled");
    await putSubnet("app", body);

    const read = (await arm.send("GET", subnetUrl("app"))).body;
    read.properties.privateEndpointNetworkPolicies = "Disabled";
    await putSubnet("app", read);

    const after = (await arm.send("GET", subnetUrl("app"))).body.properties;
    expect(after).toMatchObject({
      ...body.properties,
      privateEndpointNetworkPolicies: "Disabled",
      provisioningState: "Succeeded",
    });
  });

  it("detaches what a PUT leaves out: PUT replaces the subnet", async () => {
    await putSubnet("app", fullSubnet("Enabled"));
    await putSubnet("app", {
      properties: { addressPrefix: "10.0.1.0/24", privateEndpointNetworkPolicies: "Disabled" },
    });
    const after = (await arm.send("GET", subnetUrl("app"))).body.properties;
    expect(after.networkSecurityGroup).toBeUndefined();
    expect(after.routeTable).toBeUndefined();
    expect(after.delegations).toBeUndefined();
  });

  it("setting privateEndpointNetworkPolicies to Disabled lets a refused endpoint in", async () => {
    const workspace = await world.createWorkspace();
    await putSubnet("app", fullSubnet("Enabled"));
    const refused = await endpointPut("pe1", workspace.id, subnetUrl("app"));
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe(
      "PrivateEndpointCannotBeCreatedInSubnetThatHasNetworkPoliciesEnabled",
    );

    const read = (await arm.send("GET", subnetUrl("app"))).body;
    read.properties.privateEndpointNetworkPolicies = "Disabled";
    await putSubnet("app", read);

    const accepted = await endpointPut("pe1", workspace.id, subnetUrl("app"));
    expect(accepted.status).toBe(201);
    const addresses = accepted.body.properties.customDnsConfigs.flatMap((c: any) => c.ipAddresses);
    expect(addresses[0]).toBe("10.0.1.4");
  });

  it("treats a policy value in any casing as the value it names", async () => {
    const workspace = await world.createWorkspace();
    await putSubnet("app", fullSubnet("enabled"));
    const subnet = (await arm.send("GET", subnetUrl("app"))).body;
    expect(subnet.properties.privateEndpointNetworkPolicies).toBe("Enabled");
    const refused = await endpointPut("pe1", workspace.id, subnetUrl("app"));
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe(
      "PrivateEndpointCannotBeCreatedInSubnetThatHasNetworkPoliciesEnabled",
    );
  });

  it("refuses a policy value outside 2024-07-01's enum", async () => {
    const answer = await arm.send("PUT", subnetUrl("app"), fullSubnet("Sometimes"));
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe("InvalidRequestFormat");
    expect(answer.body.error.target).toBe("properties.privateEndpointNetworkPolicies");
  });

  it("refuses the example subnet, whose range overlaps the default subnet", async () => {
    const answer = await arm.send(
      "PUT",
      subnetUrl("subnet1"),
      createExample.parameters.subnetParameters,
    );
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe("NetcfgSubnetRangesOverlap");
    expect(answer.body.error.message).toContain("'default'");
  });

  it("refuses a range outside the virtual network's address space", async () => {
    const answer = await arm.send("PUT", subnetUrl("outside"), {
      properties: { addressPrefix: "192.168.0.0/24" },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe("NetcfgSubnetRangeOutsideVnet");
  });

  it("refuses a malformed prefix with InvalidAddressPrefixFormat", async () => {
    const answer = await arm.send("PUT", subnetUrl("bad"), {
      properties: { addressPrefix: "10.0.300.0/24" },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe("InvalidAddressPrefixFormat");
  });
});

describe("subnet PUT with If-Match", () => {
  /** The seeded subnet as read, with an NSG attached by "someone else" afterwards. */
  async function readThenChangeElsewhere() {
    const read = (await arm.send("GET", emulator.world.subnetId)).body;
    const changed = fullSubnet("Enabled");
    changed.properties.addressPrefix = "10.0.0.0/24";
    await putSubnet("default", changed);
    return read;
  }

  it("gives the subnet a new etag on every PUT, even one that changes nothing", async () => {
    const before = (await arm.send("GET", emulator.world.subnetId)).body;
    await putSubnet("default", { properties: before.properties });
    const after = (await arm.send("GET", emulator.world.subnetId)).body;
    expect(after.etag).toMatch(/^W\/"[0-9a-f-]{36}"$/);
    expect(after.etag).not.toBe(before.etag);
  });

  it("accepts the PUT when If-Match is the subnet's current etag", async () => {
    const read = (await arm.send("GET", emulator.world.subnetId)).body;
    read.properties.privateEndpointNetworkPolicies = "Enabled";
    const answer = await arm.send("PUT", emulator.world.subnetId, read, {
      headers: { "if-match": read.etag },
    });
    expect(answer.status).toBe(200);
    await arm.pollUntilDone(answer.headers.get("azure-asyncoperation")!);
    const after = (await arm.send("GET", emulator.world.subnetId)).body;
    expect(after.properties.privateEndpointNetworkPolicies).toBe("Enabled");
  });

  it("refuses with 412 PreconditionFailed, in the Network resource provider's words, when the etag is stale", async () => {
    const read = await readThenChangeElsewhere();
    const current = (await arm.send("GET", emulator.world.subnetId)).body;

    const answer = await arm.send(
      "PUT",
      emulator.world.subnetId,
      { properties: { ...read.properties, privateEndpointNetworkPolicies: "Disabled" } },
      { headers: { "if-match": read.etag } },
    );

    expect(answer.status).toBe(412);
    expect(answer.body.error).toEqual({
      code: "PreconditionFailed",
      message: "Precondition failed.",
      details: [
        {
          code: "PreconditionFailedEtagMismatch",
          message:
            `Etag provided in if-match header ${read.etag} does not match etag ` +
            `${current.etag} of resource ${emulator.world.subnetId} in NRP data store.`,
        },
      ],
    });
    expect(answer.headers.get("azure-asyncoperation")).toBeNull();
  });

  it("leaves the subnet untouched when it refuses a stale write", async () => {
    const read = await readThenChangeElsewhere();
    const current = (await arm.send("GET", emulator.world.subnetId)).body;

    await arm.send(
      "PUT",
      emulator.world.subnetId,
      { properties: { addressPrefix: "10.0.0.0/24", privateEndpointNetworkPolicies: "Disabled" } },
      { headers: { "if-match": read.etag } },
    );

    expect((await arm.send("GET", emulator.world.subnetId)).body).toEqual(current);
  });

  it("takes If-Match: * as any version of an existing subnet", async () => {
    await readThenChangeElsewhere();
    const answer = await arm.send(
      "PUT",
      emulator.world.subnetId,
      { properties: { addressPrefix: "10.0.0.0/24" } },
      { headers: { "if-match": "*" } },
    );
    expect(answer.status).toBe(200);
  });

  it("refuses If-Match for a subnet that does not exist, creating nothing", async () => {
    for (const ifMatch of ["*", 'W/"00000000-0000-0000-0000-000000000000"']) {
      const answer = await arm.send(
        "PUT",
        subnetUrl("second"),
        { properties: { addressPrefix: "10.0.2.0/24" } },
        { headers: { "if-match": ifMatch } },
      );
      expect(answer.status).toBe(412);
      expect(answer.body.error.code).toBe("PreconditionFailed");
    }
    expect((await arm.send("GET", subnetUrl("second"))).status).toBe(404);
  });
});

describe("subnet DELETE", () => {
  it("refuses to delete a subnet a private endpoint is in", async () => {
    const workspace = await world.createWorkspace();
    const endpoint = await world.createPrivateEndpoint("pe1", workspace.id);
    const answer = await arm.send("DELETE", emulator.world.subnetId);
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe("InUseSubnetCannotBeDeleted");
    expect(answer.body.error.message).toContain(endpoint.id);
  });

  it("deletes an unused subnet through a 202", async () => {
    await putSubnet("second", { properties: { addressPrefix: "10.0.2.0/24" } });
    const deleted = await arm.send("DELETE", subnetUrl("second"));
    expect(deleted.status).toBe(202);
    await arm.pollUntilDone(deleted.headers.get("location")!);
    expect((await arm.send("GET", subnetUrl("second"))).status).toBe(404);
  });
});

describe("virtual network PUT with If-Match", () => {
  it("refuses a stale etag with 412 and leaves the network and its subnets as they are", async () => {
    const read = (await arm.send("GET", emulator.world.vnetId)).body;
    const rewrite = { location: read.location, properties: { ...read.properties, subnets: [] } };
    const first = await arm.send("PUT", emulator.world.vnetId, {
      location: read.location,
      properties: read.properties,
      tags: { changed: "elsewhere" },
    });
    await arm.pollUntilDone(first.headers.get("azure-asyncoperation")!);
    const current = (await arm.send("GET", emulator.world.vnetId)).body;
    expect(current.etag).not.toBe(read.etag);

    const answer = await arm.send("PUT", emulator.world.vnetId, rewrite, {
      headers: { "if-match": read.etag },
    });

    expect(answer.status).toBe(412);
    expect(answer.body.error.details[0].code).toBe("PreconditionFailedEtagMismatch");
    expect((await arm.send("GET", emulator.world.vnetId)).body).toEqual(current);
  });
});
