import type { AccessToken, GetTokenOptions, TokenCredential } from "@azure/core-auth";

/**
 * A `DefaultAzureCredential` that is created on the first token request. `@azure/identity` (and
 * MSAL behind it) costs more to load than the rest of the package together, and callers who pass
 * their own credential never need it.
 *
 * @internal
 */
export class LazyDefaultAzureCredential implements TokenCredential {
  private credential: Promise<TokenCredential> | undefined;

  async getToken(
    scopes: string | string[],
    options?: GetTokenOptions,
  ): Promise<AccessToken | null> {
    this.credential ??= import("@azure/identity").then(
      (identity) => new identity.DefaultAzureCredential(),
      (error: unknown) => {
        // Let a later call try again, e.g. after the package was installed.
        this.credential = undefined;
        throw error;
      },
    );
    return (await this.credential).getToken(scopes, options);
  }
}
