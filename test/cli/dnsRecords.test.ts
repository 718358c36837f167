import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatHostsFile, formatZoneFile } from "../../src/cli/dnsRecordFormats.js";
import { startEmulator } from "../../src/emulator/index.js";
import type { RunningEmulator } from "../../src/emulator/index.js";
import type { PrivateEndpointDnsRecord } from "../../src/index.js";
import { assertCliBuilt, runBuiltCli } from "./runBuiltCli.js";

let emulator: RunningEmulator;
let target: string[];

function dnsRecords(...flags: string[]) {
  return runBuiltCli(["workspace", "private-endpoint", "dns-records", ...flags, ...target]);
}

beforeAll(async () => {
  assertCliBuilt();
  emulator = await startEmulator({ seed: true });
  target = [
    "-w",
    "clidnsws",
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
  for (const [name, approval] of [
    ["cli-auto", "true"],
    ["cli-manual", "false"],
  ] as const) {
    const run = await runBuiltCli([
      "workspace",
      "private-endpoint",
      "add",
      "--pe-name",
      name,
      "--pe-vnet-name",
      emulator.world.vnetName,
      "--pe-auto-approval",
      approval,
      ...target,
    ]);
    expect(run.exitCode).toBe(0);
  }
});

afterAll(async () => {
  await emulator?.stop();
});

describe("workspace private-endpoint dns-records", () => {
  it("prints the records of every endpoint as JSON by default", async () => {
    const run = await dnsRecords();
    expect(run.exitCode).toBe(0);
    const records = JSON.parse(run.stdout) as PrivateEndpointDnsRecord[];
    expect(records.filter((r) => r.privateEndpointName === "cli-auto")).toHaveLength(4);
    expect(records.filter((r) => r.privateEndpointName === "cli-manual")).toHaveLength(4);
    expect(records.find((r) => r.privateEndpointName === "cli-auto")?.zone).toMatch(
      /^privatelink\./,
    );
  });

  it("prints one endpoint's records with --pe-name", async () => {
    const run = await dnsRecords("--pe-name", "cli-manual");
    const records = JSON.parse(run.stdout) as PrivateEndpointDnsRecord[];
    expect(new Set(records.map((r) => r.privateEndpointName))).toEqual(new Set(["cli-manual"]));
  });

  it("prints a hosts-file snippet with --format hosts, the wildcard commented out", async () => {
    const run = await dnsRecords("--pe-name", "cli-auto", "--format", "hosts");
    expect(run.exitCode).toBe(0);
    const lines = run.stdout.trimEnd().split("\n");
    expect(lines[0]).toBe("# private endpoint cli-auto");
    const entries = lines.filter((l) => !l.startsWith("#"));
    expect(entries).toHaveLength(3);
    for (const entry of entries) expect(entry).toMatch(/^10\.0\.0\.\d+ [a-z0-9.-]+\.(ms|net)$/);
    expect(lines.some((l) => /^# 10\.0\.0\.\d+ \*\./.test(l))).toBe(true);
  });

  it("prints a zone-file snippet with --format zone, by record set under each zone", async () => {
    const run = await dnsRecords("--pe-name", "cli-auto", "--format", "zone");
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain("$ORIGIN privatelink.api.azureml.ms.\n");
    expect(run.stdout).toContain("$ORIGIN privatelink.notebooks.azure.net.\n");
    expect(run.stdout).toMatch(/^[0-9a-f-]+\.workspace\.eastus2 10 IN A 10\.0\.0\.\d+$/m);
  });

  it("refuses an unknown --format as bad usage", async () => {
    const run = await dnsRecords("--format", "bind");
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain("hosts");
  });

  it("fails with exit code 1 for an endpoint the workspace does not have", async () => {
    const run = await dnsRecords("--pe-name", "nope");
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toContain("cli-auto");
  });

  it("is documented in --help", async () => {
    const run = await runBuiltCli(["workspace", "private-endpoint", "dns-records", "--help"]);
    expect(run.stdout).toContain("--format <format>");
    expect(run.stdout).toContain("--pe-name <name>");
  });
});

describe("DNS record snippets", () => {
  const records: PrivateEndpointDnsRecord[] = [
    {
      fqdn: "abc.workspace.eastus.api.azureml.ms",
      ipAddresses: ["10.0.0.4"],
      privateEndpointName: "pe",
      zone: "privatelink.api.azureml.ms",
      recordSetName: "abc.workspace.eastus",
      ttl: 10,
    },
    {
      fqdn: "abc2.cosmos.com",
      ipAddresses: ["192.168.0.5", "192.168.0.6"],
      privateEndpointName: "pe",
    },
  ];

  it("writes a hosts line per address", () => {
    expect(formatHostsFile(records)).toBe(
      "# private endpoint pe\n" +
        "10.0.0.4 abc.workspace.eastus.api.azureml.ms\n" +
        "192.168.0.5 abc2.cosmos.com\n" +
        "192.168.0.6 abc2.cosmos.com\n",
    );
  });

  it("writes zone records relative to their zone, and absolute names for the others", () => {
    expect(formatZoneFile(records)).toBe(
      "; private endpoint pe\n" +
        "$ORIGIN privatelink.api.azureml.ms.\n" +
        "abc.workspace.eastus 10 IN A 10.0.0.4\n" +
        "abc2.cosmos.com. IN A 192.168.0.5\n" +
        "abc2.cosmos.com. IN A 192.168.0.6\n",
    );
  });

  it("writes nothing for no records", () => {
    expect(formatHostsFile([])).toBe("");
    expect(formatZoneFile([])).toBe("");
  });
});
