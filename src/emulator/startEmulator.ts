import type { AddressInfo } from "node:net";
import { createEmulatorCredential } from "./auth.js";
import type { EmulatorState } from "./context.js";
import type { FaultRule } from "./faultRule.js";
import { FaultList } from "./faults.js";
import { handleRequest } from "./handleRequest.js";
import { OperationRegistry } from "./operations.js";
import { ResponseHeaders } from "./responseHeaders.js";
import { Router } from "./router.js";
import { allRoutes } from "./routes.js";
import { resolveWorld, seedWorld } from "./seed.js";
import { createEmulatorServer } from "./server.js";
import { ResourceStore } from "./store.js";
import type { EmulatorOptions, RecordedExchange, RunningEmulator } from "./types.js";

/**
 * Starts a local Azure Resource Manager emulator on 127.0.0.1: a real HTTP server that serves the
 * resources this library creates, with ARM's long-running operations, errors and side effects.
 *
 * @example
 * ```ts
 * const emulator = await startEmulator({ seed: true, latencyInMs: 200 });
 * const ws = await Workspace.create({ ...emulator.clientOptions, name: "myworkspace", ... });
 * await emulator.stop();
 * ```
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const latencyInMs = nonNegative(options.latencyInMs ?? 0, "latencyInMs");
  const retryAfterInSeconds = nonNegative(options.retryAfterInSeconds ?? 0, "retryAfterInSeconds");
  const { options: worldOptions, world } = resolveWorld(options.seed);

  let endpoint = "";
  const state: EmulatorState = {
    get endpoint() {
      return endpoint;
    },
    latencyInMs,
    retryAfterInSeconds,
    store: new ResourceStore(),
    operations: new OperationRegistry(),
    subscriptions: new Map([
      [
        world.subscriptionId.toLowerCase(),
        { subscriptionId: world.subscriptionId, tenantId: world.tenantId },
      ],
    ]),
  };
  for (const extra of options.additionalSubscriptions ?? []) {
    state.subscriptions.set(extra.subscriptionId.toLowerCase(), {
      subscriptionId: extra.subscriptionId,
      tenantId: extra.tenantId ?? world.tenantId,
    });
  }
  if (world.seeded) seedWorld(state, worldOptions, world);

  const faults = new FaultList();
  for (const rule of options.faults ?? []) faults.add(rule);
  const router = new Router(allRoutes);
  const headers = new ResponseHeaders();
  const requests: RecordedExchange[] = [];
  const server = createEmulatorServer(
    () => endpoint,
    (exchange) => handleRequest(state, router, faults, exchange, world.tenantId),
    (method, requestHeaders) => headers.for(method, requestHeaders),
    requests,
  );

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const credential = createEmulatorCredential();

  return {
    endpoint,
    credential,
    clientOptions: { endpoint, credential, allowInsecureLoopback: true },
    world,
    requests,
    addFault: (rule: FaultRule) => faults.add(rule),
    clearFaults: () => faults.clear(),
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function nonNegative(value: number, name: string): number {
  if (!Number.isFinite(value) || value < 0) {
    throw new RangeError(`${name} must be a non-negative number, not ${value}.`);
  }
  return value;
}
