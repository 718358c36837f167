import { isArmError } from "../arm/index.js";
import { API_VERSIONS } from "./apiVersions.js";
import { get } from "./armCalls.js";
import type { OperationContext } from "./armCalls.js";

/*
 * Who else uses a private DNS zone: what decides which zones and virtual network links
 * `deletePrivateEndpoint` may remove.
 */

/** The parts of a `Microsoft.Network/privateEndpoints` resource read here. @internal */
export interface EndpointResource {
  id?: string;
  properties?: {
    subnet?: { id?: string };
    privateLinkServiceConnections?: Array<{ properties?: { privateLinkServiceId?: string } }>;
    manualPrivateLinkServiceConnections?: Array<{
      properties?: { privateLinkServiceId?: string };
    }>;
  };
}

/** One page of an ARM list. @internal */
export interface Page<T> {
  value?: T[];
  nextLink?: string;
}

/** The parts of a private DNS zone group read here. @internal */
export interface ZoneGroup {
  id?: string;
  properties?: { privateDnsZoneConfigs?: Array<{ properties?: { privateDnsZoneId?: string } }> };
}

/** The parts of a virtual network link read here. @internal */
export interface VirtualNetworkLink {
  id?: string;
  properties?: { virtualNetwork?: { id?: string } };
}

/**
 * For each of `zoneIds`, the virtual networks (lower-case ids) of the private endpoints other
 * than `endpointId` whose zone groups point at it. Endpoints are looked for in the subscriptions
 * of the workspace, of the endpoint and of the zones; each one's zone groups are read.
 *
 * @internal
 */
export async function zoneUsageByOthers(
  ctx: OperationContext,
  workspaceSubscriptionId: string,
  endpointId: string,
  zoneIds: readonly string[],
): Promise<Map<string, Set<string>>> {
  const subscriptions = unique([
    workspaceSubscriptionId,
    ...[endpointId, ...zoneIds].map((id) => subscriptionOf(id)),
  ]);
  const endpoints = (
    await Promise.all(
      subscriptions.map((sub) =>
        listAll<EndpointResource>(
          ctx,
          `/subscriptions/${sub}/providers/Microsoft.Network/privateEndpoints`,
          API_VERSIONS.network,
        ),
      ),
    )
  )
    .flat()
    .filter((e) => e.id && !sameId(e.id, endpointId));

  const wanted = new Set(zoneIds.map((id) => id.toLowerCase()));
  const usage = new Map<string, Set<string>>();
  await Promise.all(
    endpoints.map(async (other) => {
      const groups = await listAll<ZoneGroup>(
        ctx,
        `${other.id}/privateDnsZoneGroups`,
        API_VERSIONS.network,
      ).catch(notFoundAsEmpty);
      const vnet = vnetOf(other.properties?.subnet?.id)?.toLowerCase() ?? "";
      for (const zone of groups.flatMap(zoneIdsOf)) {
        const key = zone.toLowerCase();
        if (!wanted.has(key)) continue;
        if (!usage.has(key)) usage.set(key, new Set());
        usage.get(key)!.add(vnet);
      }
    }),
  );
  return usage;
}

/** Why a zone must stay, or `undefined` when nothing else uses it. @internal */
export async function whyZoneIsKept(
  ctx: OperationContext,
  zoneId: string,
  users: ReadonlySet<string>,
  otherLinks: number,
): Promise<string | undefined> {
  if (users.size > 0) return "another private endpoint's zone group uses the zone";
  if (otherLinks > 0) return "the zone is linked to other virtual networks";
  const recordSets = await listAll<{ name?: string; type?: string }>(
    ctx,
    `${zoneId}/ALL`,
    API_VERSIONS.privateDns,
  ).catch(notFoundAsEmpty);
  // Every zone has its SOA record set at the apex; anything else belongs to someone.
  const others = recordSets.filter((r) => !(r.name === "@" && /\/SOA$/i.test(r.type ?? "")));
  return others.length > 0 ? "the zone holds record sets of other endpoints" : undefined;
}

/** @internal */
export async function listAll<T>(
  ctx: OperationContext,
  path: string,
  apiVersion: string,
): Promise<T[]> {
  const items: T[] = [];
  let page: Page<T> | undefined = await get<Page<T>>(ctx, path, apiVersion);
  while (page) {
    items.push(...(page.value ?? []));
    page = page.nextLink
      ? (
          await ctx.client.sendRequest<Page<T>>({
            method: "GET",
            url: page.nextLink,
            abortSignal: ctx.abortSignal,
          })
        ).body
      : undefined;
  }
  return items;
}

/** @internal */
export function notFoundAsEmpty(e: unknown): never[] {
  if (isArmError(e, 404)) return [];
  throw e;
}

/** @internal */
export function zoneIdsOf(group: ZoneGroup): string[] {
  return (group.properties?.privateDnsZoneConfigs ?? [])
    .map((c) => c.properties?.privateDnsZoneId)
    .filter((id): id is string => typeof id === "string" && id !== "");
}

/** The virtual network of a subnet id (or a virtual network id itself). @internal */
export function vnetOf(id: string | undefined): string | undefined {
  if (!id) return undefined;
  const index = id.toLowerCase().indexOf("/subnets/");
  return index < 0 ? id : id.slice(0, index);
}

function subscriptionOf(id: string): string {
  return id.split("/")[2] ?? "";
}

/** @internal */
export function sameId(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && a.toLowerCase() === b.toLowerCase();
}

/** Unique ids, compared case-insensitively as ARM compares them; the first spelling wins. @internal */
export function unique(values: readonly string[]): string[] {
  const seen = new Map<string, string>();
  for (const value of values)
    if (!seen.has(value.toLowerCase())) seen.set(value.toLowerCase(), value);
  return [...seen.values()];
}
