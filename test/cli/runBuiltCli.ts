import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll } from "vitest";

/** The built command line, as the package's `bin` runs it. */
export const CLI_PATH = resolve(fileURLToPath(import.meta.url), "../../../dist/cli/main.js");

/** What a run of the command line produced. */
export interface CliRun {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Options of {@link runBuiltCli}. */
export interface RunOptions {
  /** The working directory; default: a fresh empty temporary folder (no config file above it). */
  cwd?: string;
  /** Extra environment variables. */
  env?: Record<string, string>;
}

/** Fails early, with the fix, when the CLI has not been built. */
export function assertCliBuilt(): void {
  if (!existsSync(CLI_PATH)) {
    throw new Error(`${CLI_PATH} is missing: run 'npm run build' first ('npm test' does).`);
  }
}

/** The folders {@link makeTempDir} made for the test file that imports this module. */
const madeFolders: string[] = [];

// Registered on the importing test file, whose runs are over by then.
afterAll(async () => {
  await Promise.all(madeFolders.splice(0).map((f) => rm(f, { recursive: true, force: true })));
});

/** A new empty folder under the system's temporary folder, removed after the test file. */
export async function makeTempDir(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), "azureml-workspace-cli-"));
  madeFolders.push(folder);
  return folder;
}

/**
 * Runs `node dist/cli/main.js ...args` as a child process and collects its output. The
 * environment is reduced to what Node needs, so no Azure variable of the machine leaks in.
 */
export async function runBuiltCli(
  args: readonly string[],
  options: RunOptions = {},
): Promise<CliRun> {
  const cwd = options.cwd ?? (await makeTempDir());
  const env: Record<string, string> = { PATH: process.env.PATH ?? "", HOME: cwd, ...options.env };
  const child = spawn(process.execPath, [CLI_PATH, ...args], {
    cwd,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  return new Promise((resolvePromise, reject) => {
    child.on("error", reject);
    child.on("close", (exitCode, signal) => resolvePromise({ exitCode, signal, stdout, stderr }));
  });
}
