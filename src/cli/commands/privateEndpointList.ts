import type { Command } from "commander";
import type { CliContext } from "../cliContext.js";
import { printResult } from "../cliContext.js";
import { withExamples } from "../help.js";
import { addWorkspaceFlags, resolveWorkspace } from "../workspaceTarget.js";
import { connectionColumns } from "./workspaceColumns.js";

/**
 * `workspace private-endpoint list`: prints the private endpoint connections of a workspace.
 *
 * @param parent - The `private-endpoint` command.
 * @param context - The process context.
 */
export function addPrivateEndpointListCommand(parent: Command, context: CliContext): void {
  const command = parent
    .command("list")
    .description(
      "List the private endpoint connections of a workspace: connection name and id, private " +
        "endpoint id and status (Approved, Pending, Rejected, Disconnected).",
    );
  addWorkspaceFlags(command);
  withExamples(command, [
    "azureml-workspace workspace private-endpoint list -w myworkspace -g myresourcegroup",
    "azureml-workspace workspace private-endpoint list --output table",
  ]);
  command.action(async (_flags: unknown, cmd: Command) => {
    const workspace = await resolveWorkspace(context, cmd);
    const connections = await workspace.privateEndpoints({ abortSignal: context.abortSignal });
    printResult(context, cmd, connections, connectionColumns);
  });
}
