import type { AbortSignalLike } from "@azure/abort-controller";
import type { PollerLike } from "@azure/core-lro";
import { isArmError, ValidationError } from "../arm/index.js";
import type { ArmClient } from "../arm/index.js";
import { toAddInput, validateAddOptions } from "./addPrivateEndpoint.js";
import type {
  AddPrivateEndpointOptions,
  BeginAddPrivateEndpointOptions,
} from "./addPrivateEndpoint.js";
import { AddPrivateEndpointMachine } from "./addPrivateEndpointOperation.js";
import type { AddPrivateEndpointOperationState } from "./addPrivateEndpointOperation.js";
import { API_VERSIONS } from "./apiVersions.js";
import { get, writeAndWait } from "./armCalls.js";
import type { OperationContext } from "./armCalls.js";
import { resolveClient } from "./client.js";
import { findWorkspaceConfig, writeWorkspaceConfig } from "./configFile.js";
import type { WriteConfigOptions } from "./configFile.js";
import { validateCreateOptions } from "./createInput.js";
import { CreateMachine } from "./createOperation.js";
import type { WorkspaceCreateOperationState } from "./createOperation.js";
import type {
  BeginCreateWorkspaceOptions,
  CreateWorkspaceOptions,
  ResumeCreateWorkspaceOptions,
} from "./createOptions.js";
import { deletePrivateEndpoint, validateDeleteOptions } from "./deletePrivateEndpoint.js";
import { deleteWorkspace } from "./deleteWorkspace.js";
import type {
  DeletePrivateEndpointOptions,
  DeletePrivateEndpointResult,
} from "./deletePrivateEndpoint.js";
import { PrivateEndpointConnectionNotFoundError, WorkspaceNotFoundError } from "./errors.js";
import { toConnectionInfo, toWorkspaceDetails } from "./models.js";
import type {
  PrivateEndpointConnectionInfo,
  WorkspaceDetails,
  WorkspacePrivateEndpointConnection,
} from "./models.js";
import type { PrivateEndpointConfig } from "./privateEndpointConfig.js";
import { readPrivateEndpointDnsRecords } from "./privateEndpointDnsRecords.js";
import type {
  GetPrivateEndpointDnsRecordsOptions,
  PrivateEndpointDnsRecord,
} from "./privateEndpointDnsRecords.js";
import { ProgressReporter } from "./progress.js";
import type { OutputInternals } from "./progress.js";
import { ids } from "./resourceIds.js";
import { identityOfSerializedCreate } from "./serializedCreate.js";
import { StepPoller } from "./stepPoller.js";
import { buildUpdate } from "./updateOptions.js";
import type { UpdateWorkspaceOptions } from "./updateOptions.js";
import type {
  DeleteWorkspaceOptions,
  FromConfigOptions,
  GetWorkspaceOptions,
  PrivateEndpointConnectionStatusOptions,
  ResumeAddPrivateEndpointOptions,
} from "./workspaceOptions.js";
import {
  normalizeLocation,
  validateNetworkName,
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
 * The poller of `Workspace.beginAddPrivateEndpoint`: its result is the new private endpoint
 * connection.
 *
 * @public
 */
export type AddPrivateEndpointPoller = PollerLike<
  AddPrivateEndpointOperationState,
  PrivateEndpointConnectionInfo
>;

/**
 * The details each workspace object was made from: the read that `get`, `fromConfig` or `create`
 * ended with. Kept outside the class so that they stay off its public surface.
 */
const detailsAtStart = new WeakMap<Workspace, WorkspaceDetails>();

/**
 * The workspace as ARM returned it when this object was made, for callers that need it at once
 * without reading it again (`getDetails()` reads the current state).
 *
 * @internal
 */
export function detailsWhenObtained(workspace: Workspace): WorkspaceDetails | undefined {
  return detailsAtStart.get(workspace);
}

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
    detailsAtStart.set(this, toWorkspaceDetails(details));
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

  /**
   * Finishes a create from a state saved with `serialize()` of a {@link Workspace.beginCreate}
   * poller, typically by a process that stopped halfway, and returns the workspace. Steps that
   * completed are skipped and the saved resource names reused, so nothing is created twice; a
   * step that was under way is run again with the same names (a PUT of what exists changes
   * nothing). Sugar for `beginCreate({ ...options, restoreFrom })`: the workspace name,
   * subscription and resource group come from the state unless given. A state that is not such
   * a string throws a `ValidationError` before any request.
   *
   * @example
   * ```ts
   * const poller = Workspace.beginCreate(options);
   * poller.onProgress(async () => saveSomewhere(await poller.serialize()));
   * // ...in another process, after a crash:
   * const ws = await Workspace.resumeCreate(loadFromSomewhere(), { showOutput: false });
   * ```
   */
  static async resumeCreate(
    serializedState: string,
    options: ResumeCreateWorkspaceOptions = {},
  ): Promise<Workspace> {
    const identity = identityOfSerializedCreate(serializedState);
    return Workspace.beginCreate({
      ...options,
      name: options.name ?? identity.name,
      subscriptionId: options.subscriptionId ?? identity.subscriptionId,
      resourceGroup: options.resourceGroup ?? identity.resourceGroup,
      restoreFrom: serializedState,
    }).pollUntilDone({ abortSignal: options.abortSignal });
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
    return this.beginAddPrivateEndpoint(privateEndpointConfig, options).pollUntilDone({
      abortSignal: options.abortSignal,
    });
  }

  /**
   * Starts {@link Workspace.addPrivateEndpoint} and returns its poller: `poll()` runs one step
   * (the checks, then each write: subnet, endpoint, DNS zones, links, zone group, then the read
   * of the connection), awaiting it runs all; `serialize()` gives a state that `restoreFrom` (or
   * {@link Workspace.resumeAddPrivateEndpoint}) resumes in another process without writing
   * anything twice. Bad options throw a `ValidationError` at once; nothing is sent until the
   * poller is polled or awaited.
   */
  beginAddPrivateEndpoint(
    privateEndpointConfig: PrivateEndpointConfig,
    options: BeginAddPrivateEndpointOptions = {},
  ): AddPrivateEndpointPoller {
    validateAddOptions(privateEndpointConfig, options);
    const ctx = this.context(options);
    const machine = new AddPrivateEndpointMachine({
      workspace: this,
      input: toAddInput(privateEndpointConfig, options, this),
      restoreFrom: options.restoreFrom,
      client: ctx.client,
      progress: ctx.progress,
      abortSignal: options.abortSignal,
      updateIntervalInMs: options.updateIntervalInMs,
    });
    return new StepPoller(machine);
  }

  /**
   * Finishes adding a private endpoint from a state saved with `serialize()` of a
   * {@link Workspace.beginAddPrivateEndpoint} poller of this workspace (for instance by a
   * process that stopped halfway) and returns the connection. A state that is not such a string,
   * or belongs to another workspace, throws a `ValidationError` before any request.
   */
  async resumeAddPrivateEndpoint(
    serializedState: string,
    options: ResumeAddPrivateEndpointOptions = {},
  ): Promise<PrivateEndpointConnectionInfo> {
    if (options === null || typeof options !== "object") {
      throw new ValidationError("InvalidOption", "The options must be an object.", "options");
    }
    const ctx = this.context(options);
    const machine = new AddPrivateEndpointMachine({
      workspace: this,
      restoreFrom: serializedState,
      client: ctx.client,
      progress: ctx.progress,
      abortSignal: options.abortSignal,
      updateIntervalInMs: options.updateIntervalInMs,
    });
    const poller: AddPrivateEndpointPoller = new StepPoller(machine);
    return poller.pollUntilDone({ abortSignal: options.abortSignal });
  }

  /**
   * The DNS records (name → private addresses) of one private endpoint of the workspace, or of
   * all of them when no name is given: what a custom DNS server, or a hosts file, must hold for
   * clients to reach the workspace through its private endpoints. They are read from each
   * endpoint's `customDnsConfigs` and from the record sets its private DNS zone groups wrote,
   * one record per name and endpoint. Throws `PrivateEndpointConnectionNotFoundError` when no
   * endpoint of that name is connected to the workspace.
   *
   * @param privateEndpointName - Name of the `Microsoft.Network/privateEndpoints` resource (the
   * `privateEndpointName` of `privateEndpoints()`); all endpoints when omitted.
   */
  async getPrivateEndpointDnsRecords(
    privateEndpointName?: string,
    options: GetPrivateEndpointDnsRecordsOptions = {},
  ): Promise<PrivateEndpointDnsRecord[]> {
    if (privateEndpointName !== undefined) {
      validateNetworkName(privateEndpointName, "privateEndpointName", "private endpoint");
    }
    const connections = await this.privateEndpoints(options);
    const selected =
      privateEndpointName === undefined
        ? connections
        : connections.filter(
            (c) => c.privateEndpointName.toLowerCase() === privateEndpointName.toLowerCase(),
          );
    if (privateEndpointName !== undefined && selected.length === 0) {
      const known = connections.map((c) => c.privateEndpointName).join(", ") || "none";
      throw new PrivateEndpointConnectionNotFoundError(
        `No private endpoint named '${privateEndpointName}' is connected to workspace ` +
          `${this.name} (its private endpoints: ${known}).`,
      );
    }
    const endpointIds = [...new Set(selected.map((c) => c.privateEndpointId).filter(Boolean))];
    return readPrivateEndpointDnsRecords(this.context(options), endpointIds);
  }

  /**
   * Removes a private endpoint of the workspace completely: the workspace's connection for it,
   * the endpoint's private DNS zone groups, the `Microsoft.Network/privateEndpoints` resource,
   * and with `deleteDnsZones` the private DNS zones and virtual network links nothing else uses
   * (see {@link DeletePrivateEndpointOptions}). Returns what was deleted and what was kept.
   * Deleting what is already gone counts as done, so a call that failed can be repeated.
   *
   * Unlike {@link Workspace.deletePrivateEndpointConnection}, which only removes the connection
   * as the Python SDK does, this leaves nothing of the endpoint behind.
   *
   * @param privateEndpointName - Name of the private endpoint (the `privateEndpointName` of
   * `privateEndpoints()`), not of its connection.
   */
  async deletePrivateEndpoint(
    privateEndpointName: string,
    options: DeletePrivateEndpointOptions = {},
  ): Promise<DeletePrivateEndpointResult> {
    const name = validateDeleteOptions(privateEndpointName, options);
    const connections = await this.privateEndpoints(options);
    return deletePrivateEndpoint(
      this.context(options),
      {
        workspaceId: this.id,
        subscriptionId: this.subscriptionId,
        resourceGroup: this.resourceGroup,
        connections,
      },
      name,
      options,
    );
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
    // The operation ends with a read of the workspace, which is the updated details.
    const updated = await writeAndWait(ctx, "PATCH", this.id, API_VERSIONS.machineLearning, body);
    return toWorkspaceDetails(updated);
  }

  /**
   * Deletes the workspace and waits until it is gone; with `deleteDependentResources` also its
   * storage account, key vault, Application Insights component and container registry, and the
   * Log Analytics workspace that `create` made for that component when nothing else uses it.
   */
  async delete(options: DeleteWorkspaceOptions = {}): Promise<void> {
    await deleteWorkspace(this.context(options), this.id, options);
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
