import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "../../src/emulator/index.js";
import { armHttp, type ArmHttp } from "./armHttp.js";
import { worldBuilder } from "./world.js";

let emulator: RunningEmulator;
let arm: ArmHttp;
let world: ReturnType<typeof worldBuilder>;
const workspaceUrl = (name = "myworkspace") => `${world.ml}/${name}`;
const putWorkspace = (name?: string) =>
  arm.send("PUT", workspaceUrl(name), { location: "eastus2" });

beforeEach(async () => {
  emulator = await startEmulator({ seed: true });
  arm = armHttp(emulator);
  world = worldBuilder(arm);
});
afterEach(() => emulator.stop());

describe("throttle", () => {
  it("answers 429 TooManyRequests with Retry-After 1 by default", async () => {
    emulator.addFault({ kind: "throttle", path: "/workspaces/" });
    const answer = await putWorkspace();
    expect(answer.status).toBe(429);
    expect(answer.headers.get("retry-after")).toBe("1");
    expect(answer.body.error.code).toBe("TooManyRequests");
    expect(answer.body.error.message).toMatch(/^The request is being throttled/);
  });

  it("sends the configured Retry-After and leaves the resource untouched", async () => {
    emulator.addFault({ kind: "throttle", path: "/workspaces/", retryAfterInSeconds: 30 });
    const answer = await putWorkspace();
    expect(answer.headers.get("retry-after")).toBe("30");
    emulator.clearFaults();
    expect((await arm.send("GET", workspaceUrl())).status).toBe(404);
  });
});

describe("transient", () => {
  it("answers 503 ServiceUnavailable by default, without creating anything", async () => {
    emulator.addFault({ kind: "transient", path: "/workspaces/" });
    const answer = await putWorkspace();
    expect(answer.status).toBe(503);
    expect(answer.body.error.code).toBe("ServiceUnavailable");
    emulator.clearFaults();
    expect((await arm.send("GET", workspaceUrl())).status).toBe(404);
  });

  it("answers the configured status with its code", async () => {
    const expected = { 500: "InternalServerError", 502: "BadGateway", 504: "GatewayTimeout" };
    for (const [status, code] of Object.entries(expected)) {
      emulator.addFault({
        kind: "transient",
        path: "/workspaces/",
        statusCode: Number(status) as 500 | 502 | 504,
        times: 1,
      });
      const answer = await putWorkspace();
      expect(answer.status).toBe(Number(status));
      expect(answer.body.error.code).toBe(code);
    }
  });
});

describe("drop", () => {
  it("destroys the connection without an answer, recorded with status 0", async () => {
    emulator.addFault({ kind: "drop", path: "/workspaces/", times: 1 });
    await expect(putWorkspace()).rejects.toThrow();
    const last = emulator.requests.at(-1)!;
    expect(last).toMatchObject({ method: "PUT", status: 0, responseHeaders: {} });
    expect(last.path).toBe(workspaceUrl());
    expect((await arm.send("GET", workspaceUrl())).status).toBe(404);
  });
});

describe("fail", () => {
  it("accepts a workspace PUT, then ends it Failed: the Location poll answers 400 with the error", async () => {
    emulator.addFault({ kind: "fail", path: "/workspaces/" });
    const put = await putWorkspace();
    expect(put.status).toBe(202);
    const done = await arm.pollUntilDone(put.headers.get("location")!);
    expect(done.status).toBe(400);
    expect(done.body).toEqual({
      error: { code: "InternalOperationError", message: "The operation failed." },
    });
    const got = await arm.send("GET", workspaceUrl());
    expect(got.body.properties.provisioningState).toBe("Failed");
  });

  it("reports its error and status on an Azure-AsyncOperation poll, and undoes the connection", async () => {
    const workspace = await world.createWorkspace();
    const error = { code: "PrivateEndpointCreationFailed", message: "No capacity." };
    emulator.addFault({ kind: "fail", path: "/privateEndpoints/", error, statusCode: 500 });
    const put = await arm.send("PUT", `${world.net}/privateEndpoints/pe1`, {
      location: "eastus2",
      properties: {
        subnet: { id: emulator.world.subnetId },
        privateLinkServiceConnections: [
          {
            name: "pe1",
            properties: { privateLinkServiceId: workspace.id, groupIds: ["amlworkspace"] },
          },
        ],
      },
    });
    expect(put.status).toBe(201);
    const status = await arm.pollUntilDone(put.headers.get("azure-asyncoperation")!);
    expect(status.status).toBe(200);
    expect(status.body).toMatchObject({ status: "Failed", error });
    expect(status.body.endTime).toEqual(expect.any(String));

    emulator.clearFaults();
    const endpoint = await arm.send("GET", `${world.net}/privateEndpoints/pe1`);
    expect(endpoint.body.properties.provisioningState).toBe("Failed");
    const connections = await arm.send("GET", `${workspaceUrl()}/privateEndpointConnections`);
    expect(connections.body.value).toEqual([]);
  });

  it("answers a synchronous operation at once with its status and error, changing nothing", async () => {
    await world.createWorkspace();
    emulator.addFault({
      kind: "fail",
      path: "/providers/Microsoft.Insights/components/",
      error: { code: "Conflict", message: "Busy." },
      statusCode: 409,
    });
    const componentUrl = `${arm.rg}/providers/Microsoft.Insights/components/myinsights`;
    const answer = await arm.send("PUT", componentUrl, {
      location: "eastus2",
      kind: "web",
      properties: { Application_Type: "web" },
    });
    expect(answer.status).toBe(409);
    expect(answer.body.error).toEqual({ code: "Conflict", message: "Busy." });
    expect((await arm.send("GET", componentUrl)).status).toBe(404);
  });

  it("does not apply to GET", async () => {
    await world.createWorkspace();
    emulator.addFault({ kind: "fail", path: "/workspaces/" });
    expect((await arm.send("GET", workspaceUrl())).status).toBe(200);
  });
});

describe("cancel", () => {
  it("ends a workspace PUT Canceled: the Location poll answers 409 OperationCanceled", async () => {
    emulator.addFault({ kind: "cancel", path: "/workspaces/" });
    const put = await putWorkspace();
    const done = await arm.pollUntilDone(put.headers.get("location")!);
    expect(done.status).toBe(409);
    expect(done.body.error.code).toBe("OperationCanceled");
    const got = await arm.send("GET", workspaceUrl());
    expect(got.body.properties.provisioningState).toBe("Canceled");
  });

  it("reports Canceled with the error on an Azure-AsyncOperation poll", async () => {
    emulator.addFault({ kind: "cancel", path: "/privateDnsZones/" });
    const put = await arm.send("PUT", `${world.net}/privateDnsZones/privatelink.api.azureml.ms`, {
      location: "global",
    });
    const status = await arm.pollUntilDone(put.headers.get("azure-asyncoperation")!);
    expect(status.body).toMatchObject({
      status: "Canceled",
      error: { code: "OperationCanceled" },
    });
  });

  it("answers a synchronous operation at once with 409 OperationCanceled", async () => {
    const workspace = await world.createWorkspace();
    await world.createPrivateEndpoint("pe1", workspace.id, { manual: true });
    const [connection] = (await arm.send("GET", `${workspaceUrl()}/privateEndpointConnections`))
      .body.value;
    emulator.addFault({ kind: "cancel", path: "/privateEndpointConnections/" });
    const answer = await arm.send(
      "PUT",
      `${workspaceUrl()}/privateEndpointConnections/${connection.name}`,
      {
        properties: { privateLinkServiceConnectionState: { status: "Approved" } },
      },
    );
    expect(answer.status).toBe(409);
    expect(answer.body.error.code).toBe("OperationCanceled");
  });
});

describe("error", () => {
  it("answers the given status, code, message and headers without touching the resource", async () => {
    emulator.addFault({
      kind: "error",
      path: "/workspaces/",
      statusCode: 409,
      code: "Conflict",
      message: "Another operation is in progress.",
      headers: { "x-ms-failure-cause": "gateway" },
    });
    const answer = await putWorkspace();
    expect(answer.status).toBe(409);
    expect(answer.body).toEqual({
      error: { code: "Conflict", message: "Another operation is in progress." },
    });
    expect(answer.headers.get("x-ms-failure-cause")).toBe("gateway");
    emulator.clearFaults();
    expect((await arm.send("GET", workspaceUrl())).status).toBe(404);
  });

  it("says 'Injected error.' when no message is given", async () => {
    emulator.addFault({ kind: "error", path: "/workspaces/", statusCode: 400, code: "BadRequest" });
    expect((await putWorkspace()).body.error.message).toBe("Injected error.");
  });

  it("applies after authentication but before the api-version is checked", async () => {
    emulator.addFault({ kind: "error", path: "/workspaces/", statusCode: 418, code: "Teapot" });
    const noVersion = await arm.send("GET", workspaceUrl(), undefined, { apiVersion: null });
    expect(noVersion.status).toBe(418);
    const noToken = await arm.send("GET", workspaceUrl(), undefined, {
      headers: { authorization: "" },
    });
    expect(noToken.status).toBe(401);
  });
});

describe("matching", () => {
  it("applies a rule only `times` times, then removes it", async () => {
    emulator.addFault({ kind: "transient", path: "/workspaces/", times: 2 });
    expect((await putWorkspace()).status).toBe(503);
    expect((await putWorkspace()).status).toBe(503);
    expect((await putWorkspace()).status).toBe(202);
  });

  it("removes every rule with clearFaults()", async () => {
    emulator.addFault({ kind: "transient", path: "/workspaces/" });
    emulator.addFault({ kind: "throttle", path: "/privateEndpoints/" });
    emulator.clearFaults();
    expect((await putWorkspace()).status).toBe(202);
  });

  it("applies the first matching rule, and the next once the first is used up", async () => {
    emulator.addFault({ kind: "throttle", path: "/workspaces/", times: 1 });
    emulator.addFault({ kind: "transient", path: "/workspaces/", times: 1 });
    expect((await putWorkspace()).status).toBe(429);
    expect((await putWorkspace()).status).toBe(503);
    expect((await putWorkspace()).status).toBe(202);
  });

  it("matches only the given methods, case-insensitively", async () => {
    await world.createWorkspace();
    emulator.addFault({ kind: "throttle", path: "/workspaces/", method: ["delete", "patch"] });
    expect((await arm.send("GET", workspaceUrl())).status).toBe(200);
    expect((await putWorkspace()).status).toBe(202);
    expect((await arm.send("DELETE", workspaceUrl())).status).toBe(429);
  });

  it("matches a string path case-insensitively as a substring, and a RegExp by test", async () => {
    emulator.addFault({ kind: "throttle", path: "/WORKSPACES/MYWORKSPACE", times: 1 });
    expect((await putWorkspace()).status).toBe(429);
    emulator.addFault({ kind: "throttle", path: /\/workspaces\/ws-\d+$/ });
    expect((await putWorkspace("ws-1")).status).toBe(429);
    expect((await putWorkspace("ws-a")).status).toBe(202);
  });

  it("applies the rules given at start", async () => {
    await emulator.stop();
    emulator = await startEmulator({
      seed: true,
      faults: [
        { kind: "error", path: "/workspaces/", statusCode: 403, code: "AuthorizationFailed" },
      ],
    });
    arm = armHttp(emulator);
    world = worldBuilder(arm);
    const answer = await putWorkspace();
    expect(answer.status).toBe(403);
    expect(answer.body.error.code).toBe("AuthorizationFailed");
  });

  it("refuses a rule whose times is not a positive integer", () => {
    expect(() => emulator.addFault({ kind: "drop", path: "/x", times: 0 })).toThrow(RangeError);
    expect(() => emulator.addFault({ kind: "drop", path: "/x", times: 1.5 })).toThrow(RangeError);
  });
});
