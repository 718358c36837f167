import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "../../src/emulator/index.js";
import { loadExample } from "../fixtures/examples.js";
import { armHttp, type ArmHttp } from "./armHttp.js";
import { freezeClock } from "./frozenClock.js";
import { worldBuilder } from "./world.js";

const createExample = loadExample(
  "Microsoft.MachineLearningServices/2024-10-01/Workspace_create.json",
);
const updateExample = loadExample(
  "Microsoft.MachineLearningServices/2024-10-01/Workspace_update.json",
);
const linkResourcesExample = loadExample(
  "Microsoft.MachineLearningServices/2024-10-01/PrivateLinkResource_list.json",
);
const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

let emulator: RunningEmulator;
let arm: ArmHttp;
let world: ReturnType<typeof worldBuilder>;
const workspaceUrl = (name = "myworkspace") => `${world.ml}/${name}`;

async function start(options: Parameters<typeof startEmulator>[0] = {}) {
  emulator = await startEmulator({ seed: true, ...options });
  arm = armHttp(emulator);
  world = worldBuilder(arm);
}

beforeEach(() => start());
afterEach(() => emulator.stop());

describe("workspace PUT", () => {
  it("answers 202 without a body and with a Location on the provider's operation results", async () => {
    const answer = await arm.send("PUT", workspaceUrl(), { location: "eastus2" });
    expect(answer.status).toBe(202);
    expect(answer.body).toBeUndefined();
    expect(answer.headers.get("location")).toMatch(
      new RegExp(
        `^${emulator.endpoint}/subscriptions/${arm.subscriptionId}/providers/Microsoft.MachineLearningServices/locations/eastus2/operationResults/[0-9a-f-]{36}\\?api-version=2024-10-01$`,
      ),
    );
    expect(answer.headers.get("azure-asyncoperation")).toBeNull();
    expect(answer.headers.get("retry-after")).toBeNull();
  });

  it("sends Retry-After on the 202 when retryAfterInSeconds is set", async () => {
    await emulator.stop();
    await start({ retryAfterInSeconds: 7 });
    const answer = await arm.send("PUT", workspaceUrl(), { location: "eastus2" });
    expect(answer.status).toBe(202);
    expect(answer.headers.get("retry-after")).toBe("7");
  });

  describe("with latency", () => {
    let clock: ReturnType<typeof freezeClock>;
    beforeEach(async () => {
      clock = freezeClock();
      await emulator.stop();
      await start({ latencyInMs: 20 });
    });
    afterEach(() => clock.restore());

    it("shows the new workspace Creating, and its Location poll 202, until the latency has passed", async () => {
      const put = await arm.send("PUT", workspaceUrl(), { location: "eastus2" });
      const location = put.headers.get("location")!;

      const during = await arm.send("GET", workspaceUrl());
      expect(during.status).toBe(200);
      expect(during.body.properties.provisioningState).toBe("Creating");
      const poll = await arm.send("GET", location);
      expect(poll.status).toBe(202);
      expect(poll.headers.get("location")).toBe(location);

      clock.advance(20);
      const done = await arm.send("GET", location);
      expect(done.status).toBe(200);
      expect(done.body.properties.provisioningState).toBe("Succeeded");
      expect((await arm.send("GET", workspaceUrl())).body.properties.provisioningState).toBe(
        "Succeeded",
      );
    });

    it("keeps showing an updated workspace as it was, in state Updating, until the update ends", async () => {
      const created = await arm.send("PUT", workspaceUrl(), {
        location: "eastus2",
        properties: { friendlyName: "before" },
      });
      clock.advance(20);
      await arm.pollUntilDone(created.headers.get("location")!);

      const put = await arm.send("PUT", workspaceUrl(), {
        location: "eastus2",
        properties: { friendlyName: "after" },
      });
      const during = (await arm.send("GET", workspaceUrl())).body.properties;
      expect(during).toMatchObject({ provisioningState: "Updating", friendlyName: "before" });

      clock.advance(20);
      const done = await arm.pollUntilDone(put.headers.get("location")!);
      expect(done.body.properties).toMatchObject({
        provisioningState: "Succeeded",
        friendlyName: "after",
      });
    });
  });

  it("ends with the workspace as the final Location poll's 200 body", async () => {
    const put = await arm.send("PUT", workspaceUrl(), { location: "East US 2", tags: { a: "b" } });
    const done = await arm.pollUntilDone(put.headers.get("location")!);
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({
      id: `${arm.rg}/providers/Microsoft.MachineLearningServices/workspaces/myworkspace`,
      name: "myworkspace",
      type: "Microsoft.MachineLearningServices/workspaces",
      location: "eastus2",
      tags: { a: "b" },
      identity: { type: "SystemAssigned", tenantId: emulator.world.tenantId },
      properties: {
        provisioningState: "Succeeded",
        friendlyName: "myworkspace",
        tenantId: emulator.world.tenantId,
        publicNetworkAccess: "Enabled",
        privateEndpointConnections: [],
        privateLinkCount: 0,
      },
    });
    expect(done.body.properties.workspaceId).toMatch(guid);
    expect(done.body.identity.principalId).toMatch(guid);
  });

  it("creates the workspace of the 2024-10-01 example once its linked resources exist", async () => {
    const example = structuredClone(createExample.parameters.parameters) as any;
    const linked = await createLinkedResources();
    Object.assign(example.properties, linked);

    const put = await arm.send("PUT", workspaceUrl("testworkspace"), example);
    expect(put.status).toBe(202);
    const done = await arm.pollUntilDone(put.headers.get("location")!);

    const expected = createExample.responses["200"]!.body;
    expect(done.body.location).toBe(expected.location);
    expect(done.body.identity.type).toBe(expected.identity.type);
    const [userIdentity] = Object.values(done.body.identity.userAssignedIdentities) as any[];
    expect(userIdentity.principalId).toMatch(guid);
    expect(userIdentity.clientId).toMatch(guid);
    expect(done.body.properties).toMatchObject({
      ...linked,
      friendlyName: expected.properties.friendlyName,
      description: expected.properties.description,
      hbiWorkspace: false,
      sharedPrivateLinkResources: example.properties.sharedPrivateLinkResources,
    });
  });

  it("refuses the example body while the storage account it links to does not exist", async () => {
    const answer = await arm.send(
      "PUT",
      workspaceUrl("testworkspace"),
      createExample.parameters.parameters,
    );
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe("BadRequest");
    expect(answer.body.error.message).toContain("properties.storageAccount");
    expect((await arm.send("GET", workspaceUrl("testworkspace"))).status).toBe(404);
  });

  it("refuses to change the storage account of an existing workspace", async () => {
    const linked = await createLinkedResources();
    await world.createWorkspace("myworkspace", { properties: linked });
    const other = await arm.send(
      "PUT",
      `${arm.rg}/providers/Microsoft.Storage/storageAccounts/otherstorage`,
      { location: "eastus2", sku: { name: "Standard_LRS" }, kind: "StorageV2" },
    );
    await arm.pollUntilDone(other.headers.get("location")!);

    const answer = await arm.send("PUT", workspaceUrl(), {
      location: "eastus2",
      properties: {
        ...linked,
        storageAccount: `${arm.rg}/providers/Microsoft.Storage/storageAccounts/otherstorage`,
      },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error.message).toContain("properties.storageAccount cannot be changed");
  });

  it("refuses a name outside the workspace name pattern with InvalidResourceName", async () => {
    for (const name of ["ab", "-leadinghyphen", "has.dot", "a".repeat(34)]) {
      const answer = await arm.send("PUT", workspaceUrl(name), { location: "eastus2" });
      expect(answer.status, name).toBe(400);
      expect(answer.body.error.code, name).toBe("InvalidResourceName");
    }
  });

  it("refuses a location the provider does not offer with LocationNotAvailableForResourceType", async () => {
    const answer = await arm.send("PUT", workspaceUrl(), { location: "atlantis" });
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe("LocationNotAvailableForResourceType");
    expect(answer.body.error.message).toMatch(
      /^The provided location 'atlantis' is not available for resource type 'Microsoft\.MachineLearningServices\/workspaces'\. List of available regions for the resource type is '[a-z0-9,]*eastus2,[a-z0-9,]*'\.$/,
    );
  });

  it("refuses a body without a location with LocationRequired", async () => {
    const answer = await arm.send("PUT", workspaceUrl(), { properties: {} });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toEqual({
      code: "LocationRequired",
      message: "The location property is required for this definition.",
    });
  });

  it("refuses a publicNetworkAccess value outside the spec's enum, naming the property", async () => {
    const answer = await arm.send("PUT", workspaceUrl(), {
      location: "eastus2",
      properties: { publicNetworkAccess: "Sometimes" },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe("InvalidRequestFormat");
    expect(answer.body.error.target).toBe("properties.publicNetworkAccess");
  });

  it("refuses a top-level property the spec does not declare", async () => {
    const answer = await arm.send("PUT", workspaceUrl(), { location: "eastus2", colour: "blue" });
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe("InvalidRequestFormat");
    expect(answer.body.error.target).toBe("colour");
  });

  it("refuses a body that is not JSON with InvalidRequestContent", async () => {
    const answer = await arm.send("PUT", workspaceUrl(), "{not json");
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe("InvalidRequestContent");
  });

  it("accepts a body read with GET, read-only properties and all", async () => {
    const created = await world.createWorkspace();
    const put = await arm.send("PUT", workspaceUrl(), created);
    expect(put.status).toBe(202);
    const done = await arm.pollUntilDone(put.headers.get("location")!);
    expect(done.body.properties.workspaceId).toBe(created.properties.workspaceId);
  });
});

describe("workspace GET and list", () => {
  it("answers 404 ResourceNotFound in ARM's words for a workspace that does not exist", async () => {
    const answer = await arm.send("GET", workspaceUrl("nothere"));
    expect(answer.status).toBe(404);
    expect(answer.body).toEqual({
      error: {
        code: "ResourceNotFound",
        message:
          "The Resource 'Microsoft.MachineLearningServices/workspaces/nothere' under resource group 'myresourcegroup' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix",
      },
    });
  });

  it("finds a workspace whatever the casing of its name in the path", async () => {
    const created = await world.createWorkspace("MyWorkspace");
    const answer = await arm.send("GET", workspaceUrl("myworkspace"));
    expect(answer.status).toBe(200);
    expect(answer.body.id).toBe(created.id);
    expect(answer.body.name).toBe("MyWorkspace");
  });

  it("lists the workspaces of the resource group and of the subscription in one page", async () => {
    await world.createWorkspace("ws-one");
    await world.createWorkspace("ws-two");
    const inGroup = await arm.send("GET", world.ml);
    expect(inGroup.status).toBe(200);
    expect(inGroup.body.value.map((w: any) => w.name).sort()).toEqual(["ws-one", "ws-two"]);
    expect(inGroup.body.nextLink).toBeUndefined();

    const inSubscription = await arm.send(
      "GET",
      `/subscriptions/${arm.subscriptionId}/providers/Microsoft.MachineLearningServices/workspaces`,
    );
    expect(inSubscription.body.value.map((w: any) => w.name).sort()).toEqual(["ws-one", "ws-two"]);
  });
});

describe("workspace PATCH", () => {
  it("applies the 2024-10-01 update example through a 202 and a Location poll", async () => {
    await world.createWorkspace("testworkspace");
    const patch = await arm.send(
      "PATCH",
      workspaceUrl("testworkspace"),
      updateExample.parameters.parameters,
    );
    expect(patch.status).toBe(202);
    const done = await arm.pollUntilDone(patch.headers.get("location")!);
    expect(done.status).toBe(200);
    const expected = updateExample.responses["200"]!.body.properties;
    expect(done.body.properties).toMatchObject({
      friendlyName: expected.friendlyName,
      description: expected.description,
      publicNetworkAccess: "Disabled",
      provisioningState: "Succeeded",
    });
  });

  it("opens a closed workspace to public access with publicNetworkAccess Enabled", async () => {
    await world.createWorkspace("myworkspace", { properties: { publicNetworkAccess: "Disabled" } });
    const patch = await arm.send("PATCH", workspaceUrl(), {
      properties: { publicNetworkAccess: "Enabled" },
    });
    await arm.pollUntilDone(patch.headers.get("location")!);
    const got = await arm.send("GET", workspaceUrl());
    expect(got.body.properties.publicNetworkAccess).toBe("Enabled");
  });

  it("answers publicNetworkAccess sent in another casing in the spec's casing", async () => {
    await world.createWorkspace("myworkspace", { properties: { publicNetworkAccess: "disabled" } });
    expect((await arm.send("GET", workspaceUrl())).body.properties.publicNetworkAccess).toBe(
      "Disabled",
    );
    const patch = await arm.send("PATCH", workspaceUrl(), {
      properties: { publicNetworkAccess: "ENABLED" },
    });
    const done = await arm.pollUntilDone(patch.headers.get("location")!);
    expect(done.body.properties).toMatchObject({
      publicNetworkAccess: "Enabled",
      allowPublicAccessWhenBehindVnet: true,
    });
  });

  it("refuses allowPublicAccessWhenBehindVnet, which the 2024-10-01 update body does not have", async () => {
    await world.createWorkspace();
    const answer = await arm.send("PATCH", workspaceUrl(), {
      properties: { allowPublicAccessWhenBehindVnet: true },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe("InvalidRequestFormat");
    expect(answer.body.error.target).toBe("properties.allowPublicAccessWhenBehindVnet");
  });

  it("answers 404 ResourceNotFound for a workspace that does not exist", async () => {
    const answer = await arm.send("PATCH", workspaceUrl("nothere"), {
      properties: { publicNetworkAccess: "Enabled" },
    });
    expect(answer.status).toBe(404);
    expect(answer.body.error.code).toBe("ResourceNotFound");
  });
});

describe("workspace DELETE", () => {
  it("deletes through a 202 and a Location poll that ends 204", async () => {
    await world.createWorkspace();
    const deleted = await arm.send("DELETE", workspaceUrl());
    expect(deleted.status).toBe(202);
    const done = await arm.pollUntilDone(deleted.headers.get("location")!);
    expect(done.status).toBe(204);
    expect((await arm.send("GET", workspaceUrl())).status).toBe(404);
  });

  it("answers 204 for a workspace that does not exist", async () => {
    const answer = await arm.send("DELETE", workspaceUrl("nothere"));
    expect(answer.status).toBe(204);
    expect(answer.headers.get("location")).toBeNull();
  });
});

describe("private link resources", () => {
  it("lists the one amlworkspace resource with its members and the public cloud's zones", async () => {
    const created = await world.createWorkspace("testworkspace");
    const answer = await arm.send("GET", `${workspaceUrl("testworkspace")}/privateLinkResources`);
    expect(answer.status).toBe(200);

    const [expected] = linkResourcesExample.responses["200"]!.body.value;
    expect(answer.body).toEqual({
      value: [
        {
          ...expected,
          id: `${created.id}/privateLinkResources/amlworkspace`,
          properties: {
            ...expected.properties,
            requiredZoneNames: ["privatelink.api.azureml.ms", "privatelink.notebooks.azure.net"],
          },
        },
      ],
    });
  });

  it("answers 404 ResourceNotFound for the resources of a workspace that does not exist", async () => {
    const answer = await arm.send("GET", `${workspaceUrl("nothere")}/privateLinkResources`);
    expect(answer.status).toBe(404);
    expect(answer.body.error.code).toBe("ResourceNotFound");
  });
});

/** A storage account, key vault and Application Insights in the demo group, by property name. */
async function createLinkedResources() {
  const providers = `${arm.rg}/providers`;
  const storage = `${providers}/Microsoft.Storage/storageAccounts/teststorageaccount`;
  const storagePut = await arm.send("PUT", storage, {
    location: "eastus2",
    sku: { name: "Standard_LRS" },
    kind: "StorageV2",
  });
  await arm.pollUntilDone(storagePut.headers.get("location")!);
  const keyVault = `${providers}/Microsoft.KeyVault/vaults/testkv-emulator`;
  await arm.send("PUT", keyVault, {
    location: "eastus2",
    properties: { tenantId: emulator.world.tenantId, sku: { family: "A", name: "standard" } },
  });
  const applicationInsights = `${providers}/Microsoft.Insights/components/testinsights`;
  await arm.send("PUT", applicationInsights, {
    location: "eastus2",
    kind: "web",
    properties: { Application_Type: "web" },
  });
  return { storageAccount: storage, keyVault, applicationInsights };
}
