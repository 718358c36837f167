import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../../src/emulator/index.js";
import { Workspace } from "../../src/index.js";
import type { ArmClient } from "../../src/index.js";
import {
  API,
  createOptions,
  endpointConfig,
  exists,
  idInGroup,
  inventory,
  quiet,
  read,
  startE2e,
  writesSince,
} from "./emulatorReads.js";

let emulator: RunningEmulator;
let arm: ArmClient;

/** What the subnet carries besides its address range: none of it may be lost. */
function attachments() {
  const { subscriptionId, resourceGroup } = emulator.world;
  const network = `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/Microsoft.Network`;
  return {
    networkSecurityGroup: { id: `${network}/networkSecurityGroups/default-nsg` },
    routeTable: { id: `${network}/routeTables/default-routes` },
    serviceEndpoints: [{ service: "Microsoft.Storage", locations: [emulator.world.location] }],
  };
}

/** Gives the seeded subnet an NSG, a route table and a service endpoint, policies still Enabled. */
async function equipSubnet(): Promise<void> {
  await arm
    .beginRequest({
      method: "PUT",
      path: emulator.world.subnetId,
      apiVersion: API.network,
      updateIntervalInMs: 0,
      body: {
        properties: {
          addressPrefix: "10.0.0.0/24",
          privateEndpointNetworkPolicies: "Enabled",
          ...attachments(),
        },
      },
    })
    .pollUntilDone();
}

const endpointId = (name: string) =>
  idInGroup(emulator, "Microsoft.Network/privateEndpoints", name);

beforeEach(async () => {
  ({ emulator, arm } = await startE2e({ seed: { privateEndpointNetworkPolicies: "Enabled" } }));
});

afterEach(async () => {
  await emulator?.stop();
});

describe("a subnet whose privateEndpointNetworkPolicies is Enabled", () => {
  it("makes create fail before any write, naming the subnet and both fixes", async () => {
    const error = await Workspace.create(
      createOptions(emulator, "policyws", {
        privateEndpointConfig: endpointConfig(emulator, "policy-pe"),
      }),
    ).catch((e: unknown) => e);

    expect(error).toMatchObject({
      name: "PrivateEndpointPrerequisiteError",
      code: "PrivateEndpointNetworkPoliciesEnabled",
      resourceId: emulator.world.subnetId,
    });
    const message = (error as Error).message;
    expect(message).toContain(`Subnet '${emulator.world.subnetName}'`);
    expect(message).toContain(emulator.world.vnetName);
    expect(message).toContain("disableSubnetNetworkPolicies: true");
    expect(message).toContain("--private-endpoint-network-policies Disabled");
    expect(writesSince(emulator)).toEqual([]);
  });

  it("makes addPrivateEndpoint fail before any write", async () => {
    const ws = await Workspace.create(createOptions(emulator, "policyws"));
    const before = emulator.requests.length;

    await expect(
      ws.addPrivateEndpoint(endpointConfig(emulator, "policy-pe"), quiet),
    ).rejects.toMatchObject({
      name: "PrivateEndpointPrerequisiteError",
      code: "PrivateEndpointNetworkPoliciesEnabled",
    });
    expect(writesSince(emulator, before)).toEqual([]);
    expect(await exists(arm, endpointId("policy-pe"), API.network)).toBe(false);
  });

  it("with disableSubnetNetworkPolicies, addPrivateEndpoint writes the subnet back whole with the policies Disabled", async () => {
    await equipSubnet();
    const ws = await Workspace.create(createOptions(emulator, "policyws"));

    await ws.addPrivateEndpoint(endpointConfig(emulator, "policy-pe"), {
      ...quiet,
      disableSubnetNetworkPolicies: true,
    });

    const subnet = await read(arm, emulator.world.subnetId, API.network);
    expect(subnet.properties).toMatchObject({
      ...attachments(),
      addressPrefix: "10.0.0.0/24",
      privateEndpointNetworkPolicies: "Disabled",
    });
    const put = writesSince(emulator).filter(
      (r) => r.method === "PUT" && r.path === emulator.world.subnetId,
    );
    // One PUT by this test to equip the subnet, one by the SDK.
    expect(put).toHaveLength(2);
    expect((put[1]!.requestBody as any).properties).toMatchObject(attachments());
  });

  it("with disableSubnetNetworkPolicies, create makes the endpoint in that subnet", async () => {
    await equipSubnet();

    const ws = await Workspace.create(
      createOptions(emulator, "policyws", {
        privateEndpointConfig: endpointConfig(emulator, "policy-pe"),
        disableSubnetNetworkPolicies: true,
      }),
    );

    const endpoint = await read(arm, endpointId("policy-pe"), API.network);
    expect(endpoint.properties.subnet.id.toLowerCase()).toBe(emulator.world.subnetId.toLowerCase());
    expect((await ws.privateEndpoints())[0]?.status).toBe("Approved");
    const subnet = await read(arm, emulator.world.subnetId, API.network);
    expect(subnet.properties).toMatchObject({
      ...attachments(),
      privateEndpointNetworkPolicies: "Disabled",
    });
  });
});

describe("a subnet changed by someone else between the read and the write-back", () => {
  /** The subnet's properties as ARM has them now. */
  async function subnetProperties() {
    return (await read(arm, emulator.world.subnetId, API.network)).properties;
  }

  /** The subnet PUTs since `since`. */
  function sdkSubnetPuts(since: number) {
    return writesSince(emulator, since).filter(
      (r) => r.method === "PUT" && r.path === emulator.world.subnetId,
    );
  }

  it("makes addPrivateEndpoint fail with SubnetChanged, keeping the change and creating nothing", async () => {
    const ws = await Workspace.create(createOptions(emulator, "policyws"));
    const before = await inventory(arm, emulator);
    const poller = ws.beginAddPrivateEndpoint(endpointConfig(emulator, "policy-pe"), {
      ...quiet,
      disableSubnetNetworkPolicies: true,
    });
    // One step per poll: the checks read the subnet; stop before the step that writes it.
    while (poller.operationState!.step !== "subnet") await poller.poll();
    // Unchanged since the checks: the etag they read.
    const { etag: etagRead } = await read(arm, emulator.world.subnetId, API.network);
    await equipSubnet();
    const since = emulator.requests.length;

    const error = await poller.pollUntilDone().catch((e: unknown) => e);

    expect(error).toMatchObject({
      name: "PrivateEndpointPrerequisiteError",
      code: "SubnetChanged",
      resourceId: emulator.world.subnetId,
    });
    expect((error as Error).message).toContain(`Subnet '${emulator.world.subnetName}'`);
    expect((error as Error).message).toContain("Run the call again");
    expect((error as Error).cause).toMatchObject({ statusCode: 412, code: "PreconditionFailed" });
    expect(sdkSubnetPuts(since).map((r) => [r.requestHeaders["if-match"], r.status])).toEqual([
      [etagRead, 412],
    ]);
    expect(await subnetProperties()).toMatchObject({
      ...attachments(),
      privateEndpointNetworkPolicies: "Enabled",
    });
    expect(await exists(arm, endpointId("policy-pe"), API.network)).toBe(false);
    expect(await inventory(arm, emulator)).toEqual(before);
  });

  it("makes create fail and roll back everything it made, keeping the change", async () => {
    const before = await inventory(arm, emulator);
    const poller = Workspace.beginCreate(
      createOptions(emulator, "policyws", {
        privateEndpointConfig: endpointConfig(emulator, "policy-pe"),
        disableSubnetNetworkPolicies: true,
      }),
    );
    await poller.poll(); // the checks, which read the subnet
    await equipSubnet();

    const error = await poller.pollUntilDone().catch((e: unknown) => e);

    expect(error).toMatchObject({ name: "WorkspaceCreateError", step: "privateEndpoint" });
    expect((error as { rolledBack: string[] }).rolledBack).toContainEqual(
      idInGroup(emulator, "Microsoft.MachineLearningServices/workspaces", "policyws"),
    );
    expect((error as { leftBehind: string[] }).leftBehind).toEqual([]);
    expect((error as Error).cause).toMatchObject({
      name: "PrivateEndpointPrerequisiteError",
      code: "SubnetChanged",
    });
    expect(await subnetProperties()).toMatchObject({
      ...attachments(),
      privateEndpointNetworkPolicies: "Enabled",
    });
    expect(await inventory(arm, emulator)).toEqual(before);
  });
});
