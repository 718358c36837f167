import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { FaultRule, RunningEmulator } from "../../src/emulator/index.js";
import { Workspace } from "../../src/index.js";
import type { ArmClient } from "../../src/index.js";
import {
  API,
  createOptions,
  endpointConfig,
  exists,
  inventory,
  startE2e,
} from "./emulatorReads.js";

let emulator: RunningEmulator;
let arm: ArmClient;

/** Retries without waiting: throttling answers `Retry-After: 0`, back-offs are 0 ms. */
const retryOptions = { maxRetries: 3, retryDelayInMs: 0, maxRetryDelayInMs: 0 };

/** The statuses the emulator answered for requests matching `method` and `path`, in order. */
function statuses(method: string, path: RegExp): number[] {
  return emulator.requests
    .filter((r) => r.method === method && path.test(r.path))
    .map((r) => r.status);
}

function createWithEndpoint(name: string) {
  return Workspace.create(
    createOptions(emulator, name, {
      retryOptions,
      privateEndpointConfig: endpointConfig(emulator, `${name}-pe`),
    }),
  );
}

beforeEach(async () => {
  ({ emulator, arm } = await startE2e());
});

afterEach(async () => {
  await emulator?.stop();
});

describe("Workspace.create under throttling and transient failures", () => {
  it.each<[string, FaultRule, string, RegExp]>([
    [
      "the storage account PUT",
      {
        kind: "throttle",
        method: "PUT",
        path: /storageAccounts\/[^/]+$/,
        times: 2,
        retryAfterInSeconds: 0,
      },
      "PUT",
      /storageAccounts\/[^/]+$/,
    ],
    [
      "the provider read of the checks",
      {
        kind: "throttle",
        method: "GET",
        path: /\/providers\/Microsoft\.MachineLearningServices$/,
        times: 3,
        retryAfterInSeconds: 0,
      },
      "GET",
      /\/providers\/Microsoft\.MachineLearningServices$/,
    ],
    [
      "the polls of the workspace operation",
      {
        kind: "throttle",
        method: "GET",
        path: /operationResults\//,
        times: 2,
        retryAfterInSeconds: 0,
      },
      "GET",
      /operationResults\//,
    ],
    [
      "the private endpoint PUT",
      {
        kind: "throttle",
        method: "PUT",
        path: /privateEndpoints\/thrws-pe$/,
        times: 1,
        retryAfterInSeconds: 0,
      },
      "PUT",
      /privateEndpoints\/thrws-pe$/,
    ],
  ])("succeeds when %s is throttled, retrying after 429s", async (_what, fault, method, path) => {
    emulator.addFault(fault);

    const ws = await createWithEndpoint("thrws");

    const seen = statuses(method, path);
    expect(seen.slice(0, fault.times)).toEqual(Array(fault.times).fill(429));
    expect(seen[fault.times!]).toBeGreaterThanOrEqual(200);
    expect(seen[fault.times!]).toBeLessThan(300);
    expect((await ws.privateEndpoints())[0]?.status).toBe("Approved");
  });

  it("succeeds when the workspace PUT meets a transient 503", async () => {
    emulator.addFault({ kind: "transient", method: "PUT", path: /\/workspaces\/thrws$/, times: 1 });

    const ws = await createWithEndpoint("thrws");

    expect(statuses("PUT", /\/workspaces\/thrws$/)).toEqual([503, 202]);
    expect(await exists(arm, ws.id, API.machineLearning)).toBe(true);
  });

  it("succeeds when a DNS zone PUT meets a transient 500, creating the zone once", async () => {
    const zonePath = /\/privateDnsZones\/privatelink\.api\.azureml\.ms$/;
    emulator.addFault({
      kind: "transient",
      method: "PUT",
      path: zonePath,
      statusCode: 500,
      times: 1,
    });

    await createWithEndpoint("thrws");

    // If-None-Match: * makes a repeated creation fail with 412: the retry must be the only one.
    expect(statuses("PUT", zonePath)).toEqual([500, 202]);
  });

  it("succeeds when the connection drops once on the key vault PUT", async () => {
    emulator.addFault({ kind: "drop", method: "PUT", path: /vaults\/[^/]+$/, times: 1 });

    const ws = await createWithEndpoint("thrws");

    expect(statuses("PUT", /vaults\/[^/]+$/)).toEqual([0, 201]);
    const keyVault = (await ws.getDetails()).properties?.keyVault;
    expect(await exists(arm, keyVault!, API.keyVault)).toBe(true);
  });

  it("gives up after maxRetries throttled answers, with ARM's code, and rolls back", async () => {
    const before = await inventory(arm, emulator);
    emulator.addFault({
      kind: "throttle",
      method: "PUT",
      path: /privateEndpoints\/thrws-pe$/,
      retryAfterInSeconds: 0,
    });

    const error = await createWithEndpoint("thrws").catch((e: unknown) => e);

    emulator.clearFaults();
    expect(error).toMatchObject({ name: "WorkspaceCreateError", step: "privateEndpoint" });
    expect((error as { cause: { code: string; statusCode: number } }).cause).toMatchObject({
      code: "TooManyRequests",
      statusCode: 429,
    });
    expect(statuses("PUT", /privateEndpoints\/thrws-pe$/)).toEqual([429, 429, 429, 429]);
    expect(await inventory(arm, emulator)).toEqual(before);
  });
});
