import { createHash } from "node:crypto";
import { isArmError } from "../arm/index.js";
import { settleInOrder } from "./settleInOrder.js";
import { API_VERSIONS } from "./apiVersions.js";
import { get, getIfExists, writeAndWait } from "./armCalls.js";
import type { OperationContext } from "./armCalls.js";
import type { CreatedResource } from "./createdResources.js";
import { privateDnsZoneBody, privateDnsZoneGroupBody, virtualNetworkLinkBody } from "./payloads.js";
import type { PrivateEndpointStepState } from "./privateEndpointStep.js";
import { ids } from "./resourceIds.js";

/** The zone group on the private endpoint, as the Python SDK names it. */
const ZONE_GROUP_NAME = "default";

/**
 * A private DNS zone the endpoint needs and whether this operation creates it and its link.
 *
 * @internal
 */
export interface PlannedZone {
  zone: string;
  id: string;
  createZone: boolean;
  linkId: string;
  createLink: boolean;
}

/**
 * The zones the endpoint needs (those the private link resource requires, falling back to the
 * cloud's known zones when the service lists none), and which of them and of their virtual
 * network links already exist, so that only the missing ones are created (and rolled back).
 *
 * @internal
 */
export async function planZones(
  ctx: OperationContext,
  state: PrivateEndpointStepState,
  required: string[],
): Promise<PlannedZone[]> {
  const zoneNames = required.length > 0 ? required : [...ctx.client.cloud.privateDnsZoneNames];
  return Promise.all(
    zoneNames.map(async (zone) => {
      const id = ids.privateDnsZone(state.config, zone.toLowerCase());
      const existing = await getIfExists(ctx, id, API_VERSIONS.privateDns);
      const existingLink = existing ? await findLinkToVnet(ctx, id, state.vnetId) : undefined;
      return {
        zone: zone.toLowerCase(),
        id,
        createZone: !existing,
        linkId: existingLink ?? `${id}/virtualNetworkLinks/${linkName(state.vnetId)}`,
        createLink: existingLink === undefined,
      };
    }),
  );
}

/** @internal */
export async function createZones(
  ctx: OperationContext,
  state: PrivateEndpointStepState,
  created: CreatedResource[],
): Promise<void> {
  const toCreate = (state.zones ?? []).filter((zone) => zone.createZone);
  await settleInOrder(
    toCreate.map(async (zone) => {
      await ctx.progress.deploy("PrivateDnsZone", zone.id, async () => {
        try {
          await writeAndWait(
            ctx,
            "PUT",
            zone.id,
            API_VERSIONS.privateDns,
            privateDnsZoneBody(state.tags),
            {
              // Never take over a zone someone else created in the meantime.
              headers: { "If-None-Match": "*" },
              onAccepted: () => created.push({ resourceType: "PrivateDnsZone", id: zone.id }),
            },
          );
        } catch (e) {
          // The zone appeared since it was looked for: made by someone else, or by this very
          // operation in a process that stopped before saving its state. Either way it is used
          // as found and not owned: a rollback leaves it.
          if (!isArmError(e, 412)) throw e;
        }
      });
      // A resumed run must not create it again.
      zone.createZone = false;
    }),
  );
}

/** @internal */
export async function createLinks(
  ctx: OperationContext,
  state: PrivateEndpointStepState,
  created: CreatedResource[],
): Promise<void> {
  const toCreate = (state.zones ?? []).filter((zone) => zone.createLink);
  await settleInOrder(
    toCreate.map((zone) =>
      ctx.progress.deploy("VirtualNetworkLink", zone.linkId, () =>
        writeAndWait(
          ctx,
          "PUT",
          zone.linkId,
          API_VERSIONS.privateDns,
          virtualNetworkLinkBody(state.vnetId, state.tags),
          {
            onAccepted: () => created.push({ resourceType: "VirtualNetworkLink", id: zone.linkId }),
          },
        ),
      ),
    ),
  );
}

/**
 * The zone group names the zones, not the links: it needs only the endpoint and the zones.
 *
 * @internal
 */
export async function createZoneGroup(
  ctx: OperationContext,
  state: PrivateEndpointStepState,
  created: CreatedResource[],
): Promise<void> {
  if (!state.autoApproval || !state.zones?.length) return;
  const groupId = `${ids.privateEndpoint(state.config)}/privateDnsZoneGroups/${ZONE_GROUP_NAME}`;
  const body = privateDnsZoneGroupBody(state.zones.map(({ zone, id }) => ({ zone, id })));
  await ctx.progress.deploy("PrivateDnsZoneGroup", groupId, () =>
    writeAndWait(ctx, "PUT", groupId, API_VERSIONS.network, body, {
      finalStateVia: "azure-async-operation",
      onAccepted: () => created.push({ resourceType: "PrivateDnsZoneGroup", id: groupId }),
    }),
  );
}

/** A zone can link a virtual network only once: reuse the link another tool made. */
async function findLinkToVnet(
  ctx: OperationContext,
  zoneId: string,
  vnetId: string,
): Promise<string | undefined> {
  type Page = {
    value?: Array<{ id?: string; properties?: { virtualNetwork?: { id?: string } } }>;
    nextLink?: string;
  };
  let page: Page | undefined = await get<Page>(
    ctx,
    `${zoneId}/virtualNetworkLinks`,
    API_VERSIONS.privateDns,
  );
  while (page) {
    const match = page.value?.find(
      (link) => link.properties?.virtualNetwork?.id?.toLowerCase() === vnetId.toLowerCase(),
    );
    if (match?.id) return match.id;
    page = page.nextLink
      ? (
          await ctx.client.sendRequest<Page>({
            method: "GET",
            url: page.nextLink,
            abortSignal: ctx.abortSignal,
          })
        ).body
      : undefined;
  }
  return undefined;
}

/**
 * A stable link name per virtual network (13 characters of a hash of its id), so that a retry
 * finds the link it made rather than adding a second one.
 */
function linkName(vnetId: string): string {
  return createHash("sha256").update(vnetId.toLowerCase()).digest("hex").slice(0, 13);
}
