import { afterEach, describe, expect, it, vi } from "vitest";
import { startEmulator, type RunningEmulator } from "../../src/emulator/index.js";
import {
  apiVersions,
  clientFor,
  demoIds,
  exchangesTo,
  transcript,
  untilRecorded,
  useFakeClock,
} from "./armClientWorld.js";

// A poller saved in one client and finished in another, as a new process would, and pollers
// stopped by an abort signal; against the emulator over real HTTP.

let emulator: RunningEmulator;

afterEach(async () => {
  vi.useRealTimers();
  await emulator?.stop();
});

interface Resource {
  id: string;
  properties: { provisioningState: string };
}

describe("serialize and restoreFrom", () => {
  // The fake clock holds the operation in progress until the test moves time on, so the first
  // poll is sure to find it running.
  const latencyInMs = 10_000;

  it("finishes a workspace PUT polled through Location in a fresh client, sending the PUT once", async () => {
    useFakeClock();
    emulator = await startEmulator({ seed: true, latencyInMs });
    const path = demoIds(emulator).workspace("resumedws");
    const first = clientFor(emulator).beginRequest<Resource>({
      method: "PUT",
      path,
      apiVersion: apiVersions.machineLearning,
      body: { location: emulator.world.location, properties: {} },
    });
    await first.poll();
    expect(first.operationState?.status).toBe("running");
    expect(emulator.requests.map((r) => r.status)).toEqual([202, 202]);
    const saved = await first.serialize();

    await vi.advanceTimersByTimeAsync(latencyInMs);
    const resumed = clientFor(emulator).beginRequest<Resource>({
      method: "PUT",
      restoreFrom: saved,
    });

    const result = await resumed;
    expect(result).toMatchObject({ id: path, properties: { provisioningState: "Succeeded" } });
    expect(exchangesTo(emulator, "PUT", path)).toHaveLength(1);
    expect(transcript(emulator, 2)).toEqual([
      `GET ${new URL(emulator.requests[0]!.responseHeaders["location"]!).pathname} 200`,
      `GET ${path} 200`,
    ]);
  });

  it("finishes a DNS zone PUT polled through Azure-AsyncOperation in a fresh client", async () => {
    useFakeClock();
    emulator = await startEmulator({ seed: true, latencyInMs });
    const path = demoIds(emulator).dnsZone("privatelink.notebooks.azure.net");
    const first = clientFor(emulator).beginRequest<Resource>({
      method: "PUT",
      path,
      apiVersion: apiVersions.privateDns,
      body: { location: "global" },
    });
    await first.poll();
    expect(emulator.requests[1]?.responseBody).toMatchObject({ status: "InProgress" });
    const saved = await first.serialize();

    await vi.advanceTimersByTimeAsync(latencyInMs);
    const result = await clientFor(emulator).beginRequest<Resource>({
      method: "PUT",
      restoreFrom: saved,
    });

    expect(result).toMatchObject({ id: path, properties: { provisioningState: "Succeeded" } });
    expect(exchangesTo(emulator, "PUT", path)).toHaveLength(1);
    const asyncOperation = emulator.requests[0]!.responseHeaders["azure-asyncoperation"];
    expect(emulator.requests.slice(2).map((r) => r.url)).toEqual([
      asyncOperation,
      `${emulator.endpoint}${path}?api-version=${apiVersions.privateDns}`,
    ]);
  });
});

describe("abortSignal", () => {
  // The operation outlives the test, and the client waits a minute between polls: only the
  // abort can end the wait.
  const slow = { latencyInMs: 600_000 } as const;
  const minute = 60_000;

  it("stops an operation in progress through the request's abortSignal", async () => {
    emulator = await startEmulator({ seed: true, ...slow });
    const controller = new AbortController();
    const poller = clientFor(emulator).beginRequest({
      method: "PUT",
      path: demoIds(emulator).dnsZone("privatelink.api.azureml.ms"),
      apiVersion: apiVersions.privateDns,
      body: { location: "global" },
      updateIntervalInMs: minute,
      abortSignal: controller.signal,
    });
    const outcome = poller.then(
      () => undefined,
      (e: unknown) => e,
    );
    await untilRecorded(emulator, 1);

    controller.abort();

    await expect(outcome).resolves.toMatchObject({ name: "AbortError" });
    expect(poller.isDone).toBe(false);
    expect(emulator.requests.map((r) => r.method)).toEqual(["PUT"]);
  });

  it("stops the wait for Retry-After through pollUntilDone's abortSignal", async () => {
    emulator = await startEmulator({ seed: true, ...slow, retryAfterInSeconds: 60 });
    const poller = clientFor(emulator).beginRequest({
      method: "PUT",
      path: demoIds(emulator).workspace("abortedws"),
      apiVersion: apiVersions.machineLearning,
      body: { location: emulator.world.location, properties: {} },
    });
    const controller = new AbortController();
    const outcome = poller.pollUntilDone({ abortSignal: controller.signal }).then(
      () => undefined,
      (e: unknown) => e,
    );
    await untilRecorded(emulator, 1);
    expect(emulator.requests[0]?.responseHeaders["retry-after"]).toBe("60");

    controller.abort();

    await expect(outcome).resolves.toMatchObject({ name: "AbortError" });
    expect(poller.operationState?.status).toBe("running");
    expect(emulator.requests.map((r) => r.method)).toEqual(["PUT"]);
  });
});
