import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  REPO_ROOT,
  assertBuilt,
  makeConsumer,
  printedJson,
  limitConcurrency,
  repoBin,
  run,
  runRepl,
  type Consumer,
  type Run,
} from "./builtPackage.js";
import { ENDPOINT_NAME, flowSource, type FlowResult } from "./flowSource.js";

/** A wrong use of the public types: ts-node must refuse to run it. */
const MISSPELT_OPTION = `import { PrivateEndpointConfig } from "azureml-workspace";
console.log(new PrivateEndpointConfig({ name: "pe", vnetNmae: "myvnet" }));
`;

/** A notebook-style session: the REPL refuses static imports, so it uses import(). */
const REPL_LINES = [
  'const { startEmulator } = await import("azureml-workspace/emulator");',
  "const emulator = await startEmulator({ seed: true });",
  'const { PrivateEndpointConfig, Workspace } = await import("azureml-workspace");',
  "const { subscriptionId, resourceGroup, location, vnetName } = emulator.world;",
  'const ws = await Workspace.create({ name: "replws", subscriptionId, resourceGroup, location, ' +
    'privateEndpointConfig: new PrivateEndpointConfig({ name: "replpe", vnetName }), ' +
    "showOutput: false, updateIntervalInMs: 0, ...emulator.clientOptions });",
  "const statuses: string[] = (await ws.privateEndpoints()).map((c) => c.status);",
  "JSON.stringify(statuses)",
  "await emulator.stop();",
];

/** The TypeScript settings of each kind of consumer: strict, so ts-node's check means something. */
const TSCONFIG_ESM = { module: "nodenext", target: "es2022", strict: true, types: ["node"] };
const TSCONFIG_CJS = { module: "commonjs", target: "es2022", strict: true, types: ["node"] };

let esm: Consumer;
let cjs: Consumer;
/** Every consumer is started in `beforeAll`, so they run in parallel; each test awaits its own. */
const runs = new Map<string, Promise<Run>>();

beforeAll(async () => {
  assertBuilt();
  const links = ["ts-node", "typescript", "@types/node"];
  [esm, cjs] = await Promise.all([
    makeConsumer({ type: "module", links }),
    makeConsumer({ type: "commonjs", links }),
  ]);
  await Promise.all([
    esm.write("flow.mjs", flowSource("esm")),
    esm.write("flow.ts", flowSource("ts-esm")),
    esm.write("tsconfig.json", JSON.stringify({ compilerOptions: TSCONFIG_ESM })),
    cjs.write("flow.cjs", flowSource("cjs")),
    cjs.write("flow.ts", flowSource("ts-cjs")),
    cjs.write("tsconfig.json", JSON.stringify({ compilerOptions: TSCONFIG_CJS })),
    esm.write("misspelt.ts", MISSPELT_OPTION),
    cjs.write("misspelt.ts", MISSPELT_OPTION),
  ]);

  const node = process.execPath;
  const tsNodeEsm = (file: string): string[] => ["--loader", "ts-node/esm", file];
  // Two at a time: the TypeScript consumers are CPU-bound and the machine may have two cores.
  const limit = limitConcurrency(2);
  const start = (name: string, command: string, args: string[], consumer: Consumer): void => {
    runs.set(
      name,
      limit(() => run(command, args, { cwd: consumer.dir })),
    );
  };
  start("esm", node, ["flow.mjs"], esm);
  start("cjs", node, ["flow.cjs"], cjs);
  start("tsx", repoBin("tsx"), ["flow.ts"], esm);
  start("ts-node-cjs", repoBin("ts-node"), ["flow.ts"], cjs);
  // The loader is named as a user would, resolved from the consumer's own node_modules.
  start("ts-node-esm", node, tsNodeEsm("flow.ts"), esm);
  start("ts-node-cjs-misspelt", repoBin("ts-node"), ["misspelt.ts"], cjs);
  start("ts-node-esm-misspelt", node, tsNodeEsm("misspelt.ts"), esm);
  start("ts-node-in-esm-package", repoBin("ts-node"), ["flow.ts"], esm);
  runs.set(
    "tsx-repl",
    limit(() => runRepl(repoBin("tsx"), ["-i"], REPL_LINES, { cwd: esm.dir })),
  );
}, 60_000);

afterAll(async () => {
  // Let every child finish before its folder goes away, whether or not its test ran.
  await Promise.allSettled(runs.values());
  await Promise.all([esm?.remove(), cjs?.remove()]);
});

async function resultOf(name: string): Promise<FlowResult> {
  const started = runs.get(name);
  if (!started) throw new Error(`No consumer named ${name} was started.`);
  return printedJson<FlowResult>(await started);
}

/** One auto-approved connection and a 404 mapped to `ArmError`: the flow ran on the built code. */
function expectFlowSucceeded(result: FlowResult): void {
  expect(result.connections).toEqual([{ privateEndpointName: ENDPOINT_NAME, status: "Approved" }]);
  expect(result.provisioningState).toBe("Succeeded");
  expect(result.armError).toEqual({ instanceOfArmError: true, isArmError: true, statusCode: 404 });
}

/** The path a consumer resolved the package to, as a file path even when given as a URL. */
function inDist(resolved: string, file: string): boolean {
  return (
    resolved === join(REPO_ROOT, "dist", file) ||
    resolved === pathToFileURL(join(REPO_ROOT, "dist", file)).href
  );
}

describe("a consumer of the built package, importing it by name", () => {
  it("works from an ES module (.mjs), loading the ESM build", async () => {
    const result = await resultOf("esm");

    expectFlowSucceeded(result);
    expect(inDist(result.resolved.main, "index.js")).toBe(true);
    expect(inDist(result.resolved.emulator, "emulator/index.js")).toBe(true);
  }, 60_000);

  it("works from CommonJS (.cjs, require), loading the CommonJS build", async () => {
    const result = await resultOf("cjs");

    expectFlowSucceeded(result);
    expect(inDist(result.resolved.main, "index.cjs")).toBe(true);
    expect(inDist(result.resolved.emulator, "emulator/index.cjs")).toBe(true);
  }, 60_000);

  it("works from a TypeScript ES module run with tsx", async () => {
    const result = await resultOf("tsx");

    expectFlowSucceeded(result);
    expect(inDist(result.resolved.main, "index.js")).toBe(true);
  }, 60_000);

  it("works with ts-node in a CommonJS package (module commonjs), type-checked", async () => {
    const result = await resultOf("ts-node-cjs");

    expectFlowSucceeded(result);
    expect(inDist(result.resolved.main, "index.cjs")).toBe(true);
    expect(inDist(result.resolved.emulator, "emulator/index.cjs")).toBe(true);
  }, 60_000);

  it("works with node --loader ts-node/esm in an ES module package, type-checked", async () => {
    const result = await resultOf("ts-node-esm");

    expectFlowSucceeded(result);
    expect(inDist(result.resolved.main, "index.js")).toBe(true);
    expect(inDist(result.resolved.emulator, "emulator/index.js")).toBe(true);
  }, 60_000);

  it("works in a tsx REPL, through import()", async () => {
    const result = await runs.get("tsx-repl");

    expect(result?.stdout).toContain(`'["Approved"]'`);
    expect(result?.stdout).not.toContain("Uncaught");
    expect(result?.exitCode).toBe(0);
  }, 60_000);

  it("is type-checked by ts-node in a CommonJS package: a misspelt option stops it", async () => {
    const result = await runs.get("ts-node-cjs-misspelt");

    expect(result?.exitCode).not.toBe(0);
    expect(result?.stderr).toMatch(/misspelt\.ts\(2,\d+\): error TS\d+: .*'vnetNmae'/);
  }, 60_000);

  // On Node 20 the loader runs on its own thread and the diagnostic reaches the main thread as
  // an empty object, so only the failed run itself can be asserted.
  it("is type-checked by node --loader ts-node/esm: a misspelt option stops it", async () => {
    const result = await runs.get("ts-node-esm-misspelt");

    expect(result?.exitCode).not.toBe(0);
    expect(result?.stdout).toBe("");
  }, 60_000);

  // Pins the README's advice: in a "type": "module" package, plain ts-node cannot load .ts.
  it("does not run with the plain ts-node command in an ES module package", async () => {
    const result = await runs.get("ts-node-in-esm-package");

    expect(result?.exitCode).not.toBe(0);
    expect(result?.stderr).toContain("ERR_UNKNOWN_FILE_EXTENSION");
  }, 60_000);
});
