import type { AbortSignalLike } from "@azure/abort-controller";
import type { WorkspaceClientOptions } from "./client.js";
import type { WorkspaceProgressEvent } from "./progress.js";

/**
 * Options of `Workspace.resumeAddPrivateEndpoint`: how to run the rest; what to create comes from
 * the saved state.
 *
 * @public
 */
export interface ResumeAddPrivateEndpointOptions {
  /**
   * Poll interval of the long-running operations when ARM sends no `Retry-After`, and of the
   * wait for approval.
   * @defaultValue the client's (2000) for operations, 10000 for the approval
   */
  updateIntervalInMs?: number;
  /**
   * Print progress lines to stderr.
   * @defaultValue true
   */
  showOutput?: boolean;
  /** Receives every progress event, whatever `showOutput` says. */
  onProgress?: (event: WorkspaceProgressEvent) => void;
  /** Cancels the operation; the poller state stays resumable. */
  abortSignal?: AbortSignalLike;
}

/**
 * Options of `Workspace.get`.
 *
 * @public
 */
export interface GetWorkspaceOptions extends WorkspaceClientOptions {
  subscriptionId: string;
  resourceGroup: string;
  abortSignal?: AbortSignalLike;
}

/**
 * Options of `Workspace.fromConfig`.
 *
 * @public
 */
export interface FromConfigOptions extends WorkspaceClientOptions {
  /**
   * A configuration file, or the folder to start the search from.
   * @defaultValue the current working directory
   */
  path?: string;
  /**
   * The file name to look for.
   * @defaultValue `"config.json"`, then `"project.json"`
   */
  fileName?: string;
  abortSignal?: AbortSignalLike;
}

/**
 * Options of the approval methods.
 *
 * @public
 */
export interface PrivateEndpointConnectionStatusOptions {
  /**
   * The reason recorded with the decision.
   * @defaultValue "Approved by azureml-workspace" or "Rejected by azureml-workspace"
   */
  description?: string;
  abortSignal?: AbortSignalLike;
}

/**
 * Options of `Workspace.delete`.
 *
 * @public
 */
export interface DeleteWorkspaceOptions {
  /**
   * Also delete the storage account, key vault, Application Insights component and container
   * registry the workspace uses, and the Log Analytics workspace behind that component when
   * `Workspace.create` made it (its `createdByToolkit` tag says so) and no other component in its
   * resource group uses it.
   * @defaultValue false
   */
  deleteDependentResources?: boolean;
  /**
   * Purge the workspace (and a Log Analytics workspace deleted with it) instead of leaving it
   * soft-deleted (recoverable) for 14 days.
   * @defaultValue false
   */
  permanentlyDelete?: boolean;
  /** @defaultValue the client's (2000) */
  updateIntervalInMs?: number;
  abortSignal?: AbortSignalLike;
}
