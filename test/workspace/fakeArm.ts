import nock from "nock";
import { ArmClient } from "../../src/arm/index.js";

export const ENDPOINT = "https://management.azure.com";
export const SUB = "00000000-1111-2222-3333-444444444444";
export const RG = "myresourcegroup";
export const WS_ID = `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.MachineLearningServices/workspaces/myworkspace`;
export const VNET_ID = `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.Network/virtualNetworks/myvnet`;
export const SUBNET_ID = `${VNET_ID}/subnets/default`;
export const PE_ID = `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.Network/privateEndpoints/myprivateendpoint`;
export const ZONES = ["privatelink.api.azureml.ms", "privatelink.notebooks.azure.net"];
export const zoneId = (zone: string) =>
  `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.Network/privateDnsZones/${zone}`;

export const credential = {
  getToken: async () => ({ token: "t", expiresOnTimestamp: Date.now() + 3600e3 }),
};

/** Options that make a test fast and quiet: no retries wait, no poll waits, output captured. */
export function testClientOptions(lines: string[] = []) {
  const client = new ArmClient(credential, {
    retryOptions: { maxRetries: 1, retryDelayInMs: 0, maxRetryDelayInMs: 0 },
    updateIntervalInMs: 0,
  });
  return {
    client,
    updateIntervalInMs: 0,
    output: (line: string) => lines.push(line),
    now: () => 0,
  };
}

export interface RecordedRequest {
  method: string;
  path: string;
  apiVersion: string | null;
  query: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
  body: any;
}

type Reply = [number, unknown?, Record<string, string>?];
type Handler = (request: RecordedRequest) => Reply;

/**
 * A tiny ARM stand-in on nock: routes by method and exact path (case-insensitive), records every
 * request, and answers anything unrouted with 400 UnexpectedRequest (recorded in `unexpected`).
 */
export class FakeArm {
  readonly requests: RecordedRequest[] = [];
  readonly unexpected: RecordedRequest[] = [];
  private readonly routes = new Map<string, Handler[]>();
  private readonly patterns: Array<{ method: string; pattern: RegExp; handler: Handler }> = [];

  constructor() {
    const scope = nock(ENDPOINT).persist();
    const fake = this;
    for (const method of ["GET", "PUT", "PATCH", "DELETE", "POST"]) {
      // A function, not an arrow: nock passes the intercepted request as `this`.
      scope.intercept(/.*/, method).reply(function (uri, body) {
        const url = new URL(uri, ENDPOINT);
        const request: RecordedRequest = {
          method,
          path: url.pathname,
          apiVersion: url.searchParams.get("api-version"),
          query: url.searchParams,
          headers: { ...this.req.headers },
          body: typeof body === "string" && body ? JSON.parse(body) : body || undefined,
        };
        fake.requests.push(request);
        const handlers = fake.routes.get(`${method} ${url.pathname.toLowerCase()}`);
        const handler =
          (handlers && (handlers.length > 1 ? handlers.shift()! : handlers[0])) ??
          fake.patterns.find((p) => p.method === method && p.pattern.test(url.pathname))?.handler;
        if (!handler) {
          fake.unexpected.push(request);
          return [
            400,
            { error: { code: "UnexpectedRequest", message: `${method} ${url.pathname}` } },
          ];
        }
        const [status, replyBody, headers] = handler(request);
        return [
          status,
          replyBody === undefined ? "" : JSON.stringify(replyBody),
          { "content-type": "application/json", ...headers },
        ];
      });
    }
  }

  /** Adds answers for one route; several are used in turn, the last one repeats. */
  on(method: string, path: string, ...replies: Array<Reply | Handler>): this {
    const key = `${method} ${path.toLowerCase()}`;
    const handlers = replies.map((r) => (typeof r === "function" ? r : () => r));
    this.routes.set(key, [...(this.routes.get(key) ?? []), ...handlers]);
    return this;
  }

  /** Replaces the answers of one route. */
  override(method: string, path: string, ...replies: Array<Reply | Handler>): this {
    this.routes.delete(`${method} ${path.toLowerCase()}`);
    return this.on(method, path, ...replies);
  }

  /** Answers every path matching `pattern` that has no exact route. */
  onMatch(method: string, pattern: RegExp, reply: Reply | Handler): this {
    this.patterns.push({
      method,
      pattern,
      handler: typeof reply === "function" ? reply : () => reply,
    });
    return this;
  }

  /** The requests that wrote something, as "METHOD path". */
  writes(): string[] {
    return this.requests.filter((r) => r.method !== "GET").map((r) => `${r.method} ${r.path}`);
  }

  find(method: string, path: string): RecordedRequest | undefined {
    return this.requests.find(
      (r) => r.method === method && r.path.toLowerCase() === path.toLowerCase(),
    );
  }
}

export const notFound = (code = "ResourceNotFound"): Reply => [
  404,
  { error: { code, message: "Not found." } },
];
