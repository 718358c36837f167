import { isArmError } from "../arm/index.js";
import { settleInOrder } from "./settleInOrder.js";
import { API_VERSIONS } from "./apiVersions.js";
import { get, writeAndWait } from "./armCalls.js";
import type { OperationContext } from "./armCalls.js";
import type { CreatedResource } from "./createdResources.js";
import {
  PrivateEndpointConnectionNotFoundError,
  PrivateEndpointPrerequisiteError,
} from "./errors.js";
import { toConnectionInfo } from "./models.js";
import type { PrivateEndpointConnectionInfo, WorkspaceDetails } from "./models.js";
import { privateEndpointBody, subnetWithPrivateEndpointPoliciesDisabled } from "./payloads.js";
import type { ResolvedPrivateEndpointConfig } from "./privateEndpointConfig.js";
import { createLinks, createZoneGroup, createZones, planZones } from "./privateEndpointDnsZones.js";
import type { PlannedZone } from "./privateEndpointDnsZones.js";
import type { PreflightResult, SubnetResource } from "./privateEndpointPreflight.js";
import { ids, lastSegment } from "./resourceIds.js";

/** The private link group of a workspace. */
const WORKSPACE_GROUP_ID = "amlworkspace";

/**
 * The phases of adding a private endpoint, in order. Each is one unit of progress: a resumed
 * run starts at the recorded phase.
 *
 * Independent writes share a phase and run in parallel: the endpoint (which needs the subnet)
 * beside the DNS zones, then the zone group (which needs the endpoint and the zones) beside the
 * virtual network links (which need only their zones). `dnsZones` and `zoneGroup` each run one
 * of those writes alone, so that a state saved at either still resumes where it stopped.
 *
 * @internal
 */
export type PrivateEndpointPhase =
  "prepare" | "subnet" | "endpoint" | "dnsZones" | "links" | "zoneGroup" | "connection" | "done";

const NEXT: Record<PrivateEndpointPhase, PrivateEndpointPhase> = {
  prepare: "subnet",
  subnet: "endpoint",
  endpoint: "links",
  dnsZones: "links",
  links: "connection",
  zoneGroup: "connection",
  connection: "done",
  done: "done",
};

/**
 * Everything the private endpoint step knows, JSON-serializable so that it can be stored in a
 * poller's state and resumed.
 *
 * @internal
 */
export interface PrivateEndpointStepState {
  config: ResolvedPrivateEndpointConfig;
  workspaceId: string;
  autoApproval: boolean;
  /** Region of the private endpoint. */
  location: string;
  tags?: Record<string, string>;
  vnetId: string;
  subnetToUpdate?: SubnetResource;
  groupIds?: string[];
  zones?: PlannedZone[];
  phase: PrivateEndpointPhase;
  connection?: PrivateEndpointConnectionInfo;
}

/** @internal */
export function initialPrivateEndpointState(init: {
  config: ResolvedPrivateEndpointConfig;
  workspaceId: string;
  autoApproval: boolean;
  location?: string;
  tags?: Record<string, string>;
  preflight: PreflightResult;
}): PrivateEndpointStepState {
  return {
    config: init.config,
    workspaceId: init.workspaceId,
    autoApproval: init.autoApproval,
    location: init.location ?? init.preflight.vnetLocation,
    tags: init.tags,
    vnetId: init.preflight.vnetId,
    subnetToUpdate: init.preflight.subnetToUpdate,
    phase: "prepare",
  };
}

/** What each phase is doing, for error messages. @internal */
export function describePhase(state: PrivateEndpointStepState): string {
  const pe = state.config.name;
  switch (state.phase) {
    case "prepare":
      return `reading the private link resources of the workspace for private endpoint ${pe}`;
    case "subnet":
      return `disabling the private endpoint network policies of subnet ${state.config.vnetSubnetName}`;
    case "endpoint":
      return state.zones?.some((zone) => zone.createZone)
        ? `creating private endpoint ${pe} and the private DNS zones for it`
        : `creating private endpoint ${pe}`;
    case "dnsZones":
      return `creating the private DNS zones for private endpoint ${pe}`;
    case "links":
      return state.autoApproval && state.zones?.length
        ? `linking the private DNS zones to virtual network ${state.config.vnetName} and ` +
            `creating the DNS zone group of private endpoint ${pe}`
        : `linking the private DNS zones to virtual network ${state.config.vnetName}`;
    case "zoneGroup":
      return `creating the DNS zone group of private endpoint ${pe}`;
    case "connection":
    case "done":
      return `reading the private endpoint connection of ${pe}`;
  }
}

/** @internal */
export interface PrivateEndpointStepOptions {
  /**
   * Receives the workspace as read (after every write) to find the new connection, so that a
   * caller needing the workspace too does not read it again.
   */
  onWorkspaceRead?: (workspace: WorkspaceDetails) => void;
}

/**
 * Runs the phases from the recorded one to the end, recording each resource it creates in
 * `created` as soon as ARM accepts it.
 *
 * @internal
 */
export async function runPrivateEndpointStep(
  ctx: OperationContext,
  state: PrivateEndpointStepState,
  created: CreatedResource[],
  options: PrivateEndpointStepOptions = {},
): Promise<PrivateEndpointConnectionInfo> {
  while (state.phase !== "done") await runPrivateEndpointPhase(ctx, state, created, options);
  return state.connection!;
}

/**
 * Runs the recorded phase alone and moves the state to the next one, so that a poller can save
 * the state between phases. Does nothing once the state is `done`.
 *
 * @internal
 */
export async function runPrivateEndpointPhase(
  ctx: OperationContext,
  state: PrivateEndpointStepState,
  created: CreatedResource[],
  options: PrivateEndpointStepOptions = {},
): Promise<void> {
  if (state.phase === "done") return;
  await runPhase(ctx, state, created, options);
  state.phase = NEXT[state.phase];
}

async function runPhase(
  ctx: OperationContext,
  state: PrivateEndpointStepState,
  created: CreatedResource[],
  options: PrivateEndpointStepOptions,
): Promise<void> {
  switch (state.phase) {
    case "prepare":
      return prepare(ctx, state);
    case "subnet":
      return updateSubnet(ctx, state);
    case "endpoint":
      await settleInOrder([createEndpoint(ctx, state, created), createZones(ctx, state, created)]);
      return;
    case "dnsZones":
      return createZones(ctx, state, created);
    case "links":
      await settleInOrder([createLinks(ctx, state, created), createZoneGroup(ctx, state, created)]);
      return;
    case "zoneGroup":
      return createZoneGroup(ctx, state, created);
    case "connection":
      return readConnection(ctx, state, options);
    case "done":
      return;
  }
}

/**
 * Writes the subnet back as read with the policies off. The write is conditional on the etag
 * read: PUT replaces the whole subnet, so a change made in between (an NSG attached, a
 * delegation added) would otherwise be undone without a word. A refused write is not retried
 * with a fresh read: the caller decides, with the changed subnet in view, whether to run again.
 */
async function updateSubnet(ctx: OperationContext, state: PrivateEndpointStepState): Promise<void> {
  const subnet = state.subnetToUpdate;
  if (!subnet) return;
  const subnetId = ids.subnet(state.config);
  await ctx.progress.deploy("Subnet", subnetId, async () => {
    try {
      await writeAndWait(
        ctx,
        "PUT",
        subnetId,
        API_VERSIONS.network,
        subnetWithPrivateEndpointPoliciesDisabled(subnet),
        {
          finalStateVia: "azure-async-operation",
          headers: subnet.etag ? { "If-Match": subnet.etag } : undefined,
        },
      );
    } catch (e) {
      if (!isArmError(e, 412)) throw e;
      throw new PrivateEndpointPrerequisiteError(
        "SubnetChanged",
        `Subnet '${state.config.vnetSubnetName}' of virtual network '${state.config.vnetName}' ` +
          `changed since this call read it, so its private endpoint network policies were left ` +
          `as they are: writing back the subnet as read would have undone that change. Run the ` +
          `call again to read the subnet afresh.`,
        subnetId,
        { cause: e },
      );
    }
  });
  state.subnetToUpdate = undefined;
}

async function createEndpoint(
  ctx: OperationContext,
  state: PrivateEndpointStepState,
  created: CreatedResource[],
): Promise<void> {
  const peId = ids.privateEndpoint(state.config);
  const body = privateEndpointBody({
    name: state.config.name,
    location: state.location,
    subnetId: ids.subnet(state.config),
    workspaceId: state.workspaceId,
    groupIds: state.groupIds ?? [WORKSPACE_GROUP_ID],
    autoApproval: state.autoApproval,
    tags: state.tags,
  });
  await ctx.progress.deploy("PrivateEndPoint", peId, () =>
    writeAndWait(ctx, "PUT", peId, API_VERSIONS.network, body, {
      finalStateVia: "azure-async-operation",
      onAccepted: () => created.push({ resourceType: "PrivateEndPoint", id: peId }),
    }),
  );
}

async function readConnection(
  ctx: OperationContext,
  state: PrivateEndpointStepState,
  options: PrivateEndpointStepOptions,
): Promise<void> {
  const workspace = await get<WorkspaceDetails>(
    ctx,
    state.workspaceId,
    API_VERSIONS.machineLearning,
  );
  options.onWorkspaceRead?.(workspace);
  state.connection = findConnection(workspace, state);
  if (state.connection.status === "Pending") {
    ctx.progress.emit({
      kind: "pendingApproval",
      connectionName: state.connection.name,
      privateEndpointId: ids.privateEndpoint(state.config),
      message:
        `The private endpoint connection ${state.connection.name} is Pending: an owner of ` +
        `workspace ${lastSegment(state.workspaceId)} must approve it ` +
        `(approvePrivateEndpointConnection, or the portal's Private endpoint connections).`,
    });
  }
}

/**
 * Reads the workspace's private link resource for its group id and DNS zones, then plans the
 * zones (see {@link planZones}).
 */
async function prepare(ctx: OperationContext, state: PrivateEndpointStepState): Promise<void> {
  const resources = await get<{
    value?: Array<{ properties?: { groupId?: string; requiredZoneNames?: string[] } }>;
  }>(ctx, `${state.workspaceId}/privateLinkResources`, API_VERSIONS.machineLearning);
  const workspaceResource =
    resources.value?.find((r) => r.properties?.groupId === WORKSPACE_GROUP_ID) ??
    resources.value?.[0];
  state.groupIds = [workspaceResource?.properties?.groupId ?? WORKSPACE_GROUP_ID];
  if (!state.autoApproval) {
    // Without approval rights the endpoint gets no DNS here, as in the Python SDK: the records
    // would point at an endpoint that does not work until someone approves it.
    state.zones = [];
    return;
  }

  const required = workspaceResource?.properties?.requiredZoneNames ?? [];
  state.zones = await planZones(ctx, state, required);
}

/** The connection the new endpoint made on the workspace. */
function findConnection(
  workspace: WorkspaceDetails,
  state: PrivateEndpointStepState,
): PrivateEndpointConnectionInfo {
  const peId = ids.privateEndpoint(state.config).toLowerCase();
  const connection = workspace.properties?.privateEndpointConnections?.find(
    (c) => c.properties?.privateEndpoint?.id?.toLowerCase() === peId,
  );
  if (!connection) {
    throw new PrivateEndpointConnectionNotFoundError(
      `Private endpoint ${state.config.name} has no connection on workspace ` +
        `${lastSegment(state.workspaceId)}.`,
    );
  }
  return toConnectionInfo(connection);
}
