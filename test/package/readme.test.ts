import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  REPO_ROOT,
  assertBuilt,
  makeConsumer,
  repoBin,
  run,
  type Consumer,
  type Run,
} from "./builtPackage.js";

/**
 * What the README's samples take as given: the workspace of an earlier sample (`same`), the
 * workspace owner's own client (`owner`) and somewhere to keep a poller's state.
 */
const GIVEN = `declare const same: Workspace;
declare const owner: Workspace;
declare function save(state: string): void;
declare function load(): string;
`;

/** Every TypeScript sample of the README, in order; REPL transcripts (`> …`) are left out. */
function readmeSamples(): string[] {
  const readme = readFileSync(join(REPO_ROOT, "README.md"), "utf8");
  return [...readme.matchAll(/```ts\n([\s\S]*?)```/g)]
    .map((match) => match[1]!)
    .filter((sample) => !sample.trimStart().startsWith(">"));
}

/**
 * One module per sample: its imports on top, beside the ones every sample may lean on, and its
 * statements in a function of their own, so that the samples' names do not collide.
 */
function asModule(sample: string): string {
  const lines = sample.split("\n");
  const imports = lines.filter((line) => line.startsWith("import "));
  const body = lines.filter((line) => !line.startsWith("import "));
  const imported = new Set(
    imports.flatMap((line) => /\{([^}]*)\}/.exec(line)?.[1]?.split(",") ?? []).map((n) => n.trim()),
  );
  const common = ["PrivateEndpointConfig", "Workspace"].filter((name) => !imported.has(name));
  return [
    ...(common.length > 0 ? [`import { ${common.join(", ")} } from "azureml-workspace";`] : []),
    ...imports,
    GIVEN,
    "export async function sample(): Promise<void> {",
    ...body,
    "}",
    "",
  ].join("\n");
}

const samples = readmeSamples();
let consumer: Consumer;
let checked: Run;

beforeAll(async () => {
  assertBuilt();
  consumer = await makeConsumer({ type: "module", links: ["@types/node"] });
  const files = await Promise.all(
    samples.map((sample, i) => consumer.write(`sample${i}.mts`, asModule(sample))),
  );
  await consumer.write(
    "tsconfig.json",
    JSON.stringify({
      compilerOptions: {
        strict: true,
        noEmit: true,
        module: "nodenext",
        target: "es2022",
        types: ["node"],
        // A sample may leave a result unused to show what it is.
        noUnusedLocals: false,
      },
      files,
    }),
  );
  checked = await run(repoBin("tsc"), ["-p", "tsconfig.json", "--pretty", "false"], {
    cwd: consumer.dir,
  });
}, 60_000);

afterAll(async () => {
  await consumer?.remove();
});

describe("the README's TypeScript samples", () => {
  it("are there to check", () => {
    expect(samples.length).toBeGreaterThanOrEqual(5);
  });

  it("typecheck against the published declarations", () => {
    expect(checked.stdout.split("\n").filter((line) => line.includes("error TS"))).toEqual([]);
    expect(checked.exitCode).toBe(0);
  }, 60_000);
});
