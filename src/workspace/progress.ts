import { logger } from "../arm/logger.js";

/**
 * The kinds of resource whose deployment is reported, named as the Python SDK prints them where
 * it has a name for them.
 *
 * @public
 */
export type DeployedResourceType =
  | "ResourceGroup"
  | "StorageAccount"
  | "KeyVault"
  | "LogAnalyticsWorkspace"
  | "AppInsights"
  | "Workspace"
  | "Subnet"
  | "PrivateEndPoint"
  | "PrivateDnsZone"
  | "VirtualNetworkLink"
  | "PrivateDnsZoneGroup";

/**
 * A progress event of a workspace operation. The same events are printed as lines on stderr
 * when `showOutput` is on.
 *
 * - `deploying` / `deployed` / `failed`: a resource is being created, was created, could not be.
 * - `deleting` / `deleted`: a resource created by a failed operation is being removed again.
 * - `warning`: something the caller should know or fix (also logged as a warning).
 * - `pendingApproval`: a private endpoint connection waits for a workspace owner's approval.
 *
 * @public
 */
export type WorkspaceProgressEvent =
  | { kind: "deploying"; resourceType: DeployedResourceType; name: string; resourceId: string }
  | {
      kind: "deployed";
      resourceType: DeployedResourceType;
      name: string;
      resourceId: string;
      durationInMs: number;
    }
  | {
      kind: "failed";
      resourceType: DeployedResourceType;
      name: string;
      resourceId: string;
      error: unknown;
    }
  | { kind: "deleting"; resourceType: DeployedResourceType; name: string; resourceId: string }
  | { kind: "deleted"; resourceType: DeployedResourceType; name: string; resourceId: string }
  | { kind: "warning"; code: string; message: string }
  | { kind: "pendingApproval"; connectionName: string; privateEndpointId: string; message: string };

/**
 * Options that only tests use: where printed lines go and what the clock says.
 *
 * @internal
 */
export interface OutputInternals {
  /** Receives each printed line (without newline) instead of stderr. */
  output?: (line: string) => void;
  /** The clock used for durations. */
  now?: () => number;
}

/** @internal */
export interface ProgressOptions {
  showOutput?: boolean;
  onProgress?: (event: WorkspaceProgressEvent) => void;
}

/**
 * Turns progress events into `onProgress` calls, printed lines and log entries.
 *
 * @internal
 */
export class ProgressReporter {
  private readonly show: boolean;
  private readonly onProgress?: (event: WorkspaceProgressEvent) => void;
  private readonly write: (line: string) => void;
  readonly now: () => number;

  constructor(options: ProgressOptions & OutputInternals = {}) {
    this.show = options.showOutput ?? true;
    this.onProgress = options.onProgress;
    this.write = options.output ?? ((line) => process.stderr.write(`${line}\n`));
    this.now = options.now ?? Date.now;
  }

  emit(event: WorkspaceProgressEvent): void {
    const line = describe(event);
    if (event.kind === "warning") logger.warning(event.message);
    else logger.info(line);
    if (this.show) this.write(line);
    // A throwing callback is the caller's bug; it must not abort or corrupt the operation.
    try {
      this.onProgress?.(event);
    } catch (e) {
      logger.warning(`onProgress threw: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  warn(code: string, message: string): void {
    this.emit({ kind: "warning", code, message });
  }

  /**
   * Reports `deploying`, runs `work`, then reports `deployed` with the time taken, or `failed`
   * and rethrows.
   */
  async deploy<T>(
    resourceType: DeployedResourceType,
    resourceId: string,
    work: () => Promise<T>,
  ): Promise<T> {
    const name = resourceId.slice(resourceId.lastIndexOf("/") + 1);
    const started = this.now();
    this.emit({ kind: "deploying", resourceType, name, resourceId });
    try {
      const result = await work();
      const durationInMs = this.now() - started;
      this.emit({ kind: "deployed", resourceType, name, resourceId, durationInMs });
      return result;
    } catch (error) {
      if (!isAbort(error)) this.emit({ kind: "failed", resourceType, name, resourceId, error });
      throw error;
    }
  }
}

/** The human line for an event, worded as the Python SDK words it. */
export function describe(event: WorkspaceProgressEvent): string {
  switch (event.kind) {
    case "deploying":
      return `Deploying ${event.resourceType} with name ${event.name}.`;
    case "deployed":
      return (
        `Deployed ${event.resourceType} with name ${event.name}. ` +
        `Took ${Math.round(event.durationInMs / 1000)} seconds.`
      );
    case "failed":
      return `Deployment of ${event.resourceType} with name ${event.name} failed.`;
    case "deleting":
      return `Deleting ${event.resourceType} with name ${event.name}.`;
    case "deleted":
      return `Deleted ${event.resourceType} with name ${event.name}.`;
    case "warning":
      return `Warning: ${event.message}`;
    case "pendingApproval":
      return event.message;
  }
}

/** @internal */
export function isAbort(error: unknown): boolean {
  return error instanceof Error && error.name === "AbortError";
}
