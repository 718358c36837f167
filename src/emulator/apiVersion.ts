import { ArmHttpError } from "./armError.js";

const pattern = /^\d{4}-\d{2}-\d{2}(-(preview|alpha|beta|privatepreview))?$/u;

/**
 * The request's api-version: 400 `MissingApiVersionParameter` when absent and
 * `InvalidApiVersionParameter` when malformed. Every well-formed version is accepted and answered
 * with the shapes of the versions this library uses, so SDKs pinned to other versions still work.
 */
export function requireApiVersion(query: URLSearchParams): string {
  const version = query.get("api-version");
  if (version === null || version === "") {
    throw new ArmHttpError(
      400,
      "MissingApiVersionParameter",
      "The api-version query parameter (?api-version=) is required for all requests.",
    );
  }
  if (!pattern.test(version)) {
    throw new ArmHttpError(
      400,
      "InvalidApiVersionParameter",
      `The api-version '${version}' is invalid. The supported versions have the form 'yyyy-mm-dd' with an optional '-preview' suffix.`,
    );
  }
  return version;
}
