import nock from "nock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { PrivateEndpointConfig, Workspace } from "../../src/index.js";
import type { WorkspaceCreateError } from "../../src/index.js";
import {
  FakeArm,
  notFound,
  PE_ID,
  RG,
  SUB,
  testClientOptions,
  WS_ID,
  ZONES,
  zoneId,
} from "./fakeArm.js";
import { routeNetworkReads, routePrivateEndpointWrites } from "./networkWorld.js";
import { workspaceDetails } from "./payloadExamples.js";

const RG_ID = `/subscriptions/${SUB}/resourceGroups/${RG}`;
const DEPENDENT =
  /\/providers\/Microsoft\.(Storage|KeyVault|OperationalInsights|Insights)\/[^/]+\/[a-z0-9]+$/i;

function routeChecksAndDependents(arm: FakeArm, resourceGroupExists = true): void {
  arm
    .on("GET", RG_ID, resourceGroupExists ? [200, { id: RG_ID, location: "eastus2" }] : notFound())
    .on("PUT", RG_ID, [201, { id: RG_ID, location: "eastus2" }])
    .on("GET", `/subscriptions/${SUB}/providers/Microsoft.MachineLearningServices`, [
      200,
      { resourceTypes: [{ resourceType: "workspaces", locations: ["East US 2"] }] },
    ])
    .on("GET", `/subscriptions/${SUB}`, [200, { tenantId: "tenant-1" }])
    .onMatch("PUT", DEPENDENT, (r) => [
      200,
      { id: r.path, properties: { provisioningState: "Succeeded" } },
    ])
    .onMatch("DELETE", /.*/, [200]);
  if (resourceGroupExists) arm.on("GET", WS_ID, notFound());
}

describe("Workspace.create rollback and resume", () => {
  let arm: FakeArm;
  beforeEach(() => {
    nock.disableNetConnect();
    arm = new FakeArm();
  });
  afterEach(() => {
    nock.cleanAll();
    nock.enableNetConnect();
  });

  it("deletes everything it created, in reverse order, when the workspace PUT fails", async () => {
    routeChecksAndDependents(arm, false);
    arm.on("PUT", WS_ID, [
      400,
      { error: { code: "BadRequest", message: "The storage account is not usable." } },
    ]);

    const error = (await Workspace.create({
      name: "myworkspace",
      subscriptionId: SUB,
      resourceGroup: RG,
      location: "eastus2",
      ...testClientOptions(),
    } as never).catch((e: unknown) => e)) as WorkspaceCreateError;

    expect(error.name).toBe("WorkspaceCreateError");
    expect(error.code).toBe("WorkspaceCreateFailed");
    expect(error.step).toBe("workspace");
    expect(error.message).toContain("The storage account is not usable.");
    expect(error.cause).toMatchObject({ name: "ArmError", code: "BadRequest", statusCode: 400 });
    const created = arm
      .writes()
      .filter((w) => w.startsWith("PUT") && !w.endsWith(WS_ID))
      .map((w) => w.slice(4));
    const deleted = arm
      .writes()
      .filter((w) => w.startsWith("DELETE"))
      .map((w) => w.slice(7));
    // The rejected workspace PUT created nothing, so it is not deleted; the group goes last.
    expect(deleted).toEqual([...created].reverse());
    expect(deleted.at(-1)).toBe(RG_ID);
    expect(error.rolledBack).toEqual(deleted);
    expect(error.leftBehind).toEqual([]);
    const law = arm.requests.find(
      (r) => r.method === "DELETE" && r.path.includes("OperationalInsights"),
    )!;
    expect(law.query.get("force")).toBe("true");
  });

  it("removes the endpoint, DNS resources and workspace when the zone group fails, keeping the existing group", async () => {
    routeChecksAndDependents(arm);
    routeNetworkReads(arm);
    routePrivateEndpointWrites(arm);
    arm
      .on("PUT", WS_ID, [200, workspaceDetails()])
      .override("PUT", `${PE_ID}/privateDnsZoneGroups/default`, [
        409,
        { error: { code: "Conflict", message: "Zone group busy." } },
      ]);

    const pe = new PrivateEndpointConfig({ name: "myprivateendpoint", vnetName: "myvnet" });
    const error = (await Workspace.create({
      name: "myworkspace",
      subscriptionId: SUB,
      resourceGroup: RG,
      privateEndpointConfig: pe,
      ...testClientOptions(),
    } as never).catch((e: unknown) => e)) as WorkspaceCreateError;

    expect(error).toMatchObject({ name: "WorkspaceCreateError" });
    expect(error.step).toBe("privateEndpoint");
    expect(error.operation).toContain("zone group");
    const deleted = arm
      .writes()
      .filter((w) => w.startsWith("DELETE"))
      .map((w) => w.slice(7));
    expect(deleted.slice(0, 2).every((id) => id.includes("/virtualNetworkLinks/"))).toBe(true);
    expect(deleted.slice(2, 4).sort()).toEqual(ZONES.map(zoneId).sort());
    expect(deleted[4]).toBe(PE_ID);
    expect(deleted[5]).toBe(WS_ID);
    expect(deleted).toHaveLength(10);
    expect(deleted).not.toContain(RG_ID);
  });

  it("resumes from a serialized state without creating anything twice", async () => {
    routeChecksAndDependents(arm);
    arm.on("PUT", WS_ID, [200, workspaceDetails()]).on("GET", WS_ID, [200, workspaceDetails()]);
    const options = {
      name: "myworkspace",
      subscriptionId: SUB,
      resourceGroup: RG,
      ...testClientOptions(),
    };

    const first = Workspace.beginCreate(options as never);
    await first.poll(); // checks
    await first.poll(); // resource group (exists: nothing to do)
    await first.poll(); // dependent resources
    expect(first.operationState?.step).toBe("workspace");
    expect(first.operationState?.created).toHaveLength(4);
    const saved = await first.serialize();
    const putsBefore = arm.writes().length;

    const resumed = Workspace.beginCreate({ ...options, restoreFrom: saved } as never);
    const ws = await resumed;
    expect(ws.id).toBe(WS_ID);
    expect(arm.writes().slice(putsBefore)).toEqual([`PUT ${WS_ID}`]);
    expect(resumed.operationState?.created.map((c) => c.resourceType)).toContain("Workspace");
  });

  it("refuses a saved state of another workspace", () => {
    const saved = JSON.stringify({
      kind: "azureml-workspace/create",
      version: 1,
      input: { name: "other", subscriptionId: SUB, resourceGroup: RG },
      step: "workspace",
      status: "running",
      created: [],
    });
    expect(() =>
      Workspace.beginCreate({
        name: "myworkspace",
        subscriptionId: SUB,
        resourceGroup: RG,
        restoreFrom: saved,
      }),
    ).toThrow(expect.objectContaining({ name: "ValidationError", code: "InvalidRestoreState" }));
  });
});
