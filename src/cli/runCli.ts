import { getLogLevel, setLogLevel } from "@azure/logger";
import type { Command } from "commander";
import type { CliContext } from "./cliContext.js";
import { describeError } from "./describeError.js";
import { ExitCode } from "./exitCodes.js";
import { allCommands, commandPath, createProgram } from "./program.js";

/**
 * Runs the command line once: parses `args`, runs the command, prints its result or a one-line
 * error, and returns the exit code. Never throws.
 *
 * @param args - The arguments after the program name.
 * @param context - Where to write, the environment, and the signal that cancels the command.
 * @returns The exit code (see {@link ExitCode}).
 */
export async function runCli(args: readonly string[], context: CliContext): Promise<ExitCode> {
  let failing: Command | undefined;
  let verbose = args.includes("--verbose");
  let program: Command;
  try {
    program = createProgram(context);
  } catch (error) {
    context.writeErr(describeError(error, { verbose }).text);
    return ExitCode.AzureFailure;
  }

  for (const command of allCommands(program)) {
    command.exitOverride((error) => {
      failing = command;
      throw error;
    });
  }
  program.hook("preAction", (_root, actionCommand) => {
    verbose = actionCommand.optsWithGlobals<{ verbose?: boolean }>().verbose === true;
    // --verbose means at least info; a more detailed AZURE_LOG_LEVEL (verbose) is kept.
    if (verbose && getLogLevel() !== "verbose") setLogLevel("info");
  });

  try {
    await program.parseAsync([...args], { from: "user" });
    return ExitCode.Success;
  } catch (error) {
    const report = describeError(error, {
      verbose,
      commandPath: failing === undefined ? undefined : commandPath(failing),
    });
    context.writeErr(report.text);
    return report.exitCode;
  }
}
