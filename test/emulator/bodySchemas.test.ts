import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const here = fileURLToPath(new URL(".", import.meta.url));
const repository = resolve(here, "../..");
/** CI keeps the Azure REST API specifications beside the repository; a fresh clone has none. */
const specifications = resolve(repository, "../shared/arm/specification");
const haveSpecifications = existsSync(specifications);

const title = haveSpecifications
  ? "the emulator's request-body schemas"
  : `the emulator's request-body schemas: no specifications at ${specifications} (CI provides them)`;

if (!haveSpecifications) console.warn(`Skipping ${title}`);

describe.skipIf(!haveSpecifications)(title, () => {
  it("are what the generator derives from the Azure REST API specifications today", () => {
    const folder = mkdtempSync(join(tmpdir(), "body-schemas-"));
    try {
      const generated = join(folder, "bodySchemas.ts");
      execFileSync(
        process.execPath,
        [join(here, "tools/generateBodySchemas.mjs"), specifications, generated],
        { cwd: repository, stdio: "pipe" },
      );
      const committed = join(repository, "src/emulator/validation/bodySchemas.ts");
      expect(readFileSync(generated, "utf8")).toBe(readFileSync(committed, "utf8"));
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }, 30_000);
});
