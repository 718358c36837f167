import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "../../src/emulator/index.js";
import { armHttp, type ArmHttp } from "./armHttp.js";

let emulator: RunningEmulator;
let arm: ArmHttp;
const groups = () => `/subscriptions/${arm.subscriptionId}/resourcegroups`;

beforeEach(async () => {
  emulator = await startEmulator({ seed: true });
  arm = armHttp(emulator);
});
afterEach(() => emulator.stop());

describe("resource groups", () => {
  it("creates a group with 201, then answers 200 for the same PUT", async () => {
    const created = await arm.send("PUT", `${groups()}/rg1`, {
      location: "East US 2",
      tags: { a: "b" },
    });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: `/subscriptions/${arm.subscriptionId}/resourceGroups/rg1`,
      name: "rg1",
      type: "Microsoft.Resources/resourceGroups",
      location: "eastus2",
      tags: { a: "b" },
      properties: { provisioningState: "Succeeded" },
    });
    const again = await arm.send("PUT", `${groups()}/RG1`, { location: "eastus2" });
    expect(again.status).toBe(200);
    expect(again.body.name).toBe("rg1");
  });

  it("answers HEAD with 204 for an existing group and 404 otherwise", async () => {
    expect((await arm.send("HEAD", `${groups()}/myresourcegroup`)).status).toBe(204);
    expect((await arm.send("HEAD", `${groups()}/nothere`)).status).toBe(404);
  });

  it("answers 404 ResourceGroupNotFound with ARM's message", async () => {
    const answer = await arm.send("GET", `${groups()}/nothere`);
    expect(answer.status).toBe(404);
    expect(answer.body.error).toEqual({
      code: "ResourceGroupNotFound",
      message: "Resource group 'nothere' could not be found.",
    });
  });

  it("refuses a resource in a group that does not exist", async () => {
    const answer = await arm.send(
      "PUT",
      `/subscriptions/${arm.subscriptionId}/resourceGroups/nothere/providers/Microsoft.Network/privateDnsZones/privatelink.api.azureml.ms`,
      { location: "global" },
    );
    expect(answer.status).toBe(404);
    expect(answer.body.error.code).toBe("ResourceGroupNotFound");
  });

  it("refuses an unknown location with LocationNotAvailableForResourceGroup", async () => {
    const answer = await arm.send("PUT", `${groups()}/rg2`, { location: "atlantis" });
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe("LocationNotAvailableForResourceGroup");
  });

  it("refuses to move an existing group to another location", async () => {
    const answer = await arm.send("PUT", `${groups()}/myresourcegroup`, { location: "westus" });
    expect(answer.status).toBe(409);
    expect(answer.body.error.code).toBe("InvalidResourceGroupLocation");
  });

  it("refuses an invalid group name", async () => {
    const answer = await arm.send("PUT", `${groups()}/bad name!`, { location: "eastus2" });
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe("InvalidResourceGroup");
  });

  it("lists groups and updates tags with PATCH", async () => {
    const patched = await arm.send("PATCH", `${groups()}/myresourcegroup`, {
      tags: { env: "test" },
    });
    expect(patched.body.tags).toEqual({ env: "test" });
    const list = await arm.send("GET", groups());
    expect(list.body.value.map((g: any) => g.name)).toEqual(["myresourcegroup"]);
  });

  it("deletes a group and everything in it through a 202 Location operation", async () => {
    const deleted = await arm.send("DELETE", `${groups()}/myresourcegroup`);
    expect(deleted.status).toBe(202);
    const location = deleted.headers.get("location")!;
    expect(location).toMatch(
      new RegExp(`^${emulator.endpoint}/subscriptions/${arm.subscriptionId}/operationresults/`),
    );
    const done = await arm.pollUntilDone(location);
    expect(done.status).toBe(200);
    expect((await arm.send("GET", `${groups()}/myresourcegroup`)).status).toBe(404);
    const vnet = await arm.send("GET", emulator.world.vnetId);
    expect(vnet.status).toBe(404);
  });
});
