/**
 * A mistake in how the command line was used: a flag value that does not parse, a flag that is
 * missing and cannot be read from a configuration file. The CLI exits with status 2 for it.
 */
export class UsageError extends Error {
  /** A stable, machine-readable reason. */
  readonly code: string;

  /**
   * @param message - What is wrong and how to fix it, in one sentence.
   * @param code - A stable, machine-readable reason.
   */
  constructor(message: string, code = "InvalidUsage") {
    super(message);
    this.name = "UsageError";
    this.code = code;
  }
}
