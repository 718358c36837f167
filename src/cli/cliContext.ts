import type { Command } from "commander";
import type { OutputInternals } from "../workspace/progress.js";
import { toCliWording } from "./cliWording.js";
import { clientOptionsFrom } from "./globalOptions.js";
import type { CliClientOptions, GlobalOptions } from "./globalOptions.js";
import { formatResult } from "./output.js";
import type { TableColumn } from "./table.js";

/** What a command needs from the process it runs in; tests can supply their own. */
export interface CliContext {
  /** Writes to stdout: results only. */
  writeOut(text: string): void;
  /** Writes to stderr: progress, warnings and errors. */
  writeErr(text: string): void;
  /** The environment variables. */
  env: Readonly<Record<string, string | undefined>>;
  /** Aborted on SIGINT or SIGTERM. */
  abortSignal: AbortSignal;
}

/**
 * The global options of the command being run, merged with the root command's.
 *
 * @param command - The command whose action runs.
 * @returns The parsed global options.
 */
export function globalOptionsOf(command: Command): GlobalOptions {
  return command.optsWithGlobals<GlobalOptions>();
}

/**
 * The library client options for the command being run.
 *
 * @param command - The command whose action runs.
 * @returns Endpoint, cloud, credential and loopback allowance.
 */
export function clientOptionsOf(command: Command): CliClientOptions {
  return clientOptionsFrom(globalOptionsOf(command));
}

/**
 * Where the library's progress lines and warnings go: stderr through the context, with the
 * library's option names reworded as the flags that set them.
 *
 * @param context - Where to write.
 * @returns The option that routes the lines; spread it into the library call's options.
 */
export function progressOutputOf(context: CliContext): Pick<OutputInternals, "output"> {
  return { output: (line) => context.writeErr(`${toCliWording(line)}\n`) };
}

/**
 * Prints a result on stdout in the `--output` format of the command.
 *
 * @param context - Where to write.
 * @param command - The command whose action runs.
 * @param result - What to print; `undefined` prints nothing.
 * @param columns - The columns for `--output table`.
 */
export function printResult<T>(
  context: CliContext,
  command: Command,
  result: T | readonly T[] | undefined,
  columns?: readonly TableColumn<T>[],
): void {
  const text = formatResult(result, globalOptionsOf(command).output, columns);
  if (text !== "") context.writeOut(text);
}
