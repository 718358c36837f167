import { mkdir, readFile, stat, writeFile } from "node:fs/promises";
import { homedir } from "node:os";
import { dirname, join, resolve } from "node:path";
import type { AbortSignalLike } from "@azure/abort-controller";
import { ConfigFileError, ConfigNotFoundError } from "./errors.js";
import {
  validateResourceGroupName,
  validateSubscriptionId,
  validateWorkspaceName,
} from "./validation.js";

/** The folders searched in each directory, in order; "" is the directory itself. */
const CONFIG_FOLDERS = [".azureml", "aml_config", ""] as const;
/** The file names tried when none is given, in order. */
const DEFAULT_CONFIG_FILE_NAMES = ["config.json", "project.json"] as const;

/**
 * Where a workspace is, as read from a configuration file.
 *
 * @internal
 */
export interface WorkspaceCoordinates {
  subscriptionId: string;
  resourceGroup: string;
  workspaceName: string;
  /** The file the coordinates came from. */
  filePath: string;
}

/** @internal */
export interface FindConfigOptions {
  path?: string;
  fileName?: string;
  abortSignal?: AbortSignalLike;
}

function expandHome(path: string): string {
  return path === "~" || path.startsWith("~/") ? join(homedir(), path.slice(1)) : path;
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** The directory and all its ancestors, nearest first. */
function ancestors(start: string): string[] {
  const dirs: string[] = [];
  for (let dir = start; ; dir = dirname(dir)) {
    dirs.push(dir);
    if (dirname(dir) === dir) return dirs;
  }
}

/**
 * Finds and reads a workspace configuration file with the Python SDK's search order: a file path
 * is used as is; otherwise for each of `.azureml/`, `aml_config/` and the folder itself, for each
 * file name (`fileName`, else `config.json` then `project.json`), the folder and then each of its
 * parents up to the root are tried. The first file found wins.
 *
 * @internal
 */
export async function findWorkspaceConfig(
  options: FindConfigOptions = {},
): Promise<WorkspaceCoordinates> {
  const start = resolve(expandHome(options.path ?? "."));
  if (await isFile(start)) return readWorkspaceConfig(start, options.abortSignal);

  const fileNames = options.fileName ? [options.fileName] : [...DEFAULT_CONFIG_FILE_NAMES];
  const dirs = ancestors(start);
  const tried: string[] = [];
  for (const folder of CONFIG_FOLDERS) {
    for (const fileName of fileNames) {
      for (const dir of dirs) {
        const candidate = join(dir, folder, fileName);
        tried.push(candidate);
        if (await isFile(candidate)) return readWorkspaceConfig(candidate, options.abortSignal);
      }
    }
  }
  throw new ConfigNotFoundError(start, fileNames, tried);
}

/**
 * Reads one configuration file: the `Scope` key (a workspace ARM id) when present, otherwise
 * `subscription_id`, `resource_group` and `workspace_name`. Other keys are ignored.
 *
 * @internal
 */
export async function readWorkspaceConfig(
  filePath: string,
  abortSignal?: AbortSignalLike,
): Promise<WorkspaceCoordinates> {
  const text = await readFile(filePath, { encoding: "utf8", signal: abortSignal as AbortSignal });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new ConfigFileError(filePath, "is not valid JSON.", undefined, { cause: e });
  }
  if (json === null || typeof json !== "object" || Array.isArray(json)) {
    throw new ConfigFileError(filePath, "must hold a JSON object.");
  }
  const config = json as Record<string, unknown>;

  if (config.Scope !== undefined) {
    const segments = typeof config.Scope === "string" ? config.Scope.split("/") : [];
    if (segments.length < 9 || segments[1]?.toLowerCase() !== "subscriptions") {
      throw new ConfigFileError(
        filePath,
        "has a Scope that is not a workspace id (/subscriptions/…/resourceGroups/…/providers/" +
          "Microsoft.MachineLearningServices/workspaces/…).",
        "Scope",
      );
    }
    return checked(filePath, "Scope", segments[2], segments[4], segments[8]);
  }

  for (const key of ["subscription_id", "resource_group", "workspace_name"]) {
    if (typeof config[key] !== "string" || config[key] === "") {
      throw new ConfigFileError(
        filePath,
        `does not contain the required key '${key}'. Make sure it contains your ` +
          `subscription_id, resource_group and workspace_name (or a Scope).`,
        key,
      );
    }
  }
  return checked(
    filePath,
    undefined,
    config.subscription_id,
    config.resource_group,
    config.workspace_name,
  );
}

function checked(
  filePath: string,
  scopeKey: string | undefined,
  subscriptionId: unknown,
  resourceGroup: unknown,
  workspaceName: unknown,
): WorkspaceCoordinates {
  const check = <T>(key: string, fn: () => T): T => {
    try {
      return fn();
    } catch (e) {
      const reason = e instanceof Error ? e.message : String(e);
      throw new ConfigFileError(
        filePath,
        `has an invalid ${scopeKey ?? key}: ${reason}`,
        scopeKey ?? key,
        {
          cause: e,
        },
      );
    }
  };
  return {
    subscriptionId: check("subscription_id", () => validateSubscriptionId(subscriptionId)),
    resourceGroup: check("resource_group", () => validateResourceGroupName(resourceGroup)),
    workspaceName: check("workspace_name", () => validateWorkspaceName(workspaceName)),
    filePath,
  };
}

/**
 * Options of `Workspace.writeConfig`.
 *
 * @public
 */
export interface WriteConfigOptions {
  /**
   * The folder in which the `.azureml` folder holding the file is created.
   * @defaultValue the current working directory
   */
  path?: string;
  /**
   * Name of the file.
   * @defaultValue `"config.json"`
   */
  fileName?: string;
  /** Cancels the write. */
  abortSignal?: AbortSignalLike;
}

/**
 * Writes `{ subscription_id, resource_group, workspace_name }` to `<path>/.azureml/<fileName>`,
 * the first place `Workspace.fromConfig` looks, and returns the path of the file.
 *
 * @internal
 */
export async function writeWorkspaceConfig(
  coordinates: Omit<WorkspaceCoordinates, "filePath">,
  options: WriteConfigOptions = {},
): Promise<string> {
  const folder = join(resolve(expandHome(options.path ?? ".")), ".azureml");
  const filePath = join(folder, options.fileName ?? "config.json");
  await mkdir(folder, { recursive: true });
  const content = {
    subscription_id: coordinates.subscriptionId,
    resource_group: coordinates.resourceGroup,
    workspace_name: coordinates.workspaceName,
  };
  await writeFile(filePath, JSON.stringify(content, null, 2) + "\n", {
    encoding: "utf8",
    signal: options.abortSignal as AbortSignal,
  });
  return filePath;
}
