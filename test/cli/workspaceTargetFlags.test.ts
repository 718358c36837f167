import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { format } from "node:util";
import { AzureLogger, getLogLevel, setLogLevel } from "@azure/logger";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { sent, useCliAgainstEmulator } from "./inProcessCli.js";

const WORKSPACE = "/providers/Microsoft.MachineLearningServices/workspaces/";

describe("where the workspace comes from", () => {
  const cli = useCliAgainstEmulator();
  let projectFolder = "";

  beforeAll(async () => {
    const { subscriptionId, resourceGroup } = cli.emulator.world;
    for (const name of ["flagws", "configws"]) {
      const run = await cli.run(["workspace", "create", "-w", name, "-g", resourceGroup]);
      expect(run.exitCode).toBe(0);
    }
    projectFolder = await mkdtemp(join(tmpdir(), "cli-project-"));
    await mkdir(join(projectFolder, ".azureml"));
    await writeFile(
      join(projectFolder, ".azureml", "config.json"),
      JSON.stringify({
        subscription_id: subscriptionId,
        resource_group: resourceGroup,
        workspace_name: "configws",
      }),
    );
  });
  afterAll(async () => {
    await rm(projectFolder, { recursive: true, force: true });
  });

  it("uses the flags alone when they name the workspace completely", async () => {
    const run = await cli.run([
      "workspace",
      "show",
      "-w",
      "flagws",
      "-g",
      cli.emulator.world.resourceGroup,
      "--path",
      projectFolder,
    ]);

    expect(run.exitCode).toBe(0);
    expect(JSON.parse(run.stdout).name).toBe("flagws");
    // Only the flags' workspace is read, not the one the configuration file names.
    const read = new Set(run.requests.map((r) => `${r.method} ${r.path}`));
    expect([...read]).toEqual([expect.stringMatching(new RegExp(`^GET .*${WORKSPACE}flagws$`))]);
  });

  it("accepts --subscription-id, the spelling of older scripts", async () => {
    const { subscriptionId, resourceGroup } = cli.emulator.world;
    const run = await cli.run(
      [
        "workspace",
        "show",
        "-w",
        "flagws",
        "-g",
        resourceGroup,
        "--subscription-id",
        subscriptionId,
      ],
      { subscription: false },
    );

    expect(run.exitCode).toBe(0);
    expect(sent(run.requests, "GET", `${WORKSPACE}flagws`)[0]?.path).toMatch(
      new RegExp(`^/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/`),
    );
  });

  it("reads the configuration file from --path when flags are missing", async () => {
    const run = await cli.run(["workspace", "show", "--path", projectFolder], {
      subscription: false,
    });

    expect(run.exitCode).toBe(0);
    expect(JSON.parse(run.stdout).name).toBe("configws");
    expect(sent(run.requests, "GET", `${WORKSPACE}configws`).length).toBeGreaterThan(0);
  });

  it("takes the rest from the file when -w names another workspace, reading only that one", async () => {
    const run = await cli.run(["workspace", "show", "-w", "flagws", "--path", projectFolder], {
      subscription: false,
    });

    expect(run.exitCode).toBe(0);
    expect(JSON.parse(run.stdout).name).toBe("flagws");
    const read = run.requests.map((r) => `${r.method} ${r.path}`);
    expect(read).toEqual([expect.stringMatching(new RegExp(`^GET .*${WORKSPACE}flagws$`))]);
  });
});

describe("--verbose", () => {
  const cli = useCliAgainstEmulator();
  const show = () => [
    "workspace",
    "show",
    "-w",
    "verbosews",
    "-g",
    cli.emulator.world.resourceGroup,
  ];
  let levelBefore: ReturnType<typeof getLogLevel>;
  let logBefore: typeof AzureLogger.log;
  let logged: string[];

  beforeAll(async () => {
    expect((await cli.run(["workspace", "create", ...show().slice(2)])).exitCode).toBe(0);
  });
  beforeEach(() => {
    levelBefore = getLogLevel();
    logBefore = AzureLogger.log;
    logged = [];
    AzureLogger.log = (...args: unknown[]) => logged.push(format(...args));
    setLogLevel(undefined);
  });
  afterEach(() => {
    setLogLevel(levelBefore);
    AzureLogger.log = logBefore;
  });

  it("turns on the library's logging at level info, which logs each request", async () => {
    const run = await cli.run([...show(), "--verbose"]);

    expect(run.exitCode).toBe(0);
    expect(getLogLevel()).toBe("info");
    expect(
      logged.some((line) => line.includes("azureml-workspace") && line.includes("verbosews")),
    ).toBe(true);
  });

  it("leaves logging off without it", async () => {
    const run = await cli.run(show());

    expect(run.exitCode).toBe(0);
    expect(getLogLevel()).toBeUndefined();
    expect(logged).toEqual([]);
  });
});
