import { Option } from "commander";
import type { Command } from "commander";
import type { CliContext } from "../cliContext.js";
import { printResult, progressOutputOf } from "../cliContext.js";
import { withExamples } from "../help.js";
import { UsageError } from "../usageError.js";
import { addWorkspaceFlags, resolveWorkspace } from "../workspaceTarget.js";

interface DeleteFlags {
  peConnectionName?: string;
  peName?: string;
  deleteDnsZones?: boolean;
}

/**
 * `workspace private-endpoint delete`: removes a private endpoint connection from a workspace
 * (`--pe-connection-name`, as `az ml` does), or a private endpoint with everything that belongs
 * to it (`--pe-name`, optionally `--delete-dns-zones`).
 *
 * @param parent - The `private-endpoint` command.
 * @param context - The process context.
 */
export function addPrivateEndpointDeleteCommand(parent: Command, context: CliContext): void {
  const command = parent
    .command("delete")
    .description(
      "Delete a private endpoint connection of a workspace (--pe-connection-name, the name " +
        "'private-endpoint list' prints; the private endpoint resource in the virtual network " +
        "is left as it is, and nothing is printed), or a whole private endpoint (--pe-name): " +
        "its connection, its private DNS zone group and the private endpoint resource, and " +
        "with --delete-dns-zones the private DNS zones and virtual network links no other " +
        "private endpoint uses. With --pe-name, prints what was deleted and what was kept.",
    );
  addWorkspaceFlags(command);
  command
    .addOption(
      new Option(
        "--pe-connection-name <name>",
        "name of the private endpoint connection to delete (the connection only)",
      ),
    )
    .addOption(
      new Option(
        "--pe-name <name>",
        "name of the private endpoint to delete with its connection and zone group",
      ).conflicts("peConnectionName"),
    )
    .addOption(
      new Option(
        "--delete-dns-zones",
        "with --pe-name, also delete the endpoint's private DNS zones and their virtual " +
          "network links, except those another private endpoint, other record sets or other " +
          "virtual networks still use; default: keep them",
      ),
    );
  withExamples(command, [
    "azureml-workspace workspace private-endpoint delete -w myworkspace -g myresourcegroup \\\n" +
      "      --pe-connection-name myworkspace.0123456789abcdef",
    "# Remove the private endpoint itself, and the DNS zones nothing else uses",
    "azureml-workspace workspace private-endpoint delete -w myworkspace -g myresourcegroup \\\n" +
      "      --pe-name myprivateendpoint --delete-dns-zones",
  ]);
  command.action(async (flags: DeleteFlags, cmd: Command) => {
    if (flags.peConnectionName === undefined && flags.peName === undefined) {
      throw new UsageError(
        "private-endpoint delete needs --pe-connection-name <name> (the connection only) or " +
          "--pe-name <name> (the private endpoint with its connection and zone group).",
      );
    }
    if (flags.deleteDnsZones && flags.peName === undefined) {
      throw new UsageError(
        "--delete-dns-zones goes with --pe-name: a connection alone has no DNS zones.",
      );
    }
    const workspace = await resolveWorkspace(context, cmd);
    if (flags.peName !== undefined) {
      const result = await workspace.deletePrivateEndpoint(flags.peName, {
        deleteDnsZones: flags.deleteDnsZones === true,
        showOutput: true,
        ...progressOutputOf(context),
        abortSignal: context.abortSignal,
      });
      printResult(context, cmd, result);
      return;
    }
    await workspace.deletePrivateEndpointConnection(flags.peConnectionName!, {
      abortSignal: context.abortSignal,
    });
  });
}
