import { getLogLevel, setLogLevel } from "@azure/logger";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

// The library is replaced by recorders: these tests pin down how flags become library options.
const calls = vi.hoisted(() => ({ list: [] as { method: string; args: unknown[] }[] }));

vi.mock("../../src/workspace/index.js", () => {
  class FakeWorkspace {
    name = "ws";
    resourceGroup = "rg";
    subscriptionId = "00000000-0000-0000-0000-000000000001";
    static async create(options: unknown) {
      calls.list.push({ method: "create", args: [options] });
      return new FakeWorkspace();
    }
    static async get(name: string, options: unknown) {
      calls.list.push({ method: "get", args: [name, options] });
      return new FakeWorkspace();
    }
    static async fromConfig(options: unknown) {
      calls.list.push({ method: "fromConfig", args: [options] });
      return new FakeWorkspace();
    }
    async getDetails() {
      return { name: this.name };
    }
    async addPrivateEndpoint(config: unknown, options: unknown) {
      calls.list.push({ method: "addPrivateEndpoint", args: [config, options] });
      return { name: "conn", status: "Pending" };
    }
    async update(options: unknown) {
      calls.list.push({ method: "update", args: [options] });
      return { name: this.name };
    }
    async delete(options: unknown) {
      calls.list.push({ method: "delete", args: [options] });
    }
  }
  class FakeConfig {
    constructor(init: object) {
      Object.assign(this, init);
    }
  }
  return { Workspace: FakeWorkspace, PrivateEndpointConfig: FakeConfig };
});
vi.mock("../../src/emulator/index.js", () => ({ startEmulator: vi.fn() }));

const { runCli } = await import("../../src/cli/runCli.js");

const SUBSCRIPTION = "00000000-0000-0000-0000-000000000001";

async function run(args: string[], env: Record<string, string> = {}) {
  let stdout = "";
  let stderr = "";
  const exitCode = await runCli(args, {
    writeOut: (text) => (stdout += text),
    writeErr: (text) => (stderr += text),
    env,
    abortSignal: new AbortController().signal,
  });
  return { exitCode, stdout, stderr };
}

function lastCall(method: string): unknown[] {
  const call = calls.list.filter((c) => c.method === method).at(-1);
  if (!call) throw new Error(`${method} was not called; calls: ${JSON.stringify(calls.list)}`);
  return call.args;
}

beforeEach(() => {
  calls.list = [];
});

afterEach(() => {
  setLogLevel(undefined as never);
});

describe("workspace create", () => {
  it("maps the az ml how-to's flags, -n and -r included, onto Workspace.create", async () => {
    const result = await run([
      "workspace",
      "create",
      "-r",
      "myresourcegroup",
      "-l",
      "westus",
      "-n",
      "myworkspace",
      "--pe-name",
      "myprivateendpoint",
      "--pe-auto-approval",
      "--pe-resource-group",
      "netrg",
      "--pe-vnet-name",
      "myvnet",
      "--pe-subnet-name",
      "mysubnet",
      "--subscription",
      SUBSCRIPTION,
    ]);

    expect(result.stderr).toBe("");
    expect(result.exitCode).toBe(0);
    const [options] = lastCall("create") as [Record<string, unknown>];
    expect(options).toMatchObject({
      name: "myworkspace",
      resourceGroup: "myresourcegroup",
      subscriptionId: SUBSCRIPTION,
      location: "westus",
      privateEndpointAutoApproval: true,
      privateEndpointConfig: {
        name: "myprivateendpoint",
        vnetName: "myvnet",
        vnetSubnetName: "mysubnet",
        vnetResourceGroup: "netrg",
      },
    });
  });

  it("leaves the private endpoint connection for manual approval unless --pe-auto-approval", async () => {
    await run([
      "workspace",
      "create",
      "-w",
      "ws1",
      "-g",
      "rg",
      "--subscription",
      SUBSCRIPTION,
      "--pe-name",
      "pe",
      "--pe-vnet-name",
      "vnet",
    ]);
    expect(lastCall("create")[0]).toMatchObject({ privateEndpointAutoApproval: false });
  });

  it("creates a missing resource group only with --yes", async () => {
    await run(["workspace", "create", "-w", "ws1", "-g", "rg", "--subscription", SUBSCRIPTION]);
    expect(lastCall("create")[0]).toMatchObject({ createResourceGroup: false });
    await run([
      "workspace",
      "create",
      "-w",
      "ws1",
      "-g",
      "rg",
      "--subscription",
      SUBSCRIPTION,
      "--yes",
    ]);
    expect(lastCall("create")[0]).toMatchObject({ createResourceGroup: true });
  });

  it("collects --tags from several arguments and quoted lists", async () => {
    await run([
      "workspace",
      "create",
      "-w",
      "ws1",
      "-g",
      "rg",
      "--subscription",
      SUBSCRIPTION,
      "--tags",
      "a=1",
      "b=2 c=3",
      "--exist-ok",
    ]);
    expect(lastCall("create")[0]).toMatchObject({
      tags: { a: "1", b: "2", c: "3" },
      existOk: true,
    });
  });

  it("maps the dependent resource flags to the Python SDK's parameter names", async () => {
    await run([
      "workspace",
      "create",
      "-w",
      "ws1",
      "-g",
      "rg",
      "--subscription",
      SUBSCRIPTION,
      "--storage-account",
      "/sa",
      "--keyvault",
      "/kv",
      "--application-insights",
      "/ai",
      "--container-registry",
      "/acr",
      "--hbi-workspace",
      "--v1-legacy-mode",
      "false",
      "--disable-subnet-network-policies",
    ]);
    expect(lastCall("create")[0]).toMatchObject({
      storageAccount: "/sa",
      keyVault: "/kv",
      appInsights: "/ai",
      containerRegistry: "/acr",
      hbiWorkspace: true,
      v1LegacyMode: false,
      disableSubnetNetworkPolicies: true,
    });
  });

  it("takes the subscription from $AZURE_SUBSCRIPTION_ID when no flag gives it", async () => {
    await run(["workspace", "create", "-w", "ws1", "-g", "rg"], {
      AZURE_SUBSCRIPTION_ID: SUBSCRIPTION,
    });
    expect(lastCall("create")[0]).toMatchObject({ subscriptionId: SUBSCRIPTION });
  });

  it("sends the emulator credential and allows http for a loopback endpoint", async () => {
    await run([
      "workspace",
      "create",
      "-w",
      "ws1",
      "-g",
      "rg",
      "--subscription",
      SUBSCRIPTION,
      "--endpoint",
      "http://127.0.0.1:5000",
    ]);
    const [options] = lastCall("create") as [Record<string, unknown>];
    expect(options.endpoint).toBe("http://127.0.0.1:5000");
    expect(options.allowInsecureLoopback).toBe(true);
    expect(options.credential).toBeDefined();
  });

  it("leaves the credential to the library (DefaultAzureCredential) without an endpoint", async () => {
    await run(["workspace", "create", "-w", "ws1", "-g", "rg", "--subscription", SUBSCRIPTION]);
    const [options] = lastCall("create") as [Record<string, unknown>];
    expect(options.credential).toBeUndefined();
    expect(options.allowInsecureLoopback).toBeUndefined();
  });
});

describe("workspace private-endpoint add", () => {
  it("takes --pe-auto-approval true|false as the how-to writes it", async () => {
    const args = [
      "workspace",
      "private-endpoint",
      "add",
      "-w",
      "ws",
      "-g",
      "rg",
      "--subscription",
      SUBSCRIPTION,
      "--pe-name",
      "pe",
      "--pe-vnet-name",
      "vnet",
    ];
    await run([...args, "--pe-auto-approval", "true"]);
    expect(lastCall("addPrivateEndpoint")[1]).toMatchObject({ privateEndpointAutoApproval: true });
    await run([...args, "--pe-auto-approval", "false"]);
    expect(lastCall("addPrivateEndpoint")[1]).toMatchObject({ privateEndpointAutoApproval: false });
    await run(args);
    expect(lastCall("addPrivateEndpoint")[1]).toMatchObject({ privateEndpointAutoApproval: false });
  });

  it("passes --pe-location, --pe-subscription-id and --tags", async () => {
    const sub2 = "00000000-0000-0000-0000-000000000002";
    await run([
      "workspace",
      "private-endpoint",
      "add",
      "-w",
      "ws",
      "-g",
      "rg",
      "--subscription",
      SUBSCRIPTION,
      "--pe-name",
      "pe",
      "--pe-vnet-name",
      "vnet",
      "--pe-location",
      "westus",
      "--pe-subscription-id",
      sub2,
      "--tags",
      "k=v",
    ]);
    const [config, options] = lastCall("addPrivateEndpoint");
    expect(config).toMatchObject({ name: "pe", vnetName: "vnet", vnetSubscriptionId: sub2 });
    expect(options).toMatchObject({ location: "westus", tags: { k: "v" } });
  });
});

describe("workspace update and delete", () => {
  it("sends --allow-public-access false as allowPublicAccessWhenBehindVnet: false", async () => {
    await run([
      "workspace",
      "update",
      "-w",
      "ws",
      "-g",
      "rg",
      "--subscription",
      SUBSCRIPTION,
      "--allow-public-access",
      "false",
    ]);
    expect(lastCall("update")[0]).toMatchObject({ allowPublicAccessWhenBehindVnet: false });
  });

  it("refuses --public-network-access together with --allow-public-access", async () => {
    const result = await run([
      "workspace",
      "update",
      "-w",
      "ws",
      "-g",
      "rg",
      "--allow-public-access",
      "true",
      "--public-network-access",
      "Enabled",
    ]);
    expect(result.exitCode).toBe(2);
    expect(calls.list).toEqual([]);
  });

  it("deletes dependent resources only with --all-resources", async () => {
    const args = ["workspace", "delete", "-w", "ws", "-g", "rg", "--subscription", SUBSCRIPTION];
    await run(args);
    expect(lastCall("delete")[0]).toMatchObject({ deleteDependentResources: false });
    await run([...args, "--all-resources"]);
    expect(lastCall("delete")[0]).toMatchObject({ deleteDependentResources: true });
  });
});

describe("where the workspace comes from", () => {
  it("uses the flags alone when they name the workspace completely", async () => {
    await run(["workspace", "show", "-w", "ws", "-g", "rg", "--subscription", SUBSCRIPTION]);
    expect(calls.list.map((c) => c.method)).toEqual(["get"]);
    expect(lastCall("get")[0]).toBe("ws");
  });

  it("accepts --subscription-id, the spelling of older scripts", async () => {
    await run(["workspace", "show", "-w", "ws", "-g", "rg", "--subscription-id", SUBSCRIPTION]);
    expect(lastCall("get")[1]).toMatchObject({ subscriptionId: SUBSCRIPTION });
  });

  it("reads the configuration file from --path when flags are missing", async () => {
    await run(["workspace", "show", "--path", "/some/project"]);
    expect(lastCall("fromConfig")[0]).toMatchObject({ path: "/some/project" });
  });
});

describe("--verbose", () => {
  it("turns on the library's logging at level info", async () => {
    await run([
      "workspace",
      "show",
      "-w",
      "ws",
      "-g",
      "rg",
      "--subscription",
      SUBSCRIPTION,
      "--verbose",
    ]);
    expect(getLogLevel()).toBe("info");
  });

  it("leaves logging off without it", async () => {
    await run(["workspace", "show", "-w", "ws", "-g", "rg", "--subscription", SUBSCRIPTION]);
    expect(getLogLevel()).toBeUndefined();
  });
});
