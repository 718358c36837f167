import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { ArmError } from "../../src/arm/index.js";
import { startEmulator, type RunningEmulator } from "../../src/emulator/index.js";
import {
  apiVersions,
  clientFor,
  demoIds,
  untilRecorded,
  untilWaiting,
  useFakeClock,
} from "./armClientWorld.js";

// Throttling, server errors and dropped connections injected by the emulator, as the client's
// pipeline meets them over real sockets. Every client here retries twice with no back-off of its
// own, so only a Retry-After can make it wait.

let emulator: RunningEmulator;
let groupPath: string;

beforeEach(async () => {
  emulator = await startEmulator({ seed: true });
  groupPath = demoIds(emulator).group;
});

afterEach(async () => {
  vi.useRealTimers();
  await emulator?.stop();
});

function getGroup() {
  return clientFor(emulator).sendRequest<{ id: string }>({
    method: "GET",
    path: groupPath,
    apiVersion: apiVersions.resourceGroup,
  });
}

function statuses(): number[] {
  return emulator.requests.map((r) => r.status);
}

describe("throttling", () => {
  it("retries a 429 that carries Retry-After, then returns the success", async () => {
    emulator.addFault({ kind: "throttle", path: groupPath, times: 1, retryAfterInSeconds: 0 });

    const response = await getGroup();

    expect(response.body.id).toBe(groupPath);
    expect(statuses()).toEqual([429, 200]);
    expect(emulator.requests[0]?.responseHeaders["retry-after"]).toBe("0");
  });

  it("waits as long as Retry-After asks before retrying", async () => {
    useFakeClock();
    emulator.addFault({ kind: "throttle", path: groupPath, times: 1, retryAfterInSeconds: 3 });

    const response = getGroup();
    await untilRecorded(emulator, 1);
    await untilWaiting();
    await vi.advanceTimersByTimeAsync(2_999);
    expect(statuses()).toEqual([429]);
    await vi.advanceTimersByTimeAsync(1);

    await expect(response).resolves.toMatchObject({ status: 200 });
    const [throttled, retried] = emulator.requests;
    expect(retried!.startedAtMs - throttled!.startedAtMs).toBe(3_000);
  });

  it("surfaces the last 429 as an ArmError once the retries are spent", async () => {
    emulator.addFault({ kind: "throttle", path: groupPath, retryAfterInSeconds: 0 });

    const error = (await getGroup().catch((e: unknown) => e)) as ArmError;

    expect(statuses()).toEqual([429, 429, 429]);
    expect(error).toMatchObject({
      name: "ArmError",
      statusCode: 429,
      code: "TooManyRequests",
      requestId: emulator.requests[2]?.responseHeaders["x-ms-request-id"],
    });
    expect(error.message).toContain("The request is being throttled");
    expect(error.message).toContain("ARM kept throttling after the retries");
  });

  it("retries a throttled poll and still finishes the operation", async () => {
    const zone = `${groupPath}/providers/Microsoft.Network/privateDnsZones/privatelink.api.azureml.ms`;
    emulator.addFault({
      kind: "throttle",
      method: "GET",
      path: "/privateDnsOperationStatuses/",
      times: 1,
      retryAfterInSeconds: 0,
    });

    const result = await clientFor(emulator).beginRequest<{ id: string }>({
      method: "PUT",
      path: zone,
      apiVersion: apiVersions.privateDns,
      body: { location: "global" },
    });

    expect(result.id).toBe(zone);
    expect(statuses()).toEqual([202, 429, 200, 200]);
    expect(emulator.requests[2]?.url).toBe(emulator.requests[1]?.url);
  });
});

describe("server errors", () => {
  it("retries a transient 503 without Retry-After, then returns the success", async () => {
    emulator.addFault({ kind: "transient", path: groupPath, times: 1 });

    const response = await getGroup();

    expect(response.status).toBe(200);
    expect(statuses()).toEqual([503, 200]);
    expect(emulator.requests[0]?.responseHeaders["retry-after"]).toBeUndefined();
  });

  it("surfaces a persistent 500 as an ArmError with ARM's code after the retries", async () => {
    emulator.addFault({ kind: "transient", path: groupPath, statusCode: 500 });

    const error = await getGroup().catch((e: unknown) => e);

    expect(statuses()).toEqual([500, 500, 500]);
    expect(error).toMatchObject({
      name: "ArmError",
      statusCode: 500,
      code: "InternalServerError",
    });
  });
});

describe("dropped connections", () => {
  it("retries a request whose connection was dropped, then returns the success", async () => {
    emulator.addFault({ kind: "drop", path: groupPath, times: 1 });

    const response = await getGroup();

    expect(response.status).toBe(200);
    // 0 is how the emulator records a connection it destroyed without answering.
    expect(statuses()).toEqual([0, 200]);
  });

  it("reports a connection that keeps dropping as an ArmError without a status", async () => {
    emulator.addFault({ kind: "drop", path: groupPath });

    const error = (await getGroup().catch((e: unknown) => e)) as ArmError;

    expect(statuses()).toEqual([0, 0, 0]);
    expect(error).toMatchObject({ name: "ArmError", code: "ECONNRESET", method: "GET" });
    expect(error.statusCode).toBeUndefined();
    expect(error.message).toContain("got no answer from ARM");
    expect(error.message).toContain(groupPath);
  });
});
