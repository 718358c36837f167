import nock from "nock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { PrivateEndpointConfig, PrivateEndPointConfig, Workspace } from "../../src/index.js";
import { RG, SUB, testClientOptions } from "./fakeArm.js";

// No interceptors at all: any request would fail the test with a nock error, not a ValidationError.
beforeEach(() => nock.disableNetConnect());
afterEach(() => nock.enableNetConnect());

const base = {
  name: "myworkspace",
  subscriptionId: SUB,
  resourceGroup: RG,
  ...testClientOptions(),
};

describe("PrivateEndpointConfig", () => {
  it("defaults the subnet to 'default' and leaves the VNet's subscription and group to the workspace", () => {
    const pe = new PrivateEndpointConfig({ name: "myprivateendpoint", vnetName: "myvnet" });
    expect(pe.toJSON()).toEqual({
      name: "myprivateendpoint",
      vnetName: "myvnet",
      vnetSubnetName: "default",
      vnetSubscriptionId: undefined,
      vnetResourceGroup: undefined,
    });
    expect(Object.isFrozen(pe)).toBe(true);
    expect(PrivateEndPointConfig).toBe(PrivateEndpointConfig);
  });

  it.each([
    [{ name: "-pe", vnetName: "v" }, "name"],
    [{ name: "pe", vnetName: "v/x" }, "vnetName"],
    [{ name: "pe", vnetName: "v", vnetSubnetName: "a b" }, "vnetSubnetName"],
    [{ name: "pe", vnetName: "v", vnetSubscriptionId: "not-a-guid" }, "vnetSubscriptionId"],
    [{ name: "pe", vnetName: "v", vnetResourceGroup: "rg." }, "vnetResourceGroup"],
  ])("rejects %j naming %s", (init, parameter) => {
    expect(() => new PrivateEndpointConfig(init)).toThrow(
      expect.objectContaining({ name: "ValidationError", parameter }),
    );
  });
});

describe("Workspace.create input checks", () => {
  it.each([
    [{ name: "ab" }, "InvalidWorkspaceName"],
    [{ name: "my workspace" }, "InvalidWorkspaceName"],
    [{ subscriptionId: "sub" }, "InvalidSubscriptionId"],
    [{ resourceGroup: "bad/group" }, "InvalidResourceGroupName"],
    [{ location: "east us 2!" }, "InvalidLocation"],
    [{ tags: { "a/b": "x" } }, "InvalidTags"],
    [{ tags: { a: 1 } }, "InvalidTags"],
    [{ storageAccount: "mystorage" }, "InvalidResourceId"],
    [
      {
        keyVault: `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.Storage/storageAccounts/s`,
      },
      "InvalidResourceId",
    ],
    [
      {
        cmkKeyvault: `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.KeyVault/vaults/kv`,
      },
      "InvalidOption",
    ],
    [{ privateEndpointConfig: { name: "pe", vnetName: "v" } }, "InvalidOption"],
    [{ existOk: "yes" }, "InvalidOption"],
  ])("rejects %j before any request", async (bad, code) => {
    const error = await Workspace.create({ ...base, ...bad } as never).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "ValidationError", ...(code ? { code } : {}) });
  });

  it("rejects bad input synchronously from beginCreate", () => {
    expect(() => Workspace.beginCreate({ ...base, name: "x" })).toThrow(
      expect.objectContaining({ code: "InvalidWorkspaceName" }),
    );
  });

  it("rejects waitForApproval with auto-approval before any request", async () => {
    const ws = Object.create(Workspace.prototype) as Workspace;
    await expect(
      ws.addPrivateEndpoint(new PrivateEndpointConfig({ name: "pe", vnetName: "v" }), {
        waitForApproval: true,
      }),
    ).rejects.toMatchObject({ name: "ValidationError", code: "ConflictingOptions" });
  });

  it("rejects Workspace.get with a bad name before any request", async () => {
    await expect(
      Workspace.get("a", { subscriptionId: SUB, resourceGroup: RG, ...testClientOptions() }),
    ).rejects.toMatchObject({ code: "InvalidWorkspaceName" });
  });
});
