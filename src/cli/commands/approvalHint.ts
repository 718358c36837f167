import type { CliContext } from "../cliContext.js";

/**
 * Tells, on stderr, the command that approves a connection left Pending, since the library's own
 * progress line names its method rather than the command.
 *
 * @param context - Where to write.
 * @param workspace - The workspace name and resource group.
 * @param connection - The connection's name and status.
 */
export function printApprovalHint(
  context: CliContext,
  workspace: { name: string; resourceGroup: string },
  connection: { name?: string; status?: string },
): void {
  if (connection.status !== "Pending" || connection.name === undefined) return;
  context.writeErr(
    `To approve it: azureml-workspace workspace private-endpoint approve -w ${workspace.name} ` +
      `-g ${workspace.resourceGroup} --pe-connection-name ${connection.name}\n`,
  );
}
