import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "../../src/emulator/index.js";
import { armHttp, type ArmHttp } from "./armHttp.js";
import { freezeClock } from "./frozenClock.js";
import { worldBuilder } from "./world.js";

let emulator: RunningEmulator;
let arm: ArmHttp;
let world: ReturnType<typeof worldBuilder>;

async function start(options: Parameters<typeof startEmulator>[0] = {}) {
  emulator = await startEmulator({ seed: true, ...options });
  arm = armHttp(emulator);
  world = worldBuilder(arm);
}

beforeEach(() => start());
afterEach(() => emulator.stop());

describe("recorded exchanges", () => {
  it("records the request and the answer, with the authorization header redacted", async () => {
    const url = `${world.ml}/myworkspace`;
    await arm.send(
      "PUT",
      url,
      { location: "eastus2" },
      {
        headers: { authorization: "Bearer secret-token", "x-ms-client-request-id": "client-1" },
      },
    );
    const [exchange] = emulator.requests;
    expect(exchange).toMatchObject({
      method: "PUT",
      url: `${emulator.endpoint}${url}?api-version=2024-10-01`,
      path: url,
      apiVersion: "2024-10-01",
      requestBody: { location: "eastus2" },
      status: 202,
      responseBody: undefined,
    });
    expect(exchange!.requestHeaders.authorization).toBe("REDACTED");
    expect(exchange!.requestHeaders["x-ms-client-request-id"]).toBe("client-1");
    expect(JSON.stringify(emulator.requests)).not.toContain("secret-token");
    expect(exchange!.responseHeaders.location).toMatch(/operationResults/);
    expect(exchange!.responseHeaders["x-ms-client-request-id"]).toBe("client-1");
  });

  it("records the parsed JSON answer and lower-cases the response header names", async () => {
    await arm.send("GET", `${world.ml}/nothere`);
    const [exchange] = emulator.requests;
    expect(exchange!.status).toBe(404);
    expect(exchange!.responseBody).toMatchObject({ error: { code: "ResourceNotFound" } });
    expect(exchange!.responseHeaders["content-type"]).toBe("application/json; charset=utf-8");
    expect(Object.keys(exchange!.responseHeaders).every((k) => k === k.toLowerCase())).toBe(true);
  });

  it("records a body that is not JSON as its raw text", async () => {
    await arm.send("PUT", `${world.ml}/myworkspace`, "{not json");
    const [exchange] = emulator.requests;
    expect(exchange!.requestBody).toBe("{not json");
    expect(exchange!.status).toBe(400);
  });

  it("records the exchanges in the order they were answered, each finishing after it started", async () => {
    await world.createWorkspace();
    await arm.send("GET", `${world.ml}/myworkspace`);
    expect(emulator.requests.map((e) => `${e.method} ${e.status}`)).toEqual([
      "PUT 202",
      "GET 200",
      "GET 200",
    ]);
    for (const exchange of emulator.requests) {
      expect(exchange.finishedAtMs).toBeGreaterThanOrEqual(exchange.startedAtMs);
    }
    const starts = emulator.requests.map((e) => e.startedAtMs);
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
  });

  it("records no body for a HEAD answer", async () => {
    await arm.send("HEAD", arm.rg);
    const [exchange] = emulator.requests;
    expect(exchange).toMatchObject({ method: "HEAD", status: 204, responseBody: undefined });
  });
});

describe("standard answer headers", () => {
  it("sends a request id, echoes the correlation id and counts down the write budget", async () => {
    const first = await arm.send(
      "PUT",
      `${world.ml}/one`,
      { location: "eastus2" },
      {
        headers: { "x-ms-correlation-request-id": "corr-1" },
      },
    );
    const second = await arm.send("PUT", `${world.ml}/two`, { location: "eastus2" });
    expect(first.headers.get("x-ms-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    expect(first.headers.get("x-ms-correlation-request-id")).toBe("corr-1");
    expect(second.headers.get("x-ms-correlation-request-id")).toBe(
      second.headers.get("x-ms-request-id"),
    );
    const remaining = (answer: typeof first) =>
      Number(answer.headers.get("x-ms-ratelimit-remaining-subscription-writes"));
    expect(remaining(first)).toBe(1199);
    expect(remaining(second)).toBe(1198);
  });
});

describe("retryAfterInSeconds", () => {
  it("leaves Retry-After out when 0, the default", async () => {
    const workspace = await world.createWorkspace();
    const put = await arm.send("PUT", `${world.net}/privateEndpoints/pe1`, {
      location: "eastus2",
      properties: {
        subnet: { id: emulator.world.subnetId },
        privateLinkServiceConnections: [
          {
            name: "pe1",
            properties: { privateLinkServiceId: workspace.id, groupIds: ["amlworkspace"] },
          },
        ],
      },
    });
    expect(put.status).toBe(201);
    expect(put.headers.get("retry-after")).toBeNull();
  });

  describe("with latency", () => {
    let clock: ReturnType<typeof freezeClock>;
    beforeEach(async () => {
      clock = freezeClock();
      await emulator.stop();
      await start({ retryAfterInSeconds: 5, latencyInMs: 20 });
    });
    afterEach(() => clock.restore());

    it("sends Retry-After on the initial answer and on every poll in progress, not once done", async () => {
      const put = await arm.send("PUT", `${world.net}/privateDnsZones/privatelink.api.azureml.ms`, {
        location: "global",
      });
      expect(put.status).toBe(202);
      expect(put.headers.get("retry-after")).toBe("5");

      const status = await arm.send("GET", put.headers.get("azure-asyncoperation")!);
      expect(status.body.status).toBe("InProgress");
      expect(status.headers.get("retry-after")).toBe("5");
      const result = await arm.send("GET", put.headers.get("location")!);
      expect(result.status).toBe(202);
      expect(result.headers.get("retry-after")).toBe("5");

      clock.advance(20);
      const finished = await arm.send("GET", put.headers.get("azure-asyncoperation")!);
      expect(finished.body.status).toBe("Succeeded");
      expect(finished.headers.get("retry-after")).toBeNull();
      const finalResult = await arm.send("GET", put.headers.get("location")!);
      expect(finalResult.status).toBe(200);
      expect(finalResult.headers.get("retry-after")).toBeNull();
    });
  });

  it("refuses a negative value", async () => {
    await expect(startEmulator({ retryAfterInSeconds: -1 })).rejects.toThrow(RangeError);
  });
});
