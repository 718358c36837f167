import { Option } from "commander";
import type { Command } from "commander";
import type { CliContext } from "../cliContext.js";
import { globalOptionsOf, printResult, progressOutputOf } from "../cliContext.js";
import { withExamples } from "../help.js";
import { parseTags } from "../parsers.js";
import { UsageError } from "../usageError.js";
import { addWorkspaceFlags, resolveWorkspace } from "../workspaceTarget.js";
import { addPrivateEndpointFlags, privateEndpointConfigFrom } from "./privateEndpointFlags.js";
import type { PrivateEndpointFlags } from "./privateEndpointFlags.js";
import { printApprovalHint } from "./approvalHint.js";
import { connectionColumns } from "./workspaceColumns.js";

interface AddFlags extends PrivateEndpointFlags {
  tags?: Record<string, string>;
  waitForApproval?: boolean;
}

/**
 * `workspace private-endpoint add`: creates a private endpoint for an existing workspace.
 *
 * @param parent - The `private-endpoint` command.
 * @param context - The process context.
 */
export function addPrivateEndpointAddCommand(parent: Command, context: CliContext): void {
  const command = parent
    .command("add")
    .description(
      "Add a private endpoint to a workspace, in an existing virtual network. Prints the new " +
        "private endpoint connection. Compute targets outside that virtual network stop working.",
    );
  addWorkspaceFlags(command);
  addPrivateEndpointFlags(command, { location: true });
  command
    .addOption(
      new Option("--tags <key=value...>", "tags for the private endpoint").argParser(parseTags),
    )
    .addOption(
      new Option(
        "--wait-for-approval",
        "without auto-approval, wait until a workspace owner approves or rejects the connection " +
          "instead of returning it as Pending (checked every 10 s, or every " +
          "--update-interval-in-ms when given)",
      ),
    );
  withExamples(command, [
    "azureml-workspace workspace private-endpoint add -w myworkspace --pe-name myprivateendpoint \\\n" +
      "      --pe-auto-approval true --pe-vnet-name myvnet",
    "# Leave the connection Pending until a workspace owner approves it",
    "azureml-workspace workspace private-endpoint add -w myworkspace -g myresourcegroup \\\n" +
      "      --pe-name myprivateendpoint --pe-vnet-name myvnet --pe-subnet-name default",
  ]);
  command.action(async (flags: AddFlags, cmd: Command) => {
    const config = privateEndpointConfigFrom(flags);
    if (config === undefined) {
      throw new UsageError(
        "private-endpoint add needs the endpoint: pass --pe-name <name> and --pe-vnet-name <name>.",
      );
    }
    const workspace = await resolveWorkspace(context, cmd);
    const connection = await workspace.addPrivateEndpoint(config, {
      // The az ml CLI approves only when asked; the library (like the Python SDK) defaults to yes.
      privateEndpointAutoApproval: flags.peAutoApproval === true,
      location: flags.peLocation,
      tags: flags.tags,
      disableSubnetNetworkPolicies: flags.disableSubnetNetworkPolicies === true,
      waitForApproval: flags.waitForApproval === true,
      // The client has it for the operations; the wait for approval reads it from here.
      updateIntervalInMs: globalOptionsOf(cmd).updateIntervalInMs,
      showOutput: true,
      ...progressOutputOf(context),
      abortSignal: context.abortSignal,
    });
    printResult(context, cmd, connection, connectionColumns);
    printApprovalHint(context, workspace, connection);
  });
}
