import { beforeAll, describe, expect, it, vi } from "vitest";
import { API_VERSIONS } from "../../src/workspace/apiVersions.js";
import { armRequest, bodyOf, sent, sentOnce, useCliAgainstEmulator } from "./inProcessCli.js";

const ENDPOINT = "/providers/Microsoft.Network/privateEndpoints/";
const OTHER_SUBSCRIPTION = "00000000-0000-0000-0000-000000000002";

describe("workspace private-endpoint add", () => {
  const cli = useCliAgainstEmulator({
    seed: true,
    additionalSubscriptions: [{ subscriptionId: OTHER_SUBSCRIPTION }],
  });
  const target = () => ["-w", "peaddws", "-g", cli.emulator.world.resourceGroup];
  const add = (peName: string, ...flags: string[]) =>
    cli.run([
      "workspace",
      "private-endpoint",
      "add",
      ...target(),
      "--pe-name",
      peName,
      "--pe-vnet-name",
      cli.emulator.world.vnetName,
      ...flags,
    ]);

  beforeAll(async () => {
    const created = await cli.run(["workspace", "create", ...target()]);
    expect(created.exitCode).toBe(0);
  });

  it.each([
    { flags: ["--pe-auto-approval", "true"], connections: "privateLinkServiceConnections" },
    { flags: ["--pe-auto-approval", "false"], connections: "manualPrivateLinkServiceConnections" },
    { flags: [], connections: "manualPrivateLinkServiceConnections" },
  ])("sends $connections for [$flags]", async ({ flags, connections }) => {
    const peName = `pe-approval-${flags.join("-") || "none"}`;
    const run = await add(peName, ...flags);

    expect(run.exitCode).toBe(0);
    const properties = bodyOf(run.requests, "PUT", `${ENDPOINT}${peName}`).properties;
    expect(Object.keys(properties).filter((key) => key.endsWith("ServiceConnections"))).toEqual([
      connections,
    ]);
  });

  it("tags the private endpoint with --tags", async () => {
    const run = await add("pe-tagged", "--tags", "k=v", "team=network");

    expect(run.exitCode).toBe(0);
    expect(bodyOf(run.requests, "PUT", `${ENDPOINT}pe-tagged`).tags).toMatchObject({
      k: "v",
      team: "network",
    });
  });

  it("asks ARM for the endpoint in the --pe-location region", async () => {
    // The demo network is in eastus2, and ARM (like the emulator) refuses an endpoint elsewhere:
    // the region only shows on the wire, and in the refusal.
    const run = await add("pe-westus", "--pe-location", "westus");

    const write = sentOnce(run.requests, "PUT", `${ENDPOINT}pe-westus`);
    expect((write.requestBody as { location: string }).location).toBe("westus");
    expect(write.status).toBe(400);
    expect(run.exitCode).toBe(1);
  });

  it("creates the endpoint in the virtual network's subscription with --pe-subscription-id", async () => {
    const { resourceGroup, location } = cli.emulator.world;
    const group = `/subscriptions/${OTHER_SUBSCRIPTION}/resourceGroups/${resourceGroup}`;
    const vnetId = `${group}/providers/Microsoft.Network/virtualNetworks/othervnet`;
    const arm = armRequest(cli.emulator);
    expect((await arm("PUT", group, API_VERSIONS.resources, { location })).status).toBe(201);
    const vnet = await arm("PUT", vnetId, API_VERSIONS.network, {
      location,
      properties: {
        addressSpace: { addressPrefixes: ["10.9.0.0/16"] },
        subnets: [{ name: "default", properties: { addressPrefix: "10.9.0.0/24" } }],
      },
    });
    expect(vnet.body.properties.provisioningState).toBe("Succeeded");

    const run = await cli.run([
      "workspace",
      "private-endpoint",
      "add",
      ...target(),
      "--pe-name",
      "pe-elsewhere",
      "--pe-vnet-name",
      "othervnet",
      "--pe-subscription-id",
      OTHER_SUBSCRIPTION,
    ]);

    expect(run.exitCode).toBe(0);
    const endpoint = bodyOf(run.requests, "PUT", `${group}${ENDPOINT}pe-elsewhere`);
    expect(endpoint.properties.subnet.id).toBe(`${vnetId}/subnets/default`);
  });

  it("with --wait-for-approval, returns only once an owner approves the connection", async () => {
    const waiting = add("pe-waiting", "--wait-for-approval");

    // The command polls the Pending connection, every --update-interval-in-ms (0 here, where
    // the library alone would wait 10 s); the connection's name is in the polled path.
    const poll = await vi.waitFor(
      () => {
        const found = sent(
          cli.emulator.requests,
          "GET",
          /\/privateEndpointConnections\/pe-waiting/,
        );
        if (found.length === 0) throw new Error("the Pending connection is not polled yet");
        return found[0]!;
      },
      { timeout: 5_000, interval: 5 },
    );
    const connectionName = poll.path.slice(poll.path.lastIndexOf("/") + 1);
    const approved = await cli.run([
      "workspace",
      "private-endpoint",
      "approve",
      ...target(),
      "--pe-connection-name",
      connectionName,
    ]);
    expect(approved.exitCode).toBe(0);
    const run = await waiting;

    expect(run.exitCode).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ name: connectionName, status: "Approved" });
  });
});
