import { createRequire } from "node:module";
import { Command } from "commander";
import type { CliContext } from "./cliContext.js";
import { addEmulatorCommand } from "./commands/emulator.js";
import { addPrivateEndpointAddCommand } from "./commands/privateEndpointAdd.js";
import { addPrivateEndpointApprovalCommand } from "./commands/privateEndpointApproval.js";
import { addPrivateEndpointDeleteCommand } from "./commands/privateEndpointDelete.js";
import { addPrivateEndpointDnsRecordsCommand } from "./commands/privateEndpointDnsRecords.js";
import { addPrivateEndpointListCommand } from "./commands/privateEndpointList.js";
import { addWorkspaceCreateCommand } from "./commands/workspaceCreate.js";
import { addWorkspaceDeleteCommand } from "./commands/workspaceDelete.js";
import { addWorkspaceShowCommand } from "./commands/workspaceShow.js";
import { addWorkspaceUpdateCommand } from "./commands/workspaceUpdate.js";
import { ENDPOINT_ENV, SUBSCRIPTION_ENV, addGlobalOptions } from "./globalOptions.js";
import { withExamples } from "./help.js";

/** The name the package installs the command line under. */
export const PROGRAM_NAME = "azureml-workspace";

const OVERVIEW = `
Commands and flags follow the v1 'az ml' extension: a script moves over by changing the
program name ('az ml workspace ...' becomes '${PROGRAM_NAME} workspace ...').

Where the workspace comes from:
  -w/--workspace-name, -g/--resource-group and --subscription; what they leave out is read
  from the nearest .azureml/config.json (searched from --path or the current folder up to
  the root, as Workspace.fromConfig searches); a subscription still missing comes from
  $${SUBSCRIPTION_ENV}.

Authentication:
  DefaultAzureCredential: 'az login', AZURE_CLIENT_ID/AZURE_TENANT_ID/AZURE_CLIENT_SECRET,
  workload or managed identity. When --endpoint (or $${ENDPOINT_ENV}) is a loopback URL,
  such as the one '${PROGRAM_NAME} emulator' prints, a fixed fake token is sent instead and
  http:// is allowed (override with --credential default).

Output and exit codes:
  Results are JSON on stdout (--output table for people); progress and warnings go to
  stderr. Exit code 0: success; 1: Azure reported a failure; 2: bad usage (a flag, a
  missing configuration file); 130: interrupted.`;

/**
 * Builds the whole command tree.
 *
 * @param context - Where commands write and the signal that cancels them.
 * @returns The root command, ready to parse.
 */
export function createProgram(context: CliContext): Command {
  const program = new Command(PROGRAM_NAME)
    .description(
      "Azure Machine Learning workspaces behind Azure Private Link: create them with a private " +
        "endpoint, add, approve, reject and remove private endpoints, open public access.",
    )
    .version(packageVersion(), "-V, --version")
    .configureOutput({
      writeOut: (text) => context.writeOut(text),
      writeErr: (text) => context.writeErr(text),
      // Errors are printed once, as one line, by the caller of parseAsync.
      outputError: () => {},
    })
    .configureHelp({ showGlobalOptions: true })
    .showSuggestionAfterError(true);
  addGlobalOptions(program);

  const workspace = program
    .command("workspace")
    .description("Manage Azure Machine Learning workspaces (az ml workspace).");
  addWorkspaceCreateCommand(workspace, context);
  addWorkspaceShowCommand(workspace, context);
  addWorkspaceUpdateCommand(workspace, context);
  addWorkspaceDeleteCommand(workspace, context);
  withExamples(workspace, [
    "azureml-workspace workspace create -w myworkspace -g myresourcegroup -l eastus2",
    "azureml-workspace workspace show --output table",
  ]);

  const privateEndpoint = workspace
    .command("private-endpoint")
    .description("Manage the private endpoints of a workspace (az ml workspace private-endpoint).");
  addPrivateEndpointAddCommand(privateEndpoint, context);
  addPrivateEndpointListCommand(privateEndpoint, context);
  addPrivateEndpointDeleteCommand(privateEndpoint, context);
  addPrivateEndpointDnsRecordsCommand(privateEndpoint, context);
  addPrivateEndpointApprovalCommand(privateEndpoint, context, "approve");
  addPrivateEndpointApprovalCommand(privateEndpoint, context, "reject");
  withExamples(privateEndpoint, [
    "azureml-workspace workspace private-endpoint add -w myworkspace --pe-name myprivateendpoint \\\n" +
      "      --pe-auto-approval true --pe-vnet-name myvnet",
    "azureml-workspace workspace private-endpoint list -w myworkspace -g myresourcegroup",
  ]);

  addEmulatorCommand(program, context);

  withExamples(program, [
    "# Create a workspace with a private endpoint (az ml workspace create ...)",
    "azureml-workspace workspace create -w myworkspace -g myresourcegroup -l eastus2 \\\n" +
      "      --pe-name myprivateendpoint --pe-auto-approval --pe-vnet-name myvnet",
    "# Try it offline against the local emulator",
    "azureml-workspace emulator --port 8443 &",
    "azureml-workspace workspace show -w myworkspace -g myresourcegroup \\\n" +
      "      --endpoint http://127.0.0.1:8443 --subscription 00000000-0000-0000-0000-000000000000",
  ]);
  program.addHelpText("after", OVERVIEW);
  return program;
}

/**
 * Every command of the tree, the root first.
 *
 * @param root - The root command.
 * @returns The commands, depth first.
 */
export function allCommands(root: Command): Command[] {
  return [root, ...root.commands.flatMap((command) => allCommands(command))];
}

/**
 * The full name of a command as typed, e.g. `azureml-workspace workspace create`.
 *
 * @param command - Any command of the tree.
 * @returns Its path from the root.
 */
export function commandPath(command: Command): string {
  const names: string[] = [];
  for (let current: Command | null = command; current !== null; current = current.parent) {
    names.unshift(current.name());
  }
  return names.join(" ");
}

function packageVersion(): string {
  // Both src/cli and dist/cli sit two folders below package.json.
  const require = createRequire(import.meta.url);
  return (require("../../package.json") as { version: string }).version;
}
