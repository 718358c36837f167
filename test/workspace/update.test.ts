import nock from "nock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Workspace } from "../../src/index.js";
import { FakeArm, RG, SUB, testClientOptions, WS_ID } from "./fakeArm.js";
import { exampleBody, workspaceDetails } from "./payloadExamples.js";

describe("Workspace.update", () => {
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
    arm.requests.length = 0;
  });
  afterEach(() => {
    nock.cleanAll();
    nock.enableNetConnect();
  });

  it("runs the how-to's enable-public-access sample as a PATCH of publicNetworkAccess", async () => {
    const updated = exampleBody(
      "Microsoft.MachineLearningServices/2024-10-01/Workspace_update.json",
    );
    updated.properties.publicNetworkAccess = "Enabled";
    arm.on("PATCH", WS_ID, [200, updated]).override("GET", WS_ID, [200, updated]);

    const details = await ws.update({ allowPublicAccessWhenBehindVnet: true });

    expect(arm.writes()).toEqual([`PATCH ${WS_ID}`]);
    expect(arm.find("PATCH", WS_ID)).toMatchObject({
      apiVersion: "2024-10-01",
      body: { properties: { publicNetworkAccess: "Enabled" } },
    });
    expect(details.properties?.publicNetworkAccess).toBe("Enabled");
  });

  it("sends false as Disabled, alongside the other properties, and follows a 202", async () => {
    const statusUrl = `https://management.azure.com/subscriptions/${SUB}/providers/Microsoft.MachineLearningServices/locations/eastus2/workspaceOperationsStatus/u1`;
    arm
      .on("PATCH", WS_ID, [202, undefined, { location: statusUrl }])
      .on("GET", new URL(statusUrl).pathname, [200, workspaceDetails()]);
    await ws.update({
      allowPublicAccessWhenBehindVnet: false,
      friendlyName: "New friendly name",
      description: "new description",
    });
    expect(arm.find("PATCH", WS_ID)!.body).toEqual({
      properties: {
        friendlyName: "New friendly name",
        description: "new description",
        publicNetworkAccess: "Disabled",
      },
    });
    // The operation's final read of the workspace is the result: it is not read a second time.
    expect(arm.requests.filter((r) => r.method === "GET" && r.path === WS_ID)).toHaveLength(1);
  });

  it("without arguments sends no PATCH and returns the current details", async () => {
    const details = await ws.update();
    expect(arm.writes()).toEqual([]);
    expect(details.id).toBe(WS_ID);
  });

  it("refuses contradictory public access options before any request", async () => {
    await expect(
      ws.update({ allowPublicAccessWhenBehindVnet: true, publicNetworkAccess: "Disabled" }),
    ).rejects.toMatchObject({
      name: "ValidationError",
      code: "ConflictingOptions",
    });
    expect(arm.requests).toEqual([]);
  });

  it("adds a primary user-assigned identity the workspace lacks", async () => {
    const uai = `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/other`;
    arm.on("PATCH", WS_ID, [200, workspaceDetails()]);
    await ws.update({ primaryUserAssignedIdentity: uai });
    expect(arm.find("PATCH", WS_ID)!.body).toEqual({
      properties: { primaryUserAssignedIdentity: uai },
      identity: { type: "SystemAssigned,UserAssigned", userAssignedIdentities: { [uai]: {} } },
    });
  });
});

describe("Workspace.delete", () => {
  beforeEach(() => nock.disableNetConnect());
  afterEach(() => {
    nock.cleanAll();
    nock.enableNetConnect();
  });

  it("deletes the workspace, then its dependent resources when asked", async () => {
    const arm = new FakeArm();
    arm.on("GET", WS_ID, [200, workspaceDetails()]).onMatch("DELETE", /.*/, [200]);
    const ws = await Workspace.get("myworkspace", {
      subscriptionId: SUB,
      resourceGroup: RG,
      ...testClientOptions(),
    });
    await ws.delete({ deleteDependentResources: true, permanentlyDelete: true });
    const deletes = arm.writes();
    expect(deletes[0]).toBe(`DELETE ${WS_ID}`);
    expect(arm.find("DELETE", WS_ID)!.query.get("forceToPurge")).toBe("true");
    expect(
      deletes
        .slice(1)
        .map((d) => d.split("/providers/")[1]!.split("/")[1])
        .sort(),
    ).toEqual(["components", "registries", "storageAccounts", "vaults"]);
  });
});
