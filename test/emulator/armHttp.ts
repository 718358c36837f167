import type { RunningEmulator } from "../../src/emulator/index.js";

/** An answer as the tests read it. */
export interface Answer {
  status: number;
  headers: Headers;
  body: any;
}

/** api-versions this library uses, by the provider the path names. */
export const apiVersions = {
  ml: "2024-10-01",
  network: "2024-07-01",
  dns: "2020-06-01",
  storage: "2023-05-01",
  keyVault: "2024-11-01",
  insights: "2020-02-02",
  logAnalytics: "2022-10-01",
  resources: "2021-04-01",
} as const;

function versionFor(path: string): string {
  const p = path.toLowerCase();
  if (p.includes("privatednszones") || p.includes("privatednsoperation")) return apiVersions.dns;
  if (p.includes("microsoft.machinelearningservices")) return apiVersions.ml;
  if (p.includes("microsoft.network")) return apiVersions.network;
  if (p.includes("microsoft.storage")) return apiVersions.storage;
  if (p.includes("microsoft.keyvault")) return apiVersions.keyVault;
  if (p.includes("microsoft.insights")) return apiVersions.insights;
  if (p.includes("microsoft.operationalinsights")) return apiVersions.logAnalytics;
  return apiVersions.resources;
}

/** A tiny ARM client over fetch, for talking to the emulator in tests. */
export function armHttp(emulator: RunningEmulator) {
  const { subscriptionId, resourceGroup } = emulator.world;
  const rg = `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}`;

  async function send(
    method: string,
    pathOrUrl: string,
    body?: unknown,
    options: { apiVersion?: string | null; headers?: Record<string, string> } = {},
  ): Promise<Answer> {
    const url = new URL(pathOrUrl, emulator.endpoint);
    if (options.apiVersion !== null && !url.searchParams.has("api-version")) {
      url.searchParams.set("api-version", options.apiVersion ?? versionFor(url.pathname));
    }
    const response = await fetch(url, {
      method,
      headers: {
        authorization: "Bearer test-token",
        ...(body === undefined ? {} : { "content-type": "application/json" }),
        ...options.headers,
      },
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    });
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      body: text ? JSON.parse(text) : undefined,
    };
  }

  /** Polls an operation's URL until it is no longer in progress, and returns the last answer. */
  async function pollUntilDone(url: string): Promise<Answer> {
    for (;;) {
      const answer = await send("GET", url);
      if (answer.status === 202) continue;
      if (answer.body?.status === "InProgress") continue;
      return answer;
    }
  }

  return { send, pollUntilDone, rg, subscriptionId, resourceGroup };
}

export type ArmHttp = ReturnType<typeof armHttp>;
