import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../../src/emulator/index.js";
import { Workspace } from "../../src/index.js";
import type { ArmClient, WorkspaceProgressEvent } from "../../src/index.js";
import {
  API,
  createOptions,
  endpointConfig,
  exists,
  idInGroup,
  quiet,
  read,
  readerFor,
  startE2e,
  ZONES,
} from "./emulatorReads.js";

let emulator: RunningEmulator;
let arm: ArmClient;
let ws: Workspace;

const manual = { ...quiet, privateEndpointAutoApproval: false } as const;
const endpointId = (name: string) =>
  idInGroup(emulator, "Microsoft.Network/privateEndpoints", name);

/** The connection state the network side of the endpoint shows. */
async function endpointConnectionState(name: string) {
  const endpoint = await read(arm, endpointId(name), API.network);
  return endpoint.properties.manualPrivateLinkServiceConnections[0].properties
    .privateLinkServiceConnectionState;
}

/** The same workspace as another client (another person, another process) sees it. */
function otherOwner(): Promise<Workspace> {
  return Workspace.get(ws.name, {
    client: readerFor(emulator),
    subscriptionId: ws.subscriptionId,
    resourceGroup: ws.resourceGroup,
  });
}

beforeEach(async () => {
  ({ emulator, arm } = await startE2e());
  ws = await Workspace.create(createOptions(emulator, "manualws"));
});

afterEach(async () => {
  await emulator?.stop();
});

describe("addPrivateEndpoint with privateEndpointAutoApproval: false", () => {
  it("leaves the workspace connection Pending", async () => {
    const connection = await ws.addPrivateEndpoint(endpointConfig(emulator, "pe-m"), manual);

    expect(connection.status).toBe("Pending");
    const [onWorkspace] = await ws.privateEndpoints();
    expect(onWorkspace).toMatchObject({ name: connection.name, status: "Pending" });
  });

  it("asks for the connection in manualPrivateLinkServiceConnections", async () => {
    await ws.addPrivateEndpoint(endpointConfig(emulator, "pe-m"), manual);

    const put = emulator.requests.find((r) => r.method === "PUT" && r.path === endpointId("pe-m"));
    const properties = (put?.requestBody as any).properties;
    expect(properties.manualPrivateLinkServiceConnections).toHaveLength(1);
    expect(properties.privateLinkServiceConnections).toBeUndefined();
    expect(await endpointConnectionState("pe-m")).toMatchObject({ status: "Pending" });
  });

  it("creates no private DNS zone, link or zone group", async () => {
    await ws.addPrivateEndpoint(endpointConfig(emulator, "pe-m"), manual);

    const dnsWrites = emulator.requests.filter(
      (r) => r.method !== "GET" && /privateDnsZones|privateDnsZoneGroups/i.test(r.path),
    );
    expect(dnsWrites).toEqual([]);
    for (const zone of ZONES) {
      const zoneId = idInGroup(emulator, "Microsoft.Network/privateDnsZones", zone);
      expect(await exists(arm, zoneId, API.privateDns)).toBe(false);
    }
    const groups = await read(arm, `${endpointId("pe-m")}/privateDnsZoneGroups`, API.network);
    expect(groups.value).toEqual([]);
  });

  it("reports the Pending connection as a pendingApproval event naming it", async () => {
    const events: WorkspaceProgressEvent[] = [];
    const connection = await ws.addPrivateEndpoint(endpointConfig(emulator, "pe-m"), {
      ...manual,
      onProgress: (e) => events.push(e),
    });

    expect(events.filter((e) => e.kind === "pendingApproval")).toEqual([
      expect.objectContaining({ connectionName: connection.name }),
    ]);
  });
});

describe("Workspace.create with privateEndpointAutoApproval: false", () => {
  it("leaves the new workspace's only connection Pending and creates no DNS", async () => {
    const created = await Workspace.create(
      createOptions(emulator, "manualcreatews", {
        privateEndpointConfig: endpointConfig(emulator, "pe-c"),
        privateEndpointAutoApproval: false,
      }),
    );

    const connections = await created.privateEndpoints();
    expect(connections.map((c) => [c.privateEndpointName, c.status])).toEqual([
      ["pe-c", "Pending"],
    ]);
    expect(await endpointConnectionState("pe-c")).toMatchObject({ status: "Pending" });
    const dnsWrites = emulator.requests.filter(
      (r) => r.method !== "GET" && /privateDnsZones|privateDnsZoneGroups/i.test(r.path),
    );
    expect(dnsWrites).toEqual([]);
  });
});

describe("approving and rejecting a connection", () => {
  it("approvePrivateEndpointConnection shows Approved on the network private endpoint", async () => {
    const pending = await ws.addPrivateEndpoint(endpointConfig(emulator, "pe-m"), manual);

    const approved = await ws.approvePrivateEndpointConnection(pending.name, {
      description: "ok by the owner",
    });

    expect(approved).toMatchObject({ name: pending.name, status: "Approved" });
    expect(await endpointConnectionState("pe-m")).toMatchObject({
      status: "Approved",
      description: "ok by the owner",
    });
    expect((await ws.privateEndpoints())[0]?.status).toBe("Approved");
  });

  it("rejectPrivateEndpointConnection shows Rejected on the network private endpoint", async () => {
    const pending = await ws.addPrivateEndpoint(endpointConfig(emulator, "pe-m"), manual);

    const rejected = await ws.rejectPrivateEndpointConnection(pending.name);

    expect(rejected.status).toBe("Rejected");
    expect(await endpointConnectionState("pe-m")).toMatchObject({ status: "Rejected" });
    expect(await exists(arm, endpointId("pe-m"), API.network)).toBe(true);
  });

  it("refuses a connection name with a slash before sending anything", async () => {
    const before = emulator.requests.length;
    await expect(ws.approvePrivateEndpointConnection("a/b")).rejects.toMatchObject({
      name: "ValidationError",
      parameter: "privateEndpointConnectionName",
    });
    expect(emulator.requests.length).toBe(before);
  });
});

describe("addPrivateEndpoint with waitForApproval", () => {
  it("returns the connection Approved once another client approves it", async () => {
    let approvedBy: Promise<unknown> | undefined;
    const connection = await ws.addPrivateEndpoint(endpointConfig(emulator, "pe-w"), {
      ...manual,
      waitForApproval: true,
      // The owner approves from elsewhere as soon as the request is visible.
      onProgress: (e) => {
        if (e.kind === "pendingApproval") {
          approvedBy = otherOwner().then((o) =>
            o.approvePrivateEndpointConnection(e.connectionName),
          );
        }
      },
    });

    expect(approvedBy).toBeDefined();
    await approvedBy;
    expect(connection.status).toBe("Approved");
    expect(await endpointConnectionState("pe-w")).toMatchObject({ status: "Approved" });
  });

  it("returns a Rejected connection as such instead of waiting on", async () => {
    const connection = await ws.addPrivateEndpoint(endpointConfig(emulator, "pe-w"), {
      ...manual,
      waitForApproval: true,
      onProgress: (e) => {
        if (e.kind === "pendingApproval") {
          void otherOwner().then((o) => o.rejectPrivateEndpointConnection(e.connectionName));
        }
      },
    });

    expect(connection.status).toBe("Rejected");
  });

  it("ends with PrivateEndpointConnectionRemovedError when another client deletes the connection mid-wait", async () => {
    const poller = ws.beginAddPrivateEndpoint(endpointConfig(emulator, "pe-w"), {
      ...manual,
      waitForApproval: true,
    });
    // One step per poll: stop at the wait, the connection having been read Pending.
    while (poller.operationState!.step !== "approval") await poller.poll();
    const [pending] = await ws.privateEndpoints();
    await (await otherOwner()).deletePrivateEndpointConnection(pending!.name);

    const error = await poller.pollUntilDone().catch((e: unknown) => e);

    expect(error).toMatchObject({
      name: "PrivateEndpointConnectionRemovedError",
      code: "PrivateEndpointConnectionRemoved",
      connectionName: pending!.name,
      privateEndpointId: endpointId("pe-w"),
      status: "Deleted",
    });
    expect((error as Error).message).toContain(
      `Private endpoint connection ${pending!.name} was deleted from workspace manualws`,
    );
    expect((error as Error).cause).toMatchObject({ name: "ArmError", statusCode: 404 });
    // As after a rejection, nothing is rolled back: the endpoint stays, now Disconnected.
    expect(await exists(arm, endpointId("pe-w"), API.network)).toBe(true);
    expect(await endpointConnectionState("pe-w")).toMatchObject({ status: "Disconnected" });
  });

  it("stops waiting when the abort signal fires, leaving the endpoint and its Pending connection", async () => {
    const controller = new AbortController();
    const error = await ws
      .addPrivateEndpoint(endpointConfig(emulator, "pe-w"), {
        ...manual,
        waitForApproval: true,
        abortSignal: controller.signal,
        onProgress: (e) => {
          if (e.kind === "pendingApproval") controller.abort();
        },
      })
      .catch((e: unknown) => e);

    expect(error).toMatchObject({ name: "AbortError" });
    expect(await exists(arm, endpointId("pe-w"), API.network)).toBe(true);
    expect((await ws.privateEndpoints())[0]?.status).toBe("Pending");
  });
});
