import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);

/**
 * A module resolution hook that makes `@azure/identity` impossible to load, so any attempt to
 * load it shows.
 */
const blockIdentity = `data:text/javascript,${encodeURIComponent(`
  import { register } from "node:module";
  register("data:text/javascript," + encodeURIComponent(
    "export async function resolve(specifier, context, next) {" +
    "  if (specifier.startsWith('@azure/identity')) throw new Error('BLOCKED @azure/identity');" +
    "  return next(specifier, context);" +
    "}"));
`)}`;

/** Runs an ES module snippet in a fresh node process that can run TypeScript (tsx). */
async function runIsolated(script: string): Promise<string> {
  const { stdout } = await run(
    process.execPath,
    ["--import", "tsx", "--import", blockIdentity, "--input-type=module", "-e", script],
    { cwd: process.cwd(), env: { ...process.env, AZURE_LOG_LEVEL: "" } },
  );
  return stdout.trim();
}

describe("@azure/identity is loaded lazily", () => {
  it("is not loaded by importing the ARM layer or building a client without a credential", async () => {
    const output = await runIsolated(`
      const { ArmClient } = await import("./src/arm/index.ts");
      const client = new ArmClient(undefined, { cloud: "AzureChinaCloud" });
      console.log(client.endpoint);
    `);
    expect(output).toBe("https://management.chinacloudapi.cn");
  });

  it("is loaded at the first token request, which fails here because loading it is blocked", async () => {
    const output = await runIsolated(`
      const { LazyDefaultAzureCredential } = await import("./src/arm/credential.ts");
      const error = await new LazyDefaultAzureCredential().getToken("https://management.azure.com/.default")
        .catch((e) => e);
      console.log(String(error.message));
    `);
    expect(output).toContain("BLOCKED @azure/identity");
  });
});
