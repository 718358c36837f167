import {
  createHttpHeaders,
  createPipelineRequest,
  type PipelineResponse,
} from "@azure/core-rest-pipeline";
import { describe, expect, it } from "vitest";
import { loopbackAuthenticationPolicy } from "../../src/arm/loopbackAuthenticationPolicy.js";
import { TOKEN, fakeCredential } from "./helpers.js";

const origin = "http://127.0.0.1:8080";

async function authorizationSentTo(
  url: string,
  credential = fakeCredential(),
): Promise<string | undefined> {
  const policy = loopbackAuthenticationPolicy(
    credential,
    "https://management.azure.com/.default",
    origin,
  );
  const request = createPipelineRequest({ url, allowInsecureConnection: true });
  let sent: string | undefined;
  await policy.sendRequest(request, async (req) => {
    sent = req.headers.get("authorization");
    return { request: req, status: 200, headers: createHttpHeaders() } as PipelineResponse;
  });
  return sent;
}

describe("loopbackAuthenticationPolicy", () => {
  it("adds the token to requests for the configured origin", async () => {
    expect(await authorizationSentTo(`${origin}/subscriptions/s`)).toBe(`Bearer ${TOKEN}`);
  });

  it.each(["http://127.0.0.1:9090/x", "http://localhost:8080/x", "https://127.0.0.1:8080/x"])(
    "sends no token to %s",
    async (url) => {
      expect(await authorizationSentTo(url)).toBeUndefined();
    },
  );

  it("asks the credential once while the token is fresh", async () => {
    const credential = fakeCredential();
    const policy = loopbackAuthenticationPolicy(credential, "scope/.default", origin);
    const next = async (req: ReturnType<typeof createPipelineRequest>) =>
      ({ request: req, status: 200, headers: createHttpHeaders() }) as PipelineResponse;
    await policy.sendRequest(createPipelineRequest({ url: `${origin}/a` }), next);
    await policy.sendRequest(createPipelineRequest({ url: `${origin}/b` }), next);
    expect(credential.scopes).toEqual(["scope/.default"]);
  });

  it("fails clearly when the credential returns no token", async () => {
    const policy = loopbackAuthenticationPolicy(
      { getToken: async () => null },
      "scope/.default",
      origin,
    );
    await expect(
      policy.sendRequest(createPipelineRequest({ url: `${origin}/a` }), async () => {
        throw new Error("must not be sent");
      }),
    ).rejects.toMatchObject({ code: "CredentialUnavailable" });
  });
});
