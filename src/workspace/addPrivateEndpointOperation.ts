import type { OperationState } from "@azure/core-lro";
import type { AbortSignalLike } from "@azure/abort-controller";
import { isArmError, ValidationError } from "../arm/index.js";
import type { ArmClient } from "../arm/index.js";
import { sleep } from "../arm/lro/abort.js";
import { API_VERSIONS } from "./apiVersions.js";
import { get } from "./armCalls.js";
import type { OperationContext } from "./armCalls.js";
import { rollback } from "./createdResources.js";
import type { CreatedResource } from "./createdResources.js";
import { PrivateEndpointConnectionRemovedError, PrivateEndpointError } from "./errors.js";
import { toConnectionInfo } from "./models.js";
import type {
  PrivateEndpointConnectionInfo,
  WorkspacePrivateEndpointConnection,
} from "./models.js";
import type { ResolvedPrivateEndpointConfig } from "./privateEndpointConfig.js";
import { privateEndpointPreflight } from "./privateEndpointPreflight.js";
import {
  describePhase,
  initialPrivateEndpointState,
  runPrivateEndpointPhase,
} from "./privateEndpointStep.js";
import type { PrivateEndpointPhase, PrivateEndpointStepState } from "./privateEndpointStep.js";
import { isAbort } from "./progress.js";
import type { ProgressReporter } from "./progress.js";
import { ids } from "./resourceIds.js";
import type { StepMachine } from "./stepPoller.js";

/**
 * The steps of adding a private endpoint, in order: the read-only checks, then each phase of
 * the endpoint (`prepare` reads the private link resource and the existing DNS zones; `subnet`,
 * `endpoint`, `dnsZones`, `links`, `zoneGroup` write; `connection` reads the new connection),
 * then `approval` (only with `waitForApproval`).
 *
 * @public
 */
export type AddPrivateEndpointStep =
  | "checks"
  | "prepare"
  | "subnet"
  | "endpoint"
  | "dnsZones"
  | "links"
  | "zoneGroup"
  | "connection"
  | "approval";

/**
 * The state of a `Workspace.beginAddPrivateEndpoint` poller.
 *
 * @public
 */
export interface AddPrivateEndpointOperationState extends OperationState<PrivateEndpointConnectionInfo> {
  /** The next step to run; `"done"` once the operation ended. */
  step: AddPrivateEndpointStep | "done";
  /** What this operation created so far, in order of creation. */
  created: readonly CreatedResource[];
}

/**
 * The add options after validation, JSON-serializable.
 *
 * @internal
 */
export interface AddPrivateEndpointInput {
  config: ResolvedPrivateEndpointConfig;
  autoApproval: boolean;
  location?: string;
  tags?: Record<string, string>;
  disableSubnetNetworkPolicies: boolean;
  waitForApproval: boolean;
}

/** The JSON written by `serialize()`. */
interface SerializedAdd {
  kind: "azureml-workspace/addPrivateEndpoint";
  version: 1;
  workspaceId: string;
  input: AddPrivateEndpointInput;
  step: AddPrivateEndpointStep | "done";
  status: OperationState<unknown>["status"];
  privateEndpoint?: PrivateEndpointStepState;
  created: CreatedResource[];
}

/** The workspace an endpoint is added to. @internal */
export interface WorkspaceRef {
  id: string;
  name: string;
  subscriptionId: string;
  resourceGroup: string;
  location: string;
}

/** @internal */
export interface AddMachineInit {
  workspace: WorkspaceRef;
  /** Absent when the whole operation comes from `restoreFrom`. */
  input?: AddPrivateEndpointInput;
  restoreFrom?: string;
  client: ArmClient;
  progress: ProgressReporter;
  abortSignal?: AbortSignalLike;
  updateIntervalInMs?: number;
}

const SERIALIZED_KIND = "azureml-workspace/addPrivateEndpoint";

/** Approval is a human action: poll it gently unless told otherwise. */
const DEFAULT_APPROVAL_INTERVAL_IN_MS = 10_000;

/**
 * Adding a private endpoint as a {@link StepMachine}: one step per phase of the private endpoint
 * step, so that the state saved after any poll resumes without writing anything twice. A failed
 * write deletes what the operation created and fails it with a {@link PrivateEndpointError}; an
 * abort leaves everything for a resume.
 *
 * @internal
 */
export class AddPrivateEndpointMachine implements StepMachine<
  AddPrivateEndpointOperationState,
  PrivateEndpointConnectionInfo
> {
  readonly state: AddPrivateEndpointOperationState;
  private readonly input: AddPrivateEndpointInput;
  private privateEndpoint?: PrivateEndpointStepState;
  private readonly created: CreatedResource[];

  constructor(private readonly init: AddMachineInit) {
    const restored =
      init.restoreFrom !== undefined
        ? parseSerializedAdd(init.restoreFrom, init.workspace.id, init.input)
        : undefined;
    this.input = restored?.input ?? init.input!;
    this.privateEndpoint = restored?.privateEndpoint;
    this.created = restored?.created ?? [];
    this.state = {
      status: restored ? restored.status : "notStarted",
      step: restored?.step ?? "checks",
      created: this.created,
    };
    if (restored?.status === "succeeded") {
      // The result is the connection as recorded; re-read it to return it.
      this.state.status = "running";
      this.state.step = "connection";
      this.privateEndpoint!.phase = "connection";
    } else if (restored?.status === "failed" || restored?.status === "canceled") {
      this.state.status = "failed";
      this.state.error = new Error("The restored add-private-endpoint operation had failed.");
      this.state.step = "done";
    }
  }

  serialize(): string {
    const serialized: SerializedAdd = {
      kind: SERIALIZED_KIND,
      version: 1,
      workspaceId: this.init.workspace.id,
      input: this.input,
      step: this.state.step,
      status: this.state.status,
      privateEndpoint: this.privateEndpoint,
      created: this.created,
    };
    return JSON.stringify(serialized);
  }

  async step(abortSignal: AbortSignalLike | undefined): Promise<void> {
    const step = this.state.step;
    if (step === "done") return;
    this.state.status = "running";
    const ctx: OperationContext = {
      client: this.init.client,
      progress: this.init.progress,
      abortSignal: abortSignal ?? this.init.abortSignal,
      updateIntervalInMs: this.init.updateIntervalInMs,
    };
    try {
      await this.run(step, ctx);
    } catch (error) {
      if (isAbort(error)) throw error;
      // Nothing written yet (a subnet write refused on its precondition writes nothing), or the
      // endpoint is complete: the error says best what to fix.
      const refusedBeforeAnyWrite = isPrerequisiteError(error) && this.created.length === 0;
      if (step === "checks" || step === "approval" || refusedBeforeAnyWrite) {
        this.fail(error);
        return;
      }
      const operation = describePhase(this.privateEndpoint!);
      const { rolledBack, leftBehind } = await rollback(ctx, this.created);
      this.created.splice(0, this.created.length);
      this.fail(new PrivateEndpointError({ operation, cause: error, rolledBack, leftBehind }));
      return;
    }
    this.advance();
  }

  private async run(step: AddPrivateEndpointStep, ctx: OperationContext): Promise<void> {
    if (step === "checks") return this.check(ctx);
    if (step === "approval") return this.checkApproval(ctx);
    await runPrivateEndpointPhase(ctx, this.privateEndpoint!, this.created);
  }

  /** Reads only: the network, then the warning that applies to every private endpoint. */
  private async check(ctx: OperationContext): Promise<void> {
    const { workspace } = this.init;
    const input = this.input;
    const preflight = await privateEndpointPreflight(
      ctx,
      input.config,
      workspace.location,
      input.disableSubnetNetworkPolicies,
    );
    ctx.progress.warn(
      "ComputeTargetsOutsideVirtualNetwork",
      `Compute targets of workspace ${workspace.name} that are not in virtual network ` +
        `${input.config.vnetName} will not work once the private endpoint exists.`,
    );
    this.privateEndpoint = initialPrivateEndpointState({
      config: input.config,
      workspaceId: workspace.id,
      autoApproval: input.autoApproval,
      location: input.location,
      tags: input.tags,
      preflight,
    });
  }

  /**
   * One look at a Pending connection, after the approval interval. A connection that was deleted
   * or became Disconnected will never be approved: the wait ends with an error that says so,
   * rather than with a bare 404 or by returning the Disconnected connection as if it were an
   * answer. A rejection is an answer and is returned like an approval.
   */
  private async checkApproval(ctx: OperationContext): Promise<void> {
    const pe = this.privateEndpoint!;
    const connection = pe.connection!;
    // The operations' interval doubles as the approval's when given.
    await sleep(this.init.updateIntervalInMs ?? DEFAULT_APPROVAL_INTERVAL_IN_MS, ctx.abortSignal);
    const removed = (status: "Deleted" | "Disconnected", cause?: unknown) =>
      new PrivateEndpointConnectionRemovedError({
        connectionName: connection.name,
        workspaceName: this.init.workspace.name,
        privateEndpointId: ids.privateEndpoint(pe.config),
        status,
        cause,
      });

    let read: WorkspacePrivateEndpointConnection;
    try {
      read = await get<WorkspacePrivateEndpointConnection>(
        ctx,
        `${this.init.workspace.id}/privateEndpointConnections/${connection.name}`,
        API_VERSIONS.machineLearning,
      );
    } catch (e) {
      if (isArmError(e, 404)) throw removed("Deleted", e);
      throw e;
    }
    const current = toConnectionInfo(read);
    if (current.status.toLowerCase() === "disconnected") throw removed("Disconnected");
    pe.connection = current;
  }

  private advance(): void {
    const pe = this.privateEndpoint!;
    const pending = pe.connection?.status === "Pending" && this.input.waitForApproval;
    if (this.state.step === "checks") {
      this.state.step = pe.phase as PrivateEndpointPhase & AddPrivateEndpointStep;
      return;
    }
    if (this.state.step !== "approval" && pe.phase !== "done") {
      this.state.step = pe.phase as PrivateEndpointPhase & AddPrivateEndpointStep;
      return;
    }
    if (pending) {
      this.state.step = "approval";
      return;
    }
    this.state.step = "done";
    this.state.status = "succeeded";
    this.state.result = pe.connection;
  }

  private fail(error: unknown): void {
    this.state.status = "failed";
    this.state.error = error instanceof Error ? error : new Error(String(error));
    this.state.step = "done";
  }
}

function isPrerequisiteError(error: unknown): boolean {
  return (error as { name?: unknown } | null)?.name === "PrivateEndpointPrerequisiteError";
}

/**
 * Reads a state saved by `serialize()`, refusing one of another operation or workspace.
 *
 * @internal
 */
export function parseSerializedAdd(
  text: unknown,
  workspaceId: string,
  given: AddPrivateEndpointInput | undefined,
): SerializedAdd {
  const invalid = (why: string) =>
    new ValidationError(
      "InvalidRestoreState",
      `restoreFrom must be a string returned by serialize() of a ` +
        `Workspace.beginAddPrivateEndpoint poller: ${why}.`,
      "restoreFrom",
    );
  if (typeof text !== "string" || text === "") throw invalid("got " + JSON.stringify(text));
  let parsed: SerializedAdd;
  try {
    parsed = JSON.parse(text) as SerializedAdd;
  } catch {
    throw invalid("it is not JSON");
  }
  if (
    parsed === null ||
    typeof parsed !== "object" ||
    parsed.kind !== SERIALIZED_KIND ||
    parsed.version !== 1 ||
    typeof parsed.workspaceId !== "string" ||
    typeof parsed.input?.config?.name !== "string" ||
    !Array.isArray(parsed.created) ||
    typeof parsed.step !== "string" ||
    (!parsed.privateEndpoint &&
      !(parsed.step === "checks" || parsed.status === "failed" || parsed.status === "canceled"))
  ) {
    throw invalid("this is not such a state");
  }
  if (parsed.workspaceId.toLowerCase() !== workspaceId.toLowerCase()) {
    throw new ValidationError(
      "InvalidRestoreState",
      `restoreFrom belongs to workspace ${parsed.workspaceId}, not ${workspaceId}: resume it ` +
        `from that workspace.`,
      "restoreFrom",
    );
  }
  if (given && given.config.name.toLowerCase() !== parsed.input.config.name.toLowerCase()) {
    throw new ValidationError(
      "InvalidRestoreState",
      `restoreFrom adds private endpoint '${parsed.input.config.name}', not ` +
        `'${given.config.name}': pass the same PrivateEndpointConfig, or use ` +
        `resumeAddPrivateEndpoint.`,
      "restoreFrom",
    );
  }
  return parsed;
}
