import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { inspect } from "node:util";
import { AzureLogger, setLogLevel } from "@azure/logger";
import nock from "nock";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { redact } from "../../src/arm/redact.js";
import { ARM, TOKEN, testClient, workspacePath } from "./helpers.js";

const SIGNATURE = "k3yS1gnatur3Value";
const signedStatusUrl =
  `${ARM}${workspacePath}/operationStatuses/op?api-version=2024-10-01` +
  `&se=2030-01-01T00%3A00%3A00Z&sp=r&sig=${SIGNATURE}`;

/** Every way an error can be turned into text by a caller or a logger. */
function allTextOf(error: unknown): string {
  return [
    String(error),
    (error as Error).message,
    (error as Error).stack,
    JSON.stringify(error),
    inspect(error),
    inspect(error, { showHidden: true, depth: Infinity }),
  ].join("\n");
}

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

describe("tokens never leak", () => {
  it("keeps the token out of an ARM error", async () => {
    nock(ARM)
      .get(workspacePath)
      .query(true)
      .reply(401, {
        error: {
          code: "InvalidAuthenticationToken",
          message: `The access token is invalid: Bearer ${TOKEN}`,
        },
      });
    const error = await testClient()
      .sendRequest({ method: "GET", path: workspacePath })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "ArmError", statusCode: 401 });
    expect(allTextOf(error)).not.toContain(TOKEN);
    expect(allTextOf(error)).toContain("InvalidAuthenticationToken");
  });

  it("keeps the token out of a connection failure, which held the request and its headers", async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise((resolve) => server.close(resolve));
    nock.enableNetConnect("127.0.0.1");
    try {
      const client = testClient({
        endpoint: `http://127.0.0.1:${port}`,
        allowInsecureLoopback: true,
      });
      const error = await client
        .sendRequest({ method: "GET", path: workspacePath })
        .catch((e: unknown) => e);
      expect(error).toMatchObject({ name: "ArmError" });
      expect(allTextOf(error)).not.toContain(TOKEN);
    } finally {
      nock.disableNetConnect();
    }
  });

  it("keeps the token out of a failed operation's error", async () => {
    nock(ARM)
      .put(workspacePath)
      .query(true)
      .reply(201, {}, { "Azure-AsyncOperation": signedStatusUrl })
      .get(`${workspacePath}/operationStatuses/op`)
      .query(true)
      .reply(200, { status: "Failed", error: { code: "InternalServerError", message: "Boom." } });
    const error = await testClient()
      .beginRequest({ method: "PUT", path: workspacePath, apiVersion: "2024-10-01", body: {} })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "ArmError", code: "InternalServerError" });
    expect(allTextOf(error)).not.toContain(TOKEN);
  });
});

describe("signed URLs are redacted", () => {
  it("redacts signature parameters in the URL and message of an error", async () => {
    nock(ARM)
      .put(workspacePath)
      .query(true)
      .reply(201, {}, { "Azure-AsyncOperation": signedStatusUrl })
      .get(`${workspacePath}/operationStatuses/op`)
      .query(true)
      .reply(403, {
        error: { code: "AuthorizationFailed", message: `No access to ${signedStatusUrl}` },
      });
    const error = await testClient()
      .beginRequest({ method: "PUT", path: workspacePath, apiVersion: "2024-10-01", body: {} })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      name: "ArmError",
      statusCode: 403,
      url: expect.stringContaining("sig=REDACTED"),
    });
    expect(allTextOf(error)).not.toContain(SIGNATURE);
    expect(allTextOf(error)).not.toContain("2030-01-01");
  });

  it("redacts secret query values, bearer tokens, JWTs and URL credentials in text", () => {
    expect(redact("https://a.example/x?api-version=1&sig=abc&SE=2030&code=xyz#f")).toBe(
      "https://a.example/x?api-version=1&sig=REDACTED&SE=REDACTED&code=REDACTED#f",
    );
    expect(redact("Authorization: Bearer abc.def-ghi")).toBe("Authorization: Bearer REDACTED");
    expect(redact(`token ${TOKEN} here`)).toBe("token REDACTED here");
    expect(redact("https://user:pass@a.example/")).toBe("https://a.example/");
  });
});

describe("logging", () => {
  it("logs start, each poll with its wait and completion, without tokens or signatures", async () => {
    const lines: string[] = [];
    const originalLog = AzureLogger.log;
    AzureLogger.log = (...args: unknown[]) => void lines.push(args.map(String).join(" "));
    setLogLevel("verbose");
    try {
      nock(ARM)
        .put(workspacePath)
        .query(true)
        .reply(201, {}, { "Azure-AsyncOperation": signedStatusUrl })
        .get(`${workspacePath}/operationStatuses/op`)
        .query(true)
        .reply(200, { status: "InProgress" }, { "Retry-After": "0" })
        .get(`${workspacePath}/operationStatuses/op`)
        .query(true)
        .reply(200, { status: "Succeeded" })
        .get(workspacePath)
        .query(true)
        .reply(200, { name: "testworkspace" });
      await testClient().beginRequest({
        method: "PUT",
        path: workspacePath,
        apiVersion: "2024-10-01",
        body: {},
      });
    } finally {
      setLogLevel();
      AzureLogger.log = originalLog;
    }
    const ours = lines.filter((line) => line.includes("azure:azureml-workspace:info"));
    expect(ours.some((line) => line.includes("starting the long-running operation"))).toBe(true);
    expect(ours.some((line) => /InProgress after poll 1, next poll in 0 ms/.test(line))).toBe(true);
    expect(ours.some((line) => /succeeded in \d+ ms, 3 polling request\(s\)/.test(line))).toBe(
      true,
    );
    // core-lro's own verbose lines describe the operation with its raw polling URL; they are
    // outside this package's control.
    const everything = lines.filter((line) => !line.startsWith("azure:core-lro")).join("\n");
    expect(everything).toContain("azure:azureml-workspace:verbose Request:");
    expect(everything).not.toContain(TOKEN);
    expect(everything).not.toContain(SIGNATURE);
  });
});
