import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT, assertBuilt, run } from "./builtPackage.js";

interface PackedFile {
  path: string;
}

interface PackageJson {
  main: string;
  module: string;
  types: string;
  bin: Record<string, string>;
  exports: unknown;
  typesVersions: Record<string, Record<string, string[]>>;
}

let packed: string[];
let pkg: PackageJson;

beforeAll(async () => {
  assertBuilt();
  // --ignore-scripts: listing the tarball must not build or run anything else. npm keeps its
  // logs under HOME, which must not be the repository.
  const result = await run("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], {
    cwd: REPO_ROOT,
    env: { HOME: process.env.HOME ?? tmpdir() },
  });
  if (result.exitCode !== 0) throw new Error(`npm pack failed:\n${result.stderr}`);
  const [tarball] = JSON.parse(result.stdout) as Array<{ files: PackedFile[] }>;
  packed = tarball!.files.map((file) => file.path);
  pkg = JSON.parse(await readFile(join(REPO_ROOT, "package.json"), "utf8")) as PackageJson;
}, 60_000);

/** Every file path named by the `exports` map, without its leading "./". */
function exportTargets(node: unknown): string[] {
  if (typeof node === "string") return [node.replace(/^\.\//, "")];
  if (node === null || typeof node !== "object") return [];
  return Object.values(node).flatMap(exportTargets);
}

describe("what npm would publish", () => {
  it("holds both builds with their declarations, the CLI, the README and package.json", () => {
    for (const entry of ["dist/index", "dist/emulator/index"]) {
      for (const extension of [".js", ".cjs", ".d.ts", ".d.cts"]) {
        expect(packed).toContain(entry + extension);
      }
    }
    expect(packed).toContain("dist/cli/main.js");
    expect(packed).toContain("README.md");
    expect(packed).toContain("package.json");
  });

  it("holds every file that exports, main, module, types, typesVersions and bin name", () => {
    const named = [
      ...exportTargets(pkg.exports),
      pkg.main,
      pkg.module,
      pkg.types,
      ...Object.values(pkg.typesVersions).flatMap((paths) => Object.values(paths).flat()),
      ...Object.values(pkg.bin),
    ].map((path) => path.replace(/^\.\//, ""));

    expect(named.filter((path) => !packed.includes(path))).toEqual([]);
  });

  it("leaves out sources, tests, benchmarks, examples and CI files", () => {
    const unwanted = packed.filter((path) => /^(src|test|bench|examples|\.ci)\//.test(path));

    expect(unwanted).toEqual([]);
  });

  it("starts the bin file with a node shebang", async () => {
    const bin = await readFile(join(REPO_ROOT, pkg.bin["azureml-workspace"]!), "utf8");

    expect(bin.split("\n")[0]).toBe("#!/usr/bin/env node");
  });
});
