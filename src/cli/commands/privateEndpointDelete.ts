import { Option } from "commander";
import type { Command } from "commander";
import type { CliContext } from "../cliContext.js";
import { withExamples } from "../help.js";
import { addWorkspaceFlags, resolveWorkspace } from "../workspaceTarget.js";

interface DeleteFlags {
  peConnectionName: string;
}

/**
 * `workspace private-endpoint delete`: removes a private endpoint connection from a workspace.
 *
 * @param parent - The `private-endpoint` command.
 * @param context - The process context.
 */
export function addPrivateEndpointDeleteCommand(parent: Command, context: CliContext): void {
  const command = parent
    .command("delete")
    .description(
      "Delete a private endpoint connection of a workspace (the name 'private-endpoint list' " +
        "prints). The private endpoint resource in the virtual network is left as it is. " +
        "Prints nothing on success.",
    );
  addWorkspaceFlags(command);
  command.addOption(
    new Option(
      "--pe-connection-name <name>",
      "name of the private endpoint connection",
    ).makeOptionMandatory(),
  );
  withExamples(command, [
    "azureml-workspace workspace private-endpoint delete -w myworkspace -g myresourcegroup \\\n" +
      "      --pe-connection-name myworkspace.0123456789abcdef",
  ]);
  command.action(async (flags: DeleteFlags, cmd: Command) => {
    const workspace = await resolveWorkspace(context, cmd);
    await workspace.deletePrivateEndpointConnection(flags.peConnectionName, {
      abortSignal: context.abortSignal,
    });
  });
}
