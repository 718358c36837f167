import nock from "nock";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { ArmError } from "../../src/arm/index.js";
import { until, untilTimerScheduled } from "./until.js";
import { loadExample } from "../fixtures/examples.js";
import {
  ARM,
  fakeCredential,
  privateEndpointPath,
  testClient,
  workspacePath,
  zonePath,
} from "./helpers.js";

const ml = "Microsoft.MachineLearningServices/2024-10-01";
const workspaceCreate = loadExample(`${ml}/Workspace_create.json`);
const workspaceGet = loadExample(`${ml}/Workspace_get.json`);
const workspaceUpdate = loadExample(`${ml}/Workspace_update.json`);
const workspaceDelete = loadExample(`${ml}/Workspace_delete.json`);
const peCreate = loadExample("Microsoft.Network/2024-07-01/PrivateEndpointCreate.json");
const peGet = loadExample("Microsoft.Network/2024-07-01/PrivateEndpointGet.json");
const peDelete = loadExample("Microsoft.Network/2024-07-01/PrivateEndpointDelete.json");
const zonePut = loadExample("Microsoft.Network.privateDnsZones/2020-06-01/PrivateZonePut.json");

const aaoPath =
  "/subscriptions/subId/providers/Microsoft.Network/locations/eastus2euap/operations/op1";
const aaoUrl = `${ARM}${aaoPath}?api-version=2024-07-01`;
const locationPath = `${workspacePath}/operationResults/op2`;
const locationUrl = `${ARM}${locationPath}?api-version=2024-10-01`;

/** The example's 202 headers with the placeholder Location replaced by a real polling URL. */
function with202Location(headers: Record<string, string> | undefined): Record<string, string> {
  expect(headers?.["Location"]).toBeDefined();
  return { ...headers, Location: locationUrl };
}

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  nock.cleanAll();
  vi.useRealTimers();
});

describe("Azure-AsyncOperation", () => {
  it("follows a PUT 201 through InProgress to Succeeded, then reads the resource", async () => {
    const created = structuredClone(peCreate.responses["201"]!.body);
    created.properties.provisioningState = "Updating";
    const scope = nock(ARM)
      .put(privateEndpointPath, peCreate.parameters["parameters"] as nock.RequestBodyMatcher)
      .query({ "api-version": "2024-07-01" })
      .reply(201, created, { "Azure-AsyncOperation": aaoUrl })
      .get(aaoPath)
      .query(true)
      .reply(200, { status: "InProgress" })
      .get(aaoPath)
      .query(true)
      .reply(200, { status: "Succeeded" })
      .get(privateEndpointPath)
      .query({ "api-version": "2024-07-01" })
      .reply(200, peGet.responses["200"]!.body);

    const poller = testClient().beginRequest({
      method: "PUT",
      path: privateEndpointPath,
      apiVersion: "2024-07-01",
      body: peCreate.parameters["parameters"],
    });
    const seen: string[] = [];
    poller.onProgress((state) => seen.push(state.status));

    await expect(poller).resolves.toEqual(peGet.responses["200"]!.body);
    expect(scope.isDone()).toBe(true);
    expect(seen).toEqual(["running", "succeeded"]);
    expect(poller.isDone).toBe(true);
  });

  it("does not read the resource after a PUT whose final state is via azure-async-operation", async () => {
    nock(ARM)
      .put(privateEndpointPath)
      .query(true)
      .reply(201, peCreate.responses["201"]!.body, { "Azure-AsyncOperation": aaoUrl })
      .get(aaoPath)
      .query(true)
      .reply(200, { status: "Succeeded" });
    const resourceRead = nock(ARM).get(privateEndpointPath).query(true).reply(200, {});

    const poller = testClient().beginRequest({
      method: "PUT",
      path: privateEndpointPath,
      apiVersion: "2024-07-01",
      body: peCreate.parameters["parameters"],
      finalStateVia: "azure-async-operation",
    });

    await expect(poller).resolves.toEqual({ status: "Succeeded" });
    expect(resourceRead.isDone()).toBe(false);
  });

  it("reads the resource after a DNS zone PUT answered 202 with both polling headers", async () => {
    const headers = { ...zonePut.responses["202"]!.headers, "Retry-After": "0" };
    const scope = nock(ARM)
      .put(zonePath)
      .query(true)
      .reply(202, undefined, headers)
      .get(
        "/subscriptions/subscriptionId/resourceGroups/resourceGroup1/providers/Microsoft.Network/privateDnsOperationStatuses/asyncOperationId",
      )
      .query(true)
      .reply(200, { status: "Succeeded" })
      .get(zonePath)
      .query(true)
      .reply(200, zonePut.responses["200"]!.body);
    const poller = testClient().beginRequest({
      method: "PUT",
      path: zonePath,
      apiVersion: "2020-06-01",
      body: zonePut.parameters["parameters"],
    });
    await expect(poller).resolves.toMatchObject({ name: "privatezone1.com" });
    expect(scope.isDone()).toBe(true);
  });

  it("completes a DELETE 202 without reading the deleted resource", async () => {
    const statusPath = new URL(peDelete.responses["202"]!.headers!["Azure-AsyncOperation"]!)
      .pathname;
    nock(ARM)
      .delete(privateEndpointPath)
      .query(true)
      .reply(202, undefined, peDelete.responses["202"]!.headers)
      .get(statusPath)
      .query(true)
      .reply(200, { status: "Succeeded" });
    const resourceRead = nock(ARM).get(privateEndpointPath).query(true).reply(404, {});
    const poller = testClient().beginRequest({
      method: "DELETE",
      path: privateEndpointPath,
      apiVersion: "2024-07-01",
    });
    await poller;
    expect(poller.operationState?.status).toBe("succeeded");
    expect(resourceRead.isDone()).toBe(false);
  });

  it("reads the result from Location after a POST by default, or skips it with finalStateVia", async () => {
    const actionPath = `${workspacePath}/resyncKeys`;
    const headers = { "Azure-AsyncOperation": aaoUrl, Location: locationUrl };
    const result = loadExample(`${ml}/PrivateLinkResource_list.json`).responses["200"]!.body;
    nock(ARM)
      .post(actionPath)
      .query(true)
      .twice()
      .reply(202, undefined, headers)
      .get(aaoPath)
      .query(true)
      .twice()
      .reply(200, { status: "Succeeded" })
      .get(locationPath)
      .query(true)
      .reply(200, result);

    const viaLocation = testClient().beginRequest({
      method: "POST",
      path: actionPath,
      apiVersion: "2024-10-01",
    });
    await expect(viaLocation).resolves.toEqual(result);

    const viaStatus = testClient().beginRequest({
      method: "POST",
      path: actionPath,
      apiVersion: "2024-10-01",
      finalStateVia: "azure-async-operation",
    });
    await expect(viaStatus).resolves.toEqual({ status: "Succeeded" });
  });
});

describe("Location", () => {
  it("follows a workspace PUT 202 and reads the workspace once Location answers 200", async () => {
    const scope = nock(ARM)
      .put(workspacePath)
      .query(true)
      .reply(202, undefined, with202Location(workspaceCreate.responses["202"]!.headers))
      .get(locationPath)
      .query(true)
      .reply(202, undefined, { Location: locationUrl })
      .get(locationPath)
      .query(true)
      .reply(200)
      .get(workspacePath)
      .query(true)
      .reply(200, workspaceCreate.responses["200"]!.body);
    const poller = testClient().beginRequest({
      method: "PUT",
      path: workspacePath,
      apiVersion: "2024-10-01",
      body: workspaceCreate.parameters["parameters"],
    });
    await expect(poller).resolves.toEqual(workspaceCreate.responses["200"]!.body);
    expect(scope.isDone()).toBe(true);
  });

  it.each([204, 200])("completes a DELETE 202 when Location answers %i", async (finalStatus) => {
    const scope = nock(ARM)
      .delete(workspacePath)
      .query(true)
      .reply(202, undefined, with202Location(workspaceDelete.responses["202"]!.headers))
      .get(locationPath)
      .query(true)
      .reply(202, undefined, { Location: locationUrl })
      .get(locationPath)
      .query(true)
      .reply(finalStatus);
    const poller = testClient().beginRequest({
      method: "DELETE",
      path: workspacePath,
      apiVersion: "2024-10-01",
    });
    await expect(poller).resolves.toBeUndefined();
    expect(poller.operationState?.status).toBe("succeeded");
    expect(scope.isDone()).toBe(true);
  });

  it("reads the resource from the original URI after a PATCH 202", async () => {
    const scope = nock(ARM)
      .patch(workspacePath, workspaceUpdate.parameters["parameters"] as nock.RequestBodyMatcher)
      .query(true)
      .reply(202, undefined, with202Location(workspaceUpdate.responses["202"]!.headers))
      .get(locationPath)
      .query(true)
      .reply(200, { status: "Succeeded" })
      .get(workspacePath)
      .query({ "api-version": "2024-10-01" })
      .reply(200, workspaceUpdate.responses["200"]!.body);
    const poller = testClient().beginRequest({
      method: "PATCH",
      path: workspacePath,
      apiVersion: "2024-10-01",
      body: workspaceUpdate.parameters["parameters"],
    });
    await expect(poller).resolves.toEqual(workspaceUpdate.responses["200"]!.body);
    expect(scope.isDone()).toBe(true);
  });

  it("takes a POST's result from the Location answer", async () => {
    const actionPath = `${workspacePath}/diagnose`;
    const result = { value: { dnsResolutionResults: [] } };
    nock(ARM)
      .post(actionPath, {})
      .query(true)
      .reply(202, undefined, { Location: locationUrl })
      .get(locationPath)
      .query(true)
      .reply(200, result);
    const poller = testClient().beginRequest({
      method: "POST",
      path: actionPath,
      apiVersion: "2024-10-01",
      body: {},
    });
    await expect(poller).resolves.toEqual(result);
  });
});

describe("provisioningState", () => {
  it("polls the resource of a PUT answered 200 while it is Creating", async () => {
    const creating = structuredClone(workspaceCreate.responses["200"]!.body);
    creating.properties.provisioningState = "Creating";
    const succeeded = structuredClone(creating);
    succeeded.properties.provisioningState = "Succeeded";
    const scope = nock(ARM)
      .put(workspacePath)
      .query(true)
      .reply(200, creating)
      .get(workspacePath)
      .query({ "api-version": "2024-10-01" })
      .reply(200, creating)
      .get(workspacePath)
      .query({ "api-version": "2024-10-01" })
      .reply(200, succeeded);
    const poller = testClient().beginRequest({
      method: "PUT",
      path: workspacePath,
      apiVersion: "2024-10-01",
      body: {},
    });
    await expect(poller).resolves.toEqual(succeeded);
    expect(scope.isDone()).toBe(true);
  });

  it("is done at once for a PUT answered 200 with Succeeded", async () => {
    nock(ARM).put(workspacePath).query(true).reply(200, workspaceCreate.responses["200"]!.body);
    const poller = testClient().beginRequest({
      method: "PUT",
      path: workspacePath,
      apiVersion: "2024-10-01",
      body: {},
    });
    await poller.submitted();
    expect(poller.isDone).toBe(true);
    await expect(poller).resolves.toEqual(workspaceCreate.responses["200"]!.body);
  });
});

describe("failed and canceled operations", () => {
  it("rejects with ARM's error when the operation ends Failed", async () => {
    nock(ARM)
      .put(privateEndpointPath)
      .query(true)
      .reply(201, peCreate.responses["201"]!.body, { "Azure-AsyncOperation": aaoUrl })
      .get(aaoPath)
      .query(true)
      .reply(
        200,
        {
          status: "Failed",
          error: {
            code: "PrivateEndpointCannotBeCreatedInSubnetThatHasNetworkPoliciesEnabled",
            message:
              "Private endpoint cannot be created in a subnet that has network policies enabled.",
            details: [],
          },
        },
        { "x-ms-request-id": "poll-req", "x-ms-correlation-request-id": "corr-9" },
      );
    const poller = testClient().beginRequest({
      method: "PUT",
      path: privateEndpointPath,
      apiVersion: "2024-07-01",
      body: {},
    });
    const error = (await poller.catch((e: unknown) => e)) as ArmError;
    expect(error).toMatchObject({
      name: "ArmError",
      code: "PrivateEndpointCannotBeCreatedInSubnetThatHasNetworkPoliciesEnabled",
      requestId: "poll-req",
      correlationRequestId: "corr-9",
      method: "PUT",
    });
    expect(error.statusCode).toBeUndefined();
    expect(error.message).toContain("ended Failed");
    expect(error.message).toContain("network policies enabled");
    expect(error.message).toContain("x-ms-correlation-request-id: corr-9");
    expect(poller.operationState?.status).toBe("failed");
    expect(poller.operationState?.error).toBe(error);
  });

  it("rejects with ARM's error when the operation ends Canceled", async () => {
    nock(ARM)
      .delete(workspacePath)
      .query(true)
      .reply(202, undefined, { "Azure-AsyncOperation": aaoUrl })
      .get(aaoPath)
      .query(true)
      .reply(200, {
        status: "Canceled",
        error: { code: "OperationCanceled", message: "The operation was canceled by the user." },
      });
    const error = await testClient()
      .beginRequest({ method: "DELETE", path: workspacePath, apiVersion: "2024-10-01" })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "ArmError", code: "OperationCanceled" });
    expect((error as Error).message).toContain("ended Canceled");
    expect((error as Error).message).toContain("canceled by the user");
  });

  it("reports a failure a Location poll answers with 400 as the operation's, not the poll's", async () => {
    nock(ARM)
      .put(workspacePath)
      .query(true)
      .reply(202, undefined, with202Location(workspaceCreate.responses["202"]?.headers))
      .get(locationPath)
      .query(true)
      .reply(400, {
        error: { code: "StorageAccountNotFound", message: "The storage account was not found." },
      });
    const error = (await testClient()
      .beginRequest({ method: "PUT", path: workspacePath, apiVersion: "2024-10-01", body: {} })
      .catch((e: unknown) => e)) as ArmError;
    expect(error).toMatchObject({
      name: "ArmError",
      code: "StorageAccountNotFound",
      statusCode: 400,
      method: "PUT",
    });
    expect(error.message).toContain("ended Failed");
    expect(error.message).not.toContain("operationResults");
  });

  it("reports a Location poll answered OperationCanceled as a canceled operation", async () => {
    nock(ARM)
      .delete(workspacePath)
      .query(true)
      .reply(202, undefined, { Location: locationUrl })
      .get(locationPath)
      .query(true)
      .reply(409, { error: { code: "OperationCanceled", message: "Canceled by the user." } });
    const poller = testClient().beginRequest({
      method: "DELETE",
      path: workspacePath,
      apiVersion: "2024-10-01",
    });
    const error = (await poller.catch((e: unknown) => e)) as ArmError;
    expect(error).toMatchObject({ code: "OperationCanceled", statusCode: 409, method: "DELETE" });
    expect(error.message).toContain("ended Canceled");
  });

  it("keeps a Location poll refused with 404 an error of the poll itself", async () => {
    nock(ARM)
      .delete(workspacePath)
      .query(true)
      .reply(202, undefined, { Location: locationUrl })
      .get(locationPath)
      .query(true)
      .reply(404, { error: { code: "NotFound", message: "The operation was not found." } });
    const error = (await testClient()
      .beginRequest({ method: "DELETE", path: workspacePath, apiVersion: "2024-10-01" })
      .catch((e: unknown) => e)) as ArmError;
    expect(error).toMatchObject({ code: "NotFound", statusCode: 404, method: "GET" });
    expect(error.message).toContain("operationResults");
  });

  it("rejects when a PUT answers 200 with provisioningState Failed", async () => {
    const failed = structuredClone(workspaceCreate.responses["200"]!.body);
    failed.properties.provisioningState = "Failed";
    nock(ARM).put(workspacePath).query(true).reply(200, failed);
    const error = await testClient()
      .beginRequest({ method: "PUT", path: workspacePath, apiVersion: "2024-10-01", body: {} })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "ArmError", code: "OperationFailed" });
  });

  it("rejects with the ArmError of a refused initial request, and nothing is left unhandled", async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown): void => void unhandled.push(reason);
    process.on("unhandledRejection", onUnhandled);
    try {
      nock(ARM)
        .put(workspacePath)
        .query(true)
        .twice()
        .reply(409, { error: { code: "Conflict", message: "Another operation is in progress." } });
      const client = testClient();
      const ignored = client.beginRequest({
        method: "PUT",
        path: workspacePath,
        apiVersion: "2024-10-01",
        body: {},
      });
      const awaited = client.beginRequest({
        method: "PUT",
        path: workspacePath,
        apiVersion: "2024-10-01",
        body: {},
      });
      await expect(awaited).rejects.toMatchObject({
        name: "ArmError",
        statusCode: 409,
        code: "Conflict",
      });
      await expect(ignored.submitted()).rejects.toMatchObject({ statusCode: 409 });
      await new Promise((resolve) => setImmediate(resolve));
      expect(unhandled).toEqual([]);
    } finally {
      process.off("unhandledRejection", onUnhandled);
    }
  });
});

describe("polling URLs on other hosts", () => {
  it("refuses an Azure-AsyncOperation URL on another host without sending the token there", async () => {
    const elsewhere = nock("https://elsewhere.example")
      .get(/.*/)
      .reply(200, { status: "Succeeded" });
    nock(ARM)
      .put(workspacePath)
      .query(true)
      .reply(201, {}, { "Azure-AsyncOperation": "https://elsewhere.example/operations/1" });
    const error = await testClient()
      .beginRequest({ method: "PUT", path: workspacePath, apiVersion: "2024-10-01", body: {} })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      name: "UntrustedHostError",
      code: "UntrustedHost",
      origin: "https://elsewhere.example",
      trustedOrigin: ARM,
    });
    expect(elsewhere.isDone()).toBe(false);
  });

  it("refuses a Location that moves to another host mid-operation", async () => {
    const elsewhere = nock("http://127.0.0.1:9").get(/.*/).reply(200, {});
    nock(ARM)
      .delete(workspacePath)
      .query(true)
      .reply(202, undefined, { Location: locationUrl })
      .get(locationPath)
      .query(true)
      .reply(202, undefined, { Location: "http://127.0.0.1:9/operationResults/op2" });
    const error = await testClient()
      .beginRequest({ method: "DELETE", path: workspacePath, apiVersion: "2024-10-01" })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "UntrustedHostError", origin: "http://127.0.0.1:9" });
    expect(elsewhere.isDone()).toBe(false);
  });
});

describe("abort", () => {
  it("stops between polls when the signal aborts", async () => {
    const controller = new AbortController();
    nock(ARM)
      .put(workspacePath)
      .query(true)
      .reply(201, {}, { "Azure-AsyncOperation": aaoUrl })
      .get(aaoPath)
      .query(true)
      .reply(200, { status: "InProgress" });
    const nextPoll = nock(ARM).get(aaoPath).query(true).reply(200, { status: "Succeeded" });
    const poller = testClient().beginRequest({
      method: "PUT",
      path: workspacePath,
      apiVersion: "2024-10-01",
      body: {},
      abortSignal: controller.signal,
    });
    poller.onProgress(() => controller.abort());
    await expect(poller).rejects.toMatchObject({ name: "AbortError" });
    expect(nextPoll.isDone()).toBe(false);
  });

  it("cancels a poll in flight through pollUntilDone's signal", async () => {
    const controller = new AbortController();
    nock(ARM).put(workspacePath).query(true).reply(201, {}, { "Azure-AsyncOperation": aaoUrl });
    const slowPoll = nock(ARM)
      .get(aaoPath)
      .query(true)
      .delay(60_000)
      .reply(200, { status: "Succeeded" });
    slowPoll.on("request", () => controller.abort());
    const poller = testClient().beginRequest({
      method: "PUT",
      path: workspacePath,
      apiVersion: "2024-10-01",
      body: {},
    });
    await expect(poller.pollUntilDone({ abortSignal: controller.signal })).rejects.toMatchObject({
      name: "AbortError",
    });
  });

  it("cancels the initial request in flight", async () => {
    const controller = new AbortController();
    const scope = nock(ARM).put(workspacePath).query(true).delay(60_000).reply(201, {});
    scope.on("request", () => controller.abort());
    const poller = testClient().beginRequest({
      method: "PUT",
      path: workspacePath,
      apiVersion: "2024-10-01",
      body: {},
      abortSignal: controller.signal,
    });
    await expect(poller).rejects.toMatchObject({ name: "AbortError" });
  });
});

describe("serialize and resume", () => {
  it("resumes a serialized operation in a fresh client and finishes it", async () => {
    nock(ARM)
      .put(privateEndpointPath)
      .query(true)
      .reply(201, peCreate.responses["201"]!.body, { "Azure-AsyncOperation": aaoUrl })
      .get(aaoPath)
      .query(true)
      .reply(200, { status: "InProgress" });
    const first = testClient().beginRequest({
      method: "PUT",
      path: privateEndpointPath,
      apiVersion: "2024-07-01",
      body: {},
    });
    await first.poll();
    expect(first.operationState?.status).toBe("running");
    const saved = await first.serialize();

    const finish = nock(ARM, { reqheaders: { authorization: "Bearer second-token" } })
      .get(aaoPath)
      .query(true)
      .reply(200, { status: "Succeeded" })
      .get(privateEndpointPath)
      .query({ "api-version": "2024-07-01" })
      .reply(200, peGet.responses["200"]!.body);
    const fresh = testClient({}, fakeCredential("second-token"));
    const resumed = fresh.beginRequest({ method: "PUT", restoreFrom: saved });
    await expect(resumed).resolves.toEqual(peGet.responses["200"]!.body);
    expect(finish.isDone()).toBe(true);
  });

  it("refuses a state that is not a serialized poller", () => {
    expect(() => testClient().beginRequest({ method: "PUT", restoreFrom: "{not json" })).toThrow(
      expect.objectContaining({ name: "ValidationError", code: "InvalidPollerState" }),
    );
  });

  it("refuses a state whose URLs are on another host", () => {
    const state = JSON.stringify({
      state: {
        status: "running",
        config: {
          operationLocation: "https://elsewhere.example/op",
          initialRequestUrl: `${ARM}${workspacePath}`,
          requestMethod: "PUT",
          metadata: { mode: "OperationLocation" },
        },
      },
    });
    expect(() => testClient().beginRequest({ method: "PUT", restoreFrom: state })).toThrow(
      expect.objectContaining({ name: "UntrustedHostError" }),
    );
  });
});

describe("Retry-After", () => {
  it("waits Retry-After before the first poll and between polls", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
    nock(ARM)
      .put(workspacePath)
      .query(true)
      .reply(201, {}, { "Azure-AsyncOperation": aaoUrl, "Retry-After": "10" });
    const firstPoll = nock(ARM)
      .get(aaoPath)
      .query(true)
      .reply(200, { status: "InProgress" }, { "Retry-After": "5" });
    const secondPoll = nock(ARM).get(aaoPath).query(true).reply(200, { status: "Succeeded" });
    nock(ARM).get(workspacePath).query(true).reply(200, { name: "testworkspace" });

    const poller = testClient().beginRequest({
      method: "PUT",
      path: workspacePath,
      apiVersion: "2024-10-01",
      body: {},
    });
    const firstPollDone = new Promise((resolve) => poller.onProgress(resolve));
    const done = poller.pollUntilDone();
    await untilTimerScheduled();
    await vi.advanceTimersByTimeAsync(9_900);
    expect(firstPoll.isDone()).toBe(false);
    await vi.advanceTimersByTimeAsync(200);
    await firstPollDone;
    await untilTimerScheduled();
    await vi.advanceTimersByTimeAsync(4_800);
    expect(secondPoll.isDone()).toBe(false);
    await vi.advanceTimersByTimeAsync(300);
    await expect(done).resolves.toEqual({ name: "testworkspace" });
  });

  it("uses updateIntervalInMs when ARM sends no Retry-After", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
    const initial = nock(ARM)
      .delete(workspacePath)
      .query(true)
      .reply(202, undefined, { Location: locationUrl });
    const poll = nock(ARM).get(locationPath).query(true).reply(204);
    const poller = testClient().beginRequest({
      method: "DELETE",
      path: workspacePath,
      apiVersion: "2024-10-01",
      updateIntervalInMs: 3_000,
    });
    const done = poller.pollUntilDone();
    await until(() => initial.isDone());
    await untilTimerScheduled();
    await vi.advanceTimersByTimeAsync(2_900);
    expect(poll.isDone()).toBe(false);
    await vi.advanceTimersByTimeAsync(200);
    await expect(done).resolves.toBeUndefined();
  });
});
