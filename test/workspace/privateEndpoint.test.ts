import { mkdtempSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import nock from "nock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { PrivateEndPointConfig, Workspace } from "../../src/index.js";
import type { PrivateEndpointError, WorkspaceProgressEvent } from "../../src/index.js";
import {
  FakeArm,
  PE_ID,
  RG,
  SUB,
  SUBNET_ID,
  testClientOptions,
  WS_ID,
  ZONES,
  zoneId,
} from "./fakeArm.js";
import { routeNetworkReads, routePrivateEndpointWrites } from "./networkWorld.js";
import { connectionFor, exampleBody, workspaceDetails } from "./payloadExamples.js";

const pe = new PrivateEndPointConfig({
  name: "myprivateendpoint",
  vnetName: "myvnet",
  vnetSubnetName: "default",
});

/** A folder with .azureml/config.json for myworkspace, as the how-to's from_config() expects. */
function configFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), "azureml-pe-"));
  mkdirSync(join(dir, ".azureml"));
  writeFileSync(
    join(dir, ".azureml", "config.json"),
    JSON.stringify({ subscription_id: SUB, resource_group: RG, workspace_name: "myworkspace" }),
  );
  return dir;
}

/** A subnet that refuses private endpoints, as GET answers it with the given etag. */
function enabledSubnet(etag: string) {
  return {
    id: SUBNET_ID,
    name: "default",
    etag,
    type: "Microsoft.Network/virtualNetworks/subnets",
    properties: {
      addressPrefix: "10.0.0.0/24",
      privateEndpointNetworkPolicies: "Enabled",
      provisioningState: "Succeeded",
    },
  };
}

describe("Workspace.addPrivateEndpoint", () => {
  let arm: FakeArm;
  let lines: string[];
  let ws: Workspace;
  beforeEach(async () => {
    nock.disableNetConnect();
    arm = new FakeArm();
    lines = [];
    arm.on("GET", WS_ID, [200, workspaceDetails([])]);
    ws = await Workspace.fromConfig({ path: configFolder(), ...testClientOptions(lines) });
    arm.requests.length = 0;
  });
  afterEach(() => {
    nock.cleanAll();
    nock.enableNetConnect();
  });

  it("runs the how-to's add sample: endpoint, zones, links and zone group, auto-approved", async () => {
    routeNetworkReads(arm);
    routePrivateEndpointWrites(arm);
    arm.override("GET", WS_ID, [200, workspaceDetails([connectionFor("Approved")])]);

    const connection = await ws.addPrivateEndpoint(pe, {
      privateEndpointAutoApproval: true,
      showOutput: true,
      ...testClientOptions(lines),
    } as never);

    expect(arm.unexpected).toEqual([]);
    expect(connection).toEqual({
      name: "myworkspace.conn1",
      id: `${WS_ID}/privateEndpointConnections/myworkspace.conn1`,
      privateEndpointId: PE_ID,
      privateEndpointName: "myprivateendpoint",
      status: "Approved",
      description: "Auto-Approved",
    });
    expect(
      arm.find("PUT", PE_ID)!.body.properties.privateLinkServiceConnections[0].properties,
    ).toEqual({
      privateLinkServiceId: WS_ID,
      groupIds: ["amlworkspace"],
    });
    const zonePut = arm.find("PUT", zoneId(ZONES[0]!))!;
    expect(zonePut.body).toEqual({ location: "global" });
    expect(arm.writes()).toHaveLength(6);
    expect(lines).toContain(
      "Warning: Compute targets of workspace myworkspace that are not in virtual network myvnet will not work once the private endpoint exists.",
    );
  });

  it("puts the connection in manualPrivateLinkServiceConnections, creates no DNS and reports Pending", async () => {
    routeNetworkReads(arm);
    routePrivateEndpointWrites(arm, "Pending");
    arm.override("GET", WS_ID, [200, workspaceDetails([connectionFor("Pending")])]);
    const events: WorkspaceProgressEvent[] = [];

    const connection = await ws.addPrivateEndpoint(pe, {
      privateEndpointAutoApproval: false,
      onProgress: (e: WorkspaceProgressEvent) => events.push(e),
      ...testClientOptions(lines),
    } as never);

    expect(connection.status).toBe("Pending");
    expect(arm.writes()).toEqual([`PUT ${PE_ID}`]);
    const body = arm.find("PUT", PE_ID)!.body;
    expect(body.properties.privateLinkServiceConnections).toBeUndefined();
    expect(body.properties.manualPrivateLinkServiceConnections).toEqual([
      {
        name: "myprivateendpoint",
        properties: { privateLinkServiceId: WS_ID, groupIds: ["amlworkspace"] },
      },
    ]);
    expect(events.find((e) => e.kind === "pendingApproval")).toMatchObject({
      connectionName: "myworkspace.conn1",
      privateEndpointId: PE_ID,
    });
  });

  it("waits for the approval when asked, polling the connection until it is Approved", async () => {
    routeNetworkReads(arm);
    routePrivateEndpointWrites(arm, "Pending");
    arm.override("GET", WS_ID, [200, workspaceDetails([connectionFor("Pending")])]);
    const connectionPath = `${WS_ID}/privateEndpointConnections/myworkspace.conn1`;
    arm.on(
      "GET",
      connectionPath,
      [200, connectionFor("Pending")],
      [200, connectionFor("Pending")],
      [200, connectionFor("Approved")],
    );

    const connection = await ws.addPrivateEndpoint(pe, {
      privateEndpointAutoApproval: false,
      waitForApproval: true,
      ...testClientOptions(),
    } as never);

    expect(connection.status).toBe("Approved");
    expect(arm.requests.filter((r) => r.path === connectionPath)).toHaveLength(3);
  });

  it("ends the wait with PrivateEndpointConnectionRemovedError when the connection turns Disconnected", async () => {
    routeNetworkReads(arm);
    routePrivateEndpointWrites(arm, "Pending");
    arm.override("GET", WS_ID, [200, workspaceDetails([connectionFor("Pending")])]);
    const connectionPath = `${WS_ID}/privateEndpointConnections/myworkspace.conn1`;
    arm.on(
      "GET",
      connectionPath,
      [200, connectionFor("Pending")],
      [200, connectionFor("Disconnected")],
    );

    const error = await ws
      .addPrivateEndpoint(pe, {
        privateEndpointAutoApproval: false,
        waitForApproval: true,
        ...testClientOptions(),
      } as never)
      .catch((e: unknown) => e);

    expect(error).toMatchObject({
      name: "PrivateEndpointConnectionRemovedError",
      code: "PrivateEndpointConnectionRemoved",
      connectionName: "myworkspace.conn1",
      privateEndpointId: PE_ID,
      status: "Disconnected",
    });
    expect((error as Error).message).toContain(
      "Private endpoint connection myworkspace.conn1 of workspace myworkspace became Disconnected",
    );
    // Exactly one poll past Pending: the wait ended at the Disconnected answer.
    expect(arm.requests.filter((r) => r.path === connectionPath)).toHaveLength(2);
    expect(arm.writes()).toEqual([`PUT ${PE_ID}`]);
  });

  it("stops waiting for approval when aborted", async () => {
    routeNetworkReads(arm);
    routePrivateEndpointWrites(arm, "Pending");
    arm.override("GET", WS_ID, [200, workspaceDetails([connectionFor("Pending")])]);
    const controller = new AbortController();
    arm.on("GET", `${WS_ID}/privateEndpointConnections/myworkspace.conn1`, () => {
      controller.abort();
      return [200, connectionFor("Pending")];
    });

    await expect(
      ws.addPrivateEndpoint(pe, {
        privateEndpointAutoApproval: false,
        waitForApproval: true,
        abortSignal: controller.signal,
        ...testClientOptions(),
      } as never),
    ).rejects.toMatchObject({ name: "AbortError" });
  });

  it("refuses a subnet whose private endpoint network policies are Enabled, before any write", async () => {
    routeNetworkReads(arm, "Enabled");
    const error = await ws
      .addPrivateEndpoint(pe, testClientOptions() as never)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      name: "PrivateEndpointPrerequisiteError",
      code: "PrivateEndpointNetworkPoliciesEnabled",
      resourceId: SUBNET_ID,
    });
    expect((error as Error).message).toContain("Subnet 'default' of virtual network 'myvnet'");
    expect((error as Error).message).toContain("disableSubnetNetworkPolicies: true");
    expect(arm.writes()).toEqual([]);
  });

  it.each(["Disabled", "NetworkSecurityGroupEnabled", "RouteTableEnabled"])(
    "accepts a subnet with policies %s",
    async (policies) => {
      routeNetworkReads(arm, policies);
      routePrivateEndpointWrites(arm);
      arm.override("GET", WS_ID, [200, workspaceDetails([connectionFor("Approved")])]);
      await ws.addPrivateEndpoint(pe, testClientOptions() as never);
      expect(arm.writes().some((w) => w.endsWith("/subnets/default"))).toBe(false);
    },
  );

  it("with disableSubnetNetworkPolicies writes back the whole subnet with the policy Disabled, then continues", async () => {
    routeNetworkReads(arm);
    const subnet = {
      id: SUBNET_ID,
      name: "default",
      etag: 'W/"1"',
      type: "Microsoft.Network/virtualNetworks/subnets",
      properties: {
        addressPrefix: "10.0.0.0/24",
        networkSecurityGroup: {
          id: "/subscriptions/x/resourceGroups/y/providers/Microsoft.Network/networkSecurityGroups/nsg",
        },
        routeTable: {
          id: "/subscriptions/x/resourceGroups/y/providers/Microsoft.Network/routeTables/rt",
        },
        serviceEndpoints: [{ service: "Microsoft.Storage", locations: ["eastus2"] }],
        delegations: [],
        privateEndpointNetworkPolicies: "Enabled",
        privateLinkServiceNetworkPolicies: "Enabled",
        provisioningState: "Succeeded",
        ipConfigurations: [{ id: "/ipconfig" }],
        privateEndpoints: [{ id: "/other-pe" }],
      },
    };
    arm.override("GET", SUBNET_ID, [200, subnet]).on("PUT", SUBNET_ID, [
      200,
      {
        ...subnet,
        properties: { ...subnet.properties, privateEndpointNetworkPolicies: "Disabled" },
      },
    ]);
    routePrivateEndpointWrites(arm);
    arm.override("GET", WS_ID, [200, workspaceDetails([connectionFor("Approved")])]);

    await ws.addPrivateEndpoint(pe, {
      disableSubnetNetworkPolicies: true,
      ...testClientOptions(),
    } as never);

    expect(arm.writes()[0]).toBe(`PUT ${SUBNET_ID}`);
    expect(arm.find("PUT", SUBNET_ID)!.body).toEqual({
      id: SUBNET_ID,
      name: "default",
      type: "Microsoft.Network/virtualNetworks/subnets",
      properties: {
        addressPrefix: "10.0.0.0/24",
        networkSecurityGroup: subnet.properties.networkSecurityGroup,
        routeTable: subnet.properties.routeTable,
        serviceEndpoints: subnet.properties.serviceEndpoints,
        delegations: [],
        privateEndpointNetworkPolicies: "Disabled",
        privateLinkServiceNetworkPolicies: "Enabled",
      },
    });
    expect(arm.writes()[1]).toBe(`PUT ${PE_ID}`);
  });

  it("makes the subnet write-back conditional on the etag it read", async () => {
    routeNetworkReads(arm);
    const subnet = enabledSubnet('W/"read-1"');
    arm.override("GET", SUBNET_ID, [200, subnet]).on("PUT", SUBNET_ID, [200, subnet]);
    routePrivateEndpointWrites(arm);
    arm.override("GET", WS_ID, [200, workspaceDetails([connectionFor("Approved")])]);

    await ws.addPrivateEndpoint(pe, {
      disableSubnetNetworkPolicies: true,
      ...testClientOptions(),
    } as never);

    expect(arm.find("PUT", SUBNET_ID)!.headers["if-match"]).toBe('W/"read-1"');
  });

  it("fails with SubnetChanged, writing nothing more, when the subnet changed since it was read", async () => {
    routeNetworkReads(arm);
    arm.override("GET", SUBNET_ID, [200, enabledSubnet('W/"read-1"')]).on("PUT", SUBNET_ID, [
      412,
      {
        error: {
          code: "PreconditionFailed",
          message: "Precondition failed.",
          details: [{ code: "PreconditionFailedEtagMismatch", message: "Etag mismatch." }],
        },
      },
    ]);
    routePrivateEndpointWrites(arm);

    const error = await ws
      .addPrivateEndpoint(pe, {
        disableSubnetNetworkPolicies: true,
        ...testClientOptions(),
      } as never)
      .catch((e: unknown) => e);

    expect(error).toMatchObject({
      name: "PrivateEndpointPrerequisiteError",
      code: "SubnetChanged",
      resourceId: SUBNET_ID,
    });
    expect((error as Error).message).toContain("Subnet 'default' of virtual network 'myvnet'");
    expect((error as Error).message).toContain("Run the call again");
    expect((error as Error).cause).toMatchObject({ name: "ArmError", statusCode: 412 });
    // Refused once, not retried with a fresh read, and nothing created after it.
    expect(arm.writes()).toEqual([`PUT ${SUBNET_ID}`]);
    expect(arm.requests.filter((r) => r.method === "GET" && r.path === SUBNET_ID)).toHaveLength(1);
  });

  it("names subscription, group, VNet and subnet when the subnet is missing", async () => {
    routeNetworkReads(arm);
    arm.override("GET", SUBNET_ID, [
      404,
      { error: { code: "NotFound", message: "Subnet not found" } },
    ]);
    await expect(ws.addPrivateEndpoint(pe, testClientOptions() as never)).rejects.toMatchObject({
      code: "SubnetNotFound",
      message: expect.stringContaining(
        `Subnet 'default' of virtual network 'myvnet' was not found in subscription=${SUB}, resource group=${RG}`,
      ),
    });
    expect(arm.writes()).toEqual([]);
  });

  it("warns when the VNet is in another region than the workspace", async () => {
    routeNetworkReads(arm);
    arm.override(
      "GET",
      `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.Network/virtualNetworks/myvnet`,
      [200, { location: "westus" }],
    );
    routePrivateEndpointWrites(arm);
    arm.override("GET", WS_ID, [200, workspaceDetails([connectionFor("Approved")])]);
    const events: WorkspaceProgressEvent[] = [];
    await ws.addPrivateEndpoint(pe, {
      onProgress: (e: WorkspaceProgressEvent) => events.push(e),
      ...testClientOptions(),
    } as never);
    expect(events).toContainEqual(
      expect.objectContaining({ kind: "warning", code: "VirtualNetworkInAnotherRegion" }),
    );
    expect(arm.find("PUT", PE_ID)!.body.location).toBe("westus");
  });

  it("reuses existing DNS zones and links and does not delete them when the endpoint's zone group fails", async () => {
    routeNetworkReads(arm);
    routePrivateEndpointWrites(arm);
    const vnetId = `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.Network/virtualNetworks/myvnet`;
    for (const zone of ZONES) {
      const link = exampleBody(
        "Microsoft.Network.privateDnsZones/2020-06-01/VirtualNetworkLinkGet.json",
      );
      link.id = `${zoneId(zone)}/virtualNetworkLinks/existing`;
      link.properties.virtualNetwork.id = vnetId;
      arm.override("GET", zoneId(zone), [200, { id: zoneId(zone), location: "global" }]);
      arm.on("GET", `${zoneId(zone)}/virtualNetworkLinks`, [200, { value: [link] }]);
    }
    arm.override("PUT", `${PE_ID}/privateDnsZoneGroups/default`, [
      400,
      { error: { code: "InvalidRequest", message: "Bad zone group." } },
    ]);
    arm.onMatch("DELETE", /.*/, [200]);

    const error = (await ws
      .addPrivateEndpoint(pe, testClientOptions() as never)
      .catch((e: unknown) => e)) as PrivateEndpointError;

    expect(error).toMatchObject({
      name: "PrivateEndpointError",
      code: "PrivateEndpointCreateFailed",
      rolledBack: [PE_ID],
      leftBehind: [],
    });
    expect(error.cause).toMatchObject({ code: "InvalidRequest" });
    expect(arm.writes()).toEqual([
      `PUT ${PE_ID}`,
      `PUT ${PE_ID}/privateDnsZoneGroups/default`,
      `DELETE ${PE_ID}`,
    ]);
  });
});

describe("private endpoint connections", () => {
  let arm: FakeArm;
  let ws: Workspace;
  beforeEach(async () => {
    nock.disableNetConnect();
    arm = new FakeArm();
    arm.on("GET", WS_ID, [200, workspaceDetails()]);
    ws = await Workspace.get("myworkspace", {
      subscriptionId: SUB,
      resourceGroup: RG,
      ...testClientOptions(),
    });
  });
  afterEach(() => {
    nock.cleanAll();
    nock.enableNetConnect();
  });

  it("runs the how-to's remove sample: the name from getDetails(), then one DELETE", async () => {
    arm.on("DELETE", `${WS_ID}/privateEndpointConnections/testprivatelinkconnection`, [200]);
    const details = await ws.getDetails();
    const connectionName = details
      .properties!.privateEndpointConnections![0]!.id!.split("/")
      .at(-1)!;
    await ws.deletePrivateEndpointConnection(connectionName);
    expect(arm.writes()).toEqual([
      `DELETE ${WS_ID}/privateEndpointConnections/testprivatelinkconnection`,
    ]);
    expect(arm.requests.at(-1)!.apiVersion).toBe("2024-10-01");
  });

  it("gives the connections at the top level of getDetails() too, where Python's get_details() has them", async () => {
    const details = await ws.getDetails();
    const [first] = details.privateEndpointConnections;
    expect(first!.name).toBe("testprivatelinkconnection");
    expect(details.privateEndpointConnections).toEqual(
      details.properties!.privateEndpointConnections,
    );
  });

  it("lists the connections with their ids and status", async () => {
    expect(await ws.privateEndpoints()).toEqual([
      {
        name: "testprivatelinkconnection",
        id: `${WS_ID}/privateEndpointConnections/testprivatelinkconnection`,
        privateEndpointId: `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.Network/privateEndpoints/myprivateendpoint`,
        privateEndpointName: "myprivateendpoint",
        status: "Approved",
        description: "Auto-Approved",
      },
    ]);
  });

  it.each([
    ["approvePrivateEndpointConnection", "Approved"],
    ["rejectPrivateEndpointConnection", "Rejected"],
  ] as const)("%s PUTs the connection state with the description", async (method, status) => {
    const path = `${WS_ID}/privateEndpointConnections/conn1`;
    const answer = exampleBody(
      "Microsoft.MachineLearningServices/2024-10-01/PrivateEndpointConnection_createOrUpdate.json",
    );
    answer.properties.privateLinkServiceConnectionState.status = status;
    arm.on("PUT", path, [200, answer]);
    const result = await ws[method]("conn1", { description: "checked by the network team" });
    expect(arm.find("PUT", path)!.body).toEqual({
      properties: {
        privateLinkServiceConnectionState: { status, description: "checked by the network team" },
      },
    });
    expect(result.status).toBe(status);
  });

  it("refuses a connection id where a name is expected, before any request", async () => {
    arm.requests.length = 0;
    await expect(
      ws.deletePrivateEndpointConnection(`${WS_ID}/privateEndpointConnections/x`),
    ).rejects.toMatchObject({
      name: "ValidationError",
      code: "InvalidPrivateEndpointConnectionName",
    });
    expect(arm.requests).toEqual([]);
  });
});
