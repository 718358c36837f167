import { Option } from "commander";
import type { Command } from "commander";
import { Workspace } from "../../workspace/index.js";
import type { CliContext } from "../cliContext.js";
import { clientOptionsOf, printResult, progressOutputOf } from "../cliContext.js";
import { SUBSCRIPTION_ENV } from "../globalOptions.js";
import { withExamples } from "../help.js";
import { parseBoolean, parseTags } from "../parsers.js";
import { UsageError } from "../usageError.js";
import { addWorkspaceFlags, configuredCoordinates, workspaceFlagsOf } from "../workspaceTarget.js";
import { printApprovalHint } from "./approvalHint.js";
import { workspaceColumns } from "./workspaceColumns.js";
import { addPrivateEndpointFlags, privateEndpointConfigFrom } from "./privateEndpointFlags.js";
import type { PrivateEndpointFlags } from "./privateEndpointFlags.js";

interface CreateFlags extends PrivateEndpointFlags {
  location?: string;
  existOk?: boolean;
  yes?: boolean;
  tags?: Record<string, string>;
  friendlyName?: string;
  sku?: string;
  storageAccount?: string;
  keyvault?: string;
  applicationInsights?: string;
  containerRegistry?: string;
  cmkKeyvault?: string;
  resourceCmkUri?: string;
  hbiWorkspace?: boolean;
  userAssignedIdentityForCmkEncryption?: string;
  primaryUserAssignedIdentity?: string;
  systemDatastoresAuthMode?: string;
  v1LegacyMode?: boolean;
  disableSubnetNetworkPolicies?: boolean;
}

/**
 * `workspace create`: creates a workspace, with a private endpoint when `--pe-name` is given.
 *
 * @param parent - The `workspace` command.
 * @param context - The process context.
 */
export function addWorkspaceCreateCommand(parent: Command, context: CliContext): void {
  const command = parent
    .command("create")
    .description(
      "Create a workspace, its storage account, key vault and Application Insights, and " +
        "optionally a private endpoint in an existing virtual network. Prints the workspace.",
    );
  addWorkspaceFlags(command, "resourceGroup");
  command
    .addOption(
      new Option(
        "-l, --location <location>",
        "Azure region, e.g. eastus2; default: the resource group's",
      ),
    )
    .addOption(
      new Option("--exist-ok", "return an existing workspace of that name instead of failing"),
    )
    .addOption(
      new Option("-y, --yes", "create the resource group when it does not exist, without asking"),
    )
    .addOption(new Option("--tags <key=value...>", "tags for the workspace").argParser(parseTags))
    .addOption(new Option("--friendly-name <name>", "display name of the workspace"))
    .addOption(new Option("--sku <sku>", "workspace SKU").default("basic"));
  addPrivateEndpointFlags(command, { location: false });
  command
    .addOption(new Option("--storage-account <id>", "ARM id of an existing storage account to use"))
    .addOption(new Option("--keyvault <id>", "ARM id of an existing key vault to use"))
    .addOption(
      new Option(
        "--application-insights <id>",
        "ARM id of an existing Application Insights to use",
      ),
    )
    .addOption(
      new Option("--container-registry <id>", "ARM id of an existing container registry to use"),
    )
    .addOption(
      new Option("--cmk-keyvault <id>", "ARM id of the key vault holding the customer-managed key"),
    )
    .addOption(new Option("--resource-cmk-uri <uri>", "key URI of the customer-managed key"))
    .addOption(
      new Option("--hbi-workspace", "high business impact: less diagnostic data collected"),
    )
    .addOption(
      new Option(
        "--user-assigned-identity-for-cmk-encryption <id>",
        "ARM id of the user-assigned identity that reads the customer-managed key",
      ),
    )
    .addOption(
      new Option(
        "--primary-user-assigned-identity <id>",
        "ARM id of the workspace's user-assigned identity",
      ),
    )
    .addOption(
      new Option(
        "--system-datastores-auth-mode <mode>",
        "how system datastores authenticate",
      ).choices(["accessKey", "identity"]),
    )
    .addOption(
      new Option(
        "--v1-legacy-mode [true|false]",
        "keep the v1 API surface; default: true with a private endpoint",
      ).argParser(parseBoolean),
    );
  withExamples(command, [
    "# A workspace with a private endpoint in an existing virtual network, approved at once",
    "azureml-workspace workspace create -w myworkspace -g myresourcegroup -l eastus2 \\\n" +
      "      --pe-name myprivateendpoint --pe-auto-approval --pe-vnet-name myvnet --pe-subnet-name default",
    "# The same, spelled as the az ml how-to spells it",
    "azureml-workspace workspace create -r myresourcegroup -l westus -n myworkspace \\\n" +
      "      --pe-name myprivateendpoint --pe-auto-approval --pe-resource-group myresourcegroup \\\n" +
      "      --pe-vnet-name myvnet --pe-subnet-name mysubnet",
  ]);
  command.action(async (flags: CreateFlags, cmd: Command) => {
    const workspace = await createWorkspace(context, cmd, flags);
    const details = await workspace.getDetails({ abortSignal: context.abortSignal });
    printResult(context, cmd, details, workspaceColumns);
    if (flags.peName !== undefined) {
      const connection = (details.properties?.privateEndpointConnections ?? []).find((c) =>
        c.properties?.privateEndpoint?.id?.endsWith(`/privateEndpoints/${flags.peName}`),
      );
      printApprovalHint(context, workspace, {
        name: connection?.name,
        status: connection?.properties?.privateLinkServiceConnectionState?.status,
      });
    }
  });
}

async function createWorkspace(
  context: CliContext,
  cmd: Command,
  flags: CreateFlags,
): Promise<Workspace> {
  const target = workspaceFlagsOf(cmd);
  if (target.workspaceName === undefined) {
    throw new UsageError("workspace create needs the workspace name: pass -w/--workspace-name.");
  }
  // As for every other command, what the flags leave out comes from the nearest configuration
  // file (only the file: its workspace is usually another one), then the environment.
  const configured =
    target.resourceGroup === undefined || target.subscriptionId === undefined
      ? await configuredCoordinates(context, cmd)
      : undefined;
  const resourceGroup = target.resourceGroup ?? configured?.resourceGroup;
  if (resourceGroup === undefined) {
    throw new UsageError(
      "workspace create needs the resource group: pass -g/--resource-group (or run it where " +
        ".azureml/config.json names one).",
    );
  }
  const subscriptionId =
    target.subscriptionId ??
    configured?.subscriptionId ??
    (context.env[SUBSCRIPTION_ENV] || undefined);
  if (subscriptionId === undefined) {
    throw new UsageError(
      `workspace create needs a subscription: pass --subscription or set $${SUBSCRIPTION_ENV}.`,
    );
  }
  const privateEndpointConfig = privateEndpointConfigFrom(flags);

  return Workspace.create({
    ...clientOptionsOf(cmd),
    name: target.workspaceName,
    subscriptionId,
    resourceGroup,
    location: flags.location,
    createResourceGroup: flags.yes === true,
    friendlyName: flags.friendlyName,
    tags: flags.tags,
    sku: flags.sku,
    storageAccount: flags.storageAccount,
    keyVault: flags.keyvault,
    appInsights: flags.applicationInsights,
    containerRegistry: flags.containerRegistry,
    cmkKeyvault: flags.cmkKeyvault,
    resourceCmkUri: flags.resourceCmkUri,
    hbiWorkspace: flags.hbiWorkspace === true,
    userAssignedIdentityForCmkEncryption: flags.userAssignedIdentityForCmkEncryption,
    primaryUserAssignedIdentity: flags.primaryUserAssignedIdentity,
    systemDatastoresAuthMode: flags.systemDatastoresAuthMode,
    v1LegacyMode: flags.v1LegacyMode,
    privateEndpointConfig,
    // The az ml CLI approves only when asked; the library (like the Python SDK) defaults to yes.
    privateEndpointAutoApproval: flags.peAutoApproval === true,
    disableSubnetNetworkPolicies: flags.disableSubnetNetworkPolicies === true,
    existOk: flags.existOk === true,
    showOutput: true,
    ...progressOutputOf(context),
    abortSignal: context.abortSignal,
  });
}
