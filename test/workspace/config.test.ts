import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import nock from "nock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Workspace } from "../../src/index.js";
import type { ConfigNotFoundError } from "../../src/index.js";
import { FakeArm, RG, SUB, testClientOptions, WS_ID } from "./fakeArm.js";
import { workspaceDetails } from "./payloadExamples.js";

const OTHER_SUB = "99999999-1111-2222-3333-444444444444";

function write(path: string, content: unknown): void {
  mkdirSync(join(path, ".."), { recursive: true });
  writeFileSync(path, typeof content === "string" ? content : JSON.stringify(content));
}
const config = (workspace_name: string, subscription_id = SUB) => ({
  subscription_id,
  resource_group: RG,
  workspace_name,
});

describe("Workspace.fromConfig", () => {
  let root: string;
  let arm: FakeArm;
  beforeEach(() => {
    nock.disableNetConnect();
    arm = new FakeArm();
    root = mkdtempSync(join(tmpdir(), "azureml-config-"));
  });
  afterEach(() => {
    nock.cleanAll();
    nock.enableNetConnect();
  });

  it("prefers .azureml in any ancestor over a plain config.json in the start folder", async () => {
    const start = join(root, "a", "b");
    write(join(start, "config.json"), config("plainhere"));
    write(join(root, ".azureml", "config.json"), config("myworkspace"));
    arm.on("GET", WS_ID, [200, workspaceDetails()]);
    const ws = await Workspace.fromConfig({ path: start, ...testClientOptions() });
    expect(ws.name).toBe("myworkspace");
    expect(arm.requests.map((r) => r.path)).toEqual([WS_ID]);
  });

  it("tries config.json everywhere before project.json", async () => {
    write(join(root, "a", ".azureml", "project.json"), config("fromproject"));
    write(join(root, ".azureml", "config.json"), config("myworkspace"));
    arm.on("GET", WS_ID, [200, workspaceDetails()]);
    expect(
      (await Workspace.fromConfig({ path: join(root, "a"), ...testClientOptions() })).name,
    ).toBe("myworkspace");
  });

  it("uses a file path directly and reads the Scope key", async () => {
    const file = join(root, "anything.json");
    write(file, { Scope: WS_ID, subscription_id: OTHER_SUB });
    arm.on("GET", WS_ID, [200, workspaceDetails()]);
    expect(
      (await Workspace.fromConfig({ path: file, ...testClientOptions() })).subscriptionId,
    ).toBe(SUB);
  });

  it("lists every path it tried when nothing is found, without any request", async () => {
    const start = join(root, "x");
    mkdirSync(start);
    const error = (await Workspace.fromConfig({
      path: start,
      fileName: "ws.json",
      ...testClientOptions(),
    }).catch((e: unknown) => e)) as ConfigNotFoundError;
    expect(error).toMatchObject({ name: "ConfigNotFoundError", code: "ConfigNotFound" });
    expect(error.searchedPaths.slice(0, 2)).toEqual([
      join(start, ".azureml", "ws.json"),
      join(root, ".azureml", "ws.json"),
    ]);
    expect(error.searchedPaths).toContain(join(start, "aml_config", "ws.json"));
    expect(error.searchedPaths).toContain(join(start, "ws.json"));
    expect(error.message).toContain(join(start, ".azureml", "ws.json"));
    expect(arm.requests).toEqual([]);
  });

  it("names the file and the missing key of an incomplete file", async () => {
    const file = join(root, ".azureml", "config.json");
    write(file, { subscription_id: SUB, workspace_name: "myworkspace" });
    await expect(
      Workspace.fromConfig({ path: root, ...testClientOptions() }),
    ).rejects.toMatchObject({
      name: "ConfigFileError",
      code: "InvalidConfigFile",
      filePath: file,
      key: "resource_group",
      message: expect.stringContaining(file),
    });
    expect(arm.requests).toEqual([]);
  });

  it("reports a file that is not JSON", async () => {
    write(join(root, "config.json"), "{ not json");
    await expect(
      Workspace.fromConfig({ path: root, ...testClientOptions() }),
    ).rejects.toMatchObject({ name: "ConfigFileError" });
  });

  it("writeConfig writes what fromConfig reads", async () => {
    arm.on("GET", WS_ID, [200, workspaceDetails()]);
    const ws = await Workspace.get("myworkspace", {
      subscriptionId: SUB,
      resourceGroup: RG,
      ...testClientOptions(),
    });
    const written = await ws.writeConfig({ path: root });
    expect(written).toBe(join(root, ".azureml", "config.json"));
    expect(JSON.parse(readFileSync(written, "utf8"))).toEqual(config("myworkspace"));
    expect((await Workspace.fromConfig({ path: join(root), ...testClientOptions() })).id).toBe(
      WS_ID,
    );
  });

  it("turns a 404 into WorkspaceNotFoundError", async () => {
    write(join(root, "config.json"), config("myworkspace"));
    arm.on("GET", WS_ID, [404, { error: { code: "ResourceNotFound", message: "gone" } }]);
    await expect(
      Workspace.fromConfig({ path: root, ...testClientOptions() }),
    ).rejects.toMatchObject({ name: "WorkspaceNotFoundError", code: "WorkspaceNotFound" });
  });
});
