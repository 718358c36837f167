import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "../../src/emulator/index.js";
import { armHttp, type ArmHttp } from "./armHttp.js";

let emulator: RunningEmulator;
let arm: ArmHttp;

beforeAll(async () => {
  emulator = await startEmulator();
  arm = armHttp(emulator);
});
afterAll(() => emulator.stop());

describe("front door", () => {
  it("listens on 127.0.0.1 only", () => {
    expect(emulator.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it("answers 401 AuthenticationFailed with a challenge when the Authorization header is missing", async () => {
    const response = await fetch(`${emulator.endpoint}/subscriptions?api-version=2021-04-01`);
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toMatch(/^Bearer authorization_uri=/);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
      "AuthenticationFailed",
    );
  });

  it("answers 401 AuthenticationFailed for an Authorization header that is not a bearer token", async () => {
    const answer = await arm.send("GET", "/subscriptions", undefined, {
      headers: { authorization: "Basic abc" },
    });
    expect(answer.status).toBe(401);
    expect(answer.body.error.code).toBe("AuthenticationFailed");
  });

  it("answers 401 InvalidAuthenticationToken for an empty bearer token", async () => {
    const answer = await arm.send("GET", "/subscriptions", undefined, {
      headers: { authorization: "Bearer " },
    });
    expect(answer.status).toBe(401);
    expect(answer.body.error.code).toBe("InvalidAuthenticationToken");
  });

  it("accepts the token of its own credential", async () => {
    const token = await emulator.credential.getToken("https://management.azure.com/.default");
    const answer = await arm.send("GET", "/subscriptions", undefined, {
      headers: { authorization: `Bearer ${token!.token}` },
    });
    expect(answer.status).toBe(200);
    expect(emulator.clientOptions).toEqual({
      endpoint: emulator.endpoint,
      credential: emulator.credential,
      allowInsecureLoopback: true,
    });
  });

  it("answers 400 MissingApiVersionParameter without an api-version", async () => {
    const answer = await arm.send("GET", "/subscriptions", undefined, { apiVersion: null });
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe("MissingApiVersionParameter");
  });

  it("answers 400 InvalidApiVersionParameter for a malformed api-version", async () => {
    const answer = await arm.send("GET", "/subscriptions", undefined, { apiVersion: "latest" });
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe("InvalidApiVersionParameter");
  });

  it("answers 404 SubscriptionNotFound for a subscription it does not serve", async () => {
    const answer = await arm.send(
      "GET",
      "/subscriptions/11111111-1111-1111-1111-111111111111/resourcegroups",
    );
    expect(answer.status).toBe(404);
    expect(answer.body.error.code).toBe("SubscriptionNotFound");
  });

  it("sends ARM's request ids and rate-limit headers, echoing the client request id", async () => {
    const answer = await arm.send("GET", `/subscriptions/${arm.subscriptionId}`, undefined, {
      headers: { "x-ms-client-request-id": "client-1", "x-ms-correlation-request-id": "corr-1" },
    });
    expect(answer.headers.get("x-ms-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    expect(answer.headers.get("x-ms-correlation-request-id")).toBe("corr-1");
    expect(answer.headers.get("x-ms-client-request-id")).toBe("client-1");
    expect(Number(answer.headers.get("x-ms-ratelimit-remaining-subscription-reads"))).toBeLessThan(
      12000,
    );
  });

  it("counts writes separately from reads", async () => {
    const answer = await arm.send("PUT", `${arm.rg}`, { location: "eastus2" });
    expect(answer.headers.get("x-ms-ratelimit-remaining-subscription-writes")).toBe("1199");
    expect(answer.headers.get("x-ms-ratelimit-remaining-subscription-reads")).toBeNull();
  });

  it("answers 400 InvalidRequestContent for a body that is not JSON", async () => {
    const answer = await arm.send("PUT", `${arm.rg}`, "{not json");
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe("InvalidRequestContent");
  });

  it("answers 400 InvalidResourceType for a type the namespace does not have", async () => {
    const answer = await arm.send("GET", `${arm.rg}/providers/Microsoft.Network/loadBalancers/lb`);
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe("InvalidResourceType");
  });

  it("answers 404 InvalidResourceNamespace for an unknown namespace", async () => {
    const answer = await arm.send("GET", `${arm.rg}/providers/Contoso.Widgets/widgets/w`);
    expect(answer.status).toBe(404);
    expect(answer.body.error.code).toBe("InvalidResourceNamespace");
  });
});
