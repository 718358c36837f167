import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import nock from "nock";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { ArmClient, isArmError, type ArmError } from "../../src/arm/index.js";
import { until, untilTimerScheduled } from "./until.js";
import { loadExample } from "../fixtures/examples.js";
import { ARM, TOKEN, fakeCredential, testClient, workspacePath } from "./helpers.js";

const workspaceGet = loadExample("Microsoft.MachineLearningServices/2024-10-01/Workspace_get.json");
const packageVersion = JSON.parse(readFileSync("package.json", "utf8")).version as string;

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  nock.cleanAll();
  vi.useRealTimers();
});

describe("sendRequest", () => {
  it("returns the parsed body, lower-case headers and the request ids", async () => {
    nock(ARM)
      .get(workspacePath)
      .query({ "api-version": "2024-10-01" })
      .reply(200, workspaceGet.responses["200"]!.body, {
        "x-ms-request-id": "req-1",
        "x-ms-correlation-request-id": "corr-1",
      });
    const response = await testClient().sendRequest({
      method: "GET",
      path: workspacePath,
      apiVersion: "2024-10-01",
    });
    expect(response.status).toBe(200);
    expect(response.body).toEqual(workspaceGet.responses["200"]!.body);
    expect(response.headers["x-ms-request-id"]).toBe("req-1");
    expect(response).toMatchObject({ requestId: "req-1", correlationRequestId: "corr-1" });
  });

  it("sends the bearer token, a client request id and the user agent with its prefix", async () => {
    let headers: Record<string, string | string[]> = {};
    nock(ARM)
      .get(workspacePath)
      .query(true)
      .reply(function () {
        headers = this.req.headers;
        return [200, {}];
      });
    await testClient({ userAgentPrefix: "my-tool/1.2" }).sendRequest({
      method: "GET",
      path: workspacePath,
    });
    expect(headers["authorization"]).toBe(`Bearer ${TOKEN}`);
    expect(headers["x-ms-client-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(headers["user-agent"]).toMatch(
      new RegExp(`^my-tool/1\\.2 azureml-workspace/${packageVersion.replace(/\./g, "\\.")} `),
    );
  });

  it("sends a JSON body and extra query parameters", async () => {
    const body = loadExample("Microsoft.MachineLearningServices/2024-10-01/Workspace_update.json")
      .parameters["parameters"];
    nock(ARM, { reqheaders: { "content-type": "application/json" } })
      .patch(workspacePath, body as nock.RequestBodyMatcher)
      .query({ "api-version": "2024-10-01", forceToPurge: "true" })
      .reply(200, {});
    const response = await testClient().sendRequest({
      method: "PATCH",
      path: workspacePath,
      apiVersion: "2024-10-01",
      query: { forceToPurge: "true" },
      body,
    });
    expect(response.status).toBe(200);
  });

  it("follows an absolute URL on the endpoint, such as a nextLink", async () => {
    const nextLink = `${ARM}${workspacePath}/privateEndpointConnections?api-version=2024-10-01&$skipToken=abc`;
    nock(ARM)
      .get(`${workspacePath}/privateEndpointConnections`)
      .query(true)
      .reply(200, { value: [] });
    const response = await testClient().sendRequest({ method: "GET", url: nextLink });
    expect(response.body).toEqual({ value: [] });
  });

  it("refuses a URL on another host without sending anything", async () => {
    const elsewhere = nock("https://elsewhere.example").get(/.*/).reply(200, {});
    const error = await testClient()
      .sendRequest({ method: "GET", url: "https://elsewhere.example/subscriptions/x" })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      name: "UntrustedHostError",
      code: "UntrustedHost",
      origin: "https://elsewhere.example",
    });
    expect(elsewhere.isDone()).toBe(false);
  });

  it.each([
    [{ method: "GET" }, "path"],
    [{ method: "GET", path: workspacePath, url: `${ARM}${workspacePath}` }, "url"],
    [{ method: "GET", path: "subscriptions/x" }, "path"],
    [{ method: "TRACE", path: workspacePath }, "method"],
  ])("refuses a malformed request %j before sending", async (request, parameter) => {
    await expect(testClient().sendRequest(request as never)).rejects.toMatchObject({
      name: "ValidationError",
      code: "InvalidRequest",
      parameter,
    });
  });
});

describe("ARM errors", () => {
  it("carries ARM's error object and puts the request ids in the message", async () => {
    nock(ARM)
      .put(workspacePath)
      .query(true)
      .reply(
        400,
        {
          error: {
            code: "InvalidWorkspaceName",
            message: "The workspace name is not valid.",
            target: "workspaceName",
            details: [{ code: "PatternMismatch", message: "Use letters, digits, - and _." }],
            additionalInfo: [{ type: "PolicyViolation", info: { policy: "naming" } }],
          },
        },
        { "x-ms-request-id": "req-42", "x-ms-correlation-request-id": "corr-42" },
      );
    const error = (await testClient()
      .sendRequest({ method: "PUT", path: workspacePath, apiVersion: "2024-10-01", body: {} })
      .catch((e: unknown) => e)) as ArmError;
    expect(error).toMatchObject({
      name: "ArmError",
      statusCode: 400,
      code: "InvalidWorkspaceName",
      target: "workspaceName",
      details: [{ code: "PatternMismatch", message: "Use letters, digits, - and _." }],
      additionalInfo: [{ type: "PolicyViolation", info: { policy: "naming" } }],
      requestId: "req-42",
      correlationRequestId: "corr-42",
      method: "PUT",
      url: `${ARM}${workspacePath}?api-version=2024-10-01`,
    });
    expect(error.message).toContain("PUT https://management.azure.com/subscriptions/");
    expect(error.message).toContain("400 InvalidWorkspaceName: The workspace name is not valid.");
    expect(error.message).toContain("PatternMismatch");
    expect(error.message).toContain("x-ms-request-id: req-42");
    expect(error.message).toContain("x-ms-correlation-request-id: corr-42");
    expect(isArmError(error)).toBe(true);
    expect(isArmError(error, 400)).toBe(true);
    expect(isArmError(error, 404)).toBe(false);
  });

  it("reads the Network resource provider's CloudError", async () => {
    nock(ARM)
      .get("/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/privateEndpoints/pe")
      .query(true)
      .reply(404, {
        error: {
          code: "ResourceNotFound",
          message:
            "The Resource 'Microsoft.Network/privateEndpoints/pe' under resource group 'rg' was not found.",
          details: [],
        },
      });
    const error = await testClient()
      .sendRequest({
        method: "GET",
        path: "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/privateEndpoints/pe",
      })
      .catch((e: unknown) => e);
    expect(isArmError(error, 404)).toBe(true);
    expect(error).toMatchObject({ code: "ResourceNotFound", details: [] });
    expect((error as Error).message).toContain(
      "Check the subscription, resource group and resource names.",
    );
  });

  it("falls back to the HTTP status and a text excerpt for a non-JSON body", async () => {
    nock(ARM)
      .get(workspacePath)
      .query(true)
      .times(3)
      .reply(502, "<html><body><h1>Bad gateway</h1> upstream reset</body></html>", {
        "content-type": "text/html",
      });
    const error = await testClient()
      .sendRequest({ method: "GET", path: workspacePath })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "ArmError", statusCode: 502, code: "BadGateway" });
    expect((error as Error).message).toContain("Bad gateway upstream reset");
    expect((error as Error).message).toContain("x-ms-request-id: none");
  });

  it("reports a connection failure as an ArmError without a status", async () => {
    // A loopback port nobody listens on: a real ECONNREFUSED, without leaving the machine.
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise((resolve) => server.close(resolve));
    nock.enableNetConnect("127.0.0.1");
    const client = testClient({
      endpoint: `http://127.0.0.1:${port}`,
      allowInsecureLoopback: true,
    });
    const error = await client
      .sendRequest({ method: "GET", path: workspacePath })
      .catch((e: unknown) => e);
    nock.disableNetConnect();
    expect(error).toMatchObject({ name: "ArmError", code: "ECONNREFUSED" });
    expect((error as ArmError).statusCode).toBeUndefined();
    expect(Object.keys(error as object)).not.toContain("request");
  });
});

describe("retries", () => {
  it("retries a 429 with Retry-After, then returns the success", async () => {
    const scope = nock(ARM)
      .get(workspacePath)
      .query(true)
      .reply(
        429,
        { error: { code: "TooManyRequests", message: "The request is being throttled." } },
        { "Retry-After": "0" },
      )
      .get(workspacePath)
      .query(true)
      .reply(200, workspaceGet.responses["200"]!.body);
    const response = await testClient().sendRequest({ method: "GET", path: workspacePath });
    expect(response.status).toBe(200);
    expect(scope.isDone()).toBe(true);
  });

  it("waits as long as Retry-After asks before retrying", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
    const scope = nock(ARM)
      .get(workspacePath)
      .query(true)
      .reply(
        429,
        { error: { code: "TooManyRequests", message: "throttled" } },
        { "Retry-After": "7" },
      );
    const retried = nock(ARM).get(workspacePath).query(true).reply(200, {});
    const pending = testClient().sendRequest({ method: "GET", path: workspacePath });
    await until(() => scope.isDone());
    await untilTimerScheduled();
    await vi.advanceTimersByTimeAsync(6_900);
    expect(retried.isDone()).toBe(false);
    await vi.advanceTimersByTimeAsync(200);
    await expect(pending).resolves.toMatchObject({ status: 200 });
  });

  it("retries a retryable 5xx and gives up after maxRetries", async () => {
    const scope = nock(ARM)
      .get(workspacePath)
      .query(true)
      .times(3)
      .reply(503, { error: { code: "ServiceUnavailable", message: "Try again." } });
    const error = await testClient()
      .sendRequest({ method: "GET", path: workspacePath })
      .catch((e: unknown) => e);
    expect(scope.isDone()).toBe(true);
    expect(error).toMatchObject({ statusCode: 503, code: "ServiceUnavailable" });
  });

  it("does not retry a 400", async () => {
    const scope = nock(ARM)
      .get(workspacePath)
      .query(true)
      .reply(400, { error: { code: "BadRequest", message: "no" } });
    const later = nock(ARM).get(workspacePath).query(true).reply(200, {});
    await expect(
      testClient().sendRequest({ method: "GET", path: workspacePath }),
    ).rejects.toMatchObject({
      statusCode: 400,
    });
    expect(scope.isDone()).toBe(true);
    expect(later.isDone()).toBe(false);
  });
});

describe("abort", () => {
  it("cancels a request in flight", async () => {
    const controller = new AbortController();
    const scope = nock(ARM).get(workspacePath).query(true).delay(60_000).reply(200, {});
    scope.on("request", () => controller.abort());
    const error = await testClient()
      .sendRequest({ method: "GET", path: workspacePath, abortSignal: controller.signal })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "AbortError" });
  });
});

describe("endpoint", () => {
  it("strips a trailing slash", () => {
    expect(new ArmClient(fakeCredential(), { endpoint: "https://arm.example/" }).endpoint).toBe(
      "https://arm.example",
    );
  });

  it.each(["http://arm.example", "http://10.0.0.1:8080", "http://127.0.0.1.nip.io"])(
    "refuses plain http to %s even with allowInsecureLoopback",
    (endpoint) => {
      expect(
        () => new ArmClient(fakeCredential(), { endpoint, allowInsecureLoopback: true }),
      ).toThrow(
        expect.objectContaining({
          name: "ValidationError",
          code: "InvalidEndpoint",
          parameter: "endpoint",
        }),
      );
    },
  );

  it("refuses a loopback http endpoint unless allowInsecureLoopback is set", () => {
    expect(() => new ArmClient(fakeCredential(), { endpoint: "http://127.0.0.1:8080" })).toThrow(
      /allowInsecureLoopback/,
    );
  });

  it.each(["ftp://arm.example", "not a url", "https://user:pass@arm.example"])(
    "refuses %s",
    (endpoint) => {
      expect(() => new ArmClient(fakeCredential(), { endpoint })).toThrow(
        expect.objectContaining({ code: "InvalidEndpoint" }),
      );
    },
  );

  it.each([
    "http://127.0.0.1:8080",
    "http://127.10.20.30",
    "http://localhost:3000",
    "http://[::1]:4000",
  ])("accepts %s with allowInsecureLoopback", (endpoint) => {
    expect(
      new ArmClient(fakeCredential(), { endpoint, allowInsecureLoopback: true }).endpoint,
    ).toBe(endpoint);
  });

  it("sends the token over http to an allowed loopback endpoint", async () => {
    let authorization: unknown;
    nock("http://127.0.0.1:8080")
      .get(workspacePath)
      .reply(function () {
        authorization = this.req.headers["authorization"];
        return [200, {}];
      });
    const client = testClient({ endpoint: "http://127.0.0.1:8080", allowInsecureLoopback: true });
    await client.sendRequest({ method: "GET", path: workspacePath });
    expect(authorization).toBe(`Bearer ${TOKEN}`);
  });

  it("refuses a credential without getToken", () => {
    expect(() => new ArmClient({} as never)).toThrow(
      expect.objectContaining({ code: "InvalidCredential" }),
    );
  });
});
