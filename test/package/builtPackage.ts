import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root: what `node_modules/azureml-workspace` of every consumer links to. */
export const REPO_ROOT = resolve(fileURLToPath(import.meta.url), "../../..");

/** A tool from the repository's own `node_modules/.bin`, so no test downloads anything. */
export function repoBin(name: string): string {
  return join(REPO_ROOT, "node_modules", ".bin", name);
}

/** The files a consumer loads: without them every test here would fail with a resolve error. */
const BUILT_FILES = [
  "dist/index.js",
  "dist/index.cjs",
  "dist/index.d.ts",
  "dist/index.d.cts",
  "dist/emulator/index.js",
  "dist/emulator/index.cjs",
  "dist/emulator/index.d.ts",
  "dist/emulator/index.d.cts",
  "dist/cli/main.js",
];

/** Fails early, with the fix, when the package has not been built. */
export function assertBuilt(): void {
  const missing = BUILT_FILES.filter((file) => !existsSync(join(REPO_ROOT, file)));
  if (missing.length > 0) {
    throw new Error(
      `The built package is missing ${missing.join(", ")}: run 'npm run build' first ` +
        "('npm test' does).",
    );
  }
}

/** A folder outside the repository that uses the package as an installed dependency. */
export interface Consumer {
  dir: string;
  /** Writes a file relative to the consumer folder and returns its absolute path. */
  write(path: string, text: string): Promise<string>;
  remove(): Promise<void>;
}

/** Options of {@link makeConsumer}. */
export interface ConsumerOptions {
  /** `"module"` writes `"type": "module"` into the consumer's package.json. */
  type: "module" | "commonjs";
  /** More packages of the repository's `node_modules` to link in, e.g. `ts-node`. */
  links?: readonly string[];
}

/**
 * Creates a consumer under the system's temporary folder, so that the root tsconfig does not
 * pick its files up. `node_modules/azureml-workspace` is a symlink to the repository: Node and
 * TypeScript follow it to its real path, so the package resolves through its `exports` map and
 * its dependencies from the repository's `node_modules`, as after an install.
 */
export async function makeConsumer(options: ConsumerOptions): Promise<Consumer> {
  const dir = await mkdtemp(join(tmpdir(), `azureml-workspace-${options.type}-`));
  const write = async (path: string, text: string): Promise<string> => {
    const file = join(dir, path);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, text);
    return file;
  };
  const pkg = {
    name: "consumer",
    private: true,
    ...(options.type === "module" ? { type: "module" } : {}),
  };
  await write("package.json", JSON.stringify(pkg, null, 2));
  await mkdir(join(dir, "node_modules"));
  await symlink(REPO_ROOT, join(dir, "node_modules", "azureml-workspace"), "dir");
  for (const name of options.links ?? []) {
    const link = join(dir, "node_modules", name);
    await mkdir(dirname(link), { recursive: true });
    await symlink(join(REPO_ROOT, "node_modules", name), link, "dir");
  }
  return { dir, write, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** What a child process produced. */
export interface Run {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Options of {@link run}. */
export interface RunOptions {
  cwd: string;
  /** Variables to add to the reduced environment. */
  env?: Record<string, string>;
  /** @defaultValue 45 s: a hung child is killed, so its test fails instead of timing out. */
  timeoutInMs?: number;
}

/**
 * Runs a command and collects its output. The environment is reduced to what Node needs, so no
 * Azure, proxy or npm variable of the machine or of `npm test` changes what the consumer does.
 */
export function run(command: string, args: readonly string[], options: RunOptions): Promise<Run> {
  const child = spawnReduced(command, args, options);
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  child.stdin.end();
  return new Promise((resolvePromise, reject) => {
    child.on("error", reject);
    child.on("close", (exitCode, signal) => resolvePromise({ exitCode, signal, stdout, stderr }));
  });
}

/** Spawns with the reduced environment of {@link run}; a child past its timeout is killed. */
function spawnReduced(
  command: string,
  args: readonly string[],
  options: RunOptions,
): ChildProcessWithoutNullStreams {
  const env: Record<string, string> = { PATH: process.env.PATH ?? "", HOME: options.cwd };
  if (process.env.TMPDIR) env.TMPDIR = process.env.TMPDIR;
  return spawn(command, args, {
    cwd: options.cwd,
    env: { ...env, ...options.env },
    stdio: ["pipe", "pipe", "pipe"],
    timeout: options.timeoutInMs ?? 45_000,
  });
}

/**
 * Limits how many children run at once: consumers are CPU-bound (TypeScript checks), so more of
 * them than there are cores only makes each slower.
 */
export function limitConcurrency(max: number): <T>(start: () => Promise<T>) => Promise<T> {
  let active = 0;
  const waiting: Array<() => void> = [];
  return async (start) => {
    if (active < max) active += 1;
    // A finished child hands its slot straight to the next waiting one.
    else await new Promise<void>((wake) => waiting.push(wake));
    try {
      return await start();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else active -= 1;
    }
  };
}

/** The JSON a consumer printed on its last line of stdout; the whole run in the error if not. */
export function printedJson<T>(result: Run): T {
  const lines = result.stdout.trim().split("\n");
  try {
    if (result.exitCode !== 0) throw new Error(`exit code ${result.exitCode}`);
    return JSON.parse(lines[lines.length - 1] ?? "") as T;
  } catch (error) {
    throw new Error(
      `The consumer did not print a JSON result (${String(error)}).\n` +
        `signal: ${result.signal}\nstdout:\n${result.stdout}\nstderr:\n${result.stderr}`,
    );
  }
}

/**
 * Drives an interactive REPL (`tsx` with `-i`, since stdin is a pipe): sends each line only
 * after the prompt came back, as a person typing into a notebook-style session would, and
 * returns the whole transcript once the REPL exits.
 */
export function runRepl(
  command: string,
  args: readonly string[],
  lines: readonly string[],
  options: RunOptions,
): Promise<Run> {
  const child = spawnReduced(command, args, options);
  const pending = [...lines, ".exit"];
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    stdout += chunk;
    // The prompt is written after the previous line, awaited promises included, has finished.
    if (stdout.endsWith("> ") && pending.length > 0) child.stdin.write(`${pending.shift()}\n`);
  });
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  return new Promise((resolvePromise, reject) => {
    child.on("error", reject);
    child.on("close", (exitCode, signal) => resolvePromise({ exitCode, signal, stdout, stderr }));
  });
}
