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
    arm
      .on("GET", WS_ID, [200, workspaceDetails()])
      .on("GET", workspaceDetails().properties.applicationInsights, [404])
      .onMatch("DELETE", /.*/, [200]);
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

  describe("the Log Analytics workspace behind the Application Insights component", () => {
    const component: string = workspaceDetails().properties.applicationInsights;
    const group = component.slice(0, component.indexOf("/providers/"));
    const components = `${group}/providers/Microsoft.Insights/components`;
    const logs = `${group}/providers/Microsoft.OperationalInsights/workspaces/testlogs`;
    const linked = (id: string) => ({ id, properties: { WorkspaceResourceId: logs } });

    async function deleteWith(logsTags: Record<string, string>, siblings: unknown[] = []) {
      const arm = new FakeArm();
      arm
        .on("GET", WS_ID, [200, workspaceDetails()])
        .on("GET", component, [200, linked(component)])
        .on("GET", logs, [200, { id: logs, tags: logsTags }])
        .on("GET", components, [200, { value: [linked(component), ...siblings] }])
        .onMatch("DELETE", /.*/, [200]);
      const ws = await Workspace.get("myworkspace", {
        subscriptionId: SUB,
        resourceGroup: RG,
        ...testClientOptions(),
      });
      await ws.delete({ deleteDependentResources: true });
      return arm.writes();
    }

    it("is deleted after the component when create made it and nothing else uses it", async () => {
      const deletes = await deleteWith({ createdByToolkit: "azureml-workspace-0.0.9" });
      expect(deletes.at(-1)).toBe(`DELETE ${logs}`);
      expect(deletes.indexOf(`DELETE ${component}`)).toBeGreaterThan(0);
    });

    it("is kept when it was not made by this package", async () => {
      const deletes = await deleteWith({ createdByToolkit: "sdk-v1-1.57.0" });
      expect(deletes).not.toContain(`DELETE ${logs}`);
      expect(deletes).toContain(`DELETE ${component}`);
    });

    it("is kept while another component of the resource group sends to it", async () => {
      const other = `${group}/providers/Microsoft.Insights/components/other`;
      const deletes = await deleteWith({ createdByToolkit: "azureml-workspace-0.1.0" }, [
        linked(other),
      ]);
      expect(deletes).not.toContain(`DELETE ${logs}`);
    });
  });
});
