import { Option } from "commander";
import type { Command } from "commander";
import type { CliContext } from "../cliContext.js";
import { printResult } from "../cliContext.js";
import { withExamples } from "../help.js";
import { addWorkspaceFlags, resolveWorkspace } from "../workspaceTarget.js";
import { connectionColumns } from "./workspaceColumns.js";

interface ApprovalFlags {
  peConnectionName: string;
  description?: string;
}

/**
 * `workspace private-endpoint approve` and `reject`: decide on a Pending connection.
 *
 * @param parent - The `private-endpoint` command.
 * @param context - The process context.
 * @param decision - Which of the two commands to add.
 */
export function addPrivateEndpointApprovalCommand(
  parent: Command,
  context: CliContext,
  decision: "approve" | "reject",
): void {
  const command = parent
    .command(decision)
    .description(
      decision === "approve"
        ? "Approve a private endpoint connection left Pending. Prints the connection."
        : "Reject a private endpoint connection; its private endpoint stops reaching the " +
            "workspace. Prints the connection.",
    );
  addWorkspaceFlags(command);
  command
    .addOption(
      new Option(
        "--pe-connection-name <name>",
        "name of the private endpoint connection",
      ).makeOptionMandatory(),
    )
    .addOption(new Option("--description <text>", "reason recorded with the decision"));
  withExamples(command, [
    `azureml-workspace workspace private-endpoint ${decision} -w myworkspace -g myresourcegroup \\\n` +
      `      --pe-connection-name myworkspace.0123456789abcdef --description "${
        decision === "approve" ? "Approved by the network team" : "Unknown network"
      }"`,
  ]);
  command.action(async (flags: ApprovalFlags, cmd: Command) => {
    const workspace = await resolveWorkspace(context, cmd);
    const options = { description: flags.description, abortSignal: context.abortSignal };
    const connection =
      decision === "approve"
        ? await workspace.approvePrivateEndpointConnection(flags.peConnectionName, options)
        : await workspace.rejectPrivateEndpointConnection(flags.peConnectionName, options);
    printResult(context, cmd, connection, connectionColumns);
  });
}
