import { isIPv4 } from "node:net";
import { ValidationError } from "./errors/validationError.js";

/**
 * Whether a URL host is a loopback address: `localhost`, `127.0.0.0/8` or `::1`.
 *
 * @internal
 */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  if (host === "localhost" || host === "[::1]" || host === "::1") return true;
  return isIPv4(host) && host.startsWith("127.");
}

/**
 * Checks an ARM base URL and returns it without a trailing slash. Plain http is accepted only
 * for a loopback host and only when the caller allowed it, because the bearer token travels in
 * clear text over http.
 *
 * @throws {@link ValidationError} `InvalidEndpoint`
 * @internal
 */
export function normalizeEndpoint(endpoint: string, allowInsecureLoopback: boolean): string {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw invalid(
      `The endpoint "${endpoint}" is not an absolute URL, e.g. "https://management.azure.com".`,
    );
  }
  if (url.username || url.password || url.search || url.hash) {
    throw invalid("The endpoint must not carry credentials, a query or a fragment.");
  }
  if (url.protocol === "http:") {
    if (!isLoopbackHost(url.hostname)) {
      throw invalid(
        `The endpoint ${url.origin} uses plain http: the token would travel in clear text. Use ` +
          `https; http is accepted only for 127.0.0.0/8, ::1 and localhost with allowInsecureLoopback.`,
      );
    }
    if (!allowInsecureLoopback) {
      throw invalid(
        `The endpoint ${url.origin} uses plain http. Set allowInsecureLoopback: true to talk to a ` +
          `local emulator over http.`,
      );
    }
  } else if (url.protocol !== "https:") {
    throw invalid(`The endpoint must be an https URL, not ${url.protocol}.`);
  }
  return `${url.origin}${url.pathname}`.replace(/\/+$/, "");
}

function invalid(message: string): ValidationError {
  return new ValidationError("InvalidEndpoint", message, "endpoint");
}
