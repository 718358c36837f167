import type { TokenCredential } from "@azure/core-auth";
import type { FaultRule } from "./faultRule.js";

/** Names and address ranges of the demo world the emulator can create at start. */
export interface DemoWorldOptions {
  /** @defaultValue "00000000-0000-0000-0000-000000000000" */
  subscriptionId?: string;
  /** @defaultValue "00000000-0000-0000-0000-0000000000aa" */
  tenantId?: string;
  /** @defaultValue "myresourcegroup" */
  resourceGroup?: string;
  /** @defaultValue "eastus2" */
  location?: string;
  /** @defaultValue "myvnet" */
  vnetName?: string;
  /** @defaultValue "10.0.0.0/16" */
  vnetAddressPrefix?: string;
  /** @defaultValue "default" */
  subnetName?: string;
  /** @defaultValue "10.0.0.0/24" */
  subnetAddressPrefix?: string;
  /** @defaultValue "Disabled" */
  privateEndpointNetworkPolicies?: "Enabled" | "Disabled";
}

/** What the seed created (or, without a seed, the subscription and the names it would use). */
export interface DemoWorld {
  /** Whether the resource group and the virtual network exist. */
  seeded: boolean;
  subscriptionId: string;
  tenantId: string;
  resourceGroup: string;
  location: string;
  vnetName: string;
  subnetName: string;
  /** ARM id of the virtual network. */
  vnetId: string;
  /** ARM id of the subnet. */
  subnetId: string;
}

/** Options of {@link startEmulator}. */
export interface EmulatorOptions {
  /**
   * The port to listen on, on 127.0.0.1; 0 picks a free port.
   * @defaultValue 0
   */
  port?: number;
  /**
   * How long every long-running operation stays in progress, in milliseconds.
   * @defaultValue 0
   */
  latencyInMs?: number;
  /**
   * The `Retry-After` value (seconds) sent on 201/202 answers and on polls of operations still in
   * progress; 0 leaves the header out.
   * @defaultValue 0
   */
  retryAfterInSeconds?: number;
  /**
   * Faults to inject from the start.
   * @defaultValue none
   */
  faults?: readonly FaultRule[];
  /**
   * Create the demo world: `true` with the defaults of {@link DemoWorldOptions}, or an object to
   * change them. Without it, only the subscription and the provider registrations exist.
   * @defaultValue false
   */
  seed?: boolean | DemoWorldOptions;
  /**
   * More subscriptions to serve besides the demo world's, e.g. to see global name conflicts.
   * @defaultValue none
   */
  additionalSubscriptions?: ReadonlyArray<{ subscriptionId: string; tenantId?: string }>;
}

/** One request and the answer the emulator gave, as recorded for fidelity checks. */
export interface RecordedExchange {
  method: string;
  /** The full URL, on the emulator's endpoint. */
  url: string;
  /** The path without the query string. */
  path: string;
  apiVersion?: string;
  /** Request headers, lower-cased, with `authorization` redacted. */
  requestHeaders: Record<string, string>;
  /** The parsed JSON body, the raw text when it is not JSON, or undefined when empty. */
  requestBody?: unknown;
  /** The status code, or 0 when the connection was dropped on purpose. */
  status: number;
  responseHeaders: Record<string, string>;
  responseBody?: unknown;
  /** When the request arrived (epoch milliseconds, sub-millisecond precision). */
  startedAtMs: number;
  /** When the answer was written. */
  finishedAtMs: number;
}

/** The client options that point this library at the emulator. */
export interface EmulatorClientOptions {
  endpoint: string;
  credential: TokenCredential;
  allowInsecureLoopback: true;
}

/** A running emulator, as returned by {@link startEmulator}. */
export interface RunningEmulator {
  /** The ARM endpoint, e.g. "http://127.0.0.1:50123". */
  readonly endpoint: string;
  /** A credential that returns a fixed fake token. */
  readonly credential: TokenCredential;
  /** Ready-made client options for this library's entry points. */
  readonly clientOptions: EmulatorClientOptions;
  /** The subscription and the demo world. */
  readonly world: DemoWorld;
  /** Every exchange so far, in the order the answers were written. */
  readonly requests: readonly RecordedExchange[];
  /** Adds a fault rule after those already present. */
  addFault(rule: FaultRule): void;
  /** Removes every fault rule. */
  clearFaults(): void;
  /** Stops listening and closes open connections. */
  stop(): Promise<void>;
}
