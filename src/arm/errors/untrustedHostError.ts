import { AzureMLWorkspaceError } from "./azureMLWorkspaceError.js";

/**
 * A URL points somewhere the bearer token must not go: a polling or next-page URL on another
 * origin than the ARM endpoint, or an endpoint that is neither https nor an allowed loopback
 * address. Nothing is sent to that URL.
 *
 * @public
 */
export class UntrustedHostError extends AzureMLWorkspaceError {
  /** The origin that was refused, e.g. `"https://attacker.example"`. */
  readonly origin: string;

  /** The ARM endpoint origin requests are allowed to go to. */
  readonly trustedOrigin: string;

  constructor(message: string, origin: string, trustedOrigin: string) {
    super("UntrustedHost", message);
    this.name = "UntrustedHostError";
    this.origin = origin;
    this.trustedOrigin = trustedOrigin;
  }
}
