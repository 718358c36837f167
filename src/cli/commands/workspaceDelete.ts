import { Option } from "commander";
import type { Command } from "commander";
import type { CliContext } from "../cliContext.js";
import { progressOutputOf } from "../cliContext.js";
import { withExamples } from "../help.js";
import { addWorkspaceFlags, resolveWorkspace } from "../workspaceTarget.js";

interface DeleteFlags {
  allResources?: boolean;
  permanentlyDelete?: boolean;
}

/**
 * `workspace delete`: deletes a workspace; prints nothing on success.
 *
 * @param parent - The `workspace` command.
 * @param context - The process context.
 */
export function addWorkspaceDeleteCommand(parent: Command, context: CliContext): void {
  const command = parent
    .command("delete")
    .description("Delete a workspace. Prints nothing on success.");
  addWorkspaceFlags(command);
  command.addOption(
    new Option(
      "--all-resources",
      "also delete the storage account, key vault, Application Insights and container registry " +
        "the workspace uses",
    ),
  );
  command.addOption(
    new Option(
      "--permanently-delete",
      "purge the workspace instead of leaving it soft-deleted (recoverable) for 14 days",
    ),
  );
  withExamples(command, [
    "azureml-workspace workspace delete -w myworkspace -g myresourcegroup",
    "azureml-workspace workspace delete -w myworkspace -g myresourcegroup --all-resources",
  ]);
  command.action(async (flags: DeleteFlags, cmd: Command) => {
    const workspace = await resolveWorkspace(context, cmd);
    await workspace.delete({
      deleteDependentResources: flags.allResources === true,
      permanentlyDelete: flags.permanentlyDelete === true,
      ...progressOutputOf(context),
      abortSignal: context.abortSignal,
    });
  });
}
