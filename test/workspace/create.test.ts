import nock from "nock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { PrivateEndPointConfig, Workspace } from "../../src/index.js";
import type { WorkspaceProgressEvent } from "../../src/index.js";
import {
  FakeArm,
  notFound,
  PE_ID,
  RG,
  SUB,
  testClientOptions,
  VNET_ID,
  WS_ID,
  ZONES,
  zoneId,
} from "./fakeArm.js";
import { routeNetworkReads, routePrivateEndpointWrites } from "./networkWorld.js";
import { exampleBody, workspaceDetails } from "./payloadExamples.js";

const RG_ID = `/subscriptions/${SUB}/resourceGroups/${RG}`;
const inRg = (type: string) => new RegExp(`^${RG_ID}/providers/${type}/[a-z0-9]{3,24}$`, "i");

/** The reads of the create checks and the dependent resources, all answered at once. */
function routeCreate(
  arm: FakeArm,
  options: { resourceGroupExists?: boolean; workspaceExists?: boolean } = {},
): void {
  arm
    .on(
      "GET",
      RG_ID,
      options.resourceGroupExists === false
        ? notFound("ResourceGroupNotFound")
        : [200, { id: RG_ID, name: RG, location: "eastus2" }],
    )
    .on("PUT", RG_ID, [
      201,
      { id: RG_ID, name: RG, location: "eastus2", properties: { provisioningState: "Succeeded" } },
    ])
    .on("GET", `/subscriptions/${SUB}/providers/Microsoft.MachineLearningServices`, [
      200,
      {
        namespace: "Microsoft.MachineLearningServices",
        resourceTypes: [
          { resourceType: "workspaces", locations: ["East US", "East US 2", "West Europe"] },
        ],
      },
    ])
    .on("GET", `/subscriptions/${SUB}`, [200, { subscriptionId: SUB, tenantId: "tenant-1" }])
    // Without a resource group there is no workspace to look for: the only read is the last one.
    .on(
      "GET",
      WS_ID,
      ...(options.resourceGroupExists === false || options.workspaceExists ? [] : [notFound()]),
      [200, workspaceDetails()],
    )
    .on("PUT", WS_ID, [
      202,
      undefined,
      {
        location: `https://management.azure.com/subscriptions/${SUB}/providers/Microsoft.MachineLearningServices/locations/eastus2/workspaceOperationsStatus/op1`,
      },
    ])
    .on(
      "GET",
      `/subscriptions/${SUB}/providers/Microsoft.MachineLearningServices/locations/eastus2/workspaceOperationsStatus/op1`,
      [200, workspaceDetails()],
    );
  for (const type of [
    "Microsoft.Storage/storageAccounts",
    "Microsoft.KeyVault/vaults",
    "Microsoft.OperationalInsights/workspaces",
    "Microsoft.Insights/components",
  ]) {
    arm.onMatch("PUT", inRg(type), (r) => [
      200,
      { id: r.path, properties: { provisioningState: "Succeeded" } },
    ]);
  }
}

describe("Workspace.create", () => {
  let arm: FakeArm;
  beforeEach(() => {
    nock.disableNetConnect();
    arm = new FakeArm();
  });
  afterEach(() => {
    nock.cleanAll();
    nock.enableNetConnect();
  });

  it("runs the how-to's create-with-private-endpoint sample and sends every resource in order", async () => {
    routeCreate(arm);
    routeNetworkReads(arm);
    routePrivateEndpointWrites(arm);
    const lines: string[] = [];
    const events: WorkspaceProgressEvent[] = [];

    const pe = new PrivateEndPointConfig({
      name: "myprivateendpoint",
      vnetName: "myvnet",
      vnetSubnetName: "default",
    });
    const ws = await Workspace.create({
      name: "myworkspace",
      subscriptionId: SUB,
      resourceGroup: "myresourcegroup",
      location: "eastus2",
      privateEndpointConfig: pe,
      privateEndpointAutoApproval: true,
      showOutput: true,
      onProgress: (e) => events.push(e),
      ...testClientOptions(lines),
    } as Parameters<typeof Workspace.create>[0]);

    expect(arm.unexpected).toEqual([]);
    expect(ws.id).toBe(WS_ID);
    expect(ws.location).toBe("eastus2");
    const writes = arm.writes();
    expect(
      writes
        .slice(0, 4)
        .map((w) => w.split("/providers/")[1]?.split("/")[1])
        .sort(),
    ).toEqual(["components", "storageAccounts", "vaults", "workspaces"]);
    expect(writes.indexOf(`PUT ${WS_ID}`)).toBe(4);
    expect(writes[5]).toBe(`PUT ${PE_ID}`);
    expect(writes.slice(6, 8).sort()).toEqual(ZONES.map((z) => `PUT ${zoneId(z)}`).sort());
    expect(writes.slice(8, 10).every((w) => w.includes("/virtualNetworkLinks/"))).toBe(true);
    expect(writes[10]).toBe(`PUT ${PE_ID}/privateDnsZoneGroups/default`);
    expect(writes).toHaveLength(11);
    // The Log Analytics workspace exists before the component that points at it.
    const law = writes.findIndex((w) => w.includes("Microsoft.OperationalInsights"));
    expect(law).toBeLessThan(writes.findIndex((w) => w.includes("Microsoft.Insights/components")));

    const workspacePut = arm.find("PUT", WS_ID)!;
    expect(workspacePut.apiVersion).toBe("2024-10-01");
    expect(workspacePut.body).toEqual({
      location: "eastus2",
      tags: { createdByToolkit: expect.stringMatching(/^azureml-workspace-/) },
      sku: { name: "Basic", tier: "Basic" },
      identity: { type: "SystemAssigned" },
      properties: {
        friendlyName: "myworkspace",
        storageAccount: expect.stringMatching(inRg("Microsoft.Storage/storageAccounts")),
        keyVault: expect.stringMatching(inRg("Microsoft.KeyVault/vaults")),
        applicationInsights: expect.stringMatching(inRg("Microsoft.Insights/components")),
        hbiWorkspace: false,
        v1LegacyMode: true,
        publicNetworkAccess: "Disabled",
      },
    });
    const vault = arm.requests.find(
      (r) => r.method === "PUT" && r.path.includes("Microsoft.KeyVault"),
    )!;
    expect(vault.apiVersion).toBe("2024-11-01");
    expect(vault.body.properties).toEqual({
      tenantId: "tenant-1",
      sku: { family: "A", name: "standard" },
      accessPolicies: [],
    });
    const component = arm.requests.find(
      (r) => r.method === "PUT" && r.path.includes("Microsoft.Insights"),
    )!;
    expect(component.body.properties.WorkspaceResourceId).toMatch(
      inRg("Microsoft.OperationalInsights/workspaces"),
    );

    expect(arm.find("PUT", PE_ID)!.body).toEqual({
      location: "eastus2",
      tags: { createdByToolkit: expect.any(String) },
      properties: {
        subnet: { id: `${VNET_ID}/subnets/default` },
        privateLinkServiceConnections: [
          {
            name: "myprivateendpoint",
            properties: { privateLinkServiceId: WS_ID, groupIds: ["amlworkspace"] },
          },
        ],
      },
    });
    const link = arm.requests.find((r) => r.path.includes("/virtualNetworkLinks/"))!;
    expect(link.apiVersion).toBe("2020-06-01");
    expect(link.body).toEqual({
      location: "global",
      tags: { createdByToolkit: expect.any(String) },
      properties: { virtualNetwork: { id: VNET_ID }, registrationEnabled: false },
    });
    expect(arm.find("PUT", `${PE_ID}/privateDnsZoneGroups/default`)!.body).toEqual({
      properties: {
        privateDnsZoneConfigs: [
          {
            name: "privatelink-api-azureml-ms",
            properties: { privateDnsZoneId: zoneId(ZONES[0]!) },
          },
          {
            name: "privatelink-notebooks-azure-net",
            properties: { privateDnsZoneId: zoneId(ZONES[1]!) },
          },
        ],
      },
    });

    expect(lines).toContain("Deploying Workspace with name myworkspace.");
    expect(lines).toContain("Deployed Workspace with name myworkspace. Took 0 seconds.");
    expect(lines).toContain(
      "Deployed PrivateEndPoint with name myprivateendpoint. Took 0 seconds.",
    );
    expect(events.filter((e) => e.kind === "deployed")).toHaveLength(11);
  });

  it("creates the DNS zones beside the private endpoint, and the links beside the zone group", async () => {
    const operation = (name: string) =>
      `/subscriptions/${SUB}/providers/Microsoft.Network/locations/eastus2/operations/${name}`;
    const started = (name: string) => ({
      "Azure-AsyncOperation": `https://management.azure.com${operation(name)}`,
    });
    const writesWhenDone: Record<string, string[]> = {};
    const finish = (name: string) => () => {
      writesWhenDone[name] ??= arm.writes();
      return [200, { status: "Succeeded" }] as [number, unknown];
    };
    // Routed first, so that they answer before the routes of routePrivateEndpointWrites.
    arm
      .onMatch("PUT", /\/virtualNetworkLinks\/[^/]+$/, [202, undefined, started("link")])
      .onMatch("GET", /\/virtualNetworkLinks\/[^/]+$/, [200, {}]);
    routeCreate(arm);
    routeNetworkReads(arm);
    routePrivateEndpointWrites(arm);
    arm
      .override("PUT", PE_ID, [201, {}, started("endpoint")])
      .on("GET", operation("endpoint"), finish("endpoint"))
      .on("GET", operation("link"), finish("link"));

    await Workspace.create({
      name: "myworkspace",
      subscriptionId: SUB,
      resourceGroup: RG,
      privateEndpointConfig: new PrivateEndPointConfig({
        name: "myprivateendpoint",
        vnetName: "myvnet",
      }),
      ...testClientOptions(),
    } as never);

    expect(arm.unexpected).toEqual([]);
    expect(writesWhenDone["endpoint"]).toEqual(
      expect.arrayContaining(ZONES.map((z) => `PUT ${zoneId(z)}`)),
    );
    expect(writesWhenDone["link"]).toContain(`PUT ${PE_ID}/privateDnsZoneGroups/default`);
    // The endpoint's result is its operation status: the endpoint itself is not read again.
    expect(arm.requests.filter((r) => r.method === "GET" && r.path === PE_ID)).toHaveLength(1);
  });

  it("reads the workspace once after the private endpoint, for its connection and the result", async () => {
    routeCreate(arm);
    routeNetworkReads(arm);
    routePrivateEndpointWrites(arm);
    arm.override("PUT", WS_ID, [200, workspaceDetails()]);

    const ws = await Workspace.create({
      name: "myworkspace",
      subscriptionId: SUB,
      resourceGroup: RG,
      privateEndpointConfig: new PrivateEndPointConfig({
        name: "myprivateendpoint",
        vnetName: "myvnet",
      }),
      ...testClientOptions(),
    } as never);

    expect(ws.id).toBe(WS_ID);
    const sent = arm.requests.map((r) => `${r.method} ${r.path}`);
    const lastWrite = sent.length - 1 - [...sent].reverse().findIndex((r) => !r.startsWith("GET"));
    expect(sent.slice(lastWrite + 1)).toEqual([`GET ${WS_ID}`]);
  });

  it("creates the resource group when missing, in the given location", async () => {
    routeCreate(arm, { resourceGroupExists: false });
    await Workspace.create({
      name: "myworkspace",
      subscriptionId: SUB,
      resourceGroup: RG,
      location: "East US 2",
      ...testClientOptions(),
    } as never);
    expect(arm.unexpected).toEqual([]);
    expect(arm.writes()[0]).toBe(`PUT ${RG_ID}`);
    expect(arm.find("PUT", RG_ID)!.body).toEqual({
      location: "eastus2",
      tags: { creationTime: expect.any(String), creationSource: "azureml-workspace" },
    });
    expect(arm.find("GET", WS_ID)?.method).toBe("GET"); // the final read only
  });

  it("refuses a location the provider does not offer, before any write", async () => {
    routeCreate(arm);
    await expect(
      Workspace.create({
        name: "myworkspace",
        subscriptionId: SUB,
        resourceGroup: RG,
        location: "mars1",
        ...testClientOptions(),
      } as never),
    ).rejects.toMatchObject({
      name: "LocationNotAvailableError",
      code: "LocationNotAvailable",
      availableLocations: ["eastus", "eastus2", "westeurope"],
    });
    expect(arm.writes()).toEqual([]);
  });

  it("reports the check that comes first when the location and the name both fail", async () => {
    routeCreate(arm, { workspaceExists: true });
    await expect(
      Workspace.create({
        name: "myworkspace",
        subscriptionId: SUB,
        resourceGroup: RG,
        location: "mars1",
        ...testClientOptions(),
      } as never),
    ).rejects.toMatchObject({ name: "LocationNotAvailableError" });
    expect(arm.writes()).toEqual([]);
  });

  it("refuses an existing workspace without existOk and returns it with existOk", async () => {
    routeCreate(arm, { workspaceExists: true });
    const options = {
      name: "myworkspace",
      subscriptionId: SUB,
      resourceGroup: RG,
      ...testClientOptions(),
    };
    await expect(Workspace.create(options as never)).rejects.toMatchObject({
      name: "WorkspaceExistsError",
      code: "WorkspaceExists",
    });
    arm.requests.length = 0;
    const ws = await Workspace.create({ ...options, existOk: true } as never);
    expect(ws.id).toBe(WS_ID);
    expect(arm.writes()).toEqual([]);
    // The workspace read by the checks is the result: it is not read a second time.
    expect(arm.requests.filter((r) => r.path === WS_ID)).toHaveLength(1);
  });
});
