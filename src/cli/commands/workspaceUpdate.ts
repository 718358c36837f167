import { Option } from "commander";
import type { Command } from "commander";
import type { CliContext } from "../cliContext.js";
import { printResult, progressOutputOf } from "../cliContext.js";
import { withExamples } from "../help.js";
import { parseBoolean, parseTags } from "../parsers.js";
import { UsageError } from "../usageError.js";
import { addWorkspaceFlags, resolveWorkspace } from "../workspaceTarget.js";
import { workspaceColumns } from "./workspaceColumns.js";

interface UpdateFlags {
  allowPublicAccess?: boolean;
  publicNetworkAccess?: "Enabled" | "Disabled";
  friendlyName?: string;
  description?: string;
  tags?: Record<string, string>;
  imageBuildCompute?: string;
  primaryUserAssignedIdentity?: string;
  v1LegacyMode?: boolean;
  containerRegistry?: string;
  applicationInsights?: string;
}

/**
 * `workspace update`: changes public access and the other updatable settings of a workspace.
 *
 * @param parent - The `workspace` command.
 * @param context - The process context.
 */
export function addWorkspaceUpdateCommand(parent: Command, context: CliContext): void {
  const command = parent
    .command("update")
    .description(
      "Update a workspace: open it to public access behind a private endpoint, rename it, tag it. Prints the workspace.",
    );
  addWorkspaceFlags(command);
  command
    .addOption(
      new Option(
        "--allow-public-access <true|false>",
        "allow access over the public internet as well as through private endpoints (sent as " +
          "publicNetworkAccess Enabled/Disabled)",
      ).argParser(parseBoolean),
    )
    .addOption(
      new Option("--public-network-access <value>", "the ARM property itself")
        .choices(["Enabled", "Disabled"])
        .conflicts("allowPublicAccess"),
    )
    .addOption(new Option("--friendly-name <name>", "display name"))
    .addOption(new Option("--description <text>", "description"))
    .addOption(
      new Option("--tags <key=value...>", "tags, replacing the current ones").argParser(parseTags),
    )
    .addOption(
      new Option("--image-build-compute <name>", "compute target that builds Docker images"),
    )
    .addOption(
      new Option(
        "--primary-user-assigned-identity <id>",
        "ARM id of the workspace's user-assigned identity",
      ),
    )
    .addOption(
      new Option("--v1-legacy-mode <true|false>", "keep the v1 API surface").argParser(
        parseBoolean,
      ),
    )
    .addOption(new Option("--container-registry <id>", "ARM id of the container registry to use"))
    .addOption(
      new Option(
        "--application-insights <id>",
        "ARM id of the Application Insights component to use",
      ),
    );
  withExamples(command, [
    "# Allow public access to a workspace behind a private endpoint",
    "azureml-workspace workspace update -w myworkspace -g myresourcegroup --allow-public-access true",
    "# Close it again, for the workspace named by .azureml/config.json",
    "azureml-workspace workspace update --allow-public-access false",
  ]);
  command.action(async (flags: UpdateFlags, cmd: Command) => {
    const update = {
      allowPublicAccessWhenBehindVnet: flags.allowPublicAccess,
      publicNetworkAccess: flags.publicNetworkAccess,
      friendlyName: flags.friendlyName,
      description: flags.description,
      tags: flags.tags,
      imageBuildCompute: flags.imageBuildCompute,
      primaryUserAssignedIdentity: flags.primaryUserAssignedIdentity,
      v1LegacyMode: flags.v1LegacyMode,
      containerRegistry: flags.containerRegistry,
      applicationInsights: flags.applicationInsights,
    };
    if (Object.values(update).every((value) => value === undefined)) {
      throw new UsageError(
        "nothing to update: pass --allow-public-access true|false or another update flag (see --help).",
      );
    }
    const workspace = await resolveWorkspace(context, cmd);
    const details = await workspace.update({
      ...update,
      ...progressOutputOf(context),
      abortSignal: context.abortSignal,
    });
    printResult(context, cmd, details, workspaceColumns);
  });
}
