import { AzureMLWorkspaceError } from "../arm/index.js";

/** Attaches the underlying error without putting it in the message or in `toJSON()`. */
function setCause(error: Error, cause: unknown): void {
  if (cause !== undefined) {
    Object.defineProperty(error, "cause", { value: cause, enumerable: false, configurable: true });
  }
}

/**
 * A workspace with the requested name already exists and `existOk` was not set.
 *
 * @public
 */
export class WorkspaceExistsError extends AzureMLWorkspaceError {
  override readonly name = "WorkspaceExistsError";
  /** The id of the existing workspace. */
  readonly workspaceId: string;

  constructor(workspaceName: string, resourceGroup: string, workspaceId: string) {
    super(
      "WorkspaceExists",
      `Workspace with name '${workspaceName}' already exists under resource group with name ` +
        `'${resourceGroup}'. Pass existOk: true to use it, or choose another name.`,
    );
    this.workspaceId = workspaceId;
  }
}

/**
 * The workspace does not exist (ARM answered 404).
 *
 * @public
 */
export class WorkspaceNotFoundError extends AzureMLWorkspaceError {
  override readonly name = "WorkspaceNotFoundError";
  /** The id that was looked up. */
  readonly workspaceId: string;

  constructor(workspaceId: string, options?: { cause?: unknown }) {
    super(
      "WorkspaceNotFound",
      `Workspace not found: ${workspaceId}. Check the name, subscription and resource group.`,
    );
    setCause(this, options?.cause);
    this.workspaceId = workspaceId;
  }
}

/**
 * No workspace configuration file was found. `searchedPaths` lists every path tried, in order.
 *
 * @public
 */
export class ConfigNotFoundError extends AzureMLWorkspaceError {
  override readonly name = "ConfigNotFoundError";
  /** Every file path that was tried, in search order. */
  readonly searchedPaths: readonly string[];

  constructor(start: string, fileNames: readonly string[], searchedPaths: readonly string[]) {
    super(
      "ConfigNotFound",
      `The workspace configuration file ${fileNames.join(" or ")} could not be found in ` +
        `${start} or its parent directories. Pass the full path of the file as \`path\`, or ` +
        `download config.json from the workspace page of https://ml.azure.com and put it in ` +
        `${start}/.azureml. Paths tried:\n  ${searchedPaths.join("\n  ")}`,
    );
    this.searchedPaths = searchedPaths;
  }
}

/**
 * A workspace configuration file was found but cannot be used: it is not JSON, or it lacks a
 * required key.
 *
 * @public
 */
export class ConfigFileError extends AzureMLWorkspaceError {
  override readonly name = "ConfigFileError";
  /** The file that was read. */
  readonly filePath: string;
  /** The missing or malformed key, when one is to blame. */
  readonly key?: string;

  constructor(filePath: string, reason: string, key?: string, options?: { cause?: unknown }) {
    super("InvalidConfigFile", `The config file ${filePath} ${reason}`);
    setCause(this, options?.cause);
    this.filePath = filePath;
    this.key = key;
  }
}

/**
 * The steps of `Workspace.create`, in the order they run. `"checks"` only reads.
 *
 * @public
 */
export type WorkspaceCreateStep =
  "checks" | "resourceGroup" | "dependentResources" | "workspace" | "privateEndpoint" | "result";

/**
 * `Workspace.create` failed. What this call had created was deleted again (`rolledBack`);
 * anything that could not be deleted is listed in `leftBehind` so that it can be removed by hand.
 * The error ARM returned is the `cause`.
 *
 * @public
 */
export class WorkspaceCreateError extends AzureMLWorkspaceError {
  override readonly name = "WorkspaceCreateError";
  /** The step that failed. */
  readonly step: WorkspaceCreateStep;
  /** What the failed step was doing, e.g. "creating StorageAccount myws1234storage…". */
  readonly operation: string;
  /** Ids of the resources this call created and then deleted. */
  readonly rolledBack: readonly string[];
  /** Ids of the resources this call created but could not delete. */
  readonly leftBehind: readonly string[];

  constructor(init: {
    step: WorkspaceCreateStep;
    operation: string;
    cause: unknown;
    rolledBack: readonly string[];
    leftBehind: readonly string[];
  }) {
    const reason = init.cause instanceof Error ? init.cause.message : String(init.cause);
    const cleanup =
      init.leftBehind.length > 0
        ? ` These resources could not be deleted and must be removed by hand: ` +
          `${init.leftBehind.join(", ")}.`
        : init.rolledBack.length > 0
          ? ` The ${init.rolledBack.length} resource(s) this call created were deleted.`
          : "";
    super(
      "WorkspaceCreateFailed",
      `Unable to create the workspace: step '${init.step}' failed while ${init.operation}. ` +
        `${reason}${cleanup}`,
    );
    setCause(this, init.cause);
    this.step = init.step;
    this.operation = init.operation;
    this.rolledBack = init.rolledBack;
    this.leftBehind = init.leftBehind;
  }
}

/**
 * Adding a private endpoint failed. The endpoint and the DNS resources this call created were
 * deleted again (`rolledBack`); `leftBehind` lists what could not be. The ARM error is the
 * `cause`.
 *
 * @public
 */
export class PrivateEndpointError extends AzureMLWorkspaceError {
  override readonly name = "PrivateEndpointError";
  /** What was being done when it failed. */
  readonly operation: string;
  /** Ids of the resources this call created and then deleted. */
  readonly rolledBack: readonly string[];
  /** Ids of the resources this call created but could not delete. */
  readonly leftBehind: readonly string[];

  constructor(init: {
    operation: string;
    cause: unknown;
    rolledBack: readonly string[];
    leftBehind: readonly string[];
  }) {
    const reason = init.cause instanceof Error ? init.cause.message : String(init.cause);
    const cleanup =
      init.leftBehind.length > 0
        ? ` These resources could not be deleted and must be removed by hand: ` +
          `${init.leftBehind.join(", ")}.`
        : "";
    super(
      "PrivateEndpointCreateFailed",
      `The workspace private endpoint creation failed while ${init.operation}. ${reason}${cleanup}`,
    );
    setCause(this, init.cause);
    this.operation = init.operation;
    this.rolledBack = init.rolledBack;
    this.leftBehind = init.leftBehind;
  }
}

/**
 * The virtual network or subnet for a private endpoint is missing, or the subnet refuses private
 * endpoints. Raised before anything is written.
 *
 * `code` is `"VirtualNetworkNotFound"`, `"SubnetNotFound"`,
 * `"PrivateEndpointNetworkPoliciesEnabled"` or `"SubnetChanged"`. `"SubnetChanged"` means that
 * with `disableSubnetNetworkPolicies` the subnet was changed by someone else between this call's
 * read and its write-back, so Azure refused the write (HTTP 412, ARM's error is the `cause`) and
 * nothing was written; running the call again reads the subnet afresh. Inside `Workspace.create`
 * it is the `cause` of the `WorkspaceCreateError`, after the rollback.
 *
 * @public
 */
export class PrivateEndpointPrerequisiteError extends AzureMLWorkspaceError {
  override readonly name = "PrivateEndpointPrerequisiteError";
  /** The id of the virtual network or subnet at fault. */
  readonly resourceId: string;

  constructor(code: string, message: string, resourceId: string, options?: { cause?: unknown }) {
    super(code, message);
    setCause(this, options?.cause);
    this.resourceId = resourceId;
  }
}

/**
 * The resource group does not exist and may not or cannot be created here.
 *
 * @public
 */
export class ResourceGroupNotFoundError extends AzureMLWorkspaceError {
  override readonly name = "ResourceGroupNotFoundError";

  constructor(message: string) {
    super("ResourceGroupNotFound", message);
  }
}

/**
 * The location is not one where the subscription can create Azure Machine Learning workspaces.
 *
 * @public
 */
export class LocationNotAvailableError extends AzureMLWorkspaceError {
  override readonly name = "LocationNotAvailableError";
  /** The normalised locations the provider offers, sorted. */
  readonly availableLocations: readonly string[];

  constructor(location: string, availableLocations: readonly string[]) {
    super(
      "LocationNotAvailable",
      `Location '${location}' is not available for Azure Machine Learning workspaces in this ` +
        `subscription. Use one of: ${availableLocations.join(", ")}.`,
    );
    this.availableLocations = availableLocations;
  }
}

/**
 * No private endpoint connection on the workspace belongs to the private endpoint that was
 * created or named.
 *
 * @public
 */
export class PrivateEndpointConnectionNotFoundError extends AzureMLWorkspaceError {
  override readonly name = "PrivateEndpointConnectionNotFoundError";

  constructor(message: string) {
    super("PrivateEndpointConnectionNotFound", message);
  }
}

/**
 * While `addPrivateEndpoint` waited for the approval of a connection (`waitForApproval`), the
 * connection was deleted from the workspace or became `Disconnected`, so no approval can come.
 * Nothing is rolled back: the private endpoint is left as it is, as after a rejection.
 *
 * @public
 */
export class PrivateEndpointConnectionRemovedError extends AzureMLWorkspaceError {
  override readonly name = "PrivateEndpointConnectionRemovedError";
  /** The name of the connection that was waited for. */
  readonly connectionName: string;
  /** The ARM id of the private endpoint the connection belonged to. */
  readonly privateEndpointId: string;
  /** `"Deleted"` when the workspace no longer has the connection, else the status it showed. */
  readonly status: "Deleted" | "Disconnected";

  constructor(init: {
    connectionName: string;
    workspaceName: string;
    privateEndpointId: string;
    status: "Deleted" | "Disconnected";
    cause?: unknown;
  }) {
    const what =
      init.status === "Deleted"
        ? `was deleted from workspace ${init.workspaceName}`
        : `of workspace ${init.workspaceName} became Disconnected`;
    super(
      "PrivateEndpointConnectionRemoved",
      `Private endpoint connection ${init.connectionName} ${what} while waiting for its ` +
        `approval, so it can no longer be approved. To ask again, delete private endpoint ` +
        `${init.privateEndpointId} (if it still exists) and add it anew.`,
    );
    setCause(this, init.cause);
    this.connectionName = init.connectionName;
    this.privateEndpointId = init.privateEndpointId;
    this.status = init.status;
  }
}

/**
 * `Workspace.deletePrivateEndpoint` could not delete one of the resources. What it deleted before
 * is listed in `deleted`; the ARM error is the `cause`.
 *
 * @public
 */
export class PrivateEndpointDeleteError extends AzureMLWorkspaceError {
  override readonly name = "PrivateEndpointDeleteError";
  /** The ARM id of the resource that could not be deleted. */
  readonly resourceId: string;
  /** ARM ids of what was deleted before the failure. */
  readonly deleted: readonly string[];

  constructor(init: { resourceId: string; cause: unknown; deleted: readonly string[] }) {
    const reason = init.cause instanceof Error ? init.cause.message : String(init.cause);
    super(
      "PrivateEndpointDeleteFailed",
      `Could not delete ${init.resourceId}: ${reason} Fix the cause, then call ` +
        `deletePrivateEndpoint again while the private endpoint still exists, or delete what ` +
        `is left by hand.`,
    );
    setCause(this, init.cause);
    this.resourceId = init.resourceId;
    this.deleted = [...init.deleted];
  }
}
