import type { AccessToken, TokenCredential } from "@azure/core-auth";
import type { PipelinePolicy } from "@azure/core-rest-pipeline";
import { AzureMLWorkspaceError } from "./errors/azureMLWorkspaceError.js";

/** Refresh this long before expiry, so a token does not expire in flight. */
const REFRESH_MARGIN_IN_MS = 2 * 60 * 1000;

/**
 * Adds the bearer token to requests for one origin only, over http too. Used instead of
 * core-rest-pipeline's bearer policy (which refuses http) for a loopback endpoint that the
 * caller explicitly allowed; requests to any other origin go out without the token.
 *
 * @internal
 */
export function loopbackAuthenticationPolicy(
  credential: TokenCredential,
  scope: string,
  origin: string,
): PipelinePolicy {
  let cached: AccessToken | undefined;
  return {
    name: "azuremlWorkspaceLoopbackAuthenticationPolicy",
    async sendRequest(request, next) {
      if (new URL(request.url).origin !== origin) return next(request);
      if (cached === undefined || cached.expiresOnTimestamp - REFRESH_MARGIN_IN_MS <= Date.now()) {
        const token = await credential.getToken(scope, { abortSignal: request.abortSignal });
        if (!token) {
          throw new AzureMLWorkspaceError(
            "CredentialUnavailable",
            `The credential returned no token for scope ${scope}. Check the credential passed to the client.`,
          );
        }
        cached = token;
      }
      request.headers.set("Authorization", `Bearer ${cached.token}`);
      return next(request);
    },
  };
}
