import type { Command } from "commander";

/**
 * Appends an "Examples:" section to a command's `--help`.
 *
 * @param command - The command to document.
 * @param examples - Command lines, each optionally preceded by a `# comment` line.
 * @returns The same command.
 */
export function withExamples(command: Command, examples: readonly string[]): Command {
  const lines = examples.map((line) => (line.startsWith("#") ? `  ${line}` : `  $ ${line}`));
  return command.addHelpText("after", `\nExamples:\n${lines.join("\n")}\n`);
}
