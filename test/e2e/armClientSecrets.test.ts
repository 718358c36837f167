import { inspect } from "node:util";
import { AzureLogger, setLogLevel } from "@azure/logger";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "../../src/emulator/index.js";
import { apiVersions, clientFor, demoIds, SECRET_TOKEN } from "./armClientWorld.js";

// The bearer token crosses real sockets to the emulator: it must reach the emulator, and never a
// message, an inspect() output or a log line on the way back.

let emulator: RunningEmulator;
let ids: ReturnType<typeof demoIds>;

beforeEach(async () => {
  emulator = await startEmulator({ seed: true });
  ids = demoIds(emulator);
});

afterEach(async () => {
  await emulator?.stop();
});

/** Every way a caller or a logger turns an error into text. */
function allTextOf(value: unknown): string {
  return [
    String(value),
    (value as Error).message,
    (value as Error).stack,
    JSON.stringify(value),
    inspect(value),
    inspect(value, { showHidden: true, depth: Infinity }),
  ].join("\n");
}

describe("the token never leaks", () => {
  it("is sent to the emulator, which records authorization redacted", async () => {
    await clientFor(emulator).sendRequest({
      method: "GET",
      path: ids.group,
      apiVersion: apiVersions.resourceGroup,
    });

    const [exchange] = emulator.requests;
    // The emulator answers 401 without a bearer token, so a 200 proves the token went out.
    expect(exchange?.status).toBe(200);
    expect(exchange?.requestHeaders["authorization"]).toBe("REDACTED");
    expect(JSON.stringify(emulator.requests)).not.toContain(SECRET_TOKEN);
  });

  it("stays out of an ArmError for a 404", async () => {
    const error = await clientFor(emulator)
      .sendRequest({ method: "GET", path: ids.groupAt("missing"), apiVersion: "2021-04-01" })
      .catch((e: unknown) => e);

    expect(error).toMatchObject({ name: "ArmError", statusCode: 404 });
    expect(allTextOf(error)).not.toContain(SECRET_TOKEN);
  });

  it("stays out of the error for a dropped connection, whose cause held the request headers", async () => {
    emulator.addFault({ kind: "drop", path: ids.group });

    const error = await clientFor(emulator)
      .sendRequest({ method: "GET", path: ids.group, apiVersion: apiVersions.resourceGroup })
      .catch((e: unknown) => e);

    expect(error).toMatchObject({ name: "ArmError", code: "ECONNRESET" });
    expect(allTextOf(error)).not.toContain(SECRET_TOKEN);
  });

  it("stays out of a failed operation's error and of the poller", async () => {
    emulator.addFault({ kind: "fail", path: "/privateDnsZones/" });
    const poller = clientFor(emulator).beginRequest({
      method: "PUT",
      path: ids.dnsZone("privatelink.api.azureml.ms"),
      apiVersion: apiVersions.privateDns,
      body: { location: "global" },
    });

    const error = await poller.then(
      () => undefined,
      (e: unknown) => e,
    );

    expect(error).toMatchObject({ name: "ArmError", code: "InternalOperationError" });
    expect(allTextOf(error)).not.toContain(SECRET_TOKEN);
    expect(inspect(poller, { showHidden: true, depth: Infinity })).not.toContain(SECRET_TOKEN);
    expect(await poller.serialize()).not.toContain(SECRET_TOKEN);
  });

  it("stays out of inspect() of a client that has used it", async () => {
    const arm = clientFor(emulator);
    await arm.sendRequest({ method: "GET", path: ids.group, apiVersion: "2021-04-01" });

    expect(inspect(arm, { showHidden: true, depth: Infinity })).not.toContain(SECRET_TOKEN);
  });

  it("stays out of verbose logs of requests, polls and responses", async () => {
    const lines: string[] = [];
    const originalLog = AzureLogger.log;
    AzureLogger.log = (...args: unknown[]) => void lines.push(args.map(String).join(" "));
    setLogLevel("verbose");
    try {
      await clientFor(emulator).beginRequest({
        method: "PUT",
        path: ids.workspace("loggedws"),
        apiVersion: apiVersions.machineLearning,
        body: { location: emulator.world.location, properties: {} },
      });
    } finally {
      setLogLevel();
      AzureLogger.log = originalLog;
    }

    const text = lines.join("\n");
    // The wire log did print the request headers, with the authorization among them.
    expect(text).toMatch(/authorization/i);
    expect(text).toContain("azure:azureml-workspace:info");
    expect(text).not.toContain(SECRET_TOKEN);
  });
});
