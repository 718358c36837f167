import { afterEach, describe, expect, it } from "vitest";
import type { ArmError } from "../../src/arm/index.js";
import { startEmulator, type RunningEmulator } from "../../src/emulator/index.js";
import {
  apiVersions,
  clientFor,
  createWorkspace,
  demoIds,
  privateEndpointBody,
} from "./armClientWorld.js";

// Long-running operations the emulator ends Failed or Canceled, in both polling styles: the
// poller must reject with an ArmError carrying the error ARM reported.

let emulator: RunningEmulator;

afterEach(async () => {
  await emulator?.stop();
});

async function start() {
  emulator = await startEmulator({ seed: true });
  return { arm: clientFor(emulator), ids: demoIds(emulator) };
}

describe("operations that do not succeed", () => {
  it("rejects with the injected error when a private endpoint's operation ends Failed", async () => {
    const { arm, ids } = await start();
    const workspace = ids.workspace("failws");
    await createWorkspace(emulator, arm, workspace);
    emulator.addFault({
      kind: "fail",
      method: "PUT",
      path: "/privateEndpoints/failpe",
      error: { code: "PrivateEndpointProvisioningFailed", message: "No capacity in the subnet." },
    });

    const error = (await arm
      .beginRequest({
        method: "PUT",
        path: ids.privateEndpoint("failpe"),
        apiVersion: apiVersions.network,
        body: privateEndpointBody(emulator, "failpe", workspace),
      })
      .catch((e: unknown) => e)) as ArmError;

    expect(error).toMatchObject({ name: "ArmError", code: "PrivateEndpointProvisioningFailed" });
    expect(error.message).toContain("ended Failed");
    expect(error.message).toContain("No capacity in the subnet.");
    // The failure came from the status poll, which itself answered 200.
    expect(error.statusCode).toBeUndefined();
    expect(error.requestId).toBe(emulator.requests.at(-1)?.responseHeaders["x-ms-request-id"]);
  });

  it("rejects with the injected error when a workspace's Location poll reports Failed", async () => {
    const { arm, ids } = await start();
    emulator.addFault({
      kind: "fail",
      path: "/workspaces/failws",
      error: { code: "QuotaExceeded", message: "Workspace quota exceeded." },
      statusCode: 409,
    });

    const path = ids.workspace("failws");

    const error = (await arm
      .beginRequest({
        method: "PUT",
        path,
        apiVersion: apiVersions.machineLearning,
        body: { location: emulator.world.location, properties: {} },
      })
      .catch((e: unknown) => e)) as ArmError;

    const poll = emulator.requests.at(-1);
    expect(poll).toMatchObject({ method: "GET", status: 409 });
    // The error is the workspace PUT's, not that of a GET on an opaque operation URL.
    expect(error).toMatchObject({
      name: "ArmError",
      code: "QuotaExceeded",
      statusCode: 409,
      method: "PUT",
      url: `${emulator.endpoint}${path}?api-version=${apiVersions.machineLearning}`,
      requestId: poll?.responseHeaders["x-ms-request-id"],
    });
    expect(error.message).toMatch(/^PUT \S+\/workspaces\/failws\S* ended Failed: QuotaExceeded/);
    expect(error.message).toContain("Workspace quota exceeded.");
  });

  it("rejects as Canceled when a workspace PATCH's Location poll reports OperationCanceled", async () => {
    const { arm, ids } = await start();
    const path = ids.workspace("cancelws");
    await createWorkspace(emulator, arm, path);
    emulator.addFault({ kind: "cancel", method: "PATCH", path: "/workspaces/cancelws" });

    const error = (await arm
      .beginRequest({
        method: "PATCH",
        path,
        apiVersion: apiVersions.machineLearning,
        body: { properties: { publicNetworkAccess: "Enabled" } },
      })
      .catch((e: unknown) => e)) as ArmError;

    expect(error).toMatchObject({ name: "ArmError", code: "OperationCanceled", method: "PATCH" });
    expect(error.message).toMatch(/^PATCH \S+ ended Canceled: OperationCanceled/);
  });

  it("rejects with OperationCanceled when a DNS zone's operation ends Canceled", async () => {
    const { arm, ids } = await start();
    emulator.addFault({ kind: "cancel", path: "/privateDnsZones/" });

    const error = (await arm
      .beginRequest({
        method: "PUT",
        path: ids.dnsZone("privatelink.notebooks.azure.net"),
        apiVersion: apiVersions.privateDns,
        body: { location: "global" },
      })
      .catch((e: unknown) => e)) as ArmError;

    expect(error).toMatchObject({ name: "ArmError", code: "OperationCanceled" });
    expect(error.message).toContain("ended Canceled");
    expect(error.message).toContain("The operation was canceled.");
  });
});
