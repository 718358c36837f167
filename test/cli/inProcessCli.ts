import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll } from "vitest";
import { runCli } from "../../src/cli/runCli.js";
import { startEmulator } from "../../src/emulator/index.js";
import type {
  EmulatorOptions,
  RecordedExchange,
  RunningEmulator,
} from "../../src/emulator/index.js";

/** What one in-process run of the command line produced, and what it sent. */
export interface InProcessRun {
  exitCode: number;
  stdout: string;
  stderr: string;
  /** The exchanges the emulator recorded during the run. */
  requests: RecordedExchange[];
}

/** Options of {@link CliAgainstEmulator.run}. */
export interface InProcessRunOptions {
  /** The environment the command line sees; default: empty. */
  env?: Record<string, string>;
  /** Append `--subscription <the demo world's>`; default: true. */
  subscription?: boolean;
}

/** The command line, run in this process against one emulator. */
export interface CliAgainstEmulator {
  readonly emulator: RunningEmulator;
  /**
   * Runs the command line with `--endpoint`, `--update-interval-in-ms 0` and (unless told
   * otherwise) `--subscription` appended, and `--path` at an empty folder unless `args` give one,
   * so that no configuration file around the test run is read.
   */
  run(args: readonly string[], options?: InProcessRunOptions): Promise<InProcessRun>;
}

/**
 * Starts an emulator (latency 0) before the tests of the enclosing `describe` and stops it after
 * them.
 *
 * @param options - The emulator's options; default: the seeded demo world.
 * @returns The command line against it, usable inside tests and hooks.
 */
export function useCliAgainstEmulator(
  options: EmulatorOptions = { seed: true },
): CliAgainstEmulator {
  let emulator: RunningEmulator | undefined;
  let emptyFolder = "";

  beforeAll(async () => {
    emptyFolder = await mkdtemp(join(tmpdir(), "cli-no-config-"));
    emulator = await startEmulator({ latencyInMs: 0, ...options });
  });
  afterAll(async () => {
    await emulator?.stop();
    await rm(emptyFolder, { recursive: true, force: true });
  });

  const started = (): RunningEmulator => {
    if (emulator === undefined) throw new Error("the emulator starts in beforeAll");
    return emulator;
  };

  return {
    get emulator() {
      return started();
    },
    async run(args, { env = {}, subscription = true } = {}) {
      const { endpoint, requests, world } = started();
      const from = requests.length;
      let stdout = "";
      let stderr = "";
      const exitCode = await runCli(
        [
          ...args,
          "--endpoint",
          endpoint,
          "--update-interval-in-ms",
          "0",
          ...(subscription ? ["--subscription", world.subscriptionId] : []),
          ...(args.includes("--path") ? [] : ["--path", emptyFolder]),
        ],
        {
          writeOut: (text) => (stdout += text),
          writeErr: (text) => (stderr += text),
          env,
          abortSignal: new AbortController().signal,
        },
      );
      return { exitCode, stdout, stderr, requests: requests.slice(from) };
    },
  };
}

/**
 * The exchanges with a method and a path ending in `pathEnd` (a resource type and name such as
 * `/privateEndpoints/mype`, or a regular expression).
 */
export function sent(
  requests: readonly RecordedExchange[],
  method: string,
  pathEnd: string | RegExp,
): RecordedExchange[] {
  return requests.filter(
    (r) =>
      r.method === method &&
      (typeof pathEnd === "string" ? r.path.endsWith(pathEnd) : pathEnd.test(r.path)),
  );
}

/** The only exchange with that method and path end; throws, listing what was sent, otherwise. */
export function sentOnce(
  requests: readonly RecordedExchange[],
  method: string,
  pathEnd: string | RegExp,
): RecordedExchange {
  const matching = sent(requests, method, pathEnd);
  if (matching.length !== 1) {
    const list = requests.map((r) => `${r.method} ${r.path} ${r.status}`).join("\n  ");
    throw new Error(`expected one ${method} …${pathEnd}, got ${matching.length}; sent:\n  ${list}`);
  }
  return matching[0]!;
}

/** The body of the only PUT (or PATCH) on that path end, as ARM received it. */
export function bodyOf(
  requests: readonly RecordedExchange[],
  method: "PUT" | "PATCH",
  pathEnd: string | RegExp,
): any {
  return sentOnce(requests, method, pathEnd).requestBody;
}

/** A second ARM client for setting the scene: plain fetch with a bearer token. */
export function armRequest(emulator: RunningEmulator) {
  return async function send(
    method: string,
    path: string,
    apiVersion: string,
    body?: unknown,
  ): Promise<{ status: number; body: any }> {
    const url = new URL(path, emulator.endpoint);
    url.searchParams.set("api-version", apiVersion);
    let response = await fetch(url, {
      method,
      headers: { authorization: "Bearer test-token", "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    // Latency 0: one poll of the operation finishes it; the resource is then read back.
    const poll = response.headers.get("azure-asyncoperation") ?? response.headers.get("location");
    if (method === "PUT" && poll !== null && response.status >= 200 && response.status < 300) {
      await (await fetch(poll, { headers: { authorization: "Bearer test-token" } })).text();
      response = await fetch(url, { headers: { authorization: "Bearer test-token" } });
    }
    const text = await response.text();
    return { status: response.status, body: text === "" ? undefined : JSON.parse(text) };
  };
}
