import { afterEach, describe, expect, it, vi } from "vitest";
import type { ArmError } from "../../src/arm/index.js";
import { startEmulator, type RunningEmulator } from "../../src/emulator/index.js";
import {
  apiVersions,
  clientFor,
  createWorkspace,
  demoIds,
  exchangesTo,
  privateEndpointBody,
  transcript,
  untilRecorded,
  untilWaiting,
  useFakeClock,
} from "./armClientWorld.js";

// ArmClient.beginRequest against the emulator over real HTTP: each polling style ARM uses for
// the resources of a private workspace, and Retry-After.

let emulator: RunningEmulator;

afterEach(async () => {
  vi.useRealTimers();
  await emulator?.stop();
});

async function start(options: { latencyInMs?: number; retryAfterInSeconds?: number } = {}) {
  emulator = await startEmulator({ seed: true, ...options });
  return { arm: clientFor(emulator), ids: demoIds(emulator) };
}

interface Resource {
  id: string;
  properties: Record<string, unknown> & { provisioningState?: string };
}

describe("PUT polled through Azure-AsyncOperation", () => {
  it("creates a private endpoint: polls the operation, then reads the endpoint", async () => {
    const { arm, ids } = await start();
    const workspace = ids.workspace("aaows");
    await createWorkspace(emulator, arm, workspace);
    const since = emulator.requests.length;
    const path = ids.privateEndpoint("aaope");

    const result = await arm.beginRequest<Resource>({
      method: "PUT",
      path,
      apiVersion: apiVersions.network,
      body: privateEndpointBody(emulator, "aaope", workspace),
    });

    const [put, poll, read] = emulator.requests.slice(since);
    expect(transcript(emulator, since)).toHaveLength(3);
    expect(put).toMatchObject({ method: "PUT", path, status: 201 });
    expect(poll?.url).toBe(put?.responseHeaders["azure-asyncoperation"]);
    expect(poll?.responseBody).toMatchObject({ status: "Succeeded" });
    expect(read).toMatchObject({ method: "GET", path, status: 200 });
    expect(result).toEqual(read?.responseBody);
    expect(result.properties.provisioningState).toBe("Succeeded");
  });

  it("takes the result from the operation status with finalStateVia azure-async-operation", async () => {
    const { arm, ids } = await start();
    const workspace = ids.workspace("aaows");
    await createWorkspace(emulator, arm, workspace);
    const path = ids.privateEndpoint("aaope");

    const result = await arm.beginRequest({
      method: "PUT",
      path,
      apiVersion: apiVersions.network,
      body: privateEndpointBody(emulator, "aaope", workspace),
      finalStateVia: "azure-async-operation",
    });

    expect(result).toMatchObject({ status: "Succeeded" });
    expect(exchangesTo(emulator, "GET", path)).toEqual([]);
  });

  it("creates a private DNS zone answered 202 with both headers, following Azure-AsyncOperation", async () => {
    const { arm, ids } = await start();
    const path = ids.dnsZone("privatelink.api.azureml.ms");

    const result = await arm.beginRequest<Resource>({
      method: "PUT",
      path,
      apiVersion: apiVersions.privateDns,
      body: { location: "global" },
    });

    const [put, ...rest] = emulator.requests;
    expect(put?.status).toBe(202);
    expect(put?.responseHeaders["location"]).toBeDefined();
    expect(rest.map((r) => r.url)).toEqual([
      put?.responseHeaders["azure-asyncoperation"],
      `${emulator.endpoint}${path}?api-version=${apiVersions.privateDns}`,
    ]);
    expect(result).toMatchObject({ id: path, properties: { provisioningState: "Succeeded" } });
  });
});

describe("polled through Location", () => {
  it("creates a workspace answered 202: polls Location, then reads the workspace", async () => {
    const { arm, ids } = await start();
    const path = ids.workspace("locationws");

    const result = await arm.beginRequest<Resource>({
      method: "PUT",
      path,
      apiVersion: apiVersions.machineLearning,
      body: { location: emulator.world.location, properties: { friendlyName: "Location" } },
    });

    const [put, poll, read] = emulator.requests;
    expect(emulator.requests).toHaveLength(3);
    expect(put).toMatchObject({ status: 202 });
    expect(put?.responseHeaders["azure-asyncoperation"]).toBeUndefined();
    expect(poll?.url).toBe(put?.responseHeaders["location"]);
    expect(read).toMatchObject({ method: "GET", path, status: 200 });
    expect(result).toEqual(read?.responseBody);
    expect(result.properties).toMatchObject({
      friendlyName: "Location",
      provisioningState: "Succeeded",
    });
  });

  it("PATCHes a workspace open to public access and returns the updated workspace", async () => {
    const { arm, ids } = await start();
    const path = ids.workspace("patchws");
    await createWorkspace(emulator, arm, path);
    const since = emulator.requests.length;

    const result = await arm.beginRequest<Resource>({
      method: "PATCH",
      path,
      apiVersion: apiVersions.machineLearning,
      body: { properties: { publicNetworkAccess: "Enabled" } },
    });

    const [patch, poll, read] = emulator.requests.slice(since);
    expect(patch).toMatchObject({ method: "PATCH", status: 202 });
    expect(poll?.url).toBe(patch?.responseHeaders["location"]);
    // The result is the resource read afterwards, not the body of the finished Location poll.
    expect(read).toMatchObject({ method: "GET", path, status: 200 });
    expect(result.properties).toMatchObject({
      publicNetworkAccess: "Enabled",
      provisioningState: "Succeeded",
    });
  });

  it("DELETEs a resource group answered 202 + Location, without reading it afterwards", async () => {
    const { arm, ids } = await start();

    const result = await arm.beginRequest({
      method: "DELETE",
      path: ids.group,
      apiVersion: apiVersions.resourceGroup,
    });

    const [remove, poll] = emulator.requests;
    expect(emulator.requests).toHaveLength(2);
    expect(remove).toMatchObject({ method: "DELETE", status: 202 });
    expect(poll).toMatchObject({ url: remove?.responseHeaders["location"], status: 200 });
    expect(result).toBeUndefined();
    const gone = await arm
      .sendRequest({ method: "GET", path: ids.group, apiVersion: apiVersions.resourceGroup })
      .catch((e: ArmError) => e);
    expect(gone).toMatchObject({ name: "ArmError", statusCode: 404 });
  });
});

describe("Retry-After", () => {
  it("waits Retry-After before the first poll and between polls", async () => {
    useFakeClock();
    const { arm, ids } = await start({ latencyInMs: 8_000, retryAfterInSeconds: 5 });
    const path = ids.dnsZone("privatelink.api.azureml.ms");

    const result = arm
      .beginRequest<Resource>({
        method: "PUT",
        path,
        apiVersion: apiVersions.privateDns,
        body: { location: "global" },
      })
      .then((zone) => zone);
    await untilRecorded(emulator, 1);
    await untilWaiting();
    expect(emulator.requests[0]?.responseHeaders["retry-after"]).toBe("5");

    await vi.advanceTimersByTimeAsync(4_999);
    expect(emulator.requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    await untilRecorded(emulator, 2);
    expect(emulator.requests[1]?.responseBody).toMatchObject({ status: "InProgress" });
    expect(emulator.requests[1]?.responseHeaders["retry-after"]).toBe("5");

    await untilWaiting();
    await vi.advanceTimersByTimeAsync(4_999);
    expect(emulator.requests).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    await expect(result).resolves.toMatchObject({ id: path });

    const started = emulator.requests.map((r) => r.startedAtMs - emulator.requests[0]!.startedAtMs);
    expect(started).toEqual([0, 5_000, 10_000, 10_000]);
    expect(emulator.requests[2]?.responseBody).toMatchObject({ status: "Succeeded" });
  });
});
