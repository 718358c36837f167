import { spawn } from "node:child_process";
import { beforeAll, describe, expect, it } from "vitest";
import { startEmulator } from "../../src/emulator/index.js";
import { CLI_PATH, assertCliBuilt, makeTempDir, runBuiltCli } from "./runBuiltCli.js";

beforeAll(() => assertCliBuilt());

interface EmulatorInfo {
  endpoint: string;
  subscriptionId: string;
  resourceGroup: string;
}

describe("emulator", () => {
  it("prints its endpoint as JSON, serves commands, and stops with exit 0 on SIGTERM", async () => {
    const cwd = await makeTempDir();
    const child = spawn(process.execPath, [CLI_PATH, "emulator", "--port", "0"], {
      cwd,
      env: { PATH: process.env.PATH ?? "", HOME: cwd },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    const exited = new Promise<number | null>((resolve) =>
      child.on("close", (code) => resolve(code)),
    );
    // Ready once stdout holds the whole JSON result and stderr the whole hint.
    const started = new Promise<EmulatorInfo>((resolve, reject) => {
      const check = (): void => {
        if (!stderr.includes("to each command.")) return;
        try {
          resolve(JSON.parse(stdout) as EmulatorInfo);
        } catch {
          // stdout not complete yet
        }
      };
      child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
        stdout += chunk;
        check();
      });
      child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
        stderr += chunk;
        check();
      });
      child.on("close", () => reject(new Error(`emulator exited early: ${stderr}`)));
    });

    const info = await started;
    expect(info.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(stderr).toContain(`export AZUREML_WORKSPACE_ENDPOINT=${info.endpoint}`);

    const run = await runBuiltCli(
      [
        "workspace",
        "create",
        "-w",
        "emuws",
        "-g",
        info.resourceGroup,
        "-l",
        "eastus2",
        "--update-interval-in-ms",
        "0",
      ],
      {
        env: {
          AZUREML_WORKSPACE_ENDPOINT: info.endpoint,
          AZURE_SUBSCRIPTION_ID: info.subscriptionId,
        },
      },
    );
    expect(run.stderr).not.toMatch(/^error:/m);
    expect(run.exitCode).toBe(0);

    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(stderr).toContain("Emulator stopped.");
  });

  it("refuses a port that is not a number with exit 2", async () => {
    const run = await runBuiltCli(["emulator", "--port", "http"]);
    expect(run.exitCode).toBe(2);
    expect(run.stderr.trimEnd().split("\n")).toHaveLength(1);
  });

  it("refuses a port already in use with exit 2, saying to pick another", async () => {
    const taken = await startEmulator();
    try {
      const port = new URL(taken.endpoint).port;
      const run = await runBuiltCli(["emulator", "--port", port]);

      expect(run.exitCode).toBe(2);
      expect(run.stdout).toBe("");
      expect(run.stderr.trimEnd().split("\n")).toEqual([
        `error: port ${port} on 127.0.0.1 is already in use: pass another --port, or --port 0 for a free one.`,
      ]);
    } finally {
      await taken.stop();
    }
  });
});
