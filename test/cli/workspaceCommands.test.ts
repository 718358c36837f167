import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator } from "../../src/emulator/index.js";
import type { RunningEmulator } from "../../src/emulator/index.js";
import { assertCliBuilt, runBuiltCli } from "./runBuiltCli.js";

let emulator: RunningEmulator;
let target: string[];

beforeAll(async () => {
  assertCliBuilt();
  emulator = await startEmulator({ latencyInMs: 0, seed: true });
  target = [
    "--endpoint",
    emulator.endpoint,
    "--update-interval-in-ms",
    "0",
    "--subscription",
    emulator.world.subscriptionId,
    "-g",
    emulator.world.resourceGroup,
  ];
});

afterAll(async () => {
  await emulator?.stop();
});

describe("workspace create", () => {
  it("creates a workspace with an auto-approved private endpoint and prints it as JSON", async () => {
    const run = await runBuiltCli([
      "workspace",
      "create",
      "-w",
      "cliws1",
      "-l",
      emulator.world.location,
      "--pe-name",
      "cliws1-pe",
      "--pe-vnet-name",
      emulator.world.vnetName,
      "--pe-subnet-name",
      emulator.world.subnetName,
      "--pe-auto-approval",
      ...target,
    ]);

    expect(run.stderr).toContain("Deployed Workspace with name cliws1");
    expect(run.exitCode).toBe(0);
    const workspace = JSON.parse(run.stdout);
    expect(workspace.name).toBe("cliws1");
    const connections = workspace.properties.privateEndpointConnections;
    expect(connections).toHaveLength(1);
    expect(connections[0].properties.privateEndpoint.id).toMatch(/\/privateEndpoints\/cliws1-pe$/);
    expect(connections[0].properties.privateLinkServiceConnectionState.status).toBe("Approved");
  });

  it("leaves the connection Pending without --pe-auto-approval, as az ml does", async () => {
    const run = await runBuiltCli([
      "workspace",
      "create",
      "-n",
      "cliws2",
      "-l",
      emulator.world.location,
      "--pe-name",
      "cliws2-pe",
      "--pe-vnet-name",
      emulator.world.vnetName,
      "--endpoint",
      emulator.endpoint,
      "--update-interval-in-ms",
      "0",
      "--subscription",
      emulator.world.subscriptionId,
      "-r",
      emulator.world.resourceGroup,
    ]);

    expect(run.exitCode).toBe(0);
    const connections = JSON.parse(run.stdout).properties.privateEndpointConnections;
    expect(connections[0].properties.privateLinkServiceConnectionState.status).toBe("Pending");
    // The progress line names the command that approves, not the library method.
    expect(run.stderr).toMatch(
      /is Pending: an owner of workspace cliws2 must approve it \('azureml-workspace workspace private-endpoint approve'/,
    );
    expect(run.stderr).not.toContain("approvePrivateEndpointConnection");
  });

  it("refuses an existing workspace without --exist-ok (exit 1) and returns it with it", async () => {
    const args = ["workspace", "create", "-w", "cliws3", "-l", emulator.world.location, ...target];
    expect((await runBuiltCli(args)).exitCode).toBe(0);

    const again = await runBuiltCli(args);
    expect(again.exitCode).toBe(1);
    expect(again.stderr).toContain("--exist-ok");
    expect(again.stderr.trimEnd().split("\n").at(-1)).toMatch(/^error: /);

    const existOk = await runBuiltCli([...args, "--exist-ok"]);
    expect(existOk.exitCode).toBe(0);
    expect(JSON.parse(existOk.stdout).name).toBe("cliws3");
  });
});

describe("workspace show, update and delete", () => {
  beforeAll(async () => {
    const run = await runBuiltCli([
      "workspace",
      "create",
      "-w",
      "cliws4",
      "-l",
      emulator.world.location,
      ...target,
    ]);
    expect(run.exitCode).toBe(0);
  });

  it("shows the workspace as ARM returns it, reading it once", async () => {
    const before = emulator.requests.length;
    const run = await runBuiltCli(["workspace", "show", "-w", "cliws4", ...target]);
    expect(run.exitCode).toBe(0);
    const workspace = JSON.parse(run.stdout);
    expect(workspace.id).toMatch(
      /\/providers\/Microsoft\.MachineLearningServices\/workspaces\/cliws4$/,
    );
    const sent = emulator.requests.slice(before).map((r) => `${r.method} ${r.path}`);
    expect(sent).toEqual([`GET ${workspace.id}`]);
    expect(workspace.privateEndpointConnections).toEqual(
      workspace.properties.privateEndpointConnections ?? [],
    );
    expect(run.stderr).toBe("");
  });

  it("shows the workspace as a table with --output table", async () => {
    const run = await runBuiltCli([
      "workspace",
      "show",
      "-w",
      "cliws4",
      "--output",
      "table",
      ...target,
    ]);
    expect(run.exitCode).toBe(0);
    const [heading, , row] = run.stdout.split("\n");
    expect(heading).toMatch(/^Name\s+Location\s+ProvisioningState/);
    expect(row).toMatch(new RegExp(`^cliws4\\s+${emulator.world.location}\\s+Succeeded`));
  });

  it("opens public access with --allow-public-access true", async () => {
    const run = await runBuiltCli([
      "workspace",
      "update",
      "-w",
      "cliws4",
      "--allow-public-access",
      "true",
      ...target,
    ]);
    expect(run.exitCode).toBe(0);
    expect(JSON.parse(run.stdout).properties.publicNetworkAccess).toBe("Enabled");

    const shown = await runBuiltCli(["workspace", "show", "-w", "cliws4", ...target]);
    expect(JSON.parse(shown.stdout).properties.publicNetworkAccess).toBe("Enabled");
  });

  it("deletes the workspace, after which show fails with exit 1", async () => {
    const created = await runBuiltCli([
      "workspace",
      "create",
      "-w",
      "cliws5",
      "-l",
      emulator.world.location,
      ...target,
    ]);
    expect(created.exitCode).toBe(0);

    const run = await runBuiltCli(["workspace", "delete", "-w", "cliws5", ...target]);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toBe("");

    const shown = await runBuiltCli(["workspace", "show", "-w", "cliws5", ...target]);
    expect(shown.exitCode).toBe(1);
  });
});
