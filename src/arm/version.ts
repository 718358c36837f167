/**
 * The package version, sent in the `User-Agent` header. Kept in step with package.json (a test
 * checks it), because reading package.json at run time would cost every import.
 *
 * @internal
 */
export const SDK_VERSION = "0.1.0";
