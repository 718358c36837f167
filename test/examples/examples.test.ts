import { spawn } from "node:child_process";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = resolve(fileURLToPath(import.meta.url), "../../..");

interface ScriptRun {
  exitCode: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs an example as `npx tsx` would, with an environment that holds no Azure variable, so it
 * takes the local emulator.
 */
function runExample(file: string): Promise<ScriptRun> {
  const child = spawn(process.execPath, ["--import", "tsx", `examples/${file}`], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? ROOT },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  return new Promise((resolvePromise, reject) => {
    child.on("error", reject);
    child.on("close", (exitCode) => resolvePromise({ exitCode, stdout, stderr }));
  });
}

describe("the examples, against the local emulator", () => {
  it.concurrent("demo.ts runs the whole flow and ends public with one connection", async () => {
    const run = await runExample("demo.ts");
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain("Running against the local ARM emulator");
    // showOutput's progress lines go to stderr, as the Python SDK's do.
    expect(run.stderr).toMatch(/^Deployed Workspace with name myworkspace\. Took \d+ seconds\.$/m);
    expect(run.stderr).not.toMatch(/error/i);
    expect(run.stdout).toMatch(/Connection mysecondendpoint\.\S+ is Approved/);
    expect(run.stdout).toMatch(/Deleted mysecondendpoint\.\S+/);
    expect(run.stdout).toContain("publicNetworkAccess: Enabled");
    const finalState = run.stdout.slice(run.stdout.indexOf("== Final state"));
    expect(finalState).toMatch(/myprivateendpoint\.\S+: Approved/);
    expect(finalState).not.toContain("mysecondendpoint");
  });

  it.concurrent("createWorkspaceWithPrivateEndpoint.ts leaves an approved connection", async () => {
    const run = await runExample("createWorkspaceWithPrivateEndpoint.ts");
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toMatch(/Created \/subscriptions\/.+\/workspaces\/myworkspace/);
    expect(run.stdout).toMatch(
      /myprivateendpoint\.\S+: Approved \(.+\/privateEndpoints\/myprivateendpoint\)/,
    );
  });

  it.concurrent("addPrivateEndpoint.ts finds the workspace by its config file", async () => {
    const run = await runExample("addPrivateEndpoint.ts");
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toMatch(/Connection myprivateendpoint\.\S+ is Approved/);
  });

  it.concurrent(
    "removePrivateEndpoint.ts deletes the connection named in getDetails()",
    async () => {
      const run = await runExample("removePrivateEndpoint.ts");
      expect(run.exitCode).toBe(0);
      expect(run.stdout).toMatch(/Deleted private endpoint connection myprivateendpoint\.\S+/);
    },
  );

  it.concurrent("enablePublicAccess.ts opens the workspace", async () => {
    const run = await runExample("enablePublicAccess.ts");
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain("publicNetworkAccess: Enabled");
  });
});
