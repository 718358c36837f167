import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "../../src/emulator/index.js";
import { loadExample } from "../fixtures/examples.js";
import { armHttp, type ArmHttp } from "./armHttp.js";
import { worldBuilder } from "./world.js";

const createExample = loadExample("Microsoft.Network/2024-07-01/PrivateEndpointCreate.json");
const manualExample = loadExample(
  "Microsoft.Network/2024-07-01/PrivateEndpointCreateForManualApproval.json",
);
const approveExample = loadExample(
  "Microsoft.MachineLearningServices/2024-10-01/PrivateEndpointConnection_createOrUpdate.json",
);
const connectionGetExample = loadExample(
  "Microsoft.MachineLearningServices/2024-10-01/PrivateEndpointConnection_get.json",
);

let emulator: RunningEmulator;
let arm: ArmHttp;
let world: ReturnType<typeof worldBuilder>;
let workspace: any;
const endpointUrl = (name = "pe1") => `${world.net}/privateEndpoints/${name}`;
const workspaceUrl = () => `${world.ml}/myworkspace`;

async function start(seed: Parameters<typeof startEmulator>[0] = {}) {
  emulator = await startEmulator({ seed: true, ...seed });
  arm = armHttp(emulator);
  world = worldBuilder(arm);
  workspace = await world.createWorkspace();
}

/**
 * A Network example body turned towards the workspace: the example targets a Private Link
 * Service with a made-up group id and subnet, and a static address outside the demo subnet.
 */
function endpointBody(example: typeof createExample) {
  const body = structuredClone(example.parameters.parameters) as any;
  body.location = emulator.world.location;
  body.properties.subnet.id = emulator.world.subnetId;
  delete body.properties.ipConfigurations;
  for (const kind of ["privateLinkServiceConnections", "manualPrivateLinkServiceConnections"]) {
    for (const connection of body.properties[kind] ?? []) {
      connection.name = "pe1";
      connection.properties.privateLinkServiceId = workspace.id;
      connection.properties.groupIds = ["amlworkspace"];
    }
  }
  return body;
}

async function connections(): Promise<any[]> {
  return (await arm.send("GET", `${workspaceUrl()}/privateEndpointConnections`)).body.value;
}

beforeEach(() => start());
afterEach(() => emulator.stop());

describe("private endpoint PUT", () => {
  it("answers 201 with the endpoint Updating and an Azure-AsyncOperation to follow", async () => {
    const answer = await arm.send("PUT", endpointUrl(), endpointBody(createExample));
    expect(answer.status).toBe(201);
    expect(answer.body.properties.provisioningState).toBe("Updating");
    expect(answer.headers.get("azure-asyncoperation")).toMatch(
      new RegExp(
        `^${emulator.endpoint}/subscriptions/${arm.subscriptionId}/providers/Microsoft.Network/locations/eastus2/operations/[0-9a-f-]{36}\\?api-version=2024-07-01$`,
      ),
    );
    expect(answer.headers.get("location")).toBeNull();

    const status = await arm.pollUntilDone(answer.headers.get("azure-asyncoperation")!);
    expect(status.status).toBe(200);
    expect(status.body.status).toBe("Succeeded");
    const got = await arm.send("GET", endpointUrl());
    expect(got.body.properties.provisioningState).toBe("Succeeded");
  });

  it("answers 200 for a PUT of an endpoint that exists, keeping its connection", async () => {
    await world.createPrivateEndpoint("pe1", workspace.id);
    const [before] = await connections();
    const again = await arm.send("PUT", endpointUrl(), endpointBody(createExample));
    expect(again.status).toBe(200);
    await arm.pollUntilDone(again.headers.get("azure-asyncoperation")!);
    expect((await connections()).map((c) => c.id)).toEqual([before.id]);
  });

  it("names the network interface after customNetworkInterfaceName", async () => {
    const answer = await arm.send("PUT", endpointUrl(), endpointBody(createExample));
    expect(answer.body.properties.networkInterfaces).toEqual([
      { id: `${arm.rg}/providers/Microsoft.Network/networkInterfaces/testPeNic` },
    ]);
    expect(answer.body.properties.customNetworkInterfaceName).toBe("testPeNic");
  });

  it("without customNetworkInterfaceName names the interface '<endpoint>.nic.<guid>'", async () => {
    const endpoint = await world.createPrivateEndpoint("pe1", workspace.id);
    expect(endpoint.properties.networkInterfaces).toHaveLength(1);
    expect(endpoint.properties.networkInterfaces[0].id).toMatch(
      new RegExp(
        `^${arm.rg}/providers/Microsoft.Network/networkInterfaces/pe1\\.nic\\.[0-9a-f-]{36}$`,
      ),
    );
  });

  it("gives the endpoint DNS configs for the workspace names, with addresses from the subnet", async () => {
    const endpoint = await world.createPrivateEndpoint("pe1", workspace.id);
    const { workspaceId } = workspace.properties;
    expect(endpoint.properties.customDnsConfigs).toEqual([
      { fqdn: `${workspaceId}.workspace.eastus2.api.azureml.ms`, ipAddresses: ["10.0.0.4"] },
      { fqdn: `${workspaceId}.workspace.eastus2.cert.api.azureml.ms`, ipAddresses: ["10.0.0.4"] },
      {
        fqdn: `ml-myworkspace-eastus2-${workspaceId}.eastus2.notebooks.azure.net`,
        ipAddresses: ["10.0.0.5"],
      },
      { fqdn: `*.${workspaceId}.inference.eastus2.api.azureml.ms`, ipAddresses: ["10.0.0.6"] },
    ]);
  });

  it("gives a second endpoint in the subnet the next free addresses", async () => {
    await world.createPrivateEndpoint("pe1", workspace.id);
    const second = await world.createPrivateEndpoint("pe2", workspace.id);
    const addresses = second.properties.customDnsConfigs.flatMap((c: any) => c.ipAddresses);
    expect([...new Set(addresses)]).toEqual(["10.0.0.7", "10.0.0.8", "10.0.0.9"]);
  });

  it("lists the endpoint among the subnet's private endpoints", async () => {
    const endpoint = await world.createPrivateEndpoint("pe1", workspace.id);
    const subnet = await arm.send("GET", emulator.world.subnetId);
    expect(subnet.body.properties.privateEndpoints).toEqual([{ id: endpoint.id }]);
  });

  it("refuses a subnet whose private endpoint network policies are Enabled", async () => {
    await emulator.stop();
    await start({ seed: { privateEndpointNetworkPolicies: "Enabled" } });
    const answer = await arm.send("PUT", endpointUrl(), endpointBody(createExample));
    expect(answer.status).toBe(400);
    expect(answer.body.error).toEqual({
      code: "PrivateEndpointCannotBeCreatedInSubnetThatHasNetworkPoliciesEnabled",
      message: `Private endpoint ${arm.rg}/providers/Microsoft.Network/privateEndpoints/pe1 cannot be created in a subnet ${emulator.world.subnetId} since it has private endpoint network policies enabled.`,
    });
    expect(await connections()).toEqual([]);
    expect((await arm.send("GET", endpointUrl())).status).toBe(404);
  });

  it("refuses an endpoint outside its virtual network's region with InvalidResourceReference", async () => {
    const body = { ...endpointBody(createExample), location: "westus" };
    const answer = await arm.send("PUT", endpointUrl(), body);
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe("InvalidResourceReference");
  });

  it("refuses the Network example's Private Link Service, which does not exist", async () => {
    const body = structuredClone(createExample.parameters.parameters) as any;
    body.location = "eastus2";
    body.properties.subnet.id = emulator.world.subnetId;
    const answer = await arm.send("PUT", endpointUrl(), body);
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe("InvalidResourceReference");
    expect(answer.body.error.message).toContain("privateLinkServices/testPls");
  });

  it("refuses a group id other than amlworkspace", async () => {
    const body = endpointBody(createExample);
    body.properties.privateLinkServiceConnections[0].properties.groupIds = ["blob"];
    const answer = await arm.send("PUT", endpointUrl(), body);
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe("PrivateEndpointBadRequest");
  });

  it("refuses an endpoint name outside the Network naming rule with InvalidResourceName", async () => {
    const answer = await arm.send("PUT", endpointUrl("-bad"), endpointBody(createExample));
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe("InvalidResourceName");
  });
});

describe("the workspace side of a private endpoint", () => {
  it("an automatic connection adds an Approved, Auto-Approved connection to the workspace", async () => {
    const endpoint = await world.createPrivateEndpoint("pe1", workspace.id);
    const got = (await arm.send("GET", workspaceUrl())).body;
    expect(got.properties.privateLinkCount).toBe(1);
    const [connection] = got.properties.privateEndpointConnections;
    const expected = connectionGetExample.responses["200"]!.body;
    expect(connection).toEqual({
      id: expect.stringMatching(new RegExp(`^${workspace.id}/privateEndpointConnections/pe1\\.`)),
      name: expect.stringMatching(/^pe1\./),
      type: expected.type,
      properties: {
        privateEndpoint: { id: endpoint.id },
        privateLinkServiceConnectionState: {
          status: "Approved",
          description: "Auto-Approved",
          actionsRequired: "None",
        },
        provisioningState: "Succeeded",
      },
    });
  });

  it("closes the workspace to the public network once it has a connection", async () => {
    await world.createPrivateEndpoint("pe1", workspace.id);
    const got = (await arm.send("GET", workspaceUrl())).body;
    expect(got.properties.publicNetworkAccess).toBe("Disabled");
  });

  it("an automatic connection shows Approved on the endpoint's privateLinkServiceConnections", async () => {
    const endpoint = await world.createPrivateEndpoint("pe1", workspace.id);
    expect(endpoint.properties.manualPrivateLinkServiceConnections).toEqual([]);
    const [connection] = endpoint.properties.privateLinkServiceConnections;
    expect(connection.properties).toMatchObject({
      privateLinkServiceId: workspace.id,
      groupIds: ["amlworkspace"],
      privateLinkServiceConnectionState: { status: "Approved", description: "Auto-Approved" },
    });
  });

  it("a manual connection adds a Pending connection carrying the request message", async () => {
    const put = await arm.send("PUT", endpointUrl(), endpointBody(manualExample));
    expect(put.status).toBe(201);
    await arm.pollUntilDone(put.headers.get("azure-asyncoperation")!);

    const [connection] = await connections();
    expect(connection.properties.privateLinkServiceConnectionState).toEqual({
      status: "Pending",
      description: "Please manually approve my connection.",
      actionsRequired: "None",
    });
    const endpoint = (await arm.send("GET", endpointUrl())).body;
    expect(endpoint.properties.privateLinkServiceConnections).toEqual([]);
    expect(
      endpoint.properties.manualPrivateLinkServiceConnections[0].properties
        .privateLinkServiceConnectionState.status,
    ).toBe("Pending");
  });
});

describe("private endpoint connections", () => {
  let connectionUrl: string;
  beforeEach(async () => {
    await world.createPrivateEndpoint("pe1", workspace.id, { manual: true });
    const [connection] = await connections();
    connectionUrl = `${workspaceUrl()}/privateEndpointConnections/${connection.name}`;
  });
  const manualState = async () =>
    (await arm.send("GET", endpointUrl())).body.properties.manualPrivateLinkServiceConnections[0]
      .properties.privateLinkServiceConnectionState;

  it("approving the connection with the 2024-10-01 example answers 200 and shows on the endpoint", async () => {
    const answer = await arm.send("PUT", connectionUrl, approveExample.parameters.properties);
    expect(answer.status).toBe(200);
    expect(answer.headers.get("azure-asyncoperation")).toBeNull();
    expect(answer.body.properties.privateLinkServiceConnectionState).toEqual(
      approveExample.responses["200"]!.body.properties.privateLinkServiceConnectionState,
    );
    expect(await manualState()).toEqual({
      status: "Approved",
      description: "Auto-Approved",
      actionsRequired: "None",
    });
  });

  it("rejecting the connection shows Rejected on the endpoint", async () => {
    const answer = await arm.send("PUT", connectionUrl, {
      properties: {
        privateLinkServiceConnectionState: { status: "Rejected", description: "Not this one." },
      },
    });
    expect(answer.status).toBe(200);
    expect(await manualState()).toEqual({
      status: "Rejected",
      description: "Not this one.",
      actionsRequired: "None",
    });
  });

  it("refuses to set a connection to a state other than Approved or Rejected", async () => {
    const answer = await arm.send("PUT", connectionUrl, {
      properties: { privateLinkServiceConnectionState: { status: "Disconnected" } },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error.target).toBe("properties.privateLinkServiceConnectionState.status");
    expect((await manualState()).status).toBe("Pending");
  });

  it("refuses a body without privateLinkServiceConnectionState", async () => {
    const answer = await arm.send("PUT", connectionUrl, { properties: {} });
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe("InvalidRequestFormat");
    expect(answer.body.error.target).toBe("properties.privateLinkServiceConnectionState");
  });

  it("gets one connection by name, and 404 ResourceNotFound for an unknown name", async () => {
    const got = await arm.send("GET", connectionUrl);
    expect(got.status).toBe(200);
    expect(got.body.properties.privateLinkServiceConnectionState.status).toBe("Pending");
    const missing = await arm.send("GET", `${workspaceUrl()}/privateEndpointConnections/nothere`);
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe("ResourceNotFound");
  });

  it("deleting the connection answers 200 and leaves the endpoint Disconnected", async () => {
    const deleted = await arm.send("DELETE", connectionUrl);
    expect(deleted.status).toBe(200);
    expect(await connections()).toEqual([]);
    expect((await manualState()).status).toBe("Disconnected");
    expect((await arm.send("GET", endpointUrl())).status).toBe(200);
  });

  it("answers 204 for deleting a connection that is already gone", async () => {
    await arm.send("DELETE", connectionUrl);
    expect((await arm.send("DELETE", connectionUrl)).status).toBe(204);
  });
});

describe("private endpoint DELETE", () => {
  it("answers 202 with Azure-AsyncOperation and Location, and removes the workspace connection", async () => {
    await world.createPrivateEndpoint("pe1", workspace.id);
    const deleted = await arm.send("DELETE", endpointUrl());
    expect(deleted.status).toBe(202);
    expect(deleted.headers.get("azure-asyncoperation")).toMatch(
      /\/providers\/Microsoft\.Network\/locations\/eastus2\/operations\/[0-9a-f-]{36}\?api-version=2024-07-01$/,
    );
    const location = deleted.headers.get("location")!;
    expect(location).toMatch(
      /\/providers\/Microsoft\.Network\/locations\/eastus2\/operationResults\/[0-9a-f-]{36}\?api-version=2024-07-01$/,
    );

    const done = await arm.pollUntilDone(location);
    expect(done.status).toBe(204);
    expect((await arm.send("GET", endpointUrl())).status).toBe(404);
    expect(await connections()).toEqual([]);
    const subnet = await arm.send("GET", emulator.world.subnetId);
    expect(subnet.body.properties.privateEndpoints).toBeUndefined();
  });

  it("answers 204 for an endpoint that does not exist", async () => {
    expect((await arm.send("DELETE", endpointUrl("nothere"))).status).toBe(204);
  });

  it("deleting the workspace leaves its endpoints Disconnected", async () => {
    await world.createPrivateEndpoint("pe1", workspace.id);
    const deleted = await arm.send("DELETE", workspaceUrl());
    await arm.pollUntilDone(deleted.headers.get("location")!);
    const endpoint = (await arm.send("GET", endpointUrl())).body;
    expect(
      endpoint.properties.privateLinkServiceConnections[0].properties
        .privateLinkServiceConnectionState.status,
    ).toBe("Disconnected");
  });
});
