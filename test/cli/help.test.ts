import { spawn } from "node:child_process";
import { beforeAll, describe, expect, it } from "vitest";
import { assertCliBuilt, CLI_PATH, makeTempDir, runBuiltCli } from "./runBuiltCli.js";

beforeAll(() => assertCliBuilt());

const COMMANDS = [
  [],
  ["workspace"],
  ["workspace", "create"],
  ["workspace", "show"],
  ["workspace", "update"],
  ["workspace", "delete"],
  ["workspace", "private-endpoint"],
  ["workspace", "private-endpoint", "add"],
  ["workspace", "private-endpoint", "list"],
  ["workspace", "private-endpoint", "delete"],
  ["workspace", "private-endpoint", "approve"],
  ["workspace", "private-endpoint", "reject"],
  ["workspace", "private-endpoint", "dns-records"],
  ["emulator"],
];

describe("--help", () => {
  it.concurrent.each(COMMANDS.map((path) => [path.join(" ") || "(root)", path] as const))(
    "of %s prints an example on stdout and exits 0",
    async (_name, path) => {
      const run = await runBuiltCli([...path, "--help"]);
      expect(run.exitCode).toBe(0);
      expect(run.stderr).toBe("");
      expect(run.stdout).toContain("Examples:");
      expect(run.stdout).toMatch(new RegExp(`\\$ azureml-workspace ${path.join(" ")}`));
    },
  );

  it("of workspace create says auto-approval is off unless given, unlike the Python SDK", async () => {
    const run = await runBuiltCli(["workspace", "create", "--help"]);
    expect(run.stdout).toMatch(/--pe-auto-approval/);
    expect(run.stdout.replace(/\s+/g, " ")).toContain("Off unless given, as in the az ml CLI");
  });

  it("of the root documents the credential choice for the emulator and the exit codes", async () => {
    const run = await runBuiltCli(["--help"]);
    const text = run.stdout.replace(/\s+/g, " ");
    expect(text).toContain("DefaultAzureCredential");
    expect(text).toContain("loopback URL");
    expect(text).toContain("2: bad usage");
  });

  it("shows the global options on a subcommand", async () => {
    const run = await runBuiltCli(["workspace", "private-endpoint", "list", "--help"]);
    expect(run.stdout).toContain("Global Options:");
    expect(run.stdout).toContain("--endpoint <url>");
  });
});

describe("--version", () => {
  it("prints the package version", async () => {
    const run = await runBuiltCli(["--version"]);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toMatch(/^\d+\.\d+\.\d+/);
  });
});

describe("a reader that closes stdout early", () => {
  it("as '| head' does, ends the command quietly instead of crashing on EPIPE", async () => {
    const cwd = await makeTempDir();
    const child = spawn(process.execPath, [CLI_PATH, "workspace", "create", "--help"], {
      cwd,
      env: { PATH: process.env.PATH ?? "", HOME: cwd },
      stdio: ["ignore", "pipe", "pipe"],
    });
    // Closed before the CLI has started, so its first write finds no reader.
    child.stdout.destroy();
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));

    const exitCode = await new Promise<number | null>((resolve, reject) => {
      child.on("error", reject);
      child.on("close", (code) => resolve(code));
    });

    expect(stderr).toBe("");
    expect(exitCode).toBe(0);
  });
});
