import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../../src/emulator/index.js";
import { PrivateEndpointConfig, Workspace } from "../../src/index.js";
import type { ArmClient, WorkspaceDetails } from "../../src/index.js";
import {
  API,
  createOptions,
  endpointConfig,
  exists,
  idInGroup,
  inventory,
  progressRecorder,
  read,
  startE2e,
  writesSince,
  ZONES,
} from "./emulatorReads.js";

let emulator: RunningEmulator;
let arm: ArmClient;

describe("Workspace.create with a private endpoint, auto-approved", () => {
  /** The workspace goes into a group of its own, so that "the VNet's group" means something. */
  const WORKSPACE_GROUP = "ws-group";
  let ws: Workspace;
  let details: WorkspaceDetails;
  let vnetGroupId: string;
  const recorder = progressRecorder();

  beforeAll(async () => {
    ({ emulator, arm } = await startE2e());
    const { subscriptionId, resourceGroup, vnetName, location } = emulator.world;
    vnetGroupId = `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}`;
    ws = await Workspace.create({
      ...createOptions(emulator, "pews", {
        resourceGroup: WORKSPACE_GROUP,
        location,
        privateEndpointConfig: new PrivateEndpointConfig({
          name: "pews-pe",
          vnetName,
          vnetResourceGroup: resourceGroup,
        }),
        privateEndpointAutoApproval: true,
      }),
      showOutput: true,
      ...recorder.options,
    });
    details = await read(arm, ws.id, API.machineLearning);
  });

  afterAll(async () => {
    await emulator?.stop();
  });

  it("creates the workspace in v1 legacy mode, tagged createdByToolkit", () => {
    expect(ws.id).toBe(
      idInGroup(emulator, "Microsoft.MachineLearningServices/workspaces", "pews", WORKSPACE_GROUP),
    );
    expect(details.properties?.provisioningState).toBe("Succeeded");
    expect(details.properties?.v1LegacyMode).toBe(true);
    expect(details.tags?.createdByToolkit).toMatch(/^azureml-workspace-\d+\.\d+\.\d+/);
  });

  it("creates the storage account, key vault and Application Insights backed by Log Analytics", async () => {
    const { storageAccount, keyVault, applicationInsights } = details.properties!;
    const group = `/subscriptions/${emulator.world.subscriptionId}/resourceGroups/${WORKSPACE_GROUP}/`;
    for (const id of [storageAccount, keyVault, applicationInsights]) {
      expect(id?.toLowerCase().startsWith(group.toLowerCase())).toBe(true);
    }
    const storage = await read(arm, storageAccount!, API.storage);
    expect(storage).toMatchObject({ kind: "StorageV2", sku: { name: "Standard_LRS" } });
    expect(storage.properties.supportsHttpsTrafficOnly).toBe(true);
    expect(storage.properties.allowBlobPublicAccess).toBe(false);
    expect(await exists(arm, keyVault!, API.keyVault)).toBe(true);
    const insights = await read(arm, applicationInsights!, API.applicationInsights);
    const logs = String(insights.properties.WorkspaceResourceId);
    expect(logs).toContain("/providers/Microsoft.OperationalInsights/workspaces/");
    expect(await exists(arm, logs, API.logAnalytics)).toBe(true);
  });

  it("puts the private endpoint in the virtual network's resource group and region, connection in privateLinkServiceConnections", async () => {
    const endpoint = await read(
      arm,
      `${vnetGroupId}/providers/Microsoft.Network/privateEndpoints/pews-pe`,
      API.network,
    );
    const vnet = await read(arm, emulator.world.vnetId, API.network);

    expect(endpoint.location).toBe(vnet.location);
    expect(endpoint.properties.subnet.id.toLowerCase()).toBe(emulator.world.subnetId.toLowerCase());
    expect(endpoint.properties.manualPrivateLinkServiceConnections).toEqual([]);
    expect(endpoint.properties.privateLinkServiceConnections).toHaveLength(1);
    const [connection] = endpoint.properties.privateLinkServiceConnections;
    expect(connection.properties.privateLinkServiceId.toLowerCase()).toBe(ws.id.toLowerCase());
    expect(connection.properties.groupIds).toEqual(["amlworkspace"]);
    expect(connection.properties.privateLinkServiceConnectionState.status).toBe("Approved");
  });

  it("leaves the workspace with exactly one connection, Approved, and closed to the public", () => {
    const connections = details.properties?.privateEndpointConnections ?? [];
    expect(connections).toHaveLength(1);
    expect(connections[0]!.properties?.privateLinkServiceConnectionState?.status).toBe("Approved");
    expect(connections[0]!.properties?.privateEndpoint?.id).toMatch(/\/privateEndpoints\/pews-pe$/);
    expect(details.properties?.publicNetworkAccess).toBe("Disabled");
  });

  it("creates both private DNS zones in the virtual network's group, each linked without registration", async () => {
    for (const zone of ZONES) {
      const zoneId = `${vnetGroupId}/providers/Microsoft.Network/privateDnsZones/${zone}`;
      expect(await exists(arm, zoneId, API.privateDns)).toBe(true);
      const links = await read(arm, `${zoneId}/virtualNetworkLinks`, API.privateDns);
      expect(links.value).toHaveLength(1);
      expect(links.value[0].properties.registrationEnabled).toBe(false);
      expect(links.value[0].properties.virtualNetwork.id.toLowerCase()).toBe(
        emulator.world.vnetId.toLowerCase(),
      );
    }
  });

  it("creates the zone group 'default' with one config per zone, which wrote A records", async () => {
    const group = await read(
      arm,
      `${vnetGroupId}/providers/Microsoft.Network/privateEndpoints/pews-pe/privateDnsZoneGroups/default`,
      API.network,
    );
    const configs = group.properties.privateDnsZoneConfigs as any[];
    expect(configs.map((c) => c.name).sort()).toEqual(
      ZONES.map((z) => z.replace(/\./g, "-")).sort(),
    );
    for (const config of configs) {
      expect(config.properties.privateDnsZoneId.toLowerCase()).toContain(
        `${vnetGroupId.toLowerCase()}/providers/microsoft.network/privatednszones/`,
      );
      expect(config.properties.recordSets.length).toBeGreaterThan(0);
    }
  });

  it("prints a Deploying and a Deployed line for each resource, in the Python SDK's words", () => {
    const storageName = details.properties!.storageAccount!.split("/").pop();
    expect(recorder.lines).toContain(`Deploying StorageAccount with name ${storageName}.`);
    expect(recorder.lines).toContainEqual(
      expect.stringMatching(
        new RegExp(`^Deployed StorageAccount with name ${storageName}\\. Took \\d+ seconds\\.$`),
      ),
    );
    for (const type of [
      "KeyVault",
      "AppInsights",
      "Workspace",
      "PrivateEndPoint",
      "PrivateDnsZone",
    ]) {
      expect(recorder.lines.some((l) => l.startsWith(`Deploying ${type} with name `))).toBe(true);
      expect(recorder.lines.some((l) => l.startsWith(`Deployed ${type} with name `))).toBe(true);
    }
    expect(recorder.lines).toContain("Deploying Workspace with name pews.");
    expect(recorder.lines).toContain("Deploying PrivateEndPoint with name pews-pe.");
  });

  it("reports the same steps to onProgress as it prints", () => {
    const deployed = recorder.events.filter((e) => e.kind === "deployed");
    expect(deployed.map((e) => (e as { resourceType: string }).resourceType)).toEqual(
      expect.arrayContaining([
        "ResourceGroup",
        "StorageAccount",
        "KeyVault",
        "LogAnalyticsWorkspace",
        "AppInsights",
        "Workspace",
        "PrivateEndPoint",
        "PrivateDnsZone",
        "VirtualNetworkLink",
        "PrivateDnsZoneGroup",
      ]),
    );
    expect(recorder.lines.filter((l) => l.startsWith("Deployed "))).toHaveLength(deployed.length);
  });
});

describe("Workspace.create", () => {
  beforeEach(async () => {
    ({ emulator, arm } = await startE2e());
  });

  afterEach(async () => {
    await emulator?.stop();
  });

  it("without a private endpoint writes nothing to the network and leaves the workspace public", async () => {
    const ws = await Workspace.create(createOptions(emulator, "plainws"));

    const details = await read<WorkspaceDetails>(arm, ws.id, API.machineLearning);
    expect(details.properties?.privateEndpointConnections).toEqual([]);
    expect(details.properties?.publicNetworkAccess).toBe("Enabled");
    expect(details.properties?.v1LegacyMode).not.toBe(true);
    expect(writesSince(emulator).filter((r) => r.path.includes("Microsoft.Network"))).toEqual([]);
    const put = emulator.requests.find((r) => r.method === "PUT" && r.path === ws.id);
    expect((put?.requestBody as any).properties.publicNetworkAccess).toBeUndefined();
  });

  it("puts the given tags, with createdByToolkit, on the workspace, its dependents and the endpoint", async () => {
    const ws = await Workspace.create(
      createOptions(emulator, "tagws", {
        tags: { team: "vision" },
        privateEndpointConfig: endpointConfig(emulator, "tag-pe"),
      }),
    );

    const details = await read<WorkspaceDetails>(arm, ws.id, API.machineLearning);
    expect(details.tags).toMatchObject({ team: "vision", createdByToolkit: expect.any(String) });
    const { storageAccount, keyVault } = details.properties!;
    expect((await read(arm, storageAccount!, API.storage)).tags).toMatchObject({ team: "vision" });
    expect((await read(arm, keyVault!, API.keyVault)).tags).toMatchObject({ team: "vision" });
    const endpointId = idInGroup(emulator, "Microsoft.Network/privateEndpoints", "tag-pe");
    expect((await read(arm, endpointId, API.network)).tags).toMatchObject({ team: "vision" });
  });

  it("puts the endpoint and its DNS zones in the virtual network's subscription", async () => {
    await emulator.stop();
    const other = "11111111-1111-1111-1111-111111111111";
    ({ emulator, arm } = await startE2e({
      seed: true,
      additionalSubscriptions: [{ subscriptionId: other }],
    }));
    const network = `/subscriptions/${other}/resourceGroups/netgroup`;
    await arm.sendRequest({
      method: "PUT",
      path: network,
      apiVersion: API.resources,
      body: { location: "eastus2" },
    });
    await arm
      .beginRequest({
        method: "PUT",
        path: `${network}/providers/Microsoft.Network/virtualNetworks/othervnet`,
        apiVersion: API.network,
        updateIntervalInMs: 0,
        body: {
          location: "eastus2",
          properties: {
            addressSpace: { addressPrefixes: ["10.9.0.0/16"] },
            subnets: [{ name: "default", properties: { addressPrefix: "10.9.0.0/24" } }],
          },
        },
      })
      .pollUntilDone();

    const ws = await Workspace.create(
      createOptions(emulator, "crossws", {
        privateEndpointConfig: new PrivateEndpointConfig({
          name: "cross-pe",
          vnetName: "othervnet",
          vnetSubscriptionId: other,
          vnetResourceGroup: "netgroup",
        }),
      }),
    );

    const [connection] = await ws.privateEndpoints();
    expect(connection?.privateEndpointId).toBe(
      `${network}/providers/Microsoft.Network/privateEndpoints/cross-pe`,
    );
    for (const zone of ZONES) {
      const zoneId = `${network}/providers/Microsoft.Network/privateDnsZones/${zone}`;
      expect(await exists(arm, zoneId, API.privateDns)).toBe(true);
    }
  });

  it("with existOk returns the existing workspace and adds no private endpoint", async () => {
    const first = await Workspace.create(createOptions(emulator, "existws"));
    const before = emulator.requests.length;

    const again = await Workspace.create(
      createOptions(emulator, "existws", {
        existOk: true,
        privateEndpointConfig: endpointConfig(emulator, "never-pe"),
      }),
    );

    expect(again.id).toBe(first.id);
    expect(writesSince(emulator, before)).toEqual([]);
    expect(await again.privateEndpoints()).toEqual([]);
    const neverPe = idInGroup(emulator, "Microsoft.Network/privateEndpoints", "never-pe");
    expect(await exists(arm, neverPe, API.network)).toBe(false);
  });

  it("without existOk refuses an existing workspace with WorkspaceExistsError and writes nothing", async () => {
    const first = await Workspace.create(createOptions(emulator, "takenws"));
    const resources = await inventory(arm, emulator);
    const before = emulator.requests.length;

    const error = await Workspace.create(
      createOptions(emulator, "takenws", {
        privateEndpointConfig: endpointConfig(emulator, "taken-pe"),
      }),
    ).catch((e: unknown) => e);

    expect(error).toMatchObject({
      name: "WorkspaceExistsError",
      code: "WorkspaceExists",
      workspaceId: first.id,
    });
    expect(writesSince(emulator, before)).toEqual([]);
    expect(await inventory(arm, emulator)).toEqual(resources);
  });

  it("with createResourceGroup creates a missing resource group in the given location", async () => {
    const ws = await Workspace.create(
      createOptions(emulator, "newgroupws", {
        resourceGroup: "brand-new-group",
        location: "West US 2",
        createResourceGroup: true,
      }),
    );

    const { subscriptionId } = emulator.world;
    const group = await read(
      arm,
      `/subscriptions/${subscriptionId}/resourceGroups/brand-new-group`,
      API.resources,
    );
    expect(group.location).toBe("westus2");
    expect(group.tags).toMatchObject({ creationSource: "azureml-workspace" });
    expect(ws.location).toBe("westus2");
    expect(await exists(arm, ws.id, API.machineLearning)).toBe(true);
  });

  it("with createResourceGroup false refuses a missing resource group before any write", async () => {
    const error = await Workspace.create(
      createOptions(emulator, "nogroupws", {
        resourceGroup: "missing-group",
        location: "eastus2",
        createResourceGroup: false,
      }),
    ).catch((e: unknown) => e);

    expect(error).toMatchObject({
      name: "ResourceGroupNotFoundError",
      code: "ResourceGroupNotFound",
    });
    expect((error as Error).message).toContain("missing-group");
    expect(writesSince(emulator)).toEqual([]);
  });

  it("uses the given storage account, key vault and Application Insights and creates none of them", async () => {
    const donor = await Workspace.create(createOptions(emulator, "donorws"));
    const given = (await donor.getDetails()).properties!;
    const before = emulator.requests.length;

    const ws = await Workspace.create(
      createOptions(emulator, "reusews", {
        storageAccount: given.storageAccount!,
        keyVault: given.keyVault!,
        appInsights: given.applicationInsights!,
      }),
    );

    const properties = (await ws.getDetails()).properties!;
    expect(properties.storageAccount).toBe(given.storageAccount);
    expect(properties.keyVault).toBe(given.keyVault);
    expect(properties.applicationInsights).toBe(given.applicationInsights);
    const writes = writesSince(emulator, before).map((r) => `${r.method} ${r.path}`);
    expect(writes).toEqual([`PUT ${ws.id}`]);
  });
});
