import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator } from "../../src/emulator/index.js";
import type { RunningEmulator } from "../../src/emulator/index.js";
import type { DeletePrivateEndpointResult } from "../../src/index.js";
import { assertCliBuilt, runBuiltCli } from "./runBuiltCli.js";

let emulator: RunningEmulator;
let target: string[];

function add(name: string) {
  return runBuiltCli([
    "workspace",
    "private-endpoint",
    "add",
    "--pe-name",
    name,
    "--pe-vnet-name",
    emulator.world.vnetName,
    "--pe-auto-approval",
    "true",
    ...target,
  ]);
}

function remove(...flags: string[]) {
  return runBuiltCli(["workspace", "private-endpoint", "delete", ...flags, ...target]);
}

beforeAll(async () => {
  assertCliBuilt();
  emulator = await startEmulator({ seed: true });
  target = [
    "-w",
    "clidelws",
    "-g",
    emulator.world.resourceGroup,
    "--endpoint",
    emulator.endpoint,
    "--update-interval-in-ms",
    "0",
    "--subscription",
    emulator.world.subscriptionId,
  ];
  const create = await runBuiltCli([
    "workspace",
    "create",
    "-l",
    emulator.world.location,
    ...target,
  ]);
  expect(create.exitCode).toBe(0);
});

afterAll(async () => {
  await emulator?.stop();
});

describe("workspace private-endpoint delete --pe-name", () => {
  it("deletes the endpoint and keeps the DNS zones without --delete-dns-zones", async () => {
    expect((await add("clipe-keep")).exitCode).toBe(0);
    const run = await remove("--pe-name", "clipe-keep");

    expect(run.exitCode).toBe(0);
    const result = JSON.parse(run.stdout) as DeletePrivateEndpointResult;
    expect(result.deleted.some((id) => id.endsWith("/privateEndpoints/clipe-keep"))).toBe(true);
    expect(result.deleted.some((id) => id.includes("/privateDnsZones/"))).toBe(false);
    expect(run.stderr).toContain("Deleted PrivateEndPoint with name clipe-keep.");
  });

  it("deletes the zones and links nothing else uses with --delete-dns-zones", async () => {
    expect((await add("clipe-all")).exitCode).toBe(0);
    const run = await remove("--pe-name", "clipe-all", "--delete-dns-zones");

    expect(run.exitCode).toBe(0);
    const result = JSON.parse(run.stdout) as DeletePrivateEndpointResult;
    const zones = result.deleted.filter((id) => /\/privateDnsZones\/[^/]+$/.test(id));
    expect(zones.map((id) => id.slice(id.lastIndexOf("/") + 1)).sort()).toEqual([
      "privatelink.api.azureml.ms",
      "privatelink.notebooks.azure.net",
    ]);
    expect(result.kept).toEqual([]);
  });

  it("refuses --delete-dns-zones without --pe-name, before any request", async () => {
    const run = await remove("--pe-connection-name", "x.1", "--delete-dns-zones");
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain("--pe-name");
  });

  it("refuses --pe-name together with --pe-connection-name", async () => {
    const run = await remove("--pe-name", "a", "--pe-connection-name", "b");
    expect(run.exitCode).toBe(2);
  });

  it("refuses a delete that names neither, naming both flags", async () => {
    const run = await remove();
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain("--pe-connection-name");
    expect(run.stderr).toContain("--pe-name");
  });

  it("documents --pe-name and --delete-dns-zones in --help", async () => {
    const run = await runBuiltCli(["workspace", "private-endpoint", "delete", "--help"]);
    expect(run.stdout).toContain("--pe-name <name>");
    expect(run.stdout).toContain("--delete-dns-zones");
    expect(run.stdout).toContain("--pe-name myprivateendpoint --delete-dns-zones");
  });
});
