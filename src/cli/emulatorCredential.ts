import type { AccessToken, TokenCredential } from "@azure/core-auth";

/**
 * The credential used against the local emulator: a fixed, meaningless bearer token, which the
 * emulator accepts. It never reaches Azure because it is only chosen for a loopback endpoint.
 */
export const emulatorCredential: TokenCredential = {
  async getToken(): Promise<AccessToken> {
    return { token: "emulator-token", expiresOnTimestamp: Date.now() + 60 * 60 * 1000 };
  },
};
