import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator } from "../../src/emulator/index.js";
import type { RunningEmulator } from "../../src/emulator/index.js";
import { assertCliBuilt, runBuiltCli } from "./runBuiltCli.js";

let emulator: RunningEmulator;
let target: string[];

interface ConnectionInfo {
  name: string;
  privateEndpointName: string;
  status: string;
}

beforeAll(async () => {
  assertCliBuilt();
  emulator = await startEmulator({ latencyInMs: 0, seed: true });
  target = [
    "-w",
    "clipews",
    "-g",
    emulator.world.resourceGroup,
    "--endpoint",
    emulator.endpoint,
    "--update-interval-in-ms",
    "0",
    "--subscription",
    emulator.world.subscriptionId,
  ];
  const run = await runBuiltCli(["workspace", "create", "-l", emulator.world.location, ...target]);
  expect(run.exitCode).toBe(0);
});

afterAll(async () => {
  await emulator?.stop();
});

async function add(name: string, ...flags: string[]): Promise<ConnectionInfo> {
  const run = await runBuiltCli([
    "workspace",
    "private-endpoint",
    "add",
    "--pe-name",
    name,
    "--pe-vnet-name",
    emulator.world.vnetName,
    ...flags,
    ...target,
  ]);
  expect(run.stderr).not.toMatch(/^error:/m);
  expect(run.exitCode).toBe(0);
  return JSON.parse(run.stdout) as ConnectionInfo;
}

async function list(): Promise<ConnectionInfo[]> {
  const run = await runBuiltCli(["workspace", "private-endpoint", "list", ...target]);
  expect(run.exitCode).toBe(0);
  return JSON.parse(run.stdout) as ConnectionInfo[];
}

describe("workspace private-endpoint", () => {
  it("adds an approved endpoint with --pe-auto-approval true", async () => {
    const connection = await add("clipe-auto", "--pe-auto-approval", "true");
    expect(connection.privateEndpointName).toBe("clipe-auto");
    expect(connection.status).toBe("Approved");
  });

  it("adds a Pending endpoint when --pe-auto-approval is not given, and approve approves it", async () => {
    const connection = await add("clipe-manual");
    expect(connection.status).toBe("Pending");

    const run = await runBuiltCli([
      "workspace",
      "private-endpoint",
      "approve",
      "--pe-connection-name",
      connection.name,
      "--description",
      "approved by the network team",
      ...target,
    ]);
    expect(run.exitCode).toBe(0);
    const approved = JSON.parse(run.stdout) as ConnectionInfo;
    expect(approved.status).toBe("Approved");
    expect((await list()).find((c) => c.name === connection.name)?.status).toBe("Approved");
  });

  it("rejects a Pending connection", async () => {
    const connection = await add("clipe-reject", "--pe-auto-approval", "false");
    const run = await runBuiltCli([
      "workspace",
      "private-endpoint",
      "reject",
      "--pe-connection-name",
      connection.name,
      ...target,
    ]);
    expect(run.exitCode).toBe(0);
    expect((JSON.parse(run.stdout) as ConnectionInfo).status).toBe("Rejected");
  });

  it("lists the connections, and delete removes one", async () => {
    const connection = await add("clipe-delete", "--pe-auto-approval");
    expect((await list()).map((c) => c.privateEndpointName)).toContain("clipe-delete");

    const run = await runBuiltCli([
      "workspace",
      "private-endpoint",
      "delete",
      "--pe-connection-name",
      connection.name,
      ...target,
    ]);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toBe("");
    expect((await list()).map((c) => c.name)).not.toContain(connection.name);
  });

  it("lists the connections as a table with --output table", async () => {
    await add("clipe-table", "--pe-auto-approval");
    const run = await runBuiltCli([
      "workspace",
      "private-endpoint",
      "list",
      "-o",
      "table",
      ...target,
    ]);
    expect(run.exitCode).toBe(0);
    const lines = run.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^Name\s+Status\s+PrivateEndpoint/);
    expect(lines.some((line) => /\sApproved\s+clipe-table/.test(line))).toBe(true);
  });

  it("fails with exit 1 when the virtual network does not exist", async () => {
    const run = await runBuiltCli([
      "workspace",
      "private-endpoint",
      "add",
      "--pe-name",
      "clipe-novnet",
      "--pe-vnet-name",
      "no-such-vnet",
      ...target,
    ]);
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toContain("no-such-vnet");
    expect(run.stderr).not.toContain("    at ");
  });
});
