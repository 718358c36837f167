import type { AbortSignalLike } from "@azure/abort-controller";
import type { OperationState } from "@azure/core-lro";
import type { ArmClient } from "../arm/index.js";
import { API_VERSIONS } from "./apiVersions.js";
import { get, writeAndWait } from "./armCalls.js";
import type { OperationContext } from "./armCalls.js";
import type { CreateInput } from "./createInput.js";
import { planCreate } from "./createPlan.js";
import type { CreatePlan } from "./createPlan.js";
import { rollback } from "./createdResources.js";
import type { CreatedResource } from "./createdResources.js";
import { WorkspaceCreateError } from "./errors.js";
import type { WorkspaceCreateStep } from "./errors.js";
import type { WorkspaceDetails } from "./models.js";
import {
  applicationInsightsBody,
  keyVaultBody,
  logAnalyticsBody,
  resourceGroupBody,
  storageAccountBody,
  workspaceBody,
} from "./payloads.js";
import { describePhase, runPrivateEndpointPhase } from "./privateEndpointStep.js";
import { isAbort } from "./progress.js";
import type { ProgressReporter } from "./progress.js";
import { ids, lastSegment } from "./resourceIds.js";
import { parseSerializedCreate } from "./serializedCreate.js";
import { settleInOrder } from "./settleInOrder.js";
import type { SerializedCreate } from "./serializedCreate.js";
import type { StepMachine } from "./stepPoller.js";

/**
 * The state of a `Workspace.beginCreate` poller.
 *
 * @public
 */
export interface WorkspaceCreateOperationState<TResult> extends OperationState<TResult> {
  /** The next step to run; `"done"` once the operation ended. */
  step: WorkspaceCreateStep | "done";
  /** What this operation created so far, in order of creation. */
  created: readonly CreatedResource[];
}

const STEPS: readonly WorkspaceCreateStep[] = [
  "checks",
  "resourceGroup",
  "dependentResources",
  "workspace",
  "privateEndpoint",
  "result",
];

/** @internal */
export interface CreateMachineInit<TResult> {
  input: CreateInput;
  client: ArmClient;
  progress: ProgressReporter;
  abortSignal?: AbortSignalLike;
  updateIntervalInMs?: number;
  toResult: (details: WorkspaceDetails, client: ArmClient) => TResult;
  restoreFrom?: string;
}

/**
 * The steps of `Workspace.create` as a {@link StepMachine}: checks (reads only), resource group,
 * dependent resources (storage account ‖ key vault ‖ Log Analytics → Application Insights),
 * workspace, private endpoint (subnet policies, endpoint, DNS zones ‖, virtual network links ‖,
 * zone group), result. Any failure after the checks deletes what the operation created and
 * fails it with a {@link WorkspaceCreateError}; an abort leaves everything for a resume.
 *
 * @internal
 */
export class CreateMachine<TResult> implements StepMachine<
  WorkspaceCreateOperationState<TResult>,
  TResult
> {
  readonly state: WorkspaceCreateOperationState<TResult>;
  private plan?: CreatePlan;
  /**
   * The workspace as last read in this process, after the last write: the result is made from
   * it. Not serialized: a resumed operation reads the workspace again.
   */
  private workspaceRead?: WorkspaceDetails;
  private readonly input: CreateInput;
  private readonly created: CreatedResource[];
  /** The dependent resource whose creation failed, for the error: that step writes several. */
  private failedWrite?: string;

  constructor(private readonly init: CreateMachineInit<TResult>) {
    const restored =
      init.restoreFrom !== undefined
        ? parseSerializedCreate(init.restoreFrom, init.input)
        : undefined;
    this.input = restored?.input ?? init.input;
    this.plan = restored?.plan;
    this.created = restored?.created ?? [];
    // A finished create is restored to its last step, which re-reads the workspace for the
    // result (a Workspace object cannot be serialized).
    const resumeAt = restored?.status === "succeeded" ? "result" : restored?.step;
    this.state = {
      status: restored?.status === "failed" ? "failed" : resumeAt ? "running" : "notStarted",
      step: resumeAt ?? "checks",
      created: this.created,
    };
    if (restored?.status === "failed") {
      this.state.error = new Error("The restored create operation had failed.");
      this.state.step = "done";
    }
  }

  serialize(): string {
    const serialized: SerializedCreate = {
      kind: "azureml-workspace/create",
      version: 1,
      input: this.input,
      plan: this.plan,
      step: this.state.step,
      status: this.state.status,
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
      if (step === "checks") {
        // Nothing was written yet: the check's own error says best what to fix.
        this.fail(error);
        return;
      }
      const { rolledBack, leftBehind } = await rollback(ctx, this.created);
      this.created.splice(0, this.created.length);
      const operation = this.describe(step);
      this.fail(
        new WorkspaceCreateError({ step, operation, cause: error, rolledBack, leftBehind }),
      );
      return;
    }
    this.state.step = this.next(step);
    if (this.state.step === "done") this.state.status = "succeeded";
  }

  private fail(error: unknown): void {
    this.state.status = "failed";
    this.state.error = error instanceof Error ? error : new Error(String(error));
    this.state.step = "done";
  }

  private next(step: WorkspaceCreateStep): WorkspaceCreateStep | "done" {
    if (step === "checks" && this.plan?.existing) return "result";
    const endpoint = this.plan?.privateEndpoint;
    if (step === "privateEndpoint" && endpoint && endpoint.phase !== "done") return step;
    const index = STEPS.indexOf(step);
    return index + 1 < STEPS.length ? STEPS[index + 1]! : "done";
  }

  private async run(step: WorkspaceCreateStep, ctx: OperationContext): Promise<void> {
    const input = this.input;
    switch (step) {
      case "checks":
        this.plan = await planCreate(ctx, input, (existing) => (this.workspaceRead = existing));
        return;
      case "resourceGroup": {
        if (!this.plan!.createResourceGroup) return;
        const id = ids.resourceGroup(input.subscriptionId, input.resourceGroup);
        await ctx.progress.deploy("ResourceGroup", id, async () => {
          const body = resourceGroupBody(this.plan!.location, new Date(ctx.progress.now()));
          await ctx.client.sendRequest({
            method: "PUT",
            path: id,
            apiVersion: API_VERSIONS.resources,
            body,
            abortSignal: ctx.abortSignal,
          });
          this.record("ResourceGroup", id);
        });
        return;
      }
      case "dependentResources":
        return this.createDependentResources(ctx);
      case "workspace":
        return this.createWorkspace(ctx);
      case "privateEndpoint":
        if (this.plan!.privateEndpoint) {
          // The endpoint adds a connection to the workspace: what was read before is stale.
          this.workspaceRead = undefined;
          // One phase per poll, so that a state saved after any poll resumes at that phase.
          await runPrivateEndpointPhase(ctx, this.plan!.privateEndpoint, this.created, {
            onWorkspaceRead: (workspace) => (this.workspaceRead = workspace),
          });
        }
        return;
      case "result": {
        const details = this.workspaceRead?.id
          ? this.workspaceRead
          : await get<WorkspaceDetails>(ctx, this.plan!.workspaceId, API_VERSIONS.machineLearning);
        this.state.result = this.init.toResult(details, ctx.client);
        return;
      }
    }
  }

  private record(resourceType: CreatedResource["resourceType"], id: string): void {
    if (!this.created.some((r) => r.id === id)) this.created.push({ resourceType, id });
  }

  private async createDependentResources(ctx: OperationContext): Promise<void> {
    const { location, storageAccount, keyVault, appInsights, logAnalytics, tenantId } = this.plan!;
    const tags = this.input.tags;
    const failedWhile = new Map<unknown, string>();
    const put = async (
      type: CreatedResource["resourceType"],
      id: string,
      apiVersion: string,
      body: unknown,
    ) => {
      try {
        return await ctx.progress.deploy(type, id, () =>
          writeAndWait(ctx, "PUT", id, apiVersion, body, {
            onAccepted: () => this.record(type, id),
          }),
        );
      } catch (error) {
        failedWhile.set(error, `creating ${type} ${lastSegment(id)}`);
        throw error;
      }
    };
    const work: Promise<unknown>[] = [];
    if (storageAccount.create) {
      work.push(
        put(
          "StorageAccount",
          storageAccount.id,
          API_VERSIONS.storage,
          storageAccountBody(location, tags),
        ),
      );
    }
    if (keyVault.create) {
      work.push(
        put(
          "KeyVault",
          keyVault.id,
          API_VERSIONS.keyVault,
          keyVaultBody(location, tenantId!, tags),
        ),
      );
    }
    if (appInsights.create && logAnalytics) {
      work.push(
        (async () => {
          await put(
            "LogAnalyticsWorkspace",
            logAnalytics.id,
            API_VERSIONS.logAnalytics,
            logAnalyticsBody(location, tags),
          );
          await put(
            "AppInsights",
            appInsights.id,
            API_VERSIONS.applicationInsights,
            applicationInsightsBody(location, logAnalytics.id, tags),
          );
        })(),
      );
    }
    try {
      await settleInOrder(work);
    } catch (error) {
      this.failedWrite = failedWhile.get(error);
      throw error;
    }
  }

  private async createWorkspace(ctx: OperationContext): Promise<void> {
    const input = this.input;
    const plan = this.plan!;
    const body = workspaceBody({
      ...input,
      location: plan.location,
      storageAccount: plan.storageAccount.id,
      keyVault: plan.keyVault.id,
      applicationInsights: plan.appInsights.id,
      // A workspace behind a private endpoint is private until opened with update().
      publicNetworkAccess: input.privateEndpoint ? "Disabled" : undefined,
    });
    const id = plan.workspaceId;
    this.workspaceRead = await ctx.progress.deploy("Workspace", id, () =>
      writeAndWait<WorkspaceDetails>(ctx, "PUT", id, API_VERSIONS.machineLearning, body, {
        onAccepted: () => this.record("Workspace", id),
      }),
    );
  }

  private describe(step: WorkspaceCreateStep): string {
    const plan = this.plan;
    switch (step) {
      case "checks":
        return "checking the inputs";
      case "resourceGroup":
        return `creating resource group ${this.input.resourceGroup}`;
      case "dependentResources":
        return (
          this.failedWrite ?? "creating the storage account, key vault and Application Insights"
        );
      case "workspace":
        return `creating workspace ${this.input.name}`;
      case "privateEndpoint":
        return plan?.privateEndpoint
          ? describePhase(plan.privateEndpoint)
          : "creating the private endpoint";
      case "result":
        return `reading workspace ${this.input.name}`;
    }
  }
}
