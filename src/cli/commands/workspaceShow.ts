import type { Command } from "commander";
import type { CliContext } from "../cliContext.js";
import { printResult } from "../cliContext.js";
import { withExamples } from "../help.js";
import { detailsWhenObtained } from "../../workspace/workspace.js";
import { addWorkspaceFlags, resolveWorkspace } from "../workspaceTarget.js";
import { workspaceColumns } from "./workspaceColumns.js";

/**
 * `workspace show`: prints the workspace as ARM returns it, private endpoint connections included.
 *
 * @param parent - The `workspace` command.
 * @param context - The process context.
 */
export function addWorkspaceShowCommand(parent: Command, context: CliContext): void {
  const command = parent
    .command("show")
    .description(
      "Show a workspace as Azure Resource Manager returns it, with its private endpoint " +
        "connections.",
    );
  addWorkspaceFlags(command);
  withExamples(command, [
    "azureml-workspace workspace show -w myworkspace -g myresourcegroup",
    "# The workspace named by .azureml/config.json in this folder or a parent, as a table",
    "azureml-workspace workspace show --output table",
  ]);
  command.action(async (_flags: unknown, cmd: Command) => {
    const workspace = await resolveWorkspace(context, cmd);
    // Finding the workspace read it already: no need to ask ARM a second time.
    const details =
      detailsWhenObtained(workspace) ??
      (await workspace.getDetails({ abortSignal: context.abortSignal }));
    printResult(context, cmd, details, workspaceColumns);
  });
}
