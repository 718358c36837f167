import type { AbortSignalLike } from "@azure/abort-controller";
import type { PollerLike } from "@azure/core-lro";
import { isArmError, ValidationError } from "../arm/index.js";
import type { ArmClient } from "../arm/index.js";
import { addPrivateEndpoint, validateAddOptions } from "./addPrivateEndpoint.js";
import type { AddPrivateEndpointOptions } from "./addPrivateEndpoint.js";
import { API_VERSIONS } from "./apiVersions.js";
import { deleteAndWait, get, writeAndWait } from "./armCalls.js";
import type { OperationContext } from "./armCalls.js";
import { resolveClient } from "./client.js";
import type { WorkspaceClientOptions } from "./client.js";
import { findWorkspaceConfig, writeWorkspaceConfig } from "./configFile.js";
import type { WriteConfigOptions } from "./configFile.js";
import { validateCreateOptions } from "./createInput.js";
import { CreateMachine } from "./createOperation.js";
import type { WorkspaceCreateOperationState } from "./createOperation.js";
import type { BeginCreateWorkspaceOptions, CreateWorkspaceOptions } from "./createOptions.js";
import { WorkspaceNotFoundError } from "./errors.js";
import { toConnectionInfo, toWorkspaceDetails } from "./models.js";
import type {
  PrivateEndpointConnectionInfo,
  WorkspaceDetails,
  WorkspacePrivateEndpointConnection,
} from "./models.js";
import type { PrivateEndpointConfig } from "./privateEndpointConfig.js";
import { ProgressReporter } from "./progress.js";
import type { OutputInternals } from "./progress.js";
import { ids } from "./resourceIds.js";
import { StepPoller } from "./stepPoller.js";
import { buildUpdate } from "./updateOptions.js";
import type { UpdateWorkspaceOptions } from "./updateOptions.js";
import {
  normalizeLocation,
  validateResourceGroupName,
  validateSubscriptionId,
  validateWorkspaceName,
} from "./validation.js";

/**
 * The poller of `Workspace.beginCreate`.
 *
 * @public
 */
export type WorkspaceCreatePoller = PollerLike<WorkspaceCreateOperationState<Workspace>, Workspace>;

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
  /** The reason recorded with the decision. @defaultValue "Approved"/"Rejected" by azureml-workspace */
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
   * registry the workspace uses.
   * @defaultValue false
   */
  deleteDependentResources?: boolean;
  /**
   * Purge the workspace instead of leaving it soft-deleted (recoverable) for 14 days.
   * @defaultValue false
   */
  permanentlyDelete?: boolean;
  /** @defaultValue the client's (2000) */
  updateIntervalInMs?: number;
  abortSignal?: AbortSignalLike;
}

/** @internal */
const CONTAINER_REGISTRY_API_VERSION = "2023-07-01";

/**
 * An Azure Machine Learning workspace. Get one with {@link Workspace.create},
 * {@link Workspace.get} or {@link Workspace.fromConfig}.
 *
 * @public
 */
export class Workspace {
  /** ARM id of the workspace. */
  readonly id: string;
  readonly name: string;
  readonly subscriptionId: string;
  readonly resourceGroup: string;
  /** Region, normalised (e.g. `"eastus2"`). */
  readonly location: string;
  // A private field stays out of inspect() and JSON: the client holds the credential.
  readonly #client: ArmClient;

  private constructor(
    details: WorkspaceDetails,
    subscriptionId: string,
    resourceGroup: string,
    client: ArmClient,
  ) {
    this.id = details.id;
    this.name = details.name;
    this.subscriptionId = subscriptionId;
    this.resourceGroup = resourceGroup;
    this.location = normalizeLocation(details.location ?? "");
    this.#client = client;
  }

  /**
   * Creates a workspace with what it needs (resource group, storage account, key vault,
   * Application Insights with its Log Analytics workspace) and optionally a private endpoint,
   * and waits for it. See {@link CreateWorkspaceOptions}. On failure everything this call
   * created is deleted and a `WorkspaceCreateError` names the step that failed.
   */
  static async create(options: CreateWorkspaceOptions): Promise<Workspace> {
    return Workspace.beginCreate(options).pollUntilDone({ abortSignal: options.abortSignal });
  }

  /**
   * Starts {@link Workspace.create} and returns its poller: `poll()` runs one step, awaiting it
   * runs all; `serialize()` gives a state that `restoreFrom` resumes in another process without
   * creating anything twice. Bad options throw a `ValidationError` at once. Nothing is sent until
   * the poller is polled or awaited.
   */
  static beginCreate(options: BeginCreateWorkspaceOptions): WorkspaceCreatePoller {
    const input = validateCreateOptions(options);
    const machine = new CreateMachine<Workspace>({
      input,
      restoreFrom: options.restoreFrom,
      client: resolveClient(options),
      progress: new ProgressReporter(options as CreateWorkspaceOptions & OutputInternals),
      abortSignal: options.abortSignal,
      updateIntervalInMs: options.updateIntervalInMs,
      toResult: (details, client) =>
        new Workspace(details, input.subscriptionId, input.resourceGroup, client),
    });
    return new StepPoller(machine);
  }

  /** The workspace `name` in a subscription and resource group. Throws `WorkspaceNotFoundError`. */
  static async get(name: string, options: GetWorkspaceOptions): Promise<Workspace> {
    validateWorkspaceName(name, "name");
    validateSubscriptionId(options?.subscriptionId);
    validateResourceGroupName(options.resourceGroup);
    const client = resolveClient(options);
    const id = ids.workspace(options.subscriptionId, options.resourceGroup, name);
    try {
      const details = await get<WorkspaceDetails>(
        { client, abortSignal: options.abortSignal } as OperationContext,
        id,
        API_VERSIONS.machineLearning,
      );
      return new Workspace(details, options.subscriptionId, options.resourceGroup, client);
    } catch (e) {
      if (isArmError(e, 404)) throw new WorkspaceNotFoundError(id, { cause: e });
      throw e;
    }
  }

  /**
   * The workspace named by a configuration file (see `writeConfig`), found as the Python SDK
   * finds it: `path` itself when it is a file; otherwise `.azureml/`, `aml_config/` and the
   * folder itself, in the folder and each parent up to the root, for `config.json` then
   * `project.json` (or `fileName`). Throws `ConfigNotFoundError` listing every path tried, or
   * `ConfigFileError` naming the file and the missing key.
   */
  static async fromConfig(options: FromConfigOptions = {}): Promise<Workspace> {
    const found = await findWorkspaceConfig(options);
    return Workspace.get(found.workspaceName, {
      ...options,
      subscriptionId: found.subscriptionId,
      resourceGroup: found.resourceGroup,
    });
  }

  /** Writes the configuration file `fromConfig` reads; returns its path. */
  writeConfig(options: WriteConfigOptions = {}): Promise<string> {
    return writeWorkspaceConfig(
      {
        subscriptionId: this.subscriptionId,
        resourceGroup: this.resourceGroup,
        workspaceName: this.name,
      },
      options,
    );
  }

  /** The workspace as ARM returns it, camelCase all the way down, read afresh. */
  async getDetails(options: { abortSignal?: AbortSignalLike } = {}): Promise<WorkspaceDetails> {
    const ctx = this.context(options);
    return toWorkspaceDetails(await get(ctx, this.id, API_VERSIONS.machineLearning));
  }

  /** The workspace's private endpoint connections (empty when there are none). */
  async privateEndpoints(
    options: { abortSignal?: AbortSignalLike } = {},
  ): Promise<PrivateEndpointConnectionInfo[]> {
    const details = await this.getDetails(options);
    return details.privateEndpointConnections.map(toConnectionInfo);
  }

  /**
   * Creates a private endpoint to this workspace in an existing virtual network and returns its
   * connection. See {@link AddPrivateEndpointOptions}. Compute targets outside that virtual
   * network stop working (a warning says so).
   */
  async addPrivateEndpoint(
    privateEndpointConfig: PrivateEndpointConfig,
    options: AddPrivateEndpointOptions = {},
  ): Promise<PrivateEndpointConnectionInfo> {
    validateAddOptions(privateEndpointConfig, options);
    return addPrivateEndpoint(this.context(options), this, privateEndpointConfig, options);
  }

  /**
   * Deletes a private endpoint connection of the workspace (name from `privateEndpoints()` or
   * `getDetails()`). The `Microsoft.Network/privateEndpoints` resource and its DNS resources
   * stay, as in the Python SDK.
   */
  async deletePrivateEndpointConnection(
    privateEndpointConnectionName: string,
    options: { abortSignal?: AbortSignalLike } = {},
  ): Promise<void> {
    const path = this.connectionPath(privateEndpointConnectionName);
    await this.#client.sendRequest({
      method: "DELETE",
      path,
      apiVersion: API_VERSIONS.machineLearning,
      abortSignal: options.abortSignal,
    });
  }

  /** Approves a Pending private endpoint connection. */
  approvePrivateEndpointConnection(
    privateEndpointConnectionName: string,
    options: PrivateEndpointConnectionStatusOptions = {},
  ): Promise<PrivateEndpointConnectionInfo> {
    return this.setConnectionStatus(privateEndpointConnectionName, "Approved", options);
  }

  /** Rejects a private endpoint connection; the endpoint stays but cannot reach the workspace. */
  rejectPrivateEndpointConnection(
    privateEndpointConnectionName: string,
    options: PrivateEndpointConnectionStatusOptions = {},
  ): Promise<PrivateEndpointConnectionInfo> {
    return this.setConnectionStatus(privateEndpointConnectionName, "Rejected", options);
  }

  /**
   * Changes the given properties (PATCH) and returns the updated workspace. Without any property
   * to change it sends no PATCH and returns the current details, as the Python SDK does.
   */
  async update(options: UpdateWorkspaceOptions = {}): Promise<WorkspaceDetails> {
    const update = buildUpdate(options);
    const ctx = this.context(options);
    if (!update) return this.getDetails(options);
    const body: Record<string, unknown> = { ...update };
    const identityId = options.primaryUserAssignedIdentity;
    if (identityId) {
      const { identity } = await this.getDetails(options);
      const known = Object.keys(identity?.userAssignedIdentities ?? {}).map((k) => k.toLowerCase());
      if (!known.includes(identityId.toLowerCase())) {
        const type = identity?.type?.includes("SystemAssigned")
          ? "SystemAssigned,UserAssigned"
          : "UserAssigned";
        body.identity = { type, userAssignedIdentities: { [identityId]: {} } };
      }
    }
    await writeAndWait(ctx, "PATCH", this.id, API_VERSIONS.machineLearning, body);
    return this.getDetails(options);
  }

  /**
   * Deletes the workspace and waits until it is gone; with `deleteDependentResources` also its
   * storage account, key vault, Application Insights component and container registry.
   */
  async delete(options: DeleteWorkspaceOptions = {}): Promise<void> {
    const ctx = this.context(options);
    const details = options.deleteDependentResources ? await this.getDetails(options) : undefined;
    await deleteAndWait(
      ctx,
      this.id,
      API_VERSIONS.machineLearning,
      options.permanentlyDelete ? { forceToPurge: "true" } : undefined,
    );
    const dependents: Array<[string | null | undefined, string]> = [
      [details?.properties?.storageAccount, API_VERSIONS.storage],
      [details?.properties?.keyVault, API_VERSIONS.keyVault],
      [details?.properties?.applicationInsights, API_VERSIONS.applicationInsights],
      [details?.properties?.containerRegistry, CONTAINER_REGISTRY_API_VERSION],
    ];
    await Promise.all(
      dependents
        .filter(
          (entry): entry is [string, string] => typeof entry[0] === "string" && entry[0] !== "",
        )
        .map(([id, apiVersion]) => deleteAndWait(ctx, id, apiVersion)),
    );
  }

  private async setConnectionStatus(
    name: string,
    status: "Approved" | "Rejected",
    options: PrivateEndpointConnectionStatusOptions,
  ): Promise<PrivateEndpointConnectionInfo> {
    const path = this.connectionPath(name);
    if (options.description !== undefined && typeof options.description !== "string") {
      throw new ValidationError("InvalidOption", "description must be a string.", "description");
    }
    const response = await this.#client.sendRequest<WorkspacePrivateEndpointConnection>({
      method: "PUT",
      path,
      apiVersion: API_VERSIONS.machineLearning,
      body: {
        properties: {
          privateLinkServiceConnectionState: {
            status,
            description: options.description ?? `${status} by azureml-workspace`,
          },
        },
      },
      abortSignal: options.abortSignal,
    });
    return toConnectionInfo(response.body);
  }

  private connectionPath(name: string): string {
    if (typeof name !== "string" || name === "" || /[/?#]/.test(name)) {
      throw new ValidationError(
        "InvalidPrivateEndpointConnectionName",
        `A private endpoint connection name (the last segment of its id) is needed; got ${JSON.stringify(name)}.`,
        "privateEndpointConnectionName",
      );
    }
    return `${this.id}/privateEndpointConnections/${name}`;
  }

  private context(options: {
    abortSignal?: AbortSignalLike;
    updateIntervalInMs?: number;
    showOutput?: boolean;
    onProgress?: AddPrivateEndpointOptions["onProgress"];
  }): OperationContext {
    return {
      client: this.#client,
      progress: new ProgressReporter(options as typeof options & OutputInternals),
      abortSignal: options.abortSignal,
      updateIntervalInMs: options.updateIntervalInMs,
    };
  }
}
