// The whole private-link flow of the demo against the local emulator, with a fixed latency and
// Retry-After, per operation: the HTTP requests it sent (by method), its wall time, the critical
// path the emulator imposes (the least time any client could take) and the ratio of the two.
//
// Usage: npm run bench:flow [-- --log]   (--log also prints every exchange, with its timing)
//
// Targets: no request that is not needed (see `unneededRequests`), and wall/critical under 1.1
// for every operation that waits on a long-running operation, and for the flow as a whole.

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { startEmulator } from "../src/emulator/index.js";
import type { RecordedExchange } from "../src/emulator/index.js";
import { PrivateEndpointConfig, Workspace } from "../src/index.js";

const LATENCY_IN_MS = 200;
const RETRY_AFTER_IN_SECONDS = 1;
const RATIO_TARGET = 1.1;
const log = process.argv.includes("--log");

/**
 * The least time a long-running operation can take against the emulator.
 *
 * The emulator ends an operation `latencyInMs` after its initial request arrived and sends
 * `Retry-After` on the initial answer. A client that honours it cannot poll before that many
 * seconds have passed since the answer. An operation status URL (Azure-AsyncOperation or
 * Location) sends Retry-After again on every poll that finds the operation in progress, so the
 * first poll that can see the end is the first multiple of Retry-After not earlier than the
 * latency: ceil(latency / retryAfter) × retryAfter, at least one wait. An operation polled on
 * the resource itself gets no Retry-After on those reads, so after the first wait a client may
 * poll at will: max(retryAfter, latency). Without Retry-After the latency alone remains.
 */
function minimumOperationTimeInMs(pollsSendRetryAfter: boolean): number {
  const retryAfterInMs = RETRY_AFTER_IN_SECONDS * 1000;
  if (retryAfterInMs === 0) return LATENCY_IN_MS;
  if (!pollsSendRetryAfter) return Math.max(retryAfterInMs, LATENCY_IN_MS);
  return Math.max(1, Math.ceil(LATENCY_IN_MS / retryAfterInMs)) * retryAfterInMs;
}

/**
 * One resource write of an operation, as a node of its dependency graph: the write must wait
 * for every write in `after` to have finished (ARM refuses a reference to a resource that is
 * not provisioned yet, and the network provider refuses a change to a resource it is still
 * updating).
 */
interface Write {
  name: string;
  method: string;
  /** Matches the path of the write's initial request (not its polls). */
  path: RegExp;
  after: string[];
}

const rg = String.raw`/subscriptions/[^/]+/resourceGroups/[^/]+/providers`;
const PRIVATE_ENDPOINT_WRITES: Write[] = [
  {
    name: "subnet",
    method: "PUT",
    path: new RegExp(`${rg}/Microsoft.Network/virtualNetworks/[^/]+/subnets/[^/]+$`, "i"),
    after: [],
  },
  {
    name: "private endpoint",
    method: "PUT",
    path: new RegExp(`${rg}/Microsoft.Network/privateEndpoints/[^/]+$`, "i"),
    after: ["workspace", "subnet"],
  },
  {
    name: "private DNS zones",
    method: "PUT",
    path: new RegExp(`${rg}/Microsoft.Network/privateDnsZones/[^/]+$`, "i"),
    after: [],
  },
  {
    name: "virtual network links",
    method: "PUT",
    path: new RegExp(`${rg}/Microsoft.Network/privateDnsZones/[^/]+/virtualNetworkLinks/`, "i"),
    after: ["private DNS zones"],
  },
  {
    // It names the zones, not the links: the links only make the records resolvable.
    name: "zone group",
    method: "PUT",
    path: new RegExp(`${rg}/Microsoft.Network/privateEndpoints/[^/]+/privateDnsZoneGroups/`, "i"),
    after: ["private endpoint", "private DNS zones"],
  },
];

const CREATE_WRITES: Write[] = [
  {
    name: "resource group",
    method: "PUT",
    path: /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+$/i,
    after: [],
  },
  ...[
    ["storage account", "Microsoft.Storage/storageAccounts", "resource group"],
    ["key vault", "Microsoft.KeyVault/vaults", "resource group"],
    ["Log Analytics workspace", "Microsoft.OperationalInsights/workspaces", "resource group"],
    ["Application Insights", "Microsoft.Insights/components", "Log Analytics workspace"],
  ].map(([name, type, after]) => ({
    name: name!,
    method: "PUT",
    path: new RegExp(`${rg}/${type}/[^/]+$`, "i"),
    after: [after!],
  })),
  {
    name: "workspace",
    method: "PUT",
    path: new RegExp(`${rg}/Microsoft.MachineLearningServices/workspaces/[^/]+$`, "i"),
    after: ["storage account", "key vault", "Application Insights"],
  },
  ...PRIVATE_ENDPOINT_WRITES.map((w) =>
    w.after.length === 0 ? { ...w, after: ["resource group"] } : w,
  ),
];

const UPDATE_WRITES: Write[] = [
  {
    name: "workspace",
    method: "PATCH",
    path: new RegExp(`${rg}/Microsoft.MachineLearningServices/workspaces/[^/]+$`, "i"),
    after: [],
  },
];

const pollingHeaders = ["azure-asyncoperation", "location", "operation-location"];

/**
 * The least time the operation this request started takes (see `minimumOperationTimeInMs`), or
 * 0 when the emulator answered it as done: no polling URL, no Retry-After, not 202.
 */
function operationTimeInMs(exchange: RecordedExchange): number {
  const headers = Object.keys(exchange.responseHeaders).map((h) => h.toLowerCase());
  const statusUrl = pollingHeaders.some((h) => headers.includes(h));
  if (!statusUrl && exchange.status !== 202 && !headers.includes("retry-after")) return 0;
  return minimumOperationTimeInMs(statusUrl);
}

/**
 * The critical path of an operation: the longest chain of dependent writes, each costing the
 * least time its long-running operation can take, or nothing when the emulator answered it at
 * once (Application Insights, here). Round trips are left out: reads, polls and final reads are
 * answered at once on loopback, so the emulator imposes no time on them. A write the operation
 * did not need (the resource group exists, the zones are reused) does not appear in `exchanges`
 * and costs nothing either.
 *
 * For create that is one operation for the dependent resources (storage account ‖ key vault ‖
 * Log Analytics → Application Insights, answered at once), one for the workspace, one for the
 * private endpoint and one for its zone group: 4 × 1 s with the values above. The DNS zones and
 * their virtual network links (2 × 1 s) fit beside the endpoint and the zone group. For
 * addPrivateEndpoint the zones and links exist: endpoint → zone group. For update: the PATCH.
 * The flow's critical path is the sum over its operations, which run one after the other.
 */
function criticalPathInMs(
  writes: readonly Write[],
  exchanges: readonly RecordedExchange[],
): { timeInMs: number; chain: string[] } {
  const byName = new Map(writes.map((w) => [w.name, w]));
  const memo = new Map<string, { timeInMs: number; chain: string[] }>();
  const finish = (name: string): { timeInMs: number; chain: string[] } => {
    const known = memo.get(name);
    if (known) return known;
    const write = byName.get(name);
    // A resource the operation does not write (the workspace, for addPrivateEndpoint) exists.
    if (!write) return { timeInMs: 0, chain: [] };
    const sent = exchanges.filter((e) => e.method === write.method && write.path.test(e.path));
    const cost = Math.max(0, ...sent.map(operationTimeInMs));
    let longest = { timeInMs: 0, chain: [] as string[] };
    for (const before of write.after) {
      const candidate = finish(before);
      if (candidate.timeInMs > longest.timeInMs) longest = candidate;
    }
    const result = {
      timeInMs: longest.timeInMs + cost,
      chain: cost > 0 ? [...longest.chain, write.name] : longest.chain,
    };
    memo.set(name, result);
    return result;
  };
  let best = { timeInMs: 0, chain: [] as string[] };
  for (const write of writes) {
    const candidate = finish(write.name);
    if (candidate.timeInMs > best.timeInMs) best = candidate;
  }
  return best;
}

/**
 * Network resources whose specification reads the result of a PUT from the
 * Azure-AsyncOperation status (final-state-via azure-async-operation): no final read.
 */
const RESULT_FROM_STATUS = new RegExp(
  `${rg}/Microsoft.Network/(privateEndpoints/[^/]+(/privateDnsZoneGroups/[^/]+)?|` +
    `virtualNetworks/[^/]+/subnets/[^/]+)$`,
  "i",
);

/** Whether an answer says the operation is still running, so that the client must ask again. */
function inProgress(exchange: RecordedExchange): boolean {
  const body = (exchange.responseBody ?? {}) as {
    status?: unknown;
    properties?: { provisioningState?: unknown };
  };
  const state = body.status ?? body.properties?.provisioningState;
  const running =
    typeof state === "string" && !["succeeded", "failed", "canceled"].includes(state.toLowerCase());
  return exchange.status === 202 || "retry-after" in exchange.responseHeaders || running;
}

/**
 * Requests a careful client would not send:
 * - a second read of a resource with no write anywhere in between (any write may change what
 *   the read shows, e.g. a private endpoint adds a connection to the workspace), unless the
 *   answer before said the operation was still running (a poll);
 * - a read of a resource whose PUT finished with its result in the operation status;
 * - a poll sent sooner than the Retry-After of the answer before it.
 */
function unneededRequests(exchanges: readonly RecordedExchange[]): string[] {
  const found: string[] = [];
  const readSinceLastWrite = new Set<string>();
  const resultFromStatus = new Set<string>();
  const pollNotBefore = new Map<string, number>();
  for (const e of [...exchanges].sort((a, b) => a.startedAtMs - b.startedAtMs)) {
    const key = e.url.toLowerCase();
    const path = e.path.toLowerCase();
    if (e.method !== "GET") {
      readSinceLastWrite.clear();
      if (e.method === "PUT" && RESULT_FROM_STATUS.test(e.path)) resultFromStatus.add(path);
    } else if (readSinceLastWrite.has(key)) {
      found.push(`GET ${e.path} again, with no write since the last read`);
    } else if (resultFromStatus.has(path)) {
      found.push(`GET ${e.path} after its PUT, whose result is the operation status`);
    }
    if (e.method === "GET" && !inProgress(e)) readSinceLastWrite.add(key);

    const notBefore = pollNotBefore.get(key);
    if (e.method === "GET" && notBefore !== undefined && e.startedAtMs < notBefore - 1) {
      found.push(
        `GET ${e.path} ${(notBefore - e.startedAtMs).toFixed(0)} ms sooner than Retry-After`,
      );
    }
    pollNotBefore.delete(key);
    // The next poll goes to the status URLs the answer gives, or else to the same URL.
    const retryAfterInMs = Number(e.responseHeaders["retry-after"] ?? 0) * 1000;
    if (retryAfterInMs > 0) {
      const next = pollingHeaders.map((h) => e.responseHeaders[h]).filter(Boolean) as string[];
      for (const url of next.length > 0 ? next : [e.url]) {
        pollNotBefore.set(url.toLowerCase(), e.finishedAtMs + retryAfterInMs);
      }
    }
  }
  return found;
}

interface Row {
  operation: string;
  exchanges: RecordedExchange[];
  wallInMs: number;
  critical: { timeInMs: number; chain: string[] };
  unneeded: string[];
}

const emulator = await startEmulator({
  seed: true,
  latencyInMs: LATENCY_IN_MS,
  retryAfterInSeconds: RETRY_AFTER_IN_SECONDS,
});
const { world } = emulator;
const configFolder = mkdtempSync(join(tmpdir(), "azureml-bench-"));
const rows: Row[] = [];

// The first request of a process loads the HTTP pipeline (bench:import measures that cost). One
// read of a workspace that does not exist pays it here, so that the first operation's wall time
// is the flow's own; the warm-up time is printed apart.
const warmUpStartedAt = performance.now();
await Workspace.get("warmup", {
  subscriptionId: world.subscriptionId,
  resourceGroup: world.resourceGroup,
  ...emulator.clientOptions,
}).catch(() => undefined);
const warmUpInMs = performance.now() - warmUpStartedAt;
const flowStartedAt = performance.now();

async function measure<T>(
  operation: string,
  writes: readonly Write[],
  run: () => Promise<T>,
): Promise<T> {
  const first = emulator.requests.length;
  const startedAt = performance.now();
  const result = await run();
  const wallInMs = performance.now() - startedAt;
  const exchanges = emulator.requests.slice(first);
  rows.push({
    operation,
    exchanges,
    wallInMs,
    critical: criticalPathInMs(writes, exchanges),
    unneeded: unneededRequests(exchanges),
  });
  return result;
}

const privateEndpoint = (name: string): PrivateEndpointConfig =>
  new PrivateEndpointConfig({ name, vnetName: world.vnetName, vnetSubnetName: world.subnetName });
const clientOptions = { ...emulator.clientOptions, showOutput: false };

try {
  const created = await measure("create (with private endpoint)", CREATE_WRITES, () =>
    Workspace.create({
      name: "myworkspace",
      subscriptionId: world.subscriptionId,
      resourceGroup: world.resourceGroup,
      location: world.location,
      privateEndpointConfig: privateEndpoint("myprivateendpoint"),
      privateEndpointAutoApproval: true,
      ...clientOptions,
    }),
  );
  // As the demo does: the next steps work on the workspace found through its config.json.
  await created.writeConfig({ path: configFolder });
  const ws = await measure("fromConfig", [], () =>
    Workspace.fromConfig({ path: configFolder, ...emulator.clientOptions }),
  );
  const added = await measure("addPrivateEndpoint", PRIVATE_ENDPOINT_WRITES, () =>
    ws.addPrivateEndpoint(privateEndpoint("mysecondendpoint"), {
      privateEndpointAutoApproval: true,
      showOutput: false,
    }),
  );
  await measure("privateEndpoints", [], () => ws.privateEndpoints());
  await measure("deletePrivateEndpointConnection", [], () =>
    ws.deletePrivateEndpointConnection(added.name),
  );
  await measure("update", UPDATE_WRITES, () =>
    ws.update({ allowPublicAccessWhenBehindVnet: true }),
  );
  await measure("getDetails", [], () => ws.getDetails());
} finally {
  await emulator.stop();
  rmSync(configFolder, { recursive: true, force: true });
}
const flowWallInMs = performance.now() - flowStartedAt;

if (log) printExchanges();
printTable();

function printExchanges(): void {
  const origin = rows[0]?.exchanges[0]?.startedAtMs ?? 0;
  for (const row of rows) {
    console.log(`\n${row.operation}`);
    for (const e of row.exchanges) {
      const at = (e.startedAtMs - origin).toFixed(0).padStart(6);
      const took = (e.finishedAtMs - e.startedAtMs).toFixed(1).padStart(5);
      const retryAfter = e.responseHeaders["retry-after"];
      console.log(
        `${at} ms +${took}  ${e.method.padEnd(6)} ${String(e.status).padEnd(4)}` +
          `${e.path}${retryAfter ? `  (Retry-After: ${retryAfter})` : ""}`,
      );
    }
  }
  console.log("");
}

function countByMethod(exchanges: readonly RecordedExchange[]): string {
  const counts = new Map<string, number>();
  for (const e of exchanges) counts.set(e.method, (counts.get(e.method) ?? 0) + 1);
  return ["GET", "PUT", "PATCH", "DELETE", "POST"]
    .filter((m) => counts.has(m))
    .map((m) => `${counts.get(m)} ${m}`)
    .join(", ");
}

function printTable(): void {
  console.log(
    `Node ${process.version}, emulator latency ${LATENCY_IN_MS} ms, Retry-After ` +
      `${RETRY_AFTER_IN_SECONDS} s: a long-running operation takes at least ` +
      `${minimumOperationTimeInMs(true)} ms through its status URL, ` +
      `${minimumOperationTimeInMs(false)} ms polled on the resource`,
  );
  console.log(
    `Warm-up (first request of the process, loads the HTTP pipeline): ` +
      `${warmUpInMs.toFixed(0)} ms, not counted below\n`,
  );
  const header = ["operation", "requests", "by method", "wall", "critical", "wall/critical"];
  const seconds = (ms: number): string => `${(ms / 1000).toFixed(3)} s`;
  const ratioOf = (wall: number, critical: number): string =>
    critical > 0 ? (wall / critical).toFixed(3) : "-";
  const total = {
    exchanges: rows.flatMap((r) => r.exchanges),
    critical: rows.reduce((sum, r) => sum + r.critical.timeInMs, 0),
  };
  const lines = [
    header,
    ...rows.map((r) => [
      r.operation,
      String(r.exchanges.length),
      countByMethod(r.exchanges),
      seconds(r.wallInMs),
      seconds(r.critical.timeInMs),
      ratioOf(r.wallInMs, r.critical.timeInMs),
    ]),
    [
      "whole flow",
      String(total.exchanges.length),
      countByMethod(total.exchanges),
      seconds(flowWallInMs),
      seconds(total.critical),
      ratioOf(flowWallInMs, total.critical),
    ],
  ];
  const widths = header.map((_, i) => Math.max(...lines.map((l) => l[i]!.length)));
  for (const [index, line] of lines.entries()) {
    const cells = line.map((cell, i) =>
      (i === 0 || i === 2 ? cell.padEnd : cell.padStart).call(cell, widths[i]!),
    );
    console.log(cells.join("  "));
    if (index === 0) console.log(widths.map((w) => "-".repeat(w)).join("  "));
  }

  console.log("\nCritical paths:");
  for (const r of rows.filter((row) => row.critical.timeInMs > 0)) {
    console.log(`  ${r.operation}: ${r.critical.chain.join(" -> ")}`);
  }

  const missed: string[] = [];
  for (const r of rows) {
    for (const u of r.unneeded) missed.push(`${r.operation}: unneeded request: ${u}`);
    if (r.critical.timeInMs > 0 && r.wallInMs / r.critical.timeInMs >= RATIO_TARGET) {
      missed.push(
        `${r.operation}: wall/critical ${ratioOf(r.wallInMs, r.critical.timeInMs)} is not under ${RATIO_TARGET}`,
      );
    }
  }
  if (flowWallInMs / total.critical >= RATIO_TARGET) {
    missed.push(
      `whole flow: wall/critical ${ratioOf(flowWallInMs, total.critical)} is not under ${RATIO_TARGET}`,
    );
  }
  console.log("");
  if (missed.length === 0) {
    console.log(`All targets met: no unneeded request, wall/critical under ${RATIO_TARGET}.`);
  } else {
    for (const line of missed) console.log(`target missed: ${line}`);
  }
}
