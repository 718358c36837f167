import type { AccessToken, TokenCredential } from "@azure/core-auth";
import { vi } from "vitest";
import { ArmClient, type ArmClientOptions } from "../../src/arm/index.js";
import type { RecordedExchange, RunningEmulator } from "../../src/emulator/index.js";
import { until } from "../arm/until.js";

/** A token that looks like a real one (a JWT), so that a leak of it would be recognisable. */
export const SECRET_TOKEN =
  "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJlMmUtYXJtLWNsaWVudCJ9.ZTJlLXNpZ25hdHVyZS1zZWNyZXQ";

/** A credential handing out {@link SECRET_TOKEN}; the emulator accepts any bearer token. */
export function secretCredential(token = SECRET_TOKEN): TokenCredential {
  return {
    async getToken(): Promise<AccessToken> {
      return { token, expiresOnTimestamp: Date.now() + 3_600_000 };
    },
  };
}

/**
 * A client of its own on the emulator, as a separate process would have: no wait between polls
 * and no back-off between retries, so that only `Retry-After` can make a test wait.
 */
export function clientFor(
  emulator: RunningEmulator,
  options: ArmClientOptions = {},
  credential: TokenCredential = secretCredential(),
): ArmClient {
  return new ArmClient(credential, {
    endpoint: emulator.endpoint,
    allowInsecureLoopback: true,
    updateIntervalInMs: 0,
    retryOptions: { maxRetries: 2, retryDelayInMs: 0, maxRetryDelayInMs: 0 },
    ...options,
  });
}

/** ARM ids in the emulator's demo world, and the api-versions this library uses for them. */
export function demoIds(emulator: RunningEmulator) {
  const { subscriptionId, resourceGroup } = emulator.world;
  const group = `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}`;
  return {
    subscriptionId,
    group,
    groupAt: (name: string) => `/subscriptions/${subscriptionId}/resourceGroups/${name}`,
    vnet: emulator.world.vnetId,
    subnet: emulator.world.subnetId,
    workspace: (name: string) =>
      `${group}/providers/Microsoft.MachineLearningServices/workspaces/${name}`,
    privateEndpoint: (name: string) =>
      `${group}/providers/Microsoft.Network/privateEndpoints/${name}`,
    dnsZone: (name: string) => `${group}/providers/Microsoft.Network/privateDnsZones/${name}`,
  };
}

export const apiVersions = {
  resourceGroup: "2021-04-01",
  network: "2024-07-01",
  privateDns: "2020-06-01",
  machineLearning: "2024-10-01",
} as const;

/** The recorded exchanges with a method and a path, compared case-insensitively. */
export function exchangesTo(
  emulator: RunningEmulator,
  method: string,
  path: string,
): RecordedExchange[] {
  return emulator.requests.filter(
    (r) => r.method === method && r.path.toLowerCase() === path.toLowerCase(),
  );
}

/** The recorded exchanges after the first `since`, as "METHOD path status" lines. */
export function transcript(emulator: RunningEmulator, since = 0): string[] {
  return emulator.requests.slice(since).map((r) => `${r.method} ${r.path} ${r.status}`);
}

/**
 * Fakes the clocks the client and the in-process emulator both read (timers, `Date`,
 * `performance`), so that `Retry-After` and operation latencies pass in an instant while the
 * sockets stay real. Undo with `vi.useRealTimers()`.
 */
export function useFakeClock(): void {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date", "performance"] });
}

/** Waits, on the real event loop, until the emulator has recorded `count` exchanges. */
export async function untilRecorded(emulator: RunningEmulator, count: number): Promise<void> {
  await until(() => emulator.requests.length >= count);
}

/** Waits until the client has scheduled its next (fake) timer, i.e. it is waiting to poll. */
export async function untilWaiting(): Promise<void> {
  await until(() => vi.getTimerCount() > 0);
}

/** Creates a workspace (latency 0) for private endpoints to connect to. */
export async function createWorkspace(
  emulator: RunningEmulator,
  arm: ArmClient,
  path: string,
): Promise<void> {
  await arm.beginRequest({
    method: "PUT",
    path,
    apiVersion: apiVersions.machineLearning,
    body: { location: emulator.world.location, properties: {} },
  });
}

/** A private endpoint in the demo subnet, connected to a workspace without manual approval. */
export function privateEndpointBody(emulator: RunningEmulator, name: string, workspaceId: string) {
  return {
    location: emulator.world.location,
    properties: {
      subnet: { id: emulator.world.subnetId },
      privateLinkServiceConnections: [
        { name, properties: { privateLinkServiceId: workspaceId, groupIds: ["amlworkspace"] } },
      ],
    },
  };
}
