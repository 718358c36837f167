import type { AccessToken, TokenCredential } from "@azure/core-auth";
import { ArmHttpError } from "./armError.js";

/** The token the emulator's credential hands out; the emulator accepts any bearer token. */
export const emulatorToken = "emulator-access-token";

/** A credential that returns a fixed fake token, valid for an hour from each call. */
export function createEmulatorCredential(): TokenCredential {
  return {
    async getToken(): Promise<AccessToken> {
      return { token: emulatorToken, expiresOnTimestamp: Date.now() + 3_600_000 };
    },
  };
}

/**
 * Checks the `Authorization` header as ARM's front door does: a bearer token must be present,
 * though its value is not verified. Throws 401 with ARM's codes and a `WWW-Authenticate` challenge.
 */
export function checkAuthorization(header: string | undefined, tenantId: string): void {
  const challenge = (description: string) => ({
    "WWW-Authenticate": `Bearer authorization_uri="https://login.microsoftonline.com/${tenantId}", error="invalid_token", error_description="${description}"`,
  });
  if (header === undefined || header.trim() === "") {
    throw new ArmHttpError(
      401,
      "AuthenticationFailed",
      "Authentication failed. The 'Authorization' header is missing.",
      undefined,
      challenge("The authentication failed because of missing 'Authorization' header."),
    );
  }
  const match = /^Bearer(?:\s+(.*))?$/iu.exec(header.trim());
  if (!match) {
    throw new ArmHttpError(
      401,
      "AuthenticationFailed",
      "Authentication failed. The 'Authorization' header is provided in an invalid format.",
      undefined,
      challenge("The authentication failed because of an invalid 'Authorization' header."),
    );
  }
  if ((match[1] ?? "").trim() === "") {
    throw new ArmHttpError(
      401,
      "InvalidAuthenticationToken",
      "The access token is invalid.",
      undefined,
      challenge("The access token is missing or malformed."),
    );
  }
}
