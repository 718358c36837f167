import { beforeAll, describe, expect, it } from "vitest";
import { API_VERSIONS } from "../../src/workspace/apiVersions.js";
import { armRequest, bodyOf, sent, sentOnce, useCliAgainstEmulator } from "./inProcessCli.js";

const WORKSPACE = "/providers/Microsoft.MachineLearningServices/workspaces/";
const ENDPOINT = "/providers/Microsoft.Network/privateEndpoints/";

describe("workspace create, spelled as the az ml how-to spells it", () => {
  // The how-to's network lives in its own resource group, in the workspace's region.
  const cli = useCliAgainstEmulator({
    seed: {
      resourceGroup: "netrg",
      vnetName: "myvnet",
      subnetName: "mysubnet",
      location: "westus",
    },
  });

  beforeAll(async () => {
    const { subscriptionId } = cli.emulator.world;
    const group = await armRequest(cli.emulator)(
      "PUT",
      `/subscriptions/${subscriptionId}/resourceGroups/myresourcegroup`,
      API_VERSIONS.resources,
      { location: "westus" },
    );
    expect(group.status).toBe(201);
  });

  it("creates the workspace named by -n in -r, -l, with the endpoint in --pe-resource-group", async () => {
    const { world } = cli.emulator;
    const run = await cli.run([
      "workspace",
      "create",
      "-r",
      "myresourcegroup",
      "-l",
      "westus",
      "-n",
      "myworkspace",
      "--pe-name",
      "myprivateendpoint",
      "--pe-auto-approval",
      "--pe-resource-group",
      "netrg",
      "--pe-vnet-name",
      "myvnet",
      "--pe-subnet-name",
      "mysubnet",
    ]);

    expect(run.exitCode).toBe(0);
    const workspacePath = `/subscriptions/${world.subscriptionId}/resourceGroups/myresourcegroup${WORKSPACE}myworkspace`;
    expect(bodyOf(run.requests, "PUT", workspacePath).location).toBe("westus");
    const endpoint = bodyOf(
      run.requests,
      "PUT",
      `/resourceGroups/netrg${ENDPOINT}myprivateendpoint`,
    );
    expect(endpoint.properties.subnet.id).toBe(world.subnetId);
    expect(endpoint.properties.privateLinkServiceConnections).toEqual([
      expect.objectContaining({
        properties: expect.objectContaining({ privateLinkServiceId: workspacePath }),
      }),
    ]);
    expect(JSON.parse(run.stdout).name).toBe("myworkspace");
  });
});

describe("workspace create", () => {
  const cli = useCliAgainstEmulator();
  const inWorld = () => ["-g", cli.emulator.world.resourceGroup];

  it("asks for manual approval of the private endpoint connection without --pe-auto-approval", async () => {
    const run = await cli.run([
      "workspace",
      "create",
      "-w",
      "manualws",
      ...inWorld(),
      "--pe-name",
      "manualws-pe",
      "--pe-vnet-name",
      cli.emulator.world.vnetName,
    ]);

    expect(run.exitCode).toBe(0);
    const endpoint = bodyOf(run.requests, "PUT", `${ENDPOINT}manualws-pe`);
    expect(endpoint.properties.manualPrivateLinkServiceConnections).toHaveLength(1);
    expect(endpoint.properties.privateLinkServiceConnections).toBeUndefined();
  });

  it("refuses a resource group that does not exist without --yes, writing nothing", async () => {
    const run = await cli.run(["workspace", "create", "-w", "nogroupws", "-g", "missinggroup1"]);

    expect(run.exitCode).toBe(1);
    expect(run.stderr).toMatch(/missinggroup1/);
    expect(run.requests.filter((r) => r.method !== "GET")).toEqual([]);
  });

  it("creates a resource group that does not exist with --yes", async () => {
    const run = await cli.run([
      "workspace",
      "create",
      "-w",
      "newgroupws",
      "-g",
      "missinggroup2",
      "-l",
      cli.emulator.world.location,
      "--yes",
    ]);

    expect(run.exitCode).toBe(0);
    sentOnce(run.requests, "PUT", "/resourceGroups/missinggroup2");
    sentOnce(run.requests, "PUT", `/resourceGroups/missinggroup2${WORKSPACE}newgroupws`);
  });

  it("tags the workspace and what it creates with --tags given as several arguments and quoted lists", async () => {
    const run = await cli.run([
      "workspace",
      "create",
      "-w",
      "taggedws",
      ...inWorld(),
      "--tags",
      "a=1",
      "b=2 c=3",
    ]);

    expect(run.exitCode).toBe(0);
    const tags = { a: "1", b: "2", c: "3" };
    expect(bodyOf(run.requests, "PUT", `${WORKSPACE}taggedws`).tags).toMatchObject(tags);
    const storage = sentOnce(run.requests, "PUT", /\/Microsoft\.Storage\/storageAccounts\/[^/]+$/);
    expect((storage.requestBody as { tags: unknown }).tags).toMatchObject(tags);
  });

  it("returns an existing workspace with --exist-ok, writing nothing", async () => {
    const args = ["workspace", "create", "-w", "existingws", ...inWorld()];
    expect((await cli.run(args)).exitCode).toBe(0);

    const run = await cli.run([...args, "--exist-ok"]);

    expect(run.exitCode).toBe(0);
    expect(JSON.parse(run.stdout).name).toBe("existingws");
    expect(run.requests.filter((r) => r.method !== "GET")).toEqual([]);
  });

  it("links the storage account, key vault, Application Insights and registry given by id", async () => {
    const { subscriptionId, resourceGroup, location } = cli.emulator.world;
    const group = `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers`;
    const ids = {
      storageAccount: `${group}/Microsoft.Storage/storageAccounts/ownstorage`,
      keyVault: `${group}/Microsoft.KeyVault/vaults/ownvault`,
      applicationInsights: `${group}/Microsoft.Insights/components/owninsights`,
      containerRegistry: `${group}/Microsoft.ContainerRegistry/registries/ownregistry`,
    };
    const put = armRequest(cli.emulator);
    const made = await Promise.all([
      put("PUT", ids.storageAccount, API_VERSIONS.storage, {
        location,
        sku: { name: "Standard_LRS" },
        kind: "StorageV2",
      }),
      put("PUT", ids.keyVault, API_VERSIONS.keyVault, {
        location,
        properties: {
          tenantId: cli.emulator.world.tenantId,
          sku: { family: "A", name: "standard" },
          accessPolicies: [],
        },
      }),
      put("PUT", ids.applicationInsights, API_VERSIONS.applicationInsights, {
        location,
        kind: "web",
        properties: { Application_Type: "web" },
      }),
    ]);
    expect(made.every((answer) => answer.status === 200 || answer.status === 201)).toBe(true);

    const run = await cli.run([
      "workspace",
      "create",
      "-w",
      "linkedws",
      ...inWorld(),
      "--storage-account",
      ids.storageAccount,
      "--keyvault",
      ids.keyVault,
      "--application-insights",
      ids.applicationInsights,
      "--container-registry",
      ids.containerRegistry,
    ]);

    expect(run.exitCode).toBe(0);
    expect(bodyOf(run.requests, "PUT", `${WORKSPACE}linkedws`).properties).toMatchObject(ids);
    expect(
      sent(run.requests, "PUT", /\/providers\/Microsoft\.(Storage|KeyVault|Insights)\//),
    ).toEqual([]);
  });

  it("sends --hbi-workspace as hbiWorkspace: true", async () => {
    const run = await cli.run([
      "workspace",
      "create",
      "-w",
      "hbiws",
      ...inWorld(),
      "--hbi-workspace",
    ]);

    expect(run.exitCode).toBe(0);
    expect(bodyOf(run.requests, "PUT", `${WORKSPACE}hbiws`).properties.hbiWorkspace).toBe(true);
  });

  it("sends --v1-legacy-mode false as v1LegacyMode: false, even with a private endpoint", async () => {
    const run = await cli.run([
      "workspace",
      "create",
      "-w",
      "v2ws",
      ...inWorld(),
      "--pe-name",
      "v2ws-pe",
      "--pe-vnet-name",
      cli.emulator.world.vnetName,
      "--v1-legacy-mode",
      "false",
    ]);

    expect(run.exitCode).toBe(0);
    expect(bodyOf(run.requests, "PUT", `${WORKSPACE}v2ws`).properties.v1LegacyMode).toBe(false);
  });

  it("sends --friendly-name as the workspace's friendlyName", async () => {
    const run = await cli.run([
      "workspace",
      "create",
      "-w",
      "friendlyws",
      ...inWorld(),
      "--friendly-name",
      "My friendly workspace",
    ]);

    expect(run.exitCode).toBe(0);
    const body = bodyOf(run.requests, "PUT", `${WORKSPACE}friendlyws`);
    expect(body.properties.friendlyName).toBe("My friendly workspace");
    expect(JSON.parse(run.stdout).properties.friendlyName).toBe("My friendly workspace");
  });

  it("takes the subscription from $AZURE_SUBSCRIPTION_ID when no flag gives it", async () => {
    const { subscriptionId, resourceGroup } = cli.emulator.world;
    const run = await cli.run(["workspace", "create", "-w", "envsubws", ...inWorld()], {
      subscription: false,
      env: { AZURE_SUBSCRIPTION_ID: subscriptionId },
    });

    expect(run.exitCode).toBe(0);
    sentOnce(
      run.requests,
      "PUT",
      `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}${WORKSPACE}envsubws`,
    );
  });

  it("authenticates to a loopback endpoint over http with the emulator credential", async () => {
    const run = await cli.run(["workspace", "create", "-w", "loopbackws", ...inWorld()]);

    expect(run.exitCode).toBe(0);
    expect(run.requests.length).toBeGreaterThan(0);
    for (const exchange of run.requests) {
      expect(exchange.url).toMatch(/^http:\/\/127\.0\.0\.1:/);
      // The emulator records that a bearer token came, not the token itself.
      expect(exchange.requestHeaders.authorization).toBe("REDACTED");
      expect(exchange.status).not.toBe(401);
    }
  });
});

describe("workspace create --disable-subnet-network-policies", () => {
  const cli = useCliAgainstEmulator({ seed: { privateEndpointNetworkPolicies: "Enabled" } });

  it("turns the subnet's private endpoint network policies off, then creates the endpoint", async () => {
    const { world } = cli.emulator;
    const run = await cli.run([
      "workspace",
      "create",
      "-w",
      "policiesws",
      "-g",
      world.resourceGroup,
      "--pe-name",
      "policiesws-pe",
      "--pe-vnet-name",
      world.vnetName,
      "--disable-subnet-network-policies",
    ]);

    expect(run.exitCode).toBe(0);
    const subnetWrite = sentOnce(run.requests, "PUT", world.subnetId);
    expect(subnetWrite.requestBody).toMatchObject({
      properties: { privateEndpointNetworkPolicies: "Disabled" },
    });
    const endpointWrite = sentOnce(run.requests, "PUT", `${ENDPOINT}policiesws-pe`);
    expect(run.requests.indexOf(subnetWrite)).toBeLessThan(run.requests.indexOf(endpointWrite));
    const subnet = await armRequest(cli.emulator)("GET", world.subnetId, API_VERSIONS.network);
    expect(subnet.body.properties.privateEndpointNetworkPolicies).toBe("Disabled");
  });
});

describe("workspace create without --disable-subnet-network-policies", () => {
  const cli = useCliAgainstEmulator({ seed: { privateEndpointNetworkPolicies: "Enabled" } });

  it("refuses a subnet whose network policies block private endpoints, writing nothing", async () => {
    const { world } = cli.emulator;
    const run = await cli.run([
      "workspace",
      "create",
      "-w",
      "blockedws",
      "-g",
      world.resourceGroup,
      "--pe-name",
      "blockedws-pe",
      "--pe-vnet-name",
      world.vnetName,
    ]);

    expect(run.exitCode).toBe(1);
    expect(run.stderr).toMatch(/--disable-subnet-network-policies/);
    expect(run.requests.filter((r) => r.method !== "GET")).toEqual([]);
  });
});
