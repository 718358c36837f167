import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "../../src/emulator/index.js";
import { armHttp, type ArmHttp } from "./armHttp.js";

let emulator: RunningEmulator;
let arm: ArmHttp;

beforeAll(async () => {
  emulator = await startEmulator();
  arm = armHttp(emulator);
});
afterAll(() => emulator.stop());

describe("subscriptions and provider registrations", () => {
  it("serves the subscription with its tenant id", async () => {
    const answer = await arm.send("GET", `/subscriptions/${arm.subscriptionId}`);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      id: `/subscriptions/${arm.subscriptionId}`,
      subscriptionId: arm.subscriptionId,
      tenantId: emulator.world.tenantId,
      state: "Enabled",
    });
  });

  it("lists the subscription and its tenant", async () => {
    const subscriptions = await arm.send("GET", "/subscriptions");
    expect(subscriptions.body.value.map((s: any) => s.subscriptionId)).toEqual([
      arm.subscriptionId,
    ]);
    const tenants = await arm.send("GET", "/tenants");
    expect(tenants.body.value[0].tenantId).toBe(emulator.world.tenantId);
  });

  it("registers Machine Learning workspaces with display-name locations", async () => {
    const answer = await arm.send(
      "GET",
      `/subscriptions/${arm.subscriptionId}/providers/microsoft.machinelearningservices`,
    );
    expect(answer.status).toBe(200);
    expect(answer.body.namespace).toBe("Microsoft.MachineLearningServices");
    expect(answer.body.registrationState).toBe("Registered");
    const workspaces = answer.body.resourceTypes.find((t: any) => t.resourceType === "workspaces");
    expect(workspaces.locations).toContain("East US 2");
    expect(workspaces.apiVersions).toContain("2024-10-01");
  });

  it("registers private DNS zones as global", async () => {
    const answer = await arm.send(
      "GET",
      `/subscriptions/${arm.subscriptionId}/providers/Microsoft.Network`,
    );
    const zones = answer.body.resourceTypes.find((t: any) => t.resourceType === "privateDnsZones");
    expect(zones.locations).toEqual(["global"]);
  });

  it("lists every provider and the subscription's locations", async () => {
    const providers = await arm.send("GET", `/subscriptions/${arm.subscriptionId}/providers`);
    expect(providers.body.value.map((p: any) => p.namespace)).toEqual(
      expect.arrayContaining([
        "Microsoft.Storage",
        "Microsoft.KeyVault",
        "Microsoft.Insights",
        "Microsoft.OperationalInsights",
      ]),
    );
    const locations = await arm.send("GET", `/subscriptions/${arm.subscriptionId}/locations`);
    expect(locations.body.value).toContainEqual(
      expect.objectContaining({ name: "eastus2", displayName: "East US 2" }),
    );
  });

  it("answers 404 InvalidResourceNamespace for an unknown provider", async () => {
    const answer = await arm.send(
      "GET",
      `/subscriptions/${arm.subscriptionId}/providers/Contoso.Widgets`,
    );
    expect(answer.status).toBe(404);
    expect(answer.body.error.code).toBe("InvalidResourceNamespace");
  });

  it("registers a provider on POST …/register", async () => {
    const answer = await arm.send(
      "POST",
      `/subscriptions/${arm.subscriptionId}/providers/Microsoft.Network/register`,
    );
    expect(answer.status).toBe(200);
    expect(answer.body.registrationState).toBe("Registered");
  });
});
