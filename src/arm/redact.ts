/**
 * Query parameters whose values are secrets or parts of a signature: shared access signatures
 * (`sig`, `se`, `sp`, `skoid`...), OAuth codes and tokens, API keys.
 */
const secretQueryParameters = [
  "sig",
  "se",
  "st",
  "sp",
  "spr",
  "sv",
  "sr",
  "srt",
  "ss",
  "si",
  "skoid",
  "sktid",
  "skt",
  "ske",
  "sks",
  "skv",
  "saoid",
  "suoid",
  "scid",
  "code",
  "token",
  "access_token",
  "refresh_token",
  "id_token",
  "client_secret",
  "client_assertion",
  "password",
  "secret",
  "key",
  "apikey",
  "api-key",
  "subscription-key",
];

const REDACTED = "REDACTED";

const secretQueryPattern = new RegExp(
  `([?&](?:${secretQueryParameters.map(escapeRegExp).join("|")})=)[^&#\\s"'<>]*`,
  "gi",
);
const bearerPattern = /\b(Bearer|Basic)\s+[A-Za-z0-9\-._~+/=]+/g;
// A JSON Web Token (header.payload.signature, base64url) has no business in a message or log.
const jwtPattern = /\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g;
const userInfoPattern = /(\b[a-z][a-z0-9+.-]*:\/\/)[^/\s@?#]+@/gi;

/**
 * Removes secrets from text that may reach an error message or a log line: values of secret
 * query parameters in any URL, bearer and basic credentials, JSON Web Tokens and the user info
 * part of URLs. The rest of the text is left as it was, so URLs stay recognisable.
 *
 * @internal
 */
export function redact(text: string): string {
  return text
    .replace(secretQueryPattern, `$1${REDACTED}`)
    .replace(bearerPattern, `$1 ${REDACTED}`)
    .replace(jwtPattern, REDACTED)
    .replace(userInfoPattern, "$1");
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\-]/g, "\\$&");
}
