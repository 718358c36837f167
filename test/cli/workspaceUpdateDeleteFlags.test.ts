import { describe, expect, it } from "vitest";
import { API_VERSIONS } from "../../src/workspace/apiVersions.js";
import { armRequest, bodyOf, sent, sentOnce, useCliAgainstEmulator } from "./inProcessCli.js";

const WORKSPACE = "/providers/Microsoft.MachineLearningServices/workspaces/";

describe("workspace update and delete", () => {
  const cli = useCliAgainstEmulator();
  const target = (name: string) => ["-w", name, "-g", cli.emulator.world.resourceGroup];

  async function createWorkspace(name: string): Promise<void> {
    const run = await cli.run(["workspace", "create", ...target(name)]);
    expect(run.exitCode).toBe(0);
  }

  async function dependentsOf(name: string): Promise<string[]> {
    const run = await cli.run(["workspace", "show", ...target(name)]);
    const { storageAccount, keyVault, applicationInsights } = JSON.parse(run.stdout).properties;
    return [storageAccount, keyVault, applicationInsights];
  }

  it.each([
    { flag: "true", access: "Enabled" },
    { flag: "false", access: "Disabled" },
  ])(
    "sends --allow-public-access $flag as publicNetworkAccess $access",
    async ({ flag, access }) => {
      const name = `publicaccess${flag}ws`;
      await createWorkspace(name);

      const run = await cli.run([
        "workspace",
        "update",
        ...target(name),
        "--allow-public-access",
        flag,
      ]);

      expect(run.exitCode).toBe(0);
      expect(bodyOf(run.requests, "PATCH", `${WORKSPACE}${name}`)).toEqual({
        properties: { publicNetworkAccess: access },
      });
      expect(JSON.parse(run.stdout).properties.publicNetworkAccess).toBe(access);
    },
  );

  it("refuses --public-network-access together with --allow-public-access, sending nothing", async () => {
    const run = await cli.run([
      "workspace",
      "update",
      ...target("conflictws"),
      "--allow-public-access",
      "true",
      "--public-network-access",
      "Enabled",
    ]);

    expect(run.exitCode).toBe(2);
    expect(run.stderr).toMatch(/--public-network-access/);
    expect(run.requests).toEqual([]);
  });

  it("deletes only the workspace without --all-resources", async () => {
    await createWorkspace("keepdependentsws");
    const dependents = await dependentsOf("keepdependentsws");

    const run = await cli.run(["workspace", "delete", ...target("keepdependentsws")]);

    expect(run.exitCode).toBe(0);
    expect(run.stdout).toBe("");
    expect(sent(run.requests, "DELETE", /./).map((r) => r.path)).toEqual([
      expect.stringMatching(/\/workspaces\/keepdependentsws$/),
    ]);
    const arm = armRequest(cli.emulator);
    const [storage, vault] = await Promise.all([
      arm("GET", dependents[0]!, API_VERSIONS.storage),
      arm("GET", dependents[1]!, API_VERSIONS.keyVault),
    ]);
    expect([storage.status, vault.status]).toEqual([200, 200]);
  });

  it("also deletes the storage account, key vault and Application Insights with --all-resources", async () => {
    await createWorkspace("dropdependentsws");
    const dependents = await dependentsOf("dropdependentsws");

    const run = await cli.run([
      "workspace",
      "delete",
      ...target("dropdependentsws"),
      "--all-resources",
    ]);

    expect(run.exitCode).toBe(0);
    const deleted = sent(run.requests, "DELETE", /./).map((r) => r.path.toLowerCase());
    for (const id of dependents) expect(deleted).toContain(id.toLowerCase());
    // The Log Analytics workspace made for the Application Insights component goes as well.
    expect(
      deleted.some((path) => path.includes("/microsoft.operationalinsights/workspaces/")),
    ).toBe(true);
  });

  it("leaves the workspace soft-deleted (no forceToPurge) without --permanently-delete", async () => {
    await createWorkspace("softdeletews");

    const run = await cli.run(["workspace", "delete", ...target("softdeletews")]);

    expect(run.exitCode).toBe(0);
    const url = new URL(sentOnce(run.requests, "DELETE", `${WORKSPACE}softdeletews`).url);
    expect(url.searchParams.has("forceToPurge")).toBe(false);
  });

  it("purges the workspace with --permanently-delete (forceToPurge=true)", async () => {
    await createWorkspace("purgews");

    const run = await cli.run([
      "workspace",
      "delete",
      ...target("purgews"),
      "--permanently-delete",
    ]);

    expect(run.exitCode).toBe(0);
    const url = new URL(sentOnce(run.requests, "DELETE", `${WORKSPACE}purgews`).url);
    expect(url.searchParams.get("forceToPurge")).toBe("true");
  });
});
