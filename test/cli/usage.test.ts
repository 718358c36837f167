import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator } from "../../src/emulator/index.js";
import type { RunningEmulator } from "../../src/emulator/index.js";
import { assertCliBuilt, makeTempDir, runBuiltCli } from "./runBuiltCli.js";
import type { CliRun } from "./runBuiltCli.js";

let emulator: RunningEmulator;

beforeAll(async () => {
  assertCliBuilt();
  emulator = await startEmulator({ latencyInMs: 0, seed: true });
});

afterAll(async () => {
  await emulator?.stop();
});

/** Exit 2 with exactly one line on stderr, starting with "error:", and no stack trace. */
function expectUsageError(run: CliRun): void {
  expect(run.exitCode).toBe(2);
  expect(run.stdout).toBe("");
  const lines = run.stderr.trimEnd().split("\n");
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^error: /);
  expect(run.stderr).not.toContain("    at ");
}

describe("bad usage exits 2 with one line", () => {
  it.concurrent("for an unknown flag, naming it and the command's help", async () => {
    const run = await runBuiltCli(["workspace", "show", "--wrkspace-name", "x"]);
    expectUsageError(run);
    expect(run.stderr).toContain("--wrkspace-name");
    expect(run.stderr).toContain("azureml-workspace workspace show --help");
  });

  it.concurrent("for an unknown command, with a suggestion", async () => {
    const run = await runBuiltCli(["workspace", "private-endpoint", "ad"]);
    expectUsageError(run);
    expect(run.stderr).toContain("Did you mean add?");
  });

  it.concurrent("for a boolean flag that is not true or false", async () => {
    const run = await runBuiltCli([
      "workspace",
      "update",
      "-w",
      "x",
      "--allow-public-access",
      "maybe",
    ]);
    expectUsageError(run);
    expect(run.stderr).toContain("expected true or false, got 'maybe'");
  });

  it.concurrent("for an --output format that does not exist", async () => {
    expectUsageError(await runBuiltCli(["workspace", "show", "--output", "yaml"]));
  });

  it.concurrent("for a tag without a key", async () => {
    expectUsageError(
      await runBuiltCli(["workspace", "create", "-w", "x", "-g", "g", "--tags", "=v"]),
    );
  });

  it.concurrent("for --pe-name without --pe-vnet-name", async () => {
    const run = await runBuiltCli([
      "workspace",
      "create",
      "-w",
      "abc",
      "-g",
      "rg",
      "--subscription",
      emulator.world.subscriptionId,
      "--endpoint",
      emulator.endpoint,
      "--update-interval-in-ms",
      "0",
      "--pe-name",
      "pe",
    ]);
    expectUsageError(run);
    expect(run.stderr).toContain("--pe-vnet-name");
  });

  it.concurrent("for private-endpoint delete without --pe-connection-name", async () => {
    const run = await runBuiltCli([
      "workspace",
      "private-endpoint",
      "delete",
      "-w",
      "x",
      "-g",
      "y",
    ]);
    expectUsageError(run);
    expect(run.stderr).toContain("--pe-connection-name");
  });

  it.concurrent("for update without anything to update", async () => {
    const run = await runBuiltCli(["workspace", "update", "-w", "x", "-g", "y"]);
    expectUsageError(run);
    expect(run.stderr).toContain("--allow-public-access");
  });

  it.concurrent("for an invalid workspace name, before any request", async () => {
    const run = await runBuiltCli([
      "workspace",
      "create",
      "-w",
      "a",
      "-g",
      emulator.world.resourceGroup,
      "--subscription",
      emulator.world.subscriptionId,
      "--endpoint",
      emulator.endpoint,
      "--update-interval-in-ms",
      "0",
    ]);
    expectUsageError(run);
  });

  it.concurrent("for workspace with no subcommand, printing the help on stderr", async () => {
    const run = await runBuiltCli(["workspace"]);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain("Usage: azureml-workspace workspace");
  });
});

describe("configuration file", () => {
  it.concurrent("missing: exit 2, naming the flags to pass and every path tried", async () => {
    const cwd = await makeTempDir();
    const run = await runBuiltCli(["workspace", "show"], { cwd });
    expectUsageError(run);
    expect(run.stderr).toContain("-w/--workspace-name");
    expect(run.stderr).toContain(join(cwd, ".azureml", "config.json"));
    expect(run.stderr).toContain(join(cwd, "aml_config", "project.json"));
    expect(run.stderr).toContain(join(cwd, "config.json"));
  });

  it.concurrent("malformed: exit 2, naming the file and the missing key", async () => {
    const cwd = await makeTempDir();
    await mkdir(join(cwd, ".azureml"));
    await writeFile(join(cwd, ".azureml", "config.json"), JSON.stringify({ workspace_name: "w" }));
    const run = await runBuiltCli(
      ["workspace", "show", "--endpoint", emulator.endpoint, "--update-interval-in-ms", "0"],
      { cwd },
    );
    expectUsageError(run);
    expect(run.stderr).toContain(join(cwd, ".azureml", "config.json"));
    expect(run.stderr).toContain("subscription_id");
  });

  it.concurrent("found in a parent folder: the workspace it names is used", async () => {
    const cwd = await makeTempDir();
    const created = await runBuiltCli([
      "workspace",
      "create",
      "-w",
      "cliconfigws",
      "-g",
      emulator.world.resourceGroup,
      "-l",
      emulator.world.location,
      "--subscription",
      emulator.world.subscriptionId,
      "--endpoint",
      emulator.endpoint,
      "--update-interval-in-ms",
      "0",
    ]);
    expect(created.exitCode).toBe(0);
    await mkdir(join(cwd, ".azureml"));
    await writeFile(
      join(cwd, ".azureml", "config.json"),
      JSON.stringify({
        subscription_id: emulator.world.subscriptionId,
        resource_group: emulator.world.resourceGroup,
        workspace_name: "cliconfigws",
      }),
    );
    const nested = join(cwd, "project", "src");
    await mkdir(nested, { recursive: true });

    const run = await runBuiltCli(["workspace", "show", "--update-interval-in-ms", "0"], {
      cwd: nested,
      env: { AZUREML_WORKSPACE_ENDPOINT: emulator.endpoint },
    });
    expect(run.stderr).toBe("");
    expect(run.exitCode).toBe(0);
    expect(JSON.parse(run.stdout).name).toBe("cliconfigws");
  });

  it.concurrent("workspace create takes the resource group and subscription from it", async () => {
    const cwd = await makeTempDir();
    await mkdir(join(cwd, ".azureml"));
    // The file names another workspace: create only borrows where it lives.
    await writeFile(
      join(cwd, ".azureml", "config.json"),
      JSON.stringify({
        subscription_id: emulator.world.subscriptionId,
        resource_group: emulator.world.resourceGroup,
        workspace_name: "someotherws",
      }),
    );

    const run = await runBuiltCli(
      ["workspace", "create", "-w", "cliconfigcreatews", "--update-interval-in-ms", "0"],
      { cwd, env: { AZUREML_WORKSPACE_ENDPOINT: emulator.endpoint } },
    );

    expect(run.exitCode).toBe(0);
    expect(JSON.parse(run.stdout).id).toBe(
      `/subscriptions/${emulator.world.subscriptionId}/resourceGroups/` +
        `${emulator.world.resourceGroup}/providers/Microsoft.MachineLearningServices/` +
        "workspaces/cliconfigcreatews",
    );
  });
});

describe("failures reported by Azure exit 1", () => {
  it.concurrent("a workspace that does not exist", async () => {
    const run = await runBuiltCli([
      "workspace",
      "show",
      "-w",
      "nosuchworkspace",
      "-g",
      emulator.world.resourceGroup,
      "--subscription",
      emulator.world.subscriptionId,
      "--endpoint",
      emulator.endpoint,
      "--update-interval-in-ms",
      "0",
    ]);
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toBe("");
    const lines = run.stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^error: .*nosuchworkspace/);
  });

  it.concurrent("an operation that ARM ends Failed, naming ARM's error code", async () => {
    const target = [
      "-w",
      "clifailws",
      "-g",
      emulator.world.resourceGroup,
      "--subscription",
      emulator.world.subscriptionId,
      "--endpoint",
      emulator.endpoint,
      "--update-interval-in-ms",
      "0",
    ];
    const created = await runBuiltCli([
      "workspace",
      "create",
      "-l",
      emulator.world.location,
      ...target,
    ]);
    expect(created.exitCode).toBe(0);
    emulator.addFault({
      kind: "fail",
      method: "PATCH",
      path: "/workspaces/clifailws",
      error: { code: "WorkspaceUpdateRefused", message: "The update was refused." },
    });

    const run = await runBuiltCli([
      "workspace",
      "update",
      "--allow-public-access",
      "true",
      ...target,
    ]);
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr.trimEnd().split("\n").at(-1)).toMatch(/^error: .*WorkspaceUpdateRefused/);
    expect(run.stderr).not.toContain("    at ");
  });

  it.concurrent("with --verbose, the stack trace follows the error line", async () => {
    const run = await runBuiltCli([
      "workspace",
      "show",
      "-w",
      "nosuchworkspace",
      "-g",
      emulator.world.resourceGroup,
      "--subscription",
      emulator.world.subscriptionId,
      "--endpoint",
      emulator.endpoint,
      "--update-interval-in-ms",
      "0",
      "--verbose",
    ]);
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toMatch(/^error: .*nosuchworkspace/m);
    expect(run.stderr).toContain("    at ");
  });
});

describe("--verbose", () => {
  const missingWorkspace = () => [
    "workspace",
    "show",
    "-w",
    "noverbosews",
    "-g",
    emulator.world.resourceGroup,
    "--subscription",
    emulator.world.subscriptionId,
    "--endpoint",
    emulator.endpoint,
    "--verbose",
  ];

  it.concurrent("logs each request at @azure/logger's info level on stderr", async () => {
    const run = await runBuiltCli(missingWorkspace());

    expect(run.exitCode).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(
      /^azure:azureml-workspace:info GET \S+\/workspaces\/noverbosews\S* failed 404 ResourceNotFound/m,
    );
  });

  it.concurrent(
    "keeps the wire dumps of AZURE_LOG_LEVEL=verbose rather than lowering it",
    async () => {
      const run = await runBuiltCli(missingWorkspace(), { env: { AZURE_LOG_LEVEL: "verbose" } });

      expect(run.exitCode).toBe(1);
      expect(run.stderr).toContain("azure:azureml-workspace:verbose Request:");
    },
  );
});
