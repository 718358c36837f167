import { toCliWording } from "./cliWording.js";
import { ExitCode } from "./exitCodes.js";

/** How a failure is reported: the exit status and the text for stderr. */
export interface ErrorReport {
  /** The process exit status. */
  exitCode: ExitCode;
  /** What to print on stderr, ending with a newline: one line unless verbose. */
  text: string;
}

/** Options of {@link describeError}. */
export interface DescribeErrorOptions {
  /**
   * Adds the stack trace and, for ARM errors, the error details and request ids.
   * @defaultValue false
   */
  verbose?: boolean;
  /**
   * The command line that failed (`azureml-workspace workspace create`), named in the hint of a
   * usage error.
   */
  commandPath?: string;
}

/** Error names whose fix is on the caller's side, so the CLI exits with status 2. */
const USAGE_ERROR_NAMES = new Set([
  "UsageError",
  "ValidationError",
  "UntrustedHostError",
  "ConfigurationError",
  "WorkspaceConfigError",
  "CredentialUnavailableError",
]);

/** Error codes that mean the same whatever class carries them. */
const USAGE_ERROR_CODES = new Set(["ConfigNotFound", "ConfigFileNotFound", "InvalidConfigFile"]);

/** Codes of a request that never got an answer. */
const NETWORK_ERROR_CODES = new Set([
  "REQUEST_SEND_ERROR",
  "ECONNREFUSED",
  "ECONNRESET",
  "ENOTFOUND",
  "ETIMEDOUT",
]);

/**
 * Maps a failure to an exit status and a message that says what to fix.
 *
 * - Commander's parse errors, {@link UsageError}, the library's `ValidationError` and
 *   `UntrustedHostError`, a missing or malformed configuration file, and a machine with no Azure
 *   credential: status 2.
 * - `ArmError` and every other failure of an operation: status 1.
 * - An aborted operation (SIGINT, SIGTERM): status 130.
 *
 * Errors are recognised by `name` and `code`, not `instanceof`, so two copies of the library
 * loaded side by side still map the same way.
 *
 * @param error - What was thrown.
 * @param options - Verbosity and the failing command.
 * @returns The exit status and the text for stderr.
 */
export function describeError(error: unknown, options: DescribeErrorOptions = {}): ErrorReport {
  const { verbose = false, commandPath } = options;
  const err = toRecord(error);
  const name = typeof err.name === "string" ? err.name : "Error";
  const code = typeof err.code === "string" ? err.code : undefined;
  const message = toCliWording(
    oneLine(typeof err.message === "string" ? err.message : String(error)),
  );

  if (code !== undefined && code.startsWith("commander.")) {
    // `--help` and `--version` end with exit code 0; help shown for a missing subcommand does not.
    if (err.exitCode === 0) return { exitCode: ExitCode.Success, text: "" };
    if (code === "commander.help") return { exitCode: ExitCode.Usage, text: "" };
    const hint = commandPath ? ` Run '${commandPath} --help' for usage.` : "";
    return {
      exitCode: ExitCode.Usage,
      text: `${withErrorPrefix(message)}${hint}\n`,
    };
  }

  if (name === "AbortError") {
    return {
      exitCode: ExitCode.Cancelled,
      text: "error: cancelled before the command finished.\n",
    };
  }

  const isUsage =
    USAGE_ERROR_NAMES.has(name) || (code !== undefined && USAGE_ERROR_CODES.has(code));
  const exitCode = isUsage ? ExitCode.Usage : ExitCode.AzureFailure;
  let line = withErrorPrefix(name === "ArmError" ? armLine(err, message) : message);
  // The library's own message may already say what to check; saying it twice reads as noise.
  if (code !== undefined && NETWORK_ERROR_CODES.has(code) && !/\bCheck the network\b/.test(line)) {
    line += " Check the network connection and the --endpoint URL.";
  }
  if (name === "CredentialUnavailableError") {
    line +=
      " Sign in with 'az login', set the AZURE_CLIENT_ID/AZURE_TENANT_ID/AZURE_CLIENT_SECRET" +
      " environment variables, or use a managed identity.";
  }
  if (!verbose) {
    const isKnown = isUsage || name === "ArmError" || code !== undefined;
    return { exitCode, text: `${line}${isKnown ? "" : " (run with --verbose for details)"}\n` };
  }
  return { exitCode, text: `${line}\n${verboseDetails(err, error)}` };
}

/** ARM's code and the HTTP status, unless the message names them already. */
function armLine(err: Record<string, unknown>, message: string): string {
  const code = typeof err.code === "string" ? err.code : undefined;
  const status = typeof err.statusCode === "number" ? String(err.statusCode) : undefined;
  const prefix = code !== undefined && !message.includes(code) ? `${code}: ` : "";
  const suffix = status !== undefined && !message.includes(status) ? ` (HTTP ${status})` : "";
  return `${prefix}${message}${suffix}`;
}

function verboseDetails(err: Record<string, unknown>, error: unknown): string {
  const lines: string[] = [];
  for (const key of ["target", "requestId", "correlationRequestId", "method", "url"]) {
    if (typeof err[key] === "string") lines.push(`  ${key}: ${err[key]}`);
  }
  for (const key of ["details", "additionalInfo"]) {
    const value = err[key];
    if (value !== undefined && !(Array.isArray(value) && value.length === 0)) {
      lines.push(`  ${key}: ${JSON.stringify(value)}`);
    }
  }
  if (error instanceof Error && error.stack) lines.push(error.stack);
  if (error instanceof Error && error.cause !== undefined) {
    const cause = error.cause;
    lines.push(
      `Caused by: ${cause instanceof Error ? (cause.stack ?? cause.message) : String(cause)}`,
    );
  }
  return lines.length === 0 ? "" : lines.join("\n") + "\n";
}

/** Joins a multi-line message (commander's suggestions, ARM's messages) into one line. */
function oneLine(message: string): string {
  return message
    .split(/\r?\n/)
    .map((part) => part.trim())
    .filter((part) => part !== "")
    .join(" ");
}

function withErrorPrefix(message: string): string {
  return message.startsWith("error: ") ? message : `error: ${message}`;
}

function toRecord(error: unknown): Record<string, unknown> {
  return typeof error === "object" && error !== null ? (error as Record<string, unknown>) : {};
}
