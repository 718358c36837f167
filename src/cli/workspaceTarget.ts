import { Option } from "commander";
import type { Command } from "commander";
import { findWorkspaceConfig } from "../workspace/configFile.js";
import { Workspace } from "../workspace/index.js";
import type { CliContext } from "./cliContext.js";
import { clientOptionsOf, globalOptionsOf } from "./cliContext.js";
import { SUBSCRIPTION_ENV } from "./globalOptions.js";
import { UsageError } from "./usageError.js";

/** The workspace flags as commander parses them; `n` and `r` are the short aliases. */
interface WorkspaceFlags {
  workspaceName?: string;
  n?: string;
  resourceGroup?: string;
  r?: string;
}

/** Which workspace a command works on. */
export interface WorkspaceCoordinates {
  workspaceName: string;
  resourceGroup: string;
  subscriptionId: string;
}

/**
 * Adds `-w/--workspace-name` (alias `-n`) and `-g/--resource-group` (alias `-r`) to a command.
 *
 * @param command - The command.
 * @param fromConfig - Which values the help says default to the configuration file: both, or
 * only the resource group (`workspace create`, where the name is the new workspace's).
 * @returns The same command.
 */
export function addWorkspaceFlags(
  command: Command,
  fromConfig: "all" | "resourceGroup" = "all",
): Command {
  const fallback = "; default: the configuration file";
  const nameFallback = fromConfig === "all" ? fallback : "";
  return command
    .addOption(
      new Option("-w, --workspace-name <name>", `workspace name (alias -n)${nameFallback}`),
    )
    .addOption(new Option("-n <name>", "workspace name").hideHelp())
    .addOption(new Option("-g, --resource-group <name>", `resource group (alias -r)${fallback}`))
    .addOption(new Option("-r <name>", "resource group").hideHelp());
}

/**
 * The coordinates in the nearest configuration file (searched from `--path`, as
 * `Workspace.fromConfig` searches), read without asking ARM whether that workspace exists; for
 * `workspace create`, whose workspace does not exist yet.
 *
 * @param context - The process context.
 * @param command - The command whose action runs.
 * @returns The coordinates, or `undefined` when there is no configuration file.
 * @throws ConfigFileError for a malformed file.
 */
export async function configuredCoordinates(
  context: CliContext,
  command: Command,
): Promise<Omit<WorkspaceCoordinates, "workspaceName"> | undefined> {
  try {
    const found = await findWorkspaceConfig({
      path: globalOptionsOf(command).path,
      abortSignal: context.abortSignal,
    });
    return { resourceGroup: found.resourceGroup, subscriptionId: found.subscriptionId };
  } catch (error) {
    if ((error as { name?: unknown })?.name === "ConfigNotFoundError") return undefined;
    throw error;
  }
}

/**
 * The workspace name, resource group and subscription given on the command line, with the
 * aliases folded in. Missing values stay `undefined`.
 *
 * @param command - The command whose action runs.
 * @returns What the flags say.
 */
export function workspaceFlagsOf(command: Command): Partial<WorkspaceCoordinates> {
  const flags = command.opts<WorkspaceFlags>();
  const globals = globalOptionsOf(command);
  return {
    workspaceName: flags.workspaceName ?? flags.n,
    resourceGroup: flags.resourceGroup ?? flags.r,
    subscriptionId: globals.subscription ?? globals.subscriptionId,
  };
}

/**
 * Finds the workspace a command works on and connects to it. Flags win; what they leave out comes
 * from the nearest configuration file (`.azureml/config.json` and the other places
 * `Workspace.fromConfig` searches, starting at `--path`); a subscription still missing comes from
 * `$AZURE_SUBSCRIPTION_ID`.
 *
 * @param context - The process context.
 * @param command - The command whose action runs.
 * @returns The workspace, fetched from ARM.
 * @throws UsageError when the workspace cannot be named from flags or a configuration file.
 */
export async function resolveWorkspace(context: CliContext, command: Command): Promise<Workspace> {
  const flags = workspaceFlagsOf(command);
  const clientOptions = clientOptionsOf(command);
  const abortSignal = context.abortSignal;
  const envSubscription = context.env[SUBSCRIPTION_ENV] || undefined;

  const complete =
    flags.workspaceName !== undefined &&
    flags.resourceGroup !== undefined &&
    (flags.subscriptionId ?? envSubscription) !== undefined;
  if (complete) {
    return Workspace.get(flags.workspaceName!, {
      subscriptionId: (flags.subscriptionId ?? envSubscription)!,
      resourceGroup: flags.resourceGroup!,
      abortSignal,
      ...clientOptions,
    });
  }

  // Only the file is read here: one GET of the workspace follows, whichever values the flags
  // override.
  const fromFile = await findWorkspaceConfig({
    path: globalOptionsOf(command).path,
    abortSignal,
  }).catch((error: unknown) => {
    throw configErrorForCli(error, flags);
  });
  return Workspace.get(flags.workspaceName ?? fromFile.workspaceName, {
    subscriptionId: flags.subscriptionId ?? fromFile.subscriptionId,
    resourceGroup: flags.resourceGroup ?? fromFile.resourceGroup,
    abortSignal,
    ...clientOptions,
  });
}

/** Rewords a missing configuration file in terms of the flags that would have avoided it. */
function configErrorForCli(error: unknown, flags: Partial<WorkspaceCoordinates>): unknown {
  const err = error as { name?: unknown; searchedPaths?: unknown };
  if (err?.name !== "ConfigNotFoundError") return error;

  const missing = [
    flags.workspaceName === undefined ? "-w/--workspace-name" : undefined,
    flags.resourceGroup === undefined ? "-g/--resource-group" : undefined,
    flags.subscriptionId === undefined ? "--subscription" : undefined,
  ].filter((flag) => flag !== undefined);
  const tried = Array.isArray(err.searchedPaths) ? err.searchedPaths.join(", ") : "";
  return new UsageError(
    `no workspace given and no configuration file found: pass ${missing.join(", ")}, or ` +
      `--path with the folder of .azureml/config.json (download it from the workspace page ` +
      `of https://ml.azure.com). Paths tried: ${tried}`,
    "ConfigNotFound",
  );
}
