import { InvalidArgumentError } from "commander";

const TRUE_WORDS = new Set(["true", "yes", "on", "1"]);
const FALSE_WORDS = new Set(["false", "no", "off", "0"]);

/**
 * Parses a boolean flag value the way `az` does: `true|false` (also `yes|no`, `on|off`, `1|0`),
 * in any case.
 *
 * @param value - The text given on the command line.
 * @returns The boolean it names.
 * @throws InvalidArgumentError (commander's usage error) for anything else.
 */
export function parseBoolean(value: string): boolean {
  const word = value.trim().toLowerCase();
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  throw new InvalidArgumentError(`expected true or false, got '${value}'.`);
}

/**
 * Parses one `--tags` argument into `tags`, a copy of `previous` with the new pairs added.
 * An argument may hold several space-separated pairs (`"k=v k2=v2"`, as the `az` examples quote
 * them); a pair splits at its first `=`, and a key without `=` gets an empty value.
 *
 * @param value - One argument after `--tags`.
 * @param previous - The tags parsed from earlier arguments.
 * @returns The merged tags.
 * @throws InvalidArgumentError when a pair has an empty key.
 */
export function parseTags(
  value: string,
  previous: Record<string, string> | undefined,
): Record<string, string> {
  const tags: Record<string, string> = { ...previous };
  for (const pair of value.split(/\s+/).filter((part) => part !== "")) {
    const equals = pair.indexOf("=");
    const key = equals === -1 ? pair : pair.slice(0, equals);
    const tagValue = equals === -1 ? "" : pair.slice(equals + 1);
    if (key === "") {
      throw new InvalidArgumentError(
        `a tag needs a key before '=', as in key=value; got '${pair}'.`,
      );
    }
    tags[key] = tagValue;
  }
  return tags;
}

/**
 * Parses a whole number that is zero or more (a port, a latency, a number of seconds).
 *
 * @param value - The text given on the command line.
 * @returns The number.
 * @throws InvalidArgumentError when the text is not a non-negative integer.
 */
export function parseNonNegativeInteger(value: string): number {
  if (!/^\d+$/.test(value.trim())) {
    throw new InvalidArgumentError(`expected a whole number of 0 or more, got '${value}'.`);
  }
  return Number(value.trim());
}

/**
 * Parses a TCP port: a whole number from 0 (any free port) to 65535.
 *
 * @param value - The text given on the command line.
 * @returns The port.
 * @throws InvalidArgumentError when the text is not a port number.
 */
export function parsePort(value: string): number {
  const port = parseNonNegativeInteger(value);
  if (port > 65535) {
    throw new InvalidArgumentError(`expected a port from 0 to 65535, got '${value}'.`);
  }
  return port;
}
