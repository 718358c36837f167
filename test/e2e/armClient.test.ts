import { AzureLogger, setLogLevel } from "@azure/logger";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { isArmError, type ArmError } from "../../src/arm/index.js";
import { startEmulator, type RunningEmulator } from "../../src/emulator/index.js";
import { apiVersions, clientFor, demoIds, exchangesTo } from "./armClientWorld.js";

// ArmClient.sendRequest against the emulator over real HTTP on loopback: the real pipeline,
// sockets, headers and ARM error bodies, where the unit tests under test/arm use nock.

let emulator: RunningEmulator;
let ids: ReturnType<typeof demoIds>;

beforeEach(async () => {
  emulator = await startEmulator({ seed: true });
  ids = demoIds(emulator);
});

afterEach(async () => {
  await emulator?.stop();
});

interface ResourceGroup {
  id: string;
  name: string;
  location: string;
  tags?: Record<string, string>;
  properties: { provisioningState: string };
}

describe("sendRequest on resource groups (2021-04-01)", () => {
  it("GETs the seeded resource group, with the request ids the emulator sent", async () => {
    const response = await clientFor(emulator).sendRequest<ResourceGroup>({
      method: "GET",
      path: ids.group,
      apiVersion: apiVersions.resourceGroup,
    });

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      id: ids.group,
      name: emulator.world.resourceGroup,
      location: emulator.world.location,
      properties: { provisioningState: "Succeeded" },
    });
    const [sent] = exchangesTo(emulator, "GET", ids.group);
    expect(sent?.apiVersion).toBe(apiVersions.resourceGroup);
    expect(response.requestId).toBe(sent?.responseHeaders["x-ms-request-id"]);
    expect(response.correlationRequestId).toBe(
      sent?.responseHeaders["x-ms-correlation-request-id"],
    );
    expect(response.headers["x-ms-ratelimit-remaining-subscription-reads"]).toMatch(/^\d+$/);
  });

  it("PUTs a new resource group, answered 201 and readable afterwards", async () => {
    const arm = clientFor(emulator);
    const path = ids.groupAt("e2e-created");

    const created = await arm.sendRequest<ResourceGroup>({
      method: "PUT",
      path,
      apiVersion: apiVersions.resourceGroup,
      body: { location: "westus2", tags: { owner: "e2e" } },
    });
    const read = await arm.sendRequest<ResourceGroup>({
      method: "GET",
      path,
      apiVersion: apiVersions.resourceGroup,
    });

    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: "e2e-created", location: "westus2" });
    expect(read.body).toEqual(created.body);
    const [put] = exchangesTo(emulator, "PUT", path);
    expect(put?.requestBody).toEqual({ location: "westus2", tags: { owner: "e2e" } });
    expect(put?.requestHeaders["content-type"]).toBe("application/json");
  });

  it("PATCHes the tags of a resource group", async () => {
    const arm = clientFor(emulator);

    const patched = await arm.sendRequest<ResourceGroup>({
      method: "PATCH",
      path: ids.group,
      apiVersion: apiVersions.resourceGroup,
      body: { tags: { env: "test" } },
    });
    const read = await arm.sendRequest<ResourceGroup>({
      method: "GET",
      path: ids.group,
      apiVersion: apiVersions.resourceGroup,
    });

    expect(patched.status).toBe(200);
    expect(read.body.tags).toEqual({ env: "test" });
  });

  it("returns a DELETE's 202 as it is, with the Location to poll on the endpoint", async () => {
    const response = await clientFor(emulator).sendRequest({
      method: "DELETE",
      path: ids.group,
      apiVersion: apiVersions.resourceGroup,
    });

    expect(response.status).toBe(202);
    expect(response.body).toBeUndefined();
    expect(new URL(response.headers["location"]!).origin).toBe(emulator.endpoint);
    // sendRequest sends one request and never polls.
    expect(emulator.requests.map((r) => r.method)).toEqual(["DELETE"]);
  });
});

describe("sendRequest on a virtual network (2024-07-01)", () => {
  it("GETs the seeded virtual network with its subnet", async () => {
    const { body } = await clientFor(emulator).sendRequest<{
      id: string;
      properties: { subnets: Array<{ id: string; name: string }> };
    }>({ method: "GET", path: ids.vnet, apiVersion: apiVersions.network });

    expect(body.id).toBe(ids.vnet);
    expect(body.properties.subnets.map((s) => s.id)).toEqual([ids.subnet]);
  });

  it("PUTs a virtual network: 201 while Updating, with an Azure-AsyncOperation to follow", async () => {
    const path = `${ids.group}/providers/Microsoft.Network/virtualNetworks/e2evnet`;
    const response = await clientFor(emulator).sendRequest<{
      properties: { provisioningState: string; addressSpace: { addressPrefixes: string[] } };
    }>({
      method: "PUT",
      path,
      apiVersion: apiVersions.network,
      body: {
        location: emulator.world.location,
        properties: { addressSpace: { addressPrefixes: ["10.1.0.0/16"] } },
      },
    });

    expect(response.status).toBe(201);
    expect(response.body.properties.addressSpace.addressPrefixes).toEqual(["10.1.0.0/16"]);
    expect(response.body.properties.provisioningState).toBe("Updating");
    expect(new URL(response.headers["azure-asyncoperation"]!).origin).toBe(emulator.endpoint);
  });
});

describe("ArmError on a 404", () => {
  /** Sends a request expected to fail and returns the error with the exchange that caused it. */
  async function failingGet(path: string, apiVersion: string) {
    const error = await clientFor(emulator)
      .sendRequest({ method: "GET", path, apiVersion })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    const [exchange] = exchangesTo(emulator, "GET", path);
    return { error: error as ArmError, exchange: exchange! };
  }

  it("carries the status, ARM's code and message, and the emulator's request ids", async () => {
    const path = ids.groupAt("doesnotexist");
    const { error, exchange } = await failingGet(path, apiVersions.resourceGroup);

    const sent = exchange.responseBody as { error: { code: string; message: string } };
    expect(isArmError(error, 404)).toBe(true);
    expect(error).toMatchObject({
      name: "ArmError",
      statusCode: 404,
      code: "ResourceGroupNotFound",
      method: "GET",
      requestId: exchange.responseHeaders["x-ms-request-id"],
      correlationRequestId: exchange.responseHeaders["x-ms-correlation-request-id"],
    });
    expect(error.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(error.message).toContain(sent.error.message);
    expect(error.message).toContain(`x-ms-request-id: ${error.requestId}`);
    expect(error.message).toContain(`x-ms-correlation-request-id: ${error.correlationRequestId}`);
  });

  it("carries the Network resource provider's code for a missing virtual network", async () => {
    const path = `${ids.group}/providers/Microsoft.Network/virtualNetworks/novnet`;
    const { error, exchange } = await failingGet(path, apiVersions.network);

    expect(error).toMatchObject({ name: "ArmError", statusCode: 404 });
    expect(error.code).toBe((exchange.responseBody as { error: { code: string } }).error.code);
    expect(error.code).not.toBe("NotFound");
    // A 404 is an answer, not a failure to retry.
    expect(exchangesTo(emulator, "GET", path)).toHaveLength(1);
  });

  it("is logged at info level like a success, with the status and ARM's code", async () => {
    const lines: string[] = [];
    const originalLog = AzureLogger.log;
    AzureLogger.log = (...args: unknown[]) => void lines.push(args.map(String).join(" "));
    setLogLevel("info");
    try {
      await failingGet(ids.groupAt("doesnotexist"), apiVersions.resourceGroup);
    } finally {
      setLogLevel();
      AzureLogger.log = originalLog;
    }

    const ours = lines.filter((line) => line.startsWith("azure:azureml-workspace:"));
    expect(ours).toHaveLength(1);
    expect(ours[0]).toMatch(
      /^azure:azureml-workspace:info GET \S+\/resourceGroups\/doesnotexist\S* failed 404 ResourceGroupNotFound in \d+ ms/,
    );
  });
});
