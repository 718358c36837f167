/** The exit statuses of the command line. */
export const ExitCode = {
  /** The command did what it was asked. */
  Success: 0,
  /** Azure (or the emulator) reported a failure: an ARM error or a failed operation. */
  AzureFailure: 1,
  /** The command line was wrong: a bad flag, a missing value, no configuration file. */
  Usage: 2,
  /** Interrupted by SIGINT or SIGTERM before the command finished (128 + SIGINT). */
  Cancelled: 130,
} as const;

/** One of the {@link ExitCode} values. */
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
