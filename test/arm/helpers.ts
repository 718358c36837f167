import type { AccessToken, TokenCredential } from "@azure/core-auth";
import { ArmClient, type ArmClientOptions } from "../../src/arm/index.js";

export const ARM = "https://management.azure.com";
export const TOKEN = "eyJ0eXAiOiJKV1QifQ.eyJhdWQiOiJhcm0ifQ.c2lnbmF0dXJlLXNlY3JldA";

/** A credential that hands out a fixed token and records the scopes it was asked for. */
export function fakeCredential(token = TOKEN): TokenCredential & { scopes: string[] } {
  const scopes: string[] = [];
  return {
    scopes,
    async getToken(scope: string | string[]): Promise<AccessToken> {
      scopes.push(...[scope].flat());
      return { token, expiresOnTimestamp: Date.now() + 3_600_000 };
    },
  };
}

/** A client with no waiting: zero poll interval and near-zero retry back-off. */
export function testClient(
  options: ArmClientOptions = {},
  credential: TokenCredential = fakeCredential(),
): ArmClient {
  return new ArmClient(credential, {
    retryOptions: { maxRetries: 2, retryDelayInMs: 1, maxRetryDelayInMs: 2 },
    updateIntervalInMs: 0,
    ...options,
  });
}

export const workspacePath =
  "/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups/workspace-1234" +
  "/providers/Microsoft.MachineLearningServices/workspaces/testworkspace";
export const privateEndpointPath =
  "/subscriptions/subId/resourceGroups/rg1/providers/Microsoft.Network/privateEndpoints/testPe";
export const zonePath =
  "/subscriptions/subscriptionId/resourceGroups/resourceGroup1/providers/Microsoft.Network" +
  "/privateDnsZones/privatezone1.com";
