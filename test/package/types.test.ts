import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  REPO_ROOT,
  assertBuilt,
  limitConcurrency,
  makeConsumer,
  repoBin,
  run,
  type Consumer,
  type Run,
} from "./builtPackage.js";

/** A strict consumer with skipLibCheck off, so errors in the shipped declarations show too. */
const STRICT = { strict: true, skipLibCheck: false, noEmit: true, types: ["node"] };
const NODENEXT = { ...STRICT, module: "nodenext", target: "es2022" };

/** The ES module consumer: every public type this package documents, used as a user would. */
const CONSUMER_MTS = `import {
  ArmClient,
  ArmError,
  PrivateEndpointConfig,
  Workspace,
  isArmError,
  type PrivateEndpointConnectionInfo,
  type WorkspaceDetails,
} from "azureml-workspace";
import { startEmulator, type RunningEmulator } from "azureml-workspace/emulator";

const emulator: RunningEmulator = await startEmulator({ seed: true });
const pe = new PrivateEndpointConfig({ name: "pe", vnetName: emulator.world.vnetName });
// The emulator's client options must fit the workspace's, although each entry point has its own
// declaration file.
const ws: Workspace = await Workspace.create({
  name: "ws",
  subscriptionId: emulator.world.subscriptionId,
  resourceGroup: emulator.world.resourceGroup,
  location: emulator.world.location,
  privateEndpointConfig: pe,
  showOutput: false,
  updateIntervalInMs: 0,
  ...emulator.clientOptions,
});
const details: WorkspaceDetails = await ws.getDetails();
const statuses: string[] = details.privateEndpointConnections.map(
  (c) => c.properties?.privateLinkServiceConnectionState?.status ?? "",
);
const connections: PrivateEndpointConnectionInfo[] = await ws.privateEndpoints();
const arm = new ArmClient(emulator.credential, {
  endpoint: emulator.endpoint,
  allowInsecureLoopback: true,
});
try {
  await arm.sendRequest<{ name: string }>({
    method: "GET",
    path: "/subscriptions",
    apiVersion: "2021-04-01",
  });
} catch (error) {
  if (error instanceof ArmError) console.log(error.statusCode, error.code, error.requestId);
  if (isArmError(error, 404)) console.log(error.details);
}
console.log(statuses, connections[0]?.status);
await emulator.stop();
`;

/** The CommonJS consumer: the same types through the "require" conditions (.d.cts). */
const CONSUMER_CTS = `import {
  ArmClient,
  ArmError,
  PrivateEndpointConfig,
  Workspace,
} from "azureml-workspace";
import type { WorkspaceDetails } from "azureml-workspace";
import { startEmulator } from "azureml-workspace/emulator";
import type { RunningEmulator } from "azureml-workspace/emulator";

export async function flow(): Promise<WorkspaceDetails> {
  const emulator: RunningEmulator = await startEmulator({ seed: true });
  try {
    const ws = await Workspace.create({
      name: "ws",
      subscriptionId: emulator.world.subscriptionId,
      resourceGroup: emulator.world.resourceGroup,
      location: emulator.world.location,
      privateEndpointConfig: new PrivateEndpointConfig({ name: "pe", vnetName: "myvnet" }),
      ...emulator.clientOptions,
    });
    const arm: ArmClient = new ArmClient(emulator.credential, { endpoint: emulator.endpoint });
    const error: ArmError | undefined = await arm.sendRequest({ method: "GET", path: "/" }).then(
      () => undefined,
      (e: unknown) => (e instanceof ArmError ? e : undefined),
    );
    console.log(error?.statusCode);
    return await ws.getDetails();
  } finally {
    await emulator.stop();
  }
}
`;

/**
 * Three wrong uses, one a line: a misspelt option, a write to a read-only property and a missing
 * required option. Each must be reported on its own line; anything else means the types did
 * not resolve as they should.
 */
const WRONG_MTS = `import { PrivateEndpointConfig, Workspace } from "azureml-workspace";
import { startEmulator } from "azureml-workspace/emulator";
const emulator = await startEmulator({ seed: true });
const options = { subscriptionId: "s", resourceGroup: "g", ...emulator.clientOptions };
await Workspace.create({ name: "ws", location: "eastus2", ...options, showOuput: false });
(await Workspace.get("ws", options)).name = "other";
new PrivateEndpointConfig({ name: "pe" });
`;

/**
 * A consumer compiled with module commonjs, whose resolution ignores the exports map (what
 * ts-node users in CommonJS projects get): only typesVersions finds the emulator's types.
 */
const CLASSIC_TS = `import { Workspace } from "azureml-workspace";
import { startEmulator, type RunningEmulator } from "azureml-workspace/emulator";

export async function open(): Promise<Workspace> {
  const emulator: RunningEmulator = await startEmulator({ seed: true });
  const options = { subscriptionId: "s", resourceGroup: "g", ...emulator.clientOptions };
  return Workspace.get("ws", options);
}
`;

let consumer: Consumer;
const checks = new Map<string, Promise<Run>>();

beforeAll(async () => {
  assertBuilt();
  consumer = await makeConsumer({ type: "module", links: ["@types/node"] });
  const project = (name: string, files: string[], options: object) =>
    consumer.write(name, JSON.stringify({ compilerOptions: options, files }, null, 2));
  await Promise.all([
    consumer.write("consumer.mts", CONSUMER_MTS),
    consumer.write("consumer.cts", CONSUMER_CTS),
    consumer.write("wrong.mts", WRONG_MTS),
    consumer.write("classic.ts", CLASSIC_TS),
    project("tsconfig.json", ["consumer.mts", "consumer.cts"], NODENEXT),
    project("tsconfig.wrong.json", ["wrong.mts"], NODENEXT),
    // Only resolution is in question here; the declarations themselves are checked above.
    project("tsconfig.classic.json", ["classic.ts"], {
      ...STRICT,
      skipLibCheck: true,
      module: "commonjs",
      target: "es2022",
    }),
  ]);

  const limit = limitConcurrency(2);
  for (const name of ["tsconfig.json", "tsconfig.wrong.json", "tsconfig.classic.json"]) {
    const args = ["-p", name, "--listFiles", "--pretty", "false"];
    checks.set(
      name,
      limit(() => run(repoBin("tsc"), args, { cwd: consumer.dir })),
    );
  }
}, 60_000);

afterAll(async () => {
  await Promise.allSettled(checks.values());
  await consumer?.remove();
});

async function check(name: string): Promise<{ result: Run; files: string[]; errors: string[] }> {
  const result = (await checks.get(name))!;
  const lines = result.stdout.split("\n").filter(Boolean);
  return {
    result,
    errors: lines.filter((line) => line.includes(": error TS")),
    files: lines.filter((line) => !line.includes(": error TS")),
  };
}

const dist = (file: string): string => join(REPO_ROOT, "dist", file);

describe("the published declarations, as a strict nodenext consumer sees them", () => {
  it("typecheck an .mts and a .cts consumer of the public types", async () => {
    const { result, errors } = await check("tsconfig.json");

    expect(errors).toEqual([]);
    expect(result.exitCode).toBe(0);
  }, 60_000);

  it("resolve through the exports map: .d.ts for import, .d.cts for require", async () => {
    const { files } = await check("tsconfig.json");

    expect(files).toEqual(
      expect.arrayContaining([
        dist("index.d.ts"),
        dist("index.d.cts"),
        dist("emulator/index.d.ts"),
        dist("emulator/index.d.cts"),
      ]),
    );
  }, 60_000);

  it("report a misspelt option, a read-only write and a missing option", async () => {
    const { result, errors } = await check("tsconfig.wrong.json");

    expect(result.exitCode).not.toBe(0);
    expect(
      errors.map((line) => line.replace(/^wrong\.mts\((\d+),\d+\).*?(TS\d+).*$/, "$1 $2")),
    ).toEqual([
      "5 TS2561", // Object literal may only specify known properties ... Did you mean 'showOutput'?
      "6 TS2540", // Cannot assign to 'name' because it is a read-only property.
      "7 TS2345", // Property 'vnetName' is missing.
    ]);
    expect(errors[0]).toContain("'showOuput'");
  }, 60_000);
});

describe("the published declarations, for a module commonjs consumer", () => {
  it("typecheck the main entry point and the emulator subpath", async () => {
    const { result, errors, files } = await check("tsconfig.classic.json");

    expect(errors).toEqual([]);
    expect(result.exitCode).toBe(0);
    expect(files).toEqual(
      expect.arrayContaining([dist("index.d.ts"), dist("emulator/index.d.ts")]),
    );
  }, 60_000);
});
